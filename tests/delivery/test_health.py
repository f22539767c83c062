"""Health endpoints for the load balancer: liveness checks nothing but the process, readiness
checks the database, the media storage and the cache, and says 503 when the site cannot
serve."""

import json

import pytest

from storysite.settings.storage import build_storages
from tests.database import run_site_script
from tests.integration.conftest import InterruptibleS3, free_port


def assert_never_cached_without_session(response):
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_liveness_answers_without_the_database(client):
    # No db fixture: pytest-django makes any database access fail this test.
    response = client.get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "alive"}
    assert_never_cached_without_session(response)


def test_readiness_reports_each_dependency(client, db):
    response = client.get("/health/ready")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ready",
        "database": "ok",
        "storage": "ok",
        "cache": "ok",
    }
    assert_never_cached_without_session(response)


@pytest.fixture
def s3_media(settings):
    server = InterruptibleS3(free_port())
    server.start()
    import boto3

    boto3.client(
        "s3",
        endpoint_url=server.endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",  # noqa: S106
    ).create_bucket(Bucket="storysite-health")
    settings.STORAGES = build_storages(
        {
            "AWS_STORAGE_BUCKET_NAME": "storysite-health",
            "AWS_S3_ENDPOINT_URL": server.endpoint,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_S3_MAX_ATTEMPTS": "1",
            "AWS_S3_CONNECT_TIMEOUT": "1",
        },
        static_backend=settings.STORAGES["staticfiles"]["BACKEND"],
    )
    yield server
    server.stop()


def test_readiness_is_503_while_the_media_storage_is_down(client, db, s3_media):
    assert client.get("/health/ready").status_code == 200
    with s3_media.down():
        response = client.get("/health/ready")
        assert response.status_code == 503
        body = response.json()
        assert body["status"] == "unavailable"
        assert body["storage"].startswith("failed: Storage unreachable")
        assert body["database"] == "ok"
        assert client.get("/health/live").status_code == 200
    assert client.get("/health/ready").status_code == 200


READY_THEN_LOSE_THE_DATABASE = """
import json
import django
django.setup()
from django.db import connections
from django.test import Client

client = Client(raise_request_exception=False)
before = client.get("/health/ready")
database = connections["default"]
database.close()
if database.vendor == "sqlite":
    database.settings_dict["NAME"] = "/nonexistent-directory/storysite.sqlite3"
else:
    database.settings_dict.update(HOST="127.0.0.1", PORT="9")
during = client.get("/health/ready")
live = client.get("/health/live")
print(json.dumps({
    "before": [before.status_code, before.json()],
    "during": [during.status_code, during.json()],
    "live": live.status_code,
}))
"""


def test_readiness_is_503_while_the_database_is_unreachable(db):
    _result, seen = run_site_script(READY_THEN_LOSE_THE_DATABASE)
    assert seen["before"][0] == 200
    status, body = seen["during"]
    assert status == 503
    assert body["status"] == "unavailable"
    assert body["database"].startswith("failed:")
    assert "Traceback" not in json.dumps(body)
    assert seen["live"] == 200


def test_readiness_stays_200_with_the_cache_down(client, db, redis_caches):
    redis_caches.stop()
    response = client.get("/health/ready")
    assert response.status_code == 200
    assert response.json()["cache"].startswith("degraded:")
