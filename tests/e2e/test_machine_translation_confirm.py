"""wagtail-localize's "Translate with …" fills the page with machine text the moment it is
clicked; our editor script asks first. Dismissed, nothing changes; accepted, it proceeds."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from stories.models import StoryPage
from translation.translators import ensure_translator_user

from .conftest import sign_in_to_admin

PASSWORD = "translator-pass-1"  # noqa: S105 (test user)


def test_machine_translation_asks_before_filling_the_page(demo_server, page, screenshot):
    ensure_translator_user("fr", "translator-fr-mt", PASSWORD)
    french_locale = Locale.objects.get(language_code="fr")
    english = StoryPage.objects.get(locale__language_code="en", slug="zahra-draws-again-raqqa")
    french = english.get_translation(french_locale)
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=french_locale
    )
    standfirst = StringSegment.objects.get(source=translation.source, context__path="standfirst")
    untranslated = StringTranslation.objects.filter(
        translation_of=standfirst.string, context=standfirst.context, locale=french_locale
    )
    untranslated.delete()  # one segment left for the machine
    before = dict(StringTranslation.objects.filter(locale=french_locale).values_list("pk", "data"))

    sign_in_to_admin(page, demo_server.url, "translator-fr-mt", PASSWORD)
    page.goto(f"{demo_server.url}/admin/pages/{french.pk}/edit/")
    button = page.get_by_role("button", name=re.compile("Translate with"))
    asked = []

    def dismiss(dialog):
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    button.click()
    page.wait_for_timeout(1000)  # time for a submission, had one been let through
    assert asked and "machine translation" in asked[0]
    expect(page.get_by_text("Successfully translated")).to_have_count(0)
    assert not untranslated.exists()
    assert (
        dict(StringTranslation.objects.filter(locale=french_locale).values_list("pk", "data"))
        == before
    )

    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        button.click()
    expect(page.locator(".messages")).to_contain_text("Successfully translated with")
    assert untranslated.exists()
    screenshot(page, "translator-machine-translated")
