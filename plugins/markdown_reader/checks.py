"""The reader's checks for `make check`: each is `(content_dir) -> list[Problem]`."""

from __future__ import annotations

from pathlib import Path

from archive_core.errors import Problem

from .collection import article_files, read_articles, url_collisions
from .document import ArticleDocument
from .links import broken_link_problems

ARTICLE_DIRS = ("articles",)


def read_content(content_dir: Path) -> tuple[list[ArticleDocument], list[Problem]]:
    """Every article that reads cleanly, and the problems of the rest."""
    files, problems = article_files(content_dir, ARTICLE_DIRS)
    docs, read_problems = read_articles(content_dir, files)
    return docs, [*problems, *read_problems]


def check_articles(content_dir: Path) -> list[Problem]:
    """Schema, encoding, YAML, file placement, unsafe links: everything about one file alone."""
    return read_content(content_dir)[1]


def check_internal_links(content_dir: Path) -> list[Problem]:
    """`{filename}` links to content that is missing or not published."""
    return broken_link_problems(content_dir, read_content(content_dir)[0])


def check_urls(content_dir: Path) -> list[Problem]:
    """Two articles that would be written to the same page."""
    return url_collisions(read_content(content_dir)[0])
