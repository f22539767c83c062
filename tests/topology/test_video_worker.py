"""The video queue has a worker of its own, and a job whose worker dies is taken over."""

from __future__ import annotations

import time

from deploy.topology import make_clip

from .conftest import LEASE_SECONDS


def wait_for(topology, video_id, statuses, timeout, *, min_progress=0):
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        state = topology.video_state(video_id)
        if state[0] in statuses and state[1] >= min_progress:
            return state
        if state[0] == "failed":
            break
        time.sleep(0.2)
    raise AssertionError(f"video {video_id} still {state} after waiting for {statuses}")


def test_a_killed_video_worker_job_is_taken_over_by_another(topology, tmp_path):
    clip = make_clip(tmp_path / "takeover.mp4", seconds=20, size="1280x720")
    video_id = topology.create_video(clip, "Taken over after a crash")
    _status, progress_at_kill = wait_for(
        topology, video_id, {"transcoding"}, timeout=180, min_progress=1
    )
    topology.kill_worker("video")
    killed_at = time.monotonic()
    replacement = topology.start_worker("video", name="worker-video-2")
    # The new worker starts the job again from the beginning once the lease has run out.
    restarted = topology.wait_for_restart(video_id, progress_at_kill, timeout=LEASE_SECONDS + 90)
    assert restarted is not None, "another worker took the job over"
    assert replacement.running
    state = wait_for(topology, video_id, {"ready"}, timeout=300)
    assert state == ("ready", 100)
    print(f"taken over {restarted:.0f} s, ready {time.monotonic() - killed_at:.0f} s after SIGKILL")
