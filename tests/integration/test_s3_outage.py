"""S3 goes away: editors' uploads fail with a message they can act on and leave nothing behind;
transcoding waits for the storage, retries, and finishes once it is back; pages keep rendering.

The outage is real: the moto S3 server (over HTTP, see ``InterruptibleS3``) stops listening, so
every S3 call is refused, and comes back later on the same port with its data."""

from __future__ import annotations

import io
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.images import get_image_model

from media_pipeline import storage
from media_pipeline.models import Video
from media_pipeline.tasks import requeue_stalled, transcode_video
from tests.integration.conftest import bucket_keys
from tests.integration.test_s3_media_storage import jpeg_bytes
from tests.integration.test_video_worker_fault import REPO, wait_for, worker_env
from tests.media_pipeline.conftest import make_clip

pytestmark = pytest.mark.integration

UNAVAILABLE = "the media storage is unavailable"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(scope="module")
def short_clip(tmp_path_factory) -> Path:
    return make_clip(tmp_path_factory.mktemp("outage") / "short.mp4", seconds=2.5)


def video_keys(bucket: dict, video: Video) -> list[str]:
    return [key for key in bucket_keys(bucket) if key.startswith(f"videos/{video.pk}/")]


def referenced_keys(bucket: dict, video: Video) -> set[str]:
    """Every object a player can reach from the video's outputs: the master playlist, each
    rendition playlist and the segments it lists, the MP4 (and the first rung's, which pages
    rendered before the ladder was complete may still name), posters and thumbnail."""
    client, name = bucket["client"], bucket["name"]
    outputs = video.outputs
    keys = {outputs[key] for key in ("master", "mp4", "poster_jpeg", "poster_webp", "thumbnail")}
    keys.update(outputs.get("earlier_mp4s", []))
    for rendition in outputs["renditions"]:
        playlist = rendition["playlist"]
        keys.add(playlist)
        text = client.get_object(Bucket=name, Key=playlist)["Body"].read().decode()
        folder = playlist.rsplit("/", 1)[0]
        keys.update(f"{folder}/{line}" for line in text.splitlines() if line.endswith(".ts"))
    return keys


def stored_video(title: str, clip: Path) -> Video:
    """A video whose source reached the bucket, as after an editor's upload."""
    video = Video(title=title, width=1280, height=720, duration=3)
    with clip.open("rb") as handle:
        video.source.save(clip.name, File(handle), save=False)
    video.save()
    return video


def start_outage_worker(bucket: dict, log: Path, *extra: str, delays: str) -> subprocess.Popen:
    """``manage.py db_worker`` talking to the interruptible S3 with the test's fast retries."""
    env = {
        **worker_env(bucket, "veryfast"),
        **bucket["environ"],
        "MEDIA_PIPELINE_OUTAGE_RETRY_DELAYS": delays,
    }
    with log.open("ab") as handle:
        return subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--queue-name",
                "*",
                "--no-startup-delay",
                *extra,
            ],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=handle,
        )


def stop_worker(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait(timeout=10)


# --- Uploads --------------------------------------------------------------------------------


def test_video_upload_while_s3_is_down_is_refused_with_a_message_and_leaves_nothing(
    admin_client,
    s3_with_outages,
    short_clip,
    settings,
    tmp_path,
    django_capture_on_commit_callbacks,
):
    # Every upload goes through a temporary file, so the test can see that it is cleaned up.
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(uploads)
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    data = short_clip.read_bytes()

    with s3_with_outages["s3"].down():
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            response = admin_client.post(
                "/admin/videos/add/",
                {"title": "Sinjar interview", "source": SimpleUploadedFile("sinjar.mp4", data)},
            )
        assert response.status_code == 200  # the form again, not a server error
        errors = " ".join(response.context["form"].errors["source"])
        assert UNAVAILABLE in errors and "Try again in a few minutes" in errors
        assert UNAVAILABLE in response.content.decode()
        assert "Traceback" not in response.content.decode()
        assert not Video.objects.filter(title="Sinjar interview").exists()
        assert callbacks == []  # no transcoding job queued
        assert list(uploads.iterdir()) == []

    assert bucket_keys(s3_with_outages) == []  # S3 is back: nothing half-stored

    # Once the storage is back, the same upload goes through.
    with django_capture_on_commit_callbacks(execute=False):
        response = admin_client.post(
            "/admin/videos/add/",
            {"title": "Sinjar interview", "source": SimpleUploadedFile("sinjar.mp4", data)},
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    video = Video.objects.get(title="Sinjar interview")
    assert video.status == Video.Status.QUEUED
    assert bucket_keys(s3_with_outages) == [video.source.name]
    assert list(uploads.iterdir()) == []


def test_image_upload_while_s3_is_down_is_refused_with_a_message_and_leaves_nothing(
    admin_client, s3_with_outages
):
    Image = get_image_model()
    with s3_with_outages["s3"].down():
        # The single-image form…
        response = admin_client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Market at dusk",
                "file": SimpleUploadedFile("dusk.jpg", jpeg_bytes(), "image/jpeg"),
                "credit": "A. Photographer",
            },
        )
        assert response.status_code == 200
        errors = " ".join(response.context["form"].errors["file"])
        assert UNAVAILABLE in errors and "Try again in a few minutes" in errors
        assert "Traceback" not in response.content.decode()

        # …and the drag-and-drop uploader editors use most, which answers in JSON.
        response = admin_client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": SimpleUploadedFile("dusk.jpg", jpeg_bytes(), "image/jpeg")},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        assert response.status_code == 200
        assert response.json()["success"] is False
        assert UNAVAILABLE in response.json()["error_message"]
        assert not Image.objects.filter(title__in=["Market at dusk", "dusk.jpg"]).exists()

    assert bucket_keys(s3_with_outages) == []

    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Market at dusk",
            "file": SimpleUploadedFile("dusk.jpg", jpeg_bytes(), "image/jpeg"),
            "credit": "A. Photographer",
        },
    )
    assert response.status_code == 302
    image = Image.objects.get(title="Market at dusk")
    assert bucket_keys(s3_with_outages) == [image.file.name]
    assert image.file_size == len(jpeg_bytes()) and image.width == 640


# --- Transcoding ----------------------------------------------------------------------------


def test_transcoding_waits_out_an_s3_outage_and_completes_when_s3_is_back(
    transactional_db, s3_with_outages, settings, tmp_path, admin_client
):
    """A real worker: S3 goes away while ffmpeg encodes, so storing the renditions fails; the
    job waits and retries (also failing while S3 stays down) and finishes once it is back."""
    settings.TASKS = DATABASE_TASKS
    s3 = s3_with_outages["s3"]
    clip = make_clip(tmp_path / "outage.mp4", seconds=4, size="1280x720")
    with transaction.atomic():
        video = stored_video("Outage in the middle", clip)
        video.request_transcode()
    version = video.version

    log = tmp_path / "worker.log"
    worker = start_outage_worker(s3_with_outages, log, delays="1,1,1,1,1,1,1,1,1,1,1,1")
    try:
        wait_for(
            lambda: Video.objects.filter(pk=video.pk, status=Video.Status.TRANSCODING).exists(),
            timeout=90,
            what="the worker to fetch the source and start encoding",
        )
        s3.stop()
        # Storing the renditions fails; the job waits instead of failing or hanging.
        wait_for(
            lambda: Video.objects.filter(pk=video.pk, status=Video.Status.WAITING).exists(),
            timeout=120,
            what="the job to wait for the storage",
        )
        page = admin_client.get(f"/admin/videos/edit/{video.pk}/").content.decode()
        assert "Waiting for storage" in page
        assert "The media storage cannot be reached at the moment" in page
        # Its retries find S3 still away and wait again, with more attempts left.
        wait_for(
            lambda: Video.objects.filter(
                pk=video.pk, status=Video.Status.WAITING, attempt__gte=3
            ).exists(),
            timeout=60,
            what="a retry to find S3 still down",
        )
        video.refresh_from_db()
        assert not video.is_playable and video.version == version
        status = admin_client.get("/admin/videos/status/", {"id": video.pk}).json()["videos"][0]
        assert status["status_label"] == "Waiting for storage" and status["busy"] is True
        assert "starts again automatically" in status["detail"]

        s3.start()
        wait_for(
            lambda: Video.objects.filter(
                pk=video.pk, status__in=[Video.Status.READY, Video.Status.FAILED]
            ).exists(),
            timeout=180,
            what="the job to finish once S3 is back",
        )
    finally:
        if not s3.is_up:
            s3.start()
        stop_worker(worker)
    video.refresh_from_db()
    assert video.status == Video.Status.READY, video.error_message + log.read_text()[-3000:]
    assert video.version == version and video.outputs["version"] == version
    assert video.error_message == "" and video.retry_at is None
    keys = set(video_keys(s3_with_outages, video))
    expected = referenced_keys(s3_with_outages, video)
    assert {r["name"] for r in video.outputs["renditions"]} == {"360p", "540p", "720p"}
    assert keys == expected  # every rendition stored, nothing else left over


def test_the_check_of_a_direct_upload_waits_out_an_s3_outage_and_keeps_the_upload(
    transactional_db, s3_with_outages, settings, tmp_path, admin_client
):
    """S3 is away when the worker comes to check a file the browser sent straight to the
    bucket: the video waits ("Waiting for storage"), the editor's upload is neither refused nor
    swept, and once S3 is back the same object is checked and transcoded."""
    from media_pipeline.tasks import sweep_uploads
    from tests.integration.test_video_direct_upload_s3 import upload_through_endpoints

    settings.TASKS = DATABASE_TASKS
    s3 = s3_with_outages["s3"]
    clip = make_clip(tmp_path / "interview.mp4", seconds=2)
    upload = upload_through_endpoints(admin_client, clip.read_bytes())
    response = admin_client.post(
        "/admin/videos/add/", {"title": "Checked after the outage", "source": upload["key"]}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    video = Video.objects.get(title="Checked after the outage")

    log = tmp_path / "worker.log"
    s3.stop()
    worker = start_outage_worker(s3_with_outages, log, delays="1,1,1,1,1,1,1,1,1,1,1,1")
    try:
        wait_for(
            lambda: Video.objects.filter(
                pk=video.pk, status=Video.Status.WAITING, attempt__gte=2
            ).exists(),
            timeout=90,
            what="the check to wait for the storage",
        )
        s3.start()
        # A sweep now must not take the waiting upload for an abandoned one.
        settings.MEDIA_PIPELINE_ABANDONED_UPLOAD_HOURS = 0
        sweep_uploads.call()
        assert upload["key"] in bucket_keys(s3_with_outages)
        wait_for(
            lambda: Video.objects.filter(
                pk=video.pk,
                status__in=[Video.Status.READY, Video.Status.FAILED, Video.Status.REFUSED],
            ).exists(),
            timeout=180,
            what="the check and transcode to finish once S3 is back",
        )
    finally:
        if not s3.is_up:
            s3.start()
        stop_worker(worker)
    video.refresh_from_db()
    assert video.status == Video.Status.READY, video.error_message + log.read_text()[-3000:]
    assert video.source.name == upload["key"] and video.pending_upload == ""
    assert video.outputs["master"] in bucket_keys(s3_with_outages)


def test_renditions_cut_off_half_way_are_replaced_whole_by_the_retry(
    transactional_db, s3_with_outages, settings, tmp_path, monkeypatch, admin_client
):
    settings.TASKS = DATABASE_TASKS
    settings.MEDIA_PIPELINE_X264_PRESET = "ultrafast"
    settings.MEDIA_PIPELINE_OUTAGE_RETRY_DELAYS = [1, 1]
    s3 = s3_with_outages["s3"]
    video = stored_video("Cut off", make_clip(tmp_path / "cut.mp4", seconds=3, size="960x540"))
    Video.objects.filter(pk=video.pk).update(version=1, status=Video.Status.QUEUED)

    # S3 goes away after the first five renditions files reached it.
    real_put_file = storage.put_file
    stored: list[str] = []

    def put_file_until_s3_goes_away(path, name, **kwargs):
        if len(stored) == 5:
            s3.stop()
        result = real_put_file(path, name, **kwargs)
        stored.append(name)
        return result

    monkeypatch.setattr(storage, "put_file", put_file_until_s3_goes_away)
    try:
        assert transcode_video.call(video.pk, 1) == "waiting for storage"
    finally:
        s3.start()
    monkeypatch.undo()

    video.refresh_from_db()
    assert video.status == Video.Status.WAITING and video.attempt == 2
    assert not video.is_playable and video.outputs == {}
    assert len(video_keys(s3_with_outages, video)) == 5  # the half-stored attempt
    retry = DBTaskResult.objects.get(task_path__endswith="transcode_video")
    assert retry.args_kwargs["args"] == [video.pk, 1, 2]
    assert retry.run_after == video.retry_at

    # The queued retry runs once due, in a real worker, with S3 back.
    time.sleep(max(0.0, (video.retry_at - retry.enqueued_at).total_seconds()) + 0.2)
    worker = start_outage_worker(s3_with_outages, tmp_path / "worker.log", "--batch", delays="1")
    try:
        worker.wait(timeout=180)
    finally:
        stop_worker(worker)
    video.refresh_from_db()
    assert video.status == Video.Status.READY, video.error_message
    assert video.outputs["version"] == 1
    assert set(video_keys(s3_with_outages, video)) == referenced_keys(s3_with_outages, video)


def test_a_job_gives_up_after_its_last_retry_and_says_the_storage_was_unreachable(
    admin_client, s3_with_outages, short_clip, settings
):
    settings.MEDIA_PIPELINE_OUTAGE_RETRY_DELAYS = [60]
    video = stored_video("Never back", short_clip)
    Video.objects.filter(pk=video.pk).update(version=1, status=Video.Status.QUEUED)

    with s3_with_outages["s3"].down():
        assert transcode_video.call(video.pk, 1) == "waiting for storage"
        video.refresh_from_db()
        assert (video.status, video.attempt) == (Video.Status.WAITING, 2)
        assert transcode_video.call(video.pk, 1, 2) == "failed"

    video.refresh_from_db()
    assert video.status == Video.Status.FAILED and video.retry_at is None
    assert "media storage could not be reached after 2 attempts" in video.error_message
    page = admin_client.get(f"/admin/videos/edit/{video.pk}/").content.decode()
    assert "Processing failed" in page and "could not be reached after 2 attempts" in page
    assert reverse("wagtailsnippets_media_pipeline_video:retry", args=[video.pk]) in page


def test_a_waiting_job_whose_retry_was_lost_is_started_again(db, settings):
    """With a task backend that cannot defer, or a lost queued retry, the stalled-job sweep
    (cron, or an editor watching the status) starts the job again once its retry is overdue."""
    import datetime

    from django.utils import timezone

    settings.MEDIA_PIPELINE_STALE_AFTER_SECONDS = 60
    video = Video.objects.create(title="Lost retry", source="videos/sources/x/lost.mp4")
    Video.objects.filter(pk=video.pk).update(
        version=3,
        status=Video.Status.WAITING,
        attempt=2,
        retry_at=timezone.now() - datetime.timedelta(seconds=30),
    )
    assert requeue_stalled() == []  # due, but its queued retry may just be late
    Video.objects.filter(pk=video.pk).update(
        retry_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    with transaction.atomic():
        assert requeue_stalled() == [video.pk]
    video.refresh_from_db()
    assert (video.status, video.version, video.attempt) == (Video.Status.QUEUED, 4, 1)


# --- Visitors -------------------------------------------------------------------------------


def test_story_page_with_a_video_renders_while_s3_is_down(
    client, admin_client, locales, s3_with_outages
):
    """Media URLs are computed, not fetched: a page rendered during the outage still shows the
    player pointing at the bucket (the browser gets the media once S3 is back). The teasers of
    other demo stories on the page have no renditions in this bucket yet, so the page also needs
    new renditions during the outage: those images get Wagtail's placeholder, not a 500."""
    import datetime

    from stories.models import StoryIndexPage, StoryPage

    video = Video.objects.get(title__contains="demo clip")  # ready, with captions
    assert video.is_playable
    admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Classroom", "file": SimpleUploadedFile("classroom.jpg", jpeg_bytes())},
    )
    story = StoryPage(
        title="Back to school",
        slug="back-to-school-outage",
        standfirst="A story with a video, read while the media storage is away.",
        date=datetime.date(2024, 9, 1),
        hero_image=get_image_model().objects.get(title="Classroom"),
        hero_alt_text="Children in a classroom",
        body=[("video", {"video": video, "caption": "Zahra back at school"})],
    )
    StoryIndexPage.objects.get(locale=locales["en"]).add_child(instance=story)
    story.save_revision().publish()
    url = "/en/stories/back-to-school-outage/"
    assert client.get(url).status_code == 200  # the images' renditions exist, as on a live site

    with s3_with_outages["s3"].down():
        response = client.get(url, headers={"cache-control": "no-cache"})
    assert response.status_code == 200
    html = response.content.decode()
    bucket_url = f"{s3_with_outages['endpoint']}/{s3_with_outages['name']}/"
    assert f'data-hls-src="{bucket_url}{video.outputs["master"]}"' in html
    assert f'<source src="{bucket_url}{video.outputs["mp4"]}" type="video/mp4">' in html
    assert f'<track kind="captions" src="{bucket_url}videos/{video.pk}/captions/' in html
    assert f'src="{bucket_url}images/' in html  # the hero, from its stored rendition


def test_the_storage_outage_check_tells_outages_from_misconfiguration():
    from boto3.exceptions import S3UploadFailedError
    from botocore.exceptions import ClientError, EndpointConnectionError, ReadTimeoutError

    def client_error(status: int, code: str) -> ClientError:
        return ClientError(
            {"Error": {"Code": code}, "ResponseMetadata": {"HTTPStatusCode": status}}, "PutObject"
        )

    def wrapped_in_upload_failure(error: Exception) -> Exception:
        try:
            try:
                raise error
            except ClientError as exc:
                raise S3UploadFailedError(f"Failed to upload: {exc}")  # noqa: B904 (as boto3)
        except S3UploadFailedError as outer:
            return outer

    assert storage.is_unavailable(EndpointConnectionError(endpoint_url="http://s3"))
    assert storage.is_unavailable(ReadTimeoutError(endpoint_url="http://s3"))
    assert storage.is_unavailable(client_error(503, "SlowDown"))
    assert storage.is_unavailable(client_error(500, "InternalError"))
    assert storage.is_unavailable(wrapped_in_upload_failure(client_error(503, "SlowDown")))
    assert not storage.is_unavailable(client_error(403, "AccessDenied"))
    assert not storage.is_unavailable(client_error(404, "NoSuchBucket"))
    assert not storage.is_unavailable(wrapped_in_upload_failure(client_error(403, "AccessDenied")))
    assert not storage.is_unavailable(ValueError("not a storage error"))
    assert not storage.is_unavailable(io.UnsupportedOperation())
