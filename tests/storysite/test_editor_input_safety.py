"""What editors and translators type cannot put a script on a public page, and files the site
cannot serve safely are refused at upload."""

from __future__ import annotations

import io
import json

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationSource

from stories.models import StoryPage
from tests.i18n.conftest import translation_for
from tests.storysite.test_editorial_roles import edit_post

SCRIPT_LINKS = [
    "javascript:alert(document.cookie)",
    "JaVaScRiPt:alert(1)",
    " java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
]
SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.domain)</script><rect width='10' height='10'/></svg>"
)


@pytest.fixture
def story(demo, locales):
    return StoryPage.objects.get(locale=locales["en"], slug="zahra-draws-again-raqqa")


def link_paragraph(url: str) -> str:
    """A Draftail (contentstate) paragraph "Read the report" linking "report" to ``url``, as the
    page editor posts it."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "para1",
                    "type": "unstyled",
                    "depth": 0,
                    "text": "Read the report",
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 9, "length": 6, "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


def publish_through_the_editor(client, page, body) -> None:
    response = edit_post(client, page, page.title, "action-publish", body=body)
    assert response.status_code == 302, response.content[:3000]


@pytest.mark.parametrize("url", SCRIPT_LINKS)
def test_a_script_link_typed_in_rich_text_is_not_published(admin_client, client, story, url):
    publish_through_the_editor(admin_client, story, [("text", link_paragraph(url))])
    client.logout()
    page = client.get(story.url).content.decode()
    assert "Read the" in page and "report" in page
    lowered = page.lower().replace("\t", "").replace(" ", "")
    assert "javascript:" not in lowered
    assert "vbscript:" not in lowered
    assert "data:text/html" not in lowered


def test_a_web_link_typed_in_rich_text_is_published(admin_client, client, story):
    publish_through_the_editor(
        admin_client, story, [("text", link_paragraph("https://example.org/report"))]
    )
    client.logout()
    assert 'href="https://example.org/report"' in client.get(story.url).content.decode()


@pytest.fixture
def linked_story(story):
    """The story with a link in its body, its French translation brought up to date."""
    story.body = [("text", '<p>Read the <a href="https://example.org/report">report</a></p>')]
    story.save_revision().publish()
    TranslationSource.update_or_create_from_instance(story)
    return story


def link_override(linked_story, locales):
    translation = translation_for(linked_story.get_translation(locales["fr"]))
    segment = OverridableSegment.objects.get(
        source=translation.source, data_json=json.dumps("https://example.org/report")
    )
    return translation, segment


def put_override(client, translation, segment, value: str):
    return client.put(
        f"/admin/localize/translate/{translation.pk}/overrides/{segment.pk}/edit/",
        data=encode_multipart(BOUNDARY, {"value": value}),
        content_type=MULTIPART_CONTENT,
    )


@pytest.mark.parametrize("url", SCRIPT_LINKS)
def test_translator_cannot_turn_a_link_into_a_script(french_client, linked_story, locales, url):
    translation, segment = link_override(linked_story, locales)
    response = put_override(french_client, translation, segment, url)
    # What wagtail-localize's editor shows next to the field: the address still in force and why.
    answer = response.json()
    assert answer["data"] == "https://example.org/report"
    assert "not allowed" in answer["error"]
    assert not SegmentOverride.objects.filter(context=segment.context).exists()


def test_a_refused_address_leaves_the_previous_override_in_force(
    french_client, linked_story, locales
):
    translation, segment = link_override(linked_story, locales)
    put_override(french_client, translation, segment, "https://example.org/fr/rapport")
    answer = put_override(french_client, translation, segment, "javascript:alert(1)").json()
    assert answer["data"] == "https://example.org/fr/rapport"
    assert "not allowed" in answer["error"]
    assert SegmentOverride.objects.get(context=segment.context).data == (
        "https://example.org/fr/rapport"
    )


def test_translator_points_a_link_to_the_french_report(
    french_client, client, linked_story, locales
):
    translation, segment = link_override(linked_story, locales)
    response = put_override(french_client, translation, segment, "https://example.org/fr/rapport")
    assert response.status_code in (200, 201)
    assert not response.json()["error"]
    translation.save_target(publish=True)
    french = linked_story.get_translation(locales["fr"])
    client.logout()
    assert 'href="https://example.org/fr/rapport"' in client.get(french.url).content.decode()


def test_markup_typed_into_a_translation_never_reaches_the_page(
    french_client, client, linked_story, locales
):
    translation, _segment = link_override(linked_story, locales)
    segment = translation.source.stringsegment_set.get(
        string__data='Read the <a id="a1">report</a>'
    )
    french_client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        data=encode_multipart(
            BOUNDARY,
            {
                "value": 'Lisez le <a id="a1">rapport</a>'
                + "<img src=x onerror=alert(1)><script>x</script>"
            },
        ),
        content_type=MULTIPART_CONTENT,
    )
    translation.save_target(publish=True)
    client.logout()
    page = client.get(linked_story.get_translation(locales["fr"]).url).content.decode()
    assert "onerror" not in page
    assert "<script>x" not in page


def test_svg_images_are_refused_and_nothing_is_stored(admin_client, demo):
    before = get_image_model().objects.count()
    upload = io.BytesIO(SVG_WITH_SCRIPT)
    upload.name = "logo.svg"
    response = admin_client.post(reverse("wagtailimages:add"), {"title": "Logo", "file": upload})
    assert response.status_code == 200
    assert "Not a supported image format" in response.content.decode()
    assert get_image_model().objects.count() == before


@pytest.mark.parametrize("name", ["drawing.svg", "page.html", "page.htm", "script.js"])
def test_documents_browsers_would_run_are_refused(admin_client, demo, name):
    before = get_document_model().objects.count()
    upload = io.BytesIO(SVG_WITH_SCRIPT)
    upload.name = name
    response = admin_client.post(
        reverse("wagtaildocs:add"), {"title": "Attachment", "file": upload}
    )
    assert response.status_code == 200
    assert "File extension" in response.content.decode()
    assert get_document_model().objects.count() == before


def test_admin_login_never_sends_people_off_the_site(client, django_user_model):
    django_user_model.objects.create_superuser("editor", "e@example.com", "a-long-passphrase-1")
    response = client.post(
        reverse("wagtailadmin_login") + "?next=https://evil.example/admin/",
        {"username": "editor", "password": "a-long-passphrase-1", "next": "//evil.example/"},
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]
