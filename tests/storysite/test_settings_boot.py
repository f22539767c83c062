"""Every environment variable documented in README.md, booted for real.

Each case starts the site in its own process with the production settings and documented
variables, then looks at what each variable is meant to change: a response, a stored file, a
Redis key, a PURGE request, a refused start. Variables whose effects cannot be confused share a
process (each boot costs seconds); those that act on the same thing get a process each.
The README table is parsed, so documenting a variable without a case here fails
``test_every_documented_variable_has_a_boot_case``.

Each process gets its own copy of the test database (with the demo site) and the static files
collected once by the ``STATIC_ROOT`` case, so nothing a case writes reaches another test.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import boto3
import pytest
from django.core import signing
from django.db import connection, connections
from moto.server import ThreadedMotoServer

from tests.database import database_url
from tests.delivery.services import PurgeRecorder, RedisServer, free_port

# The cases copy the test database: it must exist (pytest-django creates it for db tests only).
pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parents[2]
README = PROJECT / "README.md"
SECRET = "boot-test-secret-" + "k" * 40
RESULT_MARK = "BOOT-RESULT "

RUNNER = f"""
import json, sys
import django
django.setup()
from django.conf import settings
from django.test import Client, RequestFactory
client = Client(raise_request_exception=False)
result = {{}}
exec(sys.argv[1])
print({RESULT_MARK!r} + json.dumps(result, default=str))
"""


def documented_variables() -> list[str]:
    """The variable names in the first column of README's configuration table."""
    text = README.read_text()
    section = text.split("## Configuration (environment variables)", 1)[1].split("\n## ", 1)[0]
    names = []
    for line in section.splitlines():
        if line.startswith("| `"):
            first_column = line.split("|")[1]
            names += re.findall(r"`([A-Z][A-Z0-9_]+)`", first_column)
    return names


@dataclass
class Case:
    """One boot: extra environment, the code run after django.setup() (it fills ``result``),
    and what the test then checks. ``needs`` names the services it uses."""

    env: dict = field(default_factory=dict)
    probe: str = "pass"
    settings: str = "storysite.settings.production"
    needs: tuple[str, ...] = ()
    command: list[str] | None = None  # instead of the probe, e.g. ["manage.py", "check"]


# --- The cases -------------------------------------------------------------------------------
CREATE_EDITOR = """
from django.contrib.auth import get_user_model
editor = get_user_model().objects.create_superuser(
    "boot-editor", "e@example.org", "a-long-password-1"
)
"""

# Variables whose effects cannot mix up share a boot (one process costs seconds); variables
# that change the same thing (the page cache, the translator, the address) get their own.
CASES: dict[str, Case] = {
    "defaults": Case(
        probe=textwrap.dedent("""
            from django.core import signing
            from django.core.files.base import ContentFile
            from django.core.files.storage import default_storage
            from django.db import connection
            from django_tasks import task_backends
            from stories.models import StoryPage
            http = client.get("/health/live")
            ready = client.get("/health/ready", secure=True).json()
            result.update(
                signed=signing.dumps("storysite"),
                http_status=http.status_code, http_location=http.get("Location"),
                database=ready["database"], database_name=connection.settings_dict["NAME"],
                stories=StoryPage.objects.live().count(),
                media=default_storage.save("boot/probe.txt", ContentFile(b"on disk")),
                tasks=type(task_backends["default"]).__name__,
            )
        """),
    ),
    "web_security": Case(
        env={
            "ALLOWED_HOSTS": "stories.example.org",
            "CSRF_TRUSTED_ORIGINS": "https://editors.example.org",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "123",
            "CSP_EMBED_ORIGINS": "https://embed.example.org",
            "DEBUG": "true",
        },
        probe=textwrap.dedent("""
            site = Client(raise_request_exception=False, HTTP_HOST="stories.example.org")
            live = site.get("/health/live", secure=True)
            browser = Client(enforce_csrf_checks=True, HTTP_HOST="stories.example.org")
            browser.get("/admin/login/", secure=True)
            form = {"username": "x", "password": "y",
                    "csrfmiddlewaretoken": browser.cookies["csrftoken"].value}
            trusted = browser.post("/admin/login/", form, secure=True,
                                   HTTP_ORIGIN="https://editors.example.org")
            other_origin = browser.post("/admin/login/", form, secure=True,
                                        HTTP_ORIGIN="https://evil.example.com")
            missing = site.get("/en/no-such-page/", secure=True)
            result.update(
                ours=live.status_code,
                other_host=site.get("/health/live", HTTP_HOST="evil.example.com",
                                    secure=True).status_code,
                plain_http=site.get("/health/live").status_code,
                hsts=live["Strict-Transport-Security"],
                csp=live["Content-Security-Policy"],
                trusted=trusted.status_code, other_origin=other_origin.status_code,
                debug=settings.DEBUG, missing=missing.status_code,
                technical=b"Using the URLconf" in missing.content,
            )
        """),
    ),
    "debug_off_in_dev": Case(
        settings="storysite.settings.dev",
        env={"DEBUG": "false"},
        probe=textwrap.dedent("""
            response = client.get("/en/no-such-page/")
            result.update(debug=settings.DEBUG, status=response.status_code,
                          technical=b"Using the URLconf" in response.content)
        """),
    ),
    "s3_media": Case(
        needs=("s3",),
        env={"AWS_S3_CUSTOM_DOMAIN": "media.example.org"},
        probe=textwrap.dedent("""
            from django.core.files.base import ContentFile
            from django.core.files.storage import default_storage
            name = default_storage.save("boot/probe.txt", ContentFile(b"stored in S3"))
            client_meta = default_storage.connection.meta.client.meta
            csp = client.get("/health/live", secure=True)["Content-Security-Policy"]
            result.update(name=name, endpoint=client_meta.endpoint_url,
                          region=client_meta.region_name, access_key=default_storage.access_key,
                          url=default_storage.url("images/photo.jpg"), csp=csp)
        """),
    ),
    "s3_querystring_auth": Case(
        needs=("s3",),
        env={"AWS_QUERYSTRING_AUTH": "true"},
        probe=textwrap.dedent("""
            from django.core.files.storage import default_storage
            result["url"] = default_storage.url("images/photo.jpg")
        """),
    ),
    "static_root": Case(command=["manage.py", "collectstatic", "--noinput", "-v0"]),
    "operations": Case(
        env={
            "CONN_MAX_AGE": "17",
            "TASKS_BACKEND": "immediate",
            "DEEPL_API_KEY": "boot-test-key:fx",
            "NAVIGATION_CACHE_SECONDS": "0",
            "FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID": "E2BOOTTEST",
            "AXES_FAILURE_LIMIT": "2",
            "AXES_COOLOFF_MINUTES": "30",
            "PROXY_COUNT": "1",
            "SEARCH_POSTGRES_RUM": "false",
            "OTP_TOTP_THROTTLE_FACTOR": "3",
        },
        probe=CREATE_EDITOR
        + textwrap.dedent("""
            from axes.helpers import get_cool_off
            from django.db import close_old_connections, connection
            from django_otp.plugins.otp_totp.models import TOTPDevice
            from django_tasks import task_backends
            from wagtail.contrib.frontend_cache.utils import get_backends
            from wagtail.search.backends import get_search_backend
            from wagtail_localize.machine_translators import get_machine_translator
            from delivery.client_ip import client_ip
            from home.navigation import menu

            client.get("/en/", secure=True)
            close_old_connections()
            kept_open = connection.connection is not None
            from django.core.cache import caches
            from django.test.utils import CaptureQueriesContext
            request = RequestFactory().get("/en/", HTTP_HOST="localhost")
            with CaptureQueriesContext(connection) as first_build:
                built = menu(request)
            with CaptureQueriesContext(connection) as second_build:
                menu(RequestFactory().get("/en/", HTTP_HOST="localhost"))
            # Kept: the second look costs fewer queries than building it did.
            kept = True if len(second_build) < len(first_build) else None
            wrong = {"username": "boot-editor", "password": "wrong"}
            logins = [client.post("/admin/login/", wrong, secure=True).status_code for _ in "12"]
            translator = get_machine_translator()
            cloudfront = get_backends()["cloudfront"]
            search = get_search_backend()
            has_rum = getattr(search, "has_rum_index", None)
            found = client.get("/en/search/", {"q": "schools"}, secure=True)
            forwarded = RequestFactory().get(
                "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 5.6.7.8")
            result.update(
                max_age=connection.settings_dict["CONN_MAX_AGE"], kept_open=kept_open,
                tasks=type(task_backends["default"]).__name__,
                translator=type(translator).__name__, translator_options=translator.options,
                menu_items=len(built.items), menu_kept=kept is not None,
                cloudfront=[type(cloudfront).__name__, cloudfront.cloudfront_distribution_id],
                logins=logins, cool_off=get_cool_off().total_seconds(),
                ip=client_ip(forwarded),
                rum=settings.WAGTAILSEARCH_BACKENDS["default"]["RUM"],
                uses_rum=has_rum() if has_rum else False, search_status=found.status_code,
                totp_factor=TOTPDevice(user=editor, name="phone").get_throttle_factor(),
            )
        """),
    ),
    "limits_and_public_address": Case(
        env={
            "PUBLIC_BASE_URL": "https://stories.boot.example",
            "PO_UPLOAD_MAX_BYTES": "1000",
            "MEDIA_PIPELINE_MAX_CAPTION_BYTES": "500",
            "MEDIA_PIPELINE_QUEUE": "default",
            "MEDIA_PIPELINE_LEASE_SECONDS": "9",
            "MEDIA_PIPELINE_PROBE_TIMEOUT_SECONDS": "7",
            "MEDIA_PIPELINE_TRANSCODE_TIMEOUT_MIN_SECONDS": "100",
            "MEDIA_PIPELINE_TRANSCODE_TIMEOUT_FACTOR": "3",
            "MEDIA_PIPELINE_WORK_DIR": "/tmp/storysite-boot-work",
            "MEDIA_PIPELINE_ABANDONED_UPLOAD_HOURS": "1.5",
        },
        probe=textwrap.dedent("""
            import re
            from django.core.exceptions import ValidationError
            from django.core.files.uploadedfile import SimpleUploadedFile
            from translation.po_files import POImportError, read_po_upload
            from media_pipeline import conf
            from media_pipeline.captions import read_caption_upload
            from media_pipeline.tasks import on_video_queue, transcode_video
            home = client.get("/en/", secure=True).content.decode()
            canonical = re.search(r'<link rel="canonical" href="([^"]+)"', home).group(1)
            refusals = {}
            try:
                read_po_upload(SimpleUploadedFile("big.po", b"#" * 1001))
            except POImportError as error:
                refusals["po"] = str(error)
            read_po_upload(SimpleUploadedFile("small.po", b"#" * 1000))
            try:
                read_caption_upload(SimpleUploadedFile("big.vtt", b"WEBVTT" + b"x" * 600))
            except ValidationError as error:
                refusals["caption"] = " ".join(error.messages)
            result.update(
                canonical=canonical, refusals=refusals,
                queue=on_video_queue(transcode_video).queue_name,
                lease=conf.lease_seconds(), probe_timeout=conf.probe_timeout_seconds(),
                transcode_timeouts=[conf.transcode_timeout_seconds(d) for d in (10, 50)],
                work_dir=str(conf.work_dir()),
                abandoned_upload_hours=conf.abandoned_upload_hours(),
            )
        """),
    ),
    "signed_document_links": Case(
        needs=("s3",),
        env={"DOCUMENT_URL_SECONDS": "120"},
        probe=textwrap.dedent("""
            from urllib.parse import parse_qs, urlsplit
            from django.core.files.storage import storages
            url = storages["documents"].url("documents/report.pdf")
            result["expires"] = parse_qs(urlsplit(url).query).get("X-Amz-Expires")
        """),
    ),
    "redis_and_cdn": Case(
        needs=("redis",),
        env={"PAGE_CACHE_CDN_SECONDS": "900"},
        probe=textwrap.dedent("""
            from django.core.cache import caches
            first = client.get("/en/", secure=True)
            second = client.get("/en/", secure=True)
            result.update(first=first["X-Page-Cache"], second=second["X-Page-Cache"],
                          backend=type(caches["pages"]).__module__,
                          same=first.content == second.content,
                          cache_control=second["Cache-Control"])
        """),
    ),
    "page_cache_off": Case(
        env={"PAGE_CACHE_SECONDS": "0"},
        probe=textwrap.dedent("""
            result["statuses"] = [client.get("/en/", secure=True)["X-Page-Cache"] for _ in "12"]
        """),
    ),
    "fragment_cache_off": Case(
        env={"FRAGMENT_CACHE_SECONDS": "0", "PAGE_CACHE_SECONDS": "0"},
        probe=textwrap.dedent("""
            from django.core.cache import caches
            from stories import render_cache
            # The listing is routed below the home page: with fragments on, its route would be
            # stored under the generation the first request sets.
            statuses = [client.get("/en/stories/", secure=True).status_code for _ in "12"]
            result.update(statuses=statuses,
                          generation=caches["fragments"].get(render_cache.GENERATION_KEY))
        """),
    ),
    "purge_url": Case(
        needs=("purge",),
        env={"TASKS_BACKEND": "immediate"},
        probe=textwrap.dedent("""
            from stories.models import StoryPage
            story = StoryPage.objects.get(locale__language_code="en", slug="four-schools-dohuk")
            story.title = "Four schools open in Dohuk"
            story.save_revision().publish()
        """),
    ),
    "accounts_and_proxies": Case(
        env={
            "WAGTAIL_2FA_REQUIRED": "true",
            "MACHINE_TRANSLATOR": "none",
            "TRUSTED_PROXIES": "10.0.0.0/8, 192.0.2.1",
        },
        probe=CREATE_EDITOR
        + textwrap.dedent("""
            from django.urls import reverse
            from wagtail_localize.machine_translators import get_machine_translator
            from delivery.client_ip import client_ip
            factory = RequestFactory()
            ours = factory.get("/", REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_FOR="1.2.3.4, 5.6.7.8")
            other = factory.get("/", REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="1.2.3.4")
            client.force_login(editor)
            admin = client.get("/admin/", secure=True)
            result.update(
                admin_status=admin.status_code, admin_location=admin.get("Location"),
                setup=reverse("admin_2fa_manage"),
                translator=repr(get_machine_translator()),
                ours=client_ip(ours), other=client_ip(other),
            )
        """),
    ),
    "trusted_proxies_invalid": Case(
        env={"TRUSTED_PROXIES": "10.0.0.0/8, nginx.internal"},
        command=["-c", "import django; django.setup()"],
    ),
    "opensearch": Case(
        env={
            "SEARCH_BACKEND": "opensearch3",
            "SEARCH_URLS": "http://search.internal:9201",
            "SEARCH_INDEX": "boot",
            "SEARCH_TIMEOUT": "7",
        },
        probe=textwrap.dedent("""
            from wagtail.search.backends import get_search_backend
            from stories.models import StoryPage
            backend = get_search_backend()  # builds the client; nothing is sent
            mapping = backend.mapping_class(StoryPage).get_mapping()
            result.update(
                backend=type(backend).__name__,
                hosts=backend.hosts,
                timeout=backend.timeout,
                index=backend.get_index_for_model(StoryPage).name,
                analysis=backend.settings["settings"]["analysis"],
                title=mapping["properties"]["title"],
            )
        """),
    ),
    "elasticsearch_refused": Case(
        env={"SEARCH_BACKEND": "elasticsearch8"},
        command=["-c", "import django; django.setup()"],
    ),
}

# Which case(s) boot with each documented variable.
VARIABLE_CASES: dict[str, list[str]] = {
    "SECRET_KEY": ["defaults"],
    "ALLOWED_HOSTS": ["web_security"],
    "DEBUG": ["debug_off_in_dev", "web_security"],
    "DATABASE_URL": ["defaults"],
    "CONN_MAX_AGE": ["operations"],
    "AWS_STORAGE_BUCKET_NAME": ["s3_media"],
    "AWS_S3_ENDPOINT_URL": ["s3_media"],
    "AWS_S3_REGION_NAME": ["s3_media"],
    "AWS_ACCESS_KEY_ID": ["s3_media"],
    "AWS_SECRET_ACCESS_KEY": ["s3_media"],
    "AWS_S3_CUSTOM_DOMAIN": ["s3_media"],
    "AWS_QUERYSTRING_AUTH": ["s3_querystring_auth"],
    "TASKS_BACKEND": ["operations", "purge_url"],
    "MEDIA_ROOT": ["defaults"],
    "STATIC_ROOT": ["static_root"],
    "CSRF_TRUSTED_ORIGINS": ["web_security"],
    "SECURE_SSL_REDIRECT": ["web_security", "defaults"],
    "SECURE_HSTS_SECONDS": ["web_security"],
    "DEEPL_API_KEY": ["operations"],
    "MACHINE_TRANSLATOR": ["accounts_and_proxies"],
    "REDIS_URL": ["redis_and_cdn"],
    "PAGE_CACHE_SECONDS": ["page_cache_off"],
    "PAGE_CACHE_CDN_SECONDS": ["redis_and_cdn"],
    "NAVIGATION_CACHE_SECONDS": ["operations"],
    "FRAGMENT_CACHE_SECONDS": ["fragment_cache_off"],
    "FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID": ["operations"],
    "FRONTEND_CACHE_PURGE_URL": ["purge_url"],
    "CSP_EMBED_ORIGINS": ["web_security"],
    "AXES_FAILURE_LIMIT": ["operations"],
    "AXES_COOLOFF_MINUTES": ["operations"],
    "PROXY_COUNT": ["operations"],
    "TRUSTED_PROXIES": ["accounts_and_proxies", "trusted_proxies_invalid"],
    "SEARCH_BACKEND": ["opensearch", "elasticsearch_refused"],
    "SEARCH_URLS": ["opensearch"],
    "SEARCH_INDEX": ["opensearch"],
    "SEARCH_TIMEOUT": ["opensearch"],
    "SEARCH_POSTGRES_RUM": ["operations"],
    "WAGTAIL_2FA_REQUIRED": ["accounts_and_proxies"],
    "OTP_TOTP_THROTTLE_FACTOR": ["operations"],
    "PUBLIC_BASE_URL": ["limits_and_public_address"],
    "PO_UPLOAD_MAX_BYTES": ["limits_and_public_address"],
    "MEDIA_PIPELINE_MAX_CAPTION_BYTES": ["limits_and_public_address"],
    "MEDIA_PIPELINE_QUEUE": ["limits_and_public_address"],
    "MEDIA_PIPELINE_LEASE_SECONDS": ["limits_and_public_address"],
    "MEDIA_PIPELINE_PROBE_TIMEOUT_SECONDS": ["limits_and_public_address"],
    "MEDIA_PIPELINE_TRANSCODE_TIMEOUT_MIN_SECONDS": ["limits_and_public_address"],
    "MEDIA_PIPELINE_TRANSCODE_TIMEOUT_FACTOR": ["limits_and_public_address"],
    "MEDIA_PIPELINE_WORK_DIR": ["limits_and_public_address"],
    "MEDIA_PIPELINE_ABANDONED_UPLOAD_HOURS": ["limits_and_public_address"],
    "DOCUMENT_URL_SECONDS": ["signed_document_links"],
}


def test_every_documented_variable_has_a_boot_case():
    documented = documented_variables()
    assert len(documented) > 20, "the README table was not found"
    missing = sorted(set(documented) - set(VARIABLE_CASES))
    assert not missing, f"README documents {missing} but no boot case exercises them"
    assert all(case in CASES for cases in VARIABLE_CASES.values() for case in cases)


# --- Running the cases -----------------------------------------------------------------------
@dataclass
class Boot:
    returncode: int
    result: dict
    stdout: str
    stderr: str
    env: dict


class Services:
    """What the cases share: database copies, collected static files, S3, Redis, a CDN."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.static_root = workdir / "static"
        self._databases: list[str] = []
        self._s3: ThreadedMotoServer | None = None
        self.redis: RedisServer | None = None
        self.purge: PurgeRecorder | None = None
        self.bucket = f"boot-{uuid.uuid4().hex[:8]}"

    def database_copy(self, name: str) -> str:
        """A DATABASE_URL for a private copy of the test database (demo included)."""
        if connection.vendor == "sqlite":
            copy = self.workdir / f"{name}.sqlite3"
            shutil.copy(connection.settings_dict["NAME"], copy)
            return f"sqlite:///{copy}"
        copy = f"boot_{name}_{uuid.uuid4().hex[:6]}"
        template = connection.settings_dict["NAME"]
        connections.close_all()  # PostgreSQL copies only a database nobody is connected to
        self._postgres(f'CREATE DATABASE "{copy}" TEMPLATE "{template}"')
        self._databases.append(copy)
        return database_url(copy)

    @staticmethod
    def _postgres(statement: str) -> None:
        import psycopg

        config = connection.settings_dict
        with psycopg.connect(
            dbname="postgres",
            user=config["USER"],
            password=config.get("PASSWORD") or None,
            host=config.get("HOST") or None,
            port=config.get("PORT") or None,
            autocommit=True,
        ) as server:
            server.execute(statement)

    @property
    def s3_endpoint(self) -> str:
        if self._s3 is None:
            port = free_port()
            self._s3 = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
            self._s3.start()
            self.s3_url = f"http://127.0.0.1:{port}"
            self.s3_client().create_bucket(
                Bucket=self.bucket,
                CreateBucketConfiguration={"LocationConstraint": "eu-west-3"},
            )
        return self.s3_url

    def s3_client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.s3_url,
            region_name="eu-west-3",
            aws_access_key_id="boot-key-id",
            aws_secret_access_key="boot-secret",  # noqa: S106
        )

    def environment(self, name: str, case: Case) -> dict:
        documented = set(VARIABLE_CASES) | {"DJANGO_SETTINGS_MODULE", "LOG_LEVEL"}
        env = {k: v for k, v in os.environ.items() if k not in documented}
        env.update(
            DJANGO_SETTINGS_MODULE=case.settings,
            SECRET_KEY=SECRET,
            ALLOWED_HOSTS="localhost,testserver",
            DATABASE_URL=self.database_copy(name),
            MEDIA_ROOT=str(self.workdir / f"media-{name}"),
            STATIC_ROOT=str(self.static_root),
            LOG_LEVEL="ERROR",
        )
        if "s3" in case.needs:
            env.update(
                AWS_STORAGE_BUCKET_NAME=self.bucket,
                AWS_S3_ENDPOINT_URL=self.s3_endpoint,
                AWS_S3_REGION_NAME="eu-west-3",
                AWS_ACCESS_KEY_ID="boot-key-id",
                AWS_SECRET_ACCESS_KEY="boot-secret",  # noqa: S106
            )
        if "redis" in case.needs:
            if self.redis is None:
                self.redis = RedisServer(free_port())
                self.redis.start()
            env["REDIS_URL"] = self.redis.url
        if "purge" in case.needs:
            if self.purge is None:
                self.purge = PurgeRecorder()
            env["FRONTEND_CACHE_PURGE_URL"] = self.purge.url
        env.update(case.env)
        return env

    def boot(self, name: str, env: dict) -> Boot:
        case = CASES[name]
        command = [sys.executable, *(case.command or ["-c", RUNNER, case.probe])]
        completed = subprocess.run(
            command, cwd=PROJECT, env=env, capture_output=True, text=True, timeout=300
        )
        result = {}
        for line in completed.stdout.splitlines():
            if line.startswith(RESULT_MARK):
                result = json.loads(line[len(RESULT_MARK) :])
        return Boot(completed.returncode, result, completed.stdout, completed.stderr, env)

    def close(self) -> None:
        for server in (self._s3, self.redis, self.purge):
            if server is not None:
                server.stop() if hasattr(server, "stop") else server.close()
        for name in self._databases:
            self._postgres(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def boots(request, django_db_setup, django_db_blocker):
    """The cases the selected tests need, each booted once: static files first (the others
    serve them), then the rest in parallel, each in its own process."""
    wanted = {
        item.callspec.params["boot"]
        for item in request.session.items
        if "boot" in getattr(getattr(item, "callspec", None), "params", {})
    } | {"static_root"}
    workdir = Path(tempfile.mkdtemp(prefix="storysite-boot-"))
    with django_db_blocker.unblock():
        services = Services(workdir)
        try:
            environments = {name: services.environment(name, CASES[name]) for name in wanted}
            results = {"static_root": services.boot("static_root", environments["static_root"])}
            with ThreadPoolExecutor(max_workers=3) as pool:
                futures = {
                    name: pool.submit(services.boot, name, env)
                    for name, env in environments.items()
                    if name != "static_root"
                }
                results.update({name: future.result() for name, future in futures.items()})
            yield results, services
        finally:
            services.close()
            shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def boot(boots, request):
    results, services = boots
    booted = results[request.param]
    if CASES[request.param].command is None:
        assert booted.returncode == 0, booted.stderr[-9000:-5000]
    return booted, services


def case(name: str):
    return pytest.mark.parametrize("boot", [name], indirect=True)


# --- What each case must show ------------------------------------------------------------------
@case("defaults")
def test_secret_key_signs_what_the_site_signs(boot):
    booted, _ = boot
    assert signing.loads(booted.result["signed"], key=SECRET) == "storysite"
    with pytest.raises(signing.BadSignature):
        signing.loads(booted.result["signed"], key="another-key")


@case("defaults")
def test_database_url_is_the_database_used(boot):
    booted, _ = boot
    assert booted.result["database"] == "ok"
    assert booted.result["stories"] > 0
    assert booted.result["database_name"].rsplit("/", 1)[-1] in booted.env["DATABASE_URL"]


@case("defaults")
def test_media_root_receives_uploads_without_a_bucket(boot):
    booted, _ = boot
    stored = Path(booted.env["MEDIA_ROOT"]) / booted.result["media"]
    assert stored.read_bytes() == b"on disk"


@case("defaults")
def test_production_redirects_to_https_and_queues_tasks_by_default(boot):
    result = boot[0].result
    assert result["http_status"] == 301
    assert result["http_location"].startswith("https://")
    assert result["tasks"] == "DatabaseBackend"


@case("web_security")
def test_allowed_hosts_refuses_other_hosts(boot):
    result = boot[0].result
    assert (result["ours"], result["other_host"]) == (200, 400)


@case("web_security")
def test_csrf_trusted_origins_accepts_posts_from_that_origin_only(boot):
    result = boot[0].result
    assert (result["trusted"], result["other_origin"]) == (200, 403)


@case("web_security")
def test_ssl_redirect_can_be_turned_off_and_hsts_seconds_set(boot):
    result = boot[0].result
    assert result["plain_http"] == 200
    assert result["hsts"].startswith("max-age=123")


@case("web_security")
def test_csp_embed_origins_are_allowed_in_frames(boot):
    frame_src = next(
        part for part in boot[0].result["csp"].split(";") if part.strip().startswith("frame-src")
    )
    assert "https://embed.example.org" in frame_src
    assert "youtube" not in frame_src


@case("web_security")
def test_debug_true_is_ignored_by_production(boot):
    result = boot[0].result
    assert (result["debug"], result["missing"], result["technical"]) == (False, 404, False)


@case("debug_off_in_dev")
def test_debug_false_hides_the_technical_404_in_development(boot):
    assert boot[0].result == {"debug": False, "status": 404, "technical": False}


@case("s3_media")
def test_s3_variables_store_media_in_the_bucket(boot):
    booted, services = boot
    result = booted.result
    assert result["endpoint"] == services.s3_url
    assert result["region"] == "eu-west-3"
    assert result["access_key"] == "boot-key-id"
    stored = services.s3_client().get_object(Bucket=services.bucket, Key=result["name"])
    assert stored["Body"].read() == b"stored in S3"


@case("s3_media")
def test_custom_domain_serves_media_urls_and_is_allowed_by_the_csp(boot):
    result = boot[0].result
    assert result["url"].startswith("https://media.example.org/images/photo")
    assert "media.example.org" in result["csp"]


@case("s3_querystring_auth")
def test_querystring_auth_signs_media_urls(boot):
    assert "X-Amz-Signature=" in boot[0].result["url"]


@case("static_root")
def test_static_root_receives_compressed_hashed_static_files(boot):
    booted, services = boot
    assert booted.returncode == 0, booted.stderr[-9000:-5000]
    manifest = json.loads((services.static_root / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert (services.static_root / hashed).exists()
    assert (services.static_root / f"{hashed}.br").exists()


@case("operations")
def test_conn_max_age_keeps_the_connection_between_requests(boot):
    result = boot[0].result
    assert (result["max_age"], result["kept_open"]) == (17, True)


@case("operations")
def test_tasks_backend_immediate_runs_tasks_inline(boot):
    assert boot[0].result["tasks"] == "ImmediateBackend"


@case("operations")
def test_deepl_key_selects_deepl(boot):
    result = boot[0].result
    assert result["translator"] == "DeepLTranslator"
    assert result["translator_options"] == {"AUTH_KEY": "boot-test-key:fx"}


@case("operations")
def test_navigation_cache_seconds_zero_builds_the_menu_every_time(boot):
    result = boot[0].result
    assert result["menu_items"] > 0
    assert result["menu_kept"] is False


@case("operations")
def test_cloudfront_distribution_is_purged_through_its_backend(boot):
    assert boot[0].result["cloudfront"] == ["CloudfrontBackend", "E2BOOTTEST"]


@case("operations")
def test_axes_failure_limit_and_cooloff_minutes_set_the_lockout(boot):
    result = boot[0].result
    assert result["logins"] == [200, 429]
    assert result["cool_off"] == 1800.0


@case("operations")
def test_proxy_count_reads_the_address_our_proxy_appended(boot):
    assert boot[0].result["ip"] == "5.6.7.8"


@case("operations")
def test_search_postgres_rum_false_ranks_without_the_rum_index(boot):
    result = boot[0].result
    assert (result["rum"], result["uses_rum"], result["search_status"]) == (False, False, 200)


@case("operations")
def test_totp_throttle_factor_is_used_by_the_devices(boot):
    assert boot[0].result["totp_factor"] == 3


@case("redis_and_cdn")
def test_redis_url_caches_pages_in_redis(boot):
    booted, services = boot
    assert booted.result["backend"] == "django_redis.cache"
    assert (booted.result["first"], booted.result["second"]) == ("MISS", "HIT")
    assert booted.result["same"]
    keys = services.redis.client().keys("storysite-pages:*")
    assert any(b":page:" in key for key in keys)


@case("redis_and_cdn")
def test_page_cache_cdn_seconds_lets_a_cdn_keep_pages(boot):
    directives = set(boot[0].result["cache_control"].split(", "))
    assert {"public", "s-maxage=900"} <= directives


@case("page_cache_off")
def test_page_cache_seconds_zero_stores_nothing(boot):
    assert boot[0].result == {"statuses": ["BYPASS", "BYPASS"]}


@case("fragment_cache_off")
def test_fragment_cache_seconds_zero_stores_no_fragment(boot):
    assert boot[0].result == {"statuses": [200, 200], "generation": None}


@case("purge_url")
def test_purge_url_receives_purges_for_the_page_and_its_listings(boot):
    _booted, services = boot
    purged = services.purge.purged_paths()
    assert {"/en/stories/four-schools-dohuk/", "/en/stories/", "/en/"} <= purged


@case("accounts_and_proxies")
def test_two_factor_required_sends_admins_to_the_setup_page(boot):
    result = boot[0].result
    assert result["admin_status"] == 302
    assert result["admin_location"].startswith(result["setup"])


@case("accounts_and_proxies")
def test_machine_translator_none_removes_machine_translation(boot):
    assert boot[0].result["translator"] == "None"


@case("accounts_and_proxies")
def test_trusted_proxies_are_believed_and_others_are_not(boot):
    result = boot[0].result
    assert (result["ours"], result["other"]) == ("5.6.7.8", "198.51.100.9")


@case("trusted_proxies_invalid")
def test_a_wrong_trusted_proxy_stops_the_start_with_its_name(boot):
    booted, _ = boot
    assert booted.returncode != 0
    assert "TRUSTED_PROXIES entry 'nginx.internal' is not an IP address" in booted.stderr


@case("opensearch")
def test_opensearch_backend_is_built_with_the_multilingual_analyser(boot):
    result = boot[0].result
    assert result["backend"] == "OpenSearch3SearchBackend"
    assert result["hosts"][0]["host"] == "search.internal"
    assert result["hosts"][0]["port"] == 9201
    assert result["timeout"] == 7
    assert result["index"] == "boot_wagtailcore_page"
    default = result["analysis"]["analyzer"]["default"]
    assert default["tokenizer"] == "standard"
    assert {"arabic_normalization", "arabic_stem", "asciifolding", "lowercase"} <= set(
        default["filter"]
    )
    autocomplete = result["analysis"]["analyzer"]["edgengram_analyzer"]["filter"]
    assert "arabic_normalization" in autocomplete and autocomplete[-1] == "edgengram"
    assert result["title"]["type"] == "text"


@case("elasticsearch_refused")
def test_elasticsearch_is_refused_with_the_offered_backends(boot):
    booted, _ = boot
    assert booted.returncode != 0
    assert "SEARCH_BACKEND must be one of database, opensearch2, opensearch3" in booted.stderr


@case("limits_and_public_address")
def test_public_base_url_is_the_canonical_address(boot):
    assert boot[0].result["canonical"] == "https://stories.boot.example/en/"


@case("limits_and_public_address")
def test_upload_limits_refuse_po_and_caption_files_past_them(boot):
    refusals = boot[0].result["refusals"]
    # filesizeformat: 1000 bytes is "1000\xa0bytes", 500 is "500\xa0bytes".
    assert "larger than 1000\xa0bytes" in refusals["po"]
    assert "larger than 500\xa0bytes" in refusals["caption"]


@case("limits_and_public_address")
def test_video_worker_settings_reach_the_pipeline(boot):
    result = boot[0].result
    assert result["queue"] == "default"
    assert (result["lease"], result["probe_timeout"]) == (9, 7)
    assert result["transcode_timeouts"] == [100, 150]
    assert result["work_dir"] == "/tmp/storysite-boot-work"
    assert result["abandoned_upload_hours"] == 1.5


@case("signed_document_links")
def test_document_url_seconds_is_the_signed_links_lifetime(boot):
    assert boot[0].result["expires"] == ["120"]
