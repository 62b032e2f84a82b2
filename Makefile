# Two commands do all set-up on a fresh machine:
#   make digest   run presssum on samples/ (installs first)
#   make test     install, then format check, lint, type check, layering contracts and the test suite (.ci/run calls this)
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: setup digest test bench

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

digest: setup
	$(VENV)/bin/presssum digest samples/

test: setup
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache  # pyproject.toml's [tool.importlinter]: layers, no cycle
	# one torch thread per test worker: the workers already fill every core
	OMP_NUM_THREADS=1 $(VENV)/bin/pytest -n auto --dist loadgroup

bench: setup
	$(PY) bench/run.py
