"""When the database goes away, visitors still get the pages already in the page cache, and a
friendly 503 (with Retry-After, no stack trace) for anything else. The site runs in its own
process against the test database, which is then made unreachable for real: the connection is
closed and pointed at a SQLite file that cannot be opened / a PostgreSQL port nobody listens on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from tests.database import database_url

PROJECT = Path(__file__).resolve().parents[2]
CACHED = "/en/stories/four-schools-dohuk/"
NOT_CACHED = "/fr/stories/"

VISIT_THEN_LOSE_THE_DATABASE = f"""
import json
import django
django.setup()
from django.db import connections
from django.test import Client

client = Client(raise_request_exception=False)
before = client.get({CACHED!r})
database = connections["default"]
database.close()
if database.vendor == "sqlite":
    database.settings_dict["NAME"] = "/nonexistent-directory/storysite.sqlite3"
else:
    database.settings_dict.update(HOST="127.0.0.1", PORT="9")
during = client.get({CACHED!r})
other = client.get({NOT_CACHED!r})
print(json.dumps({{
    "before": [before.status_code, before.content.decode()],
    "during": [during.status_code, during.content.decode()],
    "other": [other.status_code, other.content.decode(), other.get("Retry-After")],
}}))
"""


def test_cached_pages_are_served_while_the_database_is_down(db):
    # This process must not read the database itself: on SQLite its open test transaction would
    # then hold a shared lock, and the site process could not store the renditions it makes.
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "storysite.settings.test",
        "DATABASE_URL": database_url(),
        "STORYSITE_TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-c", VISIT_THEN_LOSE_THE_DATABASE],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    pages = json.loads(result.stdout.strip().splitlines()[-1])

    status, before = pages["before"]
    assert status == 200, result.stderr[:3000]
    assert "Four new schools" in before
    # The same bytes as before the outage, from the cache.
    assert pages["during"] == [200, before]

    status, body, retry_after = pages["other"]
    assert status == 503
    assert retry_after == "30"
    assert "back in a moment" in body
    assert "Traceback" not in body and "OperationalError" not in body
