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

# Translations: extract the messages from code and templates, merge them into the catalogues, then
# translate translations/fi/LC_MESSAGES/messages.po and desk.po. English is the source language, so
# the English catalogues are filled from the source texts. The client's messages (babel.cfg) go to
# every language; the coordinator's desk (babel-desk.cfg) speaks Finnish and English only.
EXTRACT := $(BIN)/pybabel -q extract -k _l --no-location --sort-output \
	--project=checklist --copyright-holder="The checklist authors"
DESK_LANGUAGES := fi en

translations-extract: $(VENV)/installed
	$(EXTRACT) -F babel.cfg -o translations/messages.pot .
	$(EXTRACT) -F babel-desk.cfg -o translations/desk.pot .

translations-update: translations-extract
	$(BIN)/pybabel -q update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete
	for lang in $(DESK_LANGUAGES); do \
		$(BIN)/pybabel -q update -i translations/desk.pot -d translations -D desk -l $$lang \
			--no-fuzzy-matching --ignore-obsolete || exit 1; \
	done
	$(BIN)/python -m checklist.english_catalogue translations/en/LC_MESSAGES/messages.po translations/en/LC_MESSAGES/desk.po

translations-compile: $(VENV)/installed
	$(BIN)/pybabel -q compile -d translations -D "messages desk"

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
