"""Which copies of rendered content are still good: versions shared by every web process through
the ``pages`` cache, one per *scope*.

A scope is a name for what a copy depends on: ``path:/en/stories/a/`` (the page served at that
address), ``nav:menu`` (every header menu), ``nav:translations:<translation key>`` (one page's
language links), and two wide scopes, ``pages`` (every cached page) and ``navigation`` (every
navigation entry). A copy is stored under the versions its scopes had when its request
*started*; a content change gives the scopes it affects new versions (``invalidate``), so the
older copies stop being found and simply expire. Nothing is ever cleared (``clear()`` on Redis
is a FLUSHDB, which would also wipe rate-limit counters and everything else in the database),
and a publish leaves the copies of pages it does not affect where they are
(``delivery/dependencies.py`` decides which).

Versions are set twice: at once, so the editor's own next request sees the change, and again
after the transaction commits, because a request that started in between read the rows as
they were before the commit and may have stored that old copy under the first new version.

Values are the current time in nanoseconds, never incremented: a version lost from the cache
(evicted, expired, Redis restarted empty) comes back as a value no copy was stored under.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from django.core.cache import caches
from django.db import transaction

T = TypeVar("T")
GENERATION_ALIAS = "pages"
# Wide scopes: every page, every navigation entry.
PAGES = "pages"
NAVIGATION = "navigation"
MENU = "nav:menu"
# Versions outlive the copies stored under them (PAGE_CACHE_SECONDS and NAVIGATION_CACHE_SECONDS
# are minutes); a version that expires anyway comes back as a new value, which is only a miss.
VERSION_SECONDS = 24 * 3600
logger = logging.getLogger(__name__)


def path_scope(path: str) -> str:
    return f"path:{path}"


def translations_scope(translation_key) -> str:
    return f"nav:translations:{translation_key}"


def _key(scope: str) -> str:
    # Paths can be long and non-ASCII (Arabic slugs): a digest keeps every key short and safe.
    return "version:" + hashlib.sha1(scope.encode(), usedforsecurity=False).hexdigest()


def _fresh_value() -> int:
    return time.time_ns()


def versions(scopes: Sequence[str]) -> tuple[int, ...] | None:
    """The current version of each scope, in order; None when the cache is unreachable (then
    nothing may be served from it or stored in it: the copies could not be invalidated)."""
    cache = caches[GENERATION_ALIAS]
    keys = [_key(scope) for scope in scopes]
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            if cache.add(key, _fresh_value(), timeout=VERSION_SECONDS) is None:
                # django-redis answers None instead of True/False when it ignored an error.
                return None
        found.update(cache.get_many(missing))
        if any(key not in found for key in keys):
            return None
    return tuple(found[key] for key in keys)


def current_generation() -> int | None:
    """The version of the wide ``pages`` scope (None when the cache is unreachable)."""
    found = versions([PAGES])
    return found[0] if found else None


def _set_new_versions(scopes: frozenset[str]) -> None:
    cache = caches[GENERATION_ALIAS]
    value = _fresh_value()
    failed = cache.set_many({_key(scope): value for scope in scopes}, timeout=VERSION_SECONDS)
    # django-redis's set_many answers None both on success and when it ignored an error: ask.
    if failed or cache.get(_key(next(iter(scopes)))) != value:
        logger.warning(
            "Could not reach the page cache to invalidate %d scope(s); copies stored before this "
            "change may be served until they expire (PAGE_CACHE_SECONDS).",
            len(scopes),
        )


def invalidate(scopes: Iterable[str] = (PAGES, NAVIGATION)) -> None:
    """Give ``scopes`` new versions, now and again after the transaction commits (default:
    everything, the wide fallback)."""
    scopes = frozenset(scopes)
    if not scopes:
        return
    _set_new_versions(scopes)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _set_new_versions(scopes))


def cached(
    alias: str, key: str, build: Callable[[], T], timeout: int, scopes: Sequence[str] = (PAGES,)
) -> T:
    """``build()``, kept in cache ``alias`` for the current versions of ``scopes`` (rebuilt
    every time when the cache is unreachable or ``timeout`` is 0)."""
    found = versions(scopes) if timeout > 0 else None
    if found is None:
        return build()
    cache = caches[alias]
    versioned = f"{key}:{'.'.join(map(str, found))}"
    value = cache.get(versioned)
    if value is None:
        value = build()
        cache.set(versioned, value, timeout)
    return value
