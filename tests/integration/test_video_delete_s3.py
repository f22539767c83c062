"""Deleting a video with thousands of objects: the admin request only queues the work, and the
task removes everything under the video's folder with one DeleteObjects call per 1000 keys."""

from __future__ import annotations

import math
import time
from collections import Counter

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import transaction

from media_pipeline.models import Video
from tests.integration.conftest import bucket_keys

pytestmark = pytest.mark.integration

SEGMENTS = 1500


@pytest.fixture
def s3_calls():
    """S3 operations made through the media storage's client, by name."""
    calls: Counter[str] = Counter()

    def count(event_name, **kwargs):
        calls[event_name.rsplit(".", 1)[-1]] += 1

    events = default_storage.connection.meta.client.meta.events
    events.register("before-call.s3", count)
    yield calls
    events.unregister("before-call.s3", count)


def test_deleting_a_video_removes_its_thousands_of_objects_in_batches_after_the_request(
    admin_client, s3_bucket, settings, transactional_db, s3_calls
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "video"]}
    }
    with transaction.atomic():
        video = Video(title="Three-hour hearing", status=Video.Status.READY, version=1)
        video.source.save("hearing.mp4", ContentFile(b"source"), save=False)
        video.save()
    client, bucket = s3_bucket["client"], s3_bucket["name"]
    prefix = f"videos/{video.pk}/"
    for number in range(SEGMENTS):
        client.put_object(
            Bucket=bucket, Key=f"{prefix}1/hls/720p/segment_{number:05d}.ts", Body=b""
        )
    client.put_object(Bucket=bucket, Key=f"{prefix}captions/en-1-abc.vtt", Body=b"WEBVTT\n")
    owned = SEGMENTS + 1
    other = "videos/sources/keep/other.mp4"
    client.put_object(Bucket=bucket, Key=other, Body=b"another video's source")
    s3_calls.clear()

    started = time.monotonic()
    response = admin_client.post(f"/admin/videos/delete/{video.pk}/")
    elapsed = time.monotonic() - started

    assert response.status_code == 302
    assert not Video.objects.filter(pk=video.pk).exists()
    assert elapsed < 5
    assert not s3_calls["DeleteObject"] and not s3_calls["DeleteObjects"]
    assert len(bucket_keys_all(s3_bucket, prefix)) == owned  # untouched until the worker runs

    call_command(
        "db_worker", "--batch", "--queue-name", "default", "--no-startup-delay", verbosity=0
    )

    assert bucket_keys_all(s3_bucket, prefix) == []
    assert s3_calls["DeleteObjects"] == math.ceil(owned / 1000)
    assert s3_calls["DeleteObject"] == 1  # the source, stored elsewhere
    assert bucket_keys(s3_bucket) == [other]


def bucket_keys_all(bucket, prefix: str) -> list[str]:
    pages = (
        bucket["client"]
        .get_paginator("list_objects_v2")
        .paginate(Bucket=bucket["name"], Prefix=prefix)
    )
    return [item["Key"] for page in pages for item in page.get("Contents", [])]
