"""First playable early, with real ffmpeg and S3 (moto over HTTP): the lowest rung and the poster
are published while the worker is still encoding the rest of the ladder, and the master playlist
visitors fetch only ever lists rungs whose playlists and segments are all in the bucket.

The second ffmpeg pass (the upper rungs) is held at a gate the test opens, so "while the rest is
still encoding" is a state the test observes for certain, not a race it hopes to win."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests
from django.core.files.storage import default_storage

from media_pipeline.blocks import VideoBlock
from media_pipeline.models import Video
from media_pipeline.tasks import transcode_video
from tests.integration.conftest import bucket_keys
from tests.media_pipeline.conftest import make_clip

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def gated_ffmpeg(tmp_path, settings):
    """ffmpeg itself, except that the pass encoding the upper rungs waits for ``gate``."""
    gate = tmp_path / "gate"
    script = tmp_path / "ffmpeg"
    script.write_text(
        "#!/bin/sh\n"
        f'case "$*" in *master-rest.m3u8*) while [ ! -e "{gate}" ]; do sleep 0.05; done;; esac\n'
        'exec ffmpeg "$@"\n'
    )
    script.chmod(0o755)
    settings.MEDIA_PIPELINE_FFMPEG = str(script)
    settings.MEDIA_PIPELINE_X264_PRESET = "ultrafast"
    settings.MEDIA_PIPELINE_LADDER = [360, 540, 720]
    return gate


def variants(master_text: str) -> list[str]:
    return [line for line in master_text.splitlines() if line and not line.startswith("#")]


def missing_references(master_url: str) -> list[str]:
    """Every rung playlist the master names, and every segment those name, that is not
    downloadable right now."""
    missing = []
    master = requests.get(master_url, timeout=5)
    if master.status_code != 200:
        return [master_url]
    for uri in variants(master.text):
        playlist_url = urljoin(master_url, uri)
        playlist = requests.get(playlist_url, timeout=5)
        if playlist.status_code != 200:
            missing.append(playlist_url)
            continue
        for segment in variants(playlist.text):
            segment_url = urljoin(playlist_url, segment)
            answer = requests.get(segment_url, headers={"Range": "bytes=0-0"}, timeout=5)
            if answer.status_code not in (200, 206):
                missing.append(segment_url)
    return missing


def wait_for(predicate, timeout: float = 90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail("timed out")


def test_lowest_rung_plays_on_the_page_while_the_rest_of_the_ladder_is_encoded(
    s3_bucket, gated_ffmpeg, tmp_path
):
    clip = make_clip(tmp_path / "interview.mp4", seconds=6, size="1280x720")
    with clip.open("rb") as handle:
        source = default_storage.save("videos/sources/early/interview.mp4", handle)
    video = Video.objects.create(
        title="Early", source=source, status=Video.Status.QUEUED, version=1
    )
    job = threading.Thread(target=transcode_video.call, args=(video.pk, 1), daemon=True)
    job.start()

    # First rung published: playable, still transcoding, master lists the lowest rung only.
    wait_for(lambda: Video.objects.get(pk=video.pk).outputs.get("master"))
    video = Video.objects.get(pk=video.pk)
    first_master = video.outputs["master"]
    assert video.status == Video.Status.TRANSCODING
    assert video.is_playable
    assert [r["name"] for r in video.outputs["renditions"]] == ["360p"]
    master_url = video.master_url
    assert variants(requests.get(master_url, timeout=5).text) == ["360p/index.m3u8"]
    assert missing_references(master_url) == []
    keys = bucket_keys(s3_bucket)
    assert video.outputs["poster_jpeg"] in keys and video.outputs["poster_webp"] in keys
    assert video.outputs["mp4"] in keys
    assert not any("/hls/720p/" in key or "/hls/540p/" in key for key in keys)
    assert requests.get(master_url, timeout=5).headers["Cache-Control"] == "public, no-cache"

    # The page shows a player (poster, HLS and MP4 sources), not the "being prepared" notice.
    block = VideoBlock()
    html = block.render(block.to_python({"video": video.pk, "caption": "Early"}))
    assert f'data-hls-src="{master_url}"' in html
    assert video.poster_webp_url in html
    assert f'src="{video.mp4_url}"' in html
    assert "video-player__placeholder" not in html

    # While the upper rungs are encoded and stored, every version of the master a visitor can
    # fetch refers only to complete rungs.
    seen: list[list[str]] = []
    problems: list[str] = []
    stop = threading.Event()

    def watch() -> None:
        # One last look once the job has ended, so the final master is always among those seen.
        while True:
            finished = stop.is_set()
            text = requests.get(master_url, timeout=5).text
            if not seen or seen[-1] != variants(text):
                seen.append(variants(text))
            problems.extend(missing_references(master_url))
            if finished:
                return
            time.sleep(0.05)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    Path(gated_ffmpeg).touch()
    job.join(timeout=120)
    stop.set()
    watcher.join(timeout=30)

    video.refresh_from_db()
    assert video.status == Video.Status.READY, video.error_message
    assert problems == []
    assert seen[0] == ["360p/index.m3u8"]
    final = ["360p/index.m3u8", "540p/index.m3u8", "720p/index.m3u8"]
    assert variants(requests.get(master_url, timeout=5).text) == final
    assert seen[-1] == final and all(step in (seen[0], final) for step in seen)
    assert video.outputs["master"] == first_master
    assert [r["name"] for r in video.outputs["renditions"]] == ["360p", "540p", "720p"]
    assert video.outputs["mp4"].endswith("/video.mp4") and video.outputs["mp4"] in bucket_keys(
        s3_bucket
    )
    assert missing_references(master_url) == []
