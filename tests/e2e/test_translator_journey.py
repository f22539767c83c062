"""A French translator at work in the browser: wagtail-localize's editor, publish, see it on /fr/;
and the Arabic page's editor stays closed to them."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from stories.models import StoryPage
from translation.translators import ensure_translator_user

from .conftest import sign_in_to_admin

PASSWORD = "translator-pass-1"  # noqa: S105 (test user)
SOURCE_STANDFIRST = "Zahra, who is both deaf and mute, is able to show her love and talent"
NEW_STANDFIRST = "Zahra, sourde et muette, dessine de nouveau chaque jour depuis la libération."
EMBED_ADDRESS = "https://www.youtube.com/watch?v=demoZahra01"


def test_french_translator_translates_a_story_and_publishes_it(demo_server, page, screenshot):
    ensure_translator_user("fr", "translator-fr-e2e", PASSWORD)
    english = StoryPage.objects.get(locale__language_code="en", slug="zahra-draws-again-raqqa")
    french = english.get_translation(english.locale.__class__.objects.get(language_code="fr"))
    arabic = english.get_translation(english.locale.__class__.objects.get(language_code="ar"))

    sign_in_to_admin(page, demo_server.url, "translator-fr-e2e", PASSWORD)
    page.goto(f"{demo_server.url}/admin/pages/{french.pk}/edit/")
    segment = page.locator("li.complete, li.incomplete").filter(has_text=SOURCE_STANDFIRST)
    expect(segment).to_have_count(1)
    segment.get_by_role("button", name="Edit").click()
    segment.locator("textarea").fill(NEW_STANDFIRST)
    # Publishing before the editor's save has reached the server would publish the old text:
    # wait for the save's answer, not for the "Saving..." label (absent until the save starts).
    with page.expect_response(
        lambda response: "/strings/" in response.url and response.request.method != "GET"
    ) as saved:
        segment.get_by_role("button", name="Save").click()
    assert saved.value.ok, saved.value.status
    expect(segment.locator("p").last).to_have_text(NEW_STANDFIRST)
    expect(page.get_by_text("Saving...")).to_have_count(0)
    screenshot(page, "translator-fr-editor")

    page.get_by_role("button", name="Publish in French").click()
    expect(page.locator(".messages")).to_contain_text(re.compile(r"Published .* in French"))

    page.goto(demo_server.url + french.url)
    expect(page.locator(".story__standfirst")).to_have_text(NEW_STANDFIRST)

    # The Arabic story's editor is closed to a French translator.
    page.goto(f"{demo_server.url}/admin/pages/{arabic.pk}/edit/")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator(".messages")).to_contain_text("permission")
    french.refresh_from_db()
    assert french.standfirst == NEW_STANDFIRST


def test_translator_sees_why_a_script_address_is_refused(demo_server, page, screenshot):
    ensure_translator_user("fr", "translator-fr-e2e", PASSWORD)
    english = StoryPage.objects.get(locale__language_code="en", slug="zahra-draws-again-raqqa")
    french = english.get_translation(english.locale.__class__.objects.get(language_code="fr"))

    sign_in_to_admin(page, demo_server.url, "translator-fr-e2e", PASSWORD)
    page.goto(f"{demo_server.url}/admin/pages/{french.pk}/edit/")
    # wagtail-localize lets a translator point a link or embed at another address.
    segment = page.locator("li").filter(has_text="Address of the video").last
    segment.get_by_role("button", name="Edit").click()
    segment.locator("textarea, input[type=text]").first.fill("javascript:alert(document.cookie)")
    with page.expect_response(
        lambda response: "/overrides/" in response.url and response.request.method == "PUT"
    ) as answered:
        segment.get_by_role("button", name="Save").click()
    assert answered.value.ok
    expect(segment).to_contain_text("This address is not allowed")
    expect(segment.locator(".icon-warning")).to_have_count(1)
    expect(segment.locator("p").first).to_have_text(EMBED_ADDRESS)
    screenshot(page, "translator-override-refused")

    page.reload()
    segment = page.locator("li").filter(has_text="Address of the video").last
    expect(segment).to_contain_text(EMBED_ADDRESS)
    expect(segment).not_to_contain_text("javascript:")
