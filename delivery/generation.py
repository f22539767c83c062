"""Which copies of rendered content are still good: one content generation, shared by every web
process through the ``pages`` cache.

Every cached copy of content (whole pages, navigation) is stored under the generation that was
current when its request *started*. A content change bumps the generation, so every older copy
stops being found and simply expires; nothing is ever cleared (``clear()`` on Redis is a
FLUSHDB, which would also wipe rate-limit counters and everything else in the database).

The generation is bumped twice: at once, so the editor's own next request sees the change, and
again after the transaction commits, because a request that started in between read the rows
as they were before the commit and may have stored that old copy under the first bump's
generation.

Starting value: the current time in milliseconds, so a generation lost from the cache (evicted,
Redis restarted empty) comes back higher than any generation used before.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.core.cache import caches
from django.db import transaction

T = TypeVar("T")
GENERATION_ALIAS = "pages"
GENERATION_KEY = "content-generation"
logger = logging.getLogger(__name__)


def _fresh_value() -> int:
    return int(time.time() * 1000)


def current_generation() -> int | None:
    """The generation to store and look up copies under; None when the cache is unreachable
    (then nothing is cached: serving or storing copies could not be invalidated)."""
    cache = caches[GENERATION_ALIAS]
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _fresh_value(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def _bump() -> None:
    cache = caches[GENERATION_ALIAS]
    try:
        bumped = cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet, or evicted: any fresh value is above the old ones
        bumped = cache.add(GENERATION_KEY, _fresh_value(), timeout=None)
    if bumped is None:
        # django-redis returns None when it ignored a connection error.
        logger.warning(
            "Could not reach the page cache to invalidate it; copies stored before this change "
            "may be served until they expire (PAGE_CACHE_SECONDS)."
        )


def invalidate(pages: Iterable | None = None) -> None:
    """Make cached copies of content stale, now and again after the transaction commits.

    ``pages`` is the changed pages, for narrower invalidation later; today every change makes
    everything stale, since listings, menus and related-story cards show other pages.
    """
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)


def cached(alias: str, key: str, build: Callable[[], T], timeout: int) -> T:
    """``build()``, kept in cache ``alias`` for the current generation (rebuilt every time
    when the cache is unreachable or ``timeout`` is 0)."""
    generation = current_generation() if timeout > 0 else None
    if generation is None:
        return build()
    cache = caches[alias]
    value = cache.get(key, version=generation)
    if value is None:
        value = build()
        cache.set(key, value, timeout, version=generation)
    return value
