"""A worker killed mid-transcode (SIGKILL, as when a machine dies) leaves the video re-runnable:
the stalled job is requeued and a second worker finishes it, with nothing of the dead attempt
left in the bucket. Real processes: ``manage.py db_worker`` subprocesses, ffmpeg, moto S3."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.files import File
from django.core.management import call_command
from django.db import transaction

from media_pipeline.models import Video
from tests.database import database_url
from tests.integration.conftest import bucket_keys
from tests.media_pipeline.conftest import make_clip

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]


def worker_env(bucket: dict, preset: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "storysite.settings.base",
        "DATABASE_URL": database_url(),
        "TASKS_BACKEND": "database",
        "AWS_STORAGE_BUCKET_NAME": bucket["name"],
        "AWS_S3_ENDPOINT_URL": bucket["endpoint"],
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "MEDIA_PIPELINE_X264_PRESET": preset,
        "LOG_LEVEL": "WARNING",
    }


def start_worker(bucket: dict, *extra: str, preset: str = "ultrafast") -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--queue-name",
            "*",
            "--no-startup-delay",
            *extra,
        ],
        cwd=REPO,
        env=worker_env(bucket, preset),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


def test_killed_worker_leaves_video_rerunnable_and_second_worker_finishes(
    transactional_db, s3_bucket, settings, tmp_path
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MEDIA_PIPELINE_STALE_AFTER_SECONDS = 2
    clip = make_clip(tmp_path / "long.mp4", seconds=6, size="1280x720")
    with transaction.atomic():
        video = Video(title="Killed midway", width=1280, height=720, duration=6)
        with clip.open("rb") as handle:
            video.source.save("long.mp4", File(handle), save=False)
        video.save()
        video.request_transcode()
    first_version = video.version

    # The first worker encodes slowly enough to be caught in the middle on 2 cores.
    worker = start_worker(s3_bucket, preset="medium")
    try:
        wait_for(
            lambda: Video.objects.filter(
                pk=video.pk, status=Video.Status.TRANSCODING, progress__gt=0
            ).exists(),
            timeout=90,
            what="the first worker to start transcoding",
        )
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()
    video.refresh_from_db()
    assert video.status == Video.Status.TRANSCODING and video.progress < 100
    assert not video.is_playable

    time.sleep(2.5)  # no heartbeat any more: the job is now stale
    call_command("requeue_stalled_videos", verbosity=0)
    video.refresh_from_db()
    assert video.status == Video.Status.QUEUED and video.version == first_version + 1

    second = start_worker(s3_bucket, "--batch")
    _out, err = second.communicate(timeout=180)
    assert second.returncode == 0, err.decode()[-2000:]
    video.refresh_from_db()
    assert video.status == Video.Status.READY, video.error_message
    assert video.outputs["version"] == first_version + 1
    keys = bucket_keys(s3_bucket)
    assert video.outputs["master"] in keys
    assert not [key for key in keys if key.startswith(f"videos/{video.pk}/{first_version}/")]
