#!/usr/bin/env bash
# The production-like topology on this machine (`make prod-like`, docs/operations.md): nginx on
# PROD_LIKE_PORT (8080) in front of two gunicorns, PostgreSQL, Redis, moto's S3 and the default
# and video task workers, all with production settings, prepared from scratch under .prod-like/.
# Ctrl-C (or SIGTERM) stops everything it started. The Python harness (deploy/topology.py) does
# the work: it holds every pid, gives each process a process group of its own and ends those
# groups on exit, and its children get SIGTERM should it be killed outright.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m deploy.topology "$@"
