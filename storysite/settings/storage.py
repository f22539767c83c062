"""Where uploaded media lives: S3 (django-storages + boto3) when a bucket is configured, else disk.

Kept as a function of the environment so the same code path is exercised by the S3 integration
tests, which point it at a moto server.
"""

from __future__ import annotations

from collections.abc import Mapping

from botocore.config import Config

S3_BACKEND = "storages.backends.s3.S3Storage"
FILESYSTEM_BACKEND = "django.core.files.storage.FileSystemStorage"


def s3_options(environ: Mapping[str, str]) -> dict | None:
    """S3Storage options for ``AWS_STORAGE_BUCKET_NAME`` and friends; None without a bucket."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return None
    options = {
        "bucket_name": bucket,
        "region_name": environ.get("AWS_S3_REGION_NAME") or None,
        "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
        "access_key": environ.get("AWS_ACCESS_KEY_ID") or None,
        "secret_key": environ.get("AWS_SECRET_ACCESS_KEY") or None,
        # Path-style addressing works with every S3-compatible server (MinIO, moto, Ceph);
        # virtual-host style would resolve "bucket.127.0.0.1".
        "addressing_style": environ.get("AWS_S3_ADDRESSING_STYLE", "path"),
        "signature_version": "s3v4",
        # Never overwrite: two uploads named "photo.jpg" must both survive.
        "file_overwrite": False,
        "default_acl": None,
        # Media on a public site is public; signed URLs would defeat the CDN cache.
        "querystring_auth": environ.get("AWS_QUERYSTRING_AUTH", "false").lower() == "true",
        "custom_domain": environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
        "location": environ.get("AWS_LOCATION", ""),
        "object_parameters": {"CacheControl": "public, max-age=86400"},
    }
    options["client_config"] = client_config(environ, options["addressing_style"])
    if environ.get("AWS_S3_URL_PROTOCOL"):
        options["url_protocol"] = environ["AWS_S3_URL_PROTOCOL"]
    return {key: value for key, value in options.items() if value is not None}


def client_config(environ: Mapping[str, str], addressing_style: str) -> Config:
    """How boto3 talks to the endpoint. When S3 is unreachable a request fails within seconds
    (botocore's defaults wait 60 s to connect and retry up to 5 times), so an editor's upload
    gets its "storage unavailable" answer promptly; the video worker retries on its own terms.
    A client config replaces django-storages' own, hence addressing style and signature here."""
    return Config(
        s3={"addressing_style": addressing_style},
        signature_version="s3v4",
        connect_timeout=float(environ.get("AWS_S3_CONNECT_TIMEOUT") or 5),
        read_timeout=float(environ.get("AWS_S3_READ_TIMEOUT") or 60),
        retries={"mode": "standard", "max_attempts": int(environ.get("AWS_S3_MAX_ATTEMPTS") or 3)},
    )


def build_storages(environ: Mapping[str, str], *, static_backend: str) -> dict:
    """Django's STORAGES setting for this environment."""
    options = s3_options(environ)
    if options is None:
        default = {"BACKEND": FILESYSTEM_BACKEND}
    else:
        default = {"BACKEND": S3_BACKEND, "OPTIONS": options}
    return {"default": default, "staticfiles": {"BACKEND": static_backend}}
