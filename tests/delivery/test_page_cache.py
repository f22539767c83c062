"""Anonymous visitors get cached pages that change as soon as editors publish; the cache keeps one
copy per page whatever cookies or tracking parameters visitors bring, and never stores what
only some visitors may see."""

import datetime
import threading

import pytest
from django.contrib.auth.models import Group
from django.db import connections, transaction
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from delivery.page_cache import STATUS_HEADER
from stories.models import StoryIndexPage, StoryPage

STORY = "/en/stories/four-schools-dohuk/"


def cache_status(response) -> str | None:
    return response.get(STATUS_HEADER)


def test_second_anonymous_visit_is_served_without_the_database(
    client, demo, django_assert_num_queries
):
    first = client.get(STORY)
    assert first.status_code == 200
    assert cache_status(first) == "MISS"
    assert "max-age=" in first["Cache-Control"]
    with django_assert_num_queries(0):
        second = client.get(STORY)
    assert second.status_code == 200
    assert cache_status(second) == "HIT"
    assert second.content == first.content


@pytest.mark.parametrize("path", ["/en/", STORY, "/en/stories/", "/ar/"])
def test_anonymous_pages_neither_vary_by_cookie_nor_set_one(client, demo, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies
    assert cache_status(response) == "MISS"


def test_visitors_with_analytics_consent_or_csrf_cookies_share_the_cached_copy(
    client, demo, django_assert_num_queries
):
    first = client.get(STORY)
    visitor = Client()
    visitor.cookies["_ga"] = "GA1.2.3456"
    visitor.cookies["storysite_consent"] = "accepted"
    visitor.cookies["csrftoken"] = "x" * 32
    with django_assert_num_queries(0):
        second = visitor.get(STORY)
    assert cache_status(second) == "HIT"
    assert second.content == first.content


def test_a_session_cookie_bypasses_the_cache(client, demo):
    client.get(STORY)
    client.cookies["sessionid"] = "not-a-real-session"
    response = client.get(STORY)
    assert response.status_code == 200
    assert cache_status(response) == "BYPASS"
    assert "private" in response["Cache-Control"]


def test_tracking_parameters_share_the_clean_copy_and_never_reach_the_page(client, demo):
    tracked = client.get(STORY, {"utm_source": "newsletter-8f3a", "fbclid": "IwAR0zz"})
    assert cache_status(tracked) == "MISS"
    assert b"newsletter-8f3a" not in tracked.content  # else every visitor's links would carry it
    assert b"IwAR0zz" not in tracked.content
    clean = client.get(STORY)
    assert cache_status(clean) == "HIT"
    other = client.get(STORY, {"utm_campaign": "spring", "gclid": "abc", "mc_cid": "1"})
    assert cache_status(other) == "HIT"
    assert other.content == tracked.content


def test_listing_filters_and_pages_are_cached_one_copy_per_value(client, demo):
    assert cache_status(client.get("/en/stories/", {"topic": "education"})) == "MISS"
    assert cache_status(client.get("/en/stories/", {"topic": "education"})) == "HIT"
    assert cache_status(client.get("/en/stories/", {"topic": "water"})) == "MISS"
    assert cache_status(client.get("/en/stories/", {"page": "2", "topic": "water"})) == "MISS"
    # Order does not matter.
    same = client.get("/en/stories/?topic=water&page=2")
    assert cache_status(same) == "HIT"


def test_unknown_parameters_bypass_the_cache_and_store_nothing(client, demo):
    for _ in range(2):
        response = client.get(STORY, {"nocache": "123"})
        assert response.status_code == 200
        assert cache_status(response) == "BYPASS"
        assert response["Cache-Control"] == "private, no-store"
    # A parameter a listing reads is not accepted on a page that does not read it.
    assert cache_status(client.get(STORY, {"topic": "x"})) == "BYPASS"
    assert cache_status(client.get(STORY)) == "MISS"


def test_cached_pages_are_public_for_a_cdn_when_configured(client, demo, settings):
    response = client.get(STORY)
    assert response["Cache-Control"] == "public, max-age=60"
    settings.PAGE_CACHE_CDN_SECONDS = 600
    for response in (client.get("/en/stories/"), client.get("/en/stories/")):
        assert set(response["Cache-Control"].split(", ")) == {
            "public",
            "max-age=60",
            "s-maxage=600",
        }


def test_publishing_a_change_shows_at_once(client, demo, locales):
    story = StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")
    assert b"Four new schools" in client.get(STORY).content
    story.title = "Four schools open their doors in Dohuk"
    story.save_revision().publish()
    assert b"Four schools open their doors" in client.get(STORY).content


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


def test_a_content_change_leaves_other_cached_values_alone(client, demo, locales):
    from django.core.cache import cache

    cache.set("ratelimit:search:203.0.113.9:1", 29)
    client.get(STORY)
    story = StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")
    story.save_revision().publish()
    assert cache.get("ratelimit:search:203.0.113.9:1") == 29
    assert cache_status(client.get(STORY)) == "MISS"


def test_signed_in_editors_never_get_the_anonymous_copy(client, demo, django_user_model):
    client.get("/en/")  # cache the anonymous copy
    editor = django_user_model.objects.create_superuser("ed", "ed@example.com", "pw-for-tests-1")
    client.force_login(editor)
    response = client.get("/en/")
    assert b"w-userbar" in response.content
    assert cache_status(response) == "BYPASS"
    assert "private" in response["Cache-Control"]


def test_admin_is_not_cached(client, demo):
    client.get("/admin/login/")
    assert cache_status(client.get("/admin/login/")) is None


def test_search_results_are_never_stored(client, demo):
    for _ in range(2):
        response = client.get("/en/search/", {"q": "schools"})
        assert cache_status(response) == "BYPASS"


def test_a_draft_seen_in_preview_never_reaches_visitors(admin_client, demo, locales):
    story = StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")
    story.title = "Unpublished draft title"
    story.save_revision()
    draft = admin_client.get(f"/admin/pages/{story.pk}/view_draft/")
    assert b"Unpublished draft title" in draft.content
    visitor = Client()
    for _ in range(2):
        response = visitor.get(STORY)
        assert b"Unpublished draft title" not in response.content
        assert b"Four new schools" in response.content


@pytest.fixture
def restricted_story(demo, locales, django_user_model, request):
    story = StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")
    Client().get(STORY)  # stored while public
    kind = request.param
    restriction = PageViewRestriction.objects.create(
        page=story, restriction_type=kind, password="letmein" if kind == "password" else ""
    )
    member = django_user_model.objects.create_user("reader", password="pw-for-tests-123")
    if kind == PageViewRestriction.GROUPS:
        group = Group.objects.create(name="Readers")
        restriction.groups.add(group)
        member.groups.add(group)
    return {"kind": kind, "restriction": restriction, "member": member}


@pytest.mark.parametrize(
    "restricted_story",
    [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN, PageViewRestriction.GROUPS],
    indirect=True,
)
def test_restricted_pages_are_never_stored(restricted_story):
    anonymous = Client()
    first = anonymous.get(STORY)
    assert b"Four new schools" not in first.content  # a login redirect or the password form
    allowed = Client()
    if restricted_story["kind"] == PageViewRestriction.PASSWORD:
        restriction = restricted_story["restriction"]
        allowed.post(
            reverse(
                "wagtailcore_authenticate_with_password", args=[restriction.id, restriction.page_id]
            ),
            {"password": "letmein", "return_url": STORY},
        )
    else:
        allowed.force_login(restricted_story["member"])
    seen = allowed.get(STORY)
    assert b"Four new schools" in seen.content
    assert "private" in seen["Cache-Control"]
    for _ in range(2):
        again = anonymous.get(STORY)
        assert b"Four new schools" not in again.content
        assert cache_status(again) != "HIT"


def _request_in_another_connection(url: str, results: list) -> None:
    try:
        results.append(Client().get(url))
    finally:
        connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_a_copy_stored_before_the_commit_is_not_served_after_it(committed_demo, locales):
    """A visitor's request that runs between the editor's save and its commit reads the old
    rows and stores the old page; once the commit is done, visitors must get the new one."""
    story = StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")
    assert b"Four new schools" in Client().get(STORY).content
    results = []
    with transaction.atomic():
        story.title = "Committed new title"
        story.save_revision().publish()
        during = threading.Thread(target=_request_in_another_connection, args=(STORY, results))
        during.start()
        during.join(timeout=60)
    assert b"Four new schools" in results[0].content  # it did see the rows before the commit
    after = Client().get(STORY)
    assert b"Committed new title" in after.content
