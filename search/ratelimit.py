"""A per-client limit on expensive requests, counted in Django's cache (fixed one-minute
windows). With several web processes, point CACHES at a shared cache (Redis, Memcached) so they
count together; with the default local-memory cache each process counts on its own."""

from __future__ import annotations

import time

from django.core.cache import cache
from django.http import HttpRequest

WINDOW_SECONDS = 60


def client_address(request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is whatever the client says unless a trusted proxy
    # rewrites it, and a limiter keyed on it could be dodged by making one up.
    return request.META.get("REMOTE_ADDR") or "unknown"


def seconds_until_allowed(request: HttpRequest, scope: str, per_minute: int) -> int:
    """Count this request; 0 if it is within the limit, else the seconds to wait."""
    if per_minute <= 0:
        return 0
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    key = f"ratelimit:{scope}:{client_address(request)}:{window}"
    if cache.add(key, 1, timeout=WINDOW_SECONDS + 5):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=WINDOW_SECONDS + 5)
            count = 1
    if count <= per_minute:
        return 0
    return max(1, int(WINDOW_SECONDS - now % WINDOW_SECONDS))
