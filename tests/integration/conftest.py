"""Real services for integration tests: an S3 endpoint served over HTTP by moto."""

from __future__ import annotations

import json
import socket
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import boto3
import pytest
from botocore.config import Config
from moto.moto_server.werkzeug_app import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from moto.server import ThreadedMotoServer
from werkzeug.serving import make_server

from storysite.settings.storage import build_storages


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def public_read_policy(bucket: str) -> dict:
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/*",
            }
        ],
    }


@pytest.fixture(scope="session")
def s3_endpoint():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_bucket(s3_endpoint, settings):
    """A fresh bucket, with Django's media storage pointed at it exactly as production would be
    (same settings code, environment variables only)."""
    name = f"storysite-{uuid.uuid4().hex[:12]}"
    environ = {
        "AWS_STORAGE_BUCKET_NAME": name,
        "AWS_S3_ENDPOINT_URL": s3_endpoint,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",  # noqa: S106
    )
    client.create_bucket(Bucket=name)
    # Media on a public site is publicly readable, as a production bucket policy (or CDN) allows.
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read_policy(name)))
    settings.STORAGES = build_storages(
        environ, static_backend=settings.STORAGES["staticfiles"]["BACKEND"]
    )
    return {"name": name, "client": client, "endpoint": s3_endpoint}


def bucket_keys(bucket) -> list[str]:
    listing = bucket["client"].list_objects_v2(Bucket=bucket["name"])
    return sorted(item["Key"] for item in listing.get("Contents", []))


class InterruptibleS3:
    """A moto S3 server on a fixed port that a test can take down and bring back.

    ``down()`` closes the listening socket, so every S3 call is refused at once, which is
    what clients see when the endpoint is unreachable (service or load balancer down, the
    route lost). Bringing it back binds the same port, so the storage settings stay valid,
    and the buckets and objects are all still there, as after a real outage: moto keeps them in
    this process's memory, not in the server. Refusal was chosen over freezing the server
    (SIGSTOP on a moto process): a frozen endpoint only turns into the same botocore errors
    after the client's timeouts (``ConnectTimeoutError``/``ReadTimeoutError``, which
    ``storage.is_unavailable`` treats alike), so it would test the same code paths, slower.
    """

    def __init__(self, port: int):
        self.port = port
        self.endpoint = f"http://127.0.0.1:{port}"
        self._server = None
        self._thread: threading.Thread | None = None

    @property
    def is_up(self) -> bool:
        return self._server is not None

    def start(self) -> None:
        self._server = make_server(
            "127.0.0.1",
            self.port,
            DomainDispatcherApplication(create_backend_app),
            threaded=True,
            request_handler=MotoRequestHandler,
        )
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()  # refuse connections instead of leaving them queued
        self._thread.join(timeout=10)
        self._server = None

    @contextmanager
    def down(self) -> Iterator[None]:
        self.stop()
        try:
            yield
        finally:
            self.start()


@pytest.fixture
def s3_with_outages(settings):
    """Like ``s3_bucket``, on an S3 server of its own that the test can take down
    (``bucket["s3"].down()``). Clients give up fast (one attempt, short timeouts, short
    backoff), so outages cost the tests seconds, not minutes."""
    server = InterruptibleS3(free_port())
    server.start()
    name = f"storysite-outage-{uuid.uuid4().hex[:8]}"
    environ = {
        "AWS_STORAGE_BUCKET_NAME": name,
        "AWS_S3_ENDPOINT_URL": server.endpoint,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_S3_MAX_ATTEMPTS": "1",
        "AWS_S3_CONNECT_TIMEOUT": "2",
        "MEDIA_PIPELINE_STORAGE_RETRIES": "2",
        "MEDIA_PIPELINE_STORAGE_RETRY_BASE_DELAY": "0.05",
    }
    client = boto3.client(
        "s3",
        endpoint_url=server.endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",  # noqa: S106
        config=Config(retries={"mode": "standard", "total_max_attempts": 1}, connect_timeout=2),
    )
    client.create_bucket(Bucket=name)
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read_policy(name)))
    settings.STORAGES = build_storages(
        environ, static_backend=settings.STORAGES["staticfiles"]["BACKEND"]
    )
    settings.MEDIA_PIPELINE_STORAGE_RETRIES = 2
    settings.MEDIA_PIPELINE_STORAGE_RETRY_BASE_DELAY = 0.05
    yield {
        "name": name,
        "client": client,
        "endpoint": server.endpoint,
        "s3": server,
        "environ": environ,
    }
    server.stop()
