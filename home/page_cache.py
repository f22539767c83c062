"""Whole-page cache for anonymous visitors, built on Django's cache middleware.

Only Wagtail pages without view restrictions are cached (other views such as search opt out by
default, since their results change without a content save), only for visitors without a
session, and
the whole page cache is cleared whenever content changes (a page or snippet saved, published,
unpublished or deleted): listings show many pages, so per-URL purging would miss some. A CDN in
front gets the same ``Cache-Control`` and is purged by Wagtail's frontend cache app when
configured (see settings ``WAGTAILFRONTENDCACHE``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware

PAGE_CACHE_ALIAS = "pages"
# Cleared together whenever content changes: whole pages, and the navigation they show
# (home/navigation.py).
CONTENT_CACHE_ALIASES = (PAGE_CACHE_ALIAS, "navigation")


def _language_prefixes() -> tuple[str, ...]:
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def is_cacheable_request(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and request.path.startswith(_language_prefixes())
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "preview" not in request.GET
    )


class FetchAnonymousPageMiddleware(FetchFromCacheMiddleware):
    """Serve a cached copy to anonymous visitors; place last in MIDDLEWARE."""

    def __init__(self, get_response):
        super().__init__(get_response)
        self.cache_alias = PAGE_CACHE_ALIAS
        self.key_prefix = "page"

    def process_request(self, request):
        if not is_cacheable_request(request):
            request._cache_update_cache = False
            return None
        return super().process_request(request)


def mark_page_cacheable(serve):
    """``on_serve_page`` hook, registered to run inside Wagtail's ``check_view_restrictions``:
    only pages the visitor was let into are marked, and only requests without a session are
    stored. A visitor without a session passes no view restriction (passwords are remembered in
    the session, logins and groups need one), so what gets stored is a public page, and the
    restrictions are not queried a second time."""

    def serve_and_mark(page, request, serve_args, serve_kwargs):
        request.page_cacheable = True
        return serve(page, request, serve_args, serve_kwargs)

    return serve_and_mark


class StoreAnonymousPageMiddleware(UpdateCacheMiddleware):
    """Store pages rendered for anonymous visitors; place first in MIDDLEWARE."""

    def __init__(self, get_response):
        super().__init__(get_response)
        self.cache_alias = PAGE_CACHE_ALIAS
        self.key_prefix = "page"
        self.cache_timeout = settings.PAGE_CACHE_SECONDS

    def _should_update_cache(self, request, response):
        return getattr(request, "page_cacheable", False) and super()._should_update_cache(
            request, response
        )


def clear_page_cache(**_kwargs) -> None:
    for alias in CONTENT_CACHE_ALIASES:
        caches[alias].clear()


def connect_invalidation() -> None:
    """Clear the page cache when anything a page shows may have changed."""
    from wagtail.signals import page_published, page_unpublished

    page_published.connect(clear_page_cache, dispatch_uid="page_cache_published")
    page_unpublished.connect(clear_page_cache, dispatch_uid="page_cache_unpublished")
    # No sender filter: snippets register only once wagtail.snippets is ready, after this app,
    # so which models count is decided when a signal arrives.
    for signal in (post_save, post_delete):
        signal.connect(
            _clear_if_shown_on_pages,
            weak=False,
            dispatch_uid=f"page_cache_{signal is post_save}",
        )


def _clear_if_shown_on_pages(sender, **_kwargs) -> None:
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    # Restrictions decide which pages may be stored and listed; sites and locales decide URLs
    # and the language switcher. All three change rarely.
    shown = (Page, get_image_model(), PageViewRestriction, Site, Locale)
    if issubclass(sender, shown) or sender in get_snippet_models():
        clear_page_cache()
