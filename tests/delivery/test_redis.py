"""The caches on a real Redis (a redis-server of the test's own): one copy of each page for all
web processes, content changes that never flush the database, and an outage that costs speed,
not pages."""

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import caches
from django.urls import reverse

from delivery.page_cache import STATUS_HEADER
from stories.models import StoryPage

PROJECT = Path(__file__).resolve().parents[2]
STORY = "/en/stories/four-schools-dohuk/"


def status(response) -> str | None:
    return response.get(STATUS_HEADER)


@pytest.fixture
def cache_warnings():
    """Records of the logger django-redis reports ignored connection errors to."""
    from delivery.log import CacheOutageFilter

    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    logger = logging.getLogger("delivery.cache")
    for outage_filter in logger.filters:
        if isinstance(outage_filter, CacheOutageFilter):
            outage_filter._last = 0.0  # a warning from an earlier test must not mute this one
    handler = Keep()
    fallback_logger = logging.getLogger("delivery.fallback")
    logger.addHandler(handler)
    fallback_logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)
    fallback_logger.removeHandler(handler)


def test_pages_are_stored_in_redis_under_their_own_prefix(client, demo, redis_caches):
    assert status(client.get(STORY)) == "MISS"
    assert status(client.get(STORY)) == "HIT"
    keys = {key.decode() for key in redis_caches.client().keys("*")}
    assert any(key.startswith("storysite-pages:") and ":page:" in key for key in keys)
    assert any(key.startswith("storysite-navigation:") for key in keys)
    assert caches["pages"].__class__.__module__ == "django_redis.cache"


def test_a_content_change_keeps_rate_limit_counters(client, demo, locales, redis_caches):
    assert client.get("/en/search/", {"q": "schools"}).status_code == 200
    redis = redis_caches.client()
    counters = [key for key in redis.keys("storysite:*") if b"ratelimit:search" in key]
    assert len(counters) == 1
    client.get(STORY)
    story = StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")
    story.title = "Four schools open in Dohuk"
    story.save_revision().publish()
    assert redis.get(counters[0]) == b"1"  # no FLUSHDB
    changed = client.get(STORY)
    assert status(changed) == "MISS"
    assert b"Four schools open in Dohuk" in changed.content


BUMP_IN_ANOTHER_PROCESS = """
import django
django.setup()
from delivery.generation import invalidate
invalidate()
"""


def test_a_change_made_in_another_process_is_seen_at_the_next_request(client, demo, redis_caches):
    client.get(STORY)
    assert status(client.get(STORY)) == "HIT"
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-c", BUMP_IN_ANOTHER_PROCESS],
        cwd=PROJECT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "storysite.settings.test",
            "REDIS_URL": redis_caches.url,
        },
        check=True,
        timeout=120,
    )
    assert status(client.get(STORY)) == "MISS"
    assert time.monotonic() - started < 60  # (mostly the other process's start-up)


def test_two_connections_see_the_same_versions(redis_caches):
    """Two web processes (two connections) agree on a page address's version, and a scoped
    invalidation by one changes that address only, for both."""
    from delivery import generation

    story, other = generation.path_scope(STORY), generation.path_scope("/en/stories/")
    keys = [generation._key(scope) for scope in (generation.PAGES, story, other)]
    first = generation.versions([generation.PAGES, story, other])
    elsewhere = caches.create_connection("pages")
    assert tuple(elsewhere.get(key) for key in keys) == first
    generation.invalidate([story])
    seen = [elsewhere.get(key) for key in keys]
    assert seen[0] == first[0] and seen[2] == first[2]
    assert seen[1] > first[1]
    assert tuple(seen) == generation.versions([generation.PAGES, story, other])


def test_redis_down_serves_pages_uncached_and_caching_resumes_when_it_returns(
    client, demo, django_user_model, redis_caches, cache_warnings
):
    client.get(STORY)
    assert status(client.get(STORY)) == "HIT"

    redis_caches.stop()
    # This process served the story a moment ago: its own copy goes out again, said to be stale
    # and kept by nobody downstream.
    stale = client.get(STORY)
    assert stale.status_code == 200
    assert status(stale) == "STALE"
    assert "max-age=0" in stale["Cache-Control"]
    assert b"Four new schools" in stale.content
    for path in ("/en/", "/en/stories/", "/fr/", "/ar/"):
        response = client.get(path)  # never served by this process: rendered
        assert response.status_code == 200, path
        assert status(response) == "BYPASS"
        again = client.get(path)  # then its copy, while Redis is away
        assert status(again) == "STALE", path
        assert again.content == response.content
    # Rate limits let visitors through; failed logins are still counted (in the database).
    assert client.get("/en/search/", {"q": "schools"}).status_code == 200
    assert client.get(reverse("search_suggest"), {"q": "sch"}).status_code == 200
    login = client.post(reverse("wagtailadmin_login"), {"username": "x", "password": "y"})
    assert login.status_code == 200
    warnings = [record for record in cache_warnings if record.levelno == logging.WARNING]
    messages = [record.getMessage() for record in warnings]
    assert any("Cache unreachable" in message for message in messages)
    assert any("serving stale copies" in message for message in messages)
    assert all(record.exc_info is None for record in cache_warnings)

    redis_caches.start()
    assert status(client.get(STORY)) == "MISS"
    assert status(client.get(STORY)) == "HIT"
