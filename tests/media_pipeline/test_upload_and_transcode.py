"""An editor uploads a video in the admin; the task turns it into streaming outputs."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from media_pipeline.models import Video
from media_pipeline.storage import list_prefix

ADD_URL = "/admin/videos/add/"


def upload(admin_client, path: Path, title: str = "Zahra in class", name: str | None = None):
    with path.open("rb") as handle:
        data = handle.read()
    return admin_client.post(
        ADD_URL,
        {"title": title, "source": SimpleUploadedFile(name or path.name, data, "video/mp4")},
    )


def ffprobe_duration(path: str) -> float:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip())


def test_uploaded_video_is_transcoded_to_hls_ladder_mp4_and_poster(
    admin_client, clips, fast_encoding, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(admin_client, clips["640x360"])
    assert response.status_code == 302, response.content.decode()[:2000]
    video = Video.objects.get(title="Zahra in class")
    assert video.status == Video.Status.READY, video.error_message
    assert video.progress == 100
    assert (video.width, video.height) == (640, 360)
    assert [r["name"] for r in video.outputs["renditions"]] == ["360p"]
    names = list_prefix(f"videos/{video.pk}")
    assert f"videos/{video.pk}/1/hls/master.m3u8" in names
    assert any(name.endswith(".ts") for name in names)
    mp4 = default_storage.path(video.outputs["mp4"])
    assert ffprobe_duration(mp4) == pytest.approx(2.5, abs=0.2)
