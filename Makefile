# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
ARGS   ?=

.PHONY: run test lint format translations bench clean
SIZE  ?= 1000
BSTAMP := $(VENV)/.installed-bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP) $@

## Start the app (`make run ARGS="metrics --db shop.db --month 2026-10"` passes arguments).
run: $(STAMP)
	$(BIN)/python -m smallbiz_loyalty $(ARGS)

## Lint, check the layers and run the whole suite headless.
test: $(TSTAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n 2 -q -p no:cacheprovider

$(BSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP) $(TSTAMP) $@

## Benchmarks (not part of make test): `make bench`, `make bench SIZE=100000`; writes bench/RESULTS.md.
bench: $(BSTAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py --size $(SIZE)

format: $(TSTAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## Rebuild the compiled Qt catalogues (.qm) from the .ts sources.
translations: $(STAMP)
	$(BIN)/python tools/build_translations.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
