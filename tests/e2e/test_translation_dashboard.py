"""An Arabic translator finds work on the admin home, follows the panel into the dashboard,
sees only the Arabic column, submits a story for Arabic from its cell with the keyboard and
opens the translation editor from the same cell."""

from __future__ import annotations

import datetime
import re

from playwright.sync_api import expect

from stories.models import StoryIndexPage, StoryPage
from translation.translators import ensure_translator_user

from .conftest import sign_in_to_admin

PASSWORD = "translator-pass-1"  # noqa: S105 (test user)
TITLE = "A water station opens in Dohuk"


def test_arabic_translator_goes_from_the_panel_to_the_grid_and_submits_a_cell(
    demo_server, page, screenshot
):
    ensure_translator_user("ar", "translator-ar-e2e", PASSWORD)
    index = StoryIndexPage.objects.get(locale__language_code="en")
    story = StoryPage(
        title=TITLE,
        slug="water-station-dohuk",
        standfirst="Clean water for 4000 families.",
        date=datetime.date(2030, 1, 1),
    )
    index.add_child(instance=story)
    story.save_revision().publish()

    sign_in_to_admin(page, demo_server.url, "translator-ar-e2e", PASSWORD)
    panel = page.locator(".translations-waiting")
    waiting = re.compile(r"\d+ pages? and \d+ snippets? wait for Arabic")
    link = panel.get_by_role("link", name=waiting)
    expect(link).to_have_count(1)
    expect(panel).not_to_contain_text("French")
    link.click()

    expect(page).to_have_url(re.compile(r"/admin/translations/\?.*locale=ar"))
    grid = page.locator("table.translation-grid")
    expect(grid.locator("thead th", has_text="Arabic")).to_have_count(1)
    expect(grid.locator("thead th", has_text="French")).to_have_count(0)

    row = grid.locator("tbody tr").filter(has=page.get_by_role("rowheader", name=TITLE))
    cell = row.locator('td[data-locale="ar"]')
    expect(cell).to_contain_text("Not translated")
    screenshot(page, "translation-dashboard-ar")

    submit = cell.get_by_role("button", name="Submit")
    submit.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("submitted for translation into Arabic")
    cell = (
        page.locator("table.translation-grid tbody tr")
        .filter(has=page.get_by_role("rowheader", name=TITLE))
        .locator('td[data-locale="ar"]')
    )
    expect(cell).to_contain_text(re.compile(r"Draft, \d+ % translated"))

    cell.get_by_role("link", name="Open editor").click()
    arabic = story.get_translation(story.locale.__class__.objects.get(language_code="ar"))
    expect(page).to_have_url(re.compile(rf"/admin/pages/{arabic.pk}/edit/"))
    expect(page.get_by_role("button", name="Publish in Arabic")).to_be_visible()
    assert not StoryPage.objects.get(pk=arabic.pk).live  # a draft until published
