"""Pages behind a view restriction (login, password, groups, or under a restricted parent) are
reached only at their own address: no listing, feed, sitemap, search result, API answer or card
shows their title, address, image or standfirst, to anonymous visitors or to signed-in ones."""

from __future__ import annotations

import datetime
import json
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction

from home.models import HomeFeaturedStory, HomePage
from stories.models import (
    Campaign,
    CampaignPage,
    NewsIndexPage,
    NewsPage,
    Partner,
    PartnerIndexPage,
    PartnerPage,
    StoryIndexPage,
    StoryPage,
    StoryRelatedStory,
)
from tests.search.conftest import result_titles

# One word that every test page carries in its title, standfirst and body, so each surface
# that searches or lists would find them all.
WORD = "quokka"
KINDS = ["login", "password", "groups", "parent"]
SECRET_TITLES = [f"Quokka {kind} secret" for kind in KINDS]
PUBLIC_TITLE = "Quokka open story"


def _restrict(page, kind: str) -> None:
    if kind == "login":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif kind == "password":
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
        )
    else:
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([Group.objects.get_or_create(name="Quokka keepers")[0]])


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _story(parent, title: str, campaign) -> StoryPage:
    story = StoryPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        standfirst=f"Standfirst of {title}, about a {WORD}.",
        date=datetime.date(2030, 1, 1),  # newest of all: first in every date-ordered list
        campaign=campaign,
        body=[("text", f"<p>A {WORD} story.</p>")],
    )
    story = _publish(parent, story)
    story.tags.add("quokkas")
    story.save()
    return story


@pytest.fixture
def site_with_secrets(demo, locales):
    """English stories, news and a spotlight under each kind of restriction, and a public story
    that picks all the secret ones (featured, related, related-story cards)."""
    en = locales["en"]
    home = HomePage.objects.get(locale=en)
    index = StoryIndexPage.objects.get(locale=en)
    campaign = Campaign.objects.get(locale=en, slug="lifeafterdaesh")
    # A second, members-only story index: the "restricted parent".
    members = _publish(home, StoryIndexPage(title="Members", slug="members"))
    _restrict(members, "login")

    secrets = {}
    for kind in KINDS:
        title = f"Quokka {kind} secret"
        story = _story(members if kind == "parent" else index, title, campaign)
        if kind != "parent":
            _restrict(story, kind)
        secrets[kind] = story

    news_index = NewsIndexPage.objects.get(locale=en)
    partner_index = PartnerIndexPage.objects.get(locale=en)
    partner = Partner.objects.filter(locale=en).first()
    for kind in KINDS[:3]:
        news = _publish(
            news_index,
            NewsPage(
                title=f"Quokka {kind} secret news",
                slug=f"quokka-{kind}-secret-news",
                standfirst=f"A {WORD} in the news.",
                date=datetime.date(2030, 1, 1),
            ),
        )
        _restrict(news, kind)
        spotlight = _publish(
            partner_index,
            PartnerPage(
                title=f"Quokka {kind} secret spotlight",
                slug=f"quokka-{kind}-secret-spotlight",
                partner=partner,
                standfirst=f"A {WORD} partner.",
                date=datetime.date(2030, 1, 1),
            ),
        )
        _restrict(spotlight, kind)

    public = _story(index, PUBLIC_TITLE, campaign)
    public.body = [
        ("text", f"<p>A {WORD} story.</p>"),
        *[("related_story", {"story": s, "lead": ""}) for s in secrets.values()],
    ]
    public.save_revision().publish()
    for order, story in enumerate(secrets.values()):
        StoryRelatedStory.objects.create(page=public, story=story, sort_order=order)
        HomeFeaturedStory.objects.create(page=home, story=story, sort_order=order)
    HomeFeaturedStory.objects.create(page=home, story=public, sort_order=len(secrets))
    return {"public": public, "secrets": secrets, "members": members}


@pytest.fixture
def visitors(client, django_user_model):
    """An anonymous visitor and a signed-in reader: public lists are the same for everyone, so a
    reader who may open login-only pages does not see restricted pages listed either."""
    reader = Client()
    reader.force_login(django_user_model.objects.create_user("reader", password="pw"))
    return {"anonymous": client, "signed-in": reader}


def _secret_strings(site) -> list[str]:
    strings = []
    for story in site["secrets"].values():
        strings += [story.title, story.url_path.split("/", 2)[2], story.standfirst]
    strings += [f"Quokka {kind} secret news" for kind in KINDS[:3]]
    strings += [f"Quokka {kind} secret spotlight" for kind in KINDS[:3]]
    return strings


def assert_no_secret(content: bytes | str, site, where: str = "") -> None:
    text = content.decode() if isinstance(content, bytes) else content
    leaked = [s for s in _secret_strings(site) if s in text.replace("\\/", "/")]
    assert not leaked, f"{where}: restricted pages shown: {leaked}"


LISTINGS = [
    "/en/",
    "/en/stories/",
    "/en/stories/?fragment=1",
    "/en/stories/?campaign=lifeafterdaesh",
    "/en/stories/?topic=quokkas",
    "/en/stories/?topic=quokkas&fragment=1",
    "/en/lifeafterdaesh/",
    "/en/news/",
    "/en/news/?fragment=1",
    "/en/partners/",
    "/en/stories/quokka-open-story/",
]


def test_pages_and_listings_never_show_restricted_pages(visitors, site_with_secrets):
    for who, visitor in visitors.items():
        for path in LISTINGS:
            response = visitor.get(path)
            assert response.status_code == 200, (who, path)
            assert_no_secret(response.content, site_with_secrets, f"{who} {path}")


def test_the_public_sibling_is_still_listed_and_featured(client, site_with_secrets):
    for path in ["/en/", "/en/stories/", "/en/stories/?topic=quokkas", "/en/lifeafterdaesh/"]:
        response = client.get(path)
        assert PUBLIC_TITLE in response.content.decode(), (path, response.status_code)


def test_a_restricted_topic_is_not_offered_as_a_filter(client, site_with_secrets):
    site_with_secrets["public"].tags.clear()
    site_with_secrets["public"].save()
    assert "quokkas" not in client.get("/en/stories/").content.decode()


def test_a_campaign_page_lists_only_public_stories(client, site_with_secrets):
    html = client.get(
        CampaignPage.objects.get(slug="lifeafterdaesh", locale__language_code="en").url
    )
    assert PUBLIC_TITLE in html.content.decode()
    assert_no_secret(html.content, site_with_secrets)


FEEDS = ["/en/feeds/stories/", "/en/feeds/stories/atom/", "/en/feeds/news/", "/en/feeds/news/atom/"]


def test_feeds_and_sitemap_never_show_restricted_pages(visitors, site_with_secrets):
    for who, visitor in visitors.items():
        for path in [*FEEDS, "/sitemap.xml"]:
            response = visitor.get(path)
            assert response.status_code == 200, (who, path)
            ET.fromstring(response.content)
            assert_no_secret(response.content, site_with_secrets, f"{who} {path}")
            assert "/members/" not in response.content.decode(), (who, path)
        assert PUBLIC_TITLE in visitor.get("/en/feeds/stories/").content.decode()
        assert "/en/stories/quokka-open-story/" in visitor.get("/sitemap.xml").content.decode()


def test_search_and_autocomplete_never_find_restricted_pages(visitors, site_with_secrets):
    for who, visitor in visitors.items():
        response = visitor.get("/en/search/", {"q": WORD})
        assert response.status_code == 200
        assert result_titles(response) == [PUBLIC_TITLE], who
        assert_no_secret(response.content, site_with_secrets, f"{who} search")
        suggestions = visitor.get("/en/search/suggest/", {"q": "quok"}).json()["suggestions"]
        assert PUBLIC_TITLE in [s["title"] for s in suggestions]
        assert_no_secret(json.dumps(suggestions), site_with_secrets, f"{who} suggest")


API_QUERIES = [
    {"type": "stories.StoryPage", "fields": "standfirst", "limit": 50},
    {"fields": "title", "limit": 50},
    {"search": WORD},
    {"search": WORD, "type": "stories.StoryPage"},
    {"type": "stories.StoryPage", "tags": "quokkas"},
    {"type": "stories.StoryPage", "fields": "-title"},  # listed even without their titles
]


def test_api_listing_never_shows_restricted_pages(visitors, site_with_secrets):
    secret_ids = {s.pk for s in site_with_secrets["secrets"].values()}
    for who, visitor in visitors.items():
        for query in API_QUERIES:
            response = visitor.get("/api/v2/pages/", query)
            assert response.status_code == 200, (who, query, response.content)
            items = response.json()["items"]
            assert not secret_ids & {item["id"] for item in items}, (who, query)
            assert_no_secret(response.content, site_with_secrets, f"{who} {query}")
            if "search" in query or "tags" in query:
                assert site_with_secrets["public"].pk in {item["id"] for item in items}


def test_api_detail_of_a_restricted_page_is_not_found(visitors, site_with_secrets):
    members = site_with_secrets["members"]
    for who, visitor in visitors.items():
        for kind, story in site_with_secrets["secrets"].items():
            # Django's LocaleMiddleware redirects a 404 outside the language prefixes to /en/…
            response = visitor.get(f"/api/v2/pages/{story.pk}/", follow=True)
            assert response.status_code == 404, (who, kind)
            assert_no_secret(response.content, site_with_secrets, f"{who} {kind}")
            path = "/" + story.url_path.split("/", 2)[2]
            response = visitor.get("/api/v2/pages/find/", {"html_path": path}, follow=True)
            assert response.status_code == 404, (who, kind)
            assert_no_secret(response.content, site_with_secrets, f"{who} {kind}")
        assert visitor.get("/api/v2/pages/", {"child_of": members.pk}).status_code == 400
        public = site_with_secrets["public"]
        assert visitor.get(f"/api/v2/pages/{public.pk}/").status_code == 200


def test_restricted_pages_are_still_reached_at_their_own_address(client, site_with_secrets):
    story = site_with_secrets["secrets"]["login"]
    assert client.get(story.url).status_code == 302  # to the login page, as Wagtail does
    response = client.get(site_with_secrets["secrets"]["password"].url)
    assert response.status_code == 200
    assert "password" in response.content.decode().lower()
