#!/usr/bin/env bash
# Run the demo: the background-task worker and the web server, stopped together with Ctrl-C.
set -euo pipefail
addr="${1:-127.0.0.1:8000}"
cd "$(dirname "$0")/.."

.venv/bin/python manage.py db_worker --queue-name '*' &
worker=$!
trap 'kill "$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true' EXIT INT TERM

echo
echo "Storysite is starting at http://${addr/127.0.0.1/localhost}/  (admin: /admin/, user admin, password storysite-demo)"
echo "Background worker pid $worker. Press Ctrl-C to stop both."
.venv/bin/python manage.py runserver "$addr"
