# Two commands matter: `make run` and `make test`. Each sets up everything it needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DATABASE_URL ?= sqlite:///instance/quotes.sqlite3

.PHONY: run test test-postgres lint install install-dev migrate seed bench bench-postgres clean

# The PostgreSQL pass of `make test`: the suite again on this server (but tests/extract, which never
# touch a database), each test in its own schema. REQUIRE_SERVICES=1 (set by .ci/run) makes an unreachable server a failure, not a skip.
TEST_POSTGRES_URL ?= postgresql://postgres@127.0.0.1:5432/test
export TEST_REDIS_URL ?= redis://127.0.0.1:6379/0

# A stamp file per requirement set: pip runs again only when a pin changes.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: $(BIN)/python requirements.txt constraints.txt pyproject.toml
	$(BIN)/pip install --quiet -r requirements.txt -c constraints.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

migrate: install
	$(BIN)/quotes-api db upgrade

seed: migrate
	$(BIN)/quotes-api ingest --if-empty seeds

run: seed
	PORT=$(PORT) exec $(BIN)/quotes-api serve

test: lint
	$(BIN)/python -m pytest
	@$(MAKE) --no-print-directory test-postgres

# The extractor is pure (text in, dataclasses out): its tests never touch a database, so the
# PostgreSQL pass leaves them out rather than run them twice.
test-postgres: install-dev
	@if $(BIN)/python -m tests.backends "$(TEST_POSTGRES_URL)"; then \
		echo "PostgreSQL pass: the suite again on $(TEST_POSTGRES_URL)"; \
		TEST_DATABASE_URL="$(TEST_POSTGRES_URL)" $(BIN)/python -m pytest --ignore=tests/extract; \
	elif [ -n "$$REQUIRE_SERVICES" ]; then \
		echo "FAILED: PostgreSQL at $(TEST_POSTGRES_URL) cannot be reached (REQUIRE_SERVICES is set)" >&2; exit 1; \
	else \
		echo "PostgreSQL pass skipped: no server at $(TEST_POSTGRES_URL) (set TEST_POSTGRES_URL to use another)"; \
	fi

# The quality gate: lint and format are checked, never rewritten, so CI fails on a violation;
# mypy checks the pure packages named in pyproject's [tool.mypy].
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: install-dev
	$(BIN)/python bench/extract_speed.py
	$(BIN)/python bench/extract_linear.py
	$(BIN)/python bench/group_scaling.py
	$(BIN)/python bench/ingest_speed.py
	$(BIN)/python bench/api_load.py

# 4 ingest processes + 4 gunicorn workers + readers, SQLite and PostgreSQL side by side (needs the server).
bench-postgres: install-dev
	$(BIN)/python bench/concurrent_ingest.py --postgres "$(TEST_POSTGRES_URL)"

# Never the database: instance/ holds the default one (remove it by hand when you mean to).
clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .mypy_cache .ruff_cache
