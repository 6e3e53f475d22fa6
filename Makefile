# Everything runs from the project virtualenv, .venv, made with Python 3.12+.
PYTHON ?= python3.12
VENV := .venv
BIN := $(VENV)/bin
# Production settings refuse to start without a secret key, so every manage.py
# run gets DJANGO_SECRET_KEY, or the one generated once into .secret-key.
MANAGE := DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat .secret-key)}" $(BIN)/python manage.py
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed
CHROMIUM := /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install install-dev db run test test-fast browser-deps lint format bench audit serve lock clean

help:
	@echo "make run    set up, migrate, load the content and serve http://$(HOST):$(PORT)/"
	@echo "make test   set up and run every test, browser tests included"
	@echo "make serve  production setup: gunicorn + whitenoise, DEBUG off"
	@echo "make bench  load-test the main pages (needs wrk)"
	@echo "make audit  Lighthouse scores for each page type"
	@echo "make lint   ruff"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip

$(RUNTIME): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(DEV): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(RUNTIME) $@

install: $(RUNTIME)

install-dev: $(DEV)

# Migrate, then load the fixtures unless the content is already there, so that
# running this twice neither fails nor duplicates nor overwrites editors' work.
db: install .secret-key
	$(MANAGE) migrate --no-input
	$(MANAGE) loadcontent
	$(MANAGE) setup_editors

run: db
	DJANGO_DEBUG=1 $(MANAGE) runserver $(HOST):$(PORT)

# Debian's Chromium (never Playwright's download), a Java runtime for the Nu Html
# Checker, and axe-core and vnu-jar from npm.
browser-deps:
	@test -x $(CHROMIUM) || { echo "Installing Debian's chromium..."; \
		(apt-get update -qq && apt-get install -y -qq chromium) >/dev/null; }
	@command -v java >/dev/null || { echo "Installing a Java runtime..."; \
		(apt-get update -qq && apt-get install -y -qq default-jre-headless) >/dev/null; }
	@test -f node_modules/axe-core/axe.min.js -a -f node_modules/vnu-jar/build/dist/vnu.jar \
		|| npm ci --silent --no-audit --no-fund

test: install-dev browser-deps
	$(BIN)/python -m pytest

test-fast: install-dev
	$(BIN)/python -m pytest -m "not browser and not validator"

# Production setup: DEBUG off, hashed and compressed static files served by
# whitenoise with long cache headers, gunicorn with one worker per core.
# Plain HTTP by default (DJANGO_SECURE_SSL_REDIRECT=0); behind a TLS proxy set it to 1.
serve: export DJANGO_DEBUG = 0
serve: export DJANGO_STATIC_MANIFEST = 1
serve: export DJANGO_SECURE_SSL_REDIRECT ?= 0
serve: db
	$(MANAGE) collectstatic --no-input -v0
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat .secret-key)}" \
		HOST=$(HOST) PORT=$(PORT) $(BIN)/gunicorn config.wsgi -c config/gunicorn.py

.secret-key: | $(BIN)/python
	@test -s $@ || $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@

# Load test: the production setup at 45, 1,000 and 10,000 exercises, on SQLite
# and (when PostgreSQL answers and redis-server is installed) PostgreSQL with a
# Redis of its own, cold and warm, then the cache-bypass and Redis-outage
# scenarios. Needs wrk: installed here with apt-get where there is one, else
# bench.py says what is missing. See bench/README.md.
bench: install-dev
	@command -v wrk >/dev/null || ! command -v apt-get >/dev/null || \
		{ echo "Installing wrk..."; (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null; }
	$(BIN)/python bench/bench.py $(BENCH_ARGS)

# Lighthouse (from the npm registry) on every page type, with Debian's Chromium.
audit: install-dev browser-deps
	$(BIN)/python bench/audit.py $(AUDIT_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock: install-dev
	@echo "Edit the pins in requirements*.txt; pip freeze for reference:"
	$(BIN)/python -m pip freeze

clean:
	rm -rf $(VENV) node_modules staticfiles
