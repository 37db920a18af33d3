"""Search for any Pelican site with Pagefind: the index at the end of every build, letters Pagefind cannot fold folded.

Settings (all optional; see README.md): SEARCH_INDEX, SEARCH_FOLDING,
SEARCH_PAGES, SEARCH_PAGE_TEMPLATE, SEARCH_EXCLUDE_SELECTORS,
SEARCH_INDEX_TIMEOUT. They are checked when Pelican starts
(`settings.search_settings`).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from .indexing import build_search_index
from .rendering import also_folded, with_folded_terms
from .settings import search_settings

logger = logging.getLogger(__name__)


class SearchPageGenerator(Generator):
    """Writes the search page of each language in SEARCH_PAGES, with the theme's SEARCH_PAGE_TEMPLATE."""

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer) -> None:
        search = search_settings(self.settings)
        for lang, url in search.pages.items():
            writer.write_file(
                f"{url}index.html" if url.endswith("/") else url,
                self.get_template(search.page_template),
                self.context,
                url=url,
                page_lang=lang,
                search_pages=search.pages,
                relative_urls=self.settings["RELATIVE_URLS"],
            )


def check_settings(pelican) -> None:
    search_settings(pelican.settings)  # a wrong value stops the build here, before anything is read


def add_template_helpers(generator) -> None:
    search = search_settings(generator.settings)
    generator.env.globals["search_url"] = search.page_url
    generator.env.filters["search_folding"] = with_folded_terms if search.folding == "template" else _unchanged
    generator.env.filters["search_also_folded"] = also_folded if search.folding != "off" else _unchanged


def _unchanged(html):
    return html


def index_site(pelican) -> None:
    search = search_settings(pelican.settings)
    if not search.index:  # a build whose pages are read, not searched
        return
    started = time.perf_counter()
    report = build_search_index(
        Path(pelican.output_path),
        exclude_selectors=search.exclude_selectors,
        folding=search.folding,
        timeout=search.index_timeout,
    )
    languages = ", ".join(f"{lang}: {count}" for lang, count in sorted(report.pages_by_lang.items()))
    logger.info("search: indexed %d pages (%s) in %.1f s", report.pages, languages, time.perf_counter() - started)


def get_generators(pelican) -> type[Generator] | None:
    return SearchPageGenerator if search_settings(pelican.settings).pages else None


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.generator_init.connect(add_template_helpers)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(index_site)
