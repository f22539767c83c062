"""A visitor reads the site in a browser: home, a story, another language, on desktop and phone."""

import re

from playwright.sync_api import expect

from .conftest import PHONE


def test_visitor_reads_a_story_and_switches_to_arabic(demo_server, page, screenshot):
    page.goto(demo_server.url + "/")
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("h1")).to_have_text("Welcome to the Global Coalition against Daesh")
    screenshot(page, "home-en-desktop")

    page.get_by_role("link", name="Zahra draws again after the liberation of Raqqa").click()
    expect(page).to_have_url(re.compile(r"/en/stories/zahra-draws-again-raqqa/$"))
    expect(page.locator(".story__campaign")).to_have_text("#LifeafterDaesh")
    hero = page.locator(".story__hero img")
    expect(hero).to_have_attribute("alt", "Bright crayon strokes and a sun drawn on paper")
    # The hero image really loaded (not a broken image icon).
    assert page.evaluate("document.querySelector('.story__hero img').naturalWidth") > 0
    screenshot(page, "story-en-desktop")

    page.locator(".language-switcher a[hreflang=ar]").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("h1")).to_have_text("زهراء تعود إلى الرسم بعد تحرير الرقة")
    # Right-to-left for real: the brand sits at the right edge of the header.
    brand = page.locator(".site-brand").bounding_box()
    assert brand["x"] > page.viewport_size["width"] / 2
    screenshot(page, "story-ar-desktop")


def test_home_works_on_a_phone_in_french(demo_server, browser, screenshot):
    context = browser.new_context(viewport=PHONE, locale="fr-FR", is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(demo_server.url + "/")
    expect(page).to_have_url(re.compile(r"/fr/$"))
    expect(page.locator("h1")).to_contain_text("Coalition internationale contre Daech")
    # Nothing overflows sideways on a 390 px screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "home-fr-phone")
    page.get_by_role("link", name="Récits", exact=True).first.click()
    expect(page.locator(".story-card")).to_have_count(3)
    screenshot(page, "stories-fr-phone")
    context.close()


def test_search_from_the_header(demo_server, page):
    page.goto(demo_server.url + "/en/")
    page.get_by_label("Search stories and news").first.fill("blacksmith Mosul")
    page.get_by_label("Search stories and news").first.press("Enter")
    expect(page.locator(".search-results h2").first).to_have_text(
        "Rebuilding the blacksmith market in Mosul"
    )
