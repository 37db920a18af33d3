"""Bilingual site structure: article pairing, language switches, per-language home pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jinja2 import pass_context
from pelican import signals
from pelican.generators import Generator

from archive_core.browse import newest_first
from archive_core.derived import derived, front_matter
from archive_core.listing import listed_in
from archive_core.locales import LANGUAGES
from archive_core.urls import home_url
from archive_core.versions import Alternate, LanguageLink, group, versions


def pair_articles(generator) -> None:
    """Give every article its hreflang alternates, language switch and `other_titles`: the titles of its versions
    in the other languages (the search index finds a version by them: partials/search_facets.html)."""
    articles = generator.articles
    siteurl = generator.settings["SITEURL"]
    links = derived(generator, "pairs", (front_matter(articles), siteurl), lambda: _pairs(articles, siteurl))
    for article, alternates, language_links, other_titles in links:
        article.alternates, article.language_links, article.other_titles = alternates, language_links, other_titles


def _pairs(articles: list, siteurl: str) -> list[tuple[Any, list[Alternate], list[LanguageLink], tuple[str, ...]]]:
    homes = {lang: home_url(lang) for lang in LANGUAGES}
    links = []
    for by_lang in group(articles).values():
        urls = {lang: article.url for lang, article in by_lang.items()}
        original = next((a.lang for a in by_lang.values() if a.archive.translation is None), None)
        for article in by_lang.values():
            page = versions(urls, original=original, current=article.lang)
            other_titles = tuple(other.title for lang, other in sorted(by_lang.items()) if lang != article.lang)
            links.append((article, page.alternates(siteurl), page.language_links(article.lang, homes), other_titles))
    return links


@dataclass(frozen=True)
class PageLinks:
    """What a page's head and language switch show of its versions."""

    alternates: list[Alternate]
    language_links: list[LanguageLink]


def add_template_helpers(generator) -> None:
    """`language_versions({"pl": url, "en": url})`: for a page another plugin writes with its URL in each language."""
    siteurl, default_lang = generator.settings["SITEURL"], generator.settings["DEFAULT_LANG"]

    @pass_context
    def language_versions(ctx, urls: dict[str, str]) -> PageLinks:
        page = versions(urls, original=default_lang)
        return PageLinks(page.alternates(siteurl), page.language_links(ctx.get("page_lang")))

    generator.env.globals["language_versions"] = language_versions


class LanguageHomeGenerator(Generator):
    """Writes `/pl/`, `/en/` (paginated, newest first) and the language chooser at `/`.

    Each home page lists every article once: in its language, or, with no
    version in it yet, in the language it has (archive_core.listing).
    """

    def generate_context(self) -> None:
        articles = self.context.get("articles", [])
        self.articles_by_lang = {lang: newest_first(listed_in(articles, lang)) for lang in LANGUAGES}

    def generate_output(self, writer) -> None:
        # The language chooser at `/` is the home page for readers of neither language.
        homes = versions({lang: home_url(lang) for lang in LANGUAGES}, neutral="")
        alternates = homes.alternates(self.settings["SITEURL"])
        for lang in LANGUAGES:
            writer.write_file(
                f"{lang}/index.html",
                self.get_template("index"),
                self.context,
                paginated={"articles": self.articles_by_lang[lang]},
                template_name="index",
                url=home_url(lang),
                page_lang=lang,
                alternates=alternates,
                language_links=homes.language_links(lang),
                relative_urls=self.settings["RELATIVE_URLS"],
            )
        writer.write_file(
            "index.html",
            self.get_template("root"),
            self.context,
            alternates=alternates,
            relative_urls=self.settings["RELATIVE_URLS"],
        )


def get_generators(pelican) -> type[Generator]:
    return LanguageHomeGenerator


def register() -> None:
    signals.generator_init.connect(add_template_helpers)
    signals.article_generator_finalized.connect(pair_articles)
    signals.get_generators.connect(get_generators)
