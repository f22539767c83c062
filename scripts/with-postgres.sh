#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster (Debian's postgresql package), exporting
# DATABASE_URL for it; the cluster is stopped and deleted afterwards, whatever the exit status.
# If DATABASE_URL already names a PostgreSQL server, that server is used instead.
set -euo pipefail

if [[ "${DATABASE_URL:-}" == postgres* ]]; then
    exec "$@"
fi

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pgbin" ]; then
    echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2
    exit 1
fi

datadir=$(mktemp -d /tmp/storysite-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$datadir"
    as_pg=(runuser -u postgres --)
fi

cleanup() {
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$datadir" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$datadir"
}
trap cleanup EXIT

"${as_pg[@]}" "$pgbin/initdb" -D "$datadir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Durability is pointless for a throwaway test database; turning it off makes the suite faster.
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$datadir" -w -l "$datadir/server.log" \
    -o "-p $port -k $datadir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null

export DATABASE_URL="postgres://postgres@127.0.0.1:$port/storysite"
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on port $port"
"$@"
