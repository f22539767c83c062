"""A visitor switches language on a story that is not translated into it: a page in that
language says so and offers its home and the original; right to left in Arabic."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from wagtail.models import Locale

from stories.models import StoryPage

from .conftest import PHONE


def test_visitor_switching_to_an_untranslated_language_is_told_and_offered_ways_on(
    demo_server, page, screenshot
):
    story = StoryPage.objects.get(locale__language_code="en", slug="mosul-blacksmith-market")
    story.get_translation(Locale.objects.get(language_code="ar")).unpublish()

    page.goto(demo_server.url + story.url)
    page.locator(".language-switcher a[hreflang=ar]").click()
    expect(page).to_have_url(re.compile(rf"/ar/not-translated/\?page={story.pk}$"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("main h1")).to_have_text("لم تُترجم بعد")
    original = page.locator("main a[hreflang=en]")
    expect(original).to_have_text(story.title)
    # The English title runs left to right inside the Arabic sentence.
    assert original.evaluate("a => getComputedStyle(a).direction") == "ltr"
    assert page.evaluate("getComputedStyle(document.querySelector('main')).direction") == "rtl"
    screenshot(page, "not-translated-ar-desktop")
    page.set_viewport_size(PHONE)
    screenshot(page, "not-translated-ar-phone")

    original.click()
    expect(page).to_have_url(re.compile(re.escape(story.url) + "$"))
    expect(page.locator("h1")).to_have_text(story.title)
