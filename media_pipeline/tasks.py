"""The transcoding job, run by the task worker (``manage.py db_worker``).

Idempotent and safe to run twice: a job only writes its result if its version is still the
video's current one, it starts by clearing anything a killed earlier attempt left in its folder,
and the visible outputs switch to the new version in one database update.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from pathlib import Path

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from . import storage
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
def transcode_video(video_id: int, version: int) -> str:
    """Probe the stored source, transcode it, store the outputs, then switch the video over."""
    video = Video.objects.filter(pk=video_id).first()
    if video is None:
        return "deleted"
    if video.version != version:
        return "superseded"
    if video.status == Video.Status.READY and video.outputs.get("version") == version:
        return "already done"
    job = _Job(video_id, version)
    prefix = video.output_prefix(version)
    try:
        job.update(status=Video.Status.PROBING, progress=0, error_message="")
        with tempfile.TemporaryDirectory(prefix=f"video-{video_id}-") as tmp:
            folder = Path(tmp)
            source = fetch_source(video, folder)
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
            # A killed earlier attempt of this very version may have left objects here.
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
        # A real save (progress writes above are bare updates) so post_save listeners, such as
        # page caches still holding the "processing" placeholder, learn that the video changed.
        Video.objects.get(pk=video_id).save(update_fields=["updated_at"])
        for folder_name in other_versions(video_id, keep=version):
            storage.delete_prefix(folder_name)
        return "ready"
    except Cancelled:
        storage.delete_prefix(prefix)
        return "superseded"
    except Exception as exc:
        logger.exception("Transcoding video %s version %s failed", video_id, version)
        storage.delete_prefix(prefix)
        try:
            job.update(status=Video.Status.FAILED, error_message=_error_text(exc)[:4000])
        except Cancelled:
            return "superseded"
        return "failed"


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
