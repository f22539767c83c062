"""An editor adds three photos in one trip to the image chooser: "Add several images" opens
Wagtail's chooser in its multiple mode. In a gallery the three picked become three new items
after those that were there; in a new scrollytelling block they become three steps, in the order
the editor ticked them, each step showing its picture, and readers see them once published."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from media_pipeline.models import StoryImage
from stories.models import StoryPage

from .conftest import PHONE, sign_in_to_admin

PASSWORD = "gallery-editor-pw-1"  # noqa: S105 (test user)


def _gallery(story):
    return next(block for block in story.body if block.block_type == "gallery")


def test_editor_adds_three_images_to_a_gallery_in_one_chooser_trip(
    demo_server, page, django_user_model, screenshot
):
    django_user_model.objects.create_superuser("gallery-editor", "g@example.com", PASSWORD)
    story = next(
        s
        for s in StoryPage.objects.filter(locale__language_code="en")
        if any(block.block_type == "gallery" for block in s.body)
    )
    before = [item["image"].pk for item in _gallery(story).value["images"]]
    others = list(StoryImage.objects.exclude(pk__in=before).order_by("pk")[:3])
    assert len(others) == 3

    sign_in_to_admin(page, demo_server.url, "gallery-editor", PASSWORD)
    page.goto(f"{demo_server.url}/admin/pages/{story.pk}/edit/")
    # The story's scrollytelling has its own; this is the one beside the gallery's captions.
    expect(page.get_by_role("button", name="Add several images")).to_have_count(2)
    gallery = page.locator(
        "*:has(> button.choose-several-images):has(input[name$='-value-caption'])"
    )
    expect(gallery).to_have_count(1)
    button = gallery.get_by_role("button", name="Add several images")
    button.click()
    modal = page.locator(".modal")
    for image in others:
        modal.locator(f'input[type=checkbox][value="{image.pk}"]').check()
    screenshot(page, "admin-gallery-choose-several")
    modal.get_by_role("button", name=re.compile("Confirm selection")).click()
    expect(modal).to_be_hidden()

    # Three more items; the new ones need their description, like any gallery image.
    alt_texts = gallery.locator('input[name$="-value-alt_text"]')
    count = len(before)
    expect(alt_texts).to_have_count(count + 3)
    for n in range(count, count + 3):
        expect(alt_texts.nth(n)).to_have_value("")
        alt_texts.nth(n).fill(f"Drawing number {n + 1}")
    screenshot(page, "admin-gallery-several-added")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("has been updated")

    draft = StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    items = _gallery(draft).value["images"]
    assert [item["image"].pk for item in items] == before + [image.pk for image in others]
    assert [item["alt_text"] for item in items][count:] == [
        f"Drawing number {n + 1}" for n in range(count, count + 3)
    ]


def _scrollytelling(story):
    return next(block for block in story.body if block.block_type == "scrollytelling")


def test_editor_makes_three_scrollytelling_steps_from_three_images_in_one_chooser_trip(
    demo_server, page, browser, django_user_model, screenshot
):
    django_user_model.objects.create_superuser("scrolly-editor", "s@example.com", PASSWORD)
    story = StoryPage.objects.get(locale__language_code="en", slug="four-schools-dohuk")
    assert not any(block.block_type == "scrollytelling" for block in story.body)
    # Ticked out of Wagtail's own order (by id), so the steps' order can only come from the ticks.
    lowest = list(StoryImage.objects.order_by("pk")[:3])
    picked = [lowest[2], lowest[0], lowest[1]]

    sign_in_to_admin(page, demo_server.url, "scrolly-editor", PASSWORD)
    page.goto(f"{demo_server.url}/admin/pages/{story.pk}/edit/")
    galleries = page.get_by_role("button", name="Add several images").count()
    page.locator("button[title='Insert a block']").last.click()
    page.locator(".w-combobox__field input, input.w-combobox__field").first.fill("Scrollytelling")
    page.locator(".w-combobox__option", has_text="Scrollytelling").first.click()
    button = page.get_by_role("button", name="Add several images")
    expect(button).to_have_count(galleries + 1)  # the new block's list of steps has one
    button = button.last
    block = button.locator("xpath=..")
    steps_before = block.locator('textarea[name$="-value-text"]').count()
    button.click()
    modal = page.locator(".modal")
    for image in picked:
        modal.locator(f'input[type=checkbox][value="{image.pk}"]').check()
    modal.get_by_role("button", name=re.compile("Confirm selection")).click()
    expect(modal).to_be_hidden()

    # The new block's empty steps take the first pictures, then new steps the rest: three in all.
    texts = block.locator('textarea[name$="-value-text"]')
    expect(texts).to_have_count(max(steps_before, 3))
    alt_texts = block.locator('input[name$="-value-alt_text"]')
    expect(alt_texts).to_have_count(3)
    for n in range(3):
        texts.nth(n).fill(f"Step {n + 1} of the drawing lesson.")
        alt_texts.nth(n).fill(f"Drawing for step {n + 1}")
    screenshot(page, "admin-scrollytelling-several-added")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("has been updated")

    draft = StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    steps = _scrollytelling(draft).value["steps"]
    assert [step["media"][0].value["image"].pk for step in steps] == [i.pk for i in picked]
    assert [step["text"] for step in steps] == [
        f"Step {n} of the drawing lesson." for n in (1, 2, 3)
    ]
    assert StoryPage.objects.get(pk=story.pk).has_unpublished_changes
    # Published from the editor, as an editor would (and the live server does the writing).
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("published")

    # A reader on a phone scrolls through the three steps, each with its picture, in order.
    context = browser.new_context(viewport=PHONE)
    context.add_cookies(
        [{"name": "storysite_consent", "value": "declined", "url": demo_server.url}]
    )
    reader = context.new_page()
    reader.set_default_timeout(15_000)
    reader.goto(demo_server.url + story.url)
    section = reader.locator("[data-scrolly]")
    shown = section.locator(".block-scrolly__step")
    expect(shown).to_have_count(3)
    for n in range(3):
        step = shown.nth(n)
        expect(step.locator(".block-scrolly__text")).to_have_text(
            f"Step {n + 1} of the drawing lesson."
        )
        expect(step.locator("img")).to_have_attribute("alt", f"Drawing for step {n + 1}")
        expect(step.locator("img")).to_have_attribute(
            "src", re.compile(re.escape(picked[n].file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]))
        )
    section.scroll_into_view_if_needed()
    screenshot(reader, "story-scrollytelling-several-added-phone")
    context.close()
