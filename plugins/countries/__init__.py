"""Per-country pages, the country index with its world map, and country links on article pages."""

from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from archive_core.errors import BuildFailed
from archive_core.locales import LANGUAGES
from archive_core.urls import save_as

from .dataset import check_countries, load_country_data
from .timeline_events import events_by_country, load_dated_events
from .views import country_index, country_links, country_pages
from .worldmap import world_map

__all__ = ["check_countries", "register"]


def link_article_countries(generator) -> None:
    """Give every article `country_links`: its countries' pages in its language."""
    for article in generator.articles:
        article.country_links = country_links(article.archive.countries, article.lang)


class CountryPagesGenerator(Generator):
    """Writes `/pl/kraje/<country>/`, `/en/countries/<country>/` and the two indexes."""

    def generate_context(self) -> None:
        content_dir = Path(self.path)
        articles = self.context.get("articles", [])
        data, problems = load_country_data(content_dir, {article.translation_key for article in articles})
        if problems:
            raise BuildFailed(problems)
        siteurl, default_lang = self.settings["SITEURL"], self.settings["DEFAULT_LANG"]
        dated = load_dated_events(content_dir, {article.translation_key for article in articles})
        events = {lang: events_by_country(dated, lang) for lang in LANGUAGES}
        self.pages = country_pages(data, articles, events, siteurl, default_lang)
        world = world_map()
        summary = data.summary
        self.indexes = {
            lang: country_index(self.pages[lang], world, lang, siteurl, default_lang, summary) for lang in LANGUAGES
        }
        # Shared with other plugins through the context (they never import this one): the open data,
        # the citations and the about page read them when they are there.
        self.context["country_records"] = data.records
        self.context["country_pages"] = self.pages
        self.context["country_people"] = data.people
        self.context["status_summary"] = summary
        self.context["convention"] = data.convention

    def generate_output(self, writer) -> None:
        for lang in LANGUAGES:
            index = self.indexes[lang]
            self._write(writer, "countries", index.url, index, index=index)
            for page in self.pages[lang]:
                self._write(writer, "country", page.url, page, country=page)

    def _write(self, writer, template: str, url: str, view, **context) -> None:
        writer.write_file(
            save_as(url),
            self.get_template(template),
            self.context,
            url=url,
            page_lang=view.lang,
            alternates=view.alternates,
            language_links=view.language_links,
            relative_urls=self.settings["RELATIVE_URLS"],
            **context,
        )


def get_generators(pelican) -> type[Generator]:
    return CountryPagesGenerator


def register() -> None:
    signals.article_generator_finalized.connect(link_article_countries)
    signals.get_generators.connect(get_generators)
