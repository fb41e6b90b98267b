# QA Desktop. `make run` starts the app, `make test` runs every check; both set up first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test lint typecheck contracts pytest fast forms translations bench clean

$(STAMP): pyproject.toml .ci/debian-packages
	.ci/install-debian-packages
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/qa-desktop

test: $(STAMP) lint typecheck contracts pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check qa_desktop tests benchmarks

typecheck: $(STAMP)
	$(VENV)/bin/mypy

contracts: $(STAMP)
	$(VENV)/bin/lint-imports

pytest: $(STAMP)
	$(VENV)/bin/pytest -q

# Unit tests only: no databases, no Qt.
fast: $(STAMP)
	$(VENV)/bin/pytest -q tests/unit

# Regenerate the Python modules compiled from forms/*.ui (committed; a test checks they are fresh).
forms: $(STAMP)
	$(PY) -m qa_desktop.ui.forms.compile

# Refresh the translation sources and compile them (resources/translations).
translations: $(STAMP)
	$(PY) -m qa_desktop.ui.i18n_build

bench: $(STAMP)
	$(PY) -m benchmarks.run_all

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache
