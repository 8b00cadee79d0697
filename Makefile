# Two commands do all set-up on a fresh Debian machine with Python 3.11:
#   make run    installs, creates a SQLite database with demo data, serves it
#   make test   installs, then runs the whole test suite on SQLite and on PostgreSQL
# Everything else here is a step those two take.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 5000
HOST   ?= 127.0.0.1
export FEEDBACK_ENV ?= development
export PUBLIC_BASE_URL ?= http://$(HOST):$(PORT)
# The PostgreSQL database the suite also runs against (README: "Tests").
TEST_POSTGRES_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian packages: WeasyPrint's pango, Chromium for browser tests, poppler for PDF checks.
DEBIAN_RUN  := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fontconfig
DEBIAN_TEST := chromium poppler-utils

.PHONY: run test install system-deps system-deps-test translations messages language fonts lint clean

run: install
	$(BIN)/feedback-app init-db
	$(BIN)/feedback-app seed-demo --if-empty
	@echo
	@echo "  IRO feedback platform: http://$(HOST):$(PORT)/staff/login"
	@echo "  Demo sign-in: manager@demo.invalid / demo-password-2024 (see README)"
	@echo
	$(BIN)/flask --app feedback_app run --host $(HOST) --port $(PORT)

test: install system-deps-test
	$(BIN)/ruff check .
	$(BIN)/feedback-app instruments validate
	$(BIN)/python -m pytest -n 2
	TEST_DATABASE_URL=$(TEST_POSTGRES_URL) $(BIN)/python -m pytest -n 2 -m "not browser"

install: system-deps $(VENV)/.installed translations

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

# Interface text (docs/I18N.md). Compiled catalogues (.mo) are built here, never committed;
# fuzzy entries are left out because an unchecked guess must never reach a respondent.
TRANSLATIONS := feedback_app/translations
BABEL_FLAGS  := --no-wrap

translations: $(VENV)/.installed
	@if ls $(TRANSLATIONS)/*/LC_MESSAGES/messages.po >/dev/null 2>&1; then \
		$(BIN)/pybabel -q compile -d $(TRANSLATIONS); fi

# Re-extract every marked string into messages.pot and merge it into each catalogue;
# then translate the new (empty) or changed (fuzzy) entries and run `make translations`.
messages: $(VENV)/.installed
	$(BIN)/pybabel -q extract -F feedback_app/babel.cfg -k _l -k lazy_gettext \
		--add-comments=Translators: --project="IRO feedback platform" $(BABEL_FLAGS) \
		-o $(TRANSLATIONS)/messages.pot .
	@if ls $(TRANSLATIONS)/*/LC_MESSAGES/messages.po >/dev/null 2>&1; then \
		$(BIN)/pybabel -q update -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) \
			--ignore-obsolete --previous $(BABEL_FLAGS); fi

# Start the catalogue of a new language: make language LOCALE=so (the `locale` in languages.yaml).
language: $(VENV)/.installed
	@test -n "$(LOCALE)" || { echo "usage: make language LOCALE=xx"; exit 2; }
	$(BIN)/pybabel init -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) -l $(LOCALE) $(BABEL_FLAGS)

# Rebuild the subset web and PDF fonts in static/fonts/ from the Debian Noto fonts.
fonts: $(VENV)/.installed
	$(BIN)/python bench/build_fonts.py

system-deps:
	@missing=$$(for p in $(DEBIAN_RUN); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages: $$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

system-deps-test:
	@missing=$$(for p in $(DEBIAN_TEST); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages: $$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache
