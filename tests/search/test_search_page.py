"""The visitor's search page, on whichever database the suite runs (SQLite FTS5, PostgreSQL)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from .conftest import result_titles

DOHUK_EN = "Four new schools for 4000 displaced children in Dohuk"
MOSUL_FR = "La reconstruction du marché des forgerons de Mossoul"
ZAHRA_AR = "زهراء تعود إلى الرسم بعد تحرير الرقة"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_schools_dohuk_finds_the_foreverychild_story_first(client, demo):
    response = client.get("/en/search/", {"q": "schools Dohuk"})
    assert response.status_code == 200
    assert result_titles(response)[0] == DOHUK_EN
    # The demo's Dohuk news article matches too, ranked after the story.
    titles = result_titles(response)
    count = soup(response).select_one(".search-count").get_text()
    assert f"{len(titles)} result" in count


def test_french_stemming_finds_the_blacksmith_story(client, demo):
    assert result_titles(client.get("/fr/search/", {"q": "forgeron Mossoul"}))[0] == MOSUL_FR


@pytest.mark.parametrize(
    "query",
    [
        "زهراء",  # as written
        "زَهْرَاء",  # with harakat
        "تعود الى الرسم",  # bare alef where the title has إلى
        "الرَّسْـــم",  # shadda, sukun and tatweel
    ],
)
def test_arabic_query_finds_zahra_whatever_the_spelling(client, demo, query):
    assert result_titles(client.get("/ar/search/", {"q": query}))[0] == ZAHRA_AR


def test_taa_marbuta_written_as_haa_still_matches(client, demo):
    titles = result_titles(client.get("/ar/search/", {"q": "مدرسه"}))
    assert "أربع مدارس جديدة لـ4000 طفل نازح في دهوك" in titles


def test_results_stay_in_the_visitors_language(client, demo):
    french = result_titles(client.get("/fr/search/", {"q": "Dohuk"}))
    assert "Quatre nouvelles écoles pour 4000 enfants déplacés à Dohuk" in french
    assert DOHUK_EN not in french
    assert ZAHRA_AR not in result_titles(client.get("/en/search/", {"q": "Raqqa"}))


def test_snippets_mark_the_words_found_and_escape_the_rest(client, demo):
    response = client.get("/en/search/", {"q": "blacksmith"})
    result = soup(response).select_one(".search-result")
    assert [m.get_text() for m in result.select("h2 mark")] == ["blacksmith"]
    assert "blacksmith" in [m.get_text() for m in result.select(".search-result__snippet mark")]


def test_snippets_follow_the_published_text(client, demo, make_story):
    story = make_story("Walrus colony", body="The walrus colony counts forty animals.")
    snippet = soup(client.get("/en/search/", {"q": "walrus"})).select_one(".search-result__snippet")
    assert "forty animals" in snippet.get_text()
    story.body = [("text", "<p>The walrus colony now counts sixty animals.</p>")]
    story.save_revision().publish()
    snippet = soup(client.get("/en/search/", {"q": "walrus"})).select_one(".search-result__snippet")
    assert "sixty animals" in snippet.get_text()
    assert "forty" not in snippet.get_text()


def test_unpublished_and_private_pages_never_appear(client, demo, make_story):
    make_story("Quokka draft story", publish=False)
    private = make_story("Quokka private story")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    public = make_story("Quokka public story")
    assert result_titles(client.get("/en/search/", {"q": "quokka"})) == ["Quokka public story"]
    public.unpublish()
    assert result_titles(client.get("/en/search/", {"q": "quokka"})) == []
    group_story = make_story("Quokka members story")
    restriction = PageViewRestriction.objects.create(
        page=group_story, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Quokka members"))
    assert result_titles(client.get("/en/search/", {"q": "quokka"})) == []


def test_publishing_and_deleting_update_the_index(client, demo, make_story):
    story = make_story("Pangolin story", publish=False)
    assert result_titles(client.get("/en/search/", {"q": "pangolin"})) == []
    story.save_revision().publish()
    assert result_titles(client.get("/en/search/", {"q": "pangolin"})) == ["Pangolin story"]
    story.title = "Armadillo story"
    story.save_revision().publish()
    assert result_titles(client.get("/en/search/", {"q": "armadillo"})) == ["Armadillo story"]
    assert result_titles(client.get("/en/search/", {"q": "pangolin"})) == []
    story.delete()
    assert result_titles(client.get("/en/search/", {"q": "armadillo"})) == []


def test_campaign_filter_keeps_only_that_campaigns_stories(client, demo):
    everything = result_titles(client.get("/en/search/", {"q": "Daesh"}))
    assert len(everything) > 1
    response = client.get("/en/search/", {"q": "Daesh", "campaign": "foreverychild"})
    assert result_titles(response) == [DOHUK_EN]


def test_type_filter_keeps_only_stories(client, demo):
    titles = result_titles(client.get("/en/search/", {"q": "Daesh", "type": "storypage"}))
    assert titles and "Home" not in titles and "Stories" not in titles
    assert "Home" in result_titles(client.get("/en/search/", {"q": "Daesh"}))


def test_only_existing_content_types_are_offered(client, demo):
    from search.filters import CONTENT_TYPES, available_types

    options = [o["value"] for o in soup(client.get("/en/search/")).select("#id_type option")]
    assert options == ["", *available_types()]
    assert set(available_types()) <= set(CONTENT_TYPES)


def test_date_range_and_newest_first(client, demo, make_story):
    make_story("Okapi in 2020", date="2020-05-01")
    make_story("Okapi in 2022", date="2022-05-01")
    make_story("Okapi in 2024", date="2024-05-01")
    newest = client.get("/en/search/", {"q": "okapi", "sort": "newest"})
    assert result_titles(newest) == ["Okapi in 2024", "Okapi in 2022", "Okapi in 2020"]
    ranged = client.get(
        "/en/search/", {"q": "okapi", "date_from": "2021-01-01", "date_to": "2023-12-31"}
    )
    assert result_titles(ranged) == ["Okapi in 2022"]


def test_invalid_filters_are_explained_not_fatal(client, demo):
    response = client.get(
        "/en/search/",
        {"q": "Dohuk", "date_from": "yesterday", "campaign": "<b>x</b>", "sort": "sideways"},
    )
    assert response.status_code == 200
    assert DOHUK_EN in result_titles(response)
    errors = [e.get_text() for e in soup(response).select(".search-filters__error")]
    assert any("valid date" in e for e in errors)
    assert b"<b>x</b>" not in response.content
    backwards = client.get(
        "/en/search/", {"q": "Dohuk", "date_from": "2020-01-01", "date_to": "2019-01-01"}
    )
    assert "The end date is before the start date." in backwards.content.decode()


def test_pagination_keeps_the_filters(client, demo, make_story):
    for number in range(12):
        make_story(f"Narwhal story {number}", date=f"2023-01-{number + 1:02d}")
    first = client.get("/en/search/", {"q": "narwhal", "sort": "newest"})
    assert len(result_titles(first)) == 10
    assert "12 results for" in soup(first).select_one(".search-count").get_text()
    next_link = soup(first).select_one("a[rel=next]")["href"]
    assert "sort=newest" in next_link and "page=2" in next_link
    second = client.get("/en/search/" + next_link)
    assert result_titles(second) == ["Narwhal story 1", "Narwhal story 0"]
    beyond = client.get("/en/search/", {"q": "narwhal", "page": "99"})
    assert len(result_titles(beyond)) == 2


def test_no_results_offer_a_spelling_and_recent_stories(client, demo):
    response = client.get("/en/search/", {"q": "blaksmith"})
    page = soup(response)
    assert result_titles(response) == []
    assert page.select_one(".search-suggestion a").get_text() == "blacksmith"
    recent = [a.get_text() for a in page.select(".search-recent a")]
    assert recent[0] == "Rebuilding the blacksmith market in Mosul"


def test_some_words_are_enough_when_no_page_has_all(client, demo):
    response = client.get("/en/search/", {"q": "Dohuk zebra"})
    titles = result_titles(response)
    assert titles[0] == DOHUK_EN
    assert all("Dohuk" in title for title in titles)
    assert "showing pages with some of them" in response.content.decode()


def test_editors_picks_come_first_in_their_language_only(client, demo):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    from stories.models import StoryPage

    query = Query.get("rebuilding")
    for language in ("en", "fr"):
        SearchPromotion.objects.create(
            query=query,
            page=StoryPage.objects.get(slug__startswith="zahra", locale__language_code=language),
            description="Editor's pick",
        )
    response = client.get("/en/search/", {"q": "Rebuilding"})
    picks = [a.get_text() for a in soup(response).select(".search-picks h3 a")]
    assert picks == ["Zahra draws again after the liberation of Raqqa"]
    # the pick is not repeated among the results
    assert "Zahra draws again after the liberation of Raqqa" not in result_titles(response)


def test_suggestions_are_titles_in_the_visitors_language(client, demo):
    data = client.get("/fr/search/suggest/", {"q": "forg"}).json()
    assert [s["title"] for s in data["suggestions"]] == [MOSUL_FR]
    assert data["suggestions"][0]["url"].startswith("/fr/")
    arabic = client.get("/ar/search/suggest/", {"q": "زهر"}).json()
    assert [s["title"] for s in arabic["suggestions"]] == [ZAHRA_AR]
    assert client.get("/en/search/suggest/", {"q": "a"}).json()["suggestions"] == []


def test_too_many_searches_get_a_friendly_429(client, demo, settings):
    settings.SEARCH_RATE_LIMIT_PER_MINUTE = 3
    for _ in range(3):
        assert client.get("/en/search/", {"q": "Dohuk"}).status_code == 200
    response = client.get("/en/search/", {"q": "Dohuk"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many searches" in response.content.decode()
    # the empty search page costs nothing and stays available
    assert client.get("/en/search/").status_code == 200


BAD_QUERIES = [
    "",
    " ",
    "'\"&|!():*<>",
    "a" * 10_000,
    "Dohuk " * 2_000,
    "\x00drop",
    "<script>alert(1)</script>",
    "زهراء OR 1=1",
    "schools دهوك Мосул 学校",
    "!!!???...",
    "NEAR(Dohuk schools)",
    "-Dohuk",
    "Dohuk:*",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
@pytest.mark.parametrize("path", ["/en/search/", "/ar/search/", "/en/search/suggest/"])
def test_hostile_queries_get_a_normal_answer(client, demo, query, path):
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


@pytest.mark.parametrize("raw", ["q=%ff%fe%fd", "q=caf%e9", "q=%00%00", "q=Dohuk&page=%ff", "q"])
def test_invalid_bytes_in_the_query_string_are_harmless(client, demo, raw):
    response = client.get(f"/en/search/?{raw}")
    assert response.status_code == 200
    assert b"\x00" not in response.content


def test_a_terms_markup_is_shown_as_text(client, demo):
    response = client.get("/en/search/", {"q": "<img src=x onerror=alert(1)> Dohuk"})
    body = response.content.decode()
    assert "<img src=x" not in body
    assert soup(response).select("main img") == []
