"""A per-client limit on expensive requests, counted in Django's cache (fixed one-minute
windows). With several web processes, point CACHES at a shared cache (Redis, Memcached) so they
count together; with the default local-memory cache each process counts on its own."""

from __future__ import annotations

import time

from django.core.cache import cache
from django.http import HttpRequest

from delivery.client_ip import client_ip

WINDOW_SECONDS = 60


def client_address(request: HttpRequest) -> str:
    # Behind our proxies only (PROXY_COUNT / TRUSTED_PROXIES): a made-up X-Forwarded-For
    # cannot dodge the limit (delivery/client_ip.py).
    return client_ip(request) or "unknown"


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
    if count is None or count <= per_minute:  # None: cache unreachable, let searches through
        return 0
    return max(1, int(WINDOW_SECONDS - now % WINDOW_SECONDS))
