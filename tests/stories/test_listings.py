"""Listings: filters by campaign and topic, pagination links and the "Load more" fragment."""

import datetime

import pytest
from bs4 import BeautifulSoup

from stories.models import NewsIndexPage, NewsPage, StoryIndexPage, StoryPage


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def many_stories(demo, locales):
    index = StoryIndexPage.objects.get(locale=locales["en"])
    for day in range(1, 15):
        story = StoryPage(
            title=f"Generated story {day:02d}",
            slug=f"generated-{day}",
            standfirst="Generated for the listing tests.",
            date=datetime.date(2024, 1, day),
        )
        story.tags.set(["education"] if day % 2 else [])
        index.add_child(instance=story)
    return index


def test_topic_filter_shows_only_stories_with_that_topic(client, demo):
    html = soup(client.get("/en/stories/?topic=heritage"))
    titles = [h.get_text(strip=True) for h in html.select(".story-card__title")]
    assert titles == ["Rebuilding the blacksmith market in Mosul"]
    topics = [a.get_text(strip=True) for a in html.select("nav[aria-label='Filter by topic'] a")]
    assert {"All topics", "education", "heritage", "children"} <= set(topics)


def test_campaign_and_topic_filters_combine(client, demo):
    html = soup(client.get("/en/stories/?campaign=lifeafterdaesh&topic=children"))
    titles = [h.get_text(strip=True) for h in html.select(".story-card__title")]
    assert titles == ["Zahra draws again after the liberation of Raqqa"]
    # Filter links keep the other filter.
    link = html.select_one("nav[aria-label='Filter by topic'] a[href*='topic=heritage']")
    assert "campaign=lifeafterdaesh" in link["href"]


def test_unknown_topic_shows_no_stories_not_an_error(client, demo):
    response = client.get("/en/stories/?topic=%3Cscript%3E")
    assert response.status_code == 200
    assert not soup(response).select(".story-card")


def test_pagination_links_work_without_javascript(client, many_stories):
    first = soup(client.get("/en/stories/"))
    assert len(first.select(".story-card")) == 12
    next_link = first.select_one("nav.pagination a[rel=next]")
    assert next_link["href"] == "?page=2"
    assert first.select_one("nav[data-load-more]")["data-load-more-label"] == "Load more stories"
    second = soup(client.get("/en/stories/" + next_link["href"]))
    assert len(second.select(".story-card")) == 17 - 12


def test_load_more_fragment_is_just_the_next_cards_and_pager(client, many_stories):
    response = client.get("/en/stories/?page=2&fragment=1")
    assert response.status_code == 200
    html = soup(response)
    assert html.find("html") is None and html.find("header") is None  # no page chrome
    cards = html.select("[data-load-more-items] .story-card")
    assert len(cards) == 5
    assert html.select_one("a[rel=prev]")["href"] == "?page=1"
    assert html.select_one("a[rel=next]") is None
    # Filters carry into the fragment and its links.
    filtered = soup(client.get("/en/stories/?topic=education&fragment=1"))
    assert len(filtered.select(".story-card")) == 8  # 7 generated odd days + Dohuk
    assert filtered.select_one("a[rel=next]") is None


def test_load_more_beyond_the_last_page_gives_the_last_page(client, many_stories):
    html = soup(client.get("/en/stories/?page=99&fragment=1"))
    assert len(html.select(".story-card")) == 5


def test_news_index_loads_more_news(client, demo, locales):
    index = NewsIndexPage.objects.get(locale=locales["en"])
    for day in range(1, 14):
        index.add_child(
            instance=NewsPage(
                title=f"News {day:02d}",
                slug=f"news-{day}",
                standfirst="Generated.",
                date=datetime.date(2024, 2, day),
            )
        )
    fragment = soup(client.get(index.url + "?page=2&fragment=1"))
    assert len(fragment.select(".story-card")) == 15 - 12


@pytest.fixture
def uncached(settings):
    """Measure rendering, not the whole-page cache (which would answer with no query at all)."""
    settings.PAGE_CACHE_SECONDS = 0


def add_stories_with_heroes(index, count: int, first_day: int = 1) -> None:
    from wagtail.images import get_image_model

    images = list(get_image_model().objects.all())
    campaign = StoryPage.objects.filter(campaign__isnull=False).first().campaign
    for n in range(count):
        story = StoryPage(
            title=f"Card story {first_day + n:02d}",
            slug=f"card-{first_day + n}",
            standfirst="A card with a hero image.",
            date=datetime.date(2025, 1, first_day + n),
            hero_image=images[n % len(images)],
            campaign=campaign,
        )
        story.tags.set(["education"])
        index.add_child(instance=story)


def test_story_listing_queries_do_not_grow_with_its_cards(
    client, demo, locales, uncached, django_assert_max_num_queries
):
    """Hero images, their renditions and campaigns come in bulk, whatever the number of cards."""
    index = StoryIndexPage.objects.get(locale=locales["en"])
    StoryPage.objects.filter(locale=locales["en"]).exclude(pk=index.pk).delete()
    counts = {}
    for total, added in ((1, 1), (12, 11)):
        add_stories_with_heroes(index, added, first_day=total - added + 1)
        assert client.get(index.url).status_code == 200  # warm the rendition cache
        with django_assert_max_num_queries(MAX_LISTING_QUERIES) as queries:
            response = client.get(index.url)
        assert len(soup(response).select(".story-card")) == total
        counts[total] = len(queries.captured_queries)
    print(f"story listing queries by cards: {counts}")
    assert counts[12] == counts[1]


MAX_LISTING_QUERIES = 14
