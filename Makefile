# Two commands do all set-up on a fresh machine: `make run` and `make test`.
# They create .venv, install the pinned Python packages and the npm stand-ins themselves.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
INFRA_STAMP := .venv-infra/.installed
export PIP_DISABLE_PIP_VERSION_CHECK=1
export TIKTOKEN_CACHE_DIR ?= $(CURDIR)/.cache/tiktoken

.PHONY: help install system-tools test lint typecheck pytest run serve bench lock clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python requirements.in requirements.txt requirements-dev.txt constraints.txt pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -r requirements.txt -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# checkov pins many packages of its own, so it gets a virtualenv of its own.
$(INFRA_STAMP): infra/check-requirements.txt
	$(PYTHON) -m venv .venv-infra
	.venv-infra/bin/python -m pip install --quiet -r infra/check-requirements.txt
	touch $@

# Debian tools some tests use: shellcheck (deploy.sh) and chromium (the inbox screenshot).
# Best effort: without them those tests skip and say why.
system-tools:
	@missing=""; \
	command -v shellcheck >/dev/null || missing="$$missing shellcheck"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing with apt-get"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null) \
	    || echo "could not install$$missing; the tests that need them will skip"; \
	fi

install: $(STAMP) $(NODE_STAMP) $(INFRA_STAMP) system-tools  ## create .venv and install Python, npm and Debian tools

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

# The ledger and the emulator's inbox in .localdata are resumed together, so after `make
# run` this posts nothing new and the inbox page shows the drafts `make run` wrote.
serve: install  ## run, then keep the inbox page up with this and earlier runs' drafts (Ctrl-C ends)
	$(BIN)/triage run --serve

bench: install  ## print the benchmark figures
	$(BIN)/python -m bench

# One resolve of requirements.in (runtime ranges) with requirements-dev.txt: every version
# goes to constraints.txt (what `make install` and the tests use), and the runtime closure
# of requirements.in, at those same versions, to requirements.txt (what the Functions
# remote build installs). tests/test_package_pins.py fails when the two drift apart.
lock:  ## re-resolve: constraints.txt (everything tested) and requirements.txt (deployed pins)
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet -r requirements.in -r requirements-dev.txt
	( echo "# Exact versions tested (pip freeze). Regenerate with \`make lock\`."; \
	  .venv-lock/bin/pip freeze --exclude-editable ) > constraints.txt
	.venv-lock/bin/python infra/pin_runtime.py requirements.in constraints.txt > requirements.txt.new
	mv requirements.txt.new requirements.txt
	rm -rf .venv-lock

clean:  ## remove local state: the ledger, the emulator's inbox, Qdrant, caches (not .venv)
	rm -rf .localdata .cache .pytest_cache .mypy_cache .ruff_cache
