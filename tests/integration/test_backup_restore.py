"""A backup made with scripts/backup.sh restores, with scripts/restore.sh, into a fresh database
and media folder, and the restored site renders the same pages."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection

from tests.database import database_url

PROJECT = Path(__file__).resolve().parents[2]
PAGES = ["/en/", "/en/stories/four-schools-dohuk/", "/ar/", "/fr/stories/"]
RENDER = """
import django; django.setup()
from django.test import Client
client = Client()
for path in {pages!r}:
    response = client.get(path)
    print("=====", path, response.status_code)
    print(response.content.decode())
"""

pytestmark = pytest.mark.integration


def site_env(url: str, media_root: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "storysite.settings.test",
        "DATABASE_URL": url,
        "STORYSITE_TEST_MEDIA_ROOT": str(media_root),
        "PAGE_CACHE_SECONDS": "0",
    }


def render(env: dict) -> str:
    result = subprocess.run(
        [sys.executable, "-c", RENDER.format(pages=PAGES)],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.fixture
def fresh_database(tmp_path, transactional_db):
    if connection.vendor == "sqlite":
        yield database_url(str(tmp_path / "restored.sqlite3"))
        return
    name = f"storysite_restore_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield database_url(name)
    connection.close()  # let DROP DATABASE proceed without our session
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_restores_into_a_fresh_site_that_renders_the_same_pages(
    committed_demo, settings, tmp_path, fresh_database
):
    live_url = database_url(connection.settings_dict["NAME"])
    live_env = site_env(live_url, Path(settings.MEDIA_ROOT))
    before = render(live_env)
    assert "===== /en/stories/four-schools-dohuk/ 200" in before

    backup = tmp_path / "backup"
    subprocess.run(
        ["scripts/backup.sh", str(backup)], cwd=PROJECT, env=live_env, check=True, timeout=300
    )
    dumped_media = [path for path in (backup / "media").rglob("*") if path.is_file()]
    assert any(path.suffix == ".jpg" for path in dumped_media)

    restored_media = tmp_path / "restored-media"
    restored_env = site_env(fresh_database, restored_media)
    subprocess.run(
        ["scripts/restore.sh", str(backup)], cwd=PROJECT, env=restored_env, check=True, timeout=300
    )
    after = render(restored_env)
    assert after == before
    # The images the pages show came back too.
    originals = sorted(p.name for p in (restored_media / "original_images").iterdir())
    assert "prefabricated-schools-in-dohuk.jpg" in originals


def test_restore_refuses_a_folder_without_a_backup(tmp_path, fresh_database):
    result = subprocess.run(
        ["scripts/restore.sh", str(tmp_path / "nothing-here")],
        cwd=PROJECT,
        env=site_env(fresh_database, tmp_path / "media"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "no database" in result.stderr
