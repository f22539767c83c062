"""``/api/v2/pages/?search=`` is limited per client like the site search
(SEARCH_RATE_LIMIT_PER_MINUTE): beyond it a clear 429 JSON, other clients unaffected."""

from __future__ import annotations

import pytest


@pytest.fixture
def limit_of_three(settings, monkeypatch):
    settings.SEARCH_RATE_LIMIT_PER_MINUTE = 3
    # All requests in the same one-minute window, however slow the machine.
    monkeypatch.setattr("search.ratelimit.time.time", lambda: 1_800_000_000.0)


def api_search(client, address: str, **headers):
    return client.get("/api/v2/pages/", {"search": "schools"}, REMOTE_ADDR=address, **headers)


def test_the_search_beyond_the_limit_gets_429_with_a_message(client, demo, limit_of_three):
    for _ in range(3):
        response = api_search(client, "203.0.113.7")
        assert response.status_code == 200
        assert response.json()["meta"]["total_count"] > 0
    response = api_search(client, "203.0.113.7")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert "Please wait" in body["message"]
    assert 1 <= body["retry_after"] <= 60
    assert response["Retry-After"] == str(body["retry_after"])


def test_another_client_is_not_limited(client, demo, limit_of_three):
    for _ in range(4):
        api_search(client, "203.0.113.7")
    assert api_search(client, "203.0.113.7").status_code == 429
    assert api_search(client, "198.51.100.2").status_code == 200


def test_listing_without_search_is_not_limited(client, demo, limit_of_three):
    for _ in range(4):
        api_search(client, "203.0.113.7")
    response = client.get(
        "/api/v2/pages/", {"type": "stories.StoryPage"}, REMOTE_ADDR="203.0.113.7"
    )
    assert response.status_code == 200


def test_the_message_is_in_the_language_the_client_asks_for(client, demo, limit_of_three):
    for _ in range(3):
        api_search(client, "203.0.113.7")
    response = api_search(client, "203.0.113.7", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 429
    assert "Veuillez patienter" in response.json()["message"]


def test_site_search_and_api_search_count_separately(client, demo, limit_of_three):
    for _ in range(3):
        api_search(client, "203.0.113.7")
    assert client.get("/en/search/", {"q": "schools"}, REMOTE_ADDR="203.0.113.7").status_code == 200
