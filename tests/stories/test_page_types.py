"""Every page type of the storytelling site renders in the demo with what a visitor expects."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from home.models import HomePage
from stories.models import (
    CampaignPage,
    DigestPage,
    ExplainerPage,
    NewsIndexPage,
    NewsPage,
    PartnerIndexPage,
    PartnerPage,
    StoryIndexPage,
    StoryPage,
)

PAGE_TYPES = [
    HomePage,
    StoryIndexPage,
    StoryPage,
    CampaignPage,
    NewsIndexPage,
    NewsPage,
    DigestPage,
    ExplainerPage,
    PartnerIndexPage,
    PartnerPage,
]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_each_page_type_renders_in_each_language(client, demo, locales, model, language):
    page = model.objects.live().filter(locale=locales[language]).first()
    assert page is not None, f"the demo has no {model.__name__} in {language}"
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == language
    assert len(html.find_all("h1")) == 1
    # Canonical URL and a link preview on every page.
    assert html.select_one("link[rel=canonical]")["href"].endswith(page.url)
    assert html.select_one("meta[property='og:title']")["content"]


def test_digest_credits_each_item_to_its_source(client, demo):
    digest = DigestPage.objects.get(locale__language_code="en")
    html = soup(client.get(digest.url))
    items = html.select(".digest-item")
    assert len(items) == 5
    outlets = [
        item.select_one(".digest-item__source a").get_text(" ", strip=True) for item in items
    ]
    for outlet in ["Associated Press", "VOA", "Reuters", "CNN", "The Guardian"]:
        assert any(text.startswith(outlet) for text in outlets), outlet
    for item in items:
        assert item.select_one(".digest-item__source a")["href"].startswith("https://")
        assert item.select_one("time[datetime]")


def test_explainer_lists_its_questions_and_answers_open_without_javascript(client, demo):
    explainer = ExplainerPage.objects.get(locale__language_code="en")
    assert explainer.title.startswith("6 questions answered")
    html = soup(client.get(explainer.url))
    toc = [a["href"] for a in html.select("nav.toc a")]
    questions = html.select("details.question")
    assert len(toc) == len(questions) == 6
    # Each contents link points at its <details>: native disclosure, no script needed.
    assert toc == [f"#{details['id']}" for details in questions]
    assert (
        questions[0]
        .summary.get_text(strip=True)
        .endswith("What is the Coalition Ministerial Meeting?")
    )


def test_partner_index_counts_the_partners_and_shows_the_nato_spotlight(client, demo):
    index = PartnerIndexPage.objects.get(locale__language_code="en")
    html = soup(client.get(index.url))
    assert html.select_one(".partner-count__figure").get_text(strip=True) == "79"
    assert len(html.select(".partner-grid .partner")) == 79
    assert "Partner spotlight: NATO" in html.find(id="spotlight-heading").parent.get_text()
    organisations = soup(client.get(index.url + "?type=organisation"))
    names = [p.get_text(strip=True) for p in organisations.select(".partner__name")]
    assert "NATO" in names and "United Kingdom" not in names
    # An unknown type is ignored rather than emptying the list.
    assert (
        len(soup(client.get(index.url + "?type=<script>")).select(".partner-grid .partner")) == 79
    )


def test_campaign_page_lists_only_its_campaigns_stories(client, demo):
    page = CampaignPage.objects.get(locale__language_code="en", slug="foreverychild")
    html = soup(client.get(page.url))
    titles = [h.get_text(strip=True) for h in html.select(".story-card__title")]
    assert titles == ["Four new schools for 4000 displaced children in Dohuk"]
    assert html.select_one(".story__campaign").get_text(strip=True) == "#foreverychild"


def test_story_shows_topics_and_related_stories(client, demo):
    story = StoryPage.objects.get(locale__language_code="en", slug="zahra-draws-again-raqqa")
    html = soup(client.get(story.url))
    topics = [a.get_text(strip=True) for a in html.select(".story__topics a")]
    assert sorted(topics) == ["children", "culture"]
    related = [h.get_text(strip=True) for h in html.select("#related-heading ~ .card-grid h3")]
    assert related == ["Rebuilding the blacksmith market in Mosul"]  # same campaign


def test_news_index_shows_news_digest_and_explainer(client, demo):
    index = NewsIndexPage.objects.get(locale__language_code="en")
    html = soup(client.get(index.url))
    assert "Coalition ministers meet in Washington" in html.get_text()
    assert html.find("a", string="Weekly digest: 22 February 2019")
    assert html.find("a", string=lambda s: s and s.startswith("6 questions answered"))


@pytest.mark.parametrize("model", PAGE_TYPES[1:], ids=lambda m: m.__name__)
def test_page_types_only_go_where_they_make_sense(model):
    for parent in model.allowed_parent_page_models():
        assert parent is not Page, f"{model.__name__} may not sit at the root"
    assert {m.__name__ for m in StoryPage.allowed_parent_page_models()} == {"StoryIndexPage"}
    assert StoryPage.allowed_subpage_models() == []


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_every_page_type_has_seo_and_social_promote_fields(model):
    fields = {
        panel.field_name
        for group in model.promote_panels
        for panel in group.children
        if hasattr(panel, "field_name")  # the social card preview shows, it edits nothing
    }
    assert {"slug", "seo_title", "search_description", "social_image", "social_text"} <= fields
    assert model.search_fields


def test_story_json_ld_is_a_news_article(client, demo):
    import json

    story = StoryPage.objects.get(locale__language_code="en", slug="four-schools-dohuk")
    html = soup(client.get(story.url))
    data = json.loads(html.select_one("script[type='application/ld+json']").string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == story.title
    assert data["datePublished"] == "2019-02-21"
    assert data["image"][0].startswith("http://testserver/")
    assert html.select_one("meta[name='twitter:card']")["content"] == "summary_large_image"


def test_editor_can_open_each_page_types_edit_form(admin_client, demo):
    for model in PAGE_TYPES:
        page = model.objects.first()
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, model.__name__


def test_editor_picked_related_stories_come_in_their_order_in_the_story_language(
    client, demo, locales
):
    from stories.models import StoryRelatedStory

    story = StoryPage.objects.get(locale=locales["en"], slug="zahra-draws-again-raqqa")
    schools = StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")
    market = StoryPage.objects.get(locale=locales["en"], slug="mosul-blacksmith-market")
    for order, pick in enumerate([schools, market.get_translation(locales["fr"]), market, story]):
        StoryRelatedStory.objects.create(page=story, story=pick, sort_order=order)
    html = soup(client.get(story.url))
    related = [h.get_text(strip=True) for h in html.select("#related-heading ~ .card-grid h3")]
    assert related == [schools.title, market.title]  # not the French one, nor the story itself
