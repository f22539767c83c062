"""The block picker shows a preview of every block an editor can add to a page: each block has a
description and a sample value, and Wagtail's block preview view renders it, as an admin sees it."""

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Page


def page_stream_blocks():
    """(model.field, block name, block) for every top-level block of every page StreamField."""
    found = []
    for model in apps.get_models():
        if not issubclass(model, Page):
            continue
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.model is model:
                for name, block in field.stream_block.child_blocks.items():
                    found.append((f"{model.__name__}.{field.name}", name, block))
    return found


BLOCKS = page_stream_blocks()


def PREVIEW_URL() -> str:  # noqa: N802 - reads as the address it is
    return reverse("wagtailadmin_block_preview")


def test_the_page_stream_fields_are_all_found():
    fields = {where for where, _name, _block in BLOCKS}
    assert {"StoryPage.body", "NewsPage.body", "ExplainerPage.body", "DigestPage.items"} <= fields
    assert {"interactive_map", "chart", "gallery", "video"} <= {name for _w, name, _b in BLOCKS}


@pytest.mark.parametrize(("where", "name", "block"), BLOCKS, ids=[f"{w}:{n}" for w, n, _ in BLOCKS])
def test_every_block_has_a_preview_in_the_picker(admin_client, demo, where, name, block):
    assert block.is_previewable, f"{where}:{name} shows no preview in the block picker"
    assert str(block.get_description()).strip(), f"{where}:{name} has no description"

    response = admin_client.get(PREVIEW_URL(), {"id": block.definition_prefix})

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    main = soup.select_one("main")
    assert main is not None
    assert main.get_text(strip=True) or main.select("img, svg"), f"{where}:{name} preview is empty"
    # Styled as on the site, not as an unstyled fragment.
    assert soup.select_one('link[href*="css/site"]') is not None


def test_previews_of_image_blocks_show_a_library_image(admin_client, demo):
    gallery = next(block for _w, name, block in BLOCKS if name == "gallery")
    response = admin_client.get(PREVIEW_URL(), {"id": gallery.definition_prefix})
    images = BeautifulSoup(response.content, "html.parser").select("main img")
    assert len(images) >= 2
    assert all(img["src"] for img in images)
