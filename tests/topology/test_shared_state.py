"""Two web processes behave as one site: a publish shows on both at once, and a Redis outage
costs speed, not pages."""

from __future__ import annotations

import pytest

from .web import request


def test_a_publish_is_served_by_both_gunicorns_within_a_second(topology):
    # Both processes have the story's old version in the shared page cache first.
    story = topology.publish_and_time()["path"]
    for name in ("web-a", "web-b"):
        assert request(topology.backend_url(name, story)).status == 200
    result = topology.publish_and_time()
    assert set(result["seconds"]) == {"web-a", "web-b"}, "both serve the new title"
    slowest = max(result["seconds"].values())
    assert slowest <= 1.0, f"new title served by both after {slowest:.2f} s"


PAGES = ["/en/", "/fr/", "/ar/"]


def test_pages_are_served_while_redis_is_down_and_cached_again_after(topology):
    for path in PAGES:  # in the page cache before the outage
        assert request(topology.url(path)).status == 200
    topology.stop_redis()
    try:
        for _round in range(3):
            for path in PAGES:
                response = request(topology.url(path), headers={"Accept-Encoding": "br"})
                assert response.status == 200, path
                assert "<h1" in response.text
    finally:
        topology.start_redis()
    first = request(topology.url("/en/"))
    again = request(topology.url("/en/"))
    assert first.status == again.status == 200
    if "x-page-cache" not in again.headers:
        pytest.fail("the page cache names hits in X-Page-Cache")
    assert again.headers["x-page-cache"] == "HIT", "Redis stores pages again"
