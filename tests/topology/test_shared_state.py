"""Two web processes behave as one site: a publish shows on both at once, and a Redis outage
costs speed, not pages."""

from __future__ import annotations

import re
import threading
import time

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


PAGES = ["/en/", "/fr/", "/ar/", "/en/stories/", "/fr/recits/"]
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def title(response) -> str:
    found = TITLE.search(response.text)
    return found.group(1).strip() if found else ""


def test_pages_are_served_correctly_during_a_redis_outage_under_traffic(topology):
    """Visitors (some with cookies and tracking parameters) keep getting each page, whole and
    unchanged, while Redis is stopped under them, then it is cached in Redis again."""
    expected = {}
    for path in PAGES:  # in the page cache, and in both gunicorns' fallback copies
        for _ in range(4):
            response = request(topology.url(path))
            assert response.status == 200, path
        expected[path] = title(response)
        assert expected[path], path
    results: list[tuple[str, int, str, str]] = []
    errors: list[str] = []
    done = threading.Event()

    def visit(number: int):
        cookies = {"Cookie": "_ga=GA1.2.3.4; storysite_consent=accepted"} if number % 2 else {}
        turn = 0
        while not done.is_set():
            path = PAGES[turn % len(PAGES)]
            sent = path + (f"?utm_source=t{turn}" if turn % 3 == 0 else "")
            turn += 1
            try:
                response = request(
                    topology.url(sent), headers={"Accept-Encoding": "br", **cookies}, timeout=10
                )
            except OSError as error:
                errors.append(f"{sent}: {error!r}")
                continue
            results.append(
                (path, response.status, title(response), response.headers.get("x-page-cache", ""))
            )

    visitors = [threading.Thread(target=visit, args=(n,)) for n in range(4)]
    for visitor in visitors:
        visitor.start()
    try:
        time.sleep(1)
        topology.stop_redis()
        outage_started = len(results)
        time.sleep(5)
        during = results[outage_started:]
    finally:
        topology.start_redis()
        time.sleep(1)
        done.set()
        for visitor in visitors:
            visitor.join()
    assert not errors, errors[:5]
    assert len(during) > 20
    assert {status for _path, status, _title, _cache in results} == {200}
    for path, _status, got, _cache in results:
        assert got == expected[path], path
    assert {cache for *_rest, cache in during} >= {"STALE"}, "fallback copies served"
    warned = "".join(topology.services[n].log.read_text() for n in ("web-a", "web-b"))
    assert "serving stale copies" in warned
    for path in PAGES:
        request(topology.url(path))
    again = request(topology.url("/en/"))
    assert again.headers["x-page-cache"] == "HIT", "Redis stores pages again"
