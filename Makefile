# Two commands do all set-up on a fresh machine: `make run` and `make test`.
# They create .venv, install the pinned Python packages and the npm stand-ins themselves.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
export PIP_DISABLE_PIP_VERSION_CHECK=1
export TIKTOKEN_CACHE_DIR ?= $(CURDIR)/.cache/tiktoken

.PHONY: help install test lint typecheck pytest run bench lock clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python requirements.txt requirements-dev.txt constraints.txt pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -r requirements.txt -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(STAMP) $(NODE_STAMP)  ## create .venv and install Python and npm packages

lint: $(STAMP)  ## ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)  ## mypy
	$(BIN)/mypy

pytest: install  ## the test suite
	$(BIN)/pytest

test: install lint typecheck pytest  ## everything CI runs: ruff, mypy, pytest

run: install  ## run the main job locally on embedded defaults
	$(BIN)/triage run

bench: install  ## print the benchmark figures
	$(BIN)/python -m bench

lock:  ## re-pin constraints.txt from a fresh resolve
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet -r requirements.txt -r requirements-dev.txt
	( echo "# Exact versions tested (pip freeze). Regenerate with \`make lock\`."; \
	  .venv-lock/bin/pip freeze --exclude-editable ) > constraints.txt
	rm -rf .venv-lock

clean:  ## remove local state (not the virtualenv)
	rm -rf .localdata .cache .pytest_cache .mypy_cache .ruff_cache
