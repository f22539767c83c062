"""The pipeline's settings, read from Django settings with defaults, so the app works in any
project that installs it (Storysite sets them from the environment in settings/base.py)."""

from __future__ import annotations

import tempfile
from pathlib import Path

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
    """A job waiting out a storage outage whose retry is this overdue lost its queued retry
    (``requeue_stalled_videos`` starts it again)."""
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


def queue_name() -> str:
    """The task queue of video jobs, served by its own ``db_worker --queue-name video`` so that
    hour-long transcodes never delay the site's other tasks (search index, references)."""
    return getattr(settings, "MEDIA_PIPELINE_QUEUE", "video")


def probe_timeout_seconds() -> float:
    """Time limit of one ffprobe run (and of the check that the file ends cleanly)."""
    return float(getattr(settings, "MEDIA_PIPELINE_PROBE_TIMEOUT_SECONDS", 60))


def transcode_timeout_seconds(duration: float) -> float:
    """Time limit of one ffmpeg run on a video lasting ``duration`` seconds: the larger of
    ``MEDIA_PIPELINE_TRANSCODE_TIMEOUT_MIN_SECONDS`` and ``..._FACTOR`` × the duration."""
    minimum = float(getattr(settings, "MEDIA_PIPELINE_TRANSCODE_TIMEOUT_MIN_SECONDS", 600))
    factor = float(getattr(settings, "MEDIA_PIPELINE_TRANSCODE_TIMEOUT_FACTOR", 10))
    return max(minimum, factor * max(0.0, duration))


def lease_seconds() -> float:
    """A running job renews its lease on the video this often × 3; a lease older than this
    means its worker is gone, and another worker takes the video over."""
    return float(getattr(settings, "MEDIA_PIPELINE_LEASE_SECONDS", 60))


def work_dir() -> Path:
    """Root of the workers' per-job scratch folders (sources fetched from S3, outputs)."""
    configured = getattr(settings, "MEDIA_PIPELINE_WORK_DIR", "")
    return Path(configured or Path(tempfile.gettempdir()) / "storysite-transcode")


def pregenerate_renditions() -> bool:
    """Queue every template rendition after an image save or page publish (on by default; the
    test settings turn it off so that building the demo does not encode AVIF inline)."""
    return bool(getattr(settings, "MEDIA_PIPELINE_PREGENERATE_RENDITIONS", True))


def abandoned_upload_hours() -> float:
    """Direct uploads to S3 not finished (or finished but never saved as a video) this many
    hours after they started are aborted and their parts or object deleted."""
    return float(getattr(settings, "MEDIA_PIPELINE_ABANDONED_UPLOAD_HOURS", 24))
