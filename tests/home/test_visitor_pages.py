import re

import pytest
from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_root_redirects_to_english_by_default(client, demo):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_root_follows_the_browser_language(client, demo):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.5")
    assert response["Location"] == "/ar/"


@pytest.mark.parametrize(
    ("path", "lang", "direction", "heading"),
    [
        ("/en/", "en", "ltr", "Welcome to the Global Coalition against Daesh"),
        ("/fr/", "fr", "ltr", "Bienvenue sur le site de la Coalition internationale contre Daech"),
        ("/ar/", "ar", "rtl", "مرحبًا بكم في التحالف الدولي ضد داعش"),
    ],
)
def test_home_page_in_each_language(client, demo, path, lang, direction, heading):
    response = client.get(path)
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == lang
    assert page.html["dir"] == direction
    assert page.h1.get_text(strip=True) == heading


def test_english_home_shows_the_seed_stories_and_about_section(client, demo):
    page = soup(client.get("/en/"))
    cards = [h.get_text(strip=True) for h in page.select(".story-card__title")]
    assert "Zahra draws again after the liberation of Raqqa" in cards
    assert "Four new schools for 4000 displaced children in Dohuk" in cards
    about = page.find(id="about-heading").find_parent("section").get_text(" ", strip=True)
    assert "What is the Coalition?" in about
    assert "September 2014" in about


def test_arabic_home_lists_only_arabic_stories(client, demo):
    page = soup(client.get("/ar/"))
    cards = [h.get_text(strip=True) for h in page.select(".story-card__title")]
    assert "زهراء تعود إلى الرسم بعد تحرير الرقة" in cards
    assert not any(re.search(r"[A-Za-z]{4,}", title) for title in cards)


def test_language_switcher_links_to_the_same_story_in_other_languages(client, demo):
    page = soup(client.get("/en/stories/four-schools-dohuk/"))
    links = {a["hreflang"]: a["href"] for a in page.select(".language-switcher a")}
    assert links["en"] == "/en/stories/four-schools-dohuk/"
    french = client.get(links["fr"])
    assert french.status_code == 200
    assert "Quatre nouvelles écoles pour 4000 enfants déplacés à Dohuk" in french.content.decode()
    arabic = client.get(links["ar"])
    assert arabic.status_code == 200
    assert soup(arabic).html["dir"] == "rtl"
    assert soup(arabic).h1.get_text(strip=True) == "أربع مدارس جديدة لـ4000 طفل نازح في دهوك"


def test_language_switcher_falls_back_to_the_not_translated_page(client, demo, locales):
    from stories.models import StoryPage

    story = StoryPage.objects.get(locale=locales["en"], slug="mosul-blacksmith-market")
    story.get_translation(locales["fr"]).unpublish()
    page = soup(client.get("/en/stories/mosul-blacksmith-market/"))
    links = {a["hreflang"]: a["href"] for a in page.select(".language-switcher a")}
    assert links["fr"] == f"/fr/not-translated/?page={story.pk}"
    assert client.get(links["fr"]).status_code == 200


def test_header_has_navigation_skip_link_and_search(client, demo):
    page = soup(client.get("/fr/"))
    assert page.select_one("a.skip-link")["href"] == "#main"
    nav = page.select_one("nav.site-nav")
    assert [a.get_text(strip=True) for a in nav.select("a")] == [
        "Accueil",
        "Récits",
        "Actualités",
        "Partenaires",
    ]
    assert page.select_one("form[role=search]")["action"] == "/fr/search/"


def test_unknown_language_prefix_is_not_found(client, demo):
    response = client.get("/xx/", follow=True)
    assert response.status_code == 404


def test_unknown_page_is_a_friendly_404(client, demo):
    response = client.get("/en/no-such-story/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize(
    ("path", "featured", "skip_link"),
    [
        ("/en/", "Featured stories", "Skip to content"),
        ("/fr/", "Récits à la une", "Aller au contenu"),
        ("/ar/", "قصص مختارة", "انتقل إلى المحتوى"),
    ],
)
def test_template_strings_are_translated(client, demo, path, featured, skip_link):
    page = soup(client.get(path))
    assert page.find(id="featured-heading").get_text(strip=True) == featured
    assert page.select_one("a.skip-link").get_text(strip=True) == skip_link
