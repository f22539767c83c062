"""A last-resort copy of recently served anonymous pages, in each web process's memory, used only
while the shared page cache (Redis) cannot be reached: HTTP's *stale-if-error* (RFC 5861), kept
by the process that served the page.

Without it, a Redis outage makes every request render its page again, several times what the
web processes can render at busy hours, and visitors time out. With it, a page this process
served in the last ``PAGE_CACHE_STALE_IF_ERROR_SECONDS`` is sent again as it was, marked
``X-Page-Cache: STALE`` and ``Cache-Control: max-age=0`` (no CDN or browser keeps it), and a
warning is logged (at most one per 10 s). Only what the page cache itself would store is kept:
anonymous, public, 200, no cookie.

Bounded by ``PAGE_CACHE_FALLBACK_BYTES`` per process (least recently served dropped first). A
change published on this process drops its copies of the affected pages at once; a change
published on *another* process while Redis is away reaches this one's fallback copies only
when Redis is back or when they reach their age limit, the price of serving at all.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable

from django.conf import settings

logger = logging.getLogger(__name__)
WARNING_INTERVAL = 10.0


class FallbackCopies:
    """An LRU of (content, headers) by address, bounded in bytes, thread-safe."""

    def __init__(self):
        self._lock = threading.Lock()
        self._copies: OrderedDict[str, tuple[float, str, bytes, dict]] = OrderedDict()
        self._bytes = 0
        self._last_warning = 0.0
        self._served_since_warning = 0

    def _limit(self) -> int:
        return settings.PAGE_CACHE_FALLBACK_BYTES

    def keep(self, address: str, path: str, content: bytes, headers: dict) -> None:
        size = len(content)
        limit = self._limit()
        if limit <= 0 or size > limit:
            return
        with self._lock:
            old = self._copies.pop(address, None)
            if old is not None:
                self._bytes -= len(old[2])
            self._copies[address] = (time.monotonic(), path, content, headers)
            self._bytes += size
            while self._bytes > limit:
                _address, (_at, _path, dropped, _headers) = self._copies.popitem(last=False)
                self._bytes -= len(dropped)

    def get(self, address: str) -> tuple[bytes, dict] | None:
        max_age = settings.PAGE_CACHE_STALE_IF_ERROR_SECONDS
        with self._lock:
            copy = self._copies.get(address)
            if copy is None:
                return None
            stored_at, _path, content, headers = copy
            if time.monotonic() - stored_at > max_age:
                del self._copies[address]
                self._bytes -= len(content)
                return None
            self._copies.move_to_end(address)
            self._served_since_warning += 1
            now = time.monotonic()
            warn = now - self._last_warning >= WARNING_INTERVAL
            if warn:
                served, self._served_since_warning = self._served_since_warning, 0
                self._last_warning = now
        if warn:
            logger.warning(
                "Page cache unreachable: serving stale copies kept by this process "
                "(%d since the last warning)",
                served,
            )
        return content, headers

    def forget(self, paths: Iterable[str] | None = None) -> None:
        """Drop the copies of these paths (every copy when ``paths`` is None)."""
        with self._lock:
            if paths is None:
                self._copies.clear()
                self._bytes = 0
                return
            paths = set(paths)
            for address in [a for a, copy in self._copies.items() if copy[1] in paths]:
                self._bytes -= len(self._copies.pop(address)[2])

    def __len__(self) -> int:
        return len(self._copies)


copies = FallbackCopies()
