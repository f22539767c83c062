"""Which pages the public may see listed: live pages outside every view restriction.

A page behind a login, password or group restriction (on itself or an ancestor: Wagtail's
``PageViewRestriction`` covers the whole section) is reached only at its own address. Every
list that names pages to visitors — home features, related stories and story cards, listings
and "Load more", feeds, sitemap, search, autocomplete and the API — starts from
``public_pages()`` or filters its picks through ``keep_public()``, so a new list cannot forget.
The lists are the same for everyone, signed in or not: pages are cached whole for anonymous
visitors, and a list that changed with the visitor could not be.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef, QuerySet
from wagtail.models import Page, PageViewRestriction

P = TypeVar("P", bound=Page)


def public_pages(queryset: QuerySet | None = None) -> QuerySet:
    """``queryset`` (default: every page) narrowed to live pages under no view restriction."""
    if queryset is None:
        queryset = Page.objects.all()
    return queryset.live().public()


def under_restriction() -> Exists:
    """True for a page in a restricted section: a view restriction on it or on an ancestor.
    As an annotation it tells picks fetched anyway (features, related stories, story cards)
    apart without one more query."""
    page_path = ExpressionWrapper(OuterRef("path"), output_field=CharField())
    covering = PageViewRestriction.objects.alias(page_path=page_path).filter(
        page_path__startswith=F("page__path")
    )
    return Exists(covering)


def with_visibility(queryset: QuerySet) -> QuerySet:
    """``queryset`` whose pages know whether they are in a restricted section (``is_listed``)."""
    return queryset.annotate(view_restricted=under_restriction())


def is_listed(page: Page) -> bool:
    """Whether the public may see ``page`` listed. Pages from ``with_visibility`` answer from
    their annotation; any other page costs one query."""
    if not hasattr(page, "view_restricted"):
        page.view_restricted = not Page.objects.filter(pk=page.pk).public().exists()
    return page.live and not page.view_restricted


def keep_public(pages: Iterable[P]) -> list[P]:
    """``pages`` in their order, without the ones the public may not see listed."""
    return [page for page in pages if is_listed(page)]
