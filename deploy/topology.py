"""The production-like topology on one machine, started and stopped as one thing.

    .venv/bin/python -m deploy.topology          # what `make prod-like` runs (scripts/prod-like.sh)

Everything runs with ``storysite.settings.production`` and listens on 127.0.0.1 only:

- nginx (Debian's, with its Brotli module) on ``PROD_LIKE_PORT`` (8080), configured from
  ``deploy/nginx.conf.template``: gzip/Brotli, static files from disk, the upload limit, and an
  upstream of two gunicorn instances;
- two ``gunicorn storysite.wsgi -w 2`` on 8101 and 8102;
- PostgreSQL (a cluster of its own under the run directory), Redis (no persistence) and moto's
  S3 server with the media bucket;
- a worker for the ``default`` task queue and a separate one for the ``video`` queue.

``Topology`` is also what the topology tests (``tests/topology/``) and ``bench/topology.py``
use: each component's port and pid, and ways to break things on purpose (``stop_redis()``,
``kill_worker("video")``, ``restart("web-a")``). Every process it starts gets a process group
of its own, and ``stop()`` ends those groups and nothing else.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import http.client
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).with_name("nginx.conf.template")
BIN = Path(sys.executable).parent  # the project's .venv/bin
NGINX = "/usr/sbin/nginx"
BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so"
REDIS_SERVER = "/usr/bin/redis-server"
BUCKET = "storysite-media"
DEFAULT_UPLOAD_LIMIT = 2 * 1024**3  # base.py's MEDIA_PIPELINE_MAX_UPLOAD_BYTES default
# Room for the other fields of an upload form around the largest accepted file.
FORM_OVERHEAD_BYTES = 1024**2
# `make prod-like`'s fixed ports (PROD_LIKE_PORT moves nginx); tests and benchmarks pick free ones.
CLI_PORTS = {
    "nginx": 8080,
    "web-a": 8101,
    "web-b": 8102,
    "postgres": 8432,
    "redis": 8379,
    "s3": 8900,
}
PR_SET_PDEATHSIG = 1


class TopologyError(RuntimeError):
    """A component did not start, with the tail of its log."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def postgres_bin() -> Path:
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/postgres"), key=lambda p: int(p.parts[-3])
    )
    if not found:
        raise TopologyError("PostgreSQL is not installed: scripts/system-deps.sh prod-like")
    return found[-1].parent


def upload_body_limit(environ: dict[str, str]) -> int:
    """nginx's client_max_body_size: the app's upload limit (MEDIA_PIPELINE_MAX_UPLOAD_BYTES, the
    same variable and default as storysite/settings/base.py) plus the rest of the form."""
    raw = environ.get("MEDIA_PIPELINE_MAX_UPLOAD_BYTES", "").strip()
    limit = int(raw) if raw else DEFAULT_UPLOAD_LIMIT
    return limit + FORM_OVERHEAD_BYTES


def _die_with_parent() -> None:
    # If the harness itself is killed without cleaning up, its children get SIGTERM (Linux).
    ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


@dataclass
class Service:
    """One long-running process, in a process group of its own."""

    name: str
    argv: list[str]
    env: dict[str, str]
    log: Path
    port: int | None = None
    stop_signal: int = signal.SIGTERM
    stop_timeout: float = 20
    user: str | None = None
    process: subprocess.Popen | None = field(default=None, repr=False)
    signalled: bool = field(default=False, repr=False)

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> None:
        self.signalled = False
        with open(self.log, "ab") as output:
            output.write(f"\n=== {time.strftime('%H:%M:%S')} start {self.name}\n".encode())
            output.flush()
            self.process = subprocess.Popen(  # noqa: S603 (our own argv)
                self.argv,
                cwd=ROOT,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                user=self.user,
                group=self.user,
                extra_groups=[] if self.user else None,
                # The signal follows the *thread* that started the process: only the main
                # thread lives as long as the harness.
                preexec_fn=_die_with_parent
                if threading.current_thread() is threading.main_thread()
                else None,
            )

    def signal_group(self, signum: int) -> None:
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signum)

    def begin_stop(self) -> None:
        """Send the stop signal without waiting (``stop()`` then waits)."""
        if self.running:
            with contextlib.suppress(ProcessLookupError):
                self.process.send_signal(self.stop_signal)
            self.signalled = True

    def stop(self) -> None:
        """The stop signal to the leader (a graceful stop), then SIGKILL to whatever is left of
        its group (a gunicorn worker, an ffmpeg) after ``stop_timeout``."""
        if self.process is None:
            return
        if self.process.poll() is None:
            if not self.signalled:
                with contextlib.suppress(ProcessLookupError):
                    self.process.send_signal(self.stop_signal)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=self.stop_timeout)
        self.signal_group(signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)

    def kill(self, signum: int = signal.SIGKILL) -> None:
        """The whole group at once, as when a machine or container is lost."""
        self.signal_group(signum)
        if self.process is not None and signum == signal.SIGKILL:
            self.process.wait(timeout=10)

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log.read_text(errors="replace")
        except FileNotFoundError:
            return ""
        return "\n".join(text.splitlines()[-lines:])


class Topology:
    """nginx → two gunicorns → PostgreSQL, Redis, S3 (moto), plus two task workers."""

    def __init__(
        self,
        run_dir: Path | None = None,
        *,
        ports: dict[str, int] | None = None,
        environ: dict[str, str] | None = None,
        upstream_header: bool = True,
        log: Callable[[str], None] = print,
    ):
        """``ports`` maps component names to ports (missing ones: free ports). ``environ`` is
        what the components see besides the topology's own settings (default: os.environ)
        and may set ``PROD_LIKE_PORT`` and ``MEDIA_PIPELINE_MAX_UPLOAD_BYTES``.
        ``upstream_header`` makes nginx name the gunicorn that answered (``X-Upstream``):
        handy here, not something to copy to production."""
        self.environ = dict(os.environ if environ is None else environ)
        ports = dict(ports or {})
        if self.environ.get("PROD_LIKE_PORT"):
            ports["nginx"] = int(self.environ["PROD_LIKE_PORT"])
        self.ports = {name: ports.get(name) or free_port() for name in CLI_PORTS}
        self.owns_run_dir = run_dir is None
        self.run_dir = Path(run_dir or tempfile.mkdtemp(prefix="storysite-topology-"))
        self.upstream_header = upstream_header
        self.log = log
        self.services: dict[str, Service] = {}
        self.pgbin = postgres_bin()
        self.as_postgres = "postgres" if os.geteuid() == 0 else None
        self.body_limit = upload_body_limit(self.environ)
        self.env = self._app_env()
        self.started = False
        self.ready_path = ""

    # -- addresses ------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.ports['nginx']}"

    def url(self, path: str = "/") -> str:
        """A URL through nginx, as visitors reach the site."""
        return self.base_url + path

    def backend_url(self, name: str, path: str = "/") -> str:
        """A URL on one gunicorn directly ("web-a" or "web-b"), bypassing nginx."""
        return f"http://127.0.0.1:{self.ports[name]}{path}"

    def pid(self, name: str) -> int | None:
        return self.services[name].pid

    @property
    def logs(self) -> Path:
        return self.run_dir / "logs"

    # -- the app's environment ------------------------------------------------------------------

    def _app_env(self) -> dict[str, str]:
        env = {
            key: value
            for key, value in self.environ.items()
            # The host's own deployment settings must not leak into this one.
            if not key.startswith(("AWS_", "DJANGO_", "DATABASE_", "REDIS_"))
        }
        origins = [f"http://{host}:{self.ports['nginx']}" for host in ("localhost", "127.0.0.1")]
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "storysite.settings.production",
                "SECRET_KEY": secrets.token_urlsafe(50),
                "ALLOWED_HOSTS": "localhost,127.0.0.1",
                "CSRF_TRUSTED_ORIGINS": ",".join(origins),
                "WAGTAILADMIN_BASE_URL": origins[0],
                # nginx listens on plain HTTP here (TLS would end in it or in front of it in
                # production): redirecting to https would leave nothing to answer.
                "SECURE_SSL_REDIRECT": "false",
                # One proxy (nginx) in front, which replaces any X-Forwarded-For a client sends.
                "PROXY_COUNT": "1",
                "DATABASE_URL": f"postgres://postgres@127.0.0.1:{self.ports['postgres']}/storysite",
                "REDIS_URL": f"redis://127.0.0.1:{self.ports['redis']}/0",
                "AWS_STORAGE_BUCKET_NAME": BUCKET,
                "AWS_S3_ENDPOINT_URL": f"http://127.0.0.1:{self.ports['s3']}",
                "AWS_S3_REGION_NAME": "us-east-1",
                "AWS_ACCESS_KEY_ID": "prod-like",
                "AWS_SECRET_ACCESS_KEY": "prod-like",
                "STATIC_ROOT": str(self.run_dir / "static"),
                "MEDIA_ROOT": str(self.run_dir / "media"),
                "TASKS_BACKEND": "database",
                "PYTHONUNBUFFERED": "1",
            }
        )
        env.setdefault("LOG_LEVEL", "WARNING")
        return env

    # -- lifecycle ------------------------------------------------------------------------------

    def __enter__(self) -> Topology:
        self.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()

    def start(self, ready_timeout: float = 240) -> None:
        """Start everything, prepare the site (migrate, collectstatic, demo content, search
        index) and return once nginx says the site is ready."""
        busy = [f"{name} {port}" for name, port in self.ports.items() if not port_is_free(port)]
        if busy:
            raise TopologyError(f"ports already in use on 127.0.0.1: {', '.join(busy)}")
        started = time.monotonic()
        self._prepare_run_dir()
        try:
            with self._step("PostgreSQL, Redis and S3"):
                self._start_postgres()
                self._start_redis()
                self._start_s3()
            self._migrate_and_collectstatic()
            # Booting the web processes and workers overlaps with loading the demo content;
            # the workers take the tasks load_demo queues (search index, the demo's video).
            for name in ("web-a", "web-b"):
                self._start_gunicorn(name)
            self.start_worker("default")
            self.start_worker("video")
            self._start_nginx()
            with self._step("load_demo --admin"):
                self.manage("load_demo", "--admin", "-v0")
            with self._step("update_index"):
                self.manage("update_index", "-v0")
            with self._step("waiting for readiness through nginx"):
                self.wait_ready(timeout=ready_timeout)
        except BaseException:
            self.stop()
            raise
        self.started = True
        self.log(
            f"topology ready in {time.monotonic() - started:.0f} s at {self.base_url}/ "
            f"({self.ready_path} answered 200)"
        )

    def stop(self) -> None:
        """Stop what this topology started: the front first, the data stores last."""
        front = ["nginx", "web-a", "web-b"]
        front += [name for name in self.services if name.startswith("worker-")]
        for group in (front, ["s3", "redis"], ["postgres"]):
            services = [self.services[name] for name in group if name in self.services]
            for service in services:  # all of a group at once: each waits for its own work
                service.begin_stop()
            for service in services:
                service.stop()
        self.started = False
        if self.owns_run_dir:
            shutil.rmtree(self.run_dir, ignore_errors=True)

    def _prepare_run_dir(self) -> None:
        # A fresh site each start: moto keeps S3 objects in memory only, so a database kept
        # from an earlier run would point at media that no longer exist.
        for sub in ("postgres", "redis", "static", "media", "tmp", "logs"):
            shutil.rmtree(self.run_dir / sub, ignore_errors=True)
            (self.run_dir / sub).mkdir(parents=True)
        # nginx's workers (nobody when started as root) read the static files from here.
        self.run_dir.chmod(0o755)
        if self.as_postgres:
            record = pwd.getpwnam(self.as_postgres)
            os.chown(self.run_dir / "postgres", record.pw_uid, record.pw_gid)

    def _service(self, name: str, argv: list[str], **options) -> Service:
        service = Service(
            name, argv, options.pop("env", self.env), self.logs / f"{name}.log", **options
        )
        self.services[name] = service
        service.start()
        return service

    def _wait(self, name: str, ready: Callable[[], bool], timeout: float = 60) -> None:
        service = self.services[name]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not service.running:
                raise TopologyError(f"{name} exited:\n{service.log_tail()}")
            if ready():
                return
            time.sleep(0.2)
        raise TopologyError(f"{name} not ready after {timeout:.0f} s:\n{service.log_tail()}")

    def _run(self, argv: list[str], *, user: str | None = None, timeout: float = 600) -> str:
        result = subprocess.run(  # noqa: S603 (our own argv)
            argv,
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            user=user,
            group=user,
            extra_groups=[] if user else None,
        )
        if result.returncode:
            raise TopologyError(
                f"{' '.join(argv[:4])}… failed ({result.returncode}):\n{result.stderr[-3000:]}"
            )
        return result.stdout

    def _start_postgres(self) -> None:
        datadir = self.run_dir / "postgres"
        self._run(
            [str(self.pgbin / "initdb"), "-D", str(datadir), "-U", "postgres", "-A", "trust"]
            + ["-E", "UTF8", "--locale=C.UTF-8"],
            user=self.as_postgres,
        )
        port = self.ports["postgres"]
        self._service(
            "postgres",
            [str(self.pgbin / "postgres"), "-D", str(datadir), "-p", str(port)]
            + ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="]
            # Throwaway data: durability costs time and buys nothing here.
            + ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
            + ["-c", "max_connections=200"],
            port=port,
            user=self.as_postgres,
            stop_signal=signal.SIGINT,  # "fast" shutdown: do not wait for clients to leave
        )
        pg_isready = [str(self.pgbin / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(port)]
        pg_isready += ["-U", "postgres", "-d", "postgres"]
        self._wait(
            "postgres",
            lambda: subprocess.run(pg_isready, check=False).returncode == 0,  # noqa: S603
        )
        self._run(
            [str(self.pgbin / "createdb"), "-h", "127.0.0.1", "-p", str(port)]
            + ["-U", "postgres", "storysite"]
        )

    def _redis_argv(self) -> list[str]:
        return [REDIS_SERVER, "--port", str(self.ports["redis"]), "--bind", "127.0.0.1"] + [
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(self.run_dir / "redis"),
            "--daemonize",
            "no",
        ]

    def _start_redis(self) -> None:
        self._service("redis", self._redis_argv(), port=self.ports["redis"])
        self._wait("redis", self._redis_answers)

    def _redis_answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.ports["redis"]), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def _start_s3(self) -> None:
        port = self.ports["s3"]
        self._service(
            "s3", [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)], port=port
        )
        self._wait("s3", lambda: http_status(f"http://127.0.0.1:{port}/moto-api/") is not None)
        self._create_bucket()

    def _create_bucket(self) -> None:
        import boto3

        client = boto3.client(
            "s3",
            endpoint_url=self.env["AWS_S3_ENDPOINT_URL"],
            region_name=self.env["AWS_S3_REGION_NAME"],
            aws_access_key_id=self.env["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=self.env["AWS_SECRET_ACCESS_KEY"],
        )
        client.create_bucket(Bucket=BUCKET)
        # Media on a public site are publicly readable (a bucket policy, or a CDN in front).
        policy = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": f"arn:aws:s3:::{BUCKET}/*",
                }
            ],
        }
        client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(policy))

    def manage(self, *args: str, timeout: float = 600) -> str:
        """``manage.py <args>`` against this topology's database, cache and storage."""
        return self._run([sys.executable, "manage.py", *args], timeout=timeout)

    def shell(self, code: str, timeout: float = 300) -> str:
        return self.manage("shell", "-c", code, timeout=timeout)

    def _migrate_and_collectstatic(self) -> None:
        collect = subprocess.Popen(  # noqa: S603 (our own argv): needs no database, so meanwhile
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            with self._step("migrate (collectstatic meanwhile)"):
                self.manage("migrate", "--noinput", "-v0")
        finally:
            _out, errors = collect.communicate()
        if collect.returncode:
            raise TopologyError(f"collectstatic failed:\n{errors.decode()[-3000:]}")

    @contextlib.contextmanager
    def _step(self, what: str) -> Iterator[None]:
        started = time.monotonic()
        self.log(f"{what}…")
        yield
        self.log(f"{what}: {time.monotonic() - started:.1f} s")

    def _start_gunicorn(self, name: str) -> None:
        port = self.ports[name]
        self._service(
            name,
            [str(BIN / "gunicorn"), "storysite.wsgi", "-w", "2", "--bind", f"127.0.0.1:{port}"]
            + ["--timeout", "30", "--graceful-timeout", "10", "--log-level", "warning"]
            # Two instances would share (and fight over) the default ~/.gunicorn control socket.
            + ["--no-control-socket"],
            port=port,
        )

    def start_worker(self, queue: str, name: str | None = None) -> Service:
        """A ``db_worker`` for one task queue; ``name`` defaults to ``worker-<queue>``."""
        name = name or f"worker-{queue}"
        if name in self.services and self.services[name].running:
            raise TopologyError(f"{name} is already running")
        return self._service(
            name,
            [sys.executable, "manage.py", "db_worker", "--queue-name", queue]
            + ["--no-reload", "--worker-id", f"{name}-{secrets.token_hex(3)}"],
            stop_timeout=10,
        )

    def kill_worker(self, queue: str = "video", name: str | None = None) -> None:
        """SIGKILL a worker and its children (ffmpeg): no chance to clean up or give its task
        back, as when its machine is lost."""
        self.services[name or f"worker-{queue}"].kill(signal.SIGKILL)

    def _write_nginx_conf(self) -> Path:
        servers = "\n        ".join(
            f"server 127.0.0.1:{self.ports[name]} max_fails=1 fail_timeout=5s;"
            for name in ("web-a", "web-b")
        )
        extra = "add_header X-Upstream $upstream_addr always;" if self.upstream_header else ""
        values = {
            "BROTLI_MODULE": BROTLI_MODULE,
            "LISTEN": f"127.0.0.1:{self.ports['nginx']}",
            "UPSTREAM_SERVERS": servers,
            "CLIENT_MAX_BODY_SIZE": str(self.body_limit),
            "STATIC_ROOT": self.env["STATIC_ROOT"],
            "EXTRA_PROXY_DIRECTIVES": extra,
        }
        text = TEMPLATE.read_text()
        for key, value in values.items():
            text = text.replace(f"@@{key}@@", value)
        if re.search(r"@@[A-Z_]+@@", text):
            raise TopologyError("deploy/nginx.conf.template has a value the harness does not fill")
        path = self.run_dir / "nginx.conf"
        path.write_text(text)
        return path

    def _nginx_argv(self, *extra: str) -> list[str]:
        conf = self._write_nginx_conf()
        prefix = f"{self.run_dir}/"
        return [NGINX, "-c", str(conf), "-p", prefix, "-e", "logs/nginx-error.log", *extra]

    def _start_nginx(self) -> None:
        self._run(self._nginx_argv("-t", "-q"))
        self._service(
            "nginx",
            self._nginx_argv("-g", "daemon off;"),
            port=self.ports["nginx"],
            stop_signal=signal.SIGQUIT,  # graceful: finish the requests in flight
            stop_timeout=10,
        )

    def wait_ready(self, timeout: float = 240) -> float:
        """Seconds until nginx answers /health/ready with 200 (or, on a build without the
        health endpoints, serves the English home page)."""
        started = time.monotonic()
        deadline = started + timeout
        path = "/health/ready"
        while time.monotonic() < deadline:
            for name in ("nginx", "web-a", "web-b"):
                if name in self.services and not self.services[name].running:
                    raise TopologyError(f"{name} exited:\n{self.services[name].log_tail()}")
            status = http_status(self.url(path))
            if status is not None and (status == 404 or 300 <= status < 400) and path != "/en/":
                # A build without the health endpoints: /health/ready is an ordinary unknown
                # path there (404, or a redirect to /en/health/ready).
                path = "/en/"
                continue
            if status == 200 and all(
                http_status(self.backend_url(name, path)) == 200 for name in ("web-a", "web-b")
            ):
                self.ready_path = path
                return time.monotonic() - started
            time.sleep(0.5)
        tails = "\n".join(f"--- {n}\n{s.log_tail(10)}" for n, s in self.services.items())
        raise TopologyError(f"not ready after {timeout:.0f} s (polling {path}):\n{tails}")

    # -- breaking things on purpose -------------------------------------------------------------

    def stop_redis(self) -> None:
        self.services["redis"].stop()

    def start_redis(self) -> None:
        """Redis again on the same port, empty (it keeps nothing on disk)."""
        self.services["redis"].start()
        self._wait("redis", self._redis_answers)

    def restart(self, name: str) -> None:
        """Stop one component and start it again with the same command and port."""
        service = self.services[name]
        service.stop()
        if name == "nginx":
            service.argv = self._nginx_argv("-g", "daemon off;")
        service.start()
        if name == "redis":
            self._wait(name, self._redis_answers)
        elif name.startswith("web-"):
            self._wait(name, lambda: http_status(self.backend_url(name, "/en/")) == 200, 120)
        elif name == "nginx":
            self._wait(name, lambda: http_status(self.url("/en/")) is not None)

    # -- scenarios the tests and bench/topology.py share ----------------------------------------

    def popen_manage(self, *args: str) -> subprocess.Popen:
        """``manage.py <args>`` running in the background, its stdout a text pipe."""
        return subprocess.Popen(  # noqa: S603 (our own argv)
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def publish_and_time(self, timeout: float = 30) -> dict:
        """Publish a new title for an English story from a process of its own (as an editor's
        publish lands on one web process) and poll both gunicorns directly until each serves
        it. Returns the story's path and, for each gunicorn, the seconds from the publish's
        commit to the first request that got the new title back."""
        marker = f"Published at {time.time():.3f}"
        process = self.popen_manage("shell", "-c", PUBLISH.replace("@@MARKER@@", marker))
        line = ""
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("PUBLISHED "):
                break
        else:
            _out, errors = process.communicate()
            raise TopologyError(f"the publish failed:\n{errors[-3000:]}")
        published_at, path = float(line.split()[1]), line.split()[2]
        seen: dict[str, float] = {}
        deadline = time.monotonic() + timeout

        def poll(name: str) -> None:
            # One thread per backend: a slow render on one must not delay noticing the other.
            while time.monotonic() < deadline:
                sent = time.time()
                if marker in http_text(self.backend_url(name, path)):
                    # When the request left, not when its (uncached, maybe slow) render came
                    # back: what is measured is how long the old page was still being served.
                    seen[name] = sent - published_at
                    return
                time.sleep(0.02)

        pollers = [threading.Thread(target=poll, args=(name,)) for name in ("web-a", "web-b")]
        for poller in pollers:
            poller.start()
        for poller in pollers:
            poller.join()
        process.communicate()
        return {"path": path, "marker": marker, "seconds": seen}

    def create_video(self, clip: Path, title: str) -> int:
        """Store ``clip`` as a new video, checked as the admin checks uploads, and queue its
        transcode; returns its id."""
        code = CREATE_VIDEO.replace("@@CLIP@@", str(clip)).replace("@@TITLE@@", title)
        output = self.shell(code)
        return int(next(line for line in output.splitlines() if line.startswith("VIDEO "))[6:])

    def video_state(self, video_id: int) -> tuple[str, int]:
        """(status, progress) of a video, read straight from PostgreSQL."""
        import psycopg

        with psycopg.connect(self.env["DATABASE_URL"], connect_timeout=5) as connection:
            row = connection.execute(
                "SELECT status, progress FROM media_pipeline_video WHERE id = %s", (video_id,)
            ).fetchone()
        if row is None:
            raise TopologyError(f"video {video_id} does not exist")
        return row[0], row[1]

    def wait_for_restart(self, video_id: int, progress: int, timeout: float) -> float | None:
        """Seconds until a video's job starts again after its worker was killed at
        ``progress`` (queued or probing again, or encoding from a lower percentage); None if
        it does not within ``timeout``."""
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            status, now = self.video_state(video_id)
            if status in ("queued", "probing", "ready") or (
                status == "transcoding" and now < progress
            ):
                return time.monotonic() - started
            time.sleep(0.2)
        return None

    def describe(self) -> Iterator[str]:
        for name, service in self.services.items():
            port = f"port {service.port}" if service.port else "no port"
            state = "running" if service.running else "stopped"
            yield f"  {name:<16} {port:<12} pid {service.pid:<8} {state}  log {service.log}"


# Run by `manage.py shell -c`: a new title for the first English story, published.
PUBLISH = """
import time
from stories.models import StoryPage
page = StoryPage.objects.live().filter(locale__language_code="en").order_by("pk").first()
page.title = "@@MARKER@@"
page.save_revision().publish()
print("PUBLISHED", time.time(), page.get_url(), flush=True)
"""
# Run by `manage.py shell -c`: a video stored and queued exactly as home/demo/video.py does.
CREATE_VIDEO = """
from pathlib import Path
from django.core.files import File
from media_pipeline.forms import VideoForm
from media_pipeline.models import Video
from media_pipeline.probe import validate_video_file
clip = Path("@@CLIP@@")
probe = validate_video_file(clip, clip.name, clip.stat().st_size)
video = Video(title="@@TITLE@@")
VideoForm.apply_probe(video, probe, clip.stat().st_size)
with clip.open("rb") as handle:
    video.source.save(clip.name, File(handle), save=False)
video.save()
video.request_transcode()
print("VIDEO", video.pk)
"""


def make_clip(path: Path, *, seconds: int = 20, size: str = "1280x720") -> Path:
    """A test-pattern clip with a tone, long enough to be caught mid-transcode."""
    subprocess.run(  # noqa: S603
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"testsrc2=size={size}:rate=25"]
        + ["-f", "lavfi", "-i", "sine=frequency=330:sample_rate=48000", "-t", str(seconds)]
        + ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"]
        + [str(path)],
        check=True,
    )
    return path


def http_text(url: str, timeout: float = 10) -> str:
    """The body of a GET (no compression asked), or "" when nothing answers."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return ""


def http_status(url: str, timeout: float = 5) -> int | None:
    """The status of a GET without following redirects; None when nothing answers."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
        response = connection.getresponse()
        response.read()
        return response.status
    except OSError:
        return None
    finally:
        connection.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Run the production-like topology (Ctrl-C stops).")
    parser.add_argument("--run-dir", type=Path, default=ROOT / ".prod-like")
    args = parser.parse_args(argv)

    def stop_on_signal(signum, _frame):
        raise SystemExit(128 + signum)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, stop_on_signal)
    # Ctrl-C stops everything even when started in the background, where SIGINT comes ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    topology = Topology(args.run_dir, ports=dict(CLI_PORTS))
    try:
        topology.start()
        user = os.environ.get("DEMO_ADMIN_USER", "admin")
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "storysite-demo")
        print(f"\nStorysite (production settings) at http://localhost:{topology.ports['nginx']}/")
        print(f"admin: /admin/, user {user}, password {password}")
        print("\n".join(topology.describe()))
        print(f"\nrun directory {topology.run_dir}; press Ctrl-C to stop everything.", flush=True)
        while True:
            for name, service in topology.services.items():
                if not service.running:
                    raise TopologyError(f"{name} stopped:\n{service.log_tail()}")
            time.sleep(1)
    except KeyboardInterrupt:
        print("\nstopping…")
    except TopologyError as error:
        sys.exit(f"prod-like: {error}")
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the cleanup
        topology.stop()
        print("stopped.")


if __name__ == "__main__":
    main()
