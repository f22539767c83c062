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

from django.db.models import QuerySet
from wagtail.models import Page

P = TypeVar("P", bound=Page)


def public_pages(queryset: QuerySet | None = None) -> QuerySet:
    """``queryset`` (default: every page) narrowed to live pages under no view restriction."""
    if queryset is None:
        queryset = Page.objects.all()
    return queryset.live().public()


def public_ids(pages: Iterable[Page]) -> set[int]:
    """The primary keys of those of ``pages`` that the public may see listed (one query)."""
    ids = {page.pk for page in pages if page is not None and page.pk}
    if not ids:
        return set()
    return set(public_pages(Page.objects.filter(pk__in=ids)).values_list("pk", flat=True))


def keep_public(pages: Iterable[P]) -> list[P]:
    """``pages`` in their order, without the ones the public may not see listed."""
    pages = list(pages)
    allowed = public_ids(pages)
    return [page for page in pages if page.pk in allowed]
