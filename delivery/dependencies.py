"""Which cached copies a content change makes stale (``delivery/generation.py`` scopes), and which
pages a CDN in front is purged of (``delivery/invalidation.py``).

A page that is published, unpublished, moved or deleted is shown:

- at its own address, and by its translations (language switcher, ``hreflang``);
- by its ancestors below the tree root: the home page and the index pages, whose listings,
  cards, "latest" lists and counts show their descendants;
- by every page that points at it or at one of its translations (Wagtail's reference index:
  editors' picks such as featured or related stories, page choosers in bodies, rich-text links);
- by the pages that point at the same *snippet* it points at (a story's campaign: the campaign's
  page lists it, the campaign's other stories suggest it as related), and by its peers of the
  same type and language that point at no snippet through that field (stories without a
  campaign suggest the latest stories of any campaign);
- by the feeds and the sitemap (never stored by the page cache; purged from a CDN).

An image or a document is shown by the pages that point at it (reference index). A reference
from a page's own field (a hero image) is shown on that page's cards too, so the pages that show
that page are included; one from inside its body (a StreamField block, a rich-text link) is not.

Where the site cannot tell, it invalidates everything (the wide ``pages`` scope): snippets
(templates list campaigns, partners, topics and social posts by query, which no reference
index records), an image or document that something other than a page points at (a snippet, a
setting), view restrictions, sites and locales, a page whose descendants' addresses change (a
slug change or move of a page with children), and any set above ``WIDE_ABOVE`` pages.

The header menu (``nav:menu``) changes only when a home page or a home page's child (an index,
a campaign page) changes, and then every page changes, since every page's header shows it; a
page's language links (``nav:translations:<key>``) when that page or a translation does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import translation
from wagtail.models import Page, ReferenceIndex

from .generation import MENU, NAVIGATION, PAGES, path_scope, translations_scope

# Past this many pages, listing them costs more than rebuilding the whole cache.
WIDE_ABOVE = 500
# A home page's depth (under Wagtail's tree root) and its children's: what the menu shows.
MENU_DEPTHS = (2, 3)


@dataclass
class Change:
    """What a content change makes stale."""

    pages: dict[int, Page] = field(default_factory=dict)
    scopes: set[str] = field(default_factory=set)
    wide: bool = False

    def add_pages(self, pages) -> None:
        for page in pages:
            self.pages.setdefault(page.pk, page)

    def everything(self) -> Change:
        self.wide = True
        self.scopes |= {PAGES}
        return self

    def finish(self) -> Change:
        """The scopes: every page's addresses, unless there are too many."""
        if len(self.pages) > WIDE_ABOVE:
            self.everything()
        if not self.wide:
            for page in self.pages.values():
                path = page_path(page)
                if path:
                    self.scopes.add(path_scope(path))
        return self


def page_path(page: Page) -> str | None:
    """The path visitors request the page at (language prefix included), whatever the host."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


def _snippet_fields(model) -> list[models.ForeignKey]:
    """The snippet fields that group pages (a story's campaign). A page type names them in a
    plain ``cache_groups_by`` attribute of field names when only some do: a story's cover video
    groups nothing, and treating it as a group would send every story without one along with
    each publish. Without the attribute, every snippet field counts."""
    from wagtail.snippets.models import get_snippet_models

    snippets = tuple(get_snippet_models())
    named = getattr(model, "cache_groups_by", None)
    return [
        f
        for f in model._meta.get_fields()
        if isinstance(f, models.ForeignKey)
        and issubclass(f.related_model, snippets)
        and (named is None or f.name in named)
    ]


def _referring_pages(objects) -> list[Page]:
    """Pages whose fields, blocks or rich text point at one of ``objects``."""
    objects = list(objects)
    if not objects:
        return []
    references = ReferenceIndex.get_references_to_in_bulk(objects).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    ids = {int(object_id) for object_id in references.values_list("object_id", flat=True)}
    return list(Page.objects.filter(pk__in=ids).specific(defer=True))


def _family(page: Page) -> list[Page]:
    """The page and its translations."""
    return list(Page.objects.filter(translation_key=page.translation_key).specific(defer=True))


def shown_with(page: Page, before: dict | None = None) -> list[Page]:
    """The pages that show ``page`` besides itself (see the module's docstring); ``before`` is
    the page's snippet references as they were before this change, ``{attname: id}``."""
    page = page.specific
    shown: list[Page] = list(page.get_ancestors().filter(depth__gt=1).specific(defer=True))
    family = _family(page)
    shown += _referring_pages(family)
    for field_ in _snippet_fields(type(page)):
        values = {getattr(page, field_.attname, None)}
        if before:
            values.add(before.get(field_.attname))
        snippets = list(field_.related_model._base_manager.filter(pk__in=values - {None}))
        shown += _referring_pages(snippets)
        # Peers without such a snippet fall back on every page of their kind.
        shown += list(
            type(page)._base_manager.filter(
                locale_id=page.locale_id, **{f"{field_.attname}__isnull": True}
            )
        )
    return shown


def page_change(page: Page, before: dict | None = None) -> Change:
    """A page published, unpublished, moved (its new place) or about to be deleted."""
    change = Change()
    change.add_pages([page, *_family(page)])
    change.add_pages(shown_with(page, before))
    change.scopes.add(translations_scope(page.translation_key))
    depths = {page.depth, (before or {}).get("depth")}
    if depths & set(MENU_DEPTHS):
        # Every page's header shows the menu.
        change.scopes.add(MENU)
        return change.everything().finish()
    old_url_path = (before or {}).get("url_path")
    if old_url_path not in (None, page.url_path):
        if not page.is_leaf():
            # Every descendant's address changed: links to them are everywhere.
            change.scopes.add(NAVIGATION)
            return change.everything().finish()
        # A new slug: the copy at the old address must go too (a move is seen from its old
        # place before it happens, pre_page_move).
        path = page_path(page)
        if path and path.endswith(f"/{page.slug}/"):
            old_slug = old_url_path.rstrip("/").rsplit("/", 1)[-1]
            change.scopes.add(path_scope(path[: -len(page.slug) - 1] + old_slug + "/"))
    return change.finish()


def referenced_object_change(obj) -> Change:
    """An image or document saved or deleted."""
    change = Change()
    page_type = ContentType.objects.get_for_model(Page)
    references = list(ReferenceIndex.get_references_to(obj))
    if any(reference.base_content_type_id != page_type.pk for reference in references):
        return change.everything()
    pages = Page.objects.specific(defer=True).in_bulk({int(r.object_id) for r in references})
    for reference in references:
        page = pages.get(int(reference.object_id))
        if page is None:
            continue
        change.add_pages([page])
        if "." not in reference.content_path:  # the page's own field: on its cards too
            change.add_pages(shown_with(page))
    return change.finish()


def listing_urls(change: Change) -> list[str]:
    """Feeds and the sitemap of the languages and sites a change touches, as full URLs
    (``PAGE_CACHE_LISTING_URL_NAMES``), for the CDN purge."""
    from django.conf import settings
    from django.urls import NoReverseMatch, reverse
    from wagtail.models import Locale

    roots, locale_ids = set(), set()
    for page in change.pages.values():
        parts = page.get_url_parts()
        if parts and parts[1]:
            roots.add(parts[1])
            locale_ids.add(page.locale_id)
    languages = Locale.objects.filter(pk__in=locale_ids).values_list("language_code", flat=True)
    urls = []
    for root in roots:
        for language in languages:
            with translation.override(language):
                for name in settings.PAGE_CACHE_LISTING_URL_NAMES:
                    try:
                        urls.append(root.rstrip("/") + reverse(name))
                    except NoReverseMatch:
                        continue
    return sorted(set(urls))
