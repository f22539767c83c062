"""Feeds, sitemap and the read-only API: valid XML/JSON, per language, nothing writable."""

import xml.etree.ElementTree as ET
from urllib.parse import urlparse

import pytest

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_story_rss_feed_is_valid_and_in_the_language(client, demo, language):
    response = client.get(f"/{language}/feeds/stories/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == language
    items = channel.findall("item")
    assert len(items) == 3
    assert all(item.findtext("link").startswith(f"http://testserver/{language}/") for item in items)


def test_story_feed_titles_are_translated(client, demo):
    root = ET.fromstring(client.get("/ar/feeds/stories/").content)
    titles = [item.findtext("title") for item in root.iter("item")]
    assert "زهراء تعود إلى الرسم بعد تحرير الرقة" in titles


def test_news_atom_feed_is_valid(client, demo):
    response = client.get("/fr/feeds/news/atom/")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    titles = [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
    assert "Les ministres de la Coalition se réunissent à Washington" in titles


def test_sitemap_lists_every_language_with_hreflang_alternates(client, demo):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = root.findall(f"{SITEMAP}url")
    # Absolute URLs on the Wagtail site's own hostname.
    locations = [urlparse(url.findtext(f"{SITEMAP}loc")).path for url in urls]
    assert "/en/stories/four-schools-dohuk/" in locations
    assert "/fr/recits/quatre-ecoles-dohuk/" in locations
    assert sum(loc.startswith("/ar/") for loc in locations) == sum(
        loc.startswith("/en/") for loc in locations
    )
    dohuk = next(u for u in urls if u.findtext(f"{SITEMAP}loc").endswith("four-schools-dohuk/"))
    alternates = {
        link.get("hreflang"): urlparse(link.get("href")).path
        for link in dohuk.findall(f"{XHTML}link")
    }
    assert {"en", "fr", "ar"} <= set(alternates)
    assert alternates["fr"] == "/fr/recits/quatre-ecoles-dohuk/"


def test_api_lists_story_pages_read_only(client, demo):
    response = client.get("/api/v2/pages/?type=stories.StoryPage&fields=standfirst,date&locale=en")
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == 3
    assert {"standfirst", "date"} <= set(data["items"][0])
    assert client.post("/api/v2/pages/", {}).status_code == 405
    assert client.get("/api/v2/images/").status_code == 200


def test_api_bad_filter_is_a_clear_400(client, demo):
    response = client.get("/api/v2/pages/?type=nope.Nothing")
    assert response.status_code == 400
    assert "type" in response.json()["message"]
