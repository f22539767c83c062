"""Translation status of every translatable page and snippet in every language, for the
translators' dashboard (``translation/views.py``) and the admin home panel.

The statuses are computed from what wagtail-localize and Wagtail already store, in a fixed number
of queries whatever the number of items (docs/i18n.md, "Translators' dashboard"). For pages the
database computes each status, filters, counts, sorts and limits (``StatusGrid``,
``waiting_counts``); ``build_items`` then reads the full cells of the rows shown, and of the
snippets, which are few. Nothing is copied into a status table, so nothing can go stale:
segments are translated through the editor's API, PO imports, machine translation and syncs,
which a signal-fed table would all have to follow.
"""

from __future__ import annotations

import contextlib
import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import CharField, Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from .translators import translatable_snippet_models, translator_languages

NOT_TRANSLATED = "not_translated"
DRAFT = "draft"
UP_TO_DATE = "up_to_date"
OUTDATED = "outdated"
INCOMPLETE = "incomplete"
# Anything but up to date: what the admin home panel counts as "waiting".
WAITING = "waiting"

STATUS_LABELS = {
    NOT_TRANSLATED: _("Not translated"),
    DRAFT: _("Draft"),
    UP_TO_DATE: _("Up to date"),
    OUTDATED: _("Outdated"),
    INCOMPLETE: _("Live but incomplete"),
}
STATUS_FILTERS = {WAITING: _("Waiting (anything but up to date)"), **STATUS_LABELS}


@dataclass
class Cell:
    locale: Locale
    status: str
    translated: int = 0
    total: int = 0
    target_id: int | None = None
    translation_id: int | None = None
    source_id: int | None = None
    target_live: bool = False
    has_unpublished_changes: bool = False
    changed_at: datetime.datetime | None = None  # the source change an outdated cell misses
    waiting_since: datetime.datetime | None = None  # None when up to date

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return self.translated * 100 // self.total

    @property
    def label(self):
        return STATUS_LABELS[self.status]

    @property
    def progress_label(self) -> str:
        return _("%(percent)d %% translated") % {"percent": self.percent or 0}


@dataclass
class Item:
    """One row: a translatable page or snippet in the source language."""

    kind: str  # "page" or "snippet"
    model: type
    pk: int
    translation_key: object
    title: str
    type_label: str
    last_changed: datetime.datetime | None
    first_published: datetime.datetime | None
    cells: dict[str, Cell] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """How a form names this item: ``page:12`` or ``stories.campaign:3``."""
        if self.kind == "page":
            return f"page:{self.pk}"
        return f"{self.model._meta.label_lower}:{self.pk}"

    @property
    def edit_url(self) -> str:
        if self.kind == "page":
            return reverse("wagtailadmin_pages:edit", args=[self.pk])
        return reverse(self.model.snippet_viewset.get_url_name("edit"), args=[quote(self.pk)])

    def target_edit_url(self, cell: Cell) -> str | None:
        if cell.target_id is None:
            return None
        if self.kind == "page":
            return reverse("wagtailadmin_pages:edit", args=[cell.target_id])
        return reverse(
            self.model.snippet_viewset.get_url_name("edit"), args=[quote(cell.target_id)]
        )

    def waiting_since(self, codes) -> datetime.datetime | None:
        dates = [
            self.cells[code].waiting_since
            for code in codes
            if code in self.cells and self.cells[code].waiting_since
        ]
        return min(dates) if dates else None


@dataclass
class Filters:
    locale: str | None = None  # a language code
    type: str | None = None  # "page", "snippet" or a ContentType id as text
    status: str | None = None
    campaign: int | None = None  # a source-language Campaign id
    section: int | None = None  # a source-language page id: that page and its descendants


def target_locales(user) -> list[Locale]:
    """The columns ``user`` sees: every language but the source, or only their own."""
    default = Locale.get_default()
    locales = [locale for locale in Locale.objects.order_by("pk") if locale.pk != default.pk]
    languages = translator_languages(user)
    if languages is not None:
        locales = [locale for locale in locales if locale.language_code in languages]
    return locales


def _page_rows(source_locale, filters: Filters):
    pages = Page.objects.filter(locale=source_locale, depth__gt=1, alias_of__isnull=True, live=True)
    if filters.type and filters.type not in ("page", "snippet"):
        pages = pages.filter(content_type_id=filters.type)
    if filters.campaign:
        from stories.models import CampaignPage, StoryPage

        pages = pages.filter(
            Q(pk__in=StoryPage.objects.filter(campaign_id=filters.campaign).values("pk"))
            | Q(pk__in=CampaignPage.objects.filter(campaign_id=filters.campaign).values("pk"))
        )
    return pages


def _snippet_rows(model, source_locale, filters: Filters):
    rows = model.objects.filter(locale=source_locale)
    if issubclass(model, DraftStateMixin):
        rows = rows.filter(live=True)
    if filters.section:
        return rows.none()  # snippets are not in the page tree
    if (
        filters.type
        and filters.type not in ("page", "snippet")
        and str(ContentType.objects.get_for_model(model).pk) != filters.type
    ):
        return rows.none()
    if filters.campaign:
        from stories.models import Campaign

        if model is Campaign:
            rows = rows.filter(pk=filters.campaign)
        elif any(f.name == "campaign" for f in model._meta.get_fields()):
            rows = rows.filter(campaign_id=filters.campaign)
        else:
            return rows.none()
    return rows


def build_items(
    user,
    filters: Filters | None = None,
    locales: list[Locale] | None = None,
    kinds=("page", "snippet"),
    page_ids=None,
):
    """Every source item matching ``filters`` with one cell per locale in ``locales``, in a
    fixed number of queries."""
    filters = filters or Filters()
    source_locale = Locale.get_default()
    locales = target_locales(user) if locales is None else locales
    if filters.locale:
        locales = [locale for locale in locales if locale.language_code == filters.locale]
    locale_ids = [locale.pk for locale in locales]
    items: dict[object, Item] = {}
    by_key: dict[object, Item] = {}

    page_filters = Filters(**{**filters.__dict__, "section": None})
    section_path = None
    if filters.section:
        section_path = (
            Page.objects.filter(pk=filters.section).values_list("path", flat=True).first() or "-"
        )
    want_pages = filters.type != "snippet" and "page" in kinds
    want_snippets = filters.type != "page" and "snippet" in kinds
    targets: list[tuple] = []
    if want_pages:
        pages = _page_rows(source_locale, page_filters)
        if section_path:
            pages = pages.filter(path__startswith=section_path)
        if page_ids is not None:
            pages = pages.filter(pk__in=page_ids)
        for pk, key, title, ct_id, last, first in (
            pages.annotate(last=_as_text("last_published_at"), first=_as_text("first_published_at"))
            .values_list("pk", "translation_key", "title", "content_type_id", "last", "first")
            .order_by("path")
        ):
            last, first = _parse(last), _parse(first)
            model = ContentType.objects.get_for_id(ct_id).model_class() or Page
            item = Item("page", model, pk, key, title, model._meta.verbose_name, last, first)
            by_key[("page", key)] = item
        if by_key:
            targets += [
                ("page", key, locale_id, pk, live, _parse(published), unpublished)
                for key, locale_id, pk, live, published, unpublished in Page.objects.filter(
                    locale_id__in=locale_ids,
                    translation_key__in=pages.values("translation_key"),
                )
                .annotate(published=_as_text("last_published_at"))
                .values_list(
                    "translation_key",
                    "locale_id",
                    "pk",
                    "live",
                    "published",
                    "has_unpublished_changes",
                )
            ]
    if want_snippets:
        for model in translatable_snippet_models():
            rows = _snippet_rows(model, source_locale, filters)
            drafts = issubclass(model, DraftStateMixin)
            label = model._meta.label_lower
            found = False
            # Whole rows: a snippet's title is its __str__ (snippets are few next to pages),
            # which may read its foreign keys (a caption track names its video and language).
            relations = [f.name for f in model._meta.concrete_fields if f.many_to_one]
            for obj in rows.select_related(*relations).order_by("pk"):
                found = True
                by_key[(label, obj.translation_key)] = Item(
                    "snippet",
                    model,
                    obj.pk,
                    obj.translation_key,
                    str(obj),
                    model._meta.verbose_name,
                    obj.last_published_at if drafts else None,
                    obj.first_published_at if drafts else None,
                )
            if not found:
                continue
            target_names = ["translation_key", "locale_id", "pk"]
            target_names += (
                ["live", "last_published_at", "has_unpublished_changes"] if drafts else []
            )
            for row in model.objects.filter(
                locale_id__in=locale_ids, translation_key__in=rows.values("translation_key")
            ).values_list(*target_names):
                targets.append((label, *row) if drafts else (label, *row, True, None, False))

    # wagtail-localize's side: the source-language TranslationSource of each item (keyed by
    # translation key and specific content type), its segment count, its translations and how
    # many of its segments each target locale has translated (as Translation.get_progress).
    # Only the sources of the items read (the 50 pages of a grid page, or the snippets).
    sources = {}
    keys = {item.translation_key for item in by_key.values()}
    for pk, object_id, total in (
        TranslationSource.objects.filter(locale=source_locale, object_id__in=keys)
        .annotate(total=Count("stringsegment"))
        .values_list("pk", "object_id", "total")
    ):
        sources[object_id] = (pk, total)
    source_ids = [pk for pk, _total in sources.values()]
    translations = {
        (source_id, locale_id): pk
        for pk, source_id, locale_id in Translation.objects.filter(
            source_id__in=source_ids, target_locale_id__in=locale_ids
        ).values_list("pk", "source_id", "target_locale_id")
    }
    translated = defaultdict(int)
    for source_id, locale_id, count in (
        StringSegment.objects.filter(
            source_id__in=source_ids,
            string__translations__locale_id__in=locale_ids,
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values_list("source_id", "string__translations__locale_id")
        .annotate(count=Count("pk"))
    ):
        translated[(source_id, locale_id)] = count

    target_rows = defaultdict(dict)
    for kind, key, locale_id, pk, live, published, unpublished in targets:
        target_rows[(kind, key)][locale_id] = (pk, live, published, unpublished)

    for index_key, item in by_key.items():
        source_id, total = sources.get(item.translation_key, (None, 0))
        for locale in locales:
            target = target_rows[index_key].get(locale.pk)
            cell = Cell(locale, NOT_TRANSLATED, source_id=source_id, total=total)
            cell.translation_id = translations.get((source_id, locale.pk))
            cell.translated = translated.get((source_id, locale.pk), 0)
            cell.status, cell.changed_at, cell.waiting_since = _status(item, cell, target)
            item.cells[locale.language_code] = cell
        items[index_key] = item

    result = list(items.values())
    if filters.status:
        codes = [locale.language_code for locale in locales]
        result = [item for item in result if _matches(item, codes, filters.status)]
    return result


def _as_text(name: str):
    """A timestamp read as text: psycopg's text loader is C, while Django's time-zone-aware
    timestamp loader runs Python for each value, most of the grid's time at 10 000 rows."""
    return Cast(name, output_field=CharField())


def _parse(value) -> datetime.datetime | None:
    if not value:
        return None
    parsed = datetime.datetime.fromisoformat(value)
    # SQLite stores UTC without an offset; PostgreSQL's text has one.
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.UTC)


def _status(item: Item, cell: Cell, target):
    """(status, changed_at, waiting_since) of one cell; docs/i18n.md defines each status."""
    if target is None:
        return NOT_TRANSLATED, None, item.first_published
    cell.target_id, cell.target_live, published, cell.has_unpublished_changes = target
    if not cell.target_live:
        return DRAFT, None, item.first_published
    if item.last_changed and published and item.last_changed > published:
        return OUTDATED, item.last_changed, item.last_changed
    if cell.total and cell.translated < cell.total:
        return INCOMPLETE, None, published
    return UP_TO_DATE, None, None


def _matches(item: Item, codes, status: str) -> bool:
    cells = [item.cells[code] for code in codes if code in item.cells]
    if status == WAITING:
        return any(cell.status != UP_TO_DATE for cell in cells)
    return any(cell.status == status for cell in cells)


def sort_items(items: list[Item], codes, order: str) -> list[Item]:
    """``waiting`` (default): oldest missing translation first, complete rows last; ``title``;
    ``changed``: latest source change first."""
    if order == "title":
        return sorted(items, key=lambda item: item.title.casefold())
    if order == "changed":
        floor = datetime.datetime.min.replace(tzinfo=datetime.UTC)
        return sorted(items, key=lambda item: item.last_changed or floor, reverse=True)
    ceiling = datetime.datetime.max.replace(tzinfo=datetime.UTC)
    return sorted(items, key=lambda item: (item.waiting_since(codes) or ceiling, item.title))


def waiting_counts(user) -> list[tuple[Locale, int, int]]:
    """For the admin home panel: per column the user sees, how many pages and snippets are not
    up to date (pages counted by the database, one aggregate for every column)."""
    locales = target_locales(user)
    if not locales:
        return []
    source_locale = Locale.get_default()
    pages = _page_rows(source_locale, Filters())
    with _without_jit():
        page_counts = pages.order_by().aggregate(
            **{
                f"waiting_{locale.pk}": Count(
                    "pk", filter=_status_condition(source_locale, locale.pk, WAITING)
                )
                for locale in locales
            }
        )
    snippets = build_items(user, locales=locales, kinds=("snippet",))
    counts = []
    for locale in locales:
        waiting = sum(
            1 for item in snippets if item.cells[locale.language_code].status != UP_TO_DATE
        )
        counts.append((locale, page_counts[f"waiting_{locale.pk}"], waiting))
    return counts


# --- The grid in SQL --------------------------------------------------------------------------
# Pages are the many rows (10 000 and more): their per-language status, its "waiting since" date
# and the sort key are computed by the database (the same rules as ``_status``, as EXISTS tests
# per target language), so filtering, counting, sorting and LIMIT happen there and
# only the 50 rows shown are read in full. Snippets are a few hundred at most and keep the
# Python path; the two are merged for the page shown.

_FAR = datetime.datetime(9999, 1, 1, tzinfo=datetime.UTC)


@contextlib.contextmanager
def _without_jit():
    """PostgreSQL prices these many small correlated subqueries high enough to JIT-compile them,
    which costs far more (200 ms at 1 000 rows, seconds at 10 000) than running them (tens of
    ms): off for these statements only (``SET LOCAL``, undone at the transaction's end)."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")
        yield


def _untranslated_segments(source_locale, locale_id: int):
    """The source-language segments of the outer page that have no usable translation into
    ``locale_id``: "some are left" as an EXISTS (an anti-join for PostgreSQL) rather than
    comparing two counts per row. It is the same test as ``translated < total``, as
    wagtail-localize keeps one translation per string, locale and context."""
    return StringSegment.objects.filter(
        source__object_id=OuterRef("translation_key"), source__locale=source_locale
    ).exclude(
        Exists(
            StringTranslation.objects.filter(
                translation_of=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=locale_id,
                has_error=False,
            )
        )
    )


@dataclass(frozen=True)
class _CellTests:
    """The tests a source page's cell in one language is made of, shared by its status and its
    "waiting since" date so that the two follow the same rules (those of ``_status``)."""

    targets: object  # the page's version in that language (a queryset, at most one row)
    live: Exists
    outdated: Q  # the source was published after its live translation
    unfinished: Exists  # a source segment has no usable translation


def _cell_tests(source_locale, locale_id: int) -> _CellTests:
    targets = Page.objects.filter(translation_key=OuterRef("translation_key"), locale_id=locale_id)
    # A missing date on either side is not "after", as in ``_status``.
    stale = targets.filter(live=True, last_published_at__lt=OuterRef("last_published_at"))
    return _CellTests(
        targets=targets,
        live=Exists(targets.filter(live=True)),
        outdated=Q(last_published_at__isnull=False) & Exists(stale),
        unfinished=Exists(_untranslated_segments(source_locale, locale_id)),
    )


def _waiting_since(source_locale, locale_id: int):
    """Since when the outer page's ``locale_id`` cell has waited: its first publication if
    untranslated or a draft, its last if outdated, the translation's publication if that is
    incomplete, NULL if up to date."""
    from django.db.models import Case, DateTimeField, Value, When

    cell = _cell_tests(source_locale, locale_id)
    return Case(
        When(~cell.live, then=F("first_published_at")),
        When(cell.outdated, then=F("last_published_at")),
        When(cell.unfinished, then=Subquery(cell.targets.values("last_published_at")[:1])),
        default=Value(None),
        output_field=DateTimeField(),
    )


def _status_condition(source_locale, locale_id: int, status: str) -> Q:
    """Pages whose ``locale_id`` cell has ``status``, written as EXISTS tests rather than as a
    filter on a status ``Case``: PostgreSQL runs those as semi-joins over the target pages
    instead of a correlated lookup per source row."""
    cell = _cell_tests(source_locale, locale_id)
    if status == NOT_TRANSLATED:
        return ~Exists(cell.targets)
    if status == DRAFT:
        return Exists(cell.targets) & ~cell.live
    if status == OUTDATED:
        return cell.outdated
    settled = cell.live & ~cell.outdated  # live and not outdated: complete or not
    if status == INCOMPLETE:
        return settled & cell.unfinished
    if status == UP_TO_DATE:
        return settled & ~cell.unfinished
    if status == WAITING:
        return ~settled | cell.unfinished
    return Q(pk__in=[])


def _status_sql_pages(source_locale, filters: Filters, locales):
    """The source pages matching ``filters`` (status included), annotated with ``_waiting``:
    the earliest waiting-since date over ``locales`` (far future when all are up to date)."""
    from django.db.models import DateTimeField, Value
    from django.db.models.functions import Coalesce, Least

    pages = _page_rows(source_locale, Filters(**{**filters.__dict__, "section": None}))
    if filters.section:
        section_path = (
            Page.objects.filter(pk=filters.section).values_list("path", flat=True).first() or "-"
        )
        pages = pages.filter(path__startswith=section_path)
    locale_ids = [locale.pk for locale in locales]
    far = Value(_FAR, output_field=DateTimeField())
    if filters.status:
        condition = Q(pk__in=[])
        for locale_id in locale_ids:
            condition |= _status_condition(source_locale, locale_id, filters.status)
        pages = pages.filter(condition)
    ends = [Coalesce(_waiting_since(source_locale, locale_id), far) for locale_id in locale_ids]
    if not ends:
        waiting = far
    elif len(ends) == 1:
        waiting = ends[0]
    else:
        waiting = Least(*ends)
    return pages.annotate(_waiting=waiting)


class StatusGrid:
    """The grid's rows as a sequence a ``Paginator`` can page: ``count()`` and slices run in the
    database for pages; only the sliced rows are built with their cells."""

    def __init__(self, user, filters: Filters, locales: list[Locale], order: str):
        self.user, self.filters, self.order = user, filters, order
        self.locales = locales
        self.shown = [
            locale
            for locale in locales
            if not filters.locale or locale.language_code == filters.locale
        ]
        self.codes = [locale.language_code for locale in self.shown]
        self.source_locale = Locale.get_default()
        self.want_pages = filters.type != "snippet"
        self._snippets = None
        self._count = None

    def _pages(self):
        return _status_sql_pages(self.source_locale, self.filters, self.shown)

    def snippets(self) -> list[Item]:
        if self._snippets is None:
            if self.filters.type == "page" or self.filters.section:
                self._snippets = []
            else:
                self._snippets = build_items(
                    self.user, self.filters, locales=self.locales, kinds=("snippet",)
                )
        return self._snippets

    def count(self) -> int:
        if self._count is None:
            pages = 0
            if self.want_pages:
                with _without_jit():
                    pages = self._pages().order_by().count()
            self._count = pages + len(self.snippets())
        return self._count

    def __len__(self):
        return self.count()

    def _page_order(self):
        from django.db.models.functions import Lower

        if self.order == "title":
            return [Lower("title"), "path"]
        if self.order == "changed":
            return [F("last_published_at").desc(nulls_last=True), "path"]
        return ["_waiting", "title", "path"]

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        if stop is None:
            stop = self.count()
        if stop <= start:
            return []
        # Sort keys only, up to ``stop`` rows: pages from the database in the grid's order, then
        # merged with the snippets; full rows (with cells) are built for the slice shown only.
        keyed: list[tuple] = []
        if self.want_pages:
            sort_column = "last_published_at" if self.order == "changed" else "_waiting"
            pages = (
                self._pages()
                .annotate(_sort=_as_text(sort_column))
                .order_by(*self._page_order())
                .values_list("pk", "title", "_sort")[:stop]
            )
            with _without_jit():
                pages = list(pages)
            for position, (pk, title, sort) in enumerate(pages):
                keyed.append((self._key(title, _parse(sort)), 0, position, ("page", pk)))
        for position, item in enumerate(self.snippets()):
            changed = self.order == "changed"
            sort = item.last_changed if changed else item.waiting_since(self.codes)
            keyed.append((self._key(item.title, sort), 1, position, item))
        reverse = self.order == "changed"
        if reverse:
            # Latest first, and on a tie the list's own order (pages, then snippets).
            keyed.sort(key=lambda row: (row[1], row[2]))
            keyed.sort(key=lambda row: row[0], reverse=True)
        else:
            keyed.sort(key=lambda row: row[:3])
        chosen = [row[3] for row in keyed[start:stop]]
        ids = [entry[1] for entry in chosen if isinstance(entry, tuple)]
        built = {}
        if ids:
            built = {
                item.pk: item
                for item in build_items(
                    self.user, self.filters, locales=self.locales, kinds=("page",), page_ids=ids
                )
            }
        return [built[entry[1]] if isinstance(entry, tuple) else entry for entry in chosen]

    def _key(self, title, sort):
        if self.order == "title":
            return title.casefold()
        if self.order == "changed":
            return sort or datetime.datetime.min.replace(tzinfo=datetime.UTC)
        if sort is not None and sort >= _FAR:
            sort = None
        return (sort or datetime.datetime.max.replace(tzinfo=datetime.UTC), title)
