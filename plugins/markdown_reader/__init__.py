"""Pelican reader for the archive's Markdown articles (markdown-it-py + YAML front-matter).

Before Pelican reads anything, the whole content is read and checked once
(`archive_core.snapshot`); the reader then hands Pelican each article from
that snapshot.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import ClassVar

from blinker import signal
from pelican import signals
from pelican.readers import BaseReader
from pelican.utils import set_date_tzinfo

from archive_core.articles import read_article
from archive_core.cache import ContentCache
from archive_core.errors import BuildFailed
from archive_core.facets import article_facets
from archive_core.snapshot import CONTEXT_KEY, take
from archive_core.workers import default_workers

logger = logging.getLogger(__name__)
# Sent as files are read: `total=` once, then `advance=` (for a progress bar; see tools/progress.py).
reading_progress = signal("archive_reading_progress")


class ArchiveMarkdownReader(BaseReader):
    enabled = True
    file_extensions: ClassVar[list[str]] = ["md"]
    build_context: dict | None = None  # Pelican's context, holding the build's content snapshot

    def read(self, source_path: str) -> tuple[str, dict]:
        snapshot = (self.build_context or {}).get(CONTEXT_KEY)
        doc = (snapshot.document(source_path) if snapshot else None) or read_article(source_path)
        meta = doc.meta
        metadata = {
            "title": meta.title,
            "date": set_date_tzinfo(meta.date, self.settings.get("TIMEZONE")),
            "lang": meta.lang,
            "slug": meta.slug,
            "summary": doc.summary_html,
            "translation_key": meta.translation_key,
            "archive": meta,
            "search": article_facets(meta, doc.summary_html),
        }
        if meta.tags:
            metadata["tags"] = self.process_metadata("tags", ", ".join(meta.tags))
        return doc.html, metadata


def add_reader(readers) -> None:
    readers.reader_classes["md"] = ArchiveMarkdownReader


def take_snapshot(generator) -> None:
    """Read and check the whole content once, before Pelican reads anything; stop on any problem.

    Pelican would log a broken file and build the site without it; an
    archive must not silently lose an article. The problems are those
    `make check` reports (warnings are logged, and do not stop the build).
    """
    # Pelican's own Markdown reader is disabled (Python-Markdown is not installed)
    # and would otherwise warn about every .md file that this reader handles.
    for extension in ArchiveMarkdownReader.file_extensions:
        generator.readers.disabled_readers.pop(extension, None)
    settings = generator.settings
    cache_dir = settings.get("ARCHIVE_CACHE_DIR")
    snapshot = take(
        Path(generator.path),
        settings["ARTICLE_PATHS"],
        workers=settings.get("ARCHIVE_WORKERS") or default_workers(),
        cache=ContentCache(Path(cache_dir)) if cache_dir else None,
        progress=lambda **counts: reading_progress.send(None, **counts),
    )
    if snapshot.errors:
        raise BuildFailed(snapshot.problems)
    for warning in snapshot.warnings:
        logger.warning("%s", warning)
    generator.context[CONTEXT_KEY] = snapshot
    for reader in generator.readers.readers.values():
        if isinstance(reader, ArchiveMarkdownReader):
            reader.build_context = generator.context


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
    signals.article_generator_init.connect(take_snapshot)
    signals.article_generator_pretaxonomy.connect(freeze_urls)
    signals.article_generator_finalized.connect(skip_unwritten_listings)
