"""A translation goes live only when a translator publishes it, followed in the browser: an editor
submits an English story for translation, visitors find no French version anywhere until the
French translator publishes it; the editor changes the English and syncs, and the live French
page keeps its French text until the translator publishes again."""

from __future__ import annotations

import datetime
import re

import pytest
from playwright.sync_api import expect

from stories.models import StoryIndexPage, StoryPage
from translation.translators import ensure_translator_user

from .conftest import sign_in_to_admin

PASSWORD = "drafts-e2e-pass-1"  # noqa: S105 (test users)
TITLE = "A library reopens in Mosul"
STANDFIRST = "The university library reopened its doors to students."
FRENCH_TITLE = "Une bibliothèque rouvre à Mossoul"
FRENCH_STANDFIRST = "La bibliothèque universitaire a rouvert ses portes aux étudiants."
NEW_STANDFIRST = "Students queue at dawn to borrow the first books returned to the shelves."
NEW_FRENCH_STANDFIRST = "Dès l’aube, les étudiants font la queue pour emprunter les livres."


@pytest.fixture
def sessions(browser, demo_server):
    """Three browsers side by side: the English editor, the French translator, a visitor."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    if not User.objects.filter(username="drafts-editor").exists():
        User.objects.create_superuser("drafts-editor", "editor@example.com", PASSWORD)
    ensure_translator_user("fr", "drafts-translator", PASSWORD)
    contexts = [browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(3)]
    pages = [context.new_page() for context in contexts]
    for page in pages:
        page.set_default_timeout(15_000)
    # The visitor's browser must ask the server each time: pages carry Cache-Control max-age.
    cdp = contexts[2].new_cdp_session(pages[2])
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    yield pages
    for context in contexts:
        context.close()


def english_story() -> StoryPage:
    index = StoryIndexPage.objects.get(locale__language_code="en")
    story = StoryPage(
        title=TITLE,
        slug="library-reopens-mosul",
        standfirst=STANDFIRST,
        date=datetime.date(2030, 1, 1),
    )
    index.add_child(instance=story)
    story.save_revision().publish()
    return story


def translate_segment(page, source_text: str, translation: str) -> None:
    """Type a translation into wagtail-localize's editor and wait until the server has it."""
    segment = page.locator("li.complete, li.incomplete").filter(has_text=source_text)
    expect(segment).to_have_count(1)
    segment.get_by_role("button", name=re.compile("Edit|Translate")).click()
    segment.locator("textarea").fill(translation)
    with page.expect_response(
        lambda response: "/strings/" in response.url and response.request.method != "GET"
    ) as saved:
        segment.get_by_role("button", name="Save").click()
    assert saved.value.ok, saved.value.status


def visitor_finds(visitor, base_url: str, text: str, french_path: str) -> dict[str, bool]:
    """Where a visitor meets ``text`` (for the sitemap: the French address)."""
    found = {}
    response = visitor.goto(base_url + french_path)
    found["page"] = response.status == 200 and text in visitor.locator("body").inner_text()
    for name, path in [
        ("home", "/fr/"),
        ("listing", StoryIndexPage.objects.get(locale__language_code="fr").url),
        ("feed", "/fr/feeds/stories/"),
        ("search", "/fr/search/?q=Mossoul+bibliothèque"),
    ]:
        visitor.goto(base_url + path)
        # Read as shown (search results mark the matched words inside the title).
        found[name] = text in visitor.locator("body").inner_text()
    visitor.goto(base_url + "/sitemap.xml")
    found["sitemap"] = french_path in visitor.content()
    return found


def switcher_target(visitor, base_url: str, english_path: str) -> str:
    visitor.goto(base_url + english_path)
    return visitor.locator(".language-switcher a[hreflang=fr]").get_attribute("href")


def test_a_translation_goes_live_only_when_the_translator_publishes_it(
    demo_server, sessions, screenshot
):
    editor, translator, visitor = sessions
    base = demo_server.url
    story = english_story()

    # The editor submits the English story for translation into French, in the admin.
    sign_in_to_admin(editor, base, "drafts-editor", PASSWORD)
    editor.goto(f"{base}/admin/pages/{story.pk}/edit/")
    editor.get_by_role("button", name="Actions", exact=True).click()
    editor.get_by_role("link", name="Translate this page").click()
    editor.get_by_label("French").check()
    screenshot(editor, "translation-drafts-submit")
    editor.get_by_role("button", name="Submit").click()
    expect(editor.locator(".messages")).to_contain_text("submitted for translation")

    french = story.get_translation(story.locale.__class__.objects.get(language_code="fr"))
    french_path = french.get_url()
    assert not french.live
    assert visitor.goto(base + french_path).status == 404
    assert visitor_finds(visitor, base, TITLE, french_path) == dict.fromkeys(
        ["page", "home", "listing", "feed", "search", "sitemap"], False
    )
    assert switcher_target(visitor, base, story.url) == f"/fr/not-translated/?page={story.pk}"

    # The French translator translates it in wagtail-localize's editor and publishes.
    sign_in_to_admin(translator, base, "drafts-translator", PASSWORD)
    translator.goto(f"{base}/admin/pages/{french.pk}/edit/")
    translate_segment(translator, TITLE, FRENCH_TITLE)
    translate_segment(translator, STANDFIRST, FRENCH_STANDFIRST)
    translator.get_by_role("button", name="Publish in French").click()
    expect(translator.locator(".messages")).to_contain_text(re.compile(r"Published .* in French"))
    french.refresh_from_db()
    french_path = french.get_url()
    assert visitor_finds(visitor, base, FRENCH_TITLE, french_path) == dict.fromkeys(
        ["page", "home", "listing", "feed", "search", "sitemap"], True
    )
    assert switcher_target(visitor, base, story.url) == french_path
    screenshot(visitor, "translation-drafts-published-fr")

    # The editor changes the English standfirst, publishes, and syncs the translations.
    editor.goto(f"{base}/admin/pages/{story.pk}/edit/")
    editor.get_by_role("textbox", name="Standfirst").fill(NEW_STANDFIRST)
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Publish").click()
    expect(editor.locator(".messages")).to_contain_text("published")
    editor.goto(f"{base}/admin/pages/{story.pk}/edit/")
    editor.get_by_role("button", name="Actions", exact=True).click()
    editor.get_by_role("link", name="Sync translated pages").click()
    expect(editor.get_by_label("Publish immediately")).to_have_count(0)
    screenshot(editor, "translation-drafts-sync")
    editor.get_by_role("button", name="Submit").click()
    expect(editor.locator(".messages")).to_contain_text("updated translations")

    # Visitors still read the French text; the update waits for the translator as a draft.
    french.refresh_from_db()
    live_revision = french.live_revision_id
    visitor.goto(base + french_path)
    expect(visitor.locator(".story__standfirst")).to_have_text(FRENCH_STANDFIRST)
    assert french.has_unpublished_changes

    translator.goto(f"{base}/admin/pages/{french.pk}/edit/")
    translate_segment(translator, NEW_STANDFIRST, NEW_FRENCH_STANDFIRST)
    visitor.goto(base + french_path)
    expect(visitor.locator(".story__standfirst")).to_have_text(FRENCH_STANDFIRST)
    translator.get_by_role("button", name="Publish in French").click()
    expect(translator.locator(".messages")).to_contain_text(re.compile(r"Published .* in French"))
    visitor.goto(base + french_path)
    expect(visitor.locator(".story__standfirst")).to_have_text(NEW_FRENCH_STANDFIRST)
    french.refresh_from_db()
    assert french.live_revision_id != live_revision
