"""Direct upload to S3 (moto over HTTP), driven through the admin's signing endpoints the way
the browser drives them: the server starts the multipart upload, presigns each part, lists
parts and completes; the bytes go straight to the bucket. The worker then checks the object
with the form's rules and messages: a good file is transcoded, a bad one is refused in the
listing and removed with its parts. Abandoned uploads are swept."""

from __future__ import annotations

import json
import re
import time

import pytest
import requests
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError

from media_pipeline.models import Video
from media_pipeline.probe import validate_video_file
from media_pipeline.tasks import sweep_uploads
from tests.integration.conftest import bucket_keys
from tests.media_pipeline.conftest import fast_encoding, make_clip  # noqa: F401 (fixtures)

pytestmark = pytest.mark.integration

BASE = "/admin/videos/uploads"


def post_json(client, url: str, body: dict):
    return client.post(url, json.dumps(body), content_type="application/json")


def upload_through_endpoints(client, data: bytes, filename: str = "interview.mp4") -> dict:
    """What direct-upload.js does, part by part (one part here: the clips are small)."""
    started = post_json(
        client, f"{BASE}/create/", {"filename": filename, "size": len(data), "type": "video/mp4"}
    )
    assert started.status_code == 200, started.content
    upload = started.json()
    signed = client.get(
        f"{BASE}/sign/", {"key": upload["key"], "uploadId": upload["uploadId"], "partNumber": 1}
    )
    assert signed.status_code == 200, signed.content
    put = requests.put(signed.json()["url"], data=data, timeout=30)
    assert put.status_code == 200, put.text
    listed = client.get(f"{BASE}/parts/", {"key": upload["key"], "uploadId": upload["uploadId"]})
    assert [part["PartNumber"] for part in listed.json()["parts"]] == [1]
    completed = post_json(
        client,
        f"{BASE}/complete/",
        {
            "key": upload["key"],
            "uploadId": upload["uploadId"],
            "parts": [{"PartNumber": 1, "ETag": put.headers["ETag"]}],
        },
    )
    assert completed.status_code == 200, completed.content
    assert completed.json()["key"] == upload["key"]
    return upload


def open_uploads(bucket) -> list[str]:
    answer = bucket["client"].list_multipart_uploads(Bucket=bucket["name"])
    return [upload["Key"] for upload in answer.get("Uploads", [])]


@pytest.fixture
def clip(tmp_path):
    return make_clip(tmp_path / "interview.mp4", seconds=3, size="1280x720")


def test_direct_upload_goes_to_the_bucket_then_the_worker_checks_and_transcodes_it(
    admin_client, s3_bucket, clip, fast_encoding, django_capture_on_commit_callbacks
):
    upload = upload_through_endpoints(admin_client, clip.read_bytes())
    user_id = admin_client.session["_auth_user_id"]
    assert re.fullmatch(rf"uploads/{user_id}/[0-9]+-[0-9a-f]{{16}}/interview\.mp4", upload["key"])
    assert upload["key"] in bucket_keys(s3_bucket)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/videos/add/", {"title": "Straight to S3", "source": upload["key"]}
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    video = Video.objects.get(title="Straight to S3")
    assert video.status == Video.Status.READY, video.error_message
    assert video.source.name == upload["key"]
    assert (video.width, video.height) == (1280, 720) and video.duration == pytest.approx(3, 0.1)
    keys = bucket_keys(s3_bucket)
    assert video.outputs["master"] in keys and video.outputs["mp4"] in keys
    assert open_uploads(s3_bucket) == []


def test_bad_file_is_refused_in_the_listing_with_the_form_message_and_removed(
    admin_client, s3_bucket, tmp_path, django_capture_on_commit_callbacks
):
    data = b"This is a letter, not a video.\n" * 200
    local = tmp_path / "letter.mp4"
    local.write_bytes(data)
    with pytest.raises(ValidationError) as form_refusal:
        validate_video_file(local, "letter.mp4", len(data))
    upload = upload_through_endpoints(admin_client, data, filename="letter.mp4")
    # A second, unfinished upload of the same object's parts must go too.
    s3_bucket["client"].create_multipart_upload(Bucket=s3_bucket["name"], Key=upload["key"])

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/videos/add/", {"title": "A letter", "source": upload["key"]}
        )
    assert response.status_code == 302
    video = Video.objects.get(title="A letter")
    assert video.status == Video.Status.REFUSED
    message = " ".join(form_refusal.value.messages)
    assert video.error_message == message
    assert not video.source.name
    assert not [key for key in bucket_keys(s3_bucket) if key.startswith("uploads/")]
    assert open_uploads(s3_bucket) == []

    listing = admin_client.get("/admin/videos/").content.decode()
    assert "Refused" in listing
    assert message.replace("“", "&ldquo;")[:20] in listing or message[:20] in listing


def test_nothing_is_signed_for_files_the_form_would_refuse_or_for_someone_else(
    admin_client, client, django_user_model, s3_bucket, settings
):
    settings.MEDIA_PIPELINE_MAX_UPLOAD_BYTES = 10_000_000
    too_big = post_json(
        admin_client,
        f"{BASE}/create/",
        {"filename": "long.mp4", "size": 10_000_001, "type": "video/mp4"},
    )
    assert too_big.status_code == 400
    assert "the largest video you can upload is 9.5" in too_big.json()["error"]
    not_video = post_json(
        admin_client,
        f"{BASE}/create/",
        {"filename": "notes.pdf", "size": 1000, "type": "application/pdf"},
    )
    assert not_video.status_code == 400 and "is not a video file" in not_video.json()["error"]
    wrong_type = post_json(
        admin_client,
        f"{BASE}/create/",
        {"filename": "clip.mp4", "size": 1000, "type": "text/html"},
    )
    assert wrong_type.status_code == 400 and "not a video" in wrong_type.json()["error"]
    assert open_uploads(s3_bucket) == []

    started = post_json(
        admin_client, f"{BASE}/create/", {"filename": "a.mp4", "size": 9_000_000, "type": ""}
    ).json()
    too_many_parts = admin_client.get(
        f"{BASE}/sign/", {"key": started["key"], "uploadId": started["uploadId"], "partNumber": 3}
    )
    assert too_many_parts.status_code == 400

    # Another editor may add videos but may not sign parts of this upload, nor save it.
    editors = Group.objects.create(name="Video editors")
    editors.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="add_video"),
    )
    other = django_user_model.objects.create_user("other", password="pw-other-123")  # noqa: S106
    other.groups.add(editors)
    client.force_login(other)
    stolen = client.get(
        f"{BASE}/sign/", {"key": started["key"], "uploadId": started["uploadId"], "partNumber": 1}
    )
    assert stolen.status_code == 400 and "does not belong to you" in stolen.json()["error"]
    form = client.post("/admin/videos/add/", {"title": "Stolen", "source": started["key"]})
    assert form.status_code == 200 and "does not belong to you" in form.content.decode()
    assert not Video.objects.filter(title="Stolen").exists()

    # Someone who may not add videos gets nothing signed at all.
    viewer = django_user_model.objects.create_user("viewer", password="pw-viewer-123")  # noqa: S106
    viewer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(viewer)
    refused = post_json(
        client, f"{BASE}/create/", {"filename": "a.mp4", "size": 100, "type": "video/mp4"}
    )
    assert refused.status_code == 403


def test_abandoned_uploads_are_aborted_and_unsaved_objects_deleted_after_the_limit(
    admin_client, s3_bucket, settings, clip
):
    settings.MEDIA_PIPELINE_ABANDONED_UPLOAD_HOURS = 2 / 3600  # two seconds
    client = s3_bucket["client"]
    old_unfinished = post_json(
        admin_client, f"{BASE}/create/", {"filename": "old.mp4", "size": 100, "type": "video/mp4"}
    ).json()
    old_finished = upload_through_endpoints(admin_client, clip.read_bytes(), "kept-away.mp4")
    saved = upload_through_endpoints(admin_client, clip.read_bytes(), "saved.mp4")
    Video.objects.create(title="Saved", source=saved["key"], status=Video.Status.READY)
    time.sleep(2.5)
    young = post_json(
        admin_client, f"{BASE}/create/", {"filename": "new.mp4", "size": 100, "type": "video/mp4"}
    ).json()

    result = sweep_uploads.call()

    assert result == {"aborted": 1, "deleted": 1}
    assert open_uploads(s3_bucket) == [young["key"]]
    keys = bucket_keys(s3_bucket)
    assert saved["key"] in keys and old_finished["key"] not in keys
    assert old_unfinished["key"] not in open_uploads(s3_bucket)
    client.abort_multipart_upload(
        Bucket=s3_bucket["name"], Key=young["key"], UploadId=young["uploadId"]
    )
