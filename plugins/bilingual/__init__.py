"""Bilingual site structure: article pairing, language switches, per-language home pages."""

from __future__ import annotations

import logging

from pelican import signals
from pelican.generators import Generator

from archive_core.errors import BuildFailed
from archive_core.listing import listed_in
from archive_core.locales import LANGUAGES
from archive_core.urls import home_url

from .pairing import (
    Alternate,
    LanguageLink,
    alternates,
    duplicate_problems,
    group,
    language_links,
    missing_counterpart_warnings,
)

logger = logging.getLogger(__name__)


def pair_articles(generator) -> None:
    """Give every article its hreflang alternates and language switch."""
    documents = [(article.source_path, article.archive) for article in generator.articles]
    problems = duplicate_problems(documents)
    if problems:
        raise BuildFailed(problems)
    for warning in missing_counterpart_warnings(documents):
        logger.warning("%s", warning)
    siteurl = generator.settings["SITEURL"]
    homes = {lang: home_url(lang) for lang in LANGUAGES}
    for versions in group(generator.articles).values():
        original = next((a.lang for a in versions.values() if a.archive.translation is None), None)
        for article in versions.values():
            article.alternates = alternates(versions, original or article.lang, siteurl)
            article.language_links = language_links(versions, article.lang, homes)


class LanguageHomeGenerator(Generator):
    """Writes `/pl/`, `/en/` (paginated, newest first) and the language chooser at `/`.

    Each home page lists every article once: in its language, or, with no
    version in it yet, in the language it has (archive_core.listing).
    """

    def generate_context(self) -> None:
        articles = self.context.get("articles", [])
        self.articles_by_lang = {
            lang: sorted(listed_in(articles, lang), key=lambda a: (a.date, a.slug), reverse=True) for lang in LANGUAGES
        }

    def generate_output(self, writer) -> None:
        siteurl = self.settings["SITEURL"]
        homes = [Alternate(lang, f"{siteurl}/{home_url(lang)}") for lang in LANGUAGES]
        chooser = Alternate("x-default", f"{siteurl}/")
        for lang in LANGUAGES:
            writer.write_file(
                f"{lang}/index.html",
                self.get_template("index"),
                self.context,
                paginated={"articles": self.articles_by_lang[lang]},
                template_name="index",
                url=home_url(lang),
                page_lang=lang,
                alternates=[*homes, chooser],
                language_links=[LanguageLink(other, home_url(other), True) for other in LANGUAGES if other != lang],
                relative_urls=self.settings["RELATIVE_URLS"],
            )
        writer.write_file(
            "index.html",
            self.get_template("root"),
            self.context,
            alternates=[*homes, chooser],
            relative_urls=self.settings["RELATIVE_URLS"],
        )


def get_generators(pelican) -> type[Generator]:
    return LanguageHomeGenerator


def register() -> None:
    signals.article_generator_finalized.connect(pair_articles)
    signals.get_generators.connect(get_generators)
