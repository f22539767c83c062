"""A RUM index on ``title || body`` of Wagtail's search index table, when PostgreSQL has the
``rum`` extension (Debian: ``apt-get install postgresql-<version>-rum``).

Wagtail's database backend ranks by computing ``ts_rank`` for every matching entry and sorting:
for a common word that reads half the index (≈ 300 ms at 100k pages, see bench/search.py). A RUM
index stores word positions, so ``ORDER BY vector <=> query LIMIT 10`` is answered from the index
in rank order. search/backends.py uses it when this index exists and falls back to Wagtail's
ranking otherwise. The second index lets PostgreSQL go from an index entry (its ``object_id`` is
text) to its page without scanning the page table, so the ten best entries stay ten lookups.

Without the extension (or without the right to create it) this migration does nothing; install
the package, then ``manage.py migrate site_search 0001 && manage.py migrate site_search`` to add it.
"""

from django.db import DatabaseError, migrations, transaction

RUM_INDEX = "site_search_indexentry_rum"
PAGE_ID_TEXT_INDEX = "site_search_page_id_text"


def rum_available(connection) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        if cursor.fetchone() is None:
            return False
    try:
        with transaction.atomic(using=connection.alias):
            with connection.cursor() as cursor:
                cursor.execute("CREATE EXTENSION IF NOT EXISTS rum")
    except DatabaseError:  # not allowed to create extensions: ranking stays Wagtail's
        return False
    return True


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql" or not rum_available(connection):
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {RUM_INDEX} ON wagtailsearch_indexentry "
        "USING rum ((title || body) rum_tsvector_ops)"
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {PAGE_ID_TEXT_INDEX} ON wagtailcore_page "
        "(((id)::varchar(50)))"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {RUM_INDEX}")
        schema_editor.execute(f"DROP INDEX IF EXISTS {PAGE_ID_TEXT_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0001_indexentry_title_body_gin"),
        ("wagtailcore", "0001_initial"),
    ]
    operations = [migrations.RunPython(create, drop, elidable=False)]
