#!/usr/bin/env bash
# Back up Storysite: the database and the media files, into one folder.
#   scripts/backup.sh BACKUP_DIR
# Database from DATABASE_URL (default: the demo's SQLite file): pg_dump custom format for
# PostgreSQL, SQLite's online backup API otherwise (safe while the site runs). Media: the S3
# bucket (AWS_STORAGE_BUCKET_NAME) or MEDIA_ROOT, copied file by file.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: scripts/backup.sh BACKUP_DIR}"
mkdir -p "$out"
py=.venv/bin/python
url="${DATABASE_URL:-sqlite:///$PWD/db.sqlite3}"

case "$url" in
    postgres*)
        pg_dump --format=custom --no-owner --file="$out/database.pgdump" "$url"
        ;;
    sqlite*)
        $py - "$url" "$out/database.sqlite3" <<'PY'
import sqlite3, sys
source = sys.argv[1][len("sqlite:///"):]
with sqlite3.connect(source) as src, sqlite3.connect(sys.argv[2]) as dst:
    src.backup(dst)
PY
        ;;
    *) echo "backup.sh: unsupported DATABASE_URL $url" >&2; exit 2 ;;
esac
$py manage.py media_backup dump "$out/media"
echo "Backup written to $out"
