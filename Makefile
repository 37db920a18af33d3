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

# The values each target takes, as `make help` shows them (PYTHON=, for every target that makes the virtualenv, in
# its first line). A value no goal takes is refused, never ignored: `make check FORCE=1` would seem to have done
# something. A goal that is one of the Makefile's files (.venv/bin/python) takes any. Checked in the make the
# contributor ran only: a make that a recipe runs (`make bench`'s `make html`) is handed its values in MAKEFLAGS.
override TAKES_help      :=
override TAKES_clean     :=
override TAKES_serve     := PORT FORCE PYTHON
override TAKES_html      := PORT FORCE PYTHON
override TAKES_publish   := FORCE PYTHON
override TAKES_devserver := PORT PYTHON
override TAKES_diff      := DIFF_BASE PORT PYTHON
override TAKES_check     := PYTHON
override TAKES_test      := PYTHON
override TAKES_fuzz      := PYTHON
override TAKES_lint      := PYTHON
override TAKES_messages  := PYTHON
override TAKES_docs      := PYTHON
override TAKES_bench     := N REPEAT PYTHON
override TAKES_new       := TITLE LANG DATE KEY SLUG SOURCE_URL PUBLISHER PYTHON
override TAKES_import    := SRC DATE TITLE LANG SOURCE_URL PUBLISHER KEY SLUG NOTE DEST FORCE TRANSLATED_FROM \
	TRANSLATED_BY PYTHON
override TARGETS := $(patsubst TAKES_%,%,$(filter TAKES_%,$(.VARIABLES)))
override GOALS   := $(or $(MAKECMDGOALS),help)
override TAKEN   := $(foreach goal,$(GOALS),$(if $(filter $(goal),$(TARGETS)),$(TAKES_$(goal)),$(INPUTS)))
override UNTAKEN := $(if $(filter 0,$(MAKELEVEL)),$(filter-out $(TAKEN),$(foreach name,$(INPUTS),$(if $(filter command line,$(origin $(name))),$(name)))))
$(if $(UNTAKEN),$(error $(firstword $(UNTAKEN))= is not a value of make $(GOALS), which would ignore it; it takes \
	$(if $(strip $(TAKEN)),$(patsubst %,%=,$(sort $(TAKEN))),none). `make help` shows what each target takes))
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

# The Python that makes the virtualenvs: PYTHON=..., run as one program name (`"$$ARCHIVE_PYTHON"`). Before it makes
# one, it must run and be 3.11 or later, else make stops with one line naming PYTHON= (the value is not quoted: the
# contributor typed it, and no Python runs yet to show it safely).
export ARCHIVE_PYTHON = $(if $(value PYTHON),$(value PYTHON),python3)
override PYTHON_OK := test "$$("$$ARCHIVE_PYTHON" -c 'import sys; print(sys.version_info >= (3, 11))' 2>/dev/null)" = True \
	|| { echo "make: PYTHON= (default python3) names no Python 3.11 or later that runs here; give the name or path of one, as PYTHON=python3.12" >&2; exit 1; }

.DEFAULT_GOAL := help
.PHONY: help serve html publish devserver check test fuzz lint messages clean import new docs bench diff

# PORT (ARCHIVE_PORT, validated by tools/make_inputs.py and pelican.conf.py) goes into the site's absolute
# URLs. Only for what serves or builds a site to serve: a PORT in the shell's environment does not change
# what `make test` expects.
serve html devserver diff: export ARCHIVE_PORT = $(value PORT)
# FORCE=1 builds even when no input changed (tools/build.py; a yes or no, validated there), and lets make import
# replace a file. Only as typed on the command line, as LANG: make reads the environment's FORCE as one given, and an
# `export FORCE=1` meant for builds would have a later `make import` replace an edited article.
html publish: export ARCHIVE_FORCE = $(if $(filter command line,$(origin FORCE)),$(value FORCE))

help: ## List the targets
	@echo 'make <target>, as README.md ("Other commands") describes each; to add an article, see CONTRIBUTING.md.'
	@echo 'Each target but help and clean makes .venv first, with PYTHON=... (default python3, 3.11 or later):'
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(PY):
	@$(PYTHON_OK)
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

serve: html ## Build the site (as make html: FORCE=1 builds it even when no input changed) and serve it on http://127.0.0.1:8000 as a static host would (PORT=... to change)
	$(PY) -m tools.serve

html: $(RUNTIME) $(BYTECODE) ## Check and build the site into output/ (non-zero exit on any content error); left as it is when no input changed (FORCE=1 builds anyway; PORT=... as make serve's)
	$(PY) -m tools.build

publish: $(RUNTIME) $(BYTECODE) ## Check and build the production site (publish.conf.py): absolute URLs from SITEURL=https://... in the environment [FORCE=1]
	$(PY) -m tools.build --settings publish.conf.py

devserver: $(RUNTIME) $(BYTECODE) ## Serve on http://127.0.0.1:8000, rebuild on every change to content/, theme/, plugins/ or the settings, and reload the open page (PORT=...)
	$(PY) -m tools.devserver

diff: export ARCHIVE_DIFF_BASE = $(value DIFF_BASE)
diff: $(RUNTIME) $(BYTECODE) ## Build the base (DIFF_BASE=..., default main) and this change; list the pages added, removed, changed (PORT=... in their addresses)
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

# What goes into an article counts only when typed on make's command line: the shell's LANG is a locale (C.UTF-8),
# not a language, and a TITLE, PUBLISHER or FORCE exported for an earlier command must not reach a new file.
override typed = $(if $(filter command line,$(origin $(1))),$(value $(1)))
import new: export ARCHIVE_LANG = $(call typed,LANG)
import new: export ARCHIVE_TITLE = $(call typed,TITLE)
import new: export ARCHIVE_DATE = $(call typed,DATE)
import new: export ARCHIVE_KEY = $(call typed,KEY)
import: export ARCHIVE_SRC = $(call typed,SRC)
import: export ARCHIVE_DEST = $(call typed,DEST)
import new: export ARCHIVE_SOURCE_URL = $(call typed,SOURCE_URL)
import new: export ARCHIVE_PUBLISHER = $(call typed,PUBLISHER)
import new: export ARCHIVE_SLUG = $(call typed,SLUG)
import: export ARCHIVE_NOTE = $(call typed,NOTE)
import: export ARCHIVE_FORCE = $(call typed,FORCE)
import: export ARCHIVE_TRANSLATED_FROM = $(call typed,TRANSLATED_FROM)
import: export ARCHIVE_TRANSLATED_BY = $(call typed,TRANSLATED_BY)

import: $(RUNTIME) ## Turn a raw source article (text or saved HTML page) into a content file: SRC=file [DATE= TITLE= LANG= SOURCE_URL= PUBLISHER= KEY= SLUG= NOTE= DEST= FORCE=1 TRANSLATED_FROM=de TRANSLATED_BY=...]
	$(if $(call typed,SRC),,$(error give the source file: make import SRC=path/to/article.txt))
	@$(PY) -m tools.importer

new: $(RUNTIME) ## Scaffold an article: make new TITLE="..." LANG=pl|en [DATE=YYYY-MM-DD] [KEY=translation_key] [SLUG=slug] [SOURCE_URL=... PUBLISHER=...]; its version in the other language: make new LANG=en|pl KEY=<the original's translation_key> [TITLE="..."]
	$(PY) -m tools.new_article

docs: $(RUNTIME) ## Regenerate the front-matter and names.yaml references in CONTRIBUTING.md and their JSON Schemas in docs/
	$(PY) -m tools.docs

# N= and REPEAT= are checked before the long install (by the project's .venv: `make bench`'s first prerequisite).
$(BENCH): requirements-bench.txt requirements.txt | $(RUNTIME)
	@$(PY) -m tools.bench.run --inputs-only
	@$(PYTHON_OK)
	"$$ARCHIVE_PYTHON" -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	tools/apt-install.sh chromium chromium "the benchmark's first-search probe"
	@touch $@

bench: export ARCHIVE_N = $(value N)
bench: export ARCHIVE_REPEAT = $(value REPEAT)
bench: $(RUNTIME) $(BENCH) $(BYTECODE) ## Benchmark make html against stock Pelican + Pagefind (N="500 1000 5000" pairs, N=500 is quick; REPEAT=3)
	$(BENCH_VENV)/bin/python -m tools.bench.run --ours-python $(PY)

clean: ## Remove all the commands made but the virtualenvs and bytecode: output/, .output.* (a killed build's), .cache/ (content cache, build records, bench, diff), .pytest_cache/, .ruff_cache/, .hypothesis/
	rm -rf output .output.* .cache .pytest_cache .ruff_cache .hypothesis
