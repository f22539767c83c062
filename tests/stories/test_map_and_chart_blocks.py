"""The interactive map and the chart: drawn on the server as SVG from the block's own data, with
the places and the numbers also as text, in the page's language, and bad input refused with a
message that says what to fix."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.blocks import StructBlockValidationError

from stories import world_map
from stories.blocks import ChartBlock, InteractiveMapBlock
from stories.models import StoryPage
from tests.storysite.test_editorial_roles import edit_data

MAP = {
    "title": "Where the schools are",
    "description": "",
    "countries": "IQ, SY",
    "bounds": "",
    "markers": [
        {"label": "Mosul", "latitude": "36.34", "longitude": "43.13", "popup": "Markets reopened."},
        {"label": "Raqqa", "latitude": "35.95", "longitude": "39.01", "popup": ""},
    ],
    "caption": "",
    "fallback_image": None,
    "fallback_alt_text": "",
}
CHART = {
    "title": "Pupils back in school",
    "kind": "bar",
    "data": "Year, Pupils\n2019, 1200.5\n2020, 18500\n2021, 26000",
    "unit": "pupils",
    "source": "",
}


def render(block, raw, language="en"):
    with translation.override(language):
        return BeautifulSoup(block.render(block.to_python(raw)), "html.parser")


def test_map_is_an_svg_of_the_countries_with_markers_in_tab_order_and_a_list_after_it():
    soup = render(InteractiveMapBlock(), MAP)
    svg = soup.select_one("svg")
    assert svg.select_one("title").get_text() == "Where the schools are"
    assert "2 places" in svg.select_one("desc").get_text()
    focus = [path.select_one("title").get_text() for path in svg.select("path.is-focus")]
    assert sorted(focus) == ["Iraq", "Syrian Arab Republic"]
    # Zoomed to Iraq and Syria: shapes far away are left out of the page.
    names = {path.select_one("title").get_text() for path in svg.select("path")}
    assert "Turkey" in names or "Türkiye" in names
    assert "Brazil" not in names
    markers = svg.select("a[data-geomap-marker]")
    assert [m["aria-label"] for m in markers] == ["1. Mosul", "2. Raqqa"]
    places = soup.select(".block-geomap__places li")
    assert [li.select_one("strong").get_text() for li in places] == ["Mosul", "Raqqa"]
    assert markers[0]["href"] == "#" + places[0]["id"]
    assert "Markets reopened." in places[0].get_text()


def test_marker_sits_where_its_coordinates_project_inside_the_view():
    soup = render(InteractiveMapBlock(), MAP)
    x0, y0, width, height = map(float, soup.select_one("svg")["viewbox"].split())
    dot = soup.select_one("a[data-geomap-marker] circle")
    x, y = world_map.project(43.13, 36.34)
    assert float(dot["cx"]) == pytest.approx(x, abs=0.1)
    assert float(dot["cy"]) == pytest.approx(y, abs=0.1)
    assert x0 < x < x0 + width and y0 < y < y0 + height
    # Mosul is east of Raqqa: further right on the map, in every language.
    ar = render(InteractiveMapBlock(), MAP, "ar")
    xs = [float(c["cx"]) for c in ar.select("a[data-geomap-marker] circle")]
    assert xs[0] > xs[1]


def test_country_names_are_in_the_page_language():
    fr = {
        p.select_one("title").get_text()
        for p in render(InteractiveMapBlock(), MAP, "fr").select("path.is-focus")
    }
    ar = {
        p.select_one("title").get_text()
        for p in render(InteractiveMapBlock(), MAP, "ar").select("path.is-focus")
    }
    assert fr == {"Irak", "Syrie"}
    assert ar == {"العراق", "سوريا"}


def test_world_map_without_zoom_shows_every_country():
    soup = render(InteractiveMapBlock(), {**MAP, "countries": "", "markers": []})
    assert soup.select_one("svg")["viewbox"] == f"0 0 1000 {world_map.svg_number(world_map.HEIGHT)}"
    assert len(soup.select("path")) == len(world_map.countries())
    assert soup.select(".block-geomap__places") == []


def test_map_block_html_holds_no_per_request_state():
    """The body HTML is cached by revision: the same value renders the same bytes."""
    block = InteractiveMapBlock()
    first = block.render(block.to_python(MAP))
    second = block.render(block.to_python(MAP))
    assert first == second
    assert "nonce" not in first and "<script" not in first


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"countries": "IQ, XX"}, "countries", "XX"),
        ({"bounds": "49, 29, 38, 38"}, "bounds", "West must be less than east"),
    ],
)
def test_map_refuses_unknown_countries_and_inverted_boxes(change, field, message):
    block = InteractiveMapBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({**MAP, **change}))
    assert message in str(error.value.block_errors[field])


def test_chart_is_an_svg_picture_plus_a_real_table():
    soup = render(ChartBlock(), CHART)
    svg = soup.select_one("svg[role=img]")
    assert "Pupils back in school" in svg["aria-label"]
    assert len(svg.select("rect")) == 3
    heights = [float(r["height"]) for r in svg.select("rect")]
    assert heights[0] < heights[1] < heights[2]
    table = soup.select_one("table")
    assert table.select_one("caption").get_text() == "Pupils back in school (pupils)"
    assert [th["scope"] for th in table.select("thead th")] == ["col", "col"]
    assert [th.get_text() for th in table.select("tbody th[scope=row]")] == ["2019", "2020", "2021"]
    assert [td.get_text() for td in table.select("td")] == ["1,200.5", "18,500.0", "26,000.0"]


def test_chart_numbers_follow_french_and_arabic_conventions():
    fr = [td.get_text() for td in render(ChartBlock(), CHART, "fr").select("td")]
    assert fr == ["1\xa0200,5", "18\xa0500,0", "26\xa0000,0"]
    # Django's Arabic formats: Western digits, comma as decimal separator, no grouping
    # (docs/i18n.md, "Numbers in charts").
    ar = [td.get_text() for td in render(ChartBlock(), CHART, "ar").select("td")]
    assert ar == ["1200,5", "18500,0", "26000,0"]


def test_arabic_chart_runs_from_the_right():
    en = render(ChartBlock(), CHART)
    ar = render(ChartBlock(), CHART, "ar")

    def first_bar_x(soup):
        return float(soup.select("rect")[0]["x"])

    assert first_bar_x(ar) > first_bar_x(en)
    ticks_en = [float(t["x"]) for t in en.select("svg > text[text-anchor=end]")]
    ticks_ar = [float(t["x"]) for t in ar.select("svg > text[text-anchor=start]")]
    assert max(ticks_en) < 100 < min(ticks_ar)


def test_line_chart_and_single_number():
    line = render(ChartBlock(), {**CHART, "kind": "line"})
    assert len(line.select("polyline")) == 1 and len(line.select("circle")) == 3
    number = render(ChartBlock(), {**CHART, "kind": "number"}, "fr")
    assert (
        number.select_one(".block-chart__number").get_text(" ", strip=True) == "26\xa0000,0 pupils"
    )
    assert number.select_one("table") is not None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("Year, Pupils\n2019, lots", "Line 2, column 2: “lots” is not a number."),
        ("Year, Pupils\n2019, 12, 13", "Line 2 has 3 columns; line 1 has 2."),
        ("Year, Pupils", "Give a header line and at least one line of data"),
    ],
)
def test_chart_refuses_bad_csv_saying_where(data, message):
    block = ChartBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({**CHART, "data": data}))
    assert message in " ".join(error.value.block_errors["data"].messages)


def test_admin_shows_the_csv_error_and_saves_nothing(admin_client, demo, locales):
    story = StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")
    revisions = story.revisions.count()
    body = [("chart", {**CHART, "data": "Year, Pupils\n2019, lots"})]
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[story.pk]),
        edit_data(story, story.title, "action-publish", body),
    )
    assert response.status_code == 200
    html = response.content.decode()
    # The stream's errors reach the page as the block editor's JSON (rendered by its script).
    assert "Line 2, column 2: \\u201clots\\u201d is not a number." in html or (
        "Line 2, column 2: “lots” is not a number." in html
    )
    assert story.revisions.count() == revisions


def test_marker_labels_and_chart_labels_become_translation_segments(demo):
    from wagtail_localize.segments.extract import extract_segments

    page = StoryPage.objects.filter(locale__language_code="en").first()
    saved_map = {
        **MAP,
        "markers": [
            {"type": "item", "value": marker, "id": f"marker-{i}"}
            for i, marker in enumerate(MAP["markers"])
        ],
    }
    page.body = json.dumps(
        [
            # List items carry ids in saved pages, as the editor writes them.
            {"type": "interactive_map", "value": saved_map, "id": "map-1"},
            {"type": "chart", "value": CHART, "id": "chart-1"},
        ]
    )
    strings = {
        segment.render_text()
        for segment in extract_segments(page)
        if hasattr(segment, "render_text")
    }
    assert {"Where the schools are", "Mosul", "Raqqa", "Markets reopened."} <= strings
    assert {"Pupils back in school", "Year", "Pupils", "2019", "pupils"} <= strings
    # Codes and numbers are not the translator's to change.
    assert not strings & {"IQ, SY", "36.34", "1200.5", CHART["data"]}


def test_translated_chart_labels_keep_the_numbers():
    block = ChartBlock().child_blocks["data"]
    from wagtail_localize.segments import StringSegmentValue

    translated = [
        StringSegmentValue("corner", "Année"),
        StringSegmentValue("series-0", "Élèves"),
    ]
    csv_text = block.restore_translated_segments(CHART["data"], translated)
    assert csv_text.splitlines()[0] == "Année,Élèves"
    assert csv_text.splitlines()[1] == "2019,1200.5"


def test_csv_number_parsing_accepts_editors_habits():
    from stories.blocks.chart import parse_number

    assert [str(parse_number(t)) for t in ("1234.5", "1,234.5", "1 234,5", "12%")] == [
        "1234.5",
        "1234.5",
        "1234.5",
        "12",
    ]
    with pytest.raises(ValueError):
        parse_number("NaN")
    with pytest.raises(ValidationError):
        ChartBlock().child_blocks["data"].clean("Year, A, B, C, D, E\n1, 2, 3, 4, 5, 6")
