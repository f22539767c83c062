"""Whole-page cache for anonymous visitors.

What is stored: Wagtail pages served to a visitor without a session (a session is what signed-in
editors and visitors who gave a page's password have), that passed the page's view restrictions,
answered 200, set no cookie and do not vary by cookie. Other cookies (analytics, consent,
``csrftoken``) do not change a public page, so they neither bypass the cache nor split it.

The key is the scheme, host, path and the query string reduced to what the page reads:
tracking parameters (``utm_*``, ``fbclid``, ``gclid``…, ``PAGE_CACHE_IGNORED_QUERY_PARAMS``)
are removed from the request before the page renders, so the page is the same with or without
them and shares its copy (analytics reads them from the address bar). Each page type names the
parameters that change it (``cache_query_params``, e.g. ``page`` and ``topic`` on listings);
a request with any other parameter is rendered and not stored, so made-up parameters cannot fill
the cache. Keys include two versions (``delivery/generation.py``): the page's address's own,
changed when something that page shows changes (``delivery/dependencies.py``), and the wide
``pages`` version, changed by changes the site cannot narrow down.

Redis unreachable: a copy this process served recently is sent again, marked STALE
(``delivery/fallback.py``); other pages are rendered and not stored.

Headers: stored pages are sent ``public`` (``s-maxage`` for a CDN with ``PAGE_CACHE_CDN_SECONDS``),
every other response under a language prefix without its own ``Cache-Control`` is ``private``.
"""

from __future__ import annotations

import fnmatch
import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.cache import has_vary_header, patch_cache_control

from . import fallback
from .generation import PAGES, path_scope, versions

PAGE_CACHE_ALIAS = "pages"
# Added to every response that went through the cache logic: HIT, MISS (stored now), BYPASS,
# or STALE (Redis unreachable: this process's fallback copy, delivery/fallback.py).
STATUS_HEADER = "X-Page-Cache"
# Headers that describe one response, not the page: never replayed from a stored copy.
_NOT_STORED_HEADERS = {"date", "expires", "cache-control", "set-cookie", STATUS_HEADER.lower()}


def _language_prefixes() -> tuple[str, ...]:
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def is_ignored_param(name: str) -> bool:
    return any(
        fnmatch.fnmatchcase(name, pattern) for pattern in settings.PAGE_CACHE_IGNORED_QUERY_PARAMS
    )


def is_candidate(request: HttpRequest) -> bool:
    """A request that may be answered from, or stored in, the anonymous page cache. Wagtail's
    preview requests (``make_preview_request``, marked ``is_dummy`` before the middleware runs;
    ``is_preview`` comes only later) carry a draft at the live page's address: never cached."""
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and not getattr(request, "is_dummy", False)
        and request.method in ("GET", "HEAD")
        and request.path.startswith(_language_prefixes())
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def drop_tracking_params(request: HttpRequest) -> None:
    """Render the page as if the tracking parameters were not in the address."""
    kept = [
        (name, value)
        for name, values in request.GET.lists()
        for value in values
        if not is_ignored_param(name)
    ]
    if len(kept) == sum(len(values) for _name, values in request.GET.lists()):
        return
    query = urlencode(kept)
    request.META["QUERY_STRING"] = query
    request.GET = QueryDict(query)


def address(request: HttpRequest) -> str:
    params = sorted((name, value) for name, values in request.GET.lists() for value in values)
    return f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(params)}"


def cache_key(request: HttpRequest, page_versions: tuple[int, ...]) -> str:
    digest = hashlib.sha256(address(request).encode()).hexdigest()
    return f"page:{'.'.join(map(str, page_versions))}:{digest}"


def cacheable_params(page) -> frozenset[str]:
    return frozenset(getattr(page, "cache_query_params", ()))


def mark_page_cacheable(serve):
    """``on_serve_page`` hook, registered to run inside Wagtail's ``check_view_restrictions``:
    only pages the visitor was let into get here. A visitor without a session passes no view
    restriction (passwords are remembered in the session, logins and groups need one), so what
    gets stored is a public page; Wagtail also marks restricted pages ``private, no-store``,
    which is never stored either."""

    def serve_and_mark(page, request, serve_args, serve_kwargs):
        request.page_cacheable = set(request.GET) <= cacheable_params(page)
        return serve(page, request, serve_args, serve_kwargs)

    return serve_and_mark


def _public_headers(response: HttpResponse) -> None:
    browser = min(settings.PAGE_CACHE_BROWSER_SECONDS, settings.PAGE_CACHE_SECONDS)
    directives = {"public": True, "max_age": browser}
    if settings.PAGE_CACHE_CDN_SECONDS > 0:
        directives["s_maxage"] = settings.PAGE_CACHE_CDN_SECONDS
    patch_cache_control(response, **directives)


def _private_headers(response: HttpResponse) -> None:
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_store=True)


def _storable(request: HttpRequest, response: HttpResponse, *, shared: bool = True) -> bool:
    """Whether the response may be stored: in the shared cache, or (``shared=False``, while the
    shared cache is unreachable) as this process's fallback copy."""
    cache_control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and getattr(request, "page_cacheable", False)
        and (getattr(request, "page_cache_key", None) is not None or not shared)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not has_vary_header(response, "Cookie")
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


class FetchPageMiddleware:
    """Answer anonymous visitors from the cache; place right after StorePageMiddleware. What
    the middleware below it would decide for such a request (no session: no user, no messages;
    language from the path; security headers) is already in the stored copy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_candidate(request):
            return self.get_response(request)
        drop_tracking_params(request)
        found = versions([PAGES, path_scope(request.path)])
        if found is None:
            stale = fallback.copies.get(address(request))
            if stale is None:
                request.page_cache_unreachable = True
                return self.get_response(request)
            content, headers = stale
            response = HttpResponse(content, headers=headers)
            response[STATUS_HEADER] = "STALE"
            request.page_cache_stale = True
            return response
        key = cache_key(request, found)
        stored = caches[PAGE_CACHE_ALIAS].get(key)
        if stored is None:
            request.page_cache_key = key
            return self.get_response(request)
        content, headers = stored
        response = HttpResponse(content, headers=headers)
        response[STATUS_HEADER] = "HIT"
        request.page_cache_hit = True
        fallback.copies.keep(address(request), request.path, content, headers)
        return response


def _replayed(response: HttpResponse) -> dict:
    return {
        name: value for name, value in response.items() if name.lower() not in _NOT_STORED_HEADERS
    }


class StorePageMiddleware:
    """Store pages rendered for anonymous visitors and set their caching headers; place before
    the rest of MIDDLEWARE, so the stored copy carries every header the other middleware add."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(_language_prefixes()):
            return response
        if getattr(request, "page_cache_hit", False):
            _public_headers(response)
        elif getattr(request, "page_cache_stale", False):
            # Good for this visitor now; nobody downstream keeps it.
            patch_cache_control(response, public=True, max_age=0)
        elif is_candidate(request) and _storable(request, response):
            headers = _replayed(response)
            caches[PAGE_CACHE_ALIAS].set(
                request.page_cache_key,
                (response.content, headers),
                settings.PAGE_CACHE_SECONDS,
            )
            fallback.copies.keep(address(request), request.path, response.content, headers)
            response[STATUS_HEADER] = "MISS"
            _public_headers(response)
        else:
            if (
                getattr(request, "page_cache_unreachable", False)
                and is_candidate(request)
                and _storable(request, response, shared=False)
            ):
                fallback.copies.keep(
                    address(request), request.path, response.content, _replayed(response)
                )
            if request.method in ("GET", "HEAD"):
                response[STATUS_HEADER] = "BYPASS"
            _private_headers(response)
        return response
