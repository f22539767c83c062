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
