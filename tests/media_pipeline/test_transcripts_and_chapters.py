"""A video's transcript, chapters and description, per language: entered in the admin (bad
chapters files and oversized transcripts refused with the line, nothing stored), shown under the
player, in the page's JSON-LD, and found by the site search in that language only."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from wagtail.models import Locale

from media_pipeline.blocks import VideoBlock
from media_pipeline.models import MAX_TRANSCRIPT_CHARS, Video, VideoText
from media_pipeline.storage import list_prefix
from tests.search.conftest import result_titles

ADD_URL = "/admin/transcripts/add/"
ZAHRA_AR = "زهراء تعود إلى الرسم بعد تحرير الرقة"
CHAPTERS = """WEBVTT

00:00.000 --> 00:04.000
The classroom

00:04.000 --> 00:09.500
Drawing again
"""


@pytest.fixture
def video(demo):
    return Video.objects.get(title__contains="demo clip")  # built by load_demo


def post_text(admin_client, video, *, chapters: str | None = None, transcript: str = "", **extra):
    data = {
        "video": video.pk,
        "description": extra.get("description", ""),
        "transcript": transcript,
        "chapters-count": 0,
    }
    if chapters is not None:
        data["chapters_upload"] = SimpleUploadedFile("chapters.vtt", chapters.encode(), "text/vtt")
    return admin_client.post(ADD_URL, data)


def errors(response) -> str:
    page = BeautifulSoup(response.content, "html.parser")
    return " ".join(
        e.get_text(" ", strip=True)
        for e in page.select(".error-message, .help-critical, [id$='-errors']")
    )


@pytest.mark.parametrize(
    ("chapters", "words"),
    [
        ("Chapter 1 00:00\nChapter 2 00:04\n", "Line 1: a WebVTT file must start with the word"),
        (
            "WEBVTT\n\n00:00.000 --> 00:05.000\nOne\n\n00:04.000 --> 00:09.000\nTwo\n",
            "Line 6: this chapter starts at 00:00:04.000, before the chapter on line 3 ends",
        ),
        (
            "WEBVTT\n\n00:00.000 --> 00:05.000\nOne\nand more\n",
            "Line 4: a chapter title is one line",
        ),
        (
            "WEBVTT\n\n00:00.000 --> 00:05.000\nOne\n\n00:40.000 --> 00:45.000\nLate\n",
            "Line 6: this chapter starts after the end of the video",
        ),
    ],
)
def test_bad_chapters_file_is_refused_naming_the_line_and_nothing_is_stored(
    admin_client, video, chapters, words
):
    before = list_prefix(f"videos/{video.pk}/chapters")
    response = post_text(admin_client, video, chapters=chapters, transcript="Hello")
    assert response.status_code == 200
    assert words in response.content.decode()
    assert not VideoText.objects.filter(video=video).exists()
    assert list_prefix(f"videos/{video.pk}/chapters") == before


def test_transcript_over_the_limit_is_refused_naming_the_line_and_nothing_is_stored(
    admin_client, video
):
    lines = "word " * 19 + "\n"
    transcript = lines * (MAX_TRANSCRIPT_CHARS // len(lines) + 10)
    response = post_text(admin_client, video, chapters=CHAPTERS, transcript=transcript)
    assert response.status_code == 200
    body = response.content.decode()
    limit_line = transcript[:MAX_TRANSCRIPT_CHARS].count("\n") + 1
    assert f"the limit is {MAX_TRANSCRIPT_CHARS:,}, passed on line {limit_line}" in body
    assert not VideoText.objects.filter(video=video).exists()
    assert list_prefix(f"videos/{video.pk}/chapters") == []


def test_editor_adds_transcript_and_chapters_and_visitors_see_them_under_the_player(
    admin_client, video, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_text(
            admin_client,
            video,
            chapters=CHAPTERS,
            transcript="Zahra draws in class again.\nHer teacher smiles.",
            description="A girl draws in a classroom in Raqqa.",
        )
    assert response.status_code == 302, errors(response)
    text = VideoText.objects.get(video=video)
    assert [(c.start, c.text) for c in text.chapter_list()] == [
        (0.0, "The classroom"),
        (4.0, "Drawing again"),
    ]
    assert text.chapters_file and text.chapters_file in list_prefix(f"videos/{video.pk}/chapters")

    block = VideoBlock()
    html = block.render(block.to_python({"video": video.pk, "caption": "Zahra back at school"}))
    page = BeautifulSoup(html, "html.parser")
    assert page.select_one("video")["preload"] == "none"
    assert page.select_one("track[kind=chapters]")["src"] == text.chapters_url
    links = page.select(".video-player__chapters a")
    assert [" ".join(a.get_text().split()) for a in links] == [
        "0:00 The classroom",
        "0:04 Drawing again",
    ]
    assert links[1]["href"].endswith("video.mp4#t=4.0")
    details = page.select_one("details.video-player__transcript")
    assert "Zahra draws in class again." in details.get_text()
    description = page.select_one(".video-player__description")
    assert page.select_one("video")["aria-describedby"] == description["id"]
    data = json.loads(page.select_one("script[type='application/ld+json']").string)
    assert data["@type"] == "VideoObject"
    assert data["transcript"] == "Zahra draws in class again.\nHer teacher smiles."
    assert data["description"] == "A girl draws in a classroom in Raqqa."
    assert data["duration"] == "PT0M10S"


def test_arabic_transcript_is_shown_to_arabic_visitors_and_found_by_arabic_search_only(
    client, video, django_capture_on_commit_callbacks
):
    phrase = "المعلمة تبتسم للأطفال"
    with django_capture_on_commit_callbacks(execute=True):
        VideoText.objects.create(video=video, locale=Locale.objects.get(language_code="en"))
        VideoText.objects.create(
            video=video,
            locale=Locale.objects.get(language_code="ar"),
            transcript=f"زهراء ترسم من جديد. {phrase}.",
        )
    assert ZAHRA_AR in result_titles(client.get("/ar/search/", {"q": phrase}))
    assert result_titles(client.get("/en/search/", {"q": phrase})) == []
    block = VideoBlock()
    with translation.override("ar"):
        html = block.render(block.to_python({"video": video.pk, "caption": ""}))
    details = BeautifulSoup(html, "html.parser").select_one("details.video-player__transcript")
    assert details["lang"] == "ar" and phrase in details.get_text()


def test_description_track_is_offered_as_kind_descriptions(video):
    from media_pipeline.models import CaptionTrack

    CaptionTrack.objects.create(
        video=video,
        locale=Locale.objects.get(language_code="fr"),
        kind=CaptionTrack.Kind.DESCRIPTIONS,
        cues=[("cue", {"start": 0.5, "end": 3, "text": "Une salle de classe, des dessins."})],
    )
    block = VideoBlock()
    html = block.render(block.to_python({"video": video.pk, "caption": ""}))
    page = BeautifulSoup(html, "html.parser")
    described = page.select("track[kind=descriptions]")
    assert [t["srclang"] for t in described] == ["fr"]
    assert len(page.select("track[kind=captions]")) == 3


def test_custom_poster_replaces_the_extracted_frame(video):
    from wagtail.images.tests.utils import get_test_image_file

    from media_pipeline.models import StoryImage

    extracted = video.poster_webp_url
    image = StoryImage.objects.create(title="Poster", file=get_test_image_file())
    video.poster = image
    video.save()
    block = VideoBlock()
    html = block.render(block.to_python({"video": video.pk, "caption": ""}))
    poster = BeautifulSoup(html, "html.parser").select_one("video")["poster"]
    assert poster != extracted and poster.endswith(".webp") and "images/" in poster
    video.poster = None
    video.save()
    html = block.render(block.to_python({"video": video.pk, "caption": ""}))
    assert BeautifulSoup(html, "html.parser").select_one("video")["poster"] == extracted
