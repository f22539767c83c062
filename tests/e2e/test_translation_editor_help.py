"""translator-fr in wagtail-localize's editor with our help: a remaining-segment counter,
"Next untranslated" by key and button, and labels that name the field inside a gallery and a
scrollytelling block."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from stories.models import StoryPage
from translation.translators import ensure_translator_user

from .conftest import PHONE, sign_in_to_admin

PASSWORD = "translator-pass-1"  # noqa: S105 (test user)
ALT_TEXT = "Green and blue lines like a river between trees"
STEP_TEXT = "For three years, paper and crayons were hidden away."


def untranslate(translation: Translation, locale: Locale, source_text: str):
    segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
    found = StringTranslation.objects.filter(
        translation_of=segment.string, context=segment.context, locale=locale
    )
    found.delete()
    return found


def segment(page, source_text: str):
    """The editor's <li> for the segment whose English text is ``source_text``."""
    return page.locator("li").filter(has=page.locator("xpath=./p", has_text=source_text))


def save(page, source_text: str) -> None:
    """Press the segment's Save and wait until the server has answered."""
    with page.expect_response(
        lambda response: "/strings/" in response.url and response.request.method != "GET"
    ) as saved:
        segment(page, source_text).get_by_role("button", name="Save").click()
    assert saved.value.ok, saved.value.status


def test_translator_jumps_to_untranslated_segments_and_sees_the_count_drop(
    demo_server, page, screenshot
):
    ensure_translator_user("fr", "translator-fr", PASSWORD)
    french_locale = Locale.objects.get(language_code="fr")
    english = StoryPage.objects.get(locale__language_code="en", slug="zahra-draws-again-raqqa")
    french = english.get_translation(french_locale)
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=french_locale
    )
    alt_text_translation = untranslate(translation, french_locale, ALT_TEXT)
    untranslate(translation, french_locale, STEP_TEXT)

    # Jumps then scroll at once (no smooth scrolling), as for readers who ask for less motion.
    page.emulate_media(reduced_motion="reduce")
    sign_in_to_admin(page, demo_server.url, "translator-fr", PASSWORD)
    page.goto(f"{demo_server.url}/admin/pages/{french.pk}/edit/")
    help_panel = page.get_by_role("region", name="Translation progress")
    counter = help_panel.get_by_role("status")
    expect(counter).to_have_text("2 segments left")
    expect(help_panel).to_contain_text("Alt+Shift+N")

    # The field each segment comes from, not the list's name ("Images", "Steps").
    expect(segment(page, ALT_TEXT).locator("xpath=./h4")).to_have_text(
        "Gallery image 2 › Alternative text"
    )
    expect(segment(page, "Her classmates.").locator("xpath=./h4")).to_have_text(
        "Gallery image 3 › Caption"
    )
    expect(segment(page, STEP_TEXT).locator("xpath=./h4")).to_have_text("Step 1 › Text")
    expect(segment(page, "Zahra’s drawings").locator("xpath=./h4")).to_have_text("Title")

    # Next, by key: the first untranslated segment opens, scrolled to, its text field focused.
    page.keyboard.press("Alt+Shift+N")
    expect(segment(page, ALT_TEXT).locator("textarea")).to_be_focused()
    expect(segment(page, ALT_TEXT).locator("textarea")).to_be_in_viewport()
    # Not hidden by the panel once the scrolling has settled (wagtail-localize scrolls too).
    segment(page, ALT_TEXT).locator("textarea").evaluate(
        """(field) => new Promise((resolve, reject) => {
            const panel = document.querySelector(".translation-help");
            const deadline = Date.now() + 3000;
            (function check() {
                if (field.getBoundingClientRect().bottom < panel.getBoundingClientRect().top) {
                    resolve(true);
                } else if (Date.now() > deadline) {
                    reject(new Error("the field stays under the panel"));
                } else {
                    setTimeout(check, 50);
                }
            })();
        })"""
    )
    screenshot(page, "translation-editor-help-next")
    page.keyboard.type("Des traits verts et bleus, comme une rivière entre les arbres")
    save(page, ALT_TEXT)
    expect(counter).to_have_text("1 segment left")
    assert list(alt_text_translation.values_list("data", flat=True)) == [
        "Des traits verts et bleus, comme une rivière entre les arbres"
    ]

    # Next, by button, goes on to the step; Previous wraps round to it, the only one left.
    help_panel.get_by_role("button", name="Next untranslated").click()
    expect(segment(page, STEP_TEXT).locator("textarea")).to_be_focused()
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("Alt+Shift+P")
    expect(segment(page, STEP_TEXT).locator("textarea")).to_be_focused()
    page.keyboard.type("Pendant trois ans, papier et crayons sont restés cachés.")
    save(page, STEP_TEXT)
    expect(counter).to_have_text("Every segment is translated.")
    screenshot(page, "translation-editor-help-done")

    page.set_viewport_size(PHONE)
    expect(help_panel).to_be_in_viewport()
    screenshot(page, "translation-editor-help-phone")
    expect(page.get_by_role("button", name=re.compile("Publish"))).to_have_count(1)
