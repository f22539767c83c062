"""The video pipeline against a real S3 endpoint (moto over HTTP) and real ffmpeg: an editor's
upload through the admin form ends as HLS ladder, MP4, poster and captions in the bucket."""

from __future__ import annotations

import subprocess

import pytest
import requests
from django.core.files.uploadedfile import SimpleUploadedFile

from media_pipeline.models import CaptionTrack, Video
from tests.integration.conftest import bucket_keys
from tests.media_pipeline.conftest import clips, fast_encoding, make_clip  # noqa: F401 (fixtures)

pytestmark = pytest.mark.integration

VTT = b"WEBVTT\n\n00:00.500 --> 00:02.000\nZahra opens her sketchbook.\n"


def ffprobe_duration(url: str) -> float:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", url],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip())


@pytest.fixture(scope="module")
def clip_720p(tmp_path_factory):
    return make_clip(
        tmp_path_factory.mktemp("s3clips") / "interview.mp4", seconds=3, size="1280x720"
    )


def test_editor_upload_ends_as_hls_ladder_mp4_poster_and_captions_in_the_bucket(
    admin_client,
    s3_bucket,
    clip_720p,
    fast_encoding,
    django_capture_on_commit_callbacks,
    locales,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/videos/add/",
            {
                "title": "Dohuk schools",
                "source": SimpleUploadedFile("interview.mp4", clip_720p.read_bytes(), "video/mp4"),
            },
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    video = Video.objects.get(title="Dohuk schools")
    assert video.status == Video.Status.READY, video.error_message

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/captions/add/",
            {
                "video": video.pk,
                "locale": locales["en"].pk,
                "kind": "captions",
                "vtt_file": SimpleUploadedFile("en.vtt", VTT, "text/vtt"),
                "cues-count": 0,
            },
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    track = CaptionTrack.objects.get(video=video)

    client, bucket = s3_bucket["client"], s3_bucket["name"]
    keys = bucket_keys(s3_bucket)
    prefix = f"videos/{video.pk}/{video.version}/"
    assert f"{prefix}hls/master.m3u8" in keys
    assert video.source.name in keys

    def head(key):
        return client.head_object(Bucket=bucket, Key=key)

    master = (
        client.get_object(Bucket=bucket, Key=f"{prefix}hls/master.m3u8")["Body"].read().decode()
    )
    rungs = ["360p", "540p", "720p"]  # never above the 720p source
    for rung in rungs:
        assert f"{rung}/index.m3u8" in master
        playlist_key = f"{prefix}hls/{rung}/index.m3u8"
        assert head(playlist_key)["ContentType"] == "application/vnd.apple.mpegurl"
        playlist = client.get_object(Bucket=bucket, Key=playlist_key)["Body"].read().decode()
        segments = [line for line in playlist.splitlines() if line.endswith(".ts")]
        assert segments
        for segment in segments:
            meta = head(f"{prefix}hls/{rung}/{segment}")
            assert meta["ContentType"] == "video/mp2t"
            assert "immutable" in meta["CacheControl"]
        # The rung plays for as long as the source.
        url = f"{s3_bucket['endpoint']}/{bucket}/{playlist_key}"
        assert ffprobe_duration(url) == pytest.approx(3.0, abs=0.3)
    assert "1080p/index.m3u8" not in master

    assert head(f"{prefix}video.mp4")["ContentType"] == "video/mp4"
    mp4_url = f"{s3_bucket['endpoint']}/{bucket}/{prefix}video.mp4"
    assert ffprobe_duration(mp4_url) == pytest.approx(3.0, abs=0.2)
    assert head(f"{prefix}poster.jpg")["ContentType"] == "image/jpeg"
    assert head(f"{prefix}poster.webp")["ContentType"] == "image/webp"
    assert head(f"{prefix}thumbnail.jpg")["ContentType"] == "image/jpeg"
    assert head(track.file)["ContentType"].startswith("text/vtt")
    vtt = requests.get(f"{s3_bucket['endpoint']}/{bucket}/{track.file}", timeout=10).text
    assert "Zahra opens her sketchbook." in vtt

    # Deleting the video deletes every object it owns.
    with django_capture_on_commit_callbacks(execute=True):
        video.delete()
    assert bucket_keys(s3_bucket) == []


def test_replacing_the_source_keeps_the_old_version_until_the_new_one_is_ready(
    admin_client,
    s3_bucket,
    clips,
    fast_encoding,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            "/admin/videos/add/",
            {
                "title": "Mosul market",
                "source": SimpleUploadedFile("a.mp4", clips["640x360"].read_bytes()),
            },
        )
    video = Video.objects.get(title="Mosul market")
    first_master = video.outputs["master"]
    old_source = video.source.name

    # Replace, but hold the job: the page still has the old, complete version.
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = admin_client.post(
            f"/admin/videos/edit/{video.pk}/",
            {
                "title": "Mosul market",
                "source": SimpleUploadedFile("b.mp4", clips["silent"].read_bytes()),
            },
        )
    assert response.status_code == 302
    video.refresh_from_db()
    assert video.status == Video.Status.QUEUED
    assert video.outputs["master"] == first_master and video.is_playable

    for callback in callbacks:
        callback()
    video.refresh_from_db()
    assert video.status == Video.Status.READY, video.error_message
    assert video.outputs["master"] != first_master
    keys = bucket_keys(s3_bucket)
    assert first_master not in keys  # old version removed once the new one is live
    assert old_source not in keys
    assert video.outputs["master"] in keys
    assert (video.width, video.height) == (320, 180)
