"""Each storytelling block renders what the reader needs, copes with empty optional values, and
rejects bad input with a message an editor can act on; pages cost the same queries however many
blocks they hold."""

import datetime
import itertools
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from stories.blocks import (
    AccordionBlock,
    BeforeAfterBlock,
    ConsentEmbedBlock,
    DocumentDownloadBlock,
    FullBleedImageBlock,
    GalleryBlock,
    HeadingBlock,
    KeyFactBlock,
    MapBlock,
    QuoteBlock,
    RelatedStoryBlock,
    ScrollytellingBlock,
    StoryStreamBlock,
    TimelineBlock,
)
from stories.blocks.digest_item import DigestItemBlock
from stories.blocks.embed import player_url
from stories.models import StoryIndexPage, StoryPage


def render(block, raw: dict, context=None) -> BeautifulSoup:
    value = block.to_python(raw)
    return BeautifulSoup(block.render(value, context or {}), "html.parser")


@pytest.fixture
def image(demo):
    return get_image_model().objects.get(title="A classroom ready for lessons")


@pytest.fixture
def other_image(demo):
    return get_image_model().objects.get(title="The blacksmith market in ruins")


def test_every_block_has_label_icon_help_text_template_and_description():
    for name, block in StoryStreamBlock().child_blocks.items():
        # Each app keeps its blocks' templates: the video and audio blocks are the pipeline's.
        app = "media_pipeline" if name in ("video", "audio") else "stories"
        assert block.meta.template == f"{app}/blocks/{block.meta.template.split('/')[-1]}"
        assert block.meta.icon and block.meta.icon != "placeholder" or name == "scrollytelling"
        assert str(block.meta.help_text), name
        assert str(block.meta.description), name
        assert str(block.label), name


def test_stored_block_names_stay_and_video_comes_from_the_media_pipeline():
    from media_pipeline.blocks import VideoBlock

    blocks = StoryStreamBlock().child_blocks
    assert {"text", "image", "quote", "video"} <= set(blocks)
    assert isinstance(blocks["video"], VideoBlock)


def test_heading_derives_an_anchor_and_links_to_itself():
    html = render(HeadingBlock(), {"text": "Back to school", "level": "h2", "anchor": ""})
    assert html.h2["id"] == "back-to-school"
    assert html.h2.a["href"] == "#back-to-school"
    arabic = render(HeadingBlock(), {"text": "العودة إلى المدرسة", "level": "h3", "anchor": ""})
    assert arabic.h3["id"] == "العودة-إلى-المدرسة"


def test_heading_anchor_must_be_a_slug():
    block = HeadingBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"text": "Hi", "level": "h2", "anchor": "has spaces"}))


def test_key_fact_without_detail(demo):
    html = render(KeyFactBlock(), {"figure": "4000", "label": "displaced children", "detail": ""})
    assert html.select_one(".block-key-fact__figure").get_text() == "4000"
    assert html.select_one(".block-key-fact__detail") is None


def test_quote_without_attribution():
    html = render(QuoteBlock(), {"quote": "Words.", "attribution": "", "role": ""})
    assert html.blockquote.get_text(strip=True) == "Words."
    assert html.figcaption is None


def test_full_bleed_image_uses_wide_srcset_and_lazy_loading(image):
    html = render(FullBleedImageBlock(), {"image": image.pk, "alt_text": "Desks", "caption": ""})
    img = html.img
    assert img["alt"] == "Desks" and img["loading"] == "lazy"
    # Three widths (640, 1200, then 2000 capped at the original's width, as the file really is).
    widths = [c.split()[-1] for c in img["srcset"].split(", ")]
    assert widths == ["640w", "1200w", f"{image.width}w"] and img["sizes"] == "100vw"
    assert html.figcaption.get_text(strip=True) == "Demo illustration"  # the image's credit


def test_gallery_renders_slides_with_alt_text_and_hidden_controls(image, other_image):
    raw = {
        "title": "",
        "images": [
            {"image": image.pk, "alt_text": "One", "caption": ""},
            {"image": other_image.pk, "alt_text": "Two", "caption": "Second"},
        ],
    }
    html = render(GalleryBlock(), raw)
    slides = html.select(".block-gallery__slide")
    assert [s.img["alt"] for s in slides] == ["One", "Two"]
    assert slides[0]["aria-label"] == "1 of 2"
    assert html.select_one(".block-gallery__controls").has_attr("hidden")  # JS reveals them
    assert html.section["aria-label"] == "Photo gallery"


def test_gallery_image_needs_alt_text(image):
    block = GalleryBlock()
    raw = {"title": "", "images": [{"image": image.pk, "alt_text": ""}] * 2}
    with pytest.raises(ValidationError):
        block.clean(block.to_python(raw))


def test_embed_loads_nothing_from_the_provider_before_consent():
    html = render(
        ConsentEmbedBlock(),
        {"url": "https://www.youtube.com/watch?v=abcdefghijk", "title": "Film", "caption": ""},
    )
    assert html.find("iframe") is None and html.find("script") is None
    assert html.figure["data-consent-embed"] == "https://www.youtube-nocookie.com/embed/abcdefghijk"
    assert html.find("a", href="https://www.youtube.com/watch?v=abcdefghijk")


@pytest.mark.parametrize(
    ("url", "player"),
    [
        ("https://youtu.be/abcdefghijk", "https://www.youtube-nocookie.com/embed/abcdefghijk"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://example.com/video.mp4", None),
        ("javascript:alert(1)", None),
    ],
)
def test_embed_player_addresses(url, player):
    assert player_url(url) == player


def test_embed_rejects_unknown_providers_with_a_message():
    block = ConsentEmbedBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python({"url": "https://example.com/x", "title": "X"}))
    assert "YouTube or Vimeo" in str(error.value.block_errors["url"])


def test_before_after_has_a_keyboard_slider_revealed_by_script(image, other_image):
    raw = {
        "before_image": other_image.pk,
        "before_alt_text": "Ruins",
        "before_label": "2017",
        "after_image": image.pk,
        "after_alt_text": "Rebuilt",
        "after_label": "2019",
        "caption": "",
    }
    html = render(BeforeAfterBlock(), raw)
    slider = html.select_one("input[type=range]")
    assert slider["min"] == "0" and slider["max"] == "100" and slider["value"] == "50"
    assert slider.find_parent("label").has_attr("hidden")
    assert [img["alt"] for img in html.select("img")] == ["Ruins", "Rebuilt"]


def test_before_after_needs_both_descriptions(image):
    block = BeforeAfterBlock()
    raw = {"before_image": image.pk, "after_image": image.pk, "before_alt_text": "x"}
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python(raw))
    assert "after_alt_text" in error.value.block_errors


def test_map_shows_coordinates_and_links_to_openstreetmap_without_tiles(image):
    raw = {
        "image": image.pk,
        "alt_text": "Map",
        "place": "Dohuk, Iraq",
        "latitude": "36.86709",
        "longitude": "42.98845",
        "caption": "",
    }
    html = render(MapBlock(), raw)
    assert html.select_one(".block-map__coords").get_text() == "36.8671, 42.9885"
    assert "mlat=36.86709&mlon=42.98845" in html.find("a")["href"]
    assert html.find("iframe") is None and html.find("script") is None


def test_map_rejects_impossible_coordinates(image):
    block = MapBlock()
    raw = {"image": image.pk, "alt_text": "M", "place": "X", "latitude": "91", "longitude": "0"}
    with pytest.raises(ValidationError):
        block.clean(block.to_python(raw))


def test_timeline_with_an_event_without_details():
    html = render(
        TimelineBlock(), {"title": "", "events": [{"when": "2014", "title": "Flee", "text": ""}]}
    )
    assert html.select_one(".block-timeline__when").get_text() == "2014"
    assert html.find("h2") is None


def test_accordion_uses_native_details():
    raw = {"title": "", "items": [{"question": "Who?", "answer": "<p>Partners.</p>"}]}
    html = render(AccordionBlock(), raw)
    assert html.details.summary.get_text(strip=True) == "Who?"
    assert "Partners." in html.details.get_text()


def test_scrollytelling_is_a_plain_sequence_in_html(image, other_image):
    raw = {
        "title": "",
        "steps": [
            {
                "media": [{"type": "image", "value": {"image": image.pk, "alt_text": "A"}}],
                "text": "First",
            },
            {
                "media": [{"type": "image", "value": {"image": other_image.pk, "alt_text": "B"}}],
                "text": "Second",
            },
        ],
    }
    html = render(ScrollytellingBlock(), raw)
    steps = html.select(".block-scrolly__step")
    assert [s.select_one(".block-scrolly__text").get_text() for s in steps] == ["First", "Second"]
    assert all(step.img for step in steps)  # each step shows its picture without JavaScript


def test_document_download_states_format_and_size(demo):
    document = get_document_model().objects.get(title="Dohuk schools factsheet (demo)")
    html = render(
        DocumentDownloadBlock(), {"document": document.pk, "title": "", "description": ""}
    )
    assert html.a.get_text() == "Dohuk schools factsheet (demo)"
    assert html.select_one(".block-document__meta").get_text().startswith("(PDF, ")


def test_related_story_card_shows_the_translation_of_the_reader(demo, locales):
    english = StoryPage.objects.get(locale=locales["en"], slug="mosul-blacksmith-market")
    french_page = StoryPage.objects.get(locale=locales["fr"], slug="zahra-dessine-a-nouveau-raqqa")
    block = RelatedStoryBlock()
    value = block.to_python({"story": english.pk, "lead": ""})
    html = BeautifulSoup(block.render(value, {"page": french_page}), "html.parser")
    assert html.a.get_text() == "La reconstruction du marché des forgerons de Mossoul"


def test_related_story_card_disappears_when_the_story_is_gone(demo):
    block = RelatedStoryBlock()
    value = block.to_python({"story": 999_999, "lead": ""})
    assert block.render(value, {}).strip() == ""


def test_digest_item_link_must_be_a_web_address():
    block = DigestItemBlock()
    raw = {
        "date": "2019-02-21",
        "headline": "H",
        "summary": "S",
        "source_name": "Reuters",
        "source_url": "ftp://example.com/x",
    }
    with pytest.raises(ValidationError):
        block.clean(block.to_python(raw))


# ---- Query count ---------------------------------------------------------------------------


def _body(count: int, image, other_image, document, related) -> list:
    samples = [
        ("text", "<p>Paragraph.</p>"),
        ("heading", {"text": "Section", "level": "h2", "anchor": ""}),
        ("image", {"image": image, "alt_text": "Desks", "caption": "Caption"}),
        ("key_fact", {"figure": "12", "label": "classrooms"}),
        ("related_story", {"story": related, "lead": ""}),
        ("quote", {"quote": "Words.", "attribution": "Someone"}),
        (
            "gallery",
            {
                "title": "G",
                "images": [
                    {"image": image, "alt_text": "A"},
                    {"image": other_image, "alt_text": "B"},
                ],
            },
        ),
        (
            "before_after",
            {
                "before_image": other_image,
                "before_alt_text": "Before",
                "before_label": "2017",
                "after_image": image,
                "after_alt_text": "After",
                "after_label": "2019",
            },
        ),
        (
            "map",
            {
                "image": image,
                "alt_text": "Map",
                "place": "Dohuk",
                "latitude": Decimal("36.86709"),
                "longitude": Decimal("42.98845"),
            },
        ),
        ("document", {"document": document, "title": "", "description": ""}),
        ("timeline", {"title": "T", "events": [{"when": "2014", "title": "E", "text": ""}]}),
        ("accordion", {"title": "", "items": [{"question": "Q", "answer": "<p>A</p>"}]}),
        ("embed", {"url": "https://youtu.be/abcdefghijk", "title": "Film"}),
        ("full_bleed_image", {"image": other_image, "alt_text": "Wide"}),
        (
            "scrollytelling",
            {
                "title": "",
                "steps": [
                    {"media": [("image", {"image": image, "alt_text": "1"})], "text": "One"},
                    {
                        "media": [("image", {"image": other_image, "alt_text": "2"})],
                        "text": "Two",
                    },
                ],
            },
        ),
    ]
    return list(itertools.islice(itertools.cycle(samples), count))


@pytest.fixture
def uncached(settings):
    """Measure rendering, not the whole-page cache (which would answer with no query at all)."""
    settings.PAGE_CACHE_SECONDS = 0


def test_story_query_count_does_not_grow_with_its_blocks(
    client, demo, locales, image, other_image, django_assert_max_num_queries, uncached
):
    index = StoryIndexPage.objects.get(locale=locales["en"])
    document = get_document_model().objects.first()
    related = StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")
    urls = {}
    # 5 blocks (5 types), 30 blocks of the same 5 types, and 30 blocks of all 15 types.
    for name, count, types in (("small", 5, 5), ("repeated", 30, 5), ("varied", 30, 15)):
        body = list(
            itertools.islice(
                itertools.cycle(_body(types, image, other_image, document, related)), count
            )
        )
        story = StoryPage(
            title=f"Story {name}",
            slug=f"blocks-{name}",
            standfirst="Query count.",
            date=datetime.date(2024, 1, 1),
            hero_image=image,
            body=body,
        )
        index.add_child(instance=story)
        urls[name] = story.url
        assert client.get(story.url).status_code == 200  # warm the rendition cache
    counts = {}
    for name, url in urls.items():
        with django_assert_max_num_queries(MAX_STORY_QUERIES, info=name) as queries:
            assert client.get(url).status_code == 200
        counts[name] = len(queries.captured_queries)
    # Queries are made per block *type* (one bulk fetch each), never per block.
    print(f"story queries by body: {counts}")
    assert counts["repeated"] == counts["small"] > 0


MAX_STORY_QUERIES = 27  # the varied body: one bulk fetch per block type, none per block


def test_biggest_demo_story_stays_within_the_query_budget(
    client, demo, locales, django_assert_max_num_queries, uncached
):
    stories = StoryPage.objects.filter(locale=locales["en"])
    biggest = max(stories, key=lambda story: len(story.body))
    assert client.get(biggest.url).status_code == 200  # warm the rendition cache
    with django_assert_max_num_queries(MAX_STORY_QUERIES) as queries:
        assert client.get(biggest.url).status_code == 200
    assert len(queries.captured_queries) > 0  # really rendered, not served from the page cache
    print(f"{biggest.title}: {len(biggest.body)} blocks, {len(queries.captured_queries)} queries")


def test_a_missing_rendition_is_made_once_not_on_every_visit(
    client, demo, locales, image, uncached, monkeypatch
):
    """Renditions are prefetched for the whole page; one that does not exist yet is generated on
    the first visit and found on the next ones (Pillow never runs again for it)."""
    image_model = type(image)
    generated = []
    generate = image_model.generate_rendition_file

    def counting_generate(self, filter, **kwargs):
        generated.append(filter.spec)
        return generate(self, filter, **kwargs)

    monkeypatch.setattr(image_model, "generate_rendition_file", counting_generate)
    index = StoryIndexPage.objects.get(locale=locales["en"])
    story = StoryPage(
        title="Fresh renditions",
        slug="fresh-renditions",
        standfirst="Renditions.",
        date=datetime.date(2024, 1, 1),
        hero_image=image,
        body=[("image", {"image": image, "alt_text": "A classroom", "caption": ""})],
    )
    index.add_child(instance=story)
    image.renditions.all().delete()
    from django.core.cache import caches

    caches["default"].clear()  # renditions are cached there too
    assert client.get(story.url).status_code == 200
    assert "width-1200|format-webp" in generated
    generated.clear()
    assert client.get(story.url).status_code == 200
    assert generated == []
