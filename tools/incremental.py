"""Incremental updates for the devserver: one edited article rewrites only the pages it is on.

`Site.full()` builds the whole site in this process (atomically, as
`tools.build`) and keeps Pelican's generators, with every Article object.
`Site.update(paths)` then handles edits of existing article files without a
new Pelican run: each edited file is read again into the build's content
snapshot, which is checked again as a whole (as `make check` checks it; any
error is raised as `BuildFailed` and nothing is written), and its Article object
updated in place (so every list that holds it, in any plugin, sees the new
text), and every generator writes again through a `SelectiveWriter`:

- an article page is written only for the edited articles and their other
  language versions, and for the articles whose pages show an edited one
  (previous, next, related) whose listed facts changed;
- a page that lists articles (a paginated listing, a country page, the
  timeline...) is rendered only if it lists an edited article whose listed
  facts changed (front-matter, title, summary: what listings show); an edit
  of the body alone leaves every listing as it is in the output. Plugins say
  which articles a page lists by passing them to `writer.write_file` (as
  keyword arguments, in lists, or in the dataclasses they pass);
- any other page (one whose context holds no article) is rendered again.

An edit that moves an article (date, slug, language, translation_key) or
changes its countries or tags, a new or deleted file, or any change outside
the article files is not incremental: `update` returns None and the caller
runs a full build. The `finalized` signal is not sent: the search index
stays as the last full build wrote it, and the devserver indexes the pages
written into its search overlay (plugins/search/overlay.py).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path

from pelican import signals
from pelican.contents import Article, Content
from pelican.generators import ArticlesGenerator, PagesGenerator, StaticGenerator
from pelican.writers import Writer

from . import fingerprint
from .build import Outcome, build_if_changed

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
from archive_core.errors import BuildFailed
from archive_core.pelican_compat import update_in_place
from archive_core.snapshot import CONTEXT_KEY

logger = logging.getLogger(__name__)

# What an in-place update may not change: these place an article in lists and URLs.
STRUCTURE = ("lang", "translation_key", "slug", "date", "countries", "tags")
# Pelican's own article listings and feeds; the archive turns them off (its plugins write listings).
ARTICLE_LISTINGS = (
    "DIRECT_TEMPLATES",
    "TAG_SAVE_AS",
    "CATEGORY_SAVE_AS",
    "AUTHOR_SAVE_AS",
    "YEAR_ARCHIVE_SAVE_AS",
    "MONTH_ARCHIVE_SAVE_AS",
    "DAY_ARCHIVE_SAVE_AS",
    "FEED_ALL_ATOM",
    "FEED_ALL_RSS",
    "FEED_ATOM",
    "FEED_RSS",
    "CATEGORY_FEED_ATOM",
    "CATEGORY_FEED_RSS",
    "TAG_FEED_ATOM",
    "TAG_FEED_RSS",
    "TRANSLATION_FEED_ATOM",
    "TRANSLATION_FEED_RSS",
    "AUTHOR_FEED_ATOM",
    "AUTHOR_FEED_RSS",
)


@dataclass
class Site:
    settings_file: Path
    output: Path
    generators: list | None = None

    def full(self, overrides: dict | None = None) -> Outcome:
        """A full, atomic build that keeps Pelican's generators for later updates."""
        captured: list = []

        def capture(generators) -> None:
            captured[:] = generators

        self.generators = None
        signals.all_generators_finalized.connect(capture)
        try:
            outcome = build_if_changed(self.settings_file, self.output, overrides, reuse=False, progress=True)
        finally:
            signals.all_generators_finalized.disconnect(capture)
        output = str(outcome.output)
        for generator in captured:  # they built into a staging folder that is now `output`
            generator.output_path = output
            generator.settings["OUTPUT_PATH"] = output
        self.generators = captured
        return outcome

    def update(self, paths: Iterable[Path]) -> Updated | None:
        """Apply edits of existing articles in place; None if a full build is needed instead."""
        if not self.generators:
            return None
        articles = next(g for g in self.generators if isinstance(g, ArticlesGenerator))
        if any(articles.settings.get(name) for name in ARTICLE_LISTINGS) or _has_pages(self.generators):
            return None  # Pelican's own listings or pages are on: not handled here
        by_path = {os.path.abspath(a.source_path): a for a in (*articles.articles, *articles.translations)}
        paths = list(paths)
        if any(os.path.abspath(path) not in by_path for path in paths):
            return None
        # The edited files are read once, into the build's snapshot, which is checked again as a whole:
        # the devserver refuses exactly what `make check` and a full build refuse.
        snapshot = articles.context[CONTEXT_KEY].updated(paths)
        if snapshot.errors:
            raise BuildFailed(snapshot.problems)
        for warning in snapshot.warnings:
            logger.warning("%s", warning)
        articles.context[CONTEXT_KEY] = snapshot
        edited = []
        for path in paths:
            old = by_path[os.path.abspath(path)]
            new = articles.readers.read_file(
                base_path=articles.path, path=os.path.abspath(path), content_class=Article, context=articles.context
            )
            if any(_structure(old, name) != _structure(new, name) for name in STRUCTURE):
                return None
            edited.append((old, new))
        relisted = {id(old) for old, new in edited if _listed_facts(old) != _listed_facts(new)}
        for old, new in edited:
            update_in_place(old, new)
        # What plugins derive from articles (hreflang pairs, search facets, country links, timeline
        # entries) is derived again, as in a full build: cheap next to rendering, and never stale.
        signals.article_generator_finalized.send(articles)
        extra = [g for g in self.generators if not isinstance(g, ArticlesGenerator | PagesGenerator | StaticGenerator)]
        for generator in extra:
            generator.generate_context()
        keys = {old.translation_key for old, _ in edited}
        affected = {id(a) for a in by_path.values() if a.translation_key in keys}
        # An article page that shows others (previous, next, related) shows what listings show of them.
        affected |= {id(a) for a in by_path.values() if any(id(o) in relisted for o in _articles_shown_by(a))}
        writer = SelectiveWriter(str(self.output), settings=articles.settings, affected=affected, relisted=relisted)
        for article in (*articles.translations, *articles.articles):
            if id(article) in affected:  # what ArticlesGenerator.generate_articles does, for these only
                signals.article_generator_write_article.send(articles, content=article)
                writer.write_file(
                    article.save_as,
                    articles.get_template(article.template),
                    articles.context,
                    article=article,
                    category=getattr(article, "category", None),
                    override_output=hasattr(article, "override_save_as"),
                    url=article.url,
                    blog=True,
                )
        for generator in extra:
            generator.generate_output(writer)
        fingerprint.forget(self.output)  # output/ is no longer exactly what a full build wrote
        return Updated(rendered=writer.rendered, kept=writer.kept)


@dataclass(frozen=True)
class Updated:
    rendered: int  # pages rendered again
    kept: int  # listing pages left as they were


def _articles_shown_by(article: Content) -> list[Content]:
    """The other articles a plugin put on an article (its public attributes, or lists of them)."""
    return _articles_in([value for name, value in vars(article).items() if not name.startswith("_")], depth=1)


def _has_pages(generators: list) -> bool:
    return any(isinstance(g, PagesGenerator) and (g.pages or g.hidden_pages) for g in generators)


def _structure(article: Content, name: str):
    value = getattr(article, name, None)
    if name == "tags":
        return tuple(str(tag) for tag in value or ())
    if name == "countries":
        return tuple(getattr(getattr(article, "archive", None), "countries", ()))
    return value


def _listed_facts(article: Content) -> tuple:
    """What a page that lists the article shows of it: its front-matter, title and summary (the lead by default)."""
    return (getattr(article, "archive", None), article.title, article.metadata.get("summary"))


class SelectiveWriter(Writer):
    """Writes only the pages an edit affects (see the module's docstring)."""

    def __init__(self, output_path: str, settings: dict, affected: set[int], relisted: set[int]) -> None:
        super().__init__(output_path, settings=settings)
        self.affected = affected  # their pages are written again
        self.relisted = relisted  # the pages that list them are written again
        self.rendered = 0
        self.kept = 0

    def write_file(self, name, template, context, *args, **kwargs):
        article = kwargs.get("article")
        if article is not None:
            if id(article) not in self.affected:
                return None
            self.rendered += 1
            return super().write_file(name, template, context, *args, **kwargs)
        return super().write_file(name, _KeepUnaffected(template, self, kwargs), context, *args, **kwargs)


class _KeepUnaffected:
    """Renders a page only if it lists a relisted article (or lists none); else returns the file as it is."""

    def __init__(self, template, writer: SelectiveWriter, kwargs: dict) -> None:
        self.template = template
        self.writer = writer
        self.kwargs = kwargs

    def render(self, localcontext: dict) -> str:
        page = localcontext.get("articles_page")
        listed = list(page.object_list) if page is not None else _articles_in(self.kwargs.values())
        existing = Path(self.writer.output_path, localcontext["output_file"])
        if listed and not any(id(a) in self.writer.relisted for a in listed) and existing.is_file():
            self.writer.kept += 1
            return existing.read_text(encoding="utf-8")
        self.writer.rendered += 1
        return self.template.render(localcontext)


def _articles_in(values: Iterable, depth: int = 4) -> list[Content]:
    """The articles in a page's context values: directly, in lists and dicts, or in the fields of dataclasses."""
    found = []
    for value in values:
        if isinstance(value, Content):
            found.append(value)
        elif depth == 0 or isinstance(value, str | bytes):
            continue
        elif isinstance(value, list | tuple | set | frozenset):
            found.extend(_articles_in(value, depth - 1))
        elif isinstance(value, dict):
            found.extend(_articles_in(value.values(), depth - 1))
        elif is_dataclass(value) and not isinstance(value, type):
            found.extend(_articles_in((getattr(value, f.name) for f in fields(value)), depth - 1))
    return found
