"""The video chooser tells an editor what they are choosing (poster, duration, status, caption
and transcript languages) and warns about a video that is not ready; recordings are checked
with ffprobe on upload, made into loudness-normalised AAC and Opus on the video queue, and
played with a native <audio> player and a transcript."""

from __future__ import annotations

import json
import subprocess

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from media_pipeline.blocks import AudioBlock
from media_pipeline.models import Audio, Video
from media_pipeline.storage import list_prefix

AUDIO_ADD_URL = "/admin/audio/add/"


def chooser_html(admin_client) -> BeautifulSoup:
    chooser = Video.snippet_viewset.chooser_viewset
    response = admin_client.get(reverse(chooser.get_url_name("choose")))
    assert response.status_code == 200
    return BeautifulSoup(response.json()["html"], "html.parser")


def row_of(page: BeautifulSoup, title: str):
    return next(tr for tr in page.select("tbody tr") if title in tr.get_text())


def test_chooser_shows_poster_duration_status_and_languages(admin_client, demo):
    video = Video.objects.get(title__contains="demo clip")
    row = row_of(chooser_html(admin_client), video.title)
    text = " ".join(row.get_text(" ").split())
    assert row.select_one("img")["src"] == video.thumbnail_url
    assert "0:10" in text
    assert "Ready" in text
    assert "Captions: ar en fr" in text and "Transcript: —" in text
    assert "Not ready yet" not in text


def test_chooser_warns_about_a_video_that_is_not_ready_and_the_chosen_label_says_so(
    admin_client, demo
):
    video = Video.objects.create(
        title="Interview in Mosul", source="videos/sources/x/a.mp4", duration=75
    )
    Video.objects.filter(pk=video.pk).update(status=Video.Status.TRANSCODING)
    row = row_of(chooser_html(admin_client), "Interview in Mosul")
    text = " ".join(row.get_text(" ").split())
    assert "Transcoding" in text and "1:15" in text
    assert "Not ready yet: you can choose it; visitors see “being prepared”" in text
    chooser = Video.snippet_viewset.chooser_viewset
    chosen = admin_client.get(reverse(chooser.get_url_name("chosen"), args=[video.pk])).json()
    assert chosen["result"]["string"] == (
        "Interview in Mosul — Transcoding: not ready yet; visitors see “being prepared”"
    )


def make_recording(path, seconds: float = 2.0):
    subprocess.run(
        [
            *("ffmpeg", "-v", "error", "-y", "-f", "lavfi"),
            *("-i", "sine=frequency=220:sample_rate=44100", "-t", str(seconds)),
            *("-c:a", "libmp3lame", str(path)),
        ],
        check=True,
    )
    return path


def upload_audio(admin_client, name: str, data: bytes, title: str = "Testimony"):
    return admin_client.post(
        AUDIO_ADD_URL,
        {"title": title, "source": SimpleUploadedFile(name, data, "audio/mpeg")},
    )


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("testimony.mp3", b"ID3 this is not really an mp3 at all" * 50, "is not audio we can read"),
        ("testimony.mp3", b"", "is empty"),
        ("notes.txt", b"hello", "is not an audio file"),
        ("list.mp3", b"#EXTM3U\nother.mp3\n", "is a playlist"),
    ],
)
def test_broken_recording_is_refused_with_a_message_and_nothing_is_stored(
    admin_client, db, name, data, words
):
    stored_before = list_prefix("audio/")  # the demo's own recording
    response = upload_audio(admin_client, name, data)
    assert response.status_code == 200
    assert words in response.content.decode()
    assert not Audio.objects.filter(title="Testimony").exists()
    assert list_prefix("audio/") == stored_before


def test_recording_becomes_aac_and_opus_and_plays_in_a_native_audio_player(
    admin_client, db, tmp_path, django_capture_on_commit_callbacks
):
    clip = make_recording(tmp_path / "testimony.mp3")
    with django_capture_on_commit_callbacks(execute=True):
        response = upload_audio(admin_client, clip.name, clip.read_bytes())
    assert response.status_code == 302, response.content.decode()[:2000]
    audio = Audio.objects.get(title="Testimony")
    assert audio.status == Audio.Status.READY, audio.error_message
    names = list_prefix(f"audio/{audio.pk}")
    outputs = [audio.outputs["aac"], audio.outputs["opus"], audio.outputs["waveform"]]
    assert sorted(names) == sorted(outputs)
    from django.core.files.storage import default_storage
    from PIL import Image

    # The waveform: a wide, short PNG with the sound drawn on a transparent background.
    with Image.open(default_storage.path(audio.outputs["waveform"])) as waveform:
        assert waveform.format == "PNG" and waveform.size == (1200, 160)
        alpha = waveform.convert("RGBA").getchannel("A")
        drawn = 1200 * 160 - alpha.histogram()[0]
        assert 0.02 < drawn / (1200 * 160) < 0.9, drawn

    for key, codec in (("aac", "aac"), ("opus", "opus")):
        probe = json.loads(
            subprocess.run(
                [
                    *("ffprobe", "-v", "error", "-print_format", "json", "-show_streams"),
                    default_storage.path(audio.outputs[key]),
                ],
                capture_output=True,
                check=True,
                text=True,
            ).stdout
        )
        assert [s["codec_name"] for s in probe["streams"]] == [codec]

    block = AudioBlock()
    html = block.render(
        block.to_python(
            {"audio": audio.pk, "caption": "Amina remembers", "transcript": "I remember."}
        )
    )
    page = BeautifulSoup(html, "html.parser")
    picture = page.select_one("img.audio-player__waveform")
    assert picture["src"] == default_storage.url(audio.outputs["waveform"])
    assert picture["alt"] == "" and picture["loading"] == "lazy"
    assert (picture["width"], picture["height"]) == ("1200", "160")
    player = page.select_one("audio")
    assert player["preload"] == "none" and player.has_attr("controls")
    assert [s["type"] for s in player.select("source")] == [
        "audio/webm; codecs=opus",
        "audio/mp4",
    ]
    assert "I remember." in page.select_one("details.video-player__transcript").get_text()

    source, pk = audio.source.name, audio.pk
    with django_capture_on_commit_callbacks(execute=True):
        audio.delete()
    assert list_prefix(f"audio/{pk}") == []
    assert not default_storage.exists(source)


def test_recording_not_ready_shows_a_notice(db):
    audio = Audio.objects.create(title="Later", source="audio/sources/x/a.mp3")
    block = AudioBlock()
    html = block.render(block.to_python({"audio": audio.pk, "caption": "", "transcript": ""}))
    assert "being prepared" in html and "<audio" not in html
