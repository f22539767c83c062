#!/usr/bin/env bash
# The whole test suite: quality gates, pytest on SQLite and on PostgreSQL, then the
# production-like topology tests (tests/topology/: nginx, two gunicorns, PostgreSQL, Redis, S3,
# workers — they start their own, so they run once, as a step of their own).
# TEST_DATABASES=sqlite (or postgres) runs one database only; TEST_TOPOLOGY=false skips the
# topology step; extra arguments go to the database passes' pytest.
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
            env -u DATABASE_URL scripts/pytest.sh --ignore=tests/topology "$@" \
                || fail "pytest on SQLite"
            ;;
        postgres)
            step "pytest on PostgreSQL"
            scripts/with-postgres.sh scripts/pytest.sh --ignore=tests/topology "$@" \
                || fail "pytest on PostgreSQL"
            ;;
        *) fail "unknown database '$db' in TEST_DATABASES" ;;
    esac
done

if [ "${TEST_TOPOLOGY:-true}" != false ]; then
    step "pytest on the production-like topology (nginx, 2 gunicorns, PostgreSQL, Redis, S3)"
    env -u DATABASE_URL scripts/pytest.sh tests/topology || fail "pytest on the topology"
fi

echo
if [ $status -eq 0 ]; then echo "ALL CHECKS PASSED"; else echo "SOME CHECKS FAILED"; fi
exit $status
