"""Direct, resumable uploads from the editor's browser to the S3 bucket.

The browser (Uppy's S3 multipart plugin, ``static/media_pipeline/direct-upload.js``) sends the
file in parts straight to the bucket over presigned ``UploadPart`` URLs; the web process never
sees the bytes. The server does everything else itself: it chooses the object key (under
``uploads/<user id>/``), checks the name, size and type before signing anything, creates,
lists (for resuming), completes and aborts the multipart upload. A completed upload becomes a
video only when the editor saves the form; the video worker then probes the object
(``tasks.check_uploaded_video``) with the same rules as the form upload.

Uploads that are never finished, or finished but never saved as a video, are removed by
``tasks.sweep_uploads`` after ``MEDIA_PIPELINE_ABANDONED_UPLOAD_HOURS``.
"""

from __future__ import annotations

import datetime
import math
import re
import uuid
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from . import conf, storage
from .probe import check_name_and_size

UPLOAD_PREFIX = "uploads"
PART_SIZE = 8 * 1024 * 1024  # S3 needs ≥ 5 MiB per part but the last; 8 MiB resumes cheaply
MAX_PARTS = 10_000  # S3's limit
PRESIGN_SECONDS = 3600
# uploads/<user id>/<start, Unix seconds>-<random>/<file name>: the server picks it, so the
# start time in it can be trusted by the sweep (S3 listings' "Initiated" is not kept by every
# S3-compatible store).
KEY = re.compile(
    rf"^{UPLOAD_PREFIX}/(?P<user>[0-9]+)/(?P<started>[0-9]{{1,12}})-[0-9a-f]{{16}}/[^/]+$"
)


def is_enabled() -> bool:
    """Direct upload needs the bucket itself: only when media are stored on S3."""
    return storage.is_s3(default_storage)


def part_size(size: int) -> int:
    """Parts of 8 MiB, larger for files that would need more than S3's 10 000 parts."""
    return max(PART_SIZE, math.ceil(size / MAX_PARTS))


def _client():
    return default_storage.connection.meta.client


def _bucket() -> str:
    return default_storage.bucket_name


def _object_key(name: str) -> str:
    return default_storage._normalize_name(name)  # the storage's own name → key mapping


def _storage_name(key: str) -> str:
    location = (default_storage.location or "").strip("/")
    return key[len(location) + 1 :] if location and key.startswith(location + "/") else key


def new_name(user_id: int, filename: str) -> str:
    """The storage name the server picks for an upload: the editor's file name, made safe."""
    safe = get_valid_filename(Path(filename).name)[:100] or "video"
    started = int(timezone.now().timestamp())
    return f"{UPLOAD_PREFIX}/{user_id}/{started}-{uuid.uuid4().hex[:16]}/{safe}"


def started_at(name: str, fallback: datetime.datetime) -> datetime.datetime:
    """When the upload of ``name`` was started, from its key (else ``fallback``)."""
    match = KEY.match(name)
    if not match:
        return fallback
    return datetime.datetime.fromtimestamp(int(match.group("started")), tz=datetime.UTC)


def check_owner(name: str, user_id: int) -> str:
    """``name`` if it is an upload name this user's browser was given, else ValidationError."""
    match = KEY.match(name or "")
    if not match or int(match.group("user")) != user_id:
        raise ValidationError(_("This upload does not belong to you. Upload the file again."))
    return name


def check_type(content_type: str) -> None:
    if content_type and not content_type.startswith("video/"):
        raise ValidationError(
            _("The file is of type %(type)s, not a video. Upload a video such as an MP4.")
            % {"type": content_type}
        )


def create(user_id: int, filename: str, size: int, content_type: str) -> dict:
    """Check what the browser says of the file, then start its multipart upload."""
    check_name_and_size(filename, size)
    check_type(content_type)
    name = new_name(user_id, filename)
    answer = storage.with_retries(
        lambda: _client().create_multipart_upload(
            Bucket=_bucket(), Key=_object_key(name), ContentType=content_type or "video/mp4"
        ),
        "starting an upload",
    )
    return {"uploadId": answer["UploadId"], "key": name, "partSize": part_size(size)}


def sign_part(name: str, upload_id: str, part_number: int) -> str:
    if not 1 <= part_number <= MAX_PARTS:
        raise ValidationError(_("Part numbers go from 1 to 10000."))
    # Every part but the last is at least PART_SIZE: a file within the size limit never needs
    # more parts than this, so a browser asking for more is refused before anything is signed.
    if part_number > math.ceil(conf.max_upload_bytes() / PART_SIZE):
        raise ValidationError(_("This upload is larger than the largest video allowed."))
    return _client().generate_presigned_url(
        "upload_part",
        Params={
            "Bucket": _bucket(),
            "Key": _object_key(name),
            "UploadId": upload_id,
            "PartNumber": part_number,
        },
        ExpiresIn=PRESIGN_SECONDS,
    )


def list_parts(name: str, upload_id: str) -> list[dict]:
    """The parts the bucket already holds: the browser sends only the others when resuming."""
    parts: list[dict] = []
    marker = 0
    while True:
        answer = _client().list_parts(
            Bucket=_bucket(), Key=_object_key(name), UploadId=upload_id, PartNumberMarker=marker
        )
        parts.extend(
            {"PartNumber": part["PartNumber"], "Size": part["Size"], "ETag": part["ETag"]}
            for part in answer.get("Parts", [])
        )
        if not answer.get("IsTruncated"):
            return parts
        marker = answer["NextPartNumberMarker"]


def complete(name: str, upload_id: str, parts: list[dict]) -> dict:
    """Join the parts; an object over the size limit is deleted at once."""
    clean_parts = sorted(
        ({"PartNumber": int(part["PartNumber"]), "ETag": str(part["ETag"])} for part in parts),
        key=lambda part: part["PartNumber"],
    )
    _client().complete_multipart_upload(
        Bucket=_bucket(),
        Key=_object_key(name),
        UploadId=upload_id,
        MultipartUpload={"Parts": clean_parts},
    )
    size = default_storage.size(name)
    try:
        check_name_and_size(name, size)
    except ValidationError:
        default_storage.delete(name)
        raise
    return {"key": name, "location": default_storage.url(name), "size": size}


def abort(name: str, upload_id: str) -> None:
    _client().abort_multipart_upload(Bucket=_bucket(), Key=_object_key(name), UploadId=upload_id)


def abort_all_for(name: str) -> int:
    """Abort every multipart upload still open for ``name`` (its stored parts go with it)."""
    key = _object_key(name)
    answer = _client().list_multipart_uploads(Bucket=_bucket(), Prefix=key)
    count = 0
    for upload in answer.get("Uploads", []):
        if upload["Key"] == key:
            abort(name, upload["UploadId"])
            count += 1
    return count


def sweep(referenced: set[str], now: datetime.datetime | None = None) -> dict:
    """Abort multipart uploads under ``uploads/`` started more than the abandoned-upload limit
    ago, and delete uploaded objects as old that no video refers to (``referenced``). Returns
    counts and when the youngest remaining upload falls due (for the next sweep)."""
    now = now or timezone.now()
    limit = now - datetime.timedelta(hours=conf.abandoned_upload_hours())
    client, bucket = _client(), _bucket()
    prefix = _object_key(UPLOAD_PREFIX) + "/"
    aborted = deleted = 0
    next_due: datetime.datetime | None = None

    def later(when: datetime.datetime) -> None:
        nonlocal next_due
        due = when + datetime.timedelta(hours=conf.abandoned_upload_hours())
        next_due = due if next_due is None else min(next_due, due)

    paginator = client.get_paginator("list_multipart_uploads")
    for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
        for upload in page.get("Uploads", []):
            started = started_at(_storage_name(upload["Key"]), upload["Initiated"])
            if started < limit:
                client.abort_multipart_upload(
                    Bucket=bucket, Key=upload["Key"], UploadId=upload["UploadId"]
                )
                aborted += 1
            else:
                later(started)
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            if _storage_name(item["Key"]) in referenced:
                continue
            started = started_at(_storage_name(item["Key"]), item["LastModified"])
            if started < limit:
                client.delete_object(Bucket=bucket, Key=item["Key"])
                deleted += 1
            else:
                later(started)
    return {"aborted": aborted, "deleted": deleted, "next_due": next_due}
