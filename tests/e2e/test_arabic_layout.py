"""The Arabic site in a browser: right-to-left for real, the Arabic web font in use, Arabic dates,
on desktop and on a phone (screenshots saved for people to look at). One test for both sizes:
every browser test rebuilds the demo, which is the slow part."""

from __future__ import annotations

from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE


def check_arabic_pages(page, base_url: str, screenshot, name: str) -> None:
    viewport = page.viewport_size
    page.goto(base_url + "/ar/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"

    # Mirrored navigation: the first menu item ("Home") sits right of the second, and the brand
    # opens the header at the right edge with the navigation following to its left.
    items = page.locator(".site-nav li")
    first, second = items.nth(0).bounding_box(), items.nth(1).bounding_box()
    assert first["x"] > second["x"]
    brand = page.locator(".site-brand").bounding_box()
    assert brand["x"] + brand["width"] > viewport["width"] * 0.85
    assert first["x"] < brand["x"]

    # The vendored Noto Naskh Arabic really loaded and is the headings' font.
    page.evaluate("document.fonts.ready")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.family.includes('Noto Naskh Arabic')"
        " && f.status === 'loaded').length"
    )
    assert loaded >= 1
    family = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert family.startswith('"Noto Naskh Arabic"')
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]

    expect(page.locator("time[datetime='2019-02-14']").first).to_have_text("14 فبراير 2019")
    screenshot(page, f"home-ar-{name}")

    page.locator(".story-card__title a").first.click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(".story__campaign bdi")).to_have_text("#LifeafterDaesh")
    screenshot(page, f"story-ar-{name}")


def test_arabic_home_and_story_are_right_to_left_with_the_arabic_font(
    demo_server, browser, screenshot
):
    for viewport, name in [(DESKTOP, "desktop"), (PHONE, "phone")]:
        context = browser.new_context(viewport=viewport, locale="ar", is_mobile=name == "phone")
        check_arabic_pages(context.new_page(), demo_server.url, screenshot, name)
        context.close()
