"""Per-country pages, the country index with its world map, and country links on article pages."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from archive_core.country_names import country_name_index, search_terms
from archive_core.derived import derived, front_matter
from archive_core.locales import LANGUAGES
from archive_core.output import written_together
from archive_core.snapshot import CONTEXT_KEY, shared
from archive_core.timeline_pages import EventPages, events_per_page
from archive_core.urls import save_as, section_url

from .timeline_events import events_by_country
from .views import country_index, country_links, country_pages
from .worldmap import world_map


def link_article_countries(generator) -> None:
    """Give every article `country_links`: its countries' pages in its language."""
    articles = generator.articles
    links = derived(
        generator,
        "country_links",
        front_matter(articles),
        lambda: [country_links(article.archive.countries, article.lang) for article in articles],
    )
    for article, found in zip(articles, links, strict=True):
        article.country_links = found


class CountryPagesGenerator(Generator):
    """Writes `/pl/kraje/<country>/`, `/en/countries/<country>/` and the two indexes."""

    def generate_context(self) -> None:
        articles = self.context.get("articles", [])
        snapshot = shared(self.context, Path(self.path))
        data = snapshot.countries
        inputs = (
            front_matter(articles),
            data,
            snapshot.events,
            events_per_page(self.settings),
            snapshot.country_forms,
        )
        self.pages, self.indexes = derived(self, "pages", inputs, lambda: self._pages(articles, snapshot))
        # Shared with other plugins through the context (they never import this one): the open data,
        # the citations and the about page read them when they are there.
        self.context["country_records"] = data.records
        self.context["country_pages"] = self.pages
        self.context["country_people"] = data.people
        self.context["status_summary"] = data.summary
        self.context["convention"] = data.convention

    def _pages(self, articles: list, snapshot) -> tuple[dict, dict]:
        """Each language's country pages and country index."""
        data = snapshot.countries
        siteurl, default_lang = self.settings["SITEURL"], self.settings["DEFAULT_LANG"]
        event_pages = EventPages(snapshot.events, events_per_page(self.settings))
        events = {lang: events_by_country(snapshot.events, lang, event_pages) for lang in LANGUAGES}
        country_names = country_name_index(snapshot.country_forms)
        pages = country_pages(data, articles, events, siteurl, default_lang, country_names)
        world = world_map()
        indexes = {
            lang: country_index(pages[lang], world, lang, siteurl, default_lang, data.summary) for lang in LANGUAGES
        }
        return pages, indexes

    def generate_output(self, writer) -> None:
        with written_together(writer):
            for lang in LANGUAGES:
                index = self.indexes[lang]
                self._write(writer, "countries", index.url, index, index=index)
                for page in self.pages[lang]:
                    # Paginated (PAGINATED_TEMPLATES["country"]): the record on the first page, the articles on all.
                    self._write(
                        writer,
                        "country",
                        page.url,
                        page,
                        country=page,
                        paginated={"articles": list(page.articles)},
                        template_name="country",
                    )

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


def countries_url(lang: str) -> str:
    """`pl/kraje/`: the country index, which the header links to."""
    return section_url("countries", lang)


def add_template_helpers(generator) -> None:
    generator.env.globals["countries_url"] = countries_url
    context = generator.context  # the build's, shared by every generator; the snapshot is in it by render time

    @cache
    def country_search_terms(codes: tuple[str, ...]) -> str:
        snapshot = context.get(CONTEXT_KEY)
        return search_terms(codes, snapshot.country_forms if snapshot else ())

    generator.env.globals["country_search_terms"] = country_search_terms  # partials/search_facets.html


def get_generators(pelican) -> type[Generator]:
    return CountryPagesGenerator


def register() -> None:
    signals.article_generator_finalized.connect(link_article_countries)
    signals.generator_init.connect(add_template_helpers)
    signals.get_generators.connect(get_generators)
