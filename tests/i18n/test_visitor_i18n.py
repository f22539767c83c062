"""What visitors see of the languages: hreflang alternates, Arabic dates, bidi isolation, fonts,
and the machine translator chosen by the environment."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ImproperlyConfigured

from stories.public_urls import public_base_url
from storysite.settings.translation import DEEPL, DUMMY, machine_translator


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def alternates(page: BeautifulSoup) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in page.select("link[rel=alternate]")}


def test_story_lists_every_translation_and_x_default_the_english_one(client, demo):
    english = soup(client.get("/en/stories/four-schools-dohuk/"))
    links = alternates(english)
    assert set(links) == {"en", "fr", "ar", "x-default"}
    assert links["en"] == "http://testserver/en/stories/four-schools-dohuk/"
    assert links["x-default"] == links["en"]
    # Every alternate is a live page in its language that points back to the same set.
    for code in ("fr", "ar"):
        translated = soup(client.get(links[code].removeprefix("http://testserver")))
        assert translated.html["lang"] == code
        assert alternates(translated) == links


def test_home_x_default_is_the_language_negotiating_root(client, demo):
    links = alternates(soup(client.get("/ar/")))
    assert links["x-default"] == "http://testserver/"
    assert links["fr"] == "http://testserver/fr/"


def test_search_page_has_alternates_in_every_language(client, demo):
    links = alternates(soup(client.get("/fr/search/?q=Mossoul")))
    assert links["ar"] == "http://testserver/ar/search/?q=Mossoul"
    assert links["x-default"] == "http://testserver/en/search/?q=Mossoul"


def test_arabic_dates_use_arabic_month_names_with_western_digits(client, demo):
    page = soup(client.get("/ar/"))
    dates = {time["datetime"]: time.get_text(strip=True) for time in page.select("time")}
    assert dates["2019-02-14"] == "14 فبراير 2019"


def test_french_dates_use_french_month_names(client, demo):
    page = soup(client.get("/fr/"))
    dates = {time["datetime"]: time.get_text(strip=True) for time in page.select("time")}
    assert dates["2019-02-14"] == "14 février 2019"


def test_latin_hashtags_are_isolated_inside_arabic_text(client, demo):
    page = soup(client.get("/ar/"))
    hashtags = page.select(".story-card__campaign")
    assert hashtags
    for hashtag in hashtags:
        assert hashtag.bdi is not None and hashtag.bdi.get_text().startswith("#")


def test_arabic_pages_preload_the_arabic_font_and_others_do_not(client, demo):
    arabic = soup(client.get("/ar/"))
    preload = arabic.select_one("link[rel=preload][as=font]")
    assert preload["href"].endswith("noto-naskh-arabic-arabic-400-normal.woff2")
    assert preload.has_attr("crossorigin")
    assert soup(client.get("/fr/")).select_one("link[rel=preload][as=font]") is None
    assert client.get(preload["href"]).status_code == 200
    assert arabic.select_one('link[rel=stylesheet][href$="fonts.css"]') is not None


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, {"CLASS": DUMMY}),
        ({"DEEPL_API_KEY": "k:fx"}, {"CLASS": DEEPL, "OPTIONS": {"AUTH_KEY": "k:fx"}}),
        ({"DEEPL_API_KEY": "k", "MACHINE_TRANSLATOR": "dummy"}, {"CLASS": DUMMY}),
        ({"MACHINE_TRANSLATOR": "none"}, None),
    ],
)
def test_machine_translator_follows_the_environment(environ, expected):
    assert machine_translator(environ) == expected


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"MACHINE_TRANSLATOR": "deepl"}, "needs DEEPL_API_KEY"),
        ({"MACHINE_TRANSLATOR": "google"}, "not one of: dummy, deepl, none"),
    ],
)
def test_machine_translator_misconfiguration_is_explained(environ, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        machine_translator(environ)


def test_dummy_machine_translation_fills_a_french_segment_from_the_editor(
    admin_client, demo, locales
):
    from stories.models import StoryPage

    from .conftest import translation_for

    french = StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk").get_translation(
        locales["fr"]
    )
    translation = translation_for(french)
    segment = translation.source.stringsegment_set.select_related("string").first()
    segment.string.translations.filter(locale=locales["fr"]).delete()
    response = admin_client.post(
        f"/admin/localize/translate/{translation.pk}/machine_translate/",
        {"next": f"/admin/pages/{french.pk}/edit/"},
    )
    assert response.status_code == 302
    filled = segment.string.translations.get(locale=locales["fr"])
    assert filled.translation_type == "machine"
    # The offline dummy translator reverses the word order: visibly machine-made.
    assert filled.data.split() == list(reversed(segment.string.data.split()))


def test_sitemap_lists_every_language_with_hreflang_alternates(client, demo):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.fromstring(response.content)
    entries = {
        url.find("s:loc", ns).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in root.findall("s:url", ns)
    }
    base = public_base_url()  # PUBLIC_BASE_URL, else WAGTAILADMIN_BASE_URL (stories/public_urls)
    story = f"{base}/en/stories/four-schools-dohuk/"
    assert story in entries
    alternates = entries[story]
    assert set(alternates) == {"en", "fr", "ar", "x-default"}
    assert alternates["x-default"] == story
    assert alternates["fr"] in entries and alternates["ar"] in entries  # French/Arabic listed
    assert entries[f"{base}/fr/"]["x-default"] == f"{base}/"


def test_not_found_pages_advertise_no_alternates(client, demo):
    response = client.get("/fr/no-such-page/")
    assert response.status_code == 404
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select("link[rel=alternate]") == []


@pytest.mark.parametrize(
    ("language", "direction", "heading"),
    [("fr", "ltr", "Un problème est survenu"), ("ar", "rtl", "حدث خطأ ما")],
)
def test_server_error_page_speaks_the_visitors_language(rf, language, direction, heading):
    from django.utils import translation

    from storysite.errors import server_error  # handler500

    with translation.override(language):
        response = server_error(rf.get(f"/{language}/"))
    page = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 500
    assert (page.html["lang"], page.html["dir"]) == (language, direction)
    assert page.h1.get_text(strip=True) == heading
