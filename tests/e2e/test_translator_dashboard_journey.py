"""translator-fr's round, as issue #17 describes it: the dashboard filtered to "Outdated" in
French shows a story whose English changed after its French version went live; Sync brings
the new English into the French draft; the translation editor's "Next untranslated" (by key)
goes to the one new segment; the translator types it, saves, publishes, and back on the
dashboard the cell says "Up to date"."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from stories.models import StoryPage
from tests.translation.conftest import new_story
from translation.translators import ensure_translator_user

from .conftest import sign_in_to_admin

PASSWORD = "translator-pass-1"  # noqa: S105 (test user)
TITLE = "A bakery reopens in Tal Afar"
CHANGED = "The bakery now bakes for the school next door as well."


def _live_french_then_english_changes() -> StoryPage:
    french = Locale.objects.get(language_code="fr")
    story = new_story({"en": Locale.objects.get(language_code="en")}, TITLE, "bakery-tal-afar")
    source, _created = TranslationSource.get_or_create_from_instance(story)
    translation = Translation.objects.create(source=source, target_locale=french)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=french,
            context=segment.context,
            data="[fr] " + segment.string.data,
        )
    translation.save_target(publish=True)
    story.refresh_from_db()
    story.standfirst = CHANGED
    story.save_revision().publish()
    return story


def _cell(page):
    return (
        page.locator("table.translation-grid tbody tr")
        .filter(has=page.get_by_role("rowheader", name=TITLE))
        .locator('td[data-locale="fr"]')
    )


def test_translator_filters_outdated_syncs_translates_the_new_segment_and_publishes(
    demo_server, page, screenshot
):
    ensure_translator_user("fr", "translator-fr-round", PASSWORD)
    _live_french_then_english_changes()

    sign_in_to_admin(page, demo_server.url, "translator-fr-round", PASSWORD)
    page.goto(f"{demo_server.url}/admin/translations/")
    page.get_by_label("Status").select_option("outdated")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"status=outdated"))
    cell = _cell(page)
    expect(cell).to_contain_text("Outdated")
    expect(cell).to_contain_text("source changed")
    screenshot(page, "translation-dashboard-outdated-fr")

    cell.get_by_role("button", name="Sync").click()
    expect(page.locator(".messages")).to_be_visible()
    cell = _cell(page)
    expect(cell).to_contain_text("Outdated")  # the live French is unchanged until published
    cell.get_by_role("link", name="Open editor").click()

    help_panel = page.get_by_role("region", name="Translation progress")
    expect(help_panel.get_by_role("status")).to_have_text("1 segment left")
    page.keyboard.press("Alt+Shift+N")
    field = page.locator("li").filter(has=page.locator("xpath=./p", has_text=CHANGED))
    expect(field.locator("textarea")).to_be_focused()
    page.keyboard.type("La boulangerie cuit désormais aussi pour l’école voisine.")
    with page.expect_response(
        lambda response: "/strings/" in response.url and response.request.method != "GET"
    ) as saved:
        field.get_by_role("button", name="Save").click()
    assert saved.value.ok, saved.value.status
    expect(help_panel.get_by_role("status")).to_have_text("Every segment is translated.")
    page.get_by_role("button", name="Publish in French").click()
    expect(page.locator(".messages")).to_contain_text(re.compile(r"Published .* in French"))

    page.goto(f"{demo_server.url}/admin/translations/?locale=fr&status=up_to_date&order=changed")
    expect(_cell(page)).to_contain_text("Up to date")
    screenshot(page, "translation-dashboard-up-to-date-fr")
