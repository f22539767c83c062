#!/usr/bin/env bash
# Run the demo: the background-task workers and the web server, stopped together with Ctrl-C.
# Two workers, as in production: one for the default queue (search index, references, file
# deletion) and one for the video queue (transcoding), so a publish never waits behind a video.
set -euo pipefail
addr="${1:-127.0.0.1:8000}"
cd "$(dirname "$0")/.."

.venv/bin/python manage.py db_worker --queue-name default &
default_worker=$!
.venv/bin/python manage.py db_worker --queue-name video &
video_worker=$!
trap 'kill "$default_worker" "$video_worker" 2>/dev/null || true; wait "$default_worker" "$video_worker" 2>/dev/null || true' EXIT INT TERM

echo
echo "Storysite is starting at http://${addr/127.0.0.1/localhost}/  (admin: /admin/, user admin, password storysite-demo)"
echo "Background workers: pid $default_worker (default queue), pid $video_worker (video queue). Press Ctrl-C to stop all."
.venv/bin/python manage.py runserver "$addr"
