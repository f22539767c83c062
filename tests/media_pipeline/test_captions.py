"""Caption files: malformed WebVTT is refused with the line at fault; good files become cues
that round-trip to WebVTT."""

import pytest
from django.core.exceptions import ValidationError

from media_pipeline.captions import decode_caption_file, parse_webvtt, render_webvtt

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
