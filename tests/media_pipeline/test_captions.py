"""Caption files: malformed WebVTT is refused with the line at fault; good files become cues
that round-trip to WebVTT."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from media_pipeline.captions import (
    decode_caption_file,
    parse_webvtt,
    read_caption_upload,
    render_webvtt,
)

PROJECT = Path(__file__).resolve().parents[2]

GOOD = """WEBVTT - Zahra

NOTE made by the captions team

intro
00:00.500 --> 00:03.000 line:85%
Zahra’s classroom reopened.

01:00:03.800 --> 01:00:06.800
Drawing lets her say
what words cannot.
"""


def test_good_file_becomes_cues_and_round_trips():
    cues = parse_webvtt(GOOD)
    assert [(c.start, c.end) for c in cues] == [(0.5, 3.0), (3603.8, 3606.8)]
    assert cues[1].text == "Drawing lets her say\nwhat words cannot."
    again = parse_webvtt(render_webvtt(cues))
    assert again == cues


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("Zahra\n\n00:01.000 --> 00:02.000\nHi\n", 1, "must start with the word WEBVTT"),
        (
            "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n\n00:03,000 --> 00:04.000\nBye\n",
            6,
            "not a valid cue timing",
        ),
        ("WEBVTT\n\n00:05.000 --> 00:02.000\nBackwards\n", 3, "ends before"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\n\n", 3, "no text"),
        ("WEBVTT\n\nintro\nno timing here\n", 3, "expected a cue timing"),
    ],
)
def test_malformed_webvtt_is_refused_with_its_line_number(text, line, words):
    with pytest.raises(ValidationError) as error:
        parse_webvtt(text)
    message = error.value.messages[0]
    assert message.startswith(f"Line {line}:"), message
    assert words in message


def test_non_utf8_caption_file_names_the_line():
    with pytest.raises(ValidationError) as error:
        decode_caption_file("WEBVTT\n\n00:01.000 --> 00:02.000\nCafé\n".encode("latin-1"))
    assert error.value.messages[0].startswith("Line 4:")


def test_the_translation_editor_can_link_to_videos_and_captions(admin_client, demo):
    """wagtail-localize's editor builds snippet links from Wagtail's default URL namespace; a
    custom namespace made its video lookup answer 500 inside the French story's editor."""
    from media_pipeline.models import CaptionTrack, Video

    video = Video.objects.first()
    response = admin_client.get(f"/admin/localize/api/snippets/media_pipeline/video/{video.pk}/")
    assert response.status_code == 200
    assert response.json()["edit_url"].endswith(f"/videos/edit/{video.pk}/")

    track = CaptionTrack.objects.filter(locale__language_code="fr").first()
    response = admin_client.get(
        f"/admin/localize/api/snippets/media_pipeline/captiontrack/{track.pk}/"
    )
    assert response.status_code == 200


class CountingUpload(SimpleUploadedFile):
    """An upload that counts the bytes read from it, to show where reading stops."""

    bytes_read = 0

    def read(self, size=-1):
        data = super().read(size)
        self.bytes_read += len(data)
        return data

    def chunks(self, chunk_size=None):
        for chunk in super().chunks(chunk_size):
            self.bytes_read += len(chunk)
            yield chunk


def oversized_upload(size: int) -> CountingUpload:
    body = b"WEBVTT\n\n" + b"00:01.000 --> 00:02.000\nline\n\n" * (size // 30 + 1)
    return CountingUpload("huge.vtt", body, "text/vtt")


def test_oversized_caption_file_is_refused_without_reading_it_whole(settings):
    settings.MEDIA_PIPELINE_MAX_CAPTION_BYTES = 100_000
    upload = oversized_upload(20 * 1024 * 1024)
    with pytest.raises(ValidationError) as error:
        read_caption_upload(upload)
    assert error.value.messages == [
        "This caption file is larger than 97.7\xa0KB, the largest caption file accepted. "
        "Is it really a WebVTT file?"
    ]
    # Stopped just past the limit, not after 20 MB.
    assert upload.bytes_read <= 100_000 + 64 * 1024


def test_caption_file_at_the_limit_is_read(settings):
    text = GOOD.encode()
    settings.MEDIA_PIPELINE_MAX_CAPTION_BYTES = len(text)
    upload = SimpleUploadedFile("ok.vtt", text, "text/vtt")
    assert read_caption_upload(upload) == GOOD


def test_caption_admin_form_names_the_limit(admin_client, demo, settings, locales):
    from media_pipeline.models import Video

    settings.MEDIA_PIPELINE_MAX_CAPTION_BYTES = 1024
    response = admin_client.post(
        "/admin/captions/add/",
        {
            "video": Video.objects.first().pk,
            "locale": locales["en"].pk,
            "vtt_file": oversized_upload(4096),
            "cues-count": 0,
        },
    )
    assert response.status_code == 200
    assert "larger than 1.0\xa0KB, the largest caption file accepted" in response.content.decode()


def test_caption_limit_is_read_from_the_environment():
    """Booting the site with MEDIA_PIPELINE_MAX_CAPTION_BYTES set: its forms use that limit."""
    script = (
        "from django.core.files.uploadedfile import SimpleUploadedFile as F\n"
        "from media_pipeline.captions import read_caption_upload\n"
        "try:\n"
        "    read_caption_upload(F('a.vtt', b'WEBVTT\\n\\n' + b'x' * 600))\n"
        "except Exception as exc:\n"
        "    print(exc.messages[0])\n"
    )
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=PROJECT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "storysite.settings.dev",
            "MEDIA_PIPELINE_MAX_CAPTION_BYTES": "512",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "larger than 512\xa0bytes" in done.stdout, done.stderr[-2000:]
