"""The visitor's search page and its autocomplete endpoint: results only from the language
being read, editors' picks on top, filters, highlighted snippets, help when nothing matches."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.http import HttpRequest, JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from modelsearch.utils import normalise_query_string
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from stories.visibility import public_pages

from .analysis import fold_arabic
from .filters import SearchForm, filter_pages, newest_first
from .highlight import highlight, searchable_text
from .query import normalise_query
from .ratelimit import seconds_until_allowed
from .suggestions import did_you_mean, recent_stories

RESULTS_PER_PAGE = 10
# Counting stops here ("More than 1,000 results"): a word on half the pages would otherwise be
# counted in full on every search, and nobody pages through 100 pages of results.
MAX_COUNTED = 1000
SUGGESTIONS = 8
MIN_SUGGEST_LENGTH = 2


def backend_for(locale: Locale):
    """The search backend configured for the visitor's language (see search/backends.py)."""
    backend = get_search_backend()
    for_language = getattr(backend, "for_language", None)
    return for_language(locale.language_code) if for_language else backend


def visible_pages(locale: Locale):
    return public_pages(Page.objects.filter(locale=locale))


def count_up_to(results, limit: int) -> int:
    """How many results there are, counting no further than ``limit + 1``."""
    return results[: limit + 1].count()


def editors_picks(query: str, locale: Locale) -> list[SearchPromotion]:
    """Promotions an editor attached to this query (Wagtail's search promotions), limited to
    pages in the visitor's language. Read-only: no query is recorded."""
    strings = {normalise_query_string(query), normalise_query_string(fold_arabic(query))}
    return list(
        SearchPromotion.objects.filter(query__query_string__in=strings)
        .filter(Q(page__isnull=True) | Q(page__in=visible_pages(locale)))
        .select_related("page")
        .order_by("sort_order", "pk")
    )


def _too_many(request: HttpRequest, wait: int, template_context: dict) -> TemplateResponse:
    response = TemplateResponse(
        request, "search/search.html", {**template_context, "retry_after": wait}, status=429
    )
    response["Retry-After"] = str(wait)
    return response


@require_GET
def search(request: HttpRequest) -> TemplateResponse:
    locale = Locale.get_active()
    query = normalise_query(request.GET.get("q"))
    form = SearchForm(request.GET, locale=locale)
    filters = form.active
    context = {"search_query": query, "form": form, "filters": filters}
    if not query:
        return TemplateResponse(request, "search/search.html", context)

    wait = seconds_until_allowed(request, "search", settings.SEARCH_RATE_LIMIT_PER_MINUTE)
    if wait:
        return _too_many(request, wait, context)

    sort = filters.get("sort", "relevance")
    picks = editors_picks(query, locale)
    pages = filter_pages(visible_pages(locale), filters, locale)
    picked_ids = [pick.page_id for pick in picks if pick.page_id]
    if picked_ids:
        pages = pages.exclude(id__in=picked_ids)
    if sort == "newest":
        pages = newest_first(pages)
    backend = backend_for(locale)
    relevance = sort != "newest"
    results = backend.search(query, pages.specific(), operator="and", order_by_relevance=relevance)
    total = count_up_to(results, MAX_COUNTED)
    any_word = False
    if len(query.split()) > 1 and not total:
        # Nothing has every word: show what has some of them, and say so.
        results = backend.search(
            query, pages.specific(), operator="or", order_by_relevance=relevance
        )
        total = count_up_to(results, MAX_COUNTED)
        any_word = True

    paginator = Paginator(results[:MAX_COUNTED], RESULTS_PER_PAGE)
    paginator.count = min(total, MAX_COUNTED)  # counted once, above
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage:
        page_obj = paginator.page(paginator.num_pages)

    hits = [
        {
            "page": page,
            "title": highlight(page.title, query, max_words=None),
            "snippet": highlight(searchable_text(page), query),
            "date": getattr(page, "date", None) or page.first_published_at,
        }
        for page in page_obj
    ]
    context.update(
        search_results=page_obj,
        hits=hits,
        result_count=paginator.count,
        more_than_counted=total > MAX_COUNTED,
        any_word=any_word,
        editors_picks=picks if page_obj.number == 1 else [],
        sort=sort,
        filter_query=_query_string_without_page(request),
    )
    if not paginator.count and not picks:
        context.update(
            suggestion=did_you_mean(query, locale), recent_stories=recent_stories(locale)
        )
    return TemplateResponse(request, "search/search.html", context)


def _query_string_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@require_GET
def suggest(request: HttpRequest) -> JsonResponse:
    """Titles in the visitor's language that start like what they are typing, as JSON:
    ``{"query": "...", "suggestions": [{"title": "...", "url": "..."}]}``."""
    query = normalise_query(request.GET.get("q"))
    if len(query) < MIN_SUGGEST_LENGTH:
        return JsonResponse({"query": query, "suggestions": []})
    wait = seconds_until_allowed(request, "suggest", settings.SUGGEST_RATE_LIMIT_PER_MINUTE)
    if wait:
        response = JsonResponse(
            {"query": query, "suggestions": [], "retry_after": wait}, status=429
        )
        response["Retry-After"] = str(wait)
        return response
    locale = Locale.get_active()
    pages = visible_pages(locale).filter(depth__gt=2)
    results = backend_for(locale).autocomplete(query, pages)[:SUGGESTIONS]
    suggestions = [{"title": page.title, "url": page.get_url(request)} for page in results]
    response = JsonResponse({"query": query, "suggestions": suggestions})
    response["Cache-Control"] = "private, max-age=60"
    return response
