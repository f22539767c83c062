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


def mark_page_cacheable(page, request, serve_args, serve_kwargs) -> None:
    """``before_serve_page`` hook: only public Wagtail pages are stored."""
    if not page.get_view_restrictions().exists():
        request.page_cacheable = True


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
    caches[PAGE_CACHE_ALIAS].clear()


def connect_invalidation() -> None:
    """Clear the page cache when anything a page shows may have changed."""
    from wagtail.images import get_image_model
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished
    from wagtail.snippets.models import get_snippet_models

    page_published.connect(clear_page_cache, dispatch_uid="page_cache_published")
    page_unpublished.connect(clear_page_cache, dispatch_uid="page_cache_unpublished")
    watched = {Page, get_image_model(), *get_snippet_models()}
    for model in watched:
        for signal in (post_save, post_delete):
            # Page subclasses send signals as themselves: connect without a sender filter for
            # pages and filter in the receiver.
            signal.connect(
                _clear_for(model),
                sender=None if model is Page else model,
                weak=False,
                dispatch_uid=f"page_cache_{signal is post_save}_{model._meta.label}",
            )


def _clear_for(model):
    def receiver(sender, **kwargs):
        if model is not None and not issubclass(sender, model):
            return
        clear_page_cache()

    return receiver
