"""The test database as a DATABASE_URL, for the site started in another process (workers,
backups, outages) to open the same database the test sees."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.db import connection

PROJECT = Path(__file__).resolve().parents[1]


def database_url(name: str | None = None) -> str:
    """The URL of the test database, or of database ``name`` on the same server."""
    config = connection.settings_dict
    name = name or config["NAME"]
    if connection.vendor == "sqlite":
        return f"sqlite:///{name}"
    password = f":{config['PASSWORD']}" if config.get("PASSWORD") else ""
    host = config.get("HOST") or "localhost"
    port = config.get("PORT") or 5432
    return f"postgres://{config['USER']}{password}@{host}:{port}/{name}"


def run_site_script(script: str, timeout: int = 180) -> tuple[subprocess.CompletedProcess, dict]:
    """Run ``script`` in a new Python process with the test settings on the test database and
    media folder; it prints a JSON object as its last line, returned with the process result."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "storysite.settings.test",
        "DATABASE_URL": database_url(),
        "STORYSITE_TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result, json.loads(result.stdout.strip().splitlines()[-1])
