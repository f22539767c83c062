"""An editor checks a story before publishing: the page editor's side-by-side preview shows the
story, and the Checks panel (accessibility, word count, reading time) reads that preview.

Both need the preview's document inside the editor's iframe: framing refused (the public site's
``frame-ancestors 'none'``) leaves the panel blank and Checks counting nothing.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from stories.models import StoryPage
from tests.e2e.conftest import DESKTOP, PHONE

from .conftest import sign_in_to_admin

PASSWORD = "preview-editor-pass-1"  # noqa: S105 (test user)
# The preview is rendered on demand (form posted, then the frame loaded) and the checks run after
# it: on a busy two-core machine that takes longer than expect()'s default five seconds.
SLOW = 30_000

# The editor learns that the checker inside the preview is ready from a message the preview
# posts to it; record it so the test knows the accessibility checker really started.
RECORD_CHECKER_READY = """
if (window === window.top) {
  window.checkerReady = false;
  window.addEventListener("message", (event) => {
    if (event.data && event.data.wagtail && event.data.wagtail.type === "w-userbar:axe-ready") {
      window.checkerReady = true;
    }
  });
}
"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_editor_previews_a_story_and_reads_its_checks(
    demo_server, page, screenshot, django_user_model, viewport
):
    django_user_model.objects.create_superuser("preview-editor", "editor@example.com", PASSWORD)
    story = StoryPage.objects.get(locale__language_code="en", slug="four-schools-dohuk")
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text or "frame" in message.text.lower()
            else None
        ),
    )
    page.add_init_script(RECORD_CHECKER_READY)
    page.set_viewport_size(viewport)
    name = "phone" if viewport is PHONE else "desktop"

    sign_in_to_admin(page, demo_server.url, "preview-editor", PASSWORD)
    page.goto(f"{demo_server.url}/admin/pages/{story.pk}/edit/")
    page.get_by_role("button", name="Toggle preview").click()
    frame = page.frame_locator("#w-preview-iframe")
    expect(frame.locator("h1")).to_contain_text(story.title, timeout=SLOW)
    screenshot(page, f"editor-preview-{name}")

    page.get_by_role("button", name="Toggle checks").click()
    words = page.locator("[data-content-word-count]")
    expect(words).to_have_text(re.compile(r"^\d[\d,]*$"), timeout=SLOW)
    assert int(words.inner_text().replace(",", "")) > 50
    expect(page.locator("[data-content-reading-time]")).to_have_text(re.compile(r"\d+ min"))
    page.wait_for_function("window.checkerReady === true", timeout=SLOW)
    expect(page.locator("[data-content-checker-count]").first).to_have_text(re.compile(r"^\d+$"))
    screenshot(page, f"editor-checks-{name}")
    assert not refused, refused
