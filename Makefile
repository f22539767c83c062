# Storysite — the two commands a newcomer needs:
#   make demo   install everything, build the demo content, run the site on :8000 and the worker
#   make test   install everything and run the whole test suite (SQLite, then PostgreSQL)
# and, to see it as deployed: make prod-like (nginx, 2 gunicorns, PostgreSQL, Redis, S3, workers).
# System packages (ffmpeg, chromium, postgresql, fonts) are installed with apt-get when missing.

SHELL := /bin/bash
PYTHON ?= python3.11
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
MANAGE := $(VENV)/bin/python manage.py
DEMO_ADDR ?= 127.0.0.1:8000

export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON := $(PYTHON)

.PHONY: demo test prod-like install system-deps-demo system-deps-test system-deps-prod-like \
	lint format lock clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

install: $(UV)
	$(UV) sync --frozen --quiet

system-deps-demo:
	scripts/system-deps.sh demo

system-deps-test:
	scripts/system-deps.sh test

system-deps-prod-like:
	scripts/system-deps.sh prod-like

demo: system-deps-demo install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo --admin
	@# Search works from the first request; the index tasks load_demo queued redo it harmlessly.
	$(MANAGE) update_index
	scripts/run-demo.sh $(DEMO_ADDR)

test: system-deps-test install
	scripts/test.sh

# Production settings behind nginx on PROD_LIKE_PORT (8080); Ctrl-C stops it (docs/operations.md).
prod-like: system-deps-prod-like install
	scripts/prod-like.sh

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

lock: $(UV)
	$(UV) lock

clean:
	rm -rf $(VENV) $(TOOLS) collected-static test-artifacts .pytest_cache .prod-like
