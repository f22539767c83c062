"""Fixtures for the delivery tests: Redis of their own, a recorder of CDN purges."""

from __future__ import annotations

import shutil

import pytest

from .services import REDIS_SERVER, PurgeRecorder, RedisServer, free_port


@pytest.fixture
def redis_server():
    if not shutil.which(REDIS_SERVER):
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    server = RedisServer(free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_caches(redis_server, settings):
    """The site's caches on that Redis, built by the same code as with REDIS_URL set."""
    from django.core.cache import caches

    from storysite.settings.caches import build_caches

    settings.CACHES = build_caches(redis_server.url)
    yield redis_server
    for cache in caches.all():
        cache.close()


@pytest.fixture
def purge_recorder():
    recorder = PurgeRecorder()
    yield recorder
    recorder.close()


@pytest.fixture(autouse=True)
def _no_fallback_copies_from_other_tests():
    """Each web process's stale-if-error copies (delivery/fallback.py) live as long as it does:
    a test starts without the copies an earlier test left."""
    from delivery import fallback

    fallback.copies.forget()
    fallback.copies._last_warning = 0.0  # an earlier test's warning must not mute this one's
    yield
    fallback.copies.forget()
