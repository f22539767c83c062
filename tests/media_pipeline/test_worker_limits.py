"""The limits the video workers put on ffmpeg and on themselves: time limits that kill the whole
process group, scratch folders of dead workers removed, settings read from the environment."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from media_pipeline import conf
from media_pipeline.tasks import remove_orphaned_work_dirs
from media_pipeline.transcode import TranscodeError, run_ffmpeg

PROJECT = Path(__file__).resolve().parents[2]


def is_gone(pid: int) -> bool:
    """No such process, or a dead one not yet reaped (a zombie)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def wait_until_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not is_gone(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_ffmpeg_past_its_time_limit_is_killed_with_everything_it_started(tmp_path):
    marker = tmp_path / "child-pid"
    script = tmp_path / "stuck-ffmpeg"
    # A stand-in for an ffmpeg stuck on a crafted file: silent, and with a child of its own.
    script.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > {marker}\nwait\n")
    script.chmod(0o755)
    started = time.monotonic()
    with pytest.raises(TranscodeError) as error:
        run_ffmpeg([str(script)], duration=2, timeout=1)
    assert time.monotonic() - started < 10
    assert "took longer than 1 s" in str(error.value)
    assert wait_until_gone(int(marker.read_text()), timeout=2)


def test_transcode_time_limit_grows_with_the_duration(settings):
    settings.MEDIA_PIPELINE_TRANSCODE_TIMEOUT_MIN_SECONDS = 600
    settings.MEDIA_PIPELINE_TRANSCODE_TIMEOUT_FACTOR = 10
    assert conf.transcode_timeout_seconds(30) == 600
    assert conf.transcode_timeout_seconds(3600) == 36000


def test_scratch_folders_of_dead_workers_are_removed(settings, tmp_path):
    settings.MEDIA_PIPELINE_WORK_DIR = str(tmp_path)
    finished = subprocess.Popen(["true"])
    finished.wait()  # a pid that no longer runs
    dead = tmp_path / f"video-3-v2-pid{finished.pid}"
    alive = tmp_path / f"video-4-v1-pid{os.getppid()}"
    own_leftover = tmp_path / f"video-5-v1-pid{os.getpid()}"
    unrelated = tmp_path / "notes"
    for folder in (dead, alive, own_leftover, unrelated):
        (folder / "out").mkdir(parents=True)
        (folder / "out" / "segment.ts").write_bytes(b"x" * 1000)
    removed = remove_orphaned_work_dirs()
    assert sorted(removed) == sorted([dead, own_leftover])
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([alive.name, "notes"])


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "storysite.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_worker_settings_are_read_from_the_environment(tmp_path):
    done = run_manage(
        "shell",
        "-c",
        "from media_pipeline import conf; print('CONF', conf.lease_seconds(),"
        " conf.probe_timeout_seconds(), conf.transcode_timeout_seconds(100), conf.work_dir(),"
        " conf.queue_name())",
        MEDIA_PIPELINE_LEASE_SECONDS="20",
        MEDIA_PIPELINE_PROBE_TIMEOUT_SECONDS="7",
        MEDIA_PIPELINE_TRANSCODE_TIMEOUT_MIN_SECONDS="30",
        MEDIA_PIPELINE_TRANSCODE_TIMEOUT_FACTOR="2.5",
        MEDIA_PIPELINE_WORK_DIR=str(tmp_path / "scratch"),
        MEDIA_PIPELINE_QUEUE="video",
    )
    line = next((line for line in done.stdout.splitlines() if line.startswith("CONF ")), "")
    assert line.split()[1:] == ["20.0", "7.0", "250.0", str(tmp_path / "scratch"), "video"], (
        done.stdout[-2000:] + done.stderr[-2000:]
    )


def test_check_warns_when_the_video_queue_is_not_declared():
    misconfigured = run_manage("check", MEDIA_PIPELINE_QUEUE="transcoding")
    output = misconfigured.stderr + misconfigured.stdout
    assert "media_pipeline.W001" in output
    assert "db_worker --queue-name transcoding" in output
    configured = run_manage("check")
    assert "media_pipeline.W001" not in configured.stderr + configured.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux-only")
def test_a_tool_dies_when_the_process_that_started_it_is_killed():
    parent = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time; from media_pipeline import processes\n"
            "tool = processes.start(['sleep', '300'])\n"
            "print(tool.pid, flush=True); time.sleep(300)",
        ],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        text=True,
    )
    tool = int(parent.stdout.readline())
    assert not is_gone(tool)
    parent.kill()  # SIGKILL: the parent runs no cleanup at all
    parent.wait()
    try:
        assert wait_until_gone(tool, timeout=5)
    finally:
        subprocess.run(["kill", "-9", str(tool)], capture_output=True, check=False)
