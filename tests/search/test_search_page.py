import pytest
from bs4 import BeautifulSoup


def result_titles(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in page.select(".search-results h2")]


def test_search_finds_english_story(client, demo):
    response = client.get("/en/search/", {"q": "schools Dohuk"})
    assert response.status_code == 200
    assert result_titles(response)[0] == "Four new schools for 4000 displaced children in Dohuk"


def test_search_stays_in_the_visitors_language(client, demo):
    french = result_titles(client.get("/fr/search/", {"q": "Dohuk"}))
    assert "Quatre nouvelles écoles pour 4000 enfants déplacés à Dohuk" in french
    assert "Four new schools for 4000 displaced children in Dohuk" not in french


@pytest.mark.parametrize(
    "query",
    [
        "",
        " ",
        "'\"&|!():*<>",
        "a" * 10_000,
        "\x00drop",
        "<script>alert(1)</script>",
        "زهراء OR 1=1",
    ],
)
def test_hostile_queries_get_a_normal_page(client, demo, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content
