"""Deploy-time settings come from the environment and fail loudly when they are wrong."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from storysite.settings.env import database_from_url
from storysite.settings.storage import S3_BACKEND, build_storages

PROJECT = Path(__file__).resolve().parents[2]


def start_django(settings_module: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}
    }
    environment.update(env, DJANGO_SETTINGS_MODULE=settings_module)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = start_django("storysite.settings.production", ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "required in production" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = start_django("storysite.settings.production", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_starts_with_required_variables():
    result = start_django(
        "storysite.settings.production", SECRET_KEY="x" * 60, ALLOWED_HOSTS="example.org"
    )
    assert result.returncode == 0, result.stderr


def test_invalid_database_url_is_named_at_start():
    result = start_django("storysite.settings.dev", DATABASE_URL="mysqlish://nowhere")
    assert result.returncode != 0
    assert "DATABASE_URL 'mysqlish://nowhere' is not a valid database URL" in result.stderr


@pytest.mark.parametrize("url", ["not a url", "postgres://user@host:5432/", "mysql2://x/y"])
def test_database_url_errors_explain_the_expected_form(url):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        database_from_url(url)


def test_database_url_for_postgres():
    config = database_from_url("postgres://story:pw@db.internal:5433/storysite")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.internal", 5433, "storysite")


def test_media_stays_on_disk_without_a_bucket():
    storages = build_storages({}, static_backend="x")
    assert storages["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_media_goes_to_s3_when_a_bucket_is_configured():
    storages = build_storages(
        {
            "AWS_STORAGE_BUCKET_NAME": "storysite-media",
            "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
            "AWS_S3_REGION_NAME": "eu-west-3",
            "AWS_ACCESS_KEY_ID": "key",
            "AWS_SECRET_ACCESS_KEY": "secret",
        },
        static_backend="x",
    )
    default = storages["default"]
    assert default["BACKEND"] == S3_BACKEND
    options = default["OPTIONS"]
    assert options["bucket_name"] == "storysite-media"
    assert options["endpoint_url"] == "https://s3.example.org"
    assert options["file_overwrite"] is False
    assert options["addressing_style"] == "path"


def test_s3_client_gives_up_quickly_and_its_options_stay_plain_data():
    import json

    from django.utils.module_loading import import_string

    options = build_storages(
        {
            "AWS_STORAGE_BUCKET_NAME": "storysite-media",
            "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
            "AWS_ACCESS_KEY_ID": "key",
            "AWS_SECRET_ACCESS_KEY": "secret",
            "AWS_S3_MAX_ATTEMPTS": "2",
        },
        static_backend="x",
    )["default"]["OPTIONS"]
    json.dumps(options)  # Wagtail passes the storage's options to a task when deleting files
    storage = import_string(S3_BACKEND)(**options)
    config = storage.connection.meta.client.meta.config
    assert (config.connect_timeout, config.read_timeout) == (5, 60)
    assert config.retries == {"mode": "standard", "total_max_attempts": 2}
    assert config.s3 == {"addressing_style": "path"} and config.signature_version == "s3v4"


def test_redis_gives_each_cache_its_own_prefix_and_survives_outages():
    from storysite.settings.caches import build_caches

    caches = build_caches("redis://cache.internal:6379/0")
    assert {config["BACKEND"] for config in caches.values()} == {"django_redis.cache.RedisCache"}
    prefixes = [config["KEY_PREFIX"] for config in caches.values()]
    assert len(set(prefixes)) == len(prefixes) == len(caches) == 4
    assert all(config["OPTIONS"]["IGNORE_EXCEPTIONS"] for config in caches.values())
    assert build_caches("")["pages"]["BACKEND"].endswith("LocMemCache")


def test_trusted_proxies_must_be_addresses_or_networks(monkeypatch):
    from storysite.settings.env import env_networks

    monkeypatch.setenv("TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.1 ,2001:db8::/32")
    assert env_networks("TRUSTED_PROXIES") == ["10.0.0.0/8", "192.0.2.1/32", "2001:db8::/32"]
    monkeypatch.setenv("TRUSTED_PROXIES", "10.0.0.0/8,proxy.internal")
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES entry 'proxy.internal'"):
        env_networks("TRUSTED_PROXIES")
