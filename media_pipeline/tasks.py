"""The transcoding job, run by the video worker (``manage.py db_worker --queue-name video``).

Idempotent and safe to run twice: a job only writes its result if its version is still the
video's current one, it starts by clearing anything a killed earlier attempt left in its folder,
and the visible outputs switch to the new version in one database update.

A storage outage (S3 unreachable, timing out or answering 5xx, even after
``storage.with_retries``) is not a verdict on the video: the job is put in the ``waiting`` state
and enqueued again for later with a growing delay (``MEDIA_PIPELINE_OUTAGE_RETRY_DELAYS``);
django-tasks has no retries of its own. Only when the last of those attempts also finds the
storage away is the video marked failed, for an editor to retry.

A running job holds a *lease* on its video: ``heartbeat_at``, renewed by a thread every third of
``MEDIA_PIPELINE_LEASE_SECONDS`` whatever the job is doing. Each job also enqueues a watcher
(``watch_job``, deferred to just past the lease) that any video worker runs: while the lease is
fresh it looks again later; once it has expired (the worker was killed, its machine lost) it
starts the video again under a new version. So a dead job is taken over by the workers
themselves, without an admin page open or a cron job.

Each job works in a scratch folder of its own, ``<MEDIA_PIPELINE_WORK_DIR>/video-<id>-v<version>
-pid<worker pid>``; a killed worker cannot remove its folder, so workers remove the folders of
dead pids before each job and each watch.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import os
import re
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import connection, models, transaction
from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task

from . import conf, direct_upload, storage
from .models import Video
from .probe import (
    INPUT_FORMATS,
    ProbeFailed,
    picture_stream,
    run_ffprobe,
    summarise,
    validate_video_file,
)
from .transcode import (
    FIRST_MASTER,
    PUBLISHED_MASTER,
    REST_MASTER,
    Cancelled,
    TranscodeError,
    transcode,
)

logger = logging.getLogger(__name__)

PROGRESS_WRITE_INTERVAL = 1.0  # seconds between progress writes: enough for a progress bar
ENCODE_SHARE = 90  # % of the bar for encoding; the rest for storing the outputs
WATCH_PRIORITY = 10  # a due watcher runs before queued transcodes (default priority 0)
RUNNING = (Video.Status.PROBING, Video.Status.TRANSCODING)
WORK_DIR_NAME = re.compile(r"^video-\d+-v\d+-pid(\d+)$")


def on_video_queue(video_task: Task) -> Task:
    """``video_task`` on the video queue, when the backend declares it (``TASKS[...]["QUEUES"]``);
    otherwise on the default queue, so a project without the queue still runs its videos
    (``manage.py check`` warns about it: media_pipeline.W001)."""
    queue = conf.queue_name()
    if queue in video_task.get_backend().queues:
        return video_task.using(queue_name=queue)
    return video_task


def enqueue_transcode(video_id: int, version: int) -> None:
    on_video_queue(transcode_video).enqueue(video_id, version)


class _Job:
    """Writes one job's state to its video row, only while the job is still current."""

    def __init__(self, video_id: int, version: int):
        self.video_id = video_id
        self.version = version
        self._last_write = 0.0
        self.superseded = threading.Event()  # set by the lease thread
        self.published = False  # visitors may be playing this version's outputs
        self.stored: set[Path] = set()

    def update(self, **fields) -> None:
        self.check()
        fields.setdefault("heartbeat_at", timezone.now())
        changed = Video.objects.filter(pk=self.video_id, version=self.version).update(**fields)
        if not changed:
            self.superseded.set()
            raise Cancelled(f"video {self.video_id} version {self.version} was superseded")

    def check(self) -> None:
        if self.superseded.is_set():
            raise Cancelled(f"video {self.video_id} version {self.version} was superseded")

    def renew_lease(self) -> None:
        """Only while the job is current and running: a lease renewal must not undo a switch
        to ``ready``, ``failed`` or a newer version."""
        changed = Video.objects.filter(
            pk=self.video_id, version=self.version, status__in=RUNNING
        ).update(heartbeat_at=timezone.now())
        if (
            not changed
            and not Video.objects.filter(pk=self.video_id, version=self.version).exists()
        ):
            self.superseded.set()

    def encoding(self, fraction: float) -> None:
        self.check()
        now = time.monotonic()
        if now - self._last_write >= PROGRESS_WRITE_INTERVAL:
            self._last_write = now
            self.update(progress=int(fraction * ENCODE_SHARE))


@contextlib.contextmanager
def holding_lease(job: _Job) -> Iterator[None]:
    """Renew the job's lease from a thread while the body runs, so that slow steps without
    progress lines (fetching a big source, uploading the MP4) do not look like a dead worker.

    Not when the job runs inside a transaction (the immediate backend, in a request or a test):
    nobody else can see its rows then, and a second connection would wait on their locks."""
    if connection.in_atomic_block:
        yield
        return
    interval = max(0.2, conf.lease_seconds() / 3)
    stop = threading.Event()

    def renew() -> None:
        try:
            while not stop.wait(interval):
                try:
                    job.renew_lease()
                except Exception:
                    logger.warning("Could not renew the lease of video %s", job.video_id)
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=renew, name=f"lease-video-{job.video_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=30)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


# This process's jobs in progress (more than one only with the immediate backend in a
# threaded server): their folders are never leftovers.
_active_work_dirs: set[Path] = set()


def remove_orphaned_work_dirs() -> list[Path]:
    """Delete scratch folders whose worker is dead (killed mid-job), and this process's own
    leftovers (in a container a restarted worker often gets its dead predecessor's pid).
    Only this machine's folders: pids are local."""
    root = conf.work_dir()
    removed = []
    try:
        entries = list(root.iterdir())
    except FileNotFoundError:
        return removed
    for entry in entries:
        match = WORK_DIR_NAME.match(entry.name)
        if not match or entry in _active_work_dirs or not entry.is_dir():
            continue
        pid = int(match.group(1))
        if pid == os.getpid() or not _pid_alive(pid):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    if removed:
        logger.info("Removed scratch folders of dead video jobs: %s", removed)
    return removed


@contextlib.contextmanager
def job_work_dir(video_id: int, version: int) -> Iterator[Path]:
    folder = conf.work_dir() / f"video-{video_id}-v{version}-pid{os.getpid()}"
    remove_orphaned_work_dirs()
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    _active_work_dirs.add(folder)
    try:
        yield folder
    finally:
        _active_work_dirs.discard(folder)
        shutil.rmtree(folder, ignore_errors=True)


def fetch_source(video: Video, folder: Path, job: _Job | None = None) -> Path:
    """A local path to the source: the file itself on disk storage, else a streamed copy."""
    try:
        return Path(video.source.path)
    except NotImplementedError:  # remote storage (S3): no local path
        target = folder / ("source" + Path(video.source.name).suffix.lower())
        with video.source.open("rb") as remote, target.open("wb") as local:
            while chunk := remote.read(8 * 1024 * 1024):
                local.write(chunk)
                if job:
                    job.check()
        return target


def _upload_order(path: Path) -> tuple[bool, bool, str]:
    """Segments before the playlist that names them, rung playlists before the master: an
    object is referenced only once everything it references is stored."""
    return (path.name == PUBLISHED_MASTER, path.suffix == ".m3u8", path.as_posix())


def upload_outputs(out_dir: Path, prefix: str, job: _Job, progress: bool = True) -> int:
    """Store what is new in ``out_dir`` (files already stored by the first-rung publication
    are skipped); the master playlist goes last and replaces the stored one whole."""
    files = sorted(
        (
            path
            for path in out_dir.rglob("*")
            if path.is_file()
            and path not in job.stored
            and not path.name.startswith(".")
            and path.name not in (FIRST_MASTER, REST_MASTER)
        ),
        key=_upload_order,
    )
    for count, path in enumerate(files, start=1):
        job.check()
        name = f"{prefix}/{path.relative_to(out_dir).as_posix()}"
        if path.name == PUBLISHED_MASTER:
            storage.replace_file(path, name, cache_control=storage.REVALIDATE)
        else:
            storage.put_file(path, name)
            job.stored.add(path)
        if progress and (count % 10 == 0 or count == len(files)):
            job.update(progress=ENCODE_SHARE + int(9 * count / len(files)))
    return len(files)


def publish(job: _Job, manifest: dict, prefix: str, *, final: bool) -> None:
    """Point the video at this version's stored outputs in one update. The first rung is
    published while the job keeps transcoding; the final publication marks it ready."""
    outputs = {
        **manifest,
        **{
            key: f"{prefix}/{manifest[key]}"
            for key in ("master", "mp4", "poster_jpeg", "poster_webp", "thumbnail")
        },
        "renditions": [
            {**rendition, "playlist": f"{prefix}/{rendition['playlist']}"}
            for rendition in manifest["renditions"]
        ],
        "earlier_mp4s": [f"{prefix}/{name}" for name in manifest.get("earlier_mp4s", [])],
        "version": job.version,
    }
    fields = {"outputs": outputs}
    if final:
        fields.update(status=Video.Status.READY, progress=100)
    with transaction.atomic():
        job.update(**fields)
    job.published = True
    # A real save (progress writes are bare updates) so post_save listeners, such as page
    # caches still holding the "processing" placeholder, learn that the video changed.
    Video.objects.get(pk=job.video_id).save(update_fields=["updated_at"])


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
    reclaim_expired()
    video = Video.objects.filter(pk=video_id).first()
    if video is None:
        return "deleted"
    if video.version != version or attempt < video.attempt:
        return "superseded"
    if video.status == Video.Status.READY and video.outputs.get("version") == version:
        return "already done"
    job = _Job(video_id, version)
    # A retry of a version whose first rung is already on pages overwrites in place: clearing
    # the folder first would break the players showing it.
    job.published = video.outputs.get("version") == version
    prefix = video.output_prefix(version)
    try:
        job.update(
            status=Video.Status.PROBING,
            progress=0,
            error_message="",
            attempt=attempt,
            retry_at=None,
        )
        _start_watching(video_id, version)
        with holding_lease(job), job_work_dir(video_id, version) as folder:
            source = storage.with_retries(
                lambda: fetch_source(video, folder, job), "fetching the source"
            )
            probe = _probe_stored_source(source)
            input_format = probe.pop("format_name")
            job.update(status=Video.Status.TRANSCODING, **probe)
            out_dir = folder / "out"

            def publish_first_rung(first: dict) -> None:
                # An earlier attempt of this very version (killed, or cut off by a storage
                # outage half-way through its uploads) may have left objects here.
                if not job.published:
                    storage.delete_prefix(prefix)
                upload_outputs(out_dir, prefix, job, progress=False)
                publish(job, first, prefix, final=False)

            manifest = transcode(
                source,
                out_dir,
                width=probe["width"],
                height=probe["height"],
                duration=probe["duration"],
                has_audio=bool(probe["audio_codec"]),
                input_format=input_format,
                on_progress=job.encoding,
                on_first_rung=publish_first_rung,
            )
            if not job.published:
                storage.delete_prefix(prefix)
            upload_outputs(out_dir, prefix, job)
        publish(job, manifest, prefix, final=True)
    except Cancelled:
        _delete_unless_published(job, prefix)
        return "superseded"
    except Exception as exc:
        if storage.is_unavailable(exc):
            return _wait_for_storage(job, attempt, exc)
        logger.exception("Transcoding video %s version %s failed", video_id, version)
        _delete_unless_published(job, prefix)
        return _fail(job, _error_text(exc))
    # The video is live; tidying older versions must not undo that if the storage falters now
    # (what is left is removed after the next successful job, or with the video).
    for folder_name in _older_folders(video_id, keep=version):
        _delete_quietly(folder_name)
    return "ready"


def _start_watching(video_id: int, version: int) -> None:
    """Enqueue the watcher of this job, due just after its lease would expire."""
    watcher = on_video_queue(watch_job)
    if not watcher.get_backend().supports_defer:
        return  # e.g. the immediate backend: the job ends before anyone could watch it
    due = timezone.now() + datetime.timedelta(seconds=conf.lease_seconds() + 1)
    watcher.using(run_after=due, priority=WATCH_PRIORITY).enqueue(video_id, version)


@task(priority=WATCH_PRIORITY)
def watch_job(video_id: int, version: int) -> str:
    """Run by any video worker: take a job over once its lease has expired, else look again
    when it would expire next. Also tidies the scratch folders of dead workers."""
    remove_orphaned_work_dirs()
    reclaim_expired()
    video = Video.objects.filter(pk=video_id, version=version, status__in=RUNNING).first()
    if video is None:
        return "job over"
    expires = (video.heartbeat_at or timezone.now()) + datetime.timedelta(
        seconds=conf.lease_seconds()
    )
    due = max(expires, timezone.now()) + datetime.timedelta(seconds=1)
    on_video_queue(watch_job).using(run_after=due, priority=WATCH_PRIORITY).enqueue(
        video_id, version
    )
    return "alive"


def reclaim_expired() -> list[int]:
    """Start again every video whose running job's lease has expired; returns their ids."""
    limit = timezone.now() - datetime.timedelta(seconds=conf.lease_seconds())
    reclaimed = []
    for video_id, version in Video.objects.filter(
        status__in=RUNNING, heartbeat_at__lt=limit
    ).values_list("pk", "version"):
        if _reclaim(video_id, version, limit):
            reclaimed.append(video_id)
    return reclaimed


def _reclaim(video_id: int, version: int, limit: datetime.datetime) -> bool:
    """Take the job over, unless its worker renewed the lease meanwhile or another worker
    got there first (one conditional update decides)."""
    with transaction.atomic():
        changed = Video.objects.filter(
            pk=video_id, version=version, status__in=RUNNING, heartbeat_at__lt=limit
        ).update(
            version=models.F("version") + 1,
            status=Video.Status.QUEUED,
            progress=0,
            error_message="",
            heartbeat_at=timezone.now(),
            attempt=1,
            retry_at=None,
        )
        if not changed:
            return False
        logger.warning(
            "Video %s version %s: its worker stopped renewing the lease; starting it again",
            video_id,
            version,
        )
        _mark_lost_task_results(video_id, version)
        _restart(video_id, version + 1)
    return True


def _restart(video_id: int, version: int) -> None:
    """Queue the job a video at ``version`` needs: the check of an upload not checked yet
    (the object is still in the bucket), else a transcode."""
    pending = Video.objects.filter(pk=video_id).values_list("pending_upload", flat=True).first()
    if pending:
        Video.objects.filter(pk=video_id).update(status=Video.Status.PROBING, heartbeat_at=None)
        transaction.on_commit(
            lambda: on_video_queue(check_uploaded_video).enqueue(video_id, pending)
        )
    else:
        transaction.on_commit(lambda: enqueue_transcode(video_id, version))


def _mark_lost_task_results(video_id: int, version: int) -> None:
    """django-tasks-db has no recovery of its own for a task whose worker died: its result row
    would say RUNNING for ever. Mark it failed, so the task list tells the truth."""
    try:
        from django_tasks_db.backend import DatabaseBackend
        from django_tasks_db.models import DBTaskResult
    except ImportError:
        return
    if not isinstance(transcode_video.get_backend(), DatabaseBackend):
        return
    transcode = models.Q(task_path=transcode_video.module_path, args_kwargs__args__1=version)
    check = models.Q(task_path=check_uploaded_video.module_path)
    DBTaskResult.objects.filter(
        transcode | check, status="RUNNING", args_kwargs__args__0=video_id
    ).update(
        status="FAILED",
        finished_at=timezone.now(),
        exception_class_path=f"{__name__}.WorkerLost",
        traceback="The worker running this job stopped renewing its lease (killed or lost); "
        "another worker started the video again under a new version.",
    )


class WorkerLost(Exception):
    """Recorded on the task result of a job whose worker died."""


def schedule_upload_sweep(when: datetime.datetime | None = None) -> None:
    """Queue ``sweep_uploads`` for when an upload started now would count as abandoned."""
    sweeper = on_video_queue(sweep_uploads)
    if not sweeper.get_backend().supports_defer:
        return  # manage.py abort_abandoned_uploads does it by hand
    when = when or timezone.now() + datetime.timedelta(hours=conf.abandoned_upload_hours())
    sweeper.using(run_after=when + datetime.timedelta(seconds=60)).enqueue()


@task()
def sweep_uploads() -> dict:
    """Abort direct uploads left unfinished past ``MEDIA_PIPELINE_ABANDONED_UPLOAD_HOURS`` and
    delete finished ones no video refers to; while younger ones remain, look again when the
    next one falls due. Queued by every upload that starts, so no cron job is needed."""
    if not direct_upload.is_enabled():
        return {"aborted": 0, "deleted": 0}
    prefix = f"{direct_upload.UPLOAD_PREFIX}/"
    referenced = set(
        Video.objects.filter(source__startswith=prefix).values_list("source", flat=True)
    ) | set(
        Video.objects.filter(pending_upload__startswith=prefix).values_list(
            "pending_upload", flat=True
        )
    )
    result = storage.with_retries(lambda: direct_upload.sweep(referenced), "sweeping uploads")
    next_due = result.pop("next_due")
    if next_due is not None:
        schedule_upload_sweep(next_due - datetime.timedelta(hours=conf.abandoned_upload_hours()))
    if result["aborted"] or result["deleted"]:
        logger.info("Abandoned uploads removed: %s", result)
    return result


@task()
def check_uploaded_video(video_id: int, name: str, attempt: int = 1) -> str:
    """Probe a file the browser sent straight to the bucket, with the rules and messages of the
    form upload (``probe.validate_video_file``). Accepted: it becomes the video's source and is
    transcoded. Refused: the reason is shown in the admin listing, and the object and any parts
    left of its upload are deleted."""
    video = Video.objects.filter(pk=video_id).first()
    if video is None or video.pending_upload != name:
        # The video was deleted, or a newer upload replaced this one before it was checked.
        if not _upload_in_use(name):
            _remove_upload(name)
        return "deleted" if video is None else "superseded"
    job = _Job(video_id, video.version)
    job.update(status=Video.Status.PROBING, progress=0, error_message="")
    _start_watching(video_id, video.version)
    try:
        with holding_lease(job), job_work_dir(video_id, 0) as folder:
            local = folder / ("upload" + Path(name).suffix.lower())

            def download() -> None:
                with default_storage.open(name, "rb") as remote, local.open("wb") as copy:
                    shutil.copyfileobj(remote, copy, 8 * 1024 * 1024)

            storage.with_retries(download, "fetching the upload")
            probe = validate_video_file(local, Path(name).name, local.stat().st_size)
            size = local.stat().st_size
    except ValidationError as exc:
        return _refuse(video_id, name, " ".join(exc.messages))
    except Exception as exc:
        delays = conf.outage_retry_delays()
        if storage.is_unavailable(exc) and attempt <= len(delays):
            retry_at = timezone.now() + datetime.timedelta(seconds=delays[attempt - 1])
            Video.objects.filter(pk=video_id).update(
                status=Video.Status.WAITING, attempt=attempt + 1, retry_at=retry_at
            )
            if check_uploaded_video.get_backend().supports_defer:
                on_video_queue(check_uploaded_video).using(run_after=retry_at).enqueue(
                    video_id, name, attempt + 1
                )
            return "waiting for storage"
        logger.exception("Checking the upload %s of video %s failed", name, video_id)
        return _refuse(video_id, name, _error_text(exc))
    with transaction.atomic():
        video = Video.objects.select_for_update().get(pk=video_id)
        if video.version != job.version or video.pending_upload != name:
            return "superseded"  # another worker took the check over meanwhile
        previous = video.source.name if video.source.name != name else ""
        video.source.name = name
        video.pending_upload = ""
        video.apply_probe(probe, size)
        video.save()
        video.request_transcode()
        if previous:
            transaction.on_commit(lambda: _delete_source_quietly(previous))
    return "accepted"


def _upload_in_use(name: str) -> bool:
    return Video.objects.filter(models.Q(source=name) | models.Q(pending_upload=name)).exists()


def _refuse(video_id: int, name: str, message: str) -> str:
    _remove_upload(name)
    video = Video.objects.filter(pk=video_id).first()
    if video is not None:
        fields = {
            "status": Video.Status.REFUSED,
            "error_message": message[:4000],
            "progress": 0,
            "pending_upload": "",
        }
        if video.source.name == name:
            fields["source"] = ""
        Video.objects.filter(pk=video_id).update(**fields)
        # A real save for post_save listeners (the admin listing's and pages' caches).
        Video.objects.get(pk=video_id).save(update_fields=["updated_at"])
    return "refused"


def _remove_upload(name: str) -> None:
    """The uploaded object and any multipart upload still open for it (its parts)."""
    storage.with_retries(lambda: default_storage.delete(name), f"deleting {name}")
    if direct_upload.is_enabled():
        storage.with_retries(lambda: direct_upload.abort_all_for(name), f"aborting {name}")


def _delete_source_quietly(name: str) -> None:
    try:
        storage.with_retries(lambda: default_storage.delete(name), f"deleting {name}")
    except Exception:
        logger.warning("Could not delete the replaced source %s", name, exc_info=True)


@task()
def delete_video_files(source_name: str, prefix: str) -> int:
    """Remove a deleted video's source and everything under its folder, in batches (S3:
    ``DeleteObjects`` of up to 1000 keys), away from the admin request."""
    if source_name:
        storage.with_retries(lambda: default_storage.delete(source_name), "deleting the source")
    return storage.delete_prefix(prefix)


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
        on_video_queue(transcode_video).using(run_after=retry_at).enqueue(
            job.video_id, job.version, attempt + 1
        )
    # Otherwise (a backend that cannot defer) requeue_stalled_videos starts it once overdue.
    return "waiting for storage"


def _delete_unless_published(job: _Job, prefix: str) -> None:
    """A version whose first rung visitors may be playing keeps its outputs until a newer
    version replaces it (its folder then goes with the newer job's tidying)."""
    still_shown = Video.objects.filter(pk=job.video_id, outputs__version=job.version).exists()
    if not (job.published and still_shown):
        _delete_quietly(prefix)


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
    format_name = info.get("format", {}).get("format_name", "")
    if format_name not in INPUT_FORMATS:
        raise TranscodeError(f"The stored file is in a format we do not accept ({format_name})")
    summary = summarise(info)
    summary["frame_rate"] = summary["frame_rate"] or None
    return {**summary, "format_name": format_name}


def requeue_stalled() -> list[int]:
    """Start a fresh job for every video whose worker died mid-job or whose wait for the
    storage is long overdue; returns their ids. For backends that cannot defer tasks (no
    watcher then) and as a manual tool: with the database backend the workers do it."""
    requeued = []
    for video in Video.objects.stalled():
        with transaction.atomic():
            if video.pending_upload:
                Video.objects.filter(pk=video.pk).update(version=models.F("version") + 1)
                _restart(video.pk, video.version + 1)
            else:
                video.request_transcode()
        requeued.append(video.pk)
    return requeued
