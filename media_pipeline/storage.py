"""Putting pipeline outputs into the configured storage with the right headers, and removing them.

Works with any Django storage. On S3 (django-storages) objects are uploaded with boto3's managed
transfer, which streams from disk and switches to multipart for big files, and each object gets
its own Content-Type and Cache-Control (the storage's defaults cannot vary per object).

It also decides which storage errors are an *outage* (the endpoint cannot be reached, times out,
or answers 5xx/SlowDown): those are worth retrying later and are reported to editors as "storage
unavailable"; anything else (access denied, a missing bucket) is a configuration error that
retrying will not fix.
"""

from __future__ import annotations

import logging
import mimetypes
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

from botocore.config import Config
from botocore.exceptions import ClientError, HTTPClientError
from botocore.exceptions import ConnectionError as BotocoreConnectionError
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, default_storage
from storages.backends.s3 import S3Storage

from . import conf

logger = logging.getLogger(__name__)

# Python's mimetypes calls .ts "Qt Linguist"; these are what players expect.
CONTENT_TYPES = {
    ".m3u8": "application/vnd.apple.mpegurl",
    ".ts": "video/mp2t",
    ".m4s": "video/iso.segment",
    ".mp4": "video/mp4",
    ".vtt": "text/vtt; charset=utf-8",
    ".jpg": "image/jpeg",
    ".webp": "image/webp",
    ".avif": "image/avif",
}
# Everything under videos/<id>/<version>/ is written once and never changed (a new source or a
# retry gets a new version folder), so browsers and CDNs may keep it for a year.
IMMUTABLE = "public, max-age=31536000, immutable"
# The master playlist grows rung by rung while a video is transcoded: caches ask again.
REVALIDATE = "public, no-cache"


class S3MediaStorage(S3Storage):
    """django-storages' S3Storage whose client gives up on an unreachable endpoint within
    seconds (botocore's defaults wait 60 s to connect and try 5 times), so an editor's upload
    gets its "storage unavailable" answer promptly; the video worker retries on its own terms.

    The limits are plain options rather than a botocore ``Config`` in ``STORAGES``: Wagtail
    hands the storage's options to a task when it deletes files, so they must be JSON.
    """

    def get_default_settings(self) -> dict:
        limits = {"connect_timeout": 5, "read_timeout": 60, "max_attempts": 3}
        return {**super().get_default_settings(), **limits}

    def __init__(self, **settings):
        super().__init__(**settings)
        self.client_config = self.client_config.merge(
            Config(
                connect_timeout=self.connect_timeout,
                read_timeout=self.read_timeout,
                retries={"mode": "standard", "total_max_attempts": self.max_attempts},
            )
        )


def register_content_types() -> None:
    """Teach ``mimetypes`` (used by Django's static/media serving in development) our types."""
    for extension, content_type in CONTENT_TYPES.items():
        mimetypes.add_type(content_type.split(";")[0], extension)


def content_type_for(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return CONTENT_TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def is_s3(storage: Storage) -> bool:
    return hasattr(storage, "bucket") and hasattr(storage, "_normalize_name")


# S3 error codes that mean "try again later" rather than "this request is wrong".
TRANSIENT_ERROR_CODES = frozenset(
    {"SlowDown", "ServiceUnavailable", "InternalError", "RequestTimeout", "RequestTimeTooSkewed"}
)


class StorageUnavailable(Exception):
    """The media storage could not be reached, even after retrying; worth trying again later."""


def is_unavailable(exc: BaseException) -> bool:
    """True when ``exc`` (or the error it wraps: boto3 re-raises an upload's ClientError as
    S3UploadFailedError) means the storage is unreachable or overloaded, not misused."""
    seen: set[int] = set()
    error: BaseException | None = exc
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, StorageUnavailable | BotocoreConnectionError | HTTPClientError):
            return True
        if isinstance(error, ClientError):
            response = error.response or {}
            status = response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0
            code = response.get("Error", {}).get("Code", "")
            return status >= 500 or code in TRANSIENT_ERROR_CODES
        error = error.__cause__ or error.__context__
    return False


def with_retries(action: Callable[[], object], what: str) -> object:
    """Run a storage call, retrying an unreachable storage with exponential backoff (0.5 s, 1 s,
    2 s… from ``MEDIA_PIPELINE_STORAGE_RETRY_BASE_DELAY``) to ride out a blip. Still unreachable
    after the last attempt: ``StorageUnavailable`` (the task then waits and retries later). Any
    other error is raised at once: retrying an access denied does not help."""
    attempts = max(1, conf.storage_retries())
    base_delay = conf.storage_retry_base_delay()
    for attempt in range(1, attempts + 1):
        try:
            return action()
        except Exception as exc:
            if not is_unavailable(exc):
                raise
            if attempt == attempts:
                raise StorageUnavailable(f"{what} failed: {exc}") from exc
            delay = base_delay * 2 ** (attempt - 1)
            logger.warning("%s failed (%s); retrying in %.1f s", what, exc, delay)
            time.sleep(delay)
    return None


def put_file(
    path: Path, name: str, *, cache_control: str = IMMUTABLE, storage: Storage | None = None
) -> str:
    """Store the local file ``path`` at exactly ``name`` (replacing any object there)."""
    storage = storage or default_storage
    content_type = content_type_for(name)
    if is_s3(storage):
        key = storage._normalize_name(name)  # the storage's own mapping of name → key

        def upload() -> None:
            storage.bucket.upload_file(
                str(path),
                key,
                ExtraArgs={"ContentType": content_type, "CacheControl": cache_control},
            )

        with_retries(upload, f"upload of {name}")
        return name

    def save() -> str:
        if storage.exists(name):
            storage.delete(name)
        with path.open("rb") as handle:
            return storage.save(name, File(handle, name=Path(name).name))

    return with_retries(save, f"saving {name}")


def replace_file(
    path: Path, name: str, *, cache_control: str = IMMUTABLE, storage: Storage | None = None
) -> str:
    """Store ``path`` at ``name`` so that readers see the old object or the new one, never
    none or half of it: on S3 one PUT of the whole file (S3 replaces objects atomically), on
    local disk a temporary file renamed over the old one."""
    storage = storage or default_storage
    if isinstance(storage, FileSystemStorage):

        def rename_into_place() -> str:
            target = Path(storage.path(name))
            target.parent.mkdir(parents=True, exist_ok=True)
            scratch = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
            shutil.copyfile(path, scratch)
            os.replace(scratch, target)
            return name

        return with_retries(rename_into_place, f"replacing {name}")
    return put_file(path, name, cache_control=cache_control, storage=storage)


def put_bytes(
    data: bytes, name: str, *, cache_control: str = IMMUTABLE, storage: Storage | None = None
) -> str:
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=Path(name).suffix) as handle:
        handle.write(data)
        handle.flush()
        return put_file(Path(handle.name), name, cache_control=cache_control, storage=storage)


def list_prefix(prefix: str, storage: Storage | None = None) -> list[str]:
    """Every object name under the folder ``prefix`` (recursively)."""
    storage = storage or default_storage
    prefix = prefix.rstrip("/")
    try:
        directories, files = storage.listdir(prefix)
    except FileNotFoundError:
        return []
    names = [f"{prefix}/{name}" for name in files]
    for directory in directories:
        names.extend(list_prefix(f"{prefix}/{directory}", storage))
    return names


def delete_names(names: Iterable[str], storage: Storage | None = None) -> int:
    storage = storage or default_storage
    count = 0
    for name in names:
        with_retries(lambda name=name: storage.delete(name), f"deleting {name}")
        count += 1
    return count


S3_DELETE_BATCH = 1000  # the most keys one DeleteObjects call takes


class DeleteFailed(Exception):
    """The storage refused to delete some objects (listed in the message)."""


def delete_prefix(prefix: str, storage: Storage | None = None) -> int:
    """Delete every object under the folder ``prefix``; returns how many were deleted.

    S3: list and ``DeleteObjects`` 1000 keys at a time (a video has thousands of segments; one
    DELETE each took minutes). Local disk: remove the folder. Other storages: one by one."""
    storage = storage or default_storage
    prefix = prefix.rstrip("/")
    if is_s3(storage):
        return _delete_s3_prefix(storage, prefix)
    if isinstance(storage, FileSystemStorage):
        return _delete_local_folder(storage, prefix)
    return delete_names(list_prefix(prefix, storage), storage)


def _delete_s3_prefix(storage: Storage, prefix: str) -> int:
    client = storage.connection.meta.client
    bucket = storage.bucket_name
    key_prefix = storage._normalize_name(prefix) + "/"  # the storage's own name → key mapping
    deleted = 0
    while True:
        # What was deleted is gone from the next listing: no continuation token needed.
        listing = with_retries(
            lambda: client.list_objects_v2(
                Bucket=bucket, Prefix=key_prefix, MaxKeys=S3_DELETE_BATCH
            ),
            f"listing {prefix}",
        )
        keys = [{"Key": item["Key"]} for item in listing.get("Contents", [])]
        if not keys:
            return deleted
        answer = with_retries(
            lambda keys=keys: client.delete_objects(
                Bucket=bucket, Delete={"Objects": keys, "Quiet": True}
            ),
            f"deleting {len(keys)} objects under {prefix}",
        )
        if answer.get("Errors"):
            errors = ", ".join(
                f"{error.get('Key')}: {error.get('Code')}" for error in answer["Errors"][:5]
            )
            raise DeleteFailed(f"Some objects under {prefix} could not be deleted ({errors})")
        deleted += len(keys)


def _delete_local_folder(storage: FileSystemStorage, prefix: str) -> int:
    folder = Path(storage.path(prefix))
    if not folder.is_dir():
        return 0
    count = sum(1 for path in folder.rglob("*") if path.is_file())
    shutil.rmtree(folder)
    return count
