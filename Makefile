# Two entry points (see README): `make demo` and `make test`.
# Both create the environment in .venv with the Python 3.11 found on PATH.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test setup setup-dev bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

setup: $(BIN)/python
	$(BIN)/pip install --quiet -e .

setup-dev: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'

demo: setup
	$(BIN)/alliance analyze demo/session.txt
	$(BIN)/alliance analyze demo/session.txt --format html --out out/demo-report.html
	$(BIN)/alliance analyze demo/session.txt --format json --out out/demo-analysis.json
	@echo "Open out/demo-report.html in a browser."

test: setup-dev
	$(BIN)/python -m pytest

bench: setup-dev
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) out .pytest_cache
