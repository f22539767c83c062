"""The home page: welcome, what the Coalition is, partner count, news, digest and social posts."""

from bs4 import BeautifulSoup

from stories.models import Partner


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_home_shows_five_lines_of_effort(client, demo):
    html = soup(client.get("/en/"))
    lines = [h.get_text(strip=True) for h in html.select(".line-of-effort h3")]
    assert lines == [
        "Military campaign",
        "Daesh financing",
        "Foreign terrorist fighters",
        "Stabilisation",
        "Counter-propaganda",
    ]
    arabic = soup(client.get("/ar/"))
    assert arabic.select_one(".line-of-effort h3").get_text(strip=True) == "الحملة العسكرية"


def test_partner_count_comes_from_the_partner_data(client, demo, locales):
    assert soup(client.get("/en/")).select_one(".hero-welcome__figure").get_text() == "79"
    Partner.objects.create(name="New partner", locale=locales["en"])
    assert soup(client.get("/en/")).select_one(".hero-welcome__figure").get_text() == "80"


def test_home_shows_latest_news_digest_and_social_posts(client, demo):
    html = soup(client.get("/en/"))
    news = html.find(id="news-heading").parent
    assert "Four schools open their doors in Dohuk" in news.get_text()
    digest = html.find(id="digest-heading").parent
    assert "Weekly digest: 22 February 2019" in digest.get_text()
    assert "— Associated Press" in digest.get_text()
    posts = html.select(".social-post")
    assert len(posts) == 4
    assert "#LifeafterDaesh" in posts[0].get_text()
    # A curated feed: no third-party widget, script or iframe.
    assert not html.find("iframe")
    assert not [s for s in html.find_all("script", src=True) if "twitter" in s["src"]]


def test_french_home_shows_french_social_posts(client, demo):
    html = soup(client.get("/fr/"))
    assert "Nous avons construit quatre écoles" in html.select_one(".social-feed").get_text()


def test_featured_picks_show_in_the_language_read_for_the_same_queries_however_many(
    client, demo, locales, settings, django_assert_max_num_queries
):
    from home.models import HomeFeaturedStory, HomePage
    from stories.models import StoryPage

    settings.PAGE_CACHE_SECONDS = 0  # measure rendering, not the whole-page cache
    english_home = HomePage.objects.get(locale=locales["en"])
    french_home = english_home.get_translation(locales["fr"])
    stories = list(StoryPage.objects.filter(locale=locales["en"]).order_by("pk"))
    counts = {}
    for picked in (1, len(stories)):
        HomeFeaturedStory.objects.filter(page=french_home).delete()
        for order, story in enumerate(stories[:picked]):
            HomeFeaturedStory.objects.create(page=french_home, story=story, sort_order=order)
        client.get("/fr/")  # warm renditions and the navigation cache
        with django_assert_max_num_queries(30) as queries:
            page = BeautifulSoup(client.get("/fr/").content, "html.parser")
        counts[picked] = len(queries.captured_queries)
        titles = [h.get_text(strip=True) for h in page.select(".story-card__title")]
        expected = [story.get_translation(locales["fr"]).title for story in stories[:picked]]
        assert titles == expected
    assert counts[1] == counts[len(stories)]
