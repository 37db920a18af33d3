"""Year pages: `/pl/2025/`, `/en/2025/`, every article of the year by month, paginated; the years for the home page."""

from __future__ import annotations

import sys

from pelican import signals
from pelican.generators import Generator
from pelican.paginator import Paginator

from archive_core.derived import derived, front_matter
from archive_core.locales import LANGUAGES
from archive_core.output import write_page
from archive_core.urls import month_anchor, save_as, year_url
from archive_core.versions import versions

from .archive import YearPage, year_pages

TEMPLATE = "year"


def pages_of(settings: dict) -> int:
    """Articles a year page holds, as Pelican's writer paginates it (not at all unless "year" is paginated)."""
    templates = settings["PAGINATED_TEMPLATES"]
    if TEMPLATE not in templates:
        return sys.maxsize
    return templates[TEMPLATE] or settings["DEFAULT_PAGINATION"] or sys.maxsize


class YearPagesGenerator(Generator):
    """Writes each year's pages in each language; puts `archive_years` (per language) into the context."""

    def generate_context(self) -> None:
        articles = self.context.get("articles", [])
        per_page = pages_of(self.settings)

        def page_url(url: str, number: int) -> str:
            return Paginator(save_as(url), url, [None] * number, self.settings, 1).page(number).url

        self.pages: dict[str, list[YearPage]] = derived(
            self,
            "pages",
            front_matter(articles),
            lambda: {lang: year_pages(articles, lang, per_page, page_url) for lang in LANGUAGES},
        )
        # The home pages, the timeline and the article pages link to the years (they never import this plugin).
        self.context["archive_years"] = {lang: pages[0].years if pages else () for lang, pages in self.pages.items()}

    def generate_output(self, writer) -> None:
        default_lang = self.settings["DEFAULT_LANG"]
        for lang, pages in self.pages.items():
            for page in pages:
                page_versions = versions(
                    {other: year_url(page.year, other) for other in LANGUAGES}, original=default_lang
                )
                write_page(
                    self, writer, TEMPLATE, page.url, lang, page_versions, articles=page.articles, year_page=page
                )


def add_template_helpers(generator) -> None:
    generator.env.globals["year_url"] = year_url  # an article's date links to its year
    generator.env.globals["month_anchor"] = month_anchor  # a month's section on the year page


def get_generators(pelican) -> type[Generator]:
    return YearPagesGenerator


def register() -> None:
    signals.generator_init.connect(add_template_helpers)
    signals.get_generators.connect(get_generators)
