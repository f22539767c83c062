"""What a translator is asked to translate: words, never identifiers.

Heading and question anchors (``#back-to-school``) are links into the page, the same in every
language; they are copied to the translations and never offered as segments, so they cannot keep
a page "Waiting for translations". Captions, alternative texts and credits written in an image
block are the page's words and are offered for translation.
"""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.images import get_image_model
from wagtail_localize.models import StringSegment, StringTranslation

from stories.models import ExplainerPage, NewsIndexPage, StoryIndexPage, StoryPage

from .conftest import translation_for


@pytest.fixture
def photo(demo):
    return get_image_model().objects.get(title="A classroom ready for lessons")


def submit_to_french(admin_client, page, locales):
    response = admin_client.post(
        f"/admin/localize/submit/page/{page.pk}/", {"locales": [locales["fr"].pk]}
    )
    assert response.status_code == 302
    return page.get_translation(locales["fr"])


def segment_texts(translation) -> dict[str, str]:
    """Each segment offered to the translator, by its path (``body.<block id>.<field>``)."""
    return {
        segment.context.path: segment.string.data
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "context", "string"
        )
    }


def publish(translation, on_commit) -> None:
    """The editor's "Publish in French" (wagtail-localize publishes once the save commits)."""
    with on_commit(execute=True):
        translation.save_target(publish=True)


def translate_every_segment(translation) -> None:
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            data=f"FR {segment.string.data}",
        )


@pytest.fixture
def story_with_anchor_and_image(admin_client, locales, photo) -> StoryPage:
    index = StoryIndexPage.objects.get(locale=locales["en"])
    story = StoryPage(
        title="Back to school in Dohuk",
        slug="back-to-school-dohuk",
        standfirst="Children return to their classrooms.",
        date=datetime.date(2024, 9, 1),
        body=[
            ("heading", {"text": "Back to school", "level": "h2", "anchor": "back-to-school"}),
            (
                "image",
                {
                    "image": photo,
                    "alt_text": "Pupils at their desks in a bright classroom",
                    "decorative": False,
                    "caption": "The first morning of term",
                    "credit": "Photo: Coalition press office",
                },
            ),
        ],
    )
    index.add_child(instance=story)
    story.save_revision().publish()
    return story


def test_heading_anchor_is_not_a_segment_and_is_copied_to_the_french_page(
    admin_client, locales, client, story_with_anchor_and_image, django_capture_on_commit_callbacks
):
    french = submit_to_french(admin_client, story_with_anchor_and_image, locales)
    translation = translation_for(french)
    texts = segment_texts(translation)
    assert "Back to school" in texts.values()
    assert "back-to-school" not in texts.values()
    assert not any(path.endswith(".anchor") for path in texts)

    translate_every_segment(translation)
    total, done = translation.get_progress()
    assert total == done
    assert str(translation.get_status_display()) == "Up to date"

    publish(translation, django_capture_on_commit_callbacks)
    french.refresh_from_db()
    heading = next(block for block in french.body if block.block_type == "heading")
    assert heading.value["anchor"] == "back-to-school"
    assert heading.value["text"] == "FR Back to school"
    html = BeautifulSoup(client.get(french.url).content, "html.parser")
    assert "FR Back to school" in html.find(id="back-to-school").get_text()


def test_explainer_question_anchor_is_not_a_segment(
    admin_client, locales, client, django_capture_on_commit_callbacks
):
    parent = NewsIndexPage.objects.get(locale=locales["en"])
    explainer = ExplainerPage(
        title="Two questions about schools",
        slug="two-questions-schools",
        standfirst="What changed this year.",
        date=datetime.date(2024, 9, 2),
        body=[
            (
                "question",
                {"question": "Who built them?", "anchor": "who", "answer": "<p>Partners.</p>"},
            ),
        ],
    )
    parent.add_child(instance=explainer)
    explainer.save_revision().publish()

    french = submit_to_french(admin_client, explainer, locales)
    translation = translation_for(french)
    assert "who" not in segment_texts(translation).values()
    translate_every_segment(translation)
    assert str(translation.get_status_display()) == "Up to date"
    publish(translation, django_capture_on_commit_callbacks)
    french.refresh_from_db()
    html = BeautifulSoup(client.get(french.url).content, "html.parser")
    assert "FR Who built them?" in html.find(id="who").get_text()


def test_image_caption_alt_text_and_credit_are_offered_for_translation(
    admin_client, locales, client, story_with_anchor_and_image, django_capture_on_commit_callbacks
):
    french = submit_to_french(admin_client, story_with_anchor_and_image, locales)
    translation = translation_for(french)
    by_field = {path.rsplit(".", 1)[-1]: text for path, text in segment_texts(translation).items()}
    assert by_field["alt_text"] == "Pupils at their desks in a bright classroom"
    assert by_field["caption"] == "The first morning of term"
    assert by_field["credit"] == "Photo: Coalition press office"

    translate_every_segment(translation)
    publish(translation, django_capture_on_commit_callbacks)
    french.refresh_from_db()
    html = BeautifulSoup(client.get(french.url).content, "html.parser")
    figure = html.select_one("figure.block-image")
    assert figure.img["alt"] == "FR Pupils at their desks in a bright classroom"
    assert "FR The first morning of term" in figure.get_text()
    assert "FR Photo: Coalition press office" in figure.get_text()


def test_editor_is_told_which_credit_is_translated(admin_client, story_with_anchor_and_image):
    """The block's credit is the page's (translated); the image's own is the same everywhere."""
    editor = admin_client.get(f"/admin/pages/{story_with_anchor_and_image.pk}/edit/")
    assert "translated with the page" in editor.content.decode()
    image = get_image_model().objects.get(title="A classroom ready for lessons")
    form = admin_client.get(f"/admin/images/{image.pk}/").content.decode()
    assert "the same in every language" in form
