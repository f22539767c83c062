"""The pipeline's settings, read from Django settings with defaults, so the app works in any
project that installs it (Storysite sets them from the environment in settings/base.py)."""

from __future__ import annotations

from django.conf import settings

GB = 1024**3


def max_upload_bytes() -> int:
    return int(getattr(settings, "MEDIA_PIPELINE_MAX_UPLOAD_BYTES", 2 * GB))


def max_duration_seconds() -> int:
    return int(getattr(settings, "MEDIA_PIPELINE_MAX_DURATION_SECONDS", 2 * 60 * 60))


def max_caption_bytes() -> int:
    """Largest caption (.vtt) upload; a long film's captions are a few hundred kB."""
    return int(getattr(settings, "MEDIA_PIPELINE_MAX_CAPTION_BYTES", 2 * 1024 * 1024))


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
    """Attempts of one storage call before it counts as an outage (with backoff in between)."""
    return int(getattr(settings, "MEDIA_PIPELINE_STORAGE_RETRIES", 4))


def storage_retry_base_delay() -> float:
    """Seconds before the second attempt of a storage call; doubled for each further one."""
    return float(getattr(settings, "MEDIA_PIPELINE_STORAGE_RETRY_BASE_DELAY", 0.5))


def outage_retry_delays() -> list[float]:
    """Seconds to wait before each new attempt of a transcoding job that failed because the
    storage was unreachable; one entry per retry, so the list also bounds the attempts."""
    return [
        float(delay)
        for delay in getattr(
            settings, "MEDIA_PIPELINE_OUTAGE_RETRY_DELAYS", [30, 60, 120, 300, 600, 1200]
        )
    ]
