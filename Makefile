# Two commands matter: `make run` and `make test`. Each sets up everything it needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DATABASE_URL ?= sqlite:///instance/quotes.sqlite3

.PHONY: run test lint install install-dev migrate seed bench clean

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
	$(BIN)/python bench/api_load.py

# Never the database: instance/ holds the default one (remove it by hand when you mean to).
clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .mypy_cache .ruff_cache
