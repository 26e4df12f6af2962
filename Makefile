# congdoan-ai: two commands for a fresh Linux machine with Python 3.11+.
#   make lab    set up .venv if needed and open the course in JupyterLab (Vietnamese)
#   make test   set up the same .venv and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: lab test lint format bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

lab: $(STAMP)
	$(BIN)/congdoan lab

test: $(STAMP)
	.ci/ensure-chromium
	.ci/ensure-server
	.ci/ensure-bubblewrap
	$(BIN)/python -m ruff check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check helpers tests

format: $(STAMP)
	$(BIN)/python -m ruff format helpers tests
	$(BIN)/python -m ruff check --fix .

bench: $(STAMP)
	$(BIN)/python -m congdoan.bench

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
