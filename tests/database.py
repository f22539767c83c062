"""The test database as a DATABASE_URL, for the site started in another process (workers,
backups, outages) to open the same database the test sees."""

from __future__ import annotations

from django.db import connection


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
