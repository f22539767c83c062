"""The CACHES setting: Redis (django-redis) when REDIS_URL is set, else memory per process.

A function of the URL, so the Redis tests build exactly what production builds.
"""

from __future__ import annotations

# One alias per use, each under its own key prefix in the same Redis database.
ALIASES = {
    "default": "storysite",  # search rate limits and texts, Wagtail's site root paths
    "pages": "storysite-pages",  # whole pages and the versions their keys include (delivery/)
    "navigation": "storysite-navigation",  # menu and language links (home/navigation.py)
    "fragments": "storysite-fragments",  # rendered bodies, cards, pictures, routes (stories/)
}


def build_caches(redis_url: str = "") -> dict:
    if not redis_url:
        return {
            alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": prefix}
            for alias, prefix in ALIASES.items()
        }
    return {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": prefix,
            "OPTIONS": {
                # A Redis outage is no site outage: a get misses, a set is dropped.
                "IGNORE_EXCEPTIONS": True,
                # An unreachable or stalled Redis costs each request a fraction of a second.
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
        for alias, prefix in ALIASES.items()
    }
