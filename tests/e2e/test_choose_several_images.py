"""An editor adds three photos to a story's gallery in one trip to the image chooser: the
gallery's "Add several images" opens Wagtail's chooser in its multiple mode, the three picked
become three new gallery items, and the saved draft has them, in order, after those that
were there."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from media_pipeline.models import StoryImage
from stories.models import StoryPage

from .conftest import sign_in_to_admin

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
    button = page.get_by_role("button", name="Add several images")
    expect(button).to_have_count(1)
    button.click()
    modal = page.locator(".modal")
    for image in others:
        modal.locator(f'input[type=checkbox][value="{image.pk}"]').check()
    screenshot(page, "admin-gallery-choose-several")
    modal.get_by_role("button", name=re.compile("Confirm selection")).click()
    expect(modal).to_be_hidden()

    # Three more items; the new ones need their description, like any gallery image.
    gallery = button.locator("xpath=..")
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
