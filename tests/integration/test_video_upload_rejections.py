"""Every kind of bad upload is refused with a message an editor can act on, and leaves no
database row and no object in the bucket."""

from __future__ import annotations

import io
import subprocess
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from media_pipeline.models import Video
from tests.integration.conftest import bucket_keys
from tests.media_pipeline.conftest import clips, make_clip  # noqa: F401 (fixture)

pytestmark = pytest.mark.integration


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "red").save(buffer, "JPEG")
    return buffer.getvalue()


def audio_only(tmp_path) -> bytes:
    path = tmp_path / "voice.mp4"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine", "-t", "1", "-c:a", "aac", str(path)],
        check=True,
    )
    return path.read_bytes()


def hls_playlist(segment: Path) -> bytes:
    """An HLS playlist that makes a demuxer read local files: /etc/passwd and a real segment."""
    return (
        "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:10\n"
        f"#EXTINF:10,\nfile:///etc/passwd\n#EXTINF:2,\nfile://{segment}\n#EXT-X-ENDLIST\n"
    ).encode()


def concat_list(segment: Path) -> bytes:
    return f"ffconcat version 1.0\nfile /etc/passwd\nfile {segment}\n".encode()


@pytest.fixture
def bad_files(clips, tmp_path):  # noqa: F811
    clip = clips["640x360"].read_bytes()
    segment = tmp_path / "segment.ts"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(clips["640x360"]), "-c", "copy", str(segment)],
        check=True,
    )
    faststart = make_clip(tmp_path / "fs.mp4", seconds=2, extra=["-movflags", "+faststart"])
    return {
        "not_video": ("report.mp4", b"<html><body>Not a video</body></html>" * 50),
        "disguised_image": ("holiday.mov", jpeg_bytes()),
        "no_video_stream": ("interview.mp4", audio_only(tmp_path)),
        "truncated_index_missing": ("cut.mp4", clip[: len(clip) // 3]),
        "truncated_end_missing": ("cut2.mp4", faststart.read_bytes()[:30_000]),
        "wrong_extension": ("notes.txt", b"hello"),
        "empty": ("empty.mp4", b""),
        "too_big": ("big.mp4", clip),
        "too_long": ("long.mp4", clip),
        "hls_playlist": ("playlist.mp4", hls_playlist(segment)),
        "concat_list": ("list.mkv", concat_list(segment)),
        "probe_hangs": ("slow.mp4", clip),
    }


EXPECTED = {
    "not_video": "its content is not a video",
    "disguised_image": "is a JPEG image",
    "no_video_stream": "has no picture",
    "truncated_index_missing": "is incomplete",
    "truncated_end_missing": "damaged or incomplete",
    "wrong_extension": "is not a video file",
    "empty": "is empty",
    "too_big": "the largest video you can upload is 1000",
    "too_long": "videos can be at most 0 min 01 s long",
    "hls_playlist": "is a playlist or a list of other files, not a video",
    "concat_list": "is a playlist or a list of other files, not a video",
    "probe_hangs": "took longer than 1 second",
}


def hanging_ffprobe(folder: Path) -> Path:
    """An "ffprobe" that never answers, like one stuck on a crafted file."""
    script = folder / "ffprobe-hangs"
    script.write_text("#!/bin/sh\nsleep 300\n")
    script.chmod(0o755)
    return script


@pytest.mark.parametrize("case", list(EXPECTED))
def test_bad_upload_is_refused_with_an_actionable_message_and_leaves_nothing(
    case, admin_client, s3_bucket, bad_files, settings, django_capture_on_commit_callbacks, tmp_path
):
    if case == "too_big":
        settings.MEDIA_PIPELINE_MAX_UPLOAD_BYTES = 1000
    if case == "too_long":
        settings.MEDIA_PIPELINE_MAX_DURATION_SECONDS = 1
    if case == "probe_hangs":
        settings.MEDIA_PIPELINE_FFPROBE = str(hanging_ffprobe(tmp_path))
        settings.MEDIA_PIPELINE_PROBE_TIMEOUT_SECONDS = 1
    name, data = bad_files[case]
    before = Video.objects.count()
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/videos/add/",
            {"title": "Bad one", "source": SimpleUploadedFile(name, data, "video/mp4")},
        )
    assert time.monotonic() - started < 15  # a hanging ffprobe does not hold the request
    assert response.status_code == 200  # the form again, with the error
    errors = response.context["form"].errors["source"]
    assert any(EXPECTED[case] in error for error in errors), errors
    assert name in " ".join(errors) or case == "empty"
    assert Video.objects.count() == before
    assert bucket_keys(s3_bucket) == []
