# Storysite — the two commands a newcomer needs:
#   make demo   install everything, build the demo content, run the site on :8000 and the worker
#   make test   install everything and run the whole test suite (SQLite, then PostgreSQL)
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

.PHONY: demo test install system-deps-demo system-deps-test lint format lock clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

install: $(UV)
	$(UV) sync --frozen --quiet

system-deps-demo:
	scripts/system-deps.sh demo

system-deps-test:
	scripts/system-deps.sh test

demo: system-deps-demo install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo --admin
	@# Search works from the first request; the index tasks load_demo queued redo it harmlessly.
	$(MANAGE) update_index
	scripts/run-demo.sh $(DEMO_ADDR)

test: system-deps-test install
	scripts/test.sh

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

lock: $(UV)
	$(UV) lock

clean:
	rm -rf $(VENV) $(TOOLS) collected-static test-artifacts .pytest_cache
