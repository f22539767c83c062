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
# One pytest per database. Each is single-threaded and the two share nothing (free ports, their
# own temporary media, static and database folders), so TEST_PARALLEL=true runs them side by
# side on a machine with two cores or more. Off by default: on two cores the browser tests of
# both passes together miss their 15 s timeouts now and then.
run_db() {
    case "$1" in
        sqlite) env -u DATABASE_URL scripts/pytest.sh --ignore=tests/topology "${@:2}" ;;
        postgres) scripts/with-postgres.sh scripts/pytest.sh --ignore=tests/topology "${@:2}" ;;
        *) echo "unknown database '$1' in TEST_DATABASES"; return 2 ;;
    esac
}
if [ "${TEST_PARALLEL:-false}" = true ] && [ "$(nproc)" -ge 2 ] && [ "$(wc -w <<<"$databases")" -gt 1 ]; then
    logs=$(mktemp -d /tmp/storysite-test-logs.XXXXXX)
    declare -A pids
    for db in $databases; do
        step "pytest on $db (in parallel, output below when it ends)"
        run_db "$db" "$@" >"$logs/$db.log" 2>&1 &
        pids[$db]=$!
    done
    for db in $databases; do
        wait "${pids[$db]}"
        rc=$?
        step "pytest on $db: output"
        cat "$logs/$db.log"
        [ $rc -eq 0 ] || fail "pytest on $db"
    done
    rm -rf "$logs"
else
    for db in $databases; do
        step "pytest on $db"
        run_db "$db" "$@" || fail "pytest on $db"
    done
fi

if [ "${TEST_TOPOLOGY:-true}" != false ]; then
    step "pytest on the production-like topology (nginx, 2 gunicorns, PostgreSQL, Redis, S3)"
    env -u DATABASE_URL scripts/pytest.sh tests/topology || fail "pytest on the topology"
fi

echo
if [ $status -eq 0 ]; then echo "ALL CHECKS PASSED"; else echo "SOME CHECKS FAILED"; fi
exit $status
