"""A worker killed mid-transcode (SIGKILL, as when a machine dies or the OOM killer strikes):
its ffmpeg dies with it, and another video worker, already running and idle, takes the video
over once the lease expires and finishes it, removing the dead worker's scratch folder, with
no admin page open and no cron. Real processes: ``manage.py db_worker`` subprocesses, ffmpeg,
moto S3."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.files import File
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from media_pipeline.models import Video
from tests.database import database_url
from tests.integration.conftest import bucket_keys
from tests.media_pipeline.conftest import make_clip

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
LEASE_SECONDS = 3


def worker_env(bucket: dict, preset: str, work_dir: Path | None = None) -> dict:
    """The environment of a worker process against ``bucket`` (also used by test_s3_outage)."""
    env = {
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
    if work_dir is not None:
        env["MEDIA_PIPELINE_LEASE_SECONDS"] = str(LEASE_SECONDS)
        env["MEDIA_PIPELINE_WORK_DIR"] = str(work_dir)
    return env


def start_video_worker(bucket: dict, work_dir: Path, preset: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--queue-name",
            "video",
            "--no-startup-delay",
            "--no-reload",
            "--interval",
            "0.5",
        ],
        cwd=REPO,
        env=worker_env(bucket, preset, work_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def processes_using(path: Path) -> list[tuple[int, str]]:
    """Live processes whose command line mentions ``path`` (ffmpeg reads and writes there)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        text = " ".join(part.decode(errors="replace") for part in argv)
        if str(path) in text:
            found.append((int(entry.name), text[:200]))
    return found


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


def stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux-only")
def test_killed_worker_is_taken_over_by_an_idle_worker_and_leaves_no_ffmpeg_or_scratch(
    transactional_db, s3_bucket, settings, tmp_path
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "video"]}
    }
    settings.MEDIA_PIPELINE_LEASE_SECONDS = LEASE_SECONDS
    work_dir = tmp_path / "work"
    clip = make_clip(tmp_path / "long.mp4", seconds=8, size="1280x720")
    with transaction.atomic():
        video = Video(title="Killed midway", width=1280, height=720, duration=8)
        with clip.open("rb") as handle:
            video.source.save("long.mp4", File(handle), save=False)
        video.save()
        video.request_transcode()
    first_version = video.version

    # The first worker encodes slowly enough to be caught in the middle on 2 cores.
    first = start_video_worker(s3_bucket, work_dir, preset="medium")
    second = None
    try:
        wait_for(
            lambda: Video.objects.filter(
                pk=video.pk, status=Video.Status.TRANSCODING, progress__gt=0
            ).exists(),
            timeout=120,
            what="the first worker to start transcoding",
        )
        # The second worker is already running, idle, when the first one dies.
        second = start_video_worker(s3_bucket, work_dir, preset="ultrafast")
        time.sleep(1.5)
        scratch = [path for path in work_dir.iterdir() if f"pid{first.pid}" in path.name]
        assert len(scratch) == 1 and any(path.is_file() for path in scratch[0].rglob("*"))
        assert processes_using(work_dir), "ffmpeg should be encoding in the scratch folder"

        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        killed_at = time.monotonic()

        # ffmpeg dies with its worker: nothing keeps encoding in the scratch folder.
        wait_for(
            lambda: not processes_using(scratch[0]),
            timeout=5,
            what=f"ffmpeg to die with its worker ({processes_using(scratch[0])})",
        )
        # Still "transcoding"; if the lowest rung was already published it keeps playing.
        video.refresh_from_db()
        assert video.status == Video.Status.TRANSCODING
        if video.is_playable:
            assert video.outputs["master"] in bucket_keys(s3_bucket)

        # No HTTP request, no management command: the idle worker takes over after the lease.
        wait_for(
            lambda: Video.objects.filter(pk=video.pk, version=first_version + 1).exists(),
            timeout=LEASE_SECONDS + 15,
            what="the idle worker to take the video over",
        )
        assert time.monotonic() - killed_at < LEASE_SECONDS + 15
        wait_for(
            lambda: (
                Video.objects.filter(pk=video.pk, status=Video.Status.READY).exists()
                or Video.objects.filter(pk=video.pk, status=Video.Status.FAILED).exists()
            ),
            timeout=180,
            what="the second worker to finish",
        )
    finally:
        if first.poll() is None:
            first.kill()
        if second is not None:
            stop(second)
    video.refresh_from_db()
    assert video.status == Video.Status.READY, video.error_message
    assert video.outputs["version"] == first_version + 1
    keys = bucket_keys(s3_bucket)
    assert video.outputs["master"] in keys
    assert not [key for key in keys if key.startswith(f"videos/{video.pk}/{first_version}/")]
    # The dead worker's scratch folder is gone, and so is the second worker's (finished).
    assert not scratch[0].exists()
    assert list(work_dir.iterdir()) == []
    # The dead worker's task result does not claim to be running for ever.
    results = {
        tuple(result.args_kwargs["args"][:2]): result.status
        for result in DBTaskResult.objects.filter(task_path="media_pipeline.tasks.transcode_video")
    }
    assert results == {
        (video.pk, first_version): "FAILED",
        (video.pk, first_version + 1): "SUCCESSFUL",
    }


def test_worker_killed_while_checking_a_direct_upload_the_idle_worker_checks_it_again(
    transactional_db, s3_bucket, settings, tmp_path, admin_client
):
    """The check of a file sent straight to the bucket is a job like a transcode: if its
    worker dies, the editor's upload is not lost (nor swept as abandoned) and the video does
    not stay "Checking the file": another worker checks the same object and transcodes it."""
    from tests.integration.test_video_direct_upload_s3 import upload_through_endpoints

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "video"]}
    }
    settings.MEDIA_PIPELINE_LEASE_SECONDS = LEASE_SECONDS
    work_dir = tmp_path / "work"
    clip = make_clip(tmp_path / "interview.mp4", seconds=2, extra=["-movflags", "+faststart"])
    # Padding after the streams (players and ffprobe ignore it) makes the check's download
    # long enough to be caught in the middle.
    data = clip.read_bytes() + bytes(48 * 1024 * 1024)
    upload = upload_through_endpoints(admin_client, data)
    response = admin_client.post(
        "/admin/videos/add/", {"title": "Checked twice", "source": upload["key"]}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    video = Video.objects.get(title="Checked twice")

    first = start_video_worker(s3_bucket, work_dir, preset="ultrafast")
    second = None
    try:
        second = start_video_worker(s3_bucket, work_dir, preset="ultrafast")
        wait_for(
            lambda: Video.objects.filter(
                pk=video.pk, status=Video.Status.PROBING, heartbeat_at__isnull=False
            ).exists(),
            timeout=60,
            what="a worker to start checking the upload",
        )
        checking = [
            worker
            for worker in (first, second)
            if any(f"pid{worker.pid}" in path.name for path in work_dir.iterdir())
        ]
        assert len(checking) == 1, "one worker should be downloading the upload"
        checking[0].send_signal(signal.SIGKILL)
        checking[0].wait(timeout=10)
        survivor = second if checking[0] is first else first

        wait_for(
            lambda: (
                Video.objects.filter(
                    pk=video.pk, status__in=[Video.Status.READY, Video.Status.FAILED]
                ).exists()
                or Video.objects.filter(pk=video.pk, status=Video.Status.REFUSED).exists()
            ),
            timeout=LEASE_SECONDS + 120,
            what="the other worker to check and transcode the upload",
        )
    finally:
        for worker in (first, second):
            if worker is not None and worker.poll() is None:
                stop(worker)
    video.refresh_from_db()
    assert video.status == Video.Status.READY, video.error_message
    assert video.source.name == upload["key"]
    assert video.outputs["master"] in bucket_keys(s3_bucket)
    assert survivor.returncode is not None
    assert list(work_dir.iterdir()) == []
