"""The interactive map and the chart as a reader uses them at 390 and 1280 px, and the block
picker's previews as an editor sees them. Screenshots: test-artifacts/screenshots/blocks-*.png."""

import re

import pytest

from tests.e2e.conftest import DESKTOP, PHONE, sign_in_to_admin

VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}


def story_url(language: str) -> str:
    from stories.models import StoryPage

    english = StoryPage.objects.get(locale__language_code="en", slug="four-schools-dohuk")
    if language == "en":
        return english.url
    return StoryPage.objects.get(
        locale__language_code=language, translation_key=english.translation_key
    ).url


def view_width(page) -> float:
    return float(page.locator(".block-geomap__svg").get_attribute("viewBox").split()[2])


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_map_popup_opens_from_the_keyboard_and_zoom_works(
    browser, demo_server, screenshot, viewport
):
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="en-GB")
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(demo_server.url + story_url("en"))
    section = page.locator("[data-geomap]")
    section.scroll_into_view_if_needed()

    # Tab order reaches the markers by name: focus the zoom controls' neighbour, then Tab on.
    marker = section.get_by_role("button", name="1. Dohuk")
    marker.focus()
    page.keyboard.press("Enter")
    dialog = section.get_by_role("dialog", name="Dohuk")
    dialog.wait_for()
    assert "four prefabricated schools" in dialog.inner_text()
    screenshot(page, f"blocks-map-popup-{viewport}")
    page.keyboard.press("Escape")
    assert section.get_by_role("dialog").count() == 0
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "1. Dohuk"

    before = view_width(page)
    section.get_by_role("button", name="Zoom in").click()
    assert view_width(page) == pytest.approx(before / 2, rel=0.01)
    section.get_by_role("button", name="Reset map").click()
    assert view_width(page) == pytest.approx(before, rel=0.01)

    # No request left the site: the map is drawn from the page itself.
    assert not [e for e in errors if "Content Security Policy" in e]
    context.close()


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_chart_and_map_are_readable_with_their_data_table(
    browser, demo_server, screenshot, viewport, language
):
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(demo_server.url + story_url(language))
    chart = page.locator(".block-chart")
    chart.scroll_into_view_if_needed()
    svg = chart.locator("svg[role=img]")
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box["width"] <= VIEWPORTS[viewport]["width"]  # no sideways scrolling
    table = chart.locator("table")
    assert table.locator("tbody tr").count() == 4
    expected_last = {"en": "4,000", "ar": "4000"}[language]
    assert table.locator("tbody tr").last.locator("td").inner_text() == expected_last
    # Labels are readable: at least 11 CSS px on a phone.
    font = chart.locator("svg text").first.evaluate("t => t.getBoundingClientRect().height")
    assert font >= 11
    page.locator(".block-geomap").scroll_into_view_if_needed()
    screenshot(page, f"blocks-map-chart-{language}-{viewport}")
    assert all(url.startswith(demo_server.url) or url.startswith("data:") for url in requests)
    context.close()


def test_block_picker_shows_a_preview_of_the_map_block(
    browser, demo_server, django_user_model, screenshot
):
    from stories.models import StoryPage

    django_user_model.objects.create_superuser("picker", "picker@example.com", "picker-pw-123")
    story = StoryPage.objects.get(locale__language_code="en", slug="four-schools-dohuk")
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(20_000)
    sign_in_to_admin(page, demo_server.url, "picker", "picker-pw-123")
    page.goto(f"{demo_server.url}/admin/pages/{story.pk}/edit/")
    page.locator("button[title='Insert a block']").first.click()
    search = page.locator(".w-combobox__field input, input.w-combobox__field").first
    search.fill("Interactive map")
    row = page.locator(".w-combobox__option-row", has_text="Interactive map").first
    # Each previewable option has its own "preview" toggle button beside it.
    row.locator("button.w-combobox__option-preview").click()
    preview = page.locator(".w-combobox-preview")
    preview.wait_for()
    assert "no third-party tiles" in preview.inner_text()
    frame = page.frame_locator(".w-combobox-preview__iframe")
    frame.locator("svg.block-geomap__svg").wait_for()
    assert re.search("Where the coalition works", frame.locator("main").inner_text())
    screenshot(page, "blocks-picker-preview-desktop")
    context.close()
