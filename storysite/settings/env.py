"""Read deploy-time values from the environment, failing with a message that names the variable."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be one of true/false/1/0/yes/no, not {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from exc


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_networks(name: str) -> list[str]:
    """Comma-separated IP addresses or networks (``10.0.0.5``, ``10.0.0.0/8``), checked now."""
    import ipaddress

    networks = []
    for entry in env_list(name):
        try:
            networks.append(str(ipaddress.ip_network(entry, strict=False)))
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"{name} entry {entry!r} is not an IP address or network (e.g. 10.0.0.5 or "
                "10.0.0.0/8)."
            ) from exc
    return networks


def require(name: str) -> str:
    """A value production cannot run without: refuse to start instead of guessing."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required in production and is not set."
        )
    return value


SUPPORTED_DATABASE_SCHEMES = ("sqlite", "postgres", "postgresql", "pgsql")


def database_from_url(url: str, *, conn_max_age: int = 0) -> dict:
    """Turn ``DATABASE_URL`` into Django's DATABASES entry, or explain what is wrong with it."""
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme not in SUPPORTED_DATABASE_SCHEMES:
        raise ImproperlyConfigured(
            f"DATABASE_URL {url!r} is not a valid database URL: expected "
            "sqlite:///path/to/db.sqlite3 or postgres://user:password@host:port/name."
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"DATABASE_URL {url!r} is not a valid database URL: {exc}"
        ) from exc
    if not config.get("NAME"):
        raise ImproperlyConfigured(f"DATABASE_URL {url!r} does not name a database.")
    if config["ENGINE"].endswith("sqlite3"):
        # The demo's web server and worker write to one file. A deferred transaction that reads
        # and then writes fails at once with "database is locked" when another holds the write
        # lock; starting write transactions IMMEDIATE makes them wait (up to the timeout).
        config.setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=20)
    return config


def default_sqlite_url(base_dir: Path) -> str:
    return f"sqlite:///{base_dir / 'db.sqlite3'}"


def env_origin(name: str) -> str:
    """An origin such as ``https://www.example.org`` (scheme, host, optional port; no path);
    empty when unset. A trailing slash is dropped."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return ""
    value = raw.rstrip("/")
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.path:
        raise ImproperlyConfigured(
            f"{name} must be the site's address as visitors see it, a scheme and host such as "
            f"https://www.example.org (no path), not {raw!r}."
        )
    return f"{parts.scheme}://{parts.netloc}"
