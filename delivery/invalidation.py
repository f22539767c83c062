"""When content changes, the cached copies that show it go stale: in this site's page and
navigation caches at once and after the commit (``generation.invalidate``), and in the CDN in
front (Wagtail's frontend cache, when ``WAGTAILFRONTENDCACHE`` is configured) after the commit,
for the same pages plus the feeds and the sitemap. Purging before the commit would let the CDN
fetch and keep the old page again. Which copies: ``delivery/dependencies.py``."""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from . import fallback
from .dependencies import Change
from .generation import NAVIGATION, PAGES, invalidate

logger = logging.getLogger(__name__)


def apply(change: Change) -> None:
    """Make the change's copies stale everywhere: shared caches now and after the commit, this
    process's fallback copies now, the CDN after the commit."""
    invalidate(change.scopes)
    if change.wide:
        fallback.copies.forget()
    else:
        fallback.copies.forget(
            scope.removeprefix("path:") for scope in change.scopes if scope.startswith("path:")
        )
    transaction.on_commit(lambda: purge_frontend_cache(change))


def purge_frontend_cache(change: Change) -> None:
    from django.conf import settings
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page

    from .dependencies import listing_urls

    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch()
    if change.wide:
        # Whatever the CDN keeps: every live page.
        batch.add_pages(Page.objects.live().filter(depth__gt=1).specific())
    else:
        batch.add_pages(change.pages.values())
    batch.add_urls(listing_urls(change))
    batch.purge()


# -- what happened -----------------------------------------------------------------------------

BEFORE = "_delivery_before"


def _remember_before(sender, instance, **_kwargs) -> None:
    """Before a page row is saved: what it pointed at and where it was, for the pages that
    showed the old version (another campaign, another place)."""
    from wagtail.models import Page

    from .dependencies import _snippet_fields

    if not isinstance(instance, Page) or instance.pk is None or not instance.live:
        return
    if type(instance) is Page:  # the specific row is saved too; one look is enough
        return
    names = ["url_path", "depth", *(f.attname for f in _snippet_fields(type(instance)))]
    row = type(instance)._base_manager.filter(pk=instance.pk).values(*names).first()
    setattr(instance, BEFORE, row)


def page_changed(instance, **_kwargs) -> None:
    from .dependencies import page_change

    apply(page_change(instance, getattr(instance, BEFORE, None)))


def page_moving(instance, **_kwargs) -> None:
    """Before a move: the pages that show it at its old place."""
    from .dependencies import page_change

    if instance.live:
        apply(page_change(instance))


def page_moved(instance, url_path_before=None, **_kwargs) -> None:
    from .dependencies import page_change

    if instance.live:
        before = {"url_path": url_path_before}
        apply(page_change(instance, before))


def page_deleting(sender, instance, **_kwargs) -> None:
    """Before a page row goes: the pages that show it (after the delete, its ancestors and
    references cannot be found)."""
    from wagtail.models import Page

    from .dependencies import Change, page_change

    if not isinstance(instance, Page) or type(instance) is Page or not instance.live:
        return
    if not instance.is_leaf():
        apply(Change(scopes={NAVIGATION}).everything())
        return
    apply(page_change(instance))


def _is_image_or_document(sender) -> bool:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    return issubclass(sender, (get_image_model(), get_document_model()))


def _wide_for(sender) -> set[str] | None:
    """The wide scopes a save of ``sender`` makes stale, None when it needs no invalidation."""
    from wagtail.models import Locale, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    # Restrictions decide which pages may be stored and listed (and the menu's items); sites
    # and locales decide addresses and the language switcher. All three change rarely.
    if issubclass(sender, (PageViewRestriction, Site, Locale)):
        return {PAGES, NAVIGATION}
    if sender in get_snippet_models():
        return {PAGES}
    return None


def _saved_or_deleted(sender, instance, **_kwargs) -> None:
    if _is_image_or_document(sender):
        from .dependencies import referenced_object_change

        apply(referenced_object_change(instance))
        return
    wide = _wide_for(sender)
    if wide:
        change = Change(scopes=wide)
        apply(change.everything())


def _image_or_document_deleting(sender, instance, **_kwargs) -> None:
    # Its references are removed with it: find the pages that showed it first.
    if _is_image_or_document(sender):
        from .dependencies import referenced_object_change

        apply(referenced_object_change(instance))


def connect() -> None:
    """Make cached content stale whenever something it shows may have changed."""
    from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

    page_published.connect(page_changed, dispatch_uid="delivery_page_published")
    page_unpublished.connect(page_changed, dispatch_uid="delivery_page_unpublished")
    pre_page_move.connect(page_moving, dispatch_uid="delivery_pre_page_move")
    post_page_move.connect(page_moved, dispatch_uid="delivery_page_moved")
    # No sender filter: page types and snippets register after this app is ready, so which
    # models count is decided when a signal arrives.
    pre_save.connect(_remember_before, weak=False, dispatch_uid="delivery_page_before")
    pre_delete.connect(page_deleting, weak=False, dispatch_uid="delivery_page_deleting")
    pre_delete.connect(
        _image_or_document_deleting, weak=False, dispatch_uid="delivery_media_deleting"
    )
    post_save.connect(_saved_or_deleted, weak=False, dispatch_uid="delivery_content_saved")
    post_delete.connect(_deleted, weak=False, dispatch_uid="delivery_content_deleted")


def _deleted(sender, instance, **kwargs) -> None:
    # Images and documents were handled before the delete, pages too.
    if _is_image_or_document(sender):
        return
    wide = _wide_for(sender)
    if wide:
        apply(Change(scopes=wide).everything())
