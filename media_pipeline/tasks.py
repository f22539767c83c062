"""The transcoding job, run by the task worker (``manage.py db_worker``).

Idempotent and safe to run twice: a job only writes its result if its version is still the
video's current one, it starts by clearing anything a killed earlier attempt left in its folder,
and the visible outputs switch to the new version in one database update.

A storage outage (S3 unreachable, timing out or answering 5xx, even after
``storage.with_retries``) is not a verdict on the video: the job is put in the ``waiting`` state
and enqueued again for later with a growing delay (``MEDIA_PIPELINE_OUTAGE_RETRY_DELAYS``);
django-tasks has no retries of its own. Only when the last of those attempts also finds the
storage away is the video marked failed, for an editor to retry.
"""

from __future__ import annotations

import datetime
import logging
import shutil
import tempfile
import time
from pathlib import Path

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from . import conf, storage
from .models import Video
from .probe import ProbeFailed, picture_stream, run_ffprobe, summarise
from .transcode import Cancelled, TranscodeError, transcode

logger = logging.getLogger(__name__)

PROGRESS_WRITE_INTERVAL = 1.0  # seconds between progress writes: enough for a progress bar
ENCODE_SHARE = 90  # % of the bar for encoding; the rest for storing the outputs


class _Job:
    """Writes one job's state to its video row, only while the job is still current."""

    def __init__(self, video_id: int, version: int):
        self.video_id = video_id
        self.version = version
        self._last_write = 0.0

    def update(self, **fields) -> None:
        fields.setdefault("heartbeat_at", timezone.now())
        changed = Video.objects.filter(pk=self.video_id, version=self.version).update(**fields)
        if not changed:
            raise Cancelled(f"video {self.video_id} version {self.version} was superseded")

    def encoding(self, fraction: float) -> None:
        now = time.monotonic()
        if now - self._last_write >= PROGRESS_WRITE_INTERVAL:
            self._last_write = now
            self.update(progress=int(fraction * ENCODE_SHARE))


def fetch_source(video: Video, folder: Path) -> Path:
    """A local path to the source: the file itself on disk storage, else a streamed copy."""
    try:
        return Path(video.source.path)
    except NotImplementedError:  # remote storage (S3): no local path
        target = folder / ("source" + Path(video.source.name).suffix.lower())
        with video.source.open("rb") as remote, target.open("wb") as local:
            shutil.copyfileobj(remote, local, length=8 * 1024 * 1024)
        return target


def upload_outputs(out_dir: Path, prefix: str, job: _Job) -> int:
    files = sorted(path for path in out_dir.rglob("*") if path.is_file())
    for count, path in enumerate(files, start=1):
        storage.put_file(path, f"{prefix}/{path.relative_to(out_dir).as_posix()}")
        if count % 10 == 0 or count == len(files):
            job.update(progress=ENCODE_SHARE + int(9 * count / len(files)))
    return len(files)


def other_versions(video_id: int, keep: int) -> list[str]:
    """Version folders of ``video_id`` other than ``keep`` (older outputs, partial attempts)."""
    try:
        folders, _files = default_storage.listdir(f"videos/{video_id}")
    except FileNotFoundError:
        return []
    return [f"videos/{video_id}/{name}" for name in folders if name.isdigit() and int(name) != keep]


def _error_text(exc: BaseException) -> str:
    details = getattr(exc, "details", "")
    return f"{exc}\n{details}".strip()


@task()
def transcode_video(video_id: int, version: int, attempt: int = 1) -> str:
    """Probe the stored source, transcode it, store the outputs, then switch the video over.
    ``attempt`` counts the runs of this version that a storage outage interrupted."""
    video = Video.objects.filter(pk=video_id).first()
    if video is None:
        return "deleted"
    if video.version != version or attempt < video.attempt:
        return "superseded"
    if video.status == Video.Status.READY and video.outputs.get("version") == version:
        return "already done"
    job = _Job(video_id, version)
    prefix = video.output_prefix(version)
    try:
        job.update(
            status=Video.Status.PROBING,
            progress=0,
            error_message="",
            attempt=attempt,
            retry_at=None,
        )
        with tempfile.TemporaryDirectory(prefix=f"video-{video_id}-") as tmp:
            folder = Path(tmp)
            source = storage.with_retries(
                lambda: fetch_source(video, folder), "fetching the source"
            )
            probe = _probe_stored_source(source)
            job.update(status=Video.Status.TRANSCODING, **probe)
            out_dir = folder / "out"
            manifest = transcode(
                source,
                out_dir,
                width=probe["width"],
                height=probe["height"],
                duration=probe["duration"],
                has_audio=bool(probe["audio_codec"]),
                on_progress=job.encoding,
            )
            # An earlier attempt of this very version (killed, or cut off by a storage outage
            # half-way through its uploads) may have left objects here.
            storage.delete_prefix(prefix)
            upload_outputs(out_dir, prefix, job)
        outputs = {
            **manifest,
            **{
                key: f"{prefix}/{manifest[key]}"
                for key in ("master", "mp4", "poster_jpeg", "poster_webp", "thumbnail")
            },
            "version": version,
        }
        for rendition in outputs["renditions"]:
            rendition["playlist"] = f"{prefix}/{rendition['playlist']}"
        with transaction.atomic():
            job.update(status=Video.Status.READY, progress=100, outputs=outputs)
    except Cancelled:
        _delete_quietly(prefix)
        return "superseded"
    except Exception as exc:
        if storage.is_unavailable(exc):
            return _wait_for_storage(job, attempt, exc)
        logger.exception("Transcoding video %s version %s failed", video_id, version)
        _delete_quietly(prefix)
        return _fail(job, _error_text(exc))
    # A real save (progress writes above are bare updates) so post_save listeners, such as
    # page caches still holding the "processing" placeholder, learn that the video changed.
    Video.objects.get(pk=video_id).save(update_fields=["updated_at"])
    # The video is live; tidying older versions must not undo that if the storage falters now
    # (what is left is removed after the next successful job, or with the video).
    for folder_name in _older_folders(video_id, keep=version):
        _delete_quietly(folder_name)
    return "ready"


def _fail(job: _Job, message: str) -> str:
    try:
        job.update(status=Video.Status.FAILED, error_message=message[:4000], retry_at=None)
    except Cancelled:
        return "superseded"
    return "failed"


def _wait_for_storage(job: _Job, attempt: int, exc: BaseException) -> str:
    """The storage is away: try this version again later, or give up after the last delay."""
    delays = conf.outage_retry_delays()
    reason = _error_text(exc)
    if attempt > len(delays):
        logger.error(
            "Video %s version %s: storage still unavailable after %s attempts (%s)",
            job.video_id,
            job.version,
            attempt,
            reason,
        )
        return _fail(
            job, f"The media storage could not be reached after {attempt} attempts.\n{reason}"
        )
    retry_at = timezone.now() + datetime.timedelta(seconds=delays[attempt - 1])
    logger.warning(
        "Video %s version %s: storage unavailable (%s); attempt %s at %s",
        job.video_id,
        job.version,
        reason,
        attempt + 1,
        retry_at.isoformat(),
    )
    try:
        job.update(
            status=Video.Status.WAITING,
            progress=0,
            attempt=attempt + 1,
            retry_at=retry_at,
            error_message=reason[:4000],
        )
    except Cancelled:
        return "superseded"
    if transcode_video.get_backend().supports_defer:
        transcode_video.using(run_after=retry_at).enqueue(job.video_id, job.version, attempt + 1)
    # Otherwise (a backend that cannot defer) requeue_stalled_videos starts it once overdue.
    return "waiting for storage"


def _delete_quietly(prefix: str) -> None:
    """Remove a folder of outputs if the storage lets us; leftovers are harmless (nothing refers
    to them) and go with the next successful job or the video itself."""
    try:
        storage.delete_prefix(prefix)
    except Exception:
        logger.warning("Could not delete %s now; it is removed later", prefix, exc_info=True)


def _older_folders(video_id: int, keep: int) -> list[str]:
    try:
        return other_versions(video_id, keep)
    except Exception:
        logger.warning("Could not list old versions of video %s", video_id, exc_info=True)
        return []


def _probe_stored_source(source: Path) -> dict:
    """Metadata of the stored copy (what the worker really transcodes)."""
    try:
        info = run_ffprobe(source)
    except ProbeFailed as exc:
        raise TranscodeError("The stored video file cannot be read", exc.stderr) from exc
    if picture_stream(info) is None:
        raise TranscodeError("The stored file has no video stream")
    summary = summarise(info)
    summary["frame_rate"] = summary["frame_rate"] or None
    return summary


def requeue_stalled() -> list[int]:
    """Start a fresh job for every video whose worker died mid-job; returns their ids."""
    requeued = []
    for video in Video.objects.stalled():
        with transaction.atomic():
            video.request_transcode()
        requeued.append(video.pk)
    return requeued
