"""What visitors get through nginx: pages in three languages, compressed; static files from
disk, cached; both gunicorns in use; the upload limit."""

from __future__ import annotations

import re
import threading
import time

import pytest

from deploy.topology import DEFAULT_UPLOAD_LIMIT, upload_body_limit

from .web import request

HOMES = {"en": 'lang="en"', "fr": 'lang="fr"', "ar": 'dir="rtl"'}


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_home_pages_come_back_compressed_with_brotli_or_gzip(topology, language):
    for accept, expected in (("br", "br"), ("gzip", "gzip"), ("gzip, deflate, br", "br")):
        response = request(topology.url(f"/{language}/"), headers={"Accept-Encoding": accept})
        assert response.status == 200
        assert response.headers.get("content-encoding") == expected, accept
        assert HOMES[language] in response.text
        assert "accept-encoding" in response.headers.get("vary", "").lower()
    plain = request(topology.url(f"/{language}/"))
    assert plain.status == 200
    assert "content-encoding" not in plain.headers


def test_static_css_is_served_by_nginx_compressed_and_cached_for_a_year(topology):
    home = request(topology.url("/en/")).text
    css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', home)
    assert css, "the home page links its hashed stylesheet"
    response = request(topology.url(css.group(1)), headers={"Accept-Encoding": "gzip, br"})
    assert response.status == 200
    assert response.headers["content-type"] == "text/css"
    assert response.headers["content-encoding"] == "br"
    assert "immutable" in response.headers["cache-control"]
    assert "max-age=31536000" in response.headers["cache-control"]
    assert "x-upstream" not in response.headers, "static files never reach gunicorn"
    assert "body" in response.text


def test_requests_are_shared_between_both_gunicorns(topology):
    backends = {request(topology.url("/en/")).headers["x-upstream"] for _ in range(12)}
    assert backends == {f"127.0.0.1:{topology.ports[n]}" for n in ("web-a", "web-b")}


def test_nginx_body_limit_follows_the_app_upload_limit():
    """client_max_body_size comes from MEDIA_PIPELINE_MAX_UPLOAD_BYTES (same default as
    settings/base.py), plus a megabyte for the other fields of the upload form."""
    assert upload_body_limit({}) == DEFAULT_UPLOAD_LIMIT + 1024**2 == 2 * 1024**3 + 1024**2
    assert upload_body_limit({"MEDIA_PIPELINE_MAX_UPLOAD_BYTES": "5000000"}) == 5_000_000 + 1024**2


def test_a_body_over_the_upload_limit_is_refused_by_nginx(topology):
    """nginx refuses on the Content-Length alone, before a byte of a 2 GB body is read."""
    too_big = topology.body_limit + 1
    response = request(
        topology.url("/admin/login/"),
        method="POST",
        body=b"x" * 1024,
        headers={"Content-Length": str(too_big), "Content-Type": "application/octet-stream"},
    )
    assert response.status == 413
    assert "x-upstream" not in response.headers


def test_a_body_under_the_limit_reaches_the_app(topology):
    """A few megabytes (a photo, a short clip) pass nginx: it is Django that answers."""
    response = request(
        topology.url("/admin/login/"),
        method="POST",
        body=b"x" * (3 * 1024 * 1024),
        headers={"Content-Type": "application/octet-stream"},
    )
    assert response.status == 403  # Django's CSRF refusal, not nginx's 413
    assert "x-upstream" in response.headers


def test_restarting_one_gunicorn_loses_no_request(topology):
    """nginx sends a request the stopped backend refuses to the other one
    (proxy_next_upstream), so one gunicorn at a time can be restarted under traffic."""
    statuses: list[int] = []
    done = threading.Event()

    def visit():
        while not done.is_set():
            statuses.append(request(topology.url("/en/")).status)

    visitor = threading.Thread(target=visit)
    visitor.start()
    try:
        topology.restart("web-a")
        time.sleep(1)
    finally:
        done.set()
        visitor.join()
    assert len(statuses) > 10
    assert set(statuses) == {200}
    backends = {request(topology.url("/en/")).headers["x-upstream"] for _ in range(12)}
    assert len(backends) == 2, "the restarted gunicorn serves again"
