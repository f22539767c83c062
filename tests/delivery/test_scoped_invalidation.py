"""A publish makes stale only the cached pages that show what changed: the page, its
translations and the pages that list it (home, index, campaign page, other stories' related
cards, feeds, sitemap); every other page stays cached. An image change reaches the pages that
use it, no others."""

from __future__ import annotations

import pytest
from wagtail.images import get_image_model

from delivery.page_cache import STATUS_HEADER
from stories.models import StoryPage, StoryRelatedStory

STORY_A = "/en/stories/four-schools-dohuk/"  # campaign "foreverychild"
STORY_B = "/en/stories/mosul-blacksmith-market/"  # campaign "lifeafterdaesh": never shows A
ZAHRA = "/en/stories/zahra-draws-again-raqqa/"  # picks A as a related story (below)
LISTING_A = ["/en/", "/en/stories/", "/en/foreverychild/", ZAHRA]


def status(response) -> str | None:
    return response.get(STATUS_HEADER)


def cache(client, paths) -> dict[str, bytes]:
    """Each page served once (stored) and then from the cache."""
    copies = {}
    for path in paths:
        assert client.get(path).status_code == 200, path
        again = client.get(path)
        assert status(again) == "HIT", path
        copies[path] = again.content
    return copies


@pytest.fixture
def story_a(locales):
    return StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")


@pytest.fixture
def zahra_picks_a(locales, story_a):
    zahra = StoryPage.objects.get(locale=locales["en"], slug="zahra-draws-again-raqqa")
    zahra.related_stories = [StoryRelatedStory(story=story_a)]
    zahra.save_revision().publish()
    return zahra


def test_editing_story_a_keeps_b_cached_and_changes_every_page_that_lists_a(
    client,
    demo,
    story_a,
    zahra_picks_a,
    django_assert_num_queries,
    django_capture_on_commit_callbacks,
):
    before = cache(client, [STORY_A, STORY_B, *LISTING_A])
    assert b"four-schools-dohuk" in client.get("/sitemap.xml").content

    with django_capture_on_commit_callbacks(execute=True):
        story_a.title = "Four schools reopen in Dohuk"
        story_a.slug = "four-schools-reopen-dohuk"
        story_a.save_revision().publish()

    with django_assert_num_queries(0):
        b = client.get(STORY_B)
    assert status(b) == "HIT"
    assert b.content == before[STORY_B]

    new_url = "/en/stories/four-schools-reopen-dohuk/"
    for path in LISTING_A:
        response = client.get(path)
        assert status(response) == "MISS", path
        text = response.content.decode()
        assert "Four schools reopen in Dohuk" in text, path
        assert new_url in text, path
        assert 'href="/en/stories/four-schools-dohuk/"' not in text, path
    feed = client.get("/en/feeds/stories/").content.decode()
    assert "Four schools reopen in Dohuk" in feed
    sitemap = client.get("/sitemap.xml").content.decode()
    assert new_url in sitemap
    assert "four-schools-dohuk/" not in sitemap
    old = client.get(STORY_A)
    assert old.status_code == 301, "the old address redirects, no cached copy of the old page"
    assert old["Location"] == new_url
    page = client.get(new_url)
    assert page.status_code == 200
    assert "Four schools reopen in Dohuk" in page.content.decode()


def test_publishing_a_translation_changes_it_and_its_listings_not_the_other_languages(
    client, demo, locales, story_a, django_assert_num_queries, django_capture_on_commit_callbacks
):
    french = story_a.get_translation(locales["fr"])
    french_paths = [french.url, "/fr/", french.get_parent().url]
    cache(client, [*french_paths, STORY_B, "/en/stories/"])

    with django_capture_on_commit_callbacks(execute=True):
        french.title = "Quatre écoles rouvrent à Dohuk"
        french.save_revision().publish()

    for path in french_paths:
        response = client.get(path)
        assert status(response) == "MISS", path
        assert "Quatre écoles rouvrent à Dohuk" in response.content.decode(), path
    with django_assert_num_queries(0):
        for path in (STORY_B, "/en/stories/"):
            assert status(client.get(path)) == "HIT", path


@pytest.fixture
def own_image():
    """An image of A's alone (a copy of a demo image's record, same file)."""
    image_model = get_image_model()
    original = image_model.objects.order_by("pk").first()
    return image_model.objects.create(
        title="Only in story A",
        file=original.file.name,
        width=original.width,
        height=original.height,
    )


def test_an_image_in_story_a_body_changes_story_a_only(
    client, demo, story_a, own_image, django_assert_num_queries, django_capture_on_commit_callbacks
):
    story_a.body.append(("image", {"image": own_image, "decorative": True}))
    story_a.save_revision().publish()
    cache(client, [STORY_A, STORY_B, "/en/stories/", "/en/"])

    with django_capture_on_commit_callbacks(execute=True):
        own_image.title = "Renamed"
        own_image.save()

    assert status(client.get(STORY_A)) == "MISS"
    with django_assert_num_queries(0):
        for path in (STORY_B, "/en/stories/", "/en/"):
            assert status(client.get(path)) == "HIT", path


def test_story_a_hero_image_changes_story_a_and_the_cards_showing_it(
    client, demo, story_a, own_image, django_assert_num_queries, django_capture_on_commit_callbacks
):
    story_a.hero_image = own_image
    story_a.save_revision().publish()
    cache(client, [STORY_A, STORY_B, "/en/stories/"])

    with django_capture_on_commit_callbacks(execute=True):
        own_image.set_focal_point(None)
        own_image.focal_point_x, own_image.focal_point_y = 10, 10
        own_image.focal_point_width = own_image.focal_point_height = 20
        own_image.save()

    for path in (STORY_A, "/en/stories/"):
        assert status(client.get(path)) == "MISS", path
    with django_assert_num_queries(0):
        assert status(client.get(STORY_B)) == "HIT"


def test_a_story_publish_keeps_the_menu_cached_an_index_publish_does_not(
    client, demo, locales, story_a, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from home.navigation import menu

    def menu_queries() -> int:
        request = RequestFactory().get("/en/", HTTP_HOST="localhost")
        with translation.override("en"), CaptureQueriesContext(connection) as queries:
            menu(request)
        return len(queries)

    built = menu_queries()
    cached = menu_queries()
    assert cached < built, "the menu is cached"
    with django_capture_on_commit_callbacks(execute=True):
        story_a.title = "Four schools reopen in Dohuk"
        story_a.save_revision().publish()
    assert menu_queries() == cached, "a story is in no menu: the cached menu is still good"

    index = StoryPage.objects.get(pk=story_a.pk).get_parent().specific
    cache(client, [STORY_B])
    with django_capture_on_commit_callbacks(execute=True):
        index.title = "All our stories"
        index.save_revision().publish()
    assert menu_queries() > cached, "the menu is built again"
    response = client.get(STORY_B)
    assert status(response) == "MISS", "B's header shows the menu, which changed"
    assert "All our stories" in response.content.decode()
