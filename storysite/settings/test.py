"""Test settings: fast hashing, inline tasks (tests that exercise the worker switch to the database
backend themselves), plain static storage, and media in a throwaway folder."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["*"]
# Subprocesses started by tests (backup/restore) name their media folder explicitly.
MEDIA_ROOT = Path(
    os.environ.get("STORYSITE_TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="storysite-test-media-")
)
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="storysite-test-static-"))
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # A file, not memory: worker, backup and restore tests open the database from other processes.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.mkdtemp(prefix="storysite-test-db-")) / "test.sqlite3")
    }
    # Each test runs inside one transaction; begun IMMEDIATE it would hold the write lock for
    # the whole test and block the site and worker processes that tests start.
    DATABASES["default"]["OPTIONS"].pop("transaction_mode", None)  # noqa: F405
WHITENOISE_USE_FINDERS = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
}
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "video"],
    }
}
# Encoding every AVIF/WebP rendition of each demo image inline would slow every test session;
# tests/media_pipeline/test_rendition_pregeneration.py turns it on.
MEDIA_PIPELINE_PREGENERATE_RENDITIONS = False
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405 (task and publish chatter drowns test output)
