"""Absolute addresses of the public site, for everything read away from it: canonical and
og:url, social images, JSON-LD, hreflang alternates, feeds and the sitemap.

They are built on ``PUBLIC_BASE_URL`` (or, unset, the origin of ``WAGTAILADMIN_BASE_URL``),
never on the request's Host: a proxy may forward on an internal host and port, and whole pages
are cached and served to every visitor. Media on S3 or a CDN already has absolute URLs, which are
kept as they are.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from django.conf import settings


def public_base_url() -> str:
    """``https://www.example.org``: scheme and host (and port), no trailing slash."""
    if settings.PUBLIC_BASE_URL:
        return settings.PUBLIC_BASE_URL
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return f"{parts.scheme}://{parts.netloc}"


def public_url(url: str) -> str:
    """``url`` as an absolute address: unchanged when it already is one (media on S3 or a CDN),
    else on the public base URL (``/media/…``, ``/en/…``)."""
    if not url:
        return url
    return urljoin(public_base_url() + "/", url)
