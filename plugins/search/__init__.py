"""Search with Pagefind: search pages per language, facets on articles, the index at the end of every build."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from archive_core.locales import LANGUAGES
from archive_core.urls import save_as, section_url
from bilingual.pairing import Alternate, LanguageLink

from .facets import article_facets
from .indexing import build_search_index
from .rendering import with_folded_terms

logger = logging.getLogger(__name__)


def search_url(lang: str) -> str:
    """`pl/szukaj/`, `en/search/`."""
    return section_url("search", lang)


class SearchPageGenerator(Generator):
    """Writes `/pl/szukaj/` and `/en/search/`."""

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer) -> None:
        siteurl = self.settings["SITEURL"]
        default_lang = self.settings["DEFAULT_LANG"]
        alternates = [Alternate(lang, f"{siteurl}/{search_url(lang)}") for lang in LANGUAGES]
        alternates.append(Alternate("x-default", f"{siteurl}/{search_url(default_lang)}"))
        for lang in LANGUAGES:
            writer.write_file(
                save_as(search_url(lang)),
                self.get_template("search"),
                self.context,
                url=search_url(lang),
                page_lang=lang,
                alternates=alternates,
                language_links=[LanguageLink(other, search_url(other), True) for other in LANGUAGES if other != lang],
                relative_urls=self.settings["RELATIVE_URLS"],
            )


def add_template_globals(generator) -> None:
    generator.env.globals["search_url"] = search_url
    generator.env.filters["search_folding"] = with_folded_terms


def add_article_facets(generator) -> None:
    for article in generator.articles:
        article.search = article_facets(article)


def index_site(pelican) -> None:
    if not pelican.settings.get("SEARCH_INDEX", True):  # a build whose pages are read, not searched
        return
    started = time.perf_counter()
    report = build_search_index(Path(pelican.output_path), timeout=pelican.settings.get("SEARCH_INDEX_TIMEOUT"))
    languages = ", ".join(f"{lang}: {count}" for lang, count in sorted(report.pages_by_lang.items()))
    logger.info("search: indexed %d pages (%s) in %.1f s", report.pages, languages, time.perf_counter() - started)


def get_generators(pelican) -> type[Generator]:
    return SearchPageGenerator


def register() -> None:
    signals.generator_init.connect(add_template_globals)
    signals.article_generator_finalized.connect(add_article_facets)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(index_site)
