"""A small HTTP client for the topology tests: exact headers in, raw headers out, and a choice
of the loopback address the request comes from (127.0.0.0/8 is all loopback on Linux), so one
test can be several visitors."""

from __future__ import annotations

import gzip
import http.client
import re
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

import brotli


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes
    cookies: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        encoding = self.headers.get("content-encoding", "")
        raw = self.body
        if encoding == "br":
            raw = brotli.decompress(raw)
        elif encoding == "gzip":
            raw = gzip.decompress(raw)
        return raw.decode("utf-8", "replace")


def request(
    url: str,
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
    source: str = "127.0.0.1",
    timeout: float = 30,
) -> Response:
    """One request on its own connection, redirects not followed."""
    match = re.match(r"http://([^:/]+):(\d+)(/.*)?$", url)
    assert match, url
    host, port, path = match.group(1), int(match.group(2)), match.group(3) or "/"
    connection = http.client.HTTPConnection(host, port, timeout=timeout, source_address=(source, 0))
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        raw_headers = response.getheaders()
        content = response.read()
    finally:
        connection.close()
    cookies = {}
    for name, value in raw_headers:
        if name.lower() == "set-cookie":
            for morsel in SimpleCookie(value).values():
                cookies[morsel.key] = morsel.value
    headers: dict[str, str] = {}
    for name, value in raw_headers:  # repeated headers (Vary) as one, comma-separated
        key = name.lower()
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    return Response(response.status, headers, content, cookies)


CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def admin_login(base_url: str, username: str, password: str, *, source: str, **headers) -> int:
    """Sign in to the Wagtail admin as a browser would (form, CSRF cookie and token); returns
    the status of the POST: 302 on success, 200 for a wrong password, 429 when locked out."""
    form = request(f"{base_url}/admin/login/", source=source, headers=headers)
    token = CSRF_FIELD.search(form.text).group(1)
    cookie = form.cookies["csrftoken"]
    fields = f"csrfmiddlewaretoken={token}&username={username}&password={password}&next=/admin/"
    response = request(
        f"{base_url}/admin/login/",
        method="POST",
        body=fields.encode(),
        source=source,
        headers={
            **headers,
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie}",
        },
    )
    return response.status
