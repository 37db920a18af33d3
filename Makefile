# Hanoi Convention Archive. `make help` lists the targets.
# Every target sets up what it needs: a fresh clone needs only `make serve` or `make test`.

# Values given on the command line (TITLE=, PORT=, PYTHON=...) are data, never code. make would expand a
# `$(shell ...)` in one wherever it is used, even when it only exports it (it exports command-line values
# by default), and a shell would then read it. So none is exported as given, none is spliced into a recipe:
# each input reaches Python untouched as the environment variable ARCHIVE_<NAME>, from `$(value NAME)`,
# and Python validates it (tools/make_inputs.py; docs/security.md).
# Only these names may be given on the command line; any other (PYTHONUTF8=, ARCHIVE_TITLE=, SHELL=, VENV=...)
# would replace a name the Makefile itself uses or exports, and make would expand its value as code.
override INPUTS := TITLE KEY SRC DATE SLUG NOTE DEST PUBLISHER SOURCE_URL LANG PORT N REPEAT PYTHON FORCE DIFF_BASE \
	TRANSLATED_FROM TRANSLATED_BY
override REFUSED := $(strip $(foreach name,$(.VARIABLES),$(if $(filter command line,$(origin $(name))),$(if \
	$(filter-out $(INPUTS),$(name)),$(name)))))
$(if $(REFUSED),$(error $(firstword $(REFUSED))= cannot be given on make's command line: make would read its \
	value as code. The values make takes are $(INPUTS); set others, such as ARCHIVE_CONTENT, in the environment))
unexport $(foreach name,$(.VARIABLES),$(if $(filter command line,$(origin $(name))),$(name)))
export PYTHONUTF8 := 1

# The Makefile's own names: a command-line value cannot replace them.
override VENV       := .venv
override BIN        := $(VENV)/bin
override PY         := $(BIN)/python
override RUNTIME    := $(VENV)/.runtime-installed
override DEV        := $(VENV)/.dev-installed
override BENCH_VENV := .venv-bench
override BENCH      := $(BENCH_VENV)/.bench-installed
override BYTECODE   := $(VENV)/.bytecode-compiled
override CODE       := $(wildcard plugins/*.py plugins/*/*.py plugins/*/*/*.py tools/*.py tools/*/*.py)

# The Python that makes the virtualenvs: PYTHON=..., run as one program name (`"$$ARCHIVE_PYTHON"`).
export ARCHIVE_PYTHON = $(if $(value PYTHON),$(value PYTHON),python3)

.DEFAULT_GOAL := help
.PHONY: help serve html publish devserver check test fuzz lint messages clean import new docs bench diff

# PORT (ARCHIVE_PORT, validated by tools/make_inputs.py and pelican.conf.py) goes into the site's absolute
# URLs. Only for what serves or builds a site to serve: a PORT in the shell's environment does not change
# what `make test` expects.
serve html devserver diff: export ARCHIVE_PORT = $(value PORT)

help: ## List the targets
	@echo 'make <target>, as README.md ("Other commands") describes each; to add an article, see CONTRIBUTING.md:'
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(PY):
	"$$ARCHIVE_PYTHON" -m venv $(VENV)

$(RUNTIME): requirements.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

# The project's own modules compiled once, as pip compiles the packages it installs: where
# PYTHONDONTWRITEBYTECODE is set (containers, CI), Python would otherwise compile them again in every run
# (docs/performance.md). Only the files changed since are compiled again; a file that does not compile is told by
# the command that imports it.
$(BYTECODE): $(CODE) | $(RUNTIME)
	$(PY) -m compileall -qq -x /tests/ plugins tools || true
	@touch $@

$(DEV): requirements-dev.txt requirements.txt $(RUNTIME)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	tools/apt-install.sh chromium chromium 'the browser tests'
	tools/apt-install.sh java default-jre-headless 'the W3C Nu HTML checker'
	@touch $@

serve: html ## Build the site and serve it on http://127.0.0.1:8000 as a static host would (PORT=... to change)
	$(PY) -m tools.serve

html: $(RUNTIME) $(BYTECODE) ## Check and build the site into output/ (non-zero exit on any content error)
	$(PY) -m tools.build

publish: $(RUNTIME) $(BYTECODE) ## Check and build the production site (publish.conf.py): absolute URLs from SITEURL=https://... in the environment
	$(PY) -m tools.build --settings publish.conf.py

devserver: $(RUNTIME) $(BYTECODE) ## Serve on http://127.0.0.1:8000, rebuild on every change to content/, theme/, plugins/ or the settings, and reload the open page (PORT=...)
	$(PY) -m tools.devserver

diff: export ARCHIVE_DIFF_BASE = $(value DIFF_BASE)
diff: $(RUNTIME) $(BYTECODE) ## Build the base (DIFF_BASE=..., default main) and this change; list the pages added, removed, changed
	$(PY) -m tools.diff

check: $(RUNTIME) $(BYTECODE) ## Validate all content without building; problems as path:line: field: message (hint)
	$(PY) -m tools.check

test: $(DEV) $(BYTECODE) ## Install what the tests need and run the whole suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(PY) -m pytest

fuzz: $(DEV) ## Fuzz the reader and the importer with new random examples (make test repeats the same ones)
	$(PY) -m pytest tests/test_fuzz_reader.py tests/test_fuzz_importer.py --hypothesis-profile=explore

lint: $(DEV) ## Run ruff on the code (make test runs it too, with its format check)
	$(BIN)/ruff check .

messages: $(RUNTIME) ## Extract UI strings from the templates into both catalogs
	$(BIN)/pybabel extract -F babel.cfg -o theme/translations/messages.pot --no-location --omit-header --sort-output .
	$(BIN)/pybabel update -i theme/translations/messages.pot -d theme/translations --no-wrap --no-fuzzy-matching --ignore-pot-creation-date

# LANG counts only when given on the command line: the shell's LANG is a locale (C.UTF-8), not a language.
import new: export ARCHIVE_LANG = $(if $(filter command line,$(origin LANG)),$(value LANG))
import new: export ARCHIVE_TITLE = $(value TITLE)
import new: export ARCHIVE_DATE = $(value DATE)
import new: export ARCHIVE_KEY = $(value KEY)
import: export ARCHIVE_SRC = $(value SRC)
import: export ARCHIVE_DEST = $(value DEST)
import new: export ARCHIVE_SOURCE_URL = $(value SOURCE_URL)
import new: export ARCHIVE_PUBLISHER = $(value PUBLISHER)
import new: export ARCHIVE_SLUG = $(value SLUG)
import: export ARCHIVE_NOTE = $(value NOTE)
import: export ARCHIVE_FORCE = $(value FORCE)
import: export ARCHIVE_TRANSLATED_FROM = $(value TRANSLATED_FROM)
import: export ARCHIVE_TRANSLATED_BY = $(value TRANSLATED_BY)

import: $(RUNTIME) ## Turn a raw source article (text or saved HTML page) into a content file: SRC=file [DATE= TITLE= LANG= SOURCE_URL= PUBLISHER= KEY= SLUG= NOTE= DEST= FORCE=1 TRANSLATED_FROM=de TRANSLATED_BY=...]
	$(if $(value SRC),,$(error give the source file: make import SRC=path/to/article.txt))
	@$(PY) -m tools.importer

new: $(RUNTIME) ## Scaffold an article: make new TITLE="..." LANG=pl|en [DATE=YYYY-MM-DD] [KEY=translation_key] [SLUG=slug] [SOURCE_URL=... PUBLISHER=...]; its version in the other language: make new LANG=en|pl KEY=<the original's translation_key> [TITLE="..."]
	$(PY) -m tools.new_article

docs: $(RUNTIME) ## Regenerate the front-matter and names.yaml references in CONTRIBUTING.md and their JSON Schemas in docs/
	$(PY) -m tools.docs

$(BENCH): requirements-bench.txt requirements.txt
	"$$ARCHIVE_PYTHON" -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	tools/apt-install.sh chromium chromium "the benchmark's first-search probe"
	@touch $@

bench: export ARCHIVE_N = $(value N)
bench: export ARCHIVE_REPEAT = $(value REPEAT)
bench: $(RUNTIME) $(BENCH) $(BYTECODE) ## Benchmark make html against stock Pelican + Pagefind (N="500 1000 5000" pairs, N=500 is quick; REPEAT=3)
	$(BENCH_VENV)/bin/python -m tools.bench.run --ours-python $(PY)

clean: ## Remove the built site and caches (not the virtualenv)
	rm -rf output .output.* .cache .pytest_cache
