"""Immersive stories in the browser: the full-screen cover's title on the first screen (and
legible), scrollytelling pinned on a phone with steps that change and zoom the media, the same
steps in order without JavaScript, the background video's pause button and reduced motion, the
Arabic cover, sharing, hashtags to campaign pages, and the social card preview in the admin.

Screenshots go to test-artifacts/screenshots/ (story-*.png)."""

from __future__ import annotations

import datetime
import re
import time

import pytest
from playwright.sync_api import expect

from .conftest import PHONE, sign_in_to_admin

SMALL_DESKTOP = {"width": 1280, "height": 800}
ZAHRA = "zahra-draws-again-raqqa"


def story_url(slug: str, language: str = "en") -> str:
    from stories.models import StoryPage

    english = StoryPage.objects.get(locale__language_code="en", slug=slug)
    return StoryPage.objects.get(
        locale__language_code=language, translation_key=english.translation_key
    ).url


def visitor(browser, base_url: str, viewport: dict, **options):
    """A returning visitor (cookie choice made, tour seen) so nothing covers the story."""
    phone = viewport is PHONE
    context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone, **options)
    context.add_cookies([{"name": "storysite_consent", "value": "declined", "url": base_url}])
    context.add_init_script("localStorage.setItem('storysite-tour', 'done')")
    tab = context.new_page()
    # Generous: a shared two-core machine can take seconds to render a story's first visit.
    tab.set_default_timeout(60_000)
    return context, tab


def wait_until(tab, expression: str, timeout: float = 20) -> None:
    """Poll from Python (wait_for_function uses eval, which the site's CSP forbids)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if tab.evaluate(expression):
            return
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for: {expression}")


def relative_luminance(rgb: tuple[float, float, float]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def parse_rgba(css: str) -> tuple[tuple[float, float, float], float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    return tuple(numbers[:3]), (numbers[3] if len(numbers) > 3 else 1.0)


def worst_case_contrast(text_css: str, box_css: str) -> float:
    """The text's contrast on its box over the worst pixel behind it (white or black)."""
    text, _ = parse_rgba(text_css)
    box, alpha = parse_rgba(box_css)
    results = []
    for behind in ((255, 255, 255), (0, 0, 0)):
        shown = tuple(alpha * c + (1 - alpha) * p for c, p in zip(box, behind, strict=True))
        results.append(contrast(text, shown))
    return min(results)


def test_full_screen_cover_title_is_on_the_first_screen_and_legible_in_english_and_arabic(
    demo_server, browser
):
    for language in ("en", "ar"):
        for name, viewport in (("desktop", SMALL_DESKTOP), ("phone", PHONE)):
            context, tab = visitor(browser, demo_server.url, viewport)
            tab.goto(demo_server.url + story_url(ZAHRA, language))
            title = tab.locator(".cover--full_screen .cover__text h1")
            expect(title).to_be_visible()
            box = title.bounding_box()
            assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], (
                f"{language} {name}: title at {box} is not on the first screen"
            )
            standfirst = tab.locator(".cover__text .story__standfirst").bounding_box()
            assert standfirst["y"] < viewport["height"]
            colours = tab.evaluate(
                """() => {
                    const box = document.querySelector('.cover__text');
                    return [getComputedStyle(box.querySelector('h1')).color,
                            getComputedStyle(box.querySelector('.story__standfirst')).color,
                            getComputedStyle(box.querySelector('.story__meta')).color,
                            getComputedStyle(box).backgroundColor];
                }"""
            )
            *texts, background = colours
            for text in texts:
                assert worst_case_contrast(text, background) >= 4.5, (text, background)
            cover_image = tab.locator(".cover__image").bounding_box()
            assert cover_image["width"] >= viewport["width"] - 1  # edge to edge
            if language == "ar":
                assert tab.evaluate("document.documentElement.dir") == "rtl"
                text_box = tab.locator(".cover__text").bounding_box()
                # The box starts at the reading-start edge: the right in Arabic.
                assert text_box["x"] + text_box["width"] > viewport["width"] * 0.75
                assert text_box["x"] > viewport["width"] - text_box["x"] - text_box["width"] - 1
            tab.screenshot(path=_artifact(f"story-cover-full-screen-{language}-{name}"))
            context.close()


def _artifact(name: str) -> str:
    from .conftest import ARTIFACTS

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return str(ARTIFACTS / f"{name}.png")


def test_split_and_classic_covers(demo_server, browser):
    for name, viewport in (("desktop", SMALL_DESKTOP), ("phone", PHONE)):
        context, tab = visitor(browser, demo_server.url, viewport)
        tab.goto(demo_server.url + story_url("four-schools-dohuk"))
        picture = tab.locator(".cover--split .cover__image").bounding_box()
        title = tab.locator(".cover--split h1").bounding_box()
        if viewport is PHONE:
            assert title["y"] >= picture["y"] + picture["height"] - 1  # stacked
        else:
            assert title["x"] >= picture["x"] + picture["width"] - 1  # side by side
            assert title["y"] + title["height"] <= viewport["height"]
        tab.screenshot(path=_artifact(f"story-cover-split-en-{name}"))
        tab.goto(demo_server.url + story_url("mosul-blacksmith-market"))
        expect(tab.locator(".cover--classic .story__hero img")).to_be_visible()
        tab.screenshot(path=_artifact(f"story-cover-classic-en-{name}"))
        context.close()


def test_scrollytelling_pins_on_a_phone_and_steps_change_and_zoom_the_media(demo_server, browser):
    context, tab = visitor(browser, demo_server.url, PHONE)
    tab.goto(demo_server.url + story_url(ZAHRA))
    section = tab.locator("[data-scrolly]")
    expect(section).to_have_class(re.compile("is-enhanced"))
    steps = section.locator(".block-scrolly__step")
    stage = section.locator(".block-scrolly__media")
    seen = []
    for index in range(4):
        steps.nth(index).locator(".block-scrolly__card").scroll_into_view_if_needed()
        card = steps.nth(index).locator(".block-scrolly__card").bounding_box()
        # Bring the card to the middle of the screen, where the step becomes the active one.
        tab.mouse.wheel(0, card["y"] + card["height"] / 2 - PHONE["height"] / 2)
        expect(section).to_have_attribute("data-active-step", str(index))
        media = stage.bounding_box()
        assert abs(media["y"]) <= 1 and media["height"] >= PHONE["height"] - 1, (
            f"step {index}: the media is not pinned full screen ({media})"
        )
        card = steps.nth(index).locator(".block-scrolly__card").bounding_box()
        assert card["y"] >= 0 and card["y"] + card["height"] <= PHONE["height"]  # over it
        active = stage.locator(".block-scrolly__layer.is-active")
        expect(active).to_have_count(1)
        seen.append(
            (
                active.get_attribute("data-layer"),
                active.locator("img").evaluate("img => img.style.transform"),
            )
        )
        tab.screenshot(path=_artifact(f"story-scrolly-en-phone-step-{index + 1}"))
    # Three pictures in turn, then the last one zoomed into.
    assert seen == [("0", ""), ("1", ""), ("2", ""), ("2", "scale(2)")]
    origin = stage.locator(".block-scrolly__layer.is-active img").evaluate(
        "img => img.style.transformOrigin"
    )
    assert origin == "70% 30%"
    context.close()


def test_scrollytelling_pictures_wait_for_the_reader_and_come_in_the_lightest_format(
    demo_server, browser
):
    """Its pinned copies of the step pictures keep the page's <picture> (AVIF/WebP before
    JPEG) and stay lazy: a phone that opens the story fetches none of them until the reader
    nears the block, then fetches each once, in a modern format."""
    context, tab = visitor(browser, demo_server.url, PHONE)
    fetched = []
    tab.on("requestfinished", lambda request: fetched.append(request.url))
    tab.goto(demo_server.url + story_url(ZAHRA))
    section = tab.locator("[data-scrolly]")
    expect(section).to_have_class(re.compile("is-enhanced"))
    tab.wait_for_load_state("networkidle")
    tab.wait_for_timeout(1000)

    def step_pictures() -> list[str]:
        return [url for url in fetched if re.search(r"zahras-drawing-[456]\.", url)]

    assert step_pictures() == []
    section.locator(".block-scrolly__step").first.scroll_into_view_if_needed()
    tab.wait_for_load_state("networkidle")
    tab.wait_for_timeout(1000)
    pictures = step_pictures()
    assert pictures, "the step pictures were never fetched"
    assert not [url for url in pictures if "format-jpeg" in url], pictures
    assert section.locator(".block-scrolly__layer picture source[type='image/avif']").count() >= 3
    context.close()


def test_scrollytelling_without_javascript_reads_as_a_sequence(demo_server, browser):
    context, tab = visitor(browser, demo_server.url, PHONE, java_script_enabled=False)
    tab.goto(demo_server.url + story_url(ZAHRA))
    section = tab.locator("[data-scrolly]")
    expect(section).not_to_have_class(re.compile("is-enhanced"))
    expect(section.locator(".block-scrolly__media")).to_be_hidden()
    steps = section.locator(".block-scrolly__step")
    expect(steps).to_have_count(4)
    tops = []
    for index in range(4):
        step = steps.nth(index)
        text = step.locator(".block-scrolly__text")
        expect(text).to_be_visible()
        tops.append(text.bounding_box()["y"])
        if index < 3:
            picture = step.locator("img")
            expect(picture).to_be_visible()
            assert picture.bounding_box()["y"] < text.bounding_box()["y"]  # picture, then text
    assert tops == sorted(tops)
    section.scroll_into_view_if_needed()
    tab.screenshot(path=_artifact("story-scrolly-en-phone-no-js"), full_page=True)
    # The background video shows its poster, and no pause button that could do nothing.
    expect(tab.locator(".block-ambient button[data-ambient-toggle]")).to_be_hidden()
    context.close()


def test_background_video_plays_muted_pauses_with_the_button_and_off_screen(demo_server, browser):
    context, tab = visitor(browser, demo_server.url, {"width": 1280, "height": 800})
    tab.goto(demo_server.url + story_url(ZAHRA))
    figure = tab.locator(".block-ambient")
    video = "document.querySelector('.block-ambient video')"
    figure.scroll_into_view_if_needed()
    wait_until(tab, f"!{video}.paused && {video}.currentTime > 0.2")
    assert tab.evaluate(f"{video}.muted && {video}.loop && !{video}.controls")
    assert tab.evaluate(f"{video}.getAttribute('data-engine')") in ("hls.js", "native-hls", "mp4")
    button = figure.get_by_role("button", name="Pause the video")
    button.focus()
    tab.screenshot(path=_artifact("story-background-video-en-desktop"))
    button.click()
    wait_until(tab, f"{video}.paused")
    expect(figure.locator("[data-ambient-toggle]")).to_have_text("Play the video")
    # Paused by the reader: it stays paused when it comes back into view.
    tab.evaluate("window.scrollTo(0, 0)")
    figure.scroll_into_view_if_needed()
    time.sleep(1)
    assert tab.evaluate(f"{video}.paused")
    figure.get_by_role("button", name="Play the video").click()
    wait_until(tab, f"!{video}.paused")
    # Off screen it pauses by itself.
    tab.evaluate("window.scrollTo(0, 0)")
    wait_until(tab, f"{video}.paused")
    context.close()


def test_background_video_stays_still_under_reduced_motion_until_asked(demo_server, browser):
    context, tab = visitor(browser, demo_server.url, PHONE, reduced_motion="reduce")
    tab.goto(demo_server.url + story_url(ZAHRA))
    figure = tab.locator(".block-ambient")
    video = "document.querySelector('.block-ambient video')"
    figure.scroll_into_view_if_needed()
    expect(figure.locator(".ambient")).to_have_attribute("data-state", "paused")
    time.sleep(1.5)
    assert tab.evaluate(f"{video}.paused && {video}.currentTime === 0")
    assert tab.evaluate(f"{video}.networkState") != 2  # nothing loading either
    tab.screenshot(path=_artifact("story-background-video-en-phone-reduced-motion"))
    figure.get_by_role("button", name="Play the video").click()
    wait_until(tab, f"!{video}.paused")
    context.close()


def test_share_falls_back_to_links_and_copies_the_link(demo_server, browser):
    context, tab = visitor(
        browser,
        demo_server.url,
        {"width": 1280, "height": 800},
        permissions=["clipboard-read", "clipboard-write"],
    )
    elsewhere = []
    tab.on(
        "request",
        lambda request: (
            elsewhere.append(request.url)
            if not request.url.startswith((demo_server.url, "data:", "blob:"))
            else None
        ),
    )
    tab.goto(demo_server.url + story_url(ZAHRA))
    share = tab.locator("[data-share]")
    share.scroll_into_view_if_needed()
    native = share.locator("[data-share-native]")
    if tab.evaluate("typeof navigator.share === 'function'"):
        expect(native).to_be_visible()
    else:
        expect(native).to_be_hidden()  # no Web Share API here: the links are the way
    expect(share.get_by_role("link", name=re.compile("Share on Facebook"))).to_be_visible()
    share.get_by_role("button", name="Copy link").click()
    expect(share.locator(".share__status")).to_have_text("Link copied")
    copied = tab.evaluate("navigator.clipboard.readText()")
    assert copied.endswith("/en/stories/zahra-draws-again-raqqa/")
    assert elsewhere == []  # no request left for another site while reading and sharing
    tab.screenshot(path=_artifact("story-share-en-desktop"))
    context.close()


def test_hashtag_leads_to_the_campaign_page_which_loads_more_stories(demo_server, browser):
    from stories.models import Campaign, StoryIndexPage, StoryPage

    index = StoryIndexPage.objects.get(locale__language_code="en")
    campaign = Campaign.objects.get(slug="lifeafterdaesh", locale__language_code="en")
    for day in range(1, 13):
        index.add_child(
            instance=StoryPage(
                title=f"Campaign story {day:02d}",
                slug=f"campaign-story-{day}",
                standfirst="One more story of the campaign.",
                date=datetime.date(2018, 1, day),
                campaign=campaign,
            )
        )
    context, tab = visitor(browser, demo_server.url, PHONE)
    tab.goto(demo_server.url + "/en/")
    tab.locator(".campaign-list").get_by_role("link", name=re.compile("#LifeafterDaesh")).click()
    expect(tab).to_have_url(re.compile(r"/en/lifeafterdaesh/$"))
    expect(tab.locator("h1")).to_have_text("#LifeafterDaesh")
    tab.goto(demo_server.url + story_url(ZAHRA))
    tab.locator(".story__campaign a").click()
    expect(tab).to_have_url(re.compile(r"/en/lifeafterdaesh/$"))
    cards = tab.locator(".story-card")
    expect(cards).to_have_count(12)
    tab.get_by_role("button", name="Load more stories").click()
    expect(cards).to_have_count(14)
    tab.screenshot(path=_artifact("story-campaign-page-en-phone"), full_page=True)
    context.close()


def test_editor_sees_the_social_card_preview_on_the_promote_tab(
    demo_server, page, django_user_model
):
    django_user_model.objects.create_superuser("promote-editor", "promote@example.com", "pw-12345")
    sign_in_to_admin(page, demo_server.url, "promote-editor", "pw-12345")
    from stories.models import StoryPage

    zahra = StoryPage.objects.get(locale__language_code="en", slug=ZAHRA)
    page.goto(f"{demo_server.url}/admin/pages/{zahra.pk}/edit/")
    preview = page.locator("[data-social-card-preview]")
    expect(preview).to_be_hidden()  # on the Promote tab, not the Content tab
    page.get_by_role("tab", name="Promote").click()
    expect(preview).to_be_visible()
    expect(preview.locator(".social-card-preview__title")).to_have_text(zahra.title)
    image = preview.locator("img.social-card-preview__image")
    assert image.evaluate("img => img.complete && img.naturalWidth") == 1200
    preview.scroll_into_view_if_needed()
    page.screenshot(path=_artifact("story-admin-promote-social-card"))
