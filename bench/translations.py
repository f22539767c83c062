"""The translators' dashboard at 10 000 pages × 3 locales on PostgreSQL: response time and query
count of the grid (``/admin/translations/``) and of the admin home with its "waiting" panel,
against a trivial admin page measured in the same run.

    scripts/with-postgres.sh .venv/bin/python bench/translations.py          # 10 000 pages
    scripts/with-postgres.sh .venv/bin/python bench/translations.py 2000     # quicker

It creates (and drops) its own database on the PostgreSQL server in DATABASE_URL, builds the
demo, then inserts in bulk (this bench only: Page rows with treebeard paths computed here, the
StoryPage table by raw SQL, wagtail-localize's rows with bulk_create) ``N`` English stories,
each with three segments, and French and Arabic versions in a mix of every status: not
translated, draft (one segment of three translated), outdated (published before the English
changed), live but incomplete and up to date. Goal (issue #17): every grid view (default and
each status filter) p50 ≤ 300 ms, a query count that does not depend on N.
"""

from __future__ import annotations

import datetime
import os
import statistics
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storysite.settings.test")

SIZE = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
ROUNDS = 15
DATABASE = "storysite_translations_bench"
FIELDS = ("title", "slug", "standfirst")


def create_database() -> str:
    import psycopg

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Run through scripts/with-postgres.sh (DATABASE_URL must be PostgreSQL).")
    parsed = urlparse(url)
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DATABASE}")
        conn.execute(f"CREATE DATABASE {DATABASE}")
    os.environ["DATABASE_URL"] = parsed._replace(path=f"/{DATABASE}").geturl()
    return admin


def drop_database(admin: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DATABASE}")


FRENCH = [None, None, "draft", "draft", "outdated", "incomplete", *["up_to_date"] * 4]
ARABIC = [None, None, "draft", "outdated", "up_to_date"]


def plan(i: int, code: str) -> str | None:
    """The status the ``code`` version of story ``i`` is built in (None: not translated)."""
    statuses = FRENCH if code == "fr" else ARABIC
    return statuses[i % len(statuses)]


def insert_story_pages(index, rows, content_type) -> list:
    """Page rows under ``index`` in one bulk insert, then their StoryPage rows by raw SQL
    (bulk_create cannot do multi-table inheritance)."""
    from django.db import connection
    from wagtail.models import Page

    from stories.models import StoryPage

    generated = ["standfirst", "date", "body"]
    others = [
        field
        for field in StoryPage._meta.local_concrete_fields
        if field.name not in generated and not field.primary_key
    ]
    columns = ["page_ptr_id", *generated, *(field.column for field in others)]
    defaults = [field.get_db_prep_save(field.get_default(), connection) for field in others]
    start = index.numchild
    pages = []
    for n, row in enumerate(rows):
        pages.append(
            Page(
                title=row["title"],
                draft_title=row["title"],
                slug=row["slug"],
                content_type=content_type,
                locale_id=index.locale_id,
                translation_key=row["key"],
                path=Page._get_path(index.path, index.depth + 1, start + n + 1),
                depth=index.depth + 1,
                numchild=0,
                live=row["live"],
                has_unpublished_changes=not row["live"],
                url_path=f"{index.url_path}{row['slug']}/",
                first_published_at=row["published"],
                last_published_at=row["published"],
            )
        )
    created = Page.objects.bulk_create(pages, batch_size=2000)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {StoryPage._meta.db_table} ({', '.join(columns)}) "
            f"VALUES ({', '.join(['%s'] * len(columns))})",
            [
                (page.pk, row["standfirst"], "2024-01-01", "[]", *defaults)
                for page, row in zip(created, rows, strict=True)
            ],
        )
    Page.objects.filter(pk=index.pk).update(numchild=start + len(rows))
    return created


def build(count: int) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page
    from wagtail_localize.models import (
        String,
        StringSegment,
        StringTranslation,
        TranslatableObject,
        Translation,
        TranslationContext,
        TranslationSource,
    )

    from stories.models import StoryIndexPage, StoryPage

    now = timezone.now()
    english_published = now - datetime.timedelta(days=10)
    published = {
        "up_to_date": now - datetime.timedelta(days=5),
        "incomplete": now - datetime.timedelta(days=5),
        "outdated": now - datetime.timedelta(days=20),
        "draft": None,
    }
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    indexes = {code: StoryIndexPage.objects.get(locale=locale) for code, locale in locales.items()}
    story_type = ContentType.objects.get_for_model(StoryPage)
    page_type = ContentType.objects.get_for_model(Page)
    keys = [uuid.uuid4() for _ in range(count)]
    with transaction.atomic():
        english = insert_story_pages(
            indexes["en"],
            [
                {
                    "title": f"Bench story {i}",
                    "slug": f"bench-story-{i}",
                    "standfirst": f"Standfirst of bench story {i}.",
                    "key": keys[i],
                    "live": True,
                    "published": english_published,
                }
                for i in range(count)
            ],
            story_type,
        )
        for code in ("fr", "ar"):
            rows = []
            for i in range(count):
                status = plan(i, code)
                if status is None:
                    continue
                rows.append(
                    {
                        "title": f"[{code}] Bench story {i}",
                        "slug": f"bench-story-{i}",
                        "standfirst": f"[{code}] Standfirst {i}.",
                        "key": keys[i],
                        "live": status != "draft",
                        "published": published[status],
                    }
                )
            insert_story_pages(indexes[code], rows, story_type)

        TranslatableObject.objects.bulk_create(
            [TranslatableObject(translation_key=key, content_type=page_type) for key in keys],
            batch_size=5000,
        )
        sources = TranslationSource.objects.bulk_create(
            [
                TranslationSource(
                    object_id=keys[i],
                    specific_content_type=story_type,
                    locale=locales["en"],
                    object_repr=page.title,
                    content_json="{}",
                    last_updated_at=english_published,
                )
                for i, page in enumerate(english)
            ],
            batch_size=5000,
        )
        strings, contexts, segments = [], [], []
        for i in range(count):
            for field in FIELDS:
                data = f"{field} of bench story {i}"
                strings.append(
                    String(locale=locales["en"], data=data, data_hash=String._get_data_hash(data))
                )
                contexts.append(
                    TranslationContext(
                        object_id=keys[i],
                        path=field,
                        field_path=field,
                        path_id=TranslationContext._get_path_id(field),
                    )
                )
        String.objects.bulk_create(strings, batch_size=5000)
        TranslationContext.objects.bulk_create(contexts, batch_size=5000)
        for n, (string, context) in enumerate(zip(strings, contexts, strict=True)):
            segments.append(
                StringSegment(
                    source=sources[n // len(FIELDS)],
                    context=context,
                    order=n % len(FIELDS),
                    string=string,
                    attrs="{}",
                )
            )
        StringSegment.objects.bulk_create(segments, batch_size=5000)
        translations, done = [], []
        for i in range(count):
            for code in ("fr", "ar"):
                status = plan(i, code)
                if status is None:
                    continue
                translations.append(Translation(source=sources[i], target_locale=locales[code]))
                translated = {"draft": 1, "incomplete": 2}.get(status, len(FIELDS))
                for f in range(translated):
                    n = i * len(FIELDS) + f
                    done.append(
                        StringTranslation(
                            translation_of=strings[n],
                            locale=locales[code],
                            context=contexts[n],
                            data=f"[{code}] {strings[n].data}",
                            translation_type="manual",
                        )
                    )
        Translation.objects.bulk_create(translations, batch_size=5000)
        StringTranslation.objects.bulk_create(done, batch_size=5000)


def measure(client, url: str) -> tuple[float, float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm
    samples = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return statistics.median(samples), p95, len(queries), len(response.content)


def main() -> None:
    admin = create_database()
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    try:
        call_command("migrate", verbosity=0)
        call_command("load_demo", verbosity=0)
        started = time.perf_counter()
        build(SIZE)
        built = time.perf_counter() - started
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            cursor.execute("SELECT current_setting('server_version')")
            version = cursor.fetchone()[0]
            cursor.execute("SELECT count(*) FROM wagtailcore_page")
            pages = cursor.fetchone()[0]
        user = get_user_model().objects.create_superuser("bench", "bench@example.com", "pw")
        client = Client()
        client.force_login(user)
        load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
        print(
            f"PostgreSQL {version}; {SIZE:,} English stories (+ French/Arabic versions, "
            f"{pages:,} page rows in all) built in {built:.1f} s; {os.cpu_count()} CPUs, "
            f"load average {load}"
        )
        targets = {
            "baseline: account page": "/admin/account/",
            "grid, default sort (all)": "/admin/translations/",
            "grid, French, outdated": "/admin/translations/?locale=fr&status=outdated",
            "grid, Arabic, waiting, page 20": "/admin/translations/?locale=ar&status=waiting&p=20",
            "grid, French, incomplete": "/admin/translations/?locale=fr&status=incomplete",
            "grid, draft (both), by title": "/admin/translations/?status=draft&order=title",
            "grid, up to date (both)": "/admin/translations/?status=up_to_date",
            "grid, not translated, page 30": "/admin/translations/?status=not_translated&p=30",
            "admin home with panel": "/admin/",
        }
        results = {name: measure(client, url) for name, url in targets.items()}
        base = results["baseline: account page"][0]
        for name, (p50, p95, queries, size) in results.items():
            print(
                f"{name:32} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  ×{p50 / base:5.1f} baseline  "
                f"{queries:3d} queries  {size / 1024:6.0f} KiB"
            )
        grids = {name: p50 for name, (p50, *_rest) in results.items() if name.startswith("grid")}
        slowest = max(grids, key=grids.get)
        met = grids[slowest] <= 300
        print(
            f"goal: every grid view p50 ≤ 300 ms: {'met' if met else 'NOT met'} "
            f"(slowest: {slowest}, {grids[slowest]:.0f} ms)"
        )
        load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
        print(f"load average after: {load}")
    finally:
        drop_database(admin)


if __name__ == "__main__":
    main()
