"""AVIF and WebP in <picture>, with every rendition made by a background task before any visitor
asks for it (media_pipeline/rendition_specs.py, rendition_tasks.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import features
from wagtail.images import get_image_model

from media_pipeline.rendition_specs import TEMPLATE_SPECS, all_specs, expand
from media_pipeline.rendition_tasks import generate_renditions, page_image_ids
from stories.models import StoryPage

STORY = "/en/stories/four-schools-dohuk/"
ROOT = Path(settings.BASE_DIR)


@pytest.fixture
def story(demo, locales) -> StoryPage:
    return StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")


@pytest.fixture
def pregenerate(settings):
    settings.MEDIA_PIPELINE_PREGENERATE_RENDITIONS = True


def rendition_inserts(queries) -> int:
    table = get_image_model().renditions.rel.related_model._meta.db_table
    return sum(1 for q in queries if q["sql"].startswith("INSERT") and table in q["sql"])


def test_pillow_here_encodes_avif():
    assert features.check("avif")


def test_story_images_offer_avif_and_webp_sources_with_a_jpeg_fallback(client, story):
    page = BeautifulSoup(client.get(STORY).content, "html.parser")
    hero, block = page.select_one(".story__hero picture"), page.select_one(".block-image picture")
    for picture in (hero, block):
        types = [source["type"] for source in picture.select("source")]
        assert types == ["image/avif", "image/webp"]
        assert all(" 640w" in source["srcset"] for source in picture.select("source"))
        fallback = picture.img
        assert fallback["src"].endswith(".jpg")
        assert fallback["alt"]
    assert page.select_one(".story__hero img")["fetchpriority"] == "high"
    assert page.select_one(".block-image img")["loading"] == "lazy"
    listing = BeautifulSoup(client.get("/en/stories/").content, "html.parser")
    card = listing.select_one(".story-card picture")
    assert [s["type"] for s in card.select("source")] == ["image/avif", "image/webp"]


def test_saving_an_image_queues_every_template_rendition(
    pregenerate, demo, django_capture_on_commit_callbacks
):
    image = get_image_model().objects.first()
    image.renditions.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        image.title = "Renamed"
        image.save()
    assert sorted(image.renditions.values_list("filter_spec", flat=True)) == all_specs()
    assert (
        image.renditions.filter(filter_spec__endswith="format-avif")
        .first()
        .file.name.endswith(".avif")
    )


def test_publishing_a_page_queues_the_renditions_of_its_images(
    pregenerate, story, django_capture_on_commit_callbacks
):
    ids = page_image_ids(story)
    assert story.hero_image_id in ids and len(ids) > 1  # hero and the body's images
    get_image_model().renditions.rel.related_model.objects.filter(image_id__in=ids).delete()
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    for image in get_image_model().objects.filter(pk__in=ids):
        assert set(all_specs()) <= set(image.renditions.values_list("filter_spec", flat=True))


def test_once_the_task_has_run_rendering_the_page_creates_no_rendition(client, story):
    shown = page_image_ids(story) | {s.hero_image_id for s in story.related()}
    generate_renditions.enqueue(sorted(i for i in shown if i))  # immediate backend in tests
    with CaptureQueriesContext(connection) as queries:
        response = client.get(STORY)
    assert response.status_code == 200
    assert rendition_inserts(queries.captured_queries) == 0


TAG = re.compile(r"{%\s*(?:picture|image|srcset_image)\s+\S+\s+((?:[a-z]+-[^\s%=]+\s*)+)")


def test_every_rendition_a_template_asks_for_is_pregenerated():
    specs = set(all_specs())
    asked = set()
    for folder in (ROOT / "templates", *ROOT.glob("*/templates")):
        for path in folder.rglob("*.html"):
            for match in TAG.finditer(path.read_text()):
                asked.update(expand(match.group(1).strip()))
    asked.update(expand("fill-1200x630 format-jpeg"))  # stories_tags.article_data
    assert asked, "no image tags found: the pattern is wrong"
    assert asked <= specs, asked - specs
    assert len(TEMPLATE_SPECS) == len(set(TEMPLATE_SPECS))
