# Everything runs from the project's own virtual environment, created on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export FLASK_APP := checklist

.PHONY: run test setup db lint translations-extract translations-update translations-compile bench bench-statistics screenshots clean

run: setup
	$(BIN)/flask run --host 127.0.0.1 --port 5000

test: setup
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

setup: $(VENV)/installed translations-compile db

$(VENV)/installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

db: $(VENV)/installed
	$(BIN)/flask db upgrade
	$(BIN)/flask catalogue seed

# Translations: extract the messages from code and templates, merge them into both catalogues,
# then translate translations/fi/LC_MESSAGES/messages.po. English is the source language, so the
# English catalogue is filled from the source texts.
translations-extract: $(VENV)/installed
	$(BIN)/pybabel -q extract -F babel.cfg -k _l --no-location --sort-output \
		--project=checklist --copyright-holder="The checklist authors" -o translations/messages.pot .

translations-update: translations-extract
	$(BIN)/pybabel -q update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete
	$(BIN)/python -m checklist.english_catalogue translations/en/LC_MESSAGES/messages.po

translations-compile: $(VENV)/installed
	$(BIN)/pybabel -q compile -d translations

lint: $(VENV)/installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) instance translations/*/LC_MESSAGES/*.mo

# Throughput, latency, page weight, chart time and memory under gunicorn (needs wrk).
bench: setup
	$(BIN)/python tests/benchmarks/bench.py

# The coordinators' dashboard and exports over 100,000 statistics records (SQLite, and PostgreSQL
# when it is reachable).
bench-statistics: setup
	$(BIN)/python tests/benchmarks/statistics_bench.py

# The README's pictures, taken from the real app in Chromium (needs chromium and poppler-utils).
screenshots: setup
	$(BIN)/python tests/screenshots/make_screenshots.py
