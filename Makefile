# Sanāksme: `make run` serves the app, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

# `make test-js` runs only the JavaScript tests.
.PHONY: run test test-js test-fast test-scaleout e2e bench lint messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test,dev,bench]'
	touch $@

# `make run` keeps its database, keys and uploads in the repository's .data/ (ignored
# by git); elsewhere the default is ~/.local/share/sanaksme.
run: export SANAKSME_DATA_DIR ?= $(CURDIR)/.data
run: $(VENV)/.installed
	$(BIN)/sanaksme migrate --noinput
	$(BIN)/sanaksme demo --url http://$(HOST):$(PORT)
	$(BIN)/sanaksme serve --host $(HOST) --port $(PORT)

# axe-core for the browser tests' accessibility checks (package-lock.json pins it):
# installed when node_modules is missing or older than the lock. Nothing is served
# from node_modules.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The live screens' JavaScript rules first (Node's own test runner, no npm packages),
# then the suite in two processes (pytest-xdist; each has its own SQLite database and
# data directory). TEST_WORKERS=0 runs it in one.
TEST_WORKERS ?= 2
test: $(VENV)/.installed-test node_modules/.package-lock.json
	node --test tests/js/
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

# The same suite on PostgreSQL + the Redis channel layer and cache (scale-out mode), in
# one process: two would share Redis's channel groups and cache keys.
SCALEOUT_DB ?= postgres://postgres@127.0.0.1:5432/test
SCALEOUT_REDIS ?= redis://127.0.0.1:6379/0
test-scaleout: $(VENV)/.installed-test
	DATABASE_URL=$(SCALEOUT_DB) REDIS_URL=$(SCALEOUT_REDIS) $(BIN)/python -m pytest

test-js:
	node --test tests/js/

test-fast: $(VENV)/.installed-test
	$(BIN)/python -m pytest -m "not e2e"

e2e: $(VENV)/.installed-test node_modules/.package-lock.json
	$(BIN)/python -m pytest -m e2e

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/live_load.py --scenario all
	$(BIN)/python benchmarks/compare_quality.py
	$(BIN)/python benchmarks/compare_quality.py --interactive
	$(BIN)/python benchmarks/compare_repropose.py
	$(BIN)/python benchmarks/report_speed.py
	$(BIN)/python benchmarks/kill_burst.py  # needs PostgreSQL and Redis (see its --help)
	$(BIN)/python benchmarks/hosted_load.py --scenario all  # needs PostgreSQL, Redis and nginx

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/mypy src

messages: $(VENV)/.installed-test
	cd src/sanaksme && ../../$(BIN)/sanaksme makemessages -l lv -l en -l ru --no-obsolete
	cd src/sanaksme && ../../$(BIN)/sanaksme compilemessages

clean:
	rm -rf $(VENV) .pytest_cache build dist src/*.egg-info
