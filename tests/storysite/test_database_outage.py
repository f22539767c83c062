"""When the database goes away, visitors still get the pages already in the page cache, and a
friendly 503 (with Retry-After, no stack trace) for anything else. The site runs in its own
process against the test database, which is then made unreachable for real: the connection is
closed and pointed at a SQLite file that cannot be opened / a PostgreSQL port nobody listens on."""

from __future__ import annotations

from tests.database import run_site_script

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
    result, pages = run_site_script(VISIT_THEN_LOSE_THE_DATABASE)

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
