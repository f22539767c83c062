#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into the database named by DATABASE_URL (which
# must exist; it is overwritten) and into the configured media storage.
#   scripts/restore.sh BACKUP_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
src="${1:?usage: scripts/restore.sh BACKUP_DIR}"
py=.venv/bin/python
url="${DATABASE_URL:-sqlite:///$PWD/db.sqlite3}"

case "$url" in
    postgres*)
        [ -f "$src/database.pgdump" ] || { echo "no database.pgdump in $src" >&2; exit 2; }
        pg_restore --clean --if-exists --no-owner --exit-on-error --dbname="$url" "$src/database.pgdump"
        ;;
    sqlite*)
        [ -f "$src/database.sqlite3" ] || { echo "no database.sqlite3 in $src" >&2; exit 2; }
        $py - "$src/database.sqlite3" "$url" <<'PY'
import sqlite3, sys
target = sys.argv[2][len("sqlite:///"):]
with sqlite3.connect(sys.argv[1]) as src, sqlite3.connect(target) as dst:
    src.backup(dst)
PY
        ;;
    *) echo "restore.sh: unsupported DATABASE_URL $url" >&2; exit 2 ;;
esac
$py manage.py media_backup load "$src/media"
echo "Restored from $src"
