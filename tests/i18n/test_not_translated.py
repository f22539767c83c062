"""The language switcher on a page without a public translation in a language leads to a short
page in that language saying so, with links to that language's home and to the original."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.urls import reverse
from wagtail.models import PageViewRestriction

from stories.models import StoryPage

MOSUL = "/en/stories/mosul-blacksmith-market/"


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def switcher(response) -> dict[str, str]:
    assert response.status_code == 200, response.status_code
    return {a["hreflang"]: a["href"] for a in soup(response).select(".language-switcher a")}


@pytest.fixture
def mosul(locales) -> StoryPage:
    return StoryPage.objects.get(locale=locales["en"], slug="mosul-blacksmith-market")


def test_translated_story_links_to_its_translations(client, demo, mosul, locales):
    links = switcher(client.get(MOSUL))
    assert links["en"] == MOSUL
    assert links["fr"] == mosul.get_translation(locales["fr"]).url
    assert links["ar"] == mosul.get_translation(locales["ar"]).url


def test_untranslated_story_links_to_the_not_translated_page(client, demo, mosul, locales):
    mosul.get_translation(locales["fr"]).unpublish()
    links = switcher(client.get(MOSUL))
    assert links["fr"] == f"/fr/not-translated/?page={mosul.pk}"
    assert links["ar"] == mosul.get_translation(locales["ar"]).url

    response = client.get(links["fr"])
    assert response.status_code == 200  # its own page, not a redirect
    page = soup(response)
    assert page.html["lang"] == "fr" and page.html["dir"] == "ltr"
    assert page.select_one("meta[name=robots]")["content"] == "noindex"
    assert response["X-Robots-Tag"] == "noindex"
    main = page.select_one("main")
    assert main.h1.get_text(strip=True) == "Pas encore traduite"
    assert "Cette page n’est pas encore disponible en français." in main.get_text(" ")
    original = main.select_one("a[hreflang=en]")
    assert original["href"] == MOSUL
    assert original["lang"] == "en"
    assert original.get_text(strip=True) == mosul.title
    home = main.find("a", string="Aller à l’accueil en français")
    assert home["href"] == "/fr/"
    assert client.get(home["href"]).status_code == 200


def test_not_translated_page_in_arabic_is_right_to_left(client, demo, mosul, locales):
    mosul.get_translation(locales["ar"]).unpublish()
    link = switcher(client.get(MOSUL))["ar"]
    page = soup(client.get(link))
    assert page.html["lang"] == "ar" and page.html["dir"] == "rtl"
    main = page.select_one("main")
    assert main.h1.get_text(strip=True) == "لم تُترجم بعد"
    assert "هذه الصفحة غير متاحة بعد باللغة العربيّة." in main.get_text(" ")
    original = main.select_one("a[hreflang=en]")
    assert (original["lang"], original["dir"]) == ("en", "ltr")
    assert main.find("a", string="الانتقال إلى الصفحة الرئيسية باللغة العربيّة")["href"] == "/ar/"


def test_a_draft_or_restricted_translation_is_not_linked(client, demo, mosul, locales):
    french = mosul.get_translation(locales["fr"])
    PageViewRestriction.objects.create(page=french, restriction_type=PageViewRestriction.LOGIN)
    assert switcher(client.get(MOSUL))["fr"] == f"/fr/not-translated/?page={mosul.pk}"
    page = soup(client.get(f"/fr/not-translated/?page={mosul.pk}"))
    assert french.url not in str(page.select_one("main"))


def test_the_page_offers_a_translation_published_since(client, demo, mosul, locales):
    french = mosul.get_translation(locales["fr"])
    main = soup(client.get(f"/fr/not-translated/?page={mosul.pk}")).select_one("main")
    assert "Cette page est disponible en français" in main.get_text(" ")
    assert main.find("a", string="français")["href"] == french.url


def test_the_original_language_version_links_the_original(client, demo, mosul, locales):
    mosul.get_translation(locales["fr"]).unpublish()
    french = soup(client.get(f"/fr/not-translated/?page={mosul.pk}"))
    english_link = french.select_one(".language-switcher a[hreflang=en]")["href"]
    main = soup(client.get(english_link)).select_one("main")
    assert "This page is available in English" in main.get_text(" ")
    assert main.find("a", string="English")["href"] == MOSUL


def test_the_home_page_switcher_still_links_translated_homes(client, demo):
    links = switcher(client.get("/fr/"))
    assert links == {"en": "/en/", "fr": "/fr/", "ar": "/ar/"}


@pytest.mark.parametrize("value", ["abc", "-1", "1 OR 1=1", "١٢", "9" * 40, ""])
def test_a_malformed_page_id_is_a_clear_400_in_the_target_language(client, demo, value):
    response = client.get("/fr/not-translated/", {"page": value})
    assert response.status_code == 400
    page = soup(response)
    assert page.html["lang"] == "fr"
    assert page.select_one("main h1").get_text(strip=True) == "Ce lien n’est pas valide."


def test_unknown_draft_and_restricted_pages_are_a_404_without_their_title(
    client, demo, mosul, locales
):
    draft = StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")
    draft.unpublish()
    restricted = mosul
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    for page_id, title in (
        (draft.pk, draft.title),
        (restricted.pk, restricted.title),
        (10**9, ""),
        (10**17, ""),
    ):
        response = client.get("/ar/not-translated/", {"page": page_id})
        assert response.status_code == 404
        page = soup(response)
        assert page.html["dir"] == "rtl"
        assert page.select_one("main h1").get_text(strip=True) == "الصفحة غير موجودة"
        if title:
            assert title not in response.content.decode()
            assert draft.slug not in response.content.decode()


def test_a_visitor_who_passed_the_password_reads_the_page(client, demo, mosul):
    restriction = PageViewRestriction.objects.create(
        page=mosul, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, mosul.pk]),
        {"password": "secret", "return_url": MOSUL},
    )
    assert response.status_code == 302
    response = client.get("/fr/not-translated/", {"page": mosul.pk})
    assert response.status_code == 200
    assert mosul.title in response.content.decode()


def test_the_page_is_never_stored_in_the_page_cache(client, demo, mosul, settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    for page_id in (mosul.pk, mosul.pk, "abc", 10**9):
        response = client.get("/fr/not-translated/", {"page": page_id})
        assert response["X-Page-Cache"] == "BYPASS"
        assert "private" in response["Cache-Control"]
    # The story itself is still cached, under its own key.
    assert client.get(MOSUL)["X-Page-Cache"] == "MISS"
    assert client.get(MOSUL)["X-Page-Cache"] == "HIT"
