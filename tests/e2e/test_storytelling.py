"""Browser journeys through the storytelling site: the tour, a #LifeafterDaesh story, the
before/after slider with the keyboard, "Load more", accessibility (axe-core) and screenshots of
every page type on desktop and a 390 px phone."""

from __future__ import annotations

import datetime
import re

from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE


def add_stories(count: int) -> None:
    """Enough stories for a second page of the listing."""
    from stories.models import StoryIndexPage, StoryPage

    index = StoryIndexPage.objects.get(locale__language_code="en")
    for day in range(1, count + 1):
        index.add_child(
            instance=StoryPage(
                title=f"Generated story {day:02d}",
                slug=f"generated-{day}",
                standfirst="Generated so that the listing has a second page.",
                date=datetime.date(2018, 1, day),
            )
        )


def test_visitor_takes_the_tour_reads_a_story_and_loads_more(
    demo_server, page, screenshot, settings
):
    settings.ANALYTICS_SCRIPT_URL = "/static/analytics-stand-in.js"
    add_stories(13)
    page.goto(demo_server.url + "/en/")
    banner = page.locator("[data-cookie-banner]")
    expect(banner).to_be_visible()
    expect(page.locator("script[data-analytics]")).to_have_count(0)  # nothing before consent
    screenshot(page, "cookie-banner-en-desktop")
    banner.get_by_role("button", name="Accept").click()
    expect(banner).to_have_count(0)
    assert "storysite_consent=accepted" in page.evaluate("document.cookie")
    expect(page.locator("script[data-analytics]")).to_have_count(1)  # started on "Accept"

    # The first-visit invitation, then the tour from the welcome text.
    expect(page.locator("[data-tour-invite]")).to_be_visible()
    page.get_by_role("button", name=re.compile("click here to be shown around")).click()
    tour = page.get_by_role("dialog", name="Welcome! Let us show you around")
    expect(tour).to_be_visible()
    expect(page.locator(".site-nav")).to_have_class(re.compile("tour-highlight"))
    screenshot(page, "tour-en-desktop")
    for _ in range(3):
        tour.get_by_role("button", name="Next").click()
    expect(page.locator(".language-switcher")).to_have_class(re.compile("tour-highlight"))
    tour.get_by_role("button", name="Done").click()
    expect(tour).to_be_hidden()
    page.reload()
    expect(page.locator("[data-tour-invite]")).to_be_hidden()  # dismissal remembered
    expect(banner).to_be_hidden()  # the choice too, even though the page HTML is shared
    expect(page.locator("script[data-analytics]")).to_have_count(1)

    # A #LifeafterDaesh story, chosen through the campaign filter.
    page.locator(".site-nav").get_by_role("link", name="Stories").click()
    # The filter, not the cards' hashtags (those lead to the campaign page).
    filters = page.get_by_role("navigation", name="Filter by campaign")
    filters.get_by_role("link", name="#LifeafterDaesh").click()
    expect(page).to_have_url(re.compile(r"campaign=lifeafterdaesh"))
    page.get_by_role("link", name="Rebuilding the blacksmith market in Mosul").click()
    expect(page.locator(".story__campaign")).to_have_text("#LifeafterDaesh")

    # The before/after slider, with the keyboard only.
    slider = page.locator(".block-before-after input[type=range]")
    expect(slider).to_be_visible()
    slider.focus()
    for _ in range(10):
        page.keyboard.press("ArrowRight")
    expect(slider).to_have_value("60")
    frame = page.locator(".block-before-after__frame")
    assert frame.evaluate("el => el.style.getPropertyValue('--position')") == "60%"
    page.keyboard.press("Home")
    expect(slider).to_have_value("0")
    expect(slider).to_have_attribute("aria-valuetext", "0%")
    slider.scroll_into_view_if_needed()
    screenshot(page, "before-after-en-desktop")

    # "Load more" on the story listing: 12 cards, then the rest, and focus on the first new one.
    page.goto(demo_server.url + "/en/stories/")
    cards = page.locator(".story-card")
    expect(cards).to_have_count(12)
    page.get_by_role("button", name="Load more stories").click()
    expect(cards).to_have_count(16)
    expect(page.get_by_role("button", name="Load more stories")).to_have_count(0)
    focused = page.evaluate("document.activeElement.closest('.story-card') !== null")
    assert focused
    expect(page).to_have_url(re.compile(r"/en/stories/$"))


def test_pages_are_accessible_and_look_right_on_desktop_and_phone(demo_server, browser, screenshot):
    from axe_playwright_python.sync_playwright import Axe

    from stories.models import (
        CampaignPage,
        DigestPage,
        ExplainerPage,
        NewsIndexPage,
        NewsPage,
        PartnerIndexPage,
        PartnerPage,
        StoryIndexPage,
        StoryPage,
    )

    pages = {
        "home": "/en/",
        "story": StoryPage.objects.get(locale__language_code="en", slug="four-schools-dohuk").url,
        "story-index": StoryIndexPage.objects.get(locale__language_code="en").url,
        "campaign": CampaignPage.objects.filter(locale__language_code="en").first().url,
        "news-index": NewsIndexPage.objects.get(locale__language_code="en").url,
        "news": NewsPage.objects.filter(locale__language_code="en").first().url,
        "digest": DigestPage.objects.get(locale__language_code="en").url,
        "explainer": ExplainerPage.objects.get(locale__language_code="en").url,
        "partner-index": PartnerIndexPage.objects.get(locale__language_code="en").url,
        "partner-spotlight": PartnerPage.objects.get(locale__language_code="en").url,
        "story-ar": StoryPage.objects.get(
            locale__language_code="ar",
            translation_key=StoryPage.objects.get(
                locale__language_code="en", slug="zahra-draws-again-raqqa"
            ).translation_key,
        ).url,
    }
    axe = Axe()
    audited = {"home", "story", "story-index", "explainer", "story-ar"}
    for viewport_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(
            viewport=viewport, is_mobile=viewport is PHONE, has_touch=viewport is PHONE
        )
        # Consent given, so the banner does not cover the screenshots (it is tested elsewhere).
        context.add_cookies(
            [{"name": "storysite_consent", "value": "declined", "url": demo_server.url}]
        )
        # Returning visitor: the first-visit tour invitation would cover part of each screenshot.
        context.add_init_script("localStorage.setItem('storysite-tour', 'done')")
        tab = context.new_page()
        for name, path in pages.items():
            response = tab.goto(demo_server.url + path)
            assert response.status == 200, path
            assert tab.evaluate("document.documentElement.scrollWidth") <= viewport["width"], (
                f"{name} overflows sideways on {viewport_name}"
            )
            if viewport_name == "desktop" and name in audited:
                results = axe.run(tab)
                serious = [
                    v["id"]
                    for v in results.response["violations"]
                    if v["impact"] in ("serious", "critical")
                ]
                assert serious == [], f"{name}: {results.generate_report()}"
            screenshot(tab, f"{name}-{viewport_name}")
        context.close()


def test_arabic_gallery_moves_right_to_left(demo_server, browser):
    from stories.models import StoryPage

    english = StoryPage.objects.get(locale__language_code="en", slug="zahra-draws-again-raqqa")
    arabic = StoryPage.objects.get(
        locale__language_code="ar", translation_key=english.translation_key
    )
    context = browser.new_context(viewport=DESKTOP)
    context.add_cookies(
        [{"name": "storysite_consent", "value": "declined", "url": demo_server.url}]
    )
    tab = context.new_page()
    tab.goto(demo_server.url + arabic.url)
    gallery = tab.locator("[data-carousel]")
    gallery.scroll_into_view_if_needed()
    slides = gallery.locator(".block-gallery__slide")
    first = slides.nth(0).bounding_box()
    second = slides.nth(1).bounding_box()
    assert second["x"] < first["x"]  # the next photo lies to the left in Arabic
    track = gallery.locator(".block-gallery__track").bounding_box()
    gallery.locator("[data-carousel-next]").click()
    tab.wait_for_function(
        "() => document.querySelector('.block-gallery__status').textContent.startsWith('2')"
    )
    tab.wait_for_timeout(600)  # smooth scrolling
    moved = slides.nth(1).bounding_box()
    # The second photo has scrolled into the track's start edge, which is its right side.
    assert abs((moved["x"] + moved["width"]) - (track["x"] + track["width"])) < 4
    context.close()
