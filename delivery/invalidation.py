"""When content changes, cached copies go stale: in this site's page cache at once and after the
commit (``generation.invalidate``), and in the CDN in front (Wagtail's frontend cache, when
``WAGTAILFRONTENDCACHE`` is configured) after the commit, for the page and the pages that list
it. Purging before the commit would let the CDN fetch and keep the old page again."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .generation import invalidate


def content_changed(**_kwargs) -> None:
    invalidate()


def page_changed(instance, **_kwargs) -> None:
    invalidate(pages=[instance])
    transaction.on_commit(lambda: purge_frontend_cache(instance))


def pages_to_purge(page) -> list:
    """The page and the pages that show it in a list: its ancestors below the tree root (the
    home page and the index pages, whose listings and cards show their descendants)."""
    return [page, *page.get_ancestors().filter(depth__gt=1).specific()]


def purge_frontend_cache(page) -> None:
    from django.conf import settings
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch()
    batch.add_pages(pages_to_purge(page))
    batch.purge()


def _shown_on_pages(sender) -> bool:
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    # Restrictions decide which pages may be stored and listed; sites and locales decide URLs
    # and the language switcher. All three change rarely.
    shown = (Page, get_image_model(), PageViewRestriction, Site, Locale)
    return issubclass(sender, shown) or sender in get_snippet_models()


def _saved_or_deleted(sender, **kwargs) -> None:
    if _shown_on_pages(sender):
        content_changed(**kwargs)


def connect() -> None:
    """Make cached content stale whenever anything a page shows may have changed."""
    from wagtail.signals import page_published, page_unpublished

    page_published.connect(page_changed, dispatch_uid="delivery_page_published")
    page_unpublished.connect(page_changed, dispatch_uid="delivery_page_unpublished")
    # No sender filter: snippets register only once wagtail.snippets is ready, after this app,
    # so which models count is decided when a signal arrives.
    for signal in (post_save, post_delete):
        signal.connect(
            _saved_or_deleted,
            weak=False,
            dispatch_uid=f"delivery_content_{signal is post_save}",
        )
