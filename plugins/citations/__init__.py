"""Cite this: a formatted citation on every article and country page, and its BibTeX, RIS and CSL-JSON files.

Reads the articles from Pelican and the country pages from the build context
(`country_pages`, `convention`, set by the countries plugin when it is on);
puts `citations` into the context, keyed by page URL, for the templates
(`partials/cite.html` shows nothing when this plugin is off).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from pelican import signals
from pelican.contents import Content
from pelican.generators import Generator

from archive_core.derived import derived, front_matter
from archive_core.i18n import translations
from archive_core.locales import LANGUAGES
from archive_core.output import TextDocument, absolute_siteurl, written_together

from .formats import bibtex, csl_json, formatted, formatted_html, ris
from .references import Gettext, Reference, article_reference, country_reference

WRITERS = {"bibtex": bibtex, "ris": ris, "csl": csl_json}


class Citation:
    """What a template needs: the formatted text (and as HTML) and the files; and the article cited, if it is one."""

    def __init__(self, reference: Reference, gettext: Gettext, article: Content | None = None) -> None:
        self.reference = reference
        self.text = formatted(reference, gettext)
        self.html = formatted_html(reference, gettext)
        self.files = reference.files
        self.article = article


def collect(generators) -> None:
    """After every generator has its context: a citation for each article and each country page."""
    collect_into(generators[0].context, generators[0].settings)


def collect_into(context: dict, settings: dict) -> None:
    articles = context.get("articles", [])
    country_pages, convention = context.get("country_pages") or {}, context.get("convention")
    # An article's abstract is its summary, which its body gives when the front-matter does not.
    summaries = tuple(article.metadata.get("summary") for article in articles)
    inputs = (
        front_matter(articles),
        summaries,
        country_pages,
        convention,
        absolute_siteurl(settings),
        settings["THEME"],
    )
    context["citations"] = derived(
        context, "citations", inputs, lambda: _citations(articles, country_pages, convention, settings)
    )


def _citations(articles: list, country_pages: dict, convention, settings: dict) -> dict[str, Citation]:
    siteurl = absolute_siteurl(settings)
    catalogs = {lang: translations(Path(settings["THEME"]) / "translations", lang) for lang in LANGUAGES}
    cited: list[tuple[Reference, Content | None]] = [
        (article_reference(article, siteurl, catalogs[article.lang].gettext), article)
        for article in articles
        if article.lang in catalogs
    ]
    for lang, pages in country_pages.items():
        if convention is None:
            break
        cited += [(country_reference(page, convention.as_of, siteurl, catalogs[lang].gettext), None) for page in pages]
    return {ref.page_url: Citation(ref, catalogs[ref.lang].gettext, article) for ref, article in cited}


class CitationFilesGenerator(Generator):
    """Writes `<page>/<key>.bib`, `.ris` and `.json` beside every cited page."""

    def generate_context(self) -> None:
        # Also done when every generator is finalized (a full build, whatever the plugins' order); here for the
        # devserver's incremental update, which calls generate_context again but sends no such signal.
        collect_into(self.context, self.settings)

    def generate_output(self, writer) -> None:
        with written_together(writer):
            for citation in self.context.get("citations", {}).values():
                # The article, as Pelican passes it for its page: a writer that updates only what an edit changes
                # (the devserver's, `make html` after an edit) then knows these files need no update for other edits.
                cited = {} if citation.article is None else {"article": citation.article}
                for fmt, path in citation.files.items():
                    text = TextDocument(partial(WRITERS[fmt], citation.reference))  # made only if written
                    writer.write_file(path, text, self.context, **cited)


def get_generators(pelican) -> type[Generator]:
    return CitationFilesGenerator


def register() -> None:
    signals.all_generators_finalized.connect(collect)
    signals.get_generators.connect(get_generators)
