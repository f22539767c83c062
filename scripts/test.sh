#!/usr/bin/env bash
# The whole test suite: quality gates, then pytest on SQLite and on PostgreSQL.
# TEST_DATABASES=sqlite (or postgres) runs one database only; extra arguments go to pytest.
set -uo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
status=0

step() { echo; echo "== $*"; }
fail() { echo "FAILED: $*"; status=1; }

step "ruff lint and format check"
.venv/bin/ruff check . || fail "ruff check"
.venv/bin/ruff format --check . || fail "ruff format --check"

step "migrations are up to date"
DJANGO_SETTINGS_MODULE=storysite.settings.test $py manage.py makemigrations --check --dry-run \
    || fail "makemigrations --check"

step "deployment checks with production settings"
DJANGO_SETTINGS_MODULE=storysite.settings.production SECRET_KEY="$(head -c 48 /dev/urandom | base64)" \
    ALLOWED_HOSTS=storysite.example.org $py manage.py check --deploy --fail-level WARNING \
    || fail "check --deploy"

databases="${TEST_DATABASES:-sqlite postgres}"
for db in $databases; do
    case "$db" in
        sqlite)
            step "pytest on SQLite"
            env -u DATABASE_URL scripts/pytest.sh "$@" || fail "pytest on SQLite"
            ;;
        postgres)
            step "pytest on PostgreSQL"
            scripts/with-postgres.sh scripts/pytest.sh "$@" || fail "pytest on PostgreSQL"
            ;;
        *) fail "unknown database '$db' in TEST_DATABASES" ;;
    esac
done

echo
if [ $status -eq 0 ]; then echo "ALL CHECKS PASSED"; else echo "SOME CHECKS FAILED"; fi
exit $status
