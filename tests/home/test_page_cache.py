"""Anonymous visitors get cached pages that change as soon as editors publish."""

import datetime

import pytest

from stories.models import StoryIndexPage, StoryPage


def test_second_anonymous_visit_is_served_without_the_database(
    client, demo, django_assert_num_queries
):
    first = client.get("/en/stories/four-schools-dohuk/")
    assert first.status_code == 200
    assert "max-age=" in first["Cache-Control"]
    with django_assert_num_queries(0):
        second = client.get("/en/stories/four-schools-dohuk/")
    assert second.status_code == 200
    assert second.content == first.content


def test_publishing_a_change_shows_at_once(client, demo, locales):
    story = StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")
    assert b"Four new schools" in client.get("/en/stories/four-schools-dohuk/").content
    story.title = "Four schools open their doors in Dohuk"
    story.save_revision().publish()
    assert b"Four schools open their doors" in client.get("/en/stories/four-schools-dohuk/").content


def test_a_new_story_appears_in_the_cached_listing(client, demo, locales):
    assert b"Beekeepers" not in client.get("/en/stories/").content
    index = StoryIndexPage.objects.get(locale=locales["en"])
    story = StoryPage(
        title="Beekeepers return to Sinjar",
        slug="beekeepers",
        standfirst="Hives hum again.",
        date=datetime.date(2025, 1, 1),
        live=False,
    )
    index.add_child(instance=story)
    story.save_revision().publish()
    assert b"Beekeepers return to Sinjar" in client.get("/en/stories/").content


def test_unpublished_page_disappears_from_the_cache(client, demo, locales):
    assert client.get("/en/stories/mosul-blacksmith-market/").status_code == 200
    StoryPage.objects.get(locale=locales["en"], slug="mosul-blacksmith-market").unpublish()
    assert client.get("/en/stories/mosul-blacksmith-market/").status_code == 404


def test_signed_in_editors_never_get_the_anonymous_copy(client, demo, django_user_model):
    client.get("/en/")  # cache the anonymous copy
    editor = django_user_model.objects.create_superuser("ed", "ed@example.com", "pw-for-tests-1")
    client.force_login(editor)
    response = client.get("/en/")
    assert b"wagtail-userbar" in response.content or b"w-userbar" in response.content


@pytest.mark.parametrize("path", ["/admin/", "/en/stories/?preview=1"])
def test_admin_and_previews_are_not_cached(client, demo, path):
    client.get(path)
    from django.core.cache import caches

    assert not caches["pages"]._cache  # nothing stored


def test_search_results_are_never_stored(client, demo):
    from django.core.cache import caches

    client.get("/en/search/", {"q": "schools"})
    assert not caches["pages"]._cache


def test_a_password_protected_page_is_never_stored(client, demo, locales):
    from django.core.cache import caches
    from wagtail.models import PageViewRestriction

    story = StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")
    client.get(story.url)  # stored while public
    PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )
    first = client.get(story.url)
    assert b"Four new schools" not in first.content  # the password form instead
    assert not caches["pages"]._cache  # the restriction cleared the cache; the form is not stored
    assert b"Four new schools" not in client.get(story.url).content
