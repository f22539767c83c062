"""Where uploaded media lives: S3 (django-storages + boto3) when a bucket is configured, else disk.

Kept as a function of the environment so the same code path is exercised by the S3 integration
tests, which point it at a moto server.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

# django-storages' S3Storage with short connection timeouts and few retries (see its docstring).
S3_BACKEND = "media_pipeline.storage.S3MediaStorage"
FILESYSTEM_BACKEND = "django.core.files.storage.FileSystemStorage"
# The same bucket, for handing out documents: every link is signed and short-lived
# (downloads/wagtail_hooks.py looks this storage up by name).
DOCUMENTS_STORAGE = "documents"
DOCUMENT_URL_SECONDS = 60


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
    # An unreachable S3 fails an upload within seconds, not minutes (media_pipeline/README.md).
    for name, variable, kind in (
        ("connect_timeout", "AWS_S3_CONNECT_TIMEOUT", float),
        ("read_timeout", "AWS_S3_READ_TIMEOUT", float),
        ("max_attempts", "AWS_S3_MAX_ATTEMPTS", int),
    ):
        if environ.get(variable):
            options[name] = kind(environ[variable])
    if environ.get("AWS_S3_URL_PROTOCOL"):
        options["url_protocol"] = environ["AWS_S3_URL_PROTOCOL"]
    return {key: value for key, value in options.items() if value is not None}


def document_url_seconds(environ: Mapping[str, str]) -> int:
    raw = environ.get("DOCUMENT_URL_SECONDS", "").strip()
    if not raw:
        return DOCUMENT_URL_SECONDS
    # S3 accepts signatures valid from one second to seven days.
    if not raw.isdigit() or not 1 <= int(raw) <= 7 * 24 * 3600:
        raise ImproperlyConfigured(
            f"DOCUMENT_URL_SECONDS must be a number of seconds from 1 to 604800, not {raw!r}."
        )
    return int(raw)


def documents_options(options: dict, environ: Mapping[str, str]) -> dict:
    """The bucket's options for links to documents: signed with the site's key, valid for
    ``DOCUMENT_URL_SECONDS``, and on the S3 endpoint itself — a CDN domain would give unsigned
    links (django-storages signs those only for CloudFront with a key pair)."""
    signed = {key: value for key, value in options.items() if key != "custom_domain"}
    signed.update(querystring_auth=True, querystring_expire=document_url_seconds(environ))
    return signed


def build_storages(environ: Mapping[str, str], *, static_backend: str) -> dict:
    """Django's STORAGES setting for this environment."""
    options = s3_options(environ)
    storages = {"staticfiles": {"BACKEND": static_backend}}
    if options is None:
        storages["default"] = {"BACKEND": FILESYSTEM_BACKEND}
    else:
        storages["default"] = {"BACKEND": S3_BACKEND, "OPTIONS": options}
        storages[DOCUMENTS_STORAGE] = {
            "BACKEND": S3_BACKEND,
            "OPTIONS": documents_options(options, environ),
        }
    return storages
