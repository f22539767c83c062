"""Rendered fragments and routes kept across requests (stories/render_cache.py): what a visitor
sees must never be older than what was published, nor a draft, nor another language's."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from stories.models import StoryPage

STORY = "/en/stories/four-schools-dohuk/"


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def body_text(response) -> str:
    return soup(response).select_one(".story__body").get_text(" ", strip=True)


@pytest.fixture
def story(demo, locales) -> StoryPage:
    return StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")


def with_first_paragraph(page: StoryPage, text: str) -> StoryPage:
    page = page.get_latest_revision_as_object()
    index = next(i for i, block in enumerate(page.body) if block.block_type == "text")
    raw = page.body.raw_data
    raw[index]["value"] = f"<p>{text}</p>"
    page.body = raw
    return page


def test_a_cached_body_shows_the_new_text_once_a_new_revision_is_published(client, story):
    before = body_text(client.get(STORY))
    assert "Brand new opening paragraph" not in before
    assert body_text(client.get(STORY)) == before  # served from the fragment cache

    with_first_paragraph(story, "Brand new opening paragraph.").save_revision().publish()

    assert "Brand new opening paragraph." in body_text(client.get(STORY))


def test_a_warm_story_costs_at_most_ten_queries_and_fewer_than_a_cold_one(client, story):
    with CaptureQueriesContext(connection) as cold:
        client.get(STORY)
    with CaptureQueriesContext(connection) as warm:
        response = client.get(STORY)
    assert response.status_code == 200
    assert len(warm.captured_queries) <= 10
    assert len(warm.captured_queries) < len(cold.captured_queries)


def test_preview_shows_the_draft_and_leaves_visitors_the_published_body(client, story):
    published = body_text(client.get(STORY))  # the live body is now in the cache
    with_first_paragraph(story, "Draft sentence not yet public.").save_revision()
    draft = StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()

    preview = draft.make_preview_request()

    assert "Draft sentence not yet public." in BeautifulSoup(
        preview.content, "html.parser"
    ).select_one(".story__body").get_text(" ", strip=True)
    assert body_text(client.get(STORY)) == published
    assert "Draft sentence" not in published


def test_english_french_and_arabic_bodies_are_not_mixed(client, story):
    french = story.get_translation(story.locale.__class__.objects.get(language_code="fr"))
    arabic = story.get_translation(story.locale.__class__.objects.get(language_code="ar"))
    bodies = {}
    for _ in range(2):  # the second round is served from the cache
        for code, page in (("en", story), ("fr", french), ("ar", arabic)):
            bodies.setdefault(code, set()).add(body_text(client.get(page.url)))
    assert all(len(texts) == 1 for texts in bodies.values())
    en, fr, ar = (bodies[code].pop() for code in ("en", "fr", "ar"))
    assert len({en, fr, ar}) == 3
    assert "لا تزال آلاف العائلات" in ar
    assert "لا تزال آلاف العائلات" not in fr


def test_a_related_story_card_in_the_body_shows_the_retitled_story(client, story):
    """The body is cached, but it shows another page: publishing that page makes it stale."""
    block = next(b for b in story.body if b.block_type == "related_story")
    related = block.value["story"].specific
    assert related.title in body_text(client.get(STORY))
    related = related.get_latest_revision_as_object()
    related.title = "A retitled related story"
    related.save_revision().publish()

    assert "A retitled related story" in body_text(client.get(STORY))


def test_a_story_moved_to_a_new_slug_is_found_there_and_no_longer_at_the_old_address(client, story):
    client.get(STORY)  # the route is now cached
    page = story.get_latest_revision_as_object()
    page.slug = "four-schools-dohuk-renamed"
    page.save_revision().publish()

    assert client.get(STORY).status_code == 404
    assert client.get("/en/stories/four-schools-dohuk-renamed/").status_code == 200


def test_an_unpublished_story_is_not_served_from_a_cached_route(client, story):
    assert client.get(STORY).status_code == 200
    StoryPage.objects.get(pk=story.pk).unpublish()
    assert client.get(STORY).status_code == 404


NONCE_TEMPLATE = Template(
    "{% load render_cache_tags %}{% cachedfragment 'embed' page %}"
    '<script nonce="{{ request.csp_nonce }}" src="/static/js/x.js"></script>'
    "{% endcachedfragment %}"
)


def test_a_cached_fragment_carries_the_current_requests_csp_nonce(story):
    rendered = []
    for nonce in ("first-nonce-aaaa", "second-nonce-bbbb"):
        request = RequestFactory().get(STORY)
        request.csp_nonce = nonce
        rendered.append(NONCE_TEMPLATE.render(Context({"request": request, "page": story})))
    assert 'nonce="first-nonce-aaaa"' in rendered[0]
    assert 'nonce="second-nonce-bbbb"' in rendered[1]
    assert "first-nonce" not in rendered[1]


def test_a_fragment_is_never_read_or_stored_for_a_preview_request(story):
    template = Template(
        "{% load render_cache_tags %}{% cachedfragment 'x' page %}{{ text }}{% endcachedfragment %}"
    )
    request = RequestFactory().get(STORY)
    preview = RequestFactory().get(STORY)
    preview.is_preview = True
    assert template.render(Context({"request": request, "page": story, "text": "live"})) == "live"
    assert template.render(Context({"request": preview, "page": story, "text": "draft"})) == (
        "draft"
    )
    assert template.render(Context({"request": request, "page": story, "text": "other"})) == (
        "live"
    )
