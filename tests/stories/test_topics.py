"""Story topics read in the visitor's language: editors type a topic once (a tag), translators
name it in French and Arabic, and listings and stories show those names."""

from __future__ import annotations

import datetime

from bs4 import BeautifulSoup
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from taggit.models import Tag
from wagtail_localize.models import StringSegment

from stories.models import StoryIndexPage, StoryPage, TopicName
from tests.admin_refusals import assert_forbidden
from tests.i18n.conftest import translation_for


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def listed_topics(client, locales, code: str) -> list[str]:
    index = StoryIndexPage.objects.get(locale=locales[code])
    html = soup(client.get(index.url))
    nav = html.select("nav.filter-bar")[-1]  # campaigns first, then topics
    return [a.get_text(strip=True) for a in nav.select("li a")][1:]  # after "All topics"


def test_french_and_arabic_listings_name_topics_in_their_language(client, demo, locales):
    assert listed_topics(client, locales, "en") == ["children", "culture", "education", "heritage"]
    assert listed_topics(client, locales, "fr") == ["culture", "éducation", "enfants", "patrimoine"]
    assert set(listed_topics(client, locales, "ar")) == {"الأطفال", "الثقافة", "التعليم", "التراث"}


def test_french_story_links_its_topics_by_their_french_names(client, demo, locales):
    english = StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")
    french = english.get_translation(locales["fr"])
    links = soup(client.get(french.url)).select(".story__topics a")
    assert [a.get_text() for a in links] == ["éducation", "enfants"]
    # The filter link works in French: the topic's key is the same in every language.
    listing = soup(client.get(links[0]["href"]))
    titles = [h.get_text(strip=True) for h in listing.select(".story-card__title")]
    assert titles == [french.title]


def test_a_new_topic_is_named_in_english_and_shows_as_typed_until_translated(client, demo, locales):
    index = StoryIndexPage.objects.get(locale=locales["en"])
    story = StoryPage(
        title="Water returns to Raqqa",
        slug="water-raqqa",
        standfirst="Pumping stations repaired.",
        date=datetime.date(2024, 5, 1),
    )
    story.tags.set(["water"])
    index.add_child(instance=story)
    story.save_revision().publish()
    tag = Tag.objects.get(name="water")
    assert TopicName.objects.get(tag=tag, locale=locales["en"]).name == "water"
    assert not TopicName.objects.filter(tag=tag, locale=locales["fr"]).exists()

    french = story.copy_for_translation(locales["fr"], copy_parents=True)
    french.save_revision().publish()
    links = soup(client.get(french.url)).select(".story__topics a")
    assert [a.get_text() for a in links] == ["water"]


def test_french_translator_renames_a_topic_and_readers_see_it(french_client, locales):
    english = TopicName.objects.get(locale=locales["en"], name="heritage")
    french = english.get_translation(locales["fr"])
    translation = translation_for(french)
    segment = StringSegment.objects.get(source=translation.source, string__data="heritage")
    response = french_client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        data=encode_multipart(BOUNDARY, {"value": "patrimoine culturel"}),
        content_type=MULTIPART_CONTENT,
    )
    assert response.status_code in (200, 201)
    translation.save_target()
    french_client.logout()
    assert "patrimoine culturel" in listed_topics(french_client, locales, "fr")


def test_french_translator_cannot_rename_an_arabic_topic(french_client, locales):
    arabic = TopicName.objects.get(locale=locales["en"], name="heritage").get_translation(
        locales["ar"]
    )
    url = f"/admin/snippets/stories/topicname/edit/{arabic.pk}/"
    assert_forbidden(french_client, "post", url, data={"tag": arabic.tag_id, "name": "pirate"})
    arabic.refresh_from_db()
    assert arabic.name == "التراث"


def test_a_second_name_for_the_same_topic_and_language_is_refused_with_a_message(
    admin_client, locales
):
    tag = Tag.objects.get(name="heritage")
    response = admin_client.post(
        "/admin/snippets/stories/topicname/add/?locale=en", {"tag": tag.pk, "name": "Heritage"}
    )
    assert response.status_code == 200
    assert "already has a name in this language" in response.content.decode()
    assert TopicName.objects.filter(tag=tag, locale=locales["en"]).count() == 1
