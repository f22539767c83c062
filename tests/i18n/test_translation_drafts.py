"""Submitting for translation makes drafts only: a French or Arabic page or snippet goes live when
a translator publishes it, never before, and an update of the English source never reaches the
live translations until then.

wagtail-localize publishes when the request's transaction commits; the admin requests here run
with ``django_capture_on_commit_callbacks(execute=True)`` so that they behave as on a real site
(inside a test's transaction those callbacks would otherwise never run)."""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from wagtail.models import Page
from wagtail_localize.models import StringSegment, TranslationSource

from stories.models import (
    NewsIndexPage,
    Partner,
    PartnerIndexPage,
    PartnerPage,
    SocialPost,
    StoryIndexPage,
    StoryPage,
    TopicName,
)

from .conftest import translation_for

TITLE = "A library reopens in Mosul"
STANDFIRST = "The university library reopened its doors to students."
NEW_STANDFIRST = "Zahra now teaches drawing to younger children in her street."


@pytest.fixture
def editor(django_user_model) -> Client:
    """An administrator's browser session, apart from the visitor's ``client``."""
    user = django_user_model.objects.create_superuser("drafts-editor", "editor@example.com", "pw")
    session = Client()
    session.force_login(user)
    return session


@pytest.fixture
def translator(french_translator) -> Client:
    """A member of "Translators (French)", apart from the visitor's ``client``."""
    session = Client()
    session.force_login(french_translator)
    return session


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Run what the code defers to transaction commit, as a real request would."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


def text_of(response) -> str:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser").get_text(" ")


def put_segment(client, translation, text: str, value: str):
    segment = StringSegment.objects.get(source=translation.source, string__data=text)
    response = client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        data=encode_multipart(BOUNDARY, {"value": value}),
        content_type=MULTIPART_CONTENT,
    )
    assert response.status_code in (200, 201), response.content


def new_english_story(locales) -> StoryPage:
    index = StoryIndexPage.objects.get(locale=locales["en"])
    story = StoryPage(
        title=TITLE,
        slug="library-reopens-mosul",
        standfirst=STANDFIRST,
        date=datetime.date(2030, 1, 1),
    )
    index.add_child(instance=story)
    story.save_revision().publish()
    return story


def submit_page(client, committing, page, *codes, locales, subtree=False):
    data = {"locales": [locales[code].pk for code in codes]}
    if subtree:
        data["include_subtree"] = "on"
    with committing():
        response = client.post(f"/admin/localize/submit/page/{page.pk}/", data)
    assert response.status_code == 302, response.content


def sync(client, committing, instance, **data):
    source = TranslationSource.objects.get(object_id=instance.translation_key)
    with committing():
        response = client.post(f"/admin/localize/update/{source.pk}/", data)
    assert response.status_code == 302, response.content
    return response


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_a_page_submitted_for_translation_is_nowhere_for_visitors_until_published(
    editor, client, committing, locales, code
):
    story = new_english_story(locales)
    submit_page(editor, committing, story, code, locales=locales)
    draft = story.get_translation(locales[code])
    assert not draft.live
    assert draft.title == TITLE  # English words inside, for the translator to replace

    assert client.get(draft.get_url()).status_code == 404
    assert TITLE not in text_of(client.get(f"/{code}/"))
    assert TITLE not in text_of(client.get(StoryIndexPage.objects.get(locale=locales[code]).url))
    assert TITLE not in client.get(f"/{code}/feeds/stories/").content.decode()
    assert TITLE not in text_of(client.get(f"/{code}/search/", {"q": "library Mosul"}))
    assert draft.get_url() not in client.get("/sitemap.xml").content.decode()
    english = BeautifulSoup(client.get(story.url).content, "html.parser")
    switcher = {a["hreflang"]: a["href"] for a in english.select(".language-switcher a")}
    assert switcher[code] == f"/{code}/not-translated/?page={story.pk}"
    alternates = {link["hreflang"] for link in english.select("link[rel=alternate][hreflang]")}
    assert code not in alternates


def test_the_translator_publishing_puts_the_page_live(
    editor, translator, client, committing, locales
):
    story = new_english_story(locales)
    submit_page(editor, committing, story, "fr", locales=locales)
    draft = story.get_translation(locales["fr"])
    translation = translation_for(draft)
    put_segment(translator, translation, TITLE, "Une bibliothèque rouvre à Mossoul")
    with committing():
        response = translator.post(f"/admin/pages/{draft.pk}/edit/", {"action": "publish"})
    assert response.status_code in (200, 302)
    draft.refresh_from_db()
    assert draft.live
    assert "Une bibliothèque rouvre à Mossoul" in text_of(client.get("/fr/"))


def test_a_subtree_submitted_for_translation_is_drafts_only(editor, committing, locales):
    english_news = NewsIndexPage.objects.get(locale=locales["en"])
    english_news.get_translation(locales["fr"]).delete()  # a section not yet in French
    submit_page(editor, committing, english_news, "fr", locales=locales, subtree=True)
    french = [page.get_translation(locales["fr"]) for page in english_news.get_descendants(True)]
    assert len(french) > 1
    assert [page.title for page in french if page.live] == []
    assert [page.title for page in french if page.alias_of_id] == []


def test_a_page_whose_section_is_not_in_french_brings_the_section_as_a_draft(
    editor, committing, locales
):
    english_news = NewsIndexPage.objects.get(locale=locales["en"])
    english_news.get_translation(locales["fr"]).delete()
    article = english_news.get_children().first()
    submit_page(editor, committing, article, "fr", locales=locales)
    french_news = english_news.get_translation(locales["fr"])
    assert french_news.alias_of_id is None  # a translation to make, not the English page itself
    assert not french_news.live
    assert not article.get_translation(locales["fr"]).live


def test_updating_translations_keeps_the_live_french_text_and_saves_a_draft(
    editor, client, committing, locales
):
    english = StoryPage.objects.get(locale=locales["en"], slug="zahra-draws-again-raqqa")
    french = english.get_translation(locales["fr"])
    live_revision, french_standfirst = french.live_revision_id, french.standfirst
    english.standfirst = NEW_STANDFIRST
    english.save_revision().publish()

    # "Publish immediately" from a stale or forged form does not publish either.
    sync(editor, committing, english, publish_translations="on")

    french.refresh_from_db()
    assert french.live and french.live_revision_id == live_revision
    assert french.standfirst == french_standfirst
    page = text_of(client.get(french.url))
    assert french_standfirst in page and NEW_STANDFIRST not in page
    # The update waits for the translator as a draft revision.
    assert french.has_unpublished_changes
    assert french.get_latest_revision_as_object().standfirst == NEW_STANDFIRST


def test_submitting_a_page_leaves_the_live_translations_of_its_snippets_alone(
    editor, client, committing, locales
):
    nato = Partner.objects.get(locale=locales["en"], name="NATO")
    french_nato = nato.get_translation(locales["fr"])
    french_summary = french_nato.summary
    nato.summary = "NATO joined the Coalition as an organisation in 2017."
    nato.save()
    sync(editor, committing, nato)  # the English change is now awaiting translators

    index = PartnerIndexPage.objects.get(locale=locales["en"])
    spotlight = PartnerPage(
        title="NATO trains Iraqi forces",
        slug="nato-trains",
        partner=nato,
        standfirst="Training missions since 2018.",
        date=datetime.date(2030, 1, 1),
    )
    index.add_child(instance=spotlight)
    spotlight.save_revision().publish()
    submit_page(editor, committing, spotlight, "fr", locales=locales)

    french_nato.refresh_from_db()
    assert french_nato.summary == french_summary
    listing = text_of(client.get(index.get_translation(locales["fr"]).url))
    assert french_summary in listing
    assert "as an organisation in 2017" not in listing


def submit_snippet(client, committing, snippet, code, locales):
    meta = snippet._meta
    with committing():
        response = client.post(
            f"/admin/localize/submit/snippet/{meta.app_label}/{meta.model_name}/{snippet.pk}/",
            {"locales": [locales[code].pk]},
        )
    assert response.status_code == 302, response.content
    return snippet.get_translation(locales[code])


def publish_snippet_translation(client, committing, snippet):
    meta = snippet._meta
    with committing():
        response = client.post(
            f"/admin/snippets/{meta.app_label}/{meta.model_name}/edit/{snippet.pk}/",
            {"action": "publish"},
        )
    assert response.status_code == 302, response.content


def test_a_partner_submitted_for_translation_is_shown_once_a_translator_publishes_it(
    editor, translator, client, committing, locales
):
    partner = Partner(locale=locales["en"], name="Atlantis", summary="Atlantis trains engineers.")
    partner.save()
    partner.save_revision().publish()
    french_index = PartnerIndexPage.objects.get(locale=locales["fr"])
    count_before = text_of(client.get(french_index.url))

    french = submit_snippet(editor, committing, partner, "fr", locales)
    listing = text_of(client.get(french_index.url))
    assert "Atlantis" not in listing
    assert listing == count_before  # the partner count too

    translation = translation_for(french)
    put_segment(translator, translation, "Atlantis trains engineers.", "L’Atlantide forme.")
    publish_snippet_translation(translator, committing, french)
    assert "L’Atlantide forme." in text_of(client.get(french_index.url))


def test_a_social_post_submitted_for_translation_is_not_on_the_french_home_page(
    editor, translator, client, committing, locales
):
    post = SocialPost(
        locale=locales["en"], text="Bridges rebuilt in Raqqa.", posted_on=datetime.date(2031, 1, 1)
    )
    post.save()
    post.save_revision().publish()
    french = submit_snippet(editor, committing, post, "fr", locales)
    assert "Bridges rebuilt in Raqqa." not in text_of(client.get("/fr/"))

    put_segment(translator, translation_for(french), post.text, "Des ponts reconstruits.")
    publish_snippet_translation(translator, committing, french)
    assert "Des ponts reconstruits." in text_of(client.get("/fr/"))


def test_a_topic_reads_in_french_only_once_the_translator_publishes_its_name(
    editor, translator, client, committing, locales
):
    english = TopicName.objects.get(locale=locales["en"], name="heritage")
    french = english.get_translation(locales["fr"])
    english.name = "cultural heritage"
    english.save_revision().publish()
    sync(editor, committing, english)
    story = StoryPage.objects.get(locale=locales["fr"], tags__name="heritage")
    assert "patrimoine" in text_of(client.get(story.url))

    put_segment(translator, translation_for(french), "cultural heritage", "héritage culturel")
    assert "héritage culturel" not in text_of(client.get(story.url))  # not published yet
    publish_snippet_translation(translator, committing, french)
    assert "héritage culturel" in text_of(client.get(story.url))


def test_demo_translations_are_live(demo, locales):
    for code in ("fr", "ar"):
        pages = Page.objects.filter(locale=locales[code], depth__gt=1)
        assert pages.exists() and not pages.not_live().exists()
        for model in (Partner, SocialPost, TopicName):
            assert not model.objects.filter(locale=locales[code], live=False).exists()
