# Two commands do everything on a fresh machine with Python 3.11 and make:
#   make book   set up .venv and build the HTML book into _build/html
#   make test   set up .venv, build, and run every test
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Pinned tools of the quality gates (axe-core, the Nu Html Checker): package-lock.json.
NODE_STAMP := node_modules/.installed

# Progress shows as it happens, also when the output goes to a file or a CI log.
export PYTHONUNBUFFERED := 1

.PHONY: book test serve clean clean-cache bench lock pdf dist

# The venv is rebuilt whenever the pinned versions or the package metadata change.
$(STAMP): requirements/constraints.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e '.[book,test]'
	touch $(STAMP)

book: $(STAMP)
	$(BIN)/python -m belarus_book build .

# --ignore-scripts: vnu-jar ships its jar; its install script would download a Java runtime
# (the tests use the system's java instead).
# Without npm (a developer machine) the gates that need these tools skip and say why;
# in CI (.ci/run installs npm) they must run.
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --ignore-scripts --no-audit --no-fund && touch $(NODE_STAMP); \
	else \
	  echo "npm not found: the accessibility and HTML-validity tests will skip (apt-get install npm)"; \
	fi

# Print edition: one PDF per chapter and the whole book, into _build/pdf, offered in
# _build/html/_pdf (every later build keeps them while their pages are unchanged).
# Fails without Chromium.
pdf: book
	$(BIN)/python -m belarus_book pdf .

# Release archive: dist/belarus-book-<version>.zip (site, data package, and the PDFs that
# `make pdf` printed from these same pages).
dist: book
	$(BIN)/python -m belarus_book dist .

# As `make pdf`, but a machine without Chromium says so and runs the other tests (in CI,
# where .ci/run installs Chromium, it fails instead).
test: book $(NODE_STAMP)
	$(BIN)/python -m belarus_book pdf --if-chromium .
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

serve: book
	@echo "Preview at http://127.0.0.1:8000/ (Ctrl-C stops it)"
	$(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory _build/html

bench: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m belarus_book bench .

# Remove _build/, the site last; if any of it cannot be removed, nothing is. These two need
# only the standard library, so they run before .venv exists too.
CLEAN := PYTHONPATH=src $(PYTHON) -m belarus_book
clean:
	$(CLEAN) clean .

# Remove the execution cache only (a damaged cache: the build says so); the site stays.
clean-cache:
	$(CLEAN) clean-cache .

# Re-pin every package after a change to pyproject.toml's dependencies.
lock:
	rm -rf /tmp/belarus-book-lock
	$(PYTHON) -m venv /tmp/belarus-book-lock
	/tmp/belarus-book-lock/bin/python -m pip install --quiet '.[book,test]'
	{ echo "# Exact versions of every package in the book's environment (Python 3.11)."; \
	  echo "# Regenerate with \`make lock\` after changing pyproject.toml; commit the result."; \
	  /tmp/belarus-book-lock/bin/python -m pip freeze --exclude-editable | grep -v '^belarus-book'; } > requirements/constraints.txt
