"""The menu and language links are cached between requests, yet visitors see an editor's change
on their next request, whether or not whole pages are cached."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from stories.models import StoryPage


@pytest.fixture(params=[0, 60], ids=["pages-uncached", "pages-cached"])
def page_cache_seconds(request, settings):
    settings.PAGE_CACHE_SECONDS = request.param
    return request.param


def menu_titles(response) -> list[str]:
    return [
        a.get_text(strip=True)
        for a in BeautifulSoup(response.content, "html.parser").select(".site-nav a")
    ]


def switcher(response) -> dict[str, str]:
    page = BeautifulSoup(response.content, "html.parser")
    return {a["hreflang"]: a["href"] for a in page.select(".language-switcher a")}


def alternates(response) -> dict[str, str]:
    page = BeautifulSoup(response.content, "html.parser")
    return {link["hreflang"]: link["href"] for link in page.select("link[rel=alternate][hreflang]")}


def test_the_menu_is_built_once_then_served_from_the_cache(
    client, demo, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/en/stories/")
    with django_assert_max_num_queries(50) as warm:
        client.get("/en/stories/")
    from django.core.cache import caches

    caches["navigation"].clear()
    with django_assert_max_num_queries(50) as cold:
        client.get("/en/stories/")
    assert len(cold.captured_queries) > len(warm.captured_queries)


def test_publishing_a_menu_page_shows_in_the_menu_on_the_next_request(
    client, demo, locales, page_cache_seconds
):
    assert "Partners" in menu_titles(client.get("/en/stories/"))
    partners = Page.objects.get(locale=locales["en"], slug="partners").specific
    partners.title = "Our partners"
    partners.save_revision().publish()
    titles = menu_titles(client.get("/en/stories/"))
    assert "Our partners" in titles
    assert "Partners" not in titles


def test_unpublishing_a_menu_page_removes_it_from_the_menu(
    client, demo, locales, page_cache_seconds
):
    assert "Partners" in menu_titles(client.get("/en/"))
    Page.objects.get(locale=locales["en"], slug="partners").specific.unpublish()
    assert "Partners" not in menu_titles(client.get("/en/"))


def test_publishing_a_translation_adds_it_to_the_language_links_at_once(
    client, demo, locales, page_cache_seconds
):
    story = StoryPage.objects.get(locale=locales["en"], slug="mosul-blacksmith-market")
    french = story.get_translation(locales["fr"])
    french.unpublish()
    response = client.get(story.url)
    # the "not yet translated" page meanwhile
    assert switcher(response)["fr"] == f"/fr/not-translated/?page={story.pk}"
    assert "fr" not in alternates(response)

    french.get_latest_revision().publish()
    response = client.get(story.url)
    assert switcher(response)["fr"] == french.url
    assert alternates(response)["fr"] == f"http://testserver{french.url}"


def test_a_restricted_translation_leaves_the_alternates_and_the_switcher(
    client, demo, locales, page_cache_seconds
):
    from wagtail.models import PageViewRestriction

    story = StoryPage.objects.get(locale=locales["en"], slug="mosul-blacksmith-market")
    french = story.get_translation(locales["fr"])
    assert "fr" in alternates(client.get(story.url))
    PageViewRestriction.objects.create(page=french, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(story.url)
    assert "fr" not in alternates(response)
    assert switcher(response)["fr"] == f"/fr/not-translated/?page={story.pk}"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_menu_marks_the_section_of_the_page_shown(client, demo, language, settings):
    settings.PAGE_CACHE_SECONDS = 0
    story = StoryPage.objects.live().filter(locale__language_code=language).first()
    section = story.get_parent()
    page = BeautifulSoup(client.get(story.url).content, "html.parser")
    current = [a["href"] for a in page.select(".site-nav a[aria-current]")]
    assert current == [section.url]
    index = BeautifulSoup(client.get(section.url).content, "html.parser")
    assert [a["href"] for a in index.select(".site-nav a[aria-current]")] == [section.url]
    home = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")
    assert [a["href"] for a in home.select(".site-nav a[aria-current]")] == [f"/{language}/"]
