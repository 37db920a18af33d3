"""Incremental updates for the devserver: one edited article rewrites only the pages it is on.

`Site.full()` builds the whole site in this process (atomically, as
`tools.build`) and keeps Pelican's generators, with every Article object.
`Site.update(paths)` then handles edits of existing article files without a
new Pelican run: each edited file is read again into the build's content
snapshot, which is checked again as a whole (as `make check` checks it; any
error is raised as `BuildFailed` and nothing is written), and its Article object
updated in place (so every list that holds it, in any plugin, sees the new
text), and every generator writes again through a `SelectiveWriter`, which
writes only the pages the edit changes (`tools.selection` says which).

An edit that moves an article (date, slug, language, translation_key) or
changes its countries or tags, a new or deleted file, or any change outside
the article files is not incremental: `update` returns None and the caller
runs a full build. An error logged while it updates, as a full build counts
them (`build.ErrorCounter`: a full build would have refused the edit), is raised
as `UpdateFailed`, told as the build tells it; an update that fails after writing pages puts every file it
wrote back as it was, and removes the folders it made (`Rewritten`), so that the devserver serves an update's
pages all or none. The
`finalized` signal is not sent: the search index stays as the last full build wrote it, and the devserver
indexes the pages written into its search overlay (plugins/search/overlay.py).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pelican import signals
from pelican.contents import Article
from pelican.generators import ArticlesGenerator, PagesGenerator, StaticGenerator
from pelican.utils import sanitised_join

from . import build, edits, fingerprint
from .selection import (
    KeepUnaffected,
    LeavesKept,
    full_build_needed,
    listed_facts,
    pages_to_render,
    structure,
)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
from archive_core.errors import BuildFailed
from archive_core.output_paths import GuardedWriter
from archive_core.pelican_compat import forget_logged, forget_rendered, update_in_place
from archive_core.snapshot import CONTEXT_KEY

logger = logging.getLogger(__name__)


@dataclass
class Site:
    settings_file: Path
    output: Path
    generators: list | None = None

    def full(self, overrides: dict | None = None) -> build.Outcome:
        """A full, atomic build that keeps Pelican's generators for later updates."""
        self.generators = None
        forget_rendered()
        gc.unfreeze()  # what the last full build kept is let go of, before this one takes its memory
        gc.collect()
        with edits.captured_generators() as captured:
            outcome = build.build_if_changed(self.settings_file, self.output, overrides, reuse=False, progress=True)
        # The build's objects live until the next full build: the collector's full passes skip them (at
        # 5,000 pairs, each took 0.5 s of an update's 2 s).
        gc.freeze()
        output = str(outcome.output)
        for generator in captured:  # they built into a staging folder that is now `output`
            generator.output_path = output
            generator.settings["OUTPUT_PATH"] = output
        self.generators = captured
        return outcome

    def _articles_by_path(self) -> dict[str, Article]:
        articles = next(g for g in self.generators if isinstance(g, ArticlesGenerator))
        return {os.path.abspath(a.source_path): a for a in (*articles.articles, *articles.translations)}

    def knows(self, paths: Iterable[Path | str]) -> bool:
        """Whether every path is the source of one of the last full build's articles."""
        if not self.generators:
            return False
        by_path = self._articles_by_path()
        return all(os.path.abspath(path) in by_path for path in paths)

    def update(self, paths: Iterable[Path]) -> Updated | None:
        """Apply edits of existing articles in place; None if a full build is needed instead. `UpdateFailed` for an
        error logged meanwhile: what a full build refuses is not told as updated."""
        forget_logged()  # as a build: each update is told every error of its own
        counter = build.ErrorCounter()
        logging.getLogger().addHandler(counter)
        try:
            return self._update(paths, counter)
        finally:
            logging.getLogger().removeHandler(counter)

    def _update(self, paths: Iterable[Path], counter: build.ErrorCounter) -> Updated | None:
        if not self.generators:
            return None
        articles = next(g for g in self.generators if isinstance(g, ArticlesGenerator))
        if full_build_needed(self.generators):
            return None
        by_path = self._articles_by_path()
        paths = list(paths)
        if not all(os.path.abspath(path) in by_path for path in paths):
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
            if structure(old) != structure(new):
                return None
            edited.append((old, new))
        relisted = {id(old) for old, new in edited if listed_facts(old) != listed_facts(new)}
        for old, new in edited:
            update_in_place(old, new)
        # What plugins derive from articles (hreflang pairs, search facets, country links, timeline
        # entries) is asked for again, as in a full build, so never stale; what they derive from every
        # article's front-matter alone is kept while it is equal (archive_core.derived: an edit of a body).
        signals.article_generator_finalized.send(articles)
        extra = [g for g in self.generators if not isinstance(g, ArticlesGenerator | PagesGenerator | StaticGenerator)]
        for generator in extra:
            generator.generate_context()
        if failed := build.logged_errors(counter, "update"):
            raise UpdateFailed(str(failed), written=False)
        # Before the first page is written: output/ may then no longer be what the full build wrote.
        fingerprint.forget(self.output)
        affected = pages_to_render(by_path.values(), {old.translation_key for old, _ in edited}, relisted)
        writer = SelectiveWriter(str(self.output), settings=articles.settings, affected=affected, relisted=relisted)
        try:
            self._write(writer, articles, extra, affected)
            if failed := build.logged_errors(counter, "update"):
                raise UpdateFailed(str(failed), written=False)
        except Exception as exc:  # the pages served are the last good site's again, or it is said which are not
            if left := writer.rewritten.put_back():
                raise UpdateFailed(f"{exc}; not put back as they were: {', '.join(left)}", written=True) from exc
            raise
        writer.rewritten.forget()
        return Updated(rendered=writer.rendered, kept=writer.kept)

    def _write(self, writer: SelectiveWriter, articles: ArticlesGenerator, extra: list, affected: set[int]) -> None:
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


class UpdateFailed(build.BuildError):
    """An error was logged while an update ran (`build.logged_errors`), or what failed left pages it had written
    that could not be put back as they were (`written`)."""

    def __init__(self, message: str, written: bool) -> None:
        super().__init__(message)
        self.written = written


@dataclass(frozen=True)
class Updated:
    rendered: int  # pages rendered again
    kept: int  # listing pages left as they were


class SelectiveWriter(LeavesKept, GuardedWriter):
    """Writes only the pages an edit affects (see the module's docstring); into the served folder itself,
    so, as every build's writer, never outside it (`output_guard`: no `..`, no link followed out)."""

    def __init__(self, output_path: str, settings: dict, affected: set[int], relisted: set[int]) -> None:
        super().__init__(output_path, settings=settings)
        self.affected = affected  # their pages are written again
        self.relisted = relisted  # the pages that list them are written again
        self.rendered = 0
        self.kept = 0
        self.rewritten = Rewritten()

    def rewriting(self, path: str) -> None:
        self.rewritten.keep(path)

    def write_file(self, name, template, context, *args, **kwargs):
        article = kwargs.get("article")
        if article is not None:
            if id(article) not in self.affected:
                return None
            self.rendered += 1
            return super().write_file(name, FoldersTold(template, self), context, *args, **kwargs)
        keeping = KeepUnaffected(template, self, kwargs, self.output_path, writer=self)
        return super().write_file(name, FoldersTold(keeping, self), context, *args, **kwargs)

    def write_text(self, name: str, text: str) -> None:
        self.rewritten.making(sanitised_join(self.output_path, name))
        super().write_text(name, text)


@dataclass
class FoldersTold:
    """A template that tells `writer.rewritten` of each page's folders before Pelican makes them: it renders a page
    (each page of a paginated listing) before it makes the page's folder."""

    template: object
    writer: SelectiveWriter

    def render(self, localcontext: dict) -> str:
        self.writer.rewritten.making(sanitised_join(self.writer.output_path, localcontext["output_file"]))
        return self.template.render(localcontext)


class Rewritten:
    """What each file an update writes held before it (None: no such file), until the update is done: put back if it
    fails, so that the devserver serves an update's pages all or none (a page of a half-done update, beside pages
    of the last one, could link to what is not there). Held in memory: an update writes a few pages, a listing's
    and its feed. The folders a new file is written into that were not there before are removed with it, and
    only those (an empty folder left in output/ is served as an empty listing)."""

    def __init__(self) -> None:
        self.held: dict[str, bytes | None] = {}
        self.made: list[Path] = []  # folders not there before the update, each before the folders inside it

    def keep(self, path: str) -> None:
        if path not in self.held:
            self.held[path] = Path(path).read_bytes() if os.path.isfile(path) else None

    def making(self, path: str) -> None:
        """Told before the folders of the file `path` are made (Pelican makes them before it opens the file)."""
        self.made.extend(reversed(_missing_folders(Path(path).parent)))

    def put_back(self) -> list[str]:
        """Every file as it was before the update; those that could not be put back (a full disk)."""
        left = []
        for path, held in self.held.items():
            try:
                if held is None:
                    Path(path).unlink(missing_ok=True)
                else:
                    Path(path).write_bytes(held)
            except OSError:
                left.append(path)
        for folder in reversed(self.made):
            with contextlib.suppress(OSError):  # not empty: a file the update could not remove stays, and its folder
                folder.rmdir()
        self.forget()
        return left

    def forget(self) -> None:
        self.held.clear()
        self.made.clear()


def _missing_folders(folder: Path) -> list[Path]:
    """`folder` and each of its parents that does not exist, the innermost first."""
    missing = []
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    return missing
