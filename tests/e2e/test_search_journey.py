"""A visitor searches: suggestions while typing, then a filtered results page, in two languages."""

import re

from playwright.sync_api import expect


def test_visitor_picks_a_suggestion_then_filters_by_campaign(demo_server, page, screenshot):
    page.goto(demo_server.url + "/en/")
    box = page.locator("#site-search-q")
    box.press_sequentially("blacks", delay=30)
    suggestion = page.get_by_role("option", name="Rebuilding the blacksmith market in Mosul")
    expect(suggestion).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    screenshot(page, "search-suggestions-en")
    suggestion.click()
    expect(page).to_have_url(re.compile(r"/en/stories/mosul-blacksmith-market/$"))

    # Without picking a suggestion, Enter submits the plain form.
    page.locator("#site-search-q").fill("Daesh")
    page.locator("#site-search-q").press("Enter")
    expect(page).to_have_url(re.compile(r"/en/search/\?q=Daesh"))
    results = page.locator(".search-results h2")
    expect(results.first).to_be_visible()
    assert results.count() > 1

    page.get_by_label("Campaign").select_option("foreverychild")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"campaign=foreverychild"))
    expect(results).to_have_count(1)
    expect(results.first).to_have_text("Four new schools for 4000 displaced children in Dohuk")
    expect(page.locator(".search-result__snippet mark").first).to_have_text("Daesh")
    screenshot(page, "search-results-en-filtered")


def test_arabic_search_with_keyboard_suggestions(demo_server, page, screenshot):
    page.goto(demo_server.url + "/ar/search/")
    box = page.locator("#search-page-q")
    box.press_sequentially("زهر", delay=30)
    expect(page.get_by_role("option").first).to_have_text("زهراء تعود إلى الرسم بعد تحرير الرقة")
    box.press("ArrowDown")
    expect(page.get_by_role("option").first).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    expect(page.locator("h1")).to_have_text("زهراء تعود إلى الرسم بعد تحرير الرقة")
