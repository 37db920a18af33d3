"""Pelican reader for the archive's Markdown articles (markdown-it-py + YAML front-matter)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from blinker import signal
from pelican import signals
from pelican.readers import BaseReader
from pelican.utils import set_date_tzinfo

from archive_core import paths
from archive_core.errors import BuildFailed, ContentError

from .cache import ContentCache
from .collection import article_files, default_workers, read_articles, url_collisions
from .document import ArticleDocument, read_article
from .links import broken_link_problems
from .sources import with_publishers

# Articles read ahead by `preread_all`, consumed by the reader.
_ready: dict[str, ArticleDocument] = {}
# Sent as files are read: `total=` once, then `advance=` (for a progress bar; see tools/progress.py).
reading_progress = signal("archive_reading_progress")


class ArchiveMarkdownReader(BaseReader):
    enabled = True
    file_extensions: ClassVar[list[str]] = ["md"]

    def read(self, source_path: str) -> tuple[str, dict]:
        # Read ahead by `preread_all`; else (an edit the devserver applies in place) read inside the content folder.
        doc = _ready.pop(os.path.abspath(source_path), None) or read_article(source_path, self.settings["PATH"])
        meta = doc.meta
        metadata = {
            "title": meta.title,
            "date": set_date_tzinfo(meta.date, self.settings.get("TIMEZONE")),
            "lang": meta.lang,
            "slug": meta.slug,
            "summary": doc.summary_html,
            "translation_key": meta.translation_key,
            "archive": meta,
        }
        if meta.tags:
            metadata["tags"] = self.process_metadata("tags", ", ".join(meta.tags))
        return doc.html, metadata


def add_reader(readers) -> None:
    readers.reader_classes["md"] = ArchiveMarkdownReader


def preread_all(generator) -> None:
    """Read and check every article before Pelican does, and stop on any problem.

    Pelican would log a broken file and build the site without it; an
    archive must not silently lose an article.
    """
    # Pelican's own Markdown reader is disabled (Python-Markdown is not installed)
    # and would otherwise warn about every .md file that this reader handles.
    for extension in ArchiveMarkdownReader.file_extensions:
        generator.readers.disabled_readers.pop(extension, None)
    content_dir = Path(generator.path)
    files, problems = article_files(content_dir, generator.settings["ARTICLE_PATHS"])
    settings = generator.settings
    cache_dir = settings.get("ARCHIVE_CACHE_DIR")
    reading_progress.send(None, total=len(files))
    docs, read_problems = read_articles(
        content_dir,
        files,
        workers=settings.get("ARCHIVE_WORKERS") or default_workers(),
        cache=ContentCache(Path(cache_dir)) if cache_dir else None,
        progress=lambda count: reading_progress.send(None, advance=count),
    )
    docs, source_problems = with_publishers(content_dir, docs)
    problems += read_problems + url_collisions(docs) + broken_link_problems(content_dir, docs) + source_problems
    errors = [problem for problem in problems if problem.severity == "error"]
    if errors:
        raise BuildFailed(errors)
    _ready.clear()
    _ready.update({os.path.abspath(doc.path): doc for doc in docs})


def refuse_escaping_static_files(generator) -> None:
    """Every file Pelican is about to copy into the site (`{static}` links) must be a plain file inside PATH.

    `make check` refuses such links already (`links`); this holds for any way
    a file gets into Pelican's list, checked where it is copied.
    """
    problems = []
    for static in generator.staticfiles:
        try:
            paths.regular_file(os.path.join(generator.path, static.source_path), generator.path)
        except ContentError as exc:
            problems.append(exc.problem)
    if problems:
        raise BuildFailed(problems)


def freeze_urls(generator) -> None:
    """Compute each article's URL once: Pelican recomputes it from the settings on every access.

    Once articles are read, their URL cannot change; listings, hreflang links
    and language switches ask for it some 10 times per article.
    """
    for article in (*generator.articles, *generator.translations):
        article.override_url = article.url


def skip_unwritten_listings(generator) -> None:
    """Skip Pelican's tag, category and author pages when the settings turn them off.

    Pelican computes each of them anyway before finding it has nowhere to
    write it, and for tags that work grows with articles x articles per tag
    (about 1 s at 10,000 articles, quadratic after that).
    """
    for kind in ("tag", "category", "author"):
        if not generator.settings.get(f"{kind.upper()}_SAVE_AS"):
            setattr(generator, f"generate_{'categories' if kind == 'category' else kind + 's'}", _write_nothing)


def _write_nothing(write) -> None:
    return None


def register() -> None:
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(preread_all)
    signals.article_generator_pretaxonomy.connect(freeze_urls)
    signals.article_generator_finalized.connect(skip_unwritten_listings)
    signals.static_generator_finalized.connect(refuse_escaping_static_files)
