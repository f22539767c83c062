"""What the benchmarks share: a throwaway production-like site (SQLite, demo content, collected
static files) and gunicorn serving it on loopback, always stopped when the benchmark ends.

Imported by the scripts beside it (``python bench/<name>.py`` puts bench/ on ``sys.path``).
"""

from __future__ import annotations

import atexit
import ctypes
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
PR_SET_PDEATHSIG = 1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def site_env(workdir: Path) -> dict:
    """Production settings (DEBUG off, WhiteNoise, page cache) on a SQLite file in ``workdir``."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "storysite.settings.production",
        "SECRET_KEY": "benchmark-only-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "TASKS_BACKEND": "immediate",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("AWS_STORAGE_BUCKET_NAME", None)
    return env


def build_site(workdir: Path) -> dict:
    """Migrate, load the demo content and collect static files; returns the site's env."""
    env = site_env(workdir)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    return env


def listed_pages(env: dict, script: str) -> list[list[str]]:
    """Run ``script`` in the site's ``manage.py shell``; each line it prints as ``PAGE a b …``
    comes back as ``[a, b, …]``."""
    return [
        line.split()[1:]
        for line in manage(env, "shell", "-c", script).splitlines()
        if line.startswith("PAGE ")
    ]


def serve_with_media(env: dict, workdir: Path) -> tuple[subprocess.Popen, int]:
    """gunicorn serving the site and its media files (``bench/media_wsgi.py``) on a free port."""
    port = free_port()
    server = start_gunicorn(env, port, app="bench.media_wsgi", log=workdir / "gunicorn.log")
    return server, port


def static_url(env: dict, name: str) -> str:
    """The URL of a collected static file under its content-hashed name."""
    manifest = json.loads((Path(env["STATIC_ROOT"]) / "staticfiles.json").read_text())
    return f"/static/{manifest['paths'][name]}"


def _die_with_parent() -> None:
    # Linux: gunicorn gets SIGTERM if the benchmark dies without cleaning up (kill -9, crash).
    ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def start_gunicorn(
    env: dict,
    port: int,
    *,
    workers: int = 2,
    threads: int = 1,
    app: str = "storysite.wsgi",
    extra_env: dict | None = None,
    log: Path | None = None,
) -> subprocess.Popen:
    """gunicorn on 127.0.0.1:port, returned once it answers HTTP; stopped at exit at the latest.
    Its output (Django's 404 warnings, tracebacks) goes to ``log`` if given."""
    output = open(log, "ab") if log else None  # noqa: SIM115 (the child keeps it open)
    server = subprocess.Popen(
        [
            GUNICORN,
            app,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**env, **(extra_env or {})},
        stdout=output,
        stderr=output,
        preexec_fn=_die_with_parent,
    )
    if output:
        output.close()  # the child has its own descriptor
    atexit.register(stop_gunicorn, server)
    deadline = time.monotonic() + 120  # a busy 2-core machine can take a minute to import
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn exited with status {server.returncode}")
        try:
            # A static file: served by the app (WhiteNoise) without rendering or logging.
            urllib.request.urlopen(f"http://127.0.0.1:{port}/static/css/site.css", timeout=10)
            return server
        except OSError:
            time.sleep(0.3)
    stop_gunicorn(server)
    sys.exit("gunicorn did not start")


def stop_gunicorn(server: subprocess.Popen) -> None:
    """SIGTERM (graceful), then SIGKILL after 30 s; safe to call twice."""
    if server.poll() is not None:
        return
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def process_tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds used so far by ``pid`` and its live children (gunicorn's
    master and workers), read from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(child) for child in children.read_text().split()]
    total = 0.0
    for each in pids:
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total
