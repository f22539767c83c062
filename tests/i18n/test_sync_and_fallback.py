"""Keeping translations in step with the English source, and the fallback rule: a page that is not
translated into a language is not shown in that language at all (never a mix of languages)."""

from __future__ import annotations

import datetime

from bs4 import BeautifulSoup
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from stories.models import StoryIndexPage, StoryPage

from .conftest import translation_for

NEW_STANDFIRST = "Zahra now teaches drawing to younger children in her street."


def test_changed_english_string_shows_as_needing_translation_for_french(
    admin_client, locales, client
):
    english = StoryPage.objects.get(locale=locales["en"], slug="zahra-draws-again-raqqa")
    french = english.get_translation(locales["fr"])
    translation = translation_for(french)
    total, done = translation.get_progress()
    # (The demo leaves one segment as the source on purpose: a quote's attribution, a name.)

    english.standfirst = NEW_STANDFIRST
    english.save_revision().publish()
    source = TranslationSource.objects.get(object_id=english.translation_key)
    response = admin_client.post(f"/admin/localize/update/{source.pk}/", {})
    assert response.status_code == 302

    # The translator's editor now counts one untranslated segment: the new standfirst.
    total_after, done_after = translation.get_progress()
    assert total_after == total
    assert done_after == done - 1
    segment = StringSegment.objects.get(source=source, string__data=NEW_STANDFIRST)
    assert not segment.string.translations.filter(locale=locales["fr"]).exists()
    editor = admin_client.get(f"/admin/pages/{french.pk}/edit/").content.decode()
    assert NEW_STANDFIRST in editor
    # Visitors keep reading the published French text, not the English change.
    page = BeautifulSoup(client.get(french.url).content, "html.parser").get_text(" ")
    assert NEW_STANDFIRST not in page
    assert french.standfirst in page


def test_page_submitted_for_translation_is_not_shown_in_french_until_translated(
    admin_client, locales, client, django_capture_on_commit_callbacks
):
    index = StoryIndexPage.objects.get(locale=locales["en"])
    story = StoryPage(
        title="A library reopens in Mosul",
        slug="library-reopens-mosul",
        standfirst="The university library reopened its doors to students.",
        date=datetime.date(2024, 3, 1),
    )
    index.add_child(instance=story)
    story.save_revision().publish()

    # wagtail-localize publishes on commit: run those callbacks, as a real request would.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/localize/submit/page/{story.pk}/", {"locales": [locales["fr"].pk]}
        )
    assert response.status_code == 302
    assert Translation.objects.filter(
        source__object_id=story.translation_key, target_locale=locales["fr"]
    ).exists()
    french = story.get_translation(locales["fr"])
    assert not french.live  # a draft for the translator, English words inside

    listing = BeautifulSoup(client.get("/fr/").content, "html.parser").get_text(" ")
    assert "A library reopens in Mosul" not in listing
    french_index = index.get_translation(locales["fr"])
    listing = BeautifulSoup(client.get(french_index.url).content, "html.parser").get_text(" ")
    assert "A library reopens in Mosul" not in listing
    assert client.get(french.url or "/fr/recits/library-reopens-mosul/").status_code == 404

    english_page = BeautifulSoup(client.get(story.url).content, "html.parser")
    links = {a["hreflang"]: a["href"] for a in english_page.select(".language-switcher a")}
    # the "not yet translated" page, never the untranslated draft
    assert links["fr"] == f"/fr/not-translated/?page={story.pk}"
    alternates = {link["hreflang"] for link in english_page.select("link[rel=alternate][hreflang]")}
    assert alternates == {"en", "x-default"}


def test_sync_with_publish_immediately_does_not_publish_english_into_french(
    admin_client, locales, client, django_capture_on_commit_callbacks
):
    english = StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")
    french = english.get_translation(locales["fr"])
    english.standfirst = NEW_STANDFIRST
    english.save_revision().publish()
    source = TranslationSource.objects.get(object_id=english.translation_key)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"}
        )
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("not published" in message for message in messages), messages
    page = BeautifulSoup(client.get(french.url).content, "html.parser").get_text(" ")
    assert NEW_STANDFIRST not in page
    # ...and the translator's editor shows the new sentence to translate.
    total, done = translation_for(french).get_progress()
    assert done == total - 1
