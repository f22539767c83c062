"""Wagtail's database search backend, made language-aware.

``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backends"`` picks, like Wagtail's own
``wagtail.search.backends.database``, the implementation for the database in use, and adds:

- **Arabic folding at index time and at query time** (``search.analysis.fold_arabic``), so spelling
  variants and diacritics meet. Indexed text is folded through a thin view of each object, so every
  indexed model (pages from any app, snippets, images) gets it without declaring anything.
- **On PostgreSQL, one text-search configuration per language** (``LANGUAGE_CONFIGS``, e.g.
  ``{"fr": "french"}``): each object is indexed with its locale's configuration, and
  ``backend.for_language("fr")`` returns a backend that queries with that same configuration, so
  French stems meet French stems. The database backend keeps one index row per object, which is
  why this is one backend that routes by locale rather than several named backends that would
  overwrite each other's rows. Without a language (the admin, which searches every locale at once)
  the query is the OR of every configuration's query.

SQLite's FTS5 has no per-language analysis; ``for_language`` returns the backend itself there.
Elasticsearch/OpenSearch are configured directly with Wagtail's backends (see docs/search.md).
"""

from __future__ import annotations

import copy
from collections import defaultdict
from functools import cache, reduce
from operator import and_, or_
from types import SimpleNamespace
from typing import Any

from django.db import connection
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from wagtail.search.backends.database import SearchBackend as vendor_database_backend

from .analysis import fold_arabic, fold_searchable_value, strip_arabic_article

MIN_PREFIX_LENGTH = 4
# Ranking: a page whose title matches the query comes before every page that matches only in
# its text; TITLE_TIER is added to (PostgreSQL) or taken from (SQLite bm25, lower is better) the
# score of title matches, larger than any score a text match reaches.
TITLE_TIER = 1_000_000
# SQLite FTS5 bm25 column weights within each group. Equal: the title group already puts titles
# first, and a heavier title would favour short pages among title matches (bm25 normalises by
# length). Standfirst and body share FTS5's one "body" column there.
SQLITE_TITLE_WEIGHT = 1.0
SQLITE_BODY_WEIGHT = 1.0

# --- Folding indexed text ------------------------------------------------------------------------


class _FoldingFieldMixin:
    """Reads the value through the wrapped object and folds its Arabic text."""

    fold = staticmethod(fold_arabic)

    def get_value(self, obj):
        # The indexers read every field once per index column (title, body, autocomplete and
        # their plain-text mirrors): remember values per object, so a StreamField's rich text
        # is parsed once instead of five times.
        cache = getattr(obj, "_values", None)
        key = (type(self).__name__, self.field_name)
        if cache is not None and key in cache:
            return cache[key]
        value = super().get_value(getattr(obj, "_folded_source", obj))
        if not isinstance(self, RelatedFields):
            value = fold_searchable_value(value, self.fold)
        if cache is not None:
            cache[key] = value
        return value


_FOLDING_CLASSES: dict[type, type] = {}


def _folding_copy(field, fold):
    """A copy of a search_fields entry that folds the text it reads (children too)."""
    if not isinstance(field, (SearchField, AutocompleteField, RelatedFields)):
        return field
    cls = type(field)
    if cls not in _FOLDING_CLASSES:
        _FOLDING_CLASSES[cls] = type(f"Folding{cls.__name__}", (_FoldingFieldMixin, cls), {})
    clone = copy.copy(field)
    clone.__class__ = _FOLDING_CLASSES[cls]
    clone.fold = fold
    if isinstance(field, RelatedFields):
        clone.fields = [_folding_copy(child, fold) for child in field.fields]
    return clone


class _FoldedView:
    """What the backends' indexers read from an object (its pk and its search fields), with every
    text value folded. The object itself is left untouched."""

    def __init__(self, obj, fold=fold_arabic):
        self._folded_source = obj
        self._fold = fold
        self._values: dict = {}
        self.pk = obj.pk

    def get_search_fields(self):
        fields = self._folded_source.get_search_fields()
        return [_folding_copy(field, self._fold) for field in fields]


# --- Query side --------------------------------------------------------------------------------


class _FoldingQueriesMixin:
    """Folds the query string the same way as the indexed text."""

    fold = staticmethod(fold_arabic)

    def search(self, query, model_or_queryset, *args, **kwargs):
        return super().search(_fold_query(query, self.fold), model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        query = _fold_query(query, self.fold)
        return super().autocomplete(query, model_or_queryset, *args, **kwargs)

    def for_language(self, language_code: str | None):
        """The backend to query content written in ``language_code`` with."""
        return self


def _fold_query(query, fold):
    if isinstance(query, str):
        return fold(query)
    if hasattr(query, "query_string"):  # PlainText, Phrase, Fuzzy
        query = copy.copy(query)
        query.query_string = fold(query.query_string)
    return query


# --- PostgreSQL -------------------------------------------------------------------------------


@cache
def _postgres_classes():
    """Defined lazily: importing the PostgreSQL backend on SQLite would fail."""
    from django.contrib.postgres.search import SearchVector
    from django.db.models import BooleanField, Case, F, FloatField, Func, Value, When
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
        PostgresSearchResults,
    )
    from modelsearch.query import Fuzzy, MatchAll, Not

    class RumDistance(Func):
        """``vector <=> query``, the RUM index's distance: smaller is more relevant, and an
        ``ORDER BY`` on it is answered by the index itself, in order, without ranking every
        match."""

        arg_joiner = " <=> "
        template = "(%(expressions)s)"
        output_field = FloatField()

    class RumScore(Func):
        function = "rum_ts_score"
        output_field = FloatField()

    class Matches(Func):
        """``vector @@ query``, as an expression (the title-first tier)."""

        arg_joiner = " @@ "
        template = "(%(expressions)s)"
        output_field = BooleanField()

    def title_matches(search_query):
        # An F() in an annotation or ordering reuses the join to the index entry that the
        # search's own filter made; a filter() on the relation would add a second one.
        return Matches(F("index_entries__title"), search_query)

    class MultilingualQueryCompiler(PostgresSearchQueryCompiler):
        """Accepts a tuple of configurations and matches a document if any of them does, and
        ranks with the RUM index when the database has one."""

        def build_tsquery(self, query, config=None):
            if not isinstance(config, tuple):
                return super().build_tsquery(query, config=config)
            queries = [
                super(MultilingualQueryCompiler, self).build_tsquery(query, c) for c in config
            ]
            queries = [q for q in queries if q is not None]
            return reduce(or_, queries) if queries else None

        def search(self, config, start, stop, score_field=None, backend=None):
            self._config = config
            if not self.ranks_with_rum(backend):
                return super().search(config, start, stop, score_field, backend)
            # One queryset in RUM order, for callers other than the results' own fetch
            # (which is ``rum_ranked``, title matches first).
            document, search_query = self._document_and_query(config)
            queryset = self.matches(config).order_by(RumDistance(document, search_query).asc())
            if score_field is not None:
                queryset = queryset.annotate(**{score_field: RumScore(document, search_query)})
            return queryset[start:stop]

        def ranks_with_rum(self, backend) -> bool:
            return bool(
                self.order_by_relevance
                and backend
                and backend.has_rum_index()
                and self._can_match()
            )

        def rum_ranked(self, config, start, stop, score_field=None) -> list:
            """Results ``[start:stop]``: pages whose title matches the query, then the others,
            each group in the RUM index's order.

            Wagtail's ranking (ts_rank of title and of body for every match, then sort) reads
            every matching document's body vector: half the index for a common word. The RUM
            index keeps word positions, so it returns the closest matches in order, but its
            distance knows only the vector's fixed A–D weights and grows with every mention:
            a page naming a word ten times in its text came before the page titled with it.
            So the title matches are asked for first (few, and their title vectors are small),
            then the rest, both ordered by the index; that is two or three short queries
            instead of one. No tie-breaker: a second sort key would make PostgreSQL sort every
            match again; equal distances keep the index's order."""
            document, search_query = self._document_and_query(config)
            distance = RumDistance(document, search_query).asc()
            found = self.queryset.alias(_vector_=document, _in_title_=title_matches(search_query))
            found = found.filter(_vector_=search_query)
            if score_field is not None:
                found = found.annotate(**{score_field: RumScore(document, search_query)})
            in_title = found.filter(_in_title_=True).order_by(distance)
            elsewhere = found.filter(_in_title_=False).order_by(distance)
            hits = list(in_title[start:stop])
            if stop is not None and len(hits) == stop - start:
                return hits
            # The title matches end before ``stop``: how many there are, to start the rest.
            titled = start + len(hits) if hits else in_title[:start].count()
            rest_stop = None if stop is None else stop - titled
            return hits + list(elsewhere[start + len(hits) - titled : rest_stop])

        def _build_rank_expression(self, vectors, config):
            """Wagtail's rank, plus TITLE_TIER for pages whose title matches the query: its
            title and body ranks are added together, so a body's many mentions could outweigh
            a title's one."""
            rank = super()._build_rank_expression(vectors, config)
            if self.fields is not None:
                return rank
            search_query = self.build_tsquery(self.query, config=config)
            if search_query is None:
                return rank
            tier = Case(
                When(title_matches(search_query), then=Value(float(TITLE_TIER))),
                default=Value(0.0),
                output_field=FloatField(),
            )
            return rank + tier

        def _can_match(self) -> bool:
            if self.fields is not None or isinstance(self.query, (MatchAll, Fuzzy)):
                return False
            return not (isinstance(self.query, Not) and isinstance(self.query.subquery, MatchAll))

        def matches(self, config):
            """The objects that match, unordered, without reading their vectors back (for
            counting), or None for the queries only Wagtail's own search can run."""
            if not self._can_match():
                return None
            document, search_query = self._document_and_query(config)
            # alias(), not annotate(): Wagtail's search selects the combined vector, which
            # makes a count unpack every matching body.
            return self.queryset.alias(_vector_=document).filter(_vector_=search_query)

        def _document_and_query(self, config):
            search_query = self.build_tsquery(self.query, config=config)
            (title, _), (body, _) = self.get_index_vectors(search_query)
            return title._combine(body, "||", False), search_query

    class CountingSearchResults(PostgresSearchResults):
        def _do_search(self):
            compiler = self.query_compiler
            if isinstance(compiler, MultilingualQueryCompiler) and compiler.ranks_with_rum(
                self.backend
            ):
                compiler._config = config = compiler.get_config(self.backend)
                return compiler.rum_ranked(config, self.start, self.stop, self._score_field)
            return super()._do_search()

        def _do_count(self):
            compiler = self.query_compiler
            if not isinstance(compiler, MultilingualQueryCompiler):  # autocomplete
                return super()._do_count()
            compiler._config = config = compiler.get_config(self.backend)
            matches = compiler.matches(config)
            if matches is None:
                return super()._do_count()
            # Sliced (results[:1001].count()), the count stops at the slice's end; unordered, so
            # PostgreSQL may stop as soon as it has found that many.
            return matches.order_by()[self.start : self.stop].count()

        def get_fields_vectors(self, search_query):
            # Searching named fields (``fields=[...]``) parses them with one configuration.
            config = self._config[0] if isinstance(self._config, tuple) else self._config
            return [
                (SearchVector(lookup, config=config), field.boost)
                for lookup, field in self.search_fields.items()
            ]

    class LocalisedPostgresIndex(PostgresIndex):
        def add_items(self, model, objs):
            """Index each object with its own language's configuration."""
            groups: dict[str, list] = defaultdict(list)
            for obj in objs:
                groups[self.backend.config_for_object(obj)].append(_FoldedView(obj))
            for config, views in groups.items():
                by_config = SimpleNamespace(config=config, autocomplete_config="simple")
                PostgresIndex.add_items(_IndexWithBackend(self, by_config), model, views)

    class _IndexWithBackend(PostgresIndex):
        """The same index, seen through a backend whose ``config`` is one language's."""

        def __init__(self, index, backend):  # noqa: D107 - no DB work: reuse the index's state
            self.__dict__.update(index.__dict__)
            self.backend = backend

    class LocalisedPostgresSearchBackend(_FoldingQueriesMixin, PostgresSearchBackend):
        query_compiler_class = MultilingualQueryCompiler
        results_class = CountingSearchResults
        index_class = LocalisedPostgresIndex

        def __init__(self, params):
            super().__init__(params)
            self.language_configs: dict[str, str] = dict(params.get("LANGUAGE_CONFIGS", {}))
            self.default_config: str = params.get("SEARCH_CONFIG") or "simple"
            # Without a language, a query is tried with every configuration in use.
            self.config = tuple(
                dict.fromkeys([*self.language_configs.values(), self.default_config])
            )
            self._params = params
            self._language_backends: dict[str, LocalisedPostgresSearchBackend] = {}
            self._locale_languages: dict[int, str] = {}

        def for_language(self, language_code):
            config = self.language_configs.get(language_code or "")
            if config is None:
                return self
            if language_code not in self._language_backends:
                backend = LocalisedPostgresSearchBackend(self._params)
                backend.config = config
                self._language_backends[language_code] = backend
            return self._language_backends[language_code]

        def has_rum_index(self) -> bool:
            """Whether the search app's migration could create the RUM index (it needs the
            ``rum`` extension: Debian's postgresql-<version>-rum); ``"RUM": False`` in the
            backend's settings turns it off."""
            if self._params.get("RUM", "auto") is False:
                return False
            return _rum_index_exists(connection.settings_dict["NAME"])

        def config_for_object(self, obj) -> str:
            locale_id = getattr(obj, "locale_id", None)
            if locale_id is None:
                return self.default_config
            if locale_id not in self._locale_languages:
                from wagtail.models import Locale

                self._locale_languages = dict(Locale.objects.values_list("pk", "language_code"))
            language = self._locale_languages.get(locale_id, "")
            return self.language_configs.get(language, self.default_config)

    return LocalisedPostgresSearchBackend


RUM_INDEX = "site_search_indexentry_rum"


@cache
def _rum_index_exists(database: str) -> bool:
    """Asked once per database and process: indexes come and go only with migrations."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [RUM_INDEX])
        return cursor.fetchone() is not None


# --- SQLite -------------------------------------------------------------------------------------


def fold_for_sqlite(text: str) -> str:
    """SQLite FTS5 has no stemmer: besides folding, drop the Arabic article."""
    return strip_arabic_article(fold_arabic(text))


@cache
def _sqlite_classes():
    from django.db.models import F, FloatField, Func
    from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteIndex,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )
    from modelsearch.conf import get_app_config
    from modelsearch.query import MatchAll, Not, PlainText

    fts_table = get_app_config().get_model("SQLiteFTSIndexEntry")._meta.db_table

    class TitleFirstRank(Func):
        """FTS5's ``bm25`` over title and body, less a large constant for entries whose title
        matches the whole query: ascending, title matches come first, each group in bm25
        order. (Wagtail's own rank multiplies the whole-row score by the title-length norm, so
        a page with a short title and one mention in its text came first.)
        """

        output_field = FloatField()

        def __init__(self, query):
            super().__init__(F("pk"))  # the FTS row, however the query aliases the table
            self.query = query

        def as_sql(self, compiler, connection, **extra_context):
            rowid, rowid_params = compiler.compile(self.source_expressions[0])
            sql, params = compiler.compile(self.query)
            title_match = f"{{title}} : ({sql % tuple(params)})"
            weights = (
                f"0.0, {SQLITE_BODY_WEIGHT}, {SQLITE_TITLE_WEIGHT}"  # autocomplete, body, title
            )
            # Only the table name, a column and constants are formatted in; the query is a
            # parameter.
            return (
                f"(bm25({fts_table}, {weights}) - CASE WHEN {rowid} IN "  # noqa: S608
                f"(SELECT rowid FROM {fts_table}(%s)) THEN {TITLE_TIER} ELSE 0 END)",
                [*rowid_params, title_match],
            )

    class PrefixQueryCompiler(SQLiteSearchQueryCompiler):
        """Every word of four letters or more also matches longer words (``forgeron*``):
        with no stemmer, that is what finds plurals and other endings. Pages whose title
        matches the query rank first (``TitleFirstRank``)."""

        def build_search_query(self, query, config=None):
            self._built_query = super().build_search_query(query, config=config)
            return self._built_query

        def _build_rank_expression(self, vectors, config):
            query = getattr(self, "_built_query", None)
            if self.fields or query is None or isinstance(query, (MatchAll, Not)):
                return super()._build_rank_expression(vectors, config)
            return TitleFirstRank(query)

        def build_search_query_content(self, query, config=None):
            if not isinstance(query, PlainText):
                return super().build_search_query_content(query, config=config)
            terms = query.query_string.split()
            if not terms:
                return None
            lexemes = [Lexeme(term, prefix=len(term) >= MIN_PREFIX_LENGTH) for term in terms]
            combine = and_ if query.operator.upper() == "AND" else or_
            return SearchQueryExpression(reduce(combine, lexemes), config=config)

    class FoldingSQLiteIndex(SQLiteIndex):
        def add_items(self, model, objs):
            super().add_items(model, [_FoldedView(obj, fold_for_sqlite) for obj in objs])

    class FoldingSQLiteSearchBackend(_FoldingQueriesMixin, SQLiteSearchBackend):
        index_class = FoldingSQLiteIndex
        query_compiler_class = PrefixQueryCompiler
        fold = staticmethod(fold_for_sqlite)

    return FoldingSQLiteSearchBackend


def SearchBackend(params: dict[str, Any]):  # noqa: N802 - the name Wagtail's loader looks up
    """The language-aware backend for the database in use (the entry point Wagtail calls)."""
    backend = vendor_database_backend(params)
    if connection.vendor == "postgresql":
        return _postgres_classes()(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        return _sqlite_classes()(params)
    return backend  # MySQL or SQLite without FTS5: Wagtail's backend as it is
