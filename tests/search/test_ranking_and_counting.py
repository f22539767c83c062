"""Ranking and counting at scale: the RUM index orders PostgreSQL results without ranking every
match, and counts stop at search.views.MAX_COUNTED ("More than 1000 results")."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from wagtail.models import Locale, Page

from search import backends
from search.views import backend_for

from .conftest import result_titles

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the RUM index is PostgreSQL's"
)


def count_text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").select_one(".search-count").get_text()


def test_counting_stops_at_the_cap_and_says_so(client, demo, make_story, monkeypatch):
    for number in range(5):
        make_story(f"Okapi sighting {number}")
    monkeypatch.setattr("search.views.MAX_COUNTED", 3)

    response = client.get("/en/search/", {"q": "okapi"})
    assert "More than 3 results for “okapi”" in count_text(response)
    assert len(result_titles(response)) == 3  # no page beyond what was counted
    assert BeautifulSoup(response.content, "html.parser").select_one("a[rel=next]") is None

    monkeypatch.setattr("search.views.MAX_COUNTED", 5)
    assert "5 results for “okapi”" in count_text(client.get("/en/search/", {"q": "okapi"}))


def test_counts_agree_with_the_results(demo, make_story):
    for number in range(4):
        make_story(f"Pangolin rescue {number}", body="pangolin " * number)
    locale = Locale.objects.get(language_code="en")
    results = backend_for(locale).search("pangolin", Page.objects.live().filter(locale=locale))
    assert results.count() == len(list(results)) == 4
    assert results[:2].count() == 2
    assert results[1:].count() == 3


@postgres_only
def test_the_rum_index_is_there_when_postgresql_has_the_extension(demo):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        available = cursor.fetchone() is not None
    if not available:
        pytest.skip("postgresql-<version>-rum is not installed (scripts/system-deps.sh test)")
    backends._rum_index_exists.cache_clear()
    assert backend_for(Locale.objects.get(language_code="en")).has_rum_index()


@postgres_only
@pytest.mark.parametrize("rum", [True, False], ids=["rum-index", "wagtail-ranking"])
def test_a_title_match_outranks_a_passing_mention(demo, make_story, rum, monkeypatch):
    if rum:
        backends._rum_index_exists.cache_clear()
        if not backend_for(Locale.objects.get(language_code="en")).has_rum_index():
            pytest.skip("no RUM index on this database")
    else:
        monkeypatch.setattr(backends, "_rum_index_exists", lambda database: False)
    make_story("Lanterns over the old bridge", body="Then the market closed. " * 5 + "beekeeping")
    make_story("Beekeeping returns to Sinjar", body="Hives hum again on the hills.")
    make_story("Harvest in Nineveh", body="Olives, wheat and a word on beekeeping.")
    locale = Locale.objects.get(language_code="en")
    results = backend_for(locale).search(
        "beekeeping", Page.objects.live().filter(locale=locale), operator="and"
    )
    titles = [page.title for page in results]
    assert titles[0] == "Beekeeping returns to Sinjar"
    assert sorted(titles) == sorted(
        ["Lanterns over the old bridge", "Beekeeping returns to Sinjar", "Harvest in Nineveh"]
    )


def _ranking_backend(request, monkeypatch) -> None:
    """On PostgreSQL, rank with the RUM index or with Wagtail's ts_rank (SEARCH_POSTGRES_RUM)."""
    if connection.vendor != "postgresql":
        if request.param == "wagtail-ranking":
            pytest.skip("one ranking on SQLite")
        return
    if request.param == "rum-index":
        backends._rum_index_exists.cache_clear()
        if not backend_for(Locale.objects.get(language_code="en")).has_rum_index():
            pytest.skip("no RUM index on this database")
    else:
        monkeypatch.setattr(backends, "_rum_index_exists", lambda database: False)


@pytest.fixture(params=["rum-index", "wagtail-ranking"])
def ranking(request, monkeypatch):
    _ranking_backend(request, monkeypatch)
    return request.param


# Demo words found in some pages' titles and only in the text of others: (language, query,
# titles that carry it, titles of pages that mention it only in their text). Titles are
# prefixes of the demo pages' titles.
TITLE_VERSUS_TEXT = [
    (
        "en",
        "schools",
        ["Four new schools for 4000", "Four schools open their doors"],
        ["#foreverychild", "Partner spotlight: NATO", "Zahra draws again"],
    ),
    (
        "en",
        "partners",
        ["Partners"],
        ["6 questions answered", "Coalition ministers meet", "#foreverychild", "Home"],
    ),
    ("en", "rebuilding", ["Rebuilding the blacksmith market"], ["#LifeafterDaesh"]),
    ("en", "digest", ["Weekly digest"], ["News"]),
    (
        "fr",
        "écoles",
        ["Quatre nouvelles écoles", "Quatre écoles ouvrent"],
        ["#foreverychild", "Partenaire à la une", "Zahra dessine"],
    ),
    (
        "fr",
        "partenaires",
        ["Partenaires"],
        ["6 questions sur", "Les ministres de la Coalition", "#foreverychild", "Accueil"],
    ),
    (
        "ar",
        "مدارس",
        ["أربع مدارس جديدة", "أربع مدارس تفتح"],
        ["#foreverychild", "شريك في دائرة الضوء", "زهراء تعود"],
    ),
    ("ar", "الشركاء", ["الشركاء"], ["6 أسئلة", "وزراء التحالف", "أربع مدارس تفتح"]),
]


@pytest.mark.parametrize(
    ("language", "query", "in_title", "in_text"),
    TITLE_VERSUS_TEXT,
    ids=[f"{case[0]}-{case[1]}" for case in TITLE_VERSUS_TEXT],
)
def test_pages_with_the_word_in_their_title_come_first(
    client, demo, ranking, language, query, in_title, in_text
):
    titles = result_titles(client.get(f"/{language}/search/", {"q": query}))

    def position(prefix: str) -> int:
        found = [n for n, title in enumerate(titles) if title.startswith(prefix)]
        assert found, f"{prefix!r} not found for {query!r}: {titles}"
        return found[0]

    last_title_match = max(position(prefix) for prefix in in_title)
    first_text_match = min(position(prefix) for prefix in in_text)
    assert last_title_match < first_text_match, titles


@pytest.mark.parametrize("operator", ["and", "or"])
def test_title_first_holds_for_several_words_and_pages_beyond_the_first(
    demo, make_story, ranking, operator
):
    for number in range(12):
        make_story(f"Harvest notes {number}", body="Apiary " * (number + 3) + "wax honey")
    make_story("Apiary honey in Sinjar", body="Bees again.")
    locale = Locale.objects.get(language_code="en")
    pages = Page.objects.live().filter(locale=locale)
    results = backend_for(locale).search("apiary honey", pages, operator=operator)
    titles = [page.title for page in results]
    assert titles[0] == "Apiary honey in Sinjar"
    assert len(titles) == results.count() == 13
    # Sliced as the search page does, the pages join up without gaps or repeats.
    pages_of_five = [page.title for start in (0, 5, 10) for page in results[start : start + 5]]
    assert pages_of_five == titles


def test_a_long_title_match_outranks_a_standfirst_and_text_match(demo, make_story, ranking):
    # Title and standfirst carry the same weight in Wagtail's vectors, and a long title's
    # rank is scaled down by its length: the mentions in the standfirst and text won.
    make_story(
        "Notes from a long and winding road through the hill villages where marmots returned",
        standfirst="Shepherds tell of a quiet spring.",
    )
    make_story("Harvest", standfirst="Marmots, marmots everywhere.", body="Marmots in the barley.")
    locale = Locale.objects.get(language_code="en")
    results = backend_for(locale).search("marmots", Page.objects.live().filter(locale=locale))
    assert [page.title for page in results][0].startswith("Notes from a long")
