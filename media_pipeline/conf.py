"""The pipeline's settings, read from Django settings with defaults, so the app works in any
project that installs it (Storysite sets them from the environment in settings/base.py)."""

from __future__ import annotations

from django.conf import settings

GB = 1024**3


def max_upload_bytes() -> int:
    return int(getattr(settings, "MEDIA_PIPELINE_MAX_UPLOAD_BYTES", 2 * GB))


def max_duration_seconds() -> int:
    return int(getattr(settings, "MEDIA_PIPELINE_MAX_DURATION_SECONDS", 2 * 60 * 60))


def ffmpeg_binary() -> str:
    return getattr(settings, "MEDIA_PIPELINE_FFMPEG", "ffmpeg")


def ffprobe_binary() -> str:
    return getattr(settings, "MEDIA_PIPELINE_FFPROBE", "ffprobe")


def x264_preset() -> str:
    return getattr(settings, "MEDIA_PIPELINE_X264_PRESET", "veryfast")


def ladder_heights() -> list[int]:
    return list(getattr(settings, "MEDIA_PIPELINE_LADDER", [360, 540, 720, 1080]))


def stale_after_seconds() -> int:
    """A job whose heartbeat is older than this is considered dead (its worker was killed)."""
    return int(getattr(settings, "MEDIA_PIPELINE_STALE_AFTER_SECONDS", 10 * 60))


def storage_retries() -> int:
    return int(getattr(settings, "MEDIA_PIPELINE_STORAGE_RETRIES", 4))
