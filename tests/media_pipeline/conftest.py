"""Clips generated with ffmpeg (testsrc2 picture + sine tone), made once per session."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest


def make_clip(
    path: Path, *, seconds: float = 2, size: str = "640x360", audio: bool = True, extra=()
) -> Path:
    command = ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"testsrc2=size={size}:rate=25"]
    if audio:
        command += ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"]
    command += [
        "-t",
        str(seconds),
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-pix_fmt",
        "yuv420p",
    ]
    if audio:
        command += ["-c:a", "aac"]
    command += [*extra, str(path)]
    subprocess.run(command, check=True)
    return path


@pytest.fixture(scope="session")
def clips(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("clips")
    return {
        "640x360": make_clip(folder / "clip-640x360.mp4", seconds=2.5, size="640x360"),
        "silent": make_clip(folder / "silent.mp4", seconds=2, size="320x180", audio=False),
    }


@pytest.fixture
def fast_encoding(settings):
    settings.MEDIA_PIPELINE_X264_PRESET = "ultrafast"
