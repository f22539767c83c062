"""Search at 10k and 100k pages on PostgreSQL: index build time, p50/p95 latency of 200 mixed
queries through the raw backend call and through the search view, and growth 10k → 100k.

    scripts/with-postgres.sh .venv/bin/python bench/search.py            # 10k then 100k
    scripts/with-postgres.sh .venv/bin/python bench/search.py 2000 5000  # quicker sizes

It creates (and drops) its own database on the PostgreSQL server in DATABASE_URL; with
``SEARCH_BENCH_KEEP=1`` it keeps that database and reuses it on the next run (the corpus is only
topped up), which saves the index build when you rerun the queries. The corpus is
generated: stories in English, French and Arabic with realistic lengths (titles 5–11 words,
standfirsts 20–40, bodies 250–700) drawn from each language's vocabulary. Pages are inserted in
bulk (Page rows, then StoryPage rows), then indexed through the search backend in chunks, as
`update_index` does. Baselines measured in the same run: a primary-key page lookup (backend)
and the empty search page (view).

The backend call is what the search page asks of the backend: the ten best results and a count
that stops at ``search.views.MAX_COUNTED``. It is measured twice: ranked by the RUM index (when
the database has it, see search/migrations/0002) and with Wagtail's own ts_rank ranking.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storysite.settings.test")

SIZES = [int(arg) for arg in sys.argv[1:]] or [10_000, 100_000]
KEEP = os.environ.get("SEARCH_BENCH_KEEP") == "1"
QUERIES = 200
CHUNK = 2000
random.seed(7)

WORDS = {
    "en": [
        "school",
        "schools",
        "children",
        "displaced",
        "families",
        "camp",
        "camps",
        "Dohuk",
        "Mosul",
        "Raqqa",
        "Iraq",
        "Syria",
        "market",
        "blacksmith",
        "rebuild",
        "rebuilding",
        "heritage",
        "city",
        "liberation",
        "liberated",
        "teachers",
        "classroom",
        "water",
        "electricity",
        "hospital",
        "clinic",
        "roads",
        "bridge",
        "farmers",
        "harvest",
        "women",
        "training",
        "jobs",
        "youth",
        "football",
        "music",
        "drawing",
        "artist",
        "library",
        "museum",
        "mosque",
        "church",
        "mines",
        "clearance",
        "demining",
        "police",
        "security",
        "return",
        "homes",
        "reconstruction",
        "partners",
        "coalition",
        "support",
        "stabilisation",
        "project",
        "funding",
        "community",
        "centre",
        "students",
        "exams",
        "university",
        "workshop",
        "bakery",
        "shop",
        "street",
        "river",
        "Euphrates",
        "Tigris",
        "winter",
        "summer",
    ],
    "fr": [
        "école",
        "écoles",
        "enfants",
        "déplacés",
        "familles",
        "camp",
        "camps",
        "Dohuk",
        "Mossoul",
        "Raqqa",
        "Irak",
        "Syrie",
        "marché",
        "forgeron",
        "forgerons",
        "reconstruire",
        "reconstruction",
        "patrimoine",
        "ville",
        "libération",
        "libérée",
        "enseignants",
        "classe",
        "eau",
        "électricité",
        "hôpital",
        "clinique",
        "routes",
        "pont",
        "agriculteurs",
        "récolte",
        "femmes",
        "formation",
        "emplois",
        "jeunes",
        "football",
        "musique",
        "dessin",
        "artiste",
        "bibliothèque",
        "musée",
        "mosquée",
        "église",
        "mines",
        "déminage",
        "police",
        "sécurité",
        "retour",
        "maisons",
        "partenaires",
        "coalition",
        "soutien",
        "stabilisation",
        "projet",
        "financement",
        "centre",
        "étudiants",
        "examens",
        "université",
        "atelier",
        "boulangerie",
        "boutique",
        "rue",
        "fleuve",
        "Euphrate",
        "Tigre",
        "hiver",
        "été",
    ],
    "ar": [
        "مدرسة",
        "المدارس",
        "الأطفال",
        "النازحين",
        "العائلات",
        "مخيم",
        "المخيمات",
        "دهوك",
        "الموصل",
        "الرقة",
        "العراق",
        "سوريا",
        "سوق",
        "الحدادين",
        "إعادة",
        "بناء",
        "التراث",
        "المدينة",
        "تحرير",
        "المحررة",
        "المعلمون",
        "صف",
        "المياه",
        "الكهرباء",
        "مستشفى",
        "عيادة",
        "الطرق",
        "جسر",
        "المزارعين",
        "الحصاد",
        "النساء",
        "تدريب",
        "وظائف",
        "الشباب",
        "كرة",
        "موسيقى",
        "الرسم",
        "فنانة",
        "مكتبة",
        "متحف",
        "مسجد",
        "كنيسة",
        "الألغام",
        "إزالة",
        "الشرطة",
        "الأمن",
        "عودة",
        "المنازل",
        "الشركاء",
        "التحالف",
        "دعم",
        "الاستقرار",
        "مشروع",
        "تمويل",
        "مركز",
        "الطلاب",
        "امتحانات",
        "جامعة",
        "ورشة",
        "مخبز",
        "متجر",
        "شارع",
        "نهر",
        "الفرات",
        "دجلة",
        "الشتاء",
        "الصيف",
    ],
}
FILLER = {
    "en": [
        "the",
        "of",
        "and",
        "in",
        "for",
        "to",
        "with",
        "a",
        "on",
        "after",
        "their",
        "by",
        "from",
        "at",
        "is",
        "was",
    ],
    "fr": [
        "le",
        "la",
        "les",
        "de",
        "des",
        "et",
        "dans",
        "pour",
        "à",
        "avec",
        "un",
        "une",
        "sur",
        "après",
        "leur",
        "par",
        "du",
        "est",
    ],
    "ar": ["في", "من", "على", "إلى", "مع", "بعد", "عن", "هذا", "التي", "الذي", "كان", "قد"],
}


SYLLABLES = {
    "en": [
        "ba",
        "ker",
        "lin",
        "mor",
        "sta",
        "ven",
        "tor",
        "al",
        "ri",
        "dge",
        "ham",
        "ton",
        "ley",
        "ful",
        "ness",
        "ing",
        "er",
        "ar",
        "pen",
        "co",
    ],
    "fr": [
        "ba",
        "ge",
        "ron",
        "ment",
        "eau",
        "ière",
        "lan",
        "chou",
        "vil",
        "pré",
        "mou",
        "tain",
        "eur",
        "oir",
        "ique",
        "ard",
        "elle",
        "on",
    ],
    "ar": ["ب", "ت", "ح", "د", "ر", "س", "ع", "ق", "ك", "ل", "م", "ن", "ه", "و", "ي", "ا", "ال"],
}
VOCABULARY_SIZE = 6000


def _vocabulary(language: str) -> tuple[list[str], list[float]]:
    """A Zipf-distributed vocabulary: generated words for the long tail, the real words placed
    at middle ranks so that queries for them match a realistic share of pages."""
    rng = random.Random(language)
    generated = set()
    while len(generated) < VOCABULARY_SIZE:
        generated.add("".join(rng.choice(SYLLABLES[language]) for _ in range(rng.randint(2, 4))))
    vocabulary = sorted(generated)
    rng.shuffle(vocabulary)
    for word in WORDS[language]:
        vocabulary.insert(rng.randint(40, 1500), word)
    weights = [1 / rank for rank in range(1, len(vocabulary) + 1)]
    cumulative, total = [], 0.0
    for weight in weights:
        total += weight
        cumulative.append(total)
    return vocabulary, cumulative


VOCABULARIES = {language: _vocabulary(language) for language in WORDS}


def words(language: str, count: int) -> str:
    vocabulary, cumulative = VOCABULARIES[language]
    filler = FILLER[language]
    content = random.choices(vocabulary, cum_weights=cumulative, k=count)
    return " ".join(word if random.random() < 0.55 else random.choice(filler) for word in content)


def random_date() -> str:
    return f"20{random.randint(15, 25)}-0{random.randint(1, 9)}-1{random.randint(0, 9)}"


def create_database() -> str:
    import psycopg

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Run through scripts/with-postgres.sh (DATABASE_URL must be PostgreSQL).")
    parsed = urlparse(url)
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = 'storysite_bench'"
        ).fetchone()
        if not (KEEP and exists):
            conn.execute("DROP DATABASE IF EXISTS storysite_bench")
            conn.execute("CREATE DATABASE storysite_bench")
    os.environ["DATABASE_URL"] = parsed._replace(path="/storysite_bench").geturl()
    return admin


def drop_database(admin: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    if KEEP:
        return
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS storysite_bench")


def add_stories(count: int) -> None:
    """Insert ``count`` stories spread over the three story indexes, bypassing per-page saves."""
    import json

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Page

    from stories.models import StoryIndexPage, StoryPage

    content_type = ContentType.objects.get_for_model(StoryPage)
    # StoryPage's own table, written directly (bulk_create cannot do multi-table inheritance):
    # the generated columns, then every other column at its model default.
    generated = ["standfirst", "date", "body"]
    others = [
        field
        for field in StoryPage._meta.local_concrete_fields
        if field.name not in generated and not field.primary_key
    ]
    table = StoryPage._meta.db_table
    columns = ["page_ptr_id", *generated, *(field.column for field in others)]
    defaults = [field.get_db_prep_save(field.get_default(), connection) for field in others]
    indexes = list(StoryIndexPage.objects.select_related("locale"))
    now = timezone.now()
    with transaction.atomic():
        for n, index in enumerate(indexes):
            share = count // len(indexes) + (1 if n < count % len(indexes) else 0)
            language = index.locale.language_code
            start = index.numchild
            pages, extra = [], []
            for i in range(share):
                title = words(language, random.randint(5, 11)).capitalize()
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=f"bench-{language}-{start + i}",
                        content_type=content_type,
                        locale_id=index.locale_id,
                        path=Page._get_path(index.path, index.depth + 1, start + i + 1),
                        depth=index.depth + 1,
                        numchild=0,
                        live=True,
                        url_path=f"{index.url_path}bench-{language}-{start + i}/",
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
                body = [
                    {"type": "text", "value": f"<p>{words(language, random.randint(80, 230))}</p>"}
                    for _ in range(3)
                ]
                extra.append(
                    (
                        words(language, random.randint(20, 40)),
                        random_date(),
                        json.dumps(body),
                    )
                )
            created = Page.objects.bulk_create(pages, batch_size=1000)
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) "
                    f"VALUES ({', '.join(['%s'] * len(columns))})",
                    [(page.pk, *row, *defaults) for page, row in zip(created, extra, strict=True)],
                )
            Page.objects.filter(pk=index.pk).update(numchild=start + share)


def index_all_stories() -> float:
    from wagtail.search.backends import get_search_backend

    from stories.models import StoryPage

    backend = get_search_backend()
    started = time.perf_counter()
    entries = backend.get_index_for_model(StoryPage).entries
    indexed = set(entries.values_list("object_id", flat=True))
    ids = [pk for pk in StoryPage.objects.values_list("pk", flat=True) if str(pk) not in indexed]
    for offset in range(0, len(ids), CHUNK):
        chunk = StoryPage.objects.filter(pk__in=ids[offset : offset + CHUNK])
        backend.add_bulk(StoryPage, list(chunk))
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return time.perf_counter() - started


def query_mix() -> list[tuple[str, str]]:
    queries = []
    for _ in range(QUERIES):
        language = random.choice(["en", "fr", "ar"])
        kind = random.random()
        if kind < 0.5:
            query = random.choice(WORDS[language])
        elif kind < 0.85:
            query = " ".join(random.sample(WORDS[language], 2))
        elif kind < 0.95:
            query = " ".join(random.sample(WORDS[language], 3))
        else:
            query = "zyxwv" + random.choice(WORDS[language])  # finds nothing
        queries.append((language, query))
    return queries


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)]
    return statistics.median(ordered) * 1000, p95 * 1000


def measure(queries) -> dict[str, tuple[float, float]]:
    from django.conf import settings
    from django.test import Client
    from wagtail.models import Locale, Page

    from search import backends
    from search.views import MAX_COUNTED, backend_for, count_up_to

    settings.SEARCH_RATE_LIMIT_PER_MINUTE = 0
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    client = Client()
    some_page = Page.objects.filter(depth=4).first().pk

    def timed(fn) -> float:
        started = time.perf_counter()
        fn()
        return time.perf_counter() - started

    def backend_call(language, query):
        locale = locales[language]
        pages = Page.objects.live().public().filter(locale=locale)
        results = backend_for(locale).search(query, pages, operator="and")
        list(results[:10])
        count_up_to(results, MAX_COUNTED)  # what the search page does

    def with_wagtail_ranking(fn):
        """The same call with the RUM index ignored: Wagtail's own ts_rank ranking."""
        with_rum = backends._rum_index_exists
        backends._rum_index_exists = lambda database: False
        try:
            return fn()
        finally:
            backends._rum_index_exists = with_rum

    for language, query in queries[:10]:  # warm caches and connections
        backend_call(language, query)
        client.get(f"/{language}/search/", {"q": query})
    figures = {
        "baseline: page by primary key": [
            timed(lambda: Page.objects.get(pk=some_page)) for _ in range(100)
        ],
        "backend call (10 hits + count)": [
            timed(lambda lg=lg, q=q: backend_call(lg, q)) for lg, q in queries
        ],
        "  same, Wagtail's ts_rank ranking": [
            timed(lambda lg=lg, q=q: with_wagtail_ranking(lambda: backend_call(lg, q)))
            for lg, q in queries
        ],
        "baseline: empty search page": [
            timed(lambda: client.get("/en/search/")) for _ in range(50)
        ],
        "search view (HTML page)": [
            timed(lambda lg=lg, q=q: client.get(f"/{lg}/search/", {"q": q})) for lg, q in queries
        ],
    }
    return {name: percentiles(samples) for name, samples in figures.items()}


def describe_setup() -> None:
    from django.db import connection
    from wagtail.models import Locale

    from search.views import backend_for

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('server_version'), current_setting('shared_buffers')"
        )
        version, shared_buffers = cursor.fetchone()
    backend = backend_for(Locale.objects.get(language_code="en"))
    ranking = "RUM index" if getattr(backend, "has_rum_index", bool)() else "Wagtail's ts_rank"
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(
        f"PostgreSQL {version} (shared_buffers {shared_buffers}); ranking: {ranking}; "
        f"{os.cpu_count()} CPUs, load average {load}"
    )


def main() -> None:
    admin = create_database()
    import django

    django.setup()
    from django.core.management import call_command
    from wagtail.models import Page

    try:
        call_command("migrate", verbosity=0)
        if not Page.objects.filter(depth=4).exists():
            call_command("load_demo", verbosity=0)
        queries = query_mix()
        describe_setup()
        rows = []
        for size in SIZES:
            have = Page.objects.filter(depth=4).count()
            started = time.perf_counter()
            add_stories(max(0, size - have))
            insert_seconds = time.perf_counter() - started
            index_seconds = index_all_stories()
            print(f"[{size:,} pages inserted and indexed, measuring…]", file=sys.stderr, flush=True)
            results = measure(queries)
            rows.append((size, insert_seconds, index_seconds, results))
            print(
                f"\n== {size:,} story pages (inserted in {insert_seconds:.1f} s, "
                f"indexed in {index_seconds:.1f} s) =="
            )
            base_backend = results["baseline: page by primary key"][1]
            base_view = results["baseline: empty search page"][1]
            for name, (p50, p95) in results.items():
                base = (
                    base_view
                    if "page" in name and "view" in name or "empty" in name
                    else base_backend
                )
                print(
                    f"{name:34} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   "
                    f"p95 ×{p95 / base:5.1f} baseline"
                )
            backend_p95 = results["backend call (10 hits + count)"][1]
            view_p95 = results["search view (HTML page)"][1]
            print(f"view p95 / backend p95: {view_p95 / backend_p95:.2f}×")
        if len(rows) > 1:
            (small, *_r1, first), (large, *_r2, last) = rows[0], rows[-1]
            print(f"\n== growth {small:,} → {large:,} pages (×{large / small:.0f}) ==")
            for name in ("backend call (10 hits + count)", "search view (HTML page)"):
                print(
                    f"{name:34} p50 ×{last[name][0] / first[name][0]:.2f}   "
                    f"p95 ×{last[name][1] / first[name][1]:.2f}"
                )
            print(
                f"index build time ×{rows[-1][2] / rows[0][2]:.2f} "
                f"(for {large - small:,} vs {small:,} new pages)"
            )
    finally:
        drop_database(admin)


if __name__ == "__main__":
    main()
