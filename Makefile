# letopis: two commands for a fresh machine with Python 3.11+.
#   make run   create .venv, install letopis with all its extras, run the main job
#   make test  install the dev tools too and run the whole test suite

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: run test lint bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "letopis needs Python 3.11 or newer; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[all]'
	@touch $@

$(DEVSTAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install -q -e '.[all,dev]'
	@touch $@

run: $(STAMP)
	$(BIN)/letopis ingest examples/
	$(BIN)/letopis stats
	$(BIN)/letopis quotes --limit 10
	@echo "letopis: the chronicle is served at http://127.0.0.1:8000 (Ctrl-C stops it)"
	$(BIN)/letopis serve --host 127.0.0.1 --port 8000

test: $(DEVSTAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider; status=$$?; \
	  if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; exit $$status

lint: $(DEVSTAMP)
	$(BIN)/ruff check src tests bench

bench: $(STAMP)
	$(BIN)/python bench/analysis_speed.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
