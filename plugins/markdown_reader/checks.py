"""The reader's checks for `make check`: each is `(content_dir) -> list[Problem]`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from archive_core.errors import Problem

from .collection import article_files, read_articles, url_collisions
from .document import ArticleDocument
from .links import broken_link_problems
from .sources import unreferenced_raw_sources, with_publishers

ARTICLE_DIRS = ("articles",)


def read_content(content_dir: Path) -> tuple[list[ArticleDocument], list[Problem]]:
    """Every article that reads cleanly, and the problems of the rest.

    The checks share one reading of the files as long as none of them changed.
    """
    files, problems = article_files(content_dir, ARTICLE_DIRS)
    fingerprint = tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)
    docs, read_problems = _read(content_dir, fingerprint)
    return docs, [*problems, *read_problems]


@lru_cache(maxsize=1)
def _read(content_dir: Path, fingerprint: tuple) -> tuple[list[ArticleDocument], list[Problem]]:
    return read_articles(content_dir, [Path(path) for path, _, _ in fingerprint])


def check_articles(content_dir: Path) -> list[Problem]:
    """Schema, encoding, YAML, file placement, unsafe links: everything about one file alone."""
    return read_content(content_dir)[1]


def check_internal_links(content_dir: Path) -> list[Problem]:
    """`{filename}` links to content that is missing or not published."""
    return broken_link_problems(content_dir, read_content(content_dir)[0])


def check_urls(content_dir: Path) -> list[Problem]:
    """Two articles that would be written to the same page."""
    return url_collisions(read_content(content_dir)[0])


def check_review_fields(content_dir: Path) -> list[Problem]:
    """A `review:` list names fields the importer guessed: an editor must confirm them (warnings)."""
    hint = "check these fields, then delete the `review:` line"
    return [
        Problem(
            doc.path,
            None,
            "review",
            "guessed by the importer, to review: " + ", ".join(doc.meta.review),
            hint,
            "warning",
        )
        for doc in read_content(content_dir)[0]
        if doc.meta.review
    ]


def check_sources(content_dir: Path) -> list[Problem]:
    """Publishers named or known to content/data/publishers.yaml; raw copies present, and pointed to."""
    docs = read_content(content_dir)[0]
    return [*with_publishers(content_dir, docs)[1], *unreferenced_raw_sources(content_dir, docs)]
