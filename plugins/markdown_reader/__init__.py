"""Pelican reader for the archive's Markdown articles (markdown-it-py + YAML front-matter).

Before Pelican reads anything, the whole content is read and checked once
(`archive_core.snapshot`); the reader then hands Pelican each article from
that snapshot.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

from blinker import signal
from pelican import signals
from pelican.readers import BaseReader
from pelican.urlwrappers import Tag
from pelican.utils import set_date_tzinfo

from archive_core import paths
from archive_core.articles import read_article
from archive_core.cache import ContentCache
from archive_core.cache_place import cache_place_problem
from archive_core.country_names import country_name_index
from archive_core.errors import BuildFailed, ContentError, Problem
from archive_core.facets import NO_NAMES, article_facets
from archive_core.links import (
    COPIED_HINT,
    SITE_ADDRESS_HINT,
    UNREACHABLE,
    copied_type_problem,
    name_hint,
    site_address_problem,
    unreachable_characters,
)
from archive_core.pelican_compat import freeze_url, skip_unwritten_listings, take_over_extensions
from archive_core.snapshot import CONTEXT_KEY, take
from archive_core.urls import tag_slug
from archive_core.workers import default_workers

logger = logging.getLogger(__name__)
# Sent as files are read: `total=` once, then `advance=` (for a progress bar; see tools/progress.py).
reading_progress = signal("archive_reading_progress")


class ArchiveMarkdownReader(BaseReader):
    enabled = True
    file_extensions: ClassVar[list[str]] = ["md"]
    build_context: dict | None = None  # Pelican's context, holding the build's content snapshot

    def read(self, source_path: str) -> tuple[str, dict]:
        # From the snapshot; else (a file outside the article folders) read inside the content folder.
        snapshot = (self.build_context or {}).get(CONTEXT_KEY)
        doc = (snapshot.document(source_path) if snapshot else None) or read_article(source_path, self.settings["PATH"])
        meta = doc.meta
        metadata = {
            "title": meta.title,
            "date": set_date_tzinfo(meta.date, self.settings.get("TIMEZONE")),
            "lang": meta.lang,
            "slug": meta.slug,
            "summary": doc.summary_html,
            "translation_key": meta.translation_key,
            "archive": meta,
            "search": article_facets(
                meta,
                doc.summary_html,
                doc.html,
                snapshot.names if snapshot else NO_NAMES,
                country_name_index(snapshot.country_forms if snapshot else ()),
            ),
        }
        if meta.tags:
            metadata["tags"] = pelican_tags(meta.tags, self.settings)
        return doc.html, metadata


def pelican_tags(tags: tuple[str, ...], settings: Mapping[str, Any]) -> list[Tag]:
    """Pelican's tags: the archive's, each with the topic page's slug. Pelican's own reading of a tag list (split
    at `;`, else `,`) and slug (HTML tags stripped: `</style>` had none, and a warning) are not the archive's."""
    tags_of_pelican = []
    for name in tags:
        tag = Tag(name, settings)
        tag.slug = tag_slug(name)
        tags_of_pelican.append(tag)
    return tags_of_pelican


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
    readers = take_over_extensions(generator.readers, ArchiveMarkdownReader, ArchiveMarkdownReader.file_extensions)
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
    for reader in readers:
        reader.build_context = generator.context


def check_cache_place(pelican) -> None:
    """The content cache (ARCHIVE_CACHE_DIR, from the environment) where the build reads and publishes nothing:
    one in the content folder was read as content (`archive_core.cache_place`)."""
    cache_dir = pelican.settings.get("ARCHIVE_CACHE_DIR")
    if cache_dir and (problem := cache_place_problem(cache_dir, pelican.settings["PATH"])):
        raise SystemExit(f"ARCHIVE_CACHE_DIR={cache_dir!r} {problem} (unset it: .cache/content/ is the default)")


def refuse_escaping_static_files(generator) -> None:
    """Every file Pelican is about to copy into the site (`{static}` links) must be a plain file inside PATH.

    `make check` refuses such links already (`links`); this holds for any way
    a file gets into Pelican's list, checked where it is copied.
    """
    problems = []
    for static in generator.staticfiles:
        path = os.path.join(generator.path, static.source_path)
        try:
            paths.regular_file(path, generator.path)
        except ContentError as exc:
            problems += exc.problems
        if message := copied_type_problem(path):
            problems.append(
                Problem(path, None, "file", f"is copied into the site by a link, and {message}", COPIED_HINT)
            )
        if message := site_address_problem(static.save_as):
            problems.append(
                Problem(path, None, "file", f"is copied into the site by a link, and {message}", SITE_ADDRESS_HINT)
            )
        if characters := unreachable_characters(static.save_as):
            message = f"is copied into the site by a link, and its name has {characters}, {UNREACHABLE}"
            problems.append(Problem(path, None, "file", message, name_hint(Path(generator.path), static.save_as)))
    if problems:
        raise BuildFailed(problems)


def freeze_urls(generator) -> None:
    """Compute each article's URL once: listings, hreflang links and language switches ask for it some 10 times."""
    for article in (*generator.articles, *generator.translations):
        freeze_url(article)


def register() -> None:
    signals.initialized.connect(check_cache_place)
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(take_snapshot)
    signals.article_generator_pretaxonomy.connect(freeze_urls)
    # Pelican would compute tag, category and author pages only to find it has nowhere to write them.
    signals.article_generator_finalized.connect(skip_unwritten_listings)
    signals.static_generator_finalized.connect(refuse_escaping_static_files)
