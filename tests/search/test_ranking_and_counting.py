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
