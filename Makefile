# Hanoi Convention Archive. `make help` lists the targets.
# Every target sets up what it needs: a fresh clone needs only `make serve` or `make test`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
PORT   ?= 8000

RUNTIME := $(VENV)/.runtime-installed
DEV     := $(VENV)/.dev-installed
BENCH_VENV := .venv-bench
BENCH      := $(BENCH_VENV)/.bench-installed
N       ?= 500 5000
REPEAT  ?= 1

.DEFAULT_GOAL := help
.PHONY: help serve html publish devserver check test lint messages clean import new docs bench diff

# PORT reaches Python through the environment, never spliced into a recipe: tools/serve.py checks that it
# is a port, pelican.conf.py puts it into the site's absolute URLs. Only for what serves or builds a site to
# serve (a PORT in the shell's environment must not change what `make test` expects).
serve html devserver diff: export ARCHIVE_PORT = $(PORT)

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(PY):
	$(PYTHON) -m venv $(VENV)

$(RUNTIME): requirements.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(DEV): requirements-dev.txt requirements.txt $(RUNTIME)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	tools/apt-install.sh chromium chromium 'the browser tests'
	tools/apt-install.sh java default-jre-headless 'the W3C Nu HTML checker'
	@touch $@

serve: html ## Build the site and serve it on http://127.0.0.1:8000 as a static host would (PORT=... to change)
	$(PY) -m tools.serve

html: $(RUNTIME) ## Check and build the site into output/ (non-zero exit on any content error)
	$(PY) -m tools.check
	$(PY) -m tools.build

publish: $(RUNTIME) ## Build the production site (publish.conf.py: absolute URLs, feeds)
	$(PY) -m tools.check
	$(PY) -m tools.build --settings publish.conf.py

devserver: $(RUNTIME) ## Serve, rebuild on every change to content/, theme/, plugins/, reload the open page
	$(PY) -m tools.devserver

diff: $(RUNTIME) ## Build the base (DIFF_BASE=..., default main) and this change; list the pages added, removed, changed
	$(PY) -m tools.diff

check: $(RUNTIME) ## Validate all content without building
	$(PY) -m tools.check

test: $(DEV) ## Install what the tests need and run the whole suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(PY) -m pytest

lint: $(DEV) ## Ruff
	$(BIN)/ruff check .

messages: $(RUNTIME) ## Extract UI strings from the templates into both catalogs
	$(BIN)/pybabel extract -F babel.cfg -o theme/translations/messages.pot --no-location --omit-header --sort-output .
	$(BIN)/pybabel update -i theme/translations/messages.pot -d theme/translations --no-wrap --no-fuzzy-matching --ignore-pot-creation-date

# LANG counts only when given on the command line: the shell's LANG is a locale (C.UTF-8), not a language.
ARTICLE_LANG = $(if $(filter command line,$(origin LANG)),$(LANG))
shell-quote = '$(subst ','\'',$(1))'
optional = $(if $(2),$(1) $(call shell-quote,$(2)))

import: $(RUNTIME) ## Import a raw article: SRC=file [DATE= TITLE= LANG= SOURCE_URL= KEY= SLUG= NOTE= DEST= FORCE=1]
	$(if $(SRC),,$(error give the source file: make import SRC=path/to/article.txt))
	@$(PY) -m tools.importer $(call shell-quote,$(SRC)) $(call optional,--dest,$(DEST)) $(call optional,--date,$(DATE)) \
	  $(call optional,--title,$(TITLE)) $(call optional,--source-url,$(SOURCE_URL)) \
	  $(call optional,--publisher,$(PUBLISHER)) $(call optional,--key,$(KEY)) $(call optional,--slug,$(SLUG)) \
	  $(call optional,--note,$(NOTE)) $(call optional,--lang,$(ARTICLE_LANG)) $(if $(FORCE),--force)

new: $(RUNTIME) ## Scaffold an article: make new TITLE="..." LANG=pl|en [DATE=YYYY-MM-DD] [KEY=translation_key]
	PYTHONUTF8=1 $(PY) -m tools.new_article --title $(call shell-quote,$(TITLE)) --lang $(call shell-quote,$(ARTICLE_LANG)) \
		--date $(call shell-quote,$(DATE)) --key $(call shell-quote,$(KEY))

docs: $(RUNTIME) ## Regenerate the front-matter reference in CONTRIBUTING.md and docs/front-matter.schema.json
	$(PY) -m tools.docs

$(BENCH): requirements-bench.txt requirements.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	tools/apt-install.sh chromium chromium "the benchmark's first-search probe"
	@touch $@

bench: $(RUNTIME) $(BENCH) ## Benchmark against stock Pelican + Pagefind (N="500 5000" pairs, N=500 is quick; REPEAT=3)
	$(BENCH_VENV)/bin/python -m tools.bench.run --pairs $(N) --repeat $(REPEAT) --ours-python $(PY)

clean: ## Remove the built site and caches (not the virtualenv)
	rm -rf output .output.* .cache .pytest_cache
