"""Read every article of a content folder, collecting all problems at once."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from archive_core.errors import ContentError, Problem

from .document import ArticleDocument, read_article

ARTICLE_SUFFIX = ".md"


def article_files(content_dir: Path, article_dirs: Iterable[str]) -> tuple[list[Path], list[Problem]]:
    """All files under the article folders; anything that is not `.md` is a problem, not skipped."""
    files, problems = [], []
    for folder in article_dirs:
        for path in sorted((content_dir / folder).rglob("*")):
            if path.is_dir() or path.name.startswith("."):
                continue
            if path.suffix == ARTICLE_SUFFIX:
                files.append(path)
            else:
                problems.append(
                    Problem(
                        str(path),
                        None,
                        "file",
                        "is not a Markdown article",
                        "articles are named <translation_key>.<lang>.md; move other files out of content/articles",
                    )
                )
    return files, problems


def expected_path(content_dir: Path, doc: ArticleDocument) -> Path:
    meta = doc.meta
    return content_dir / "articles" / f"{meta.date.year:04d}" / f"{meta.translation_key}.{meta.lang}.md"


def read_articles(content_dir: Path, files: Iterable[Path]) -> tuple[list[ArticleDocument], list[Problem]]:
    docs, problems = [], []
    for path in files:
        try:
            doc = read_article(path)
        except ContentError as exc:
            problems.append(exc.problem)
            continue
        expected = expected_path(content_dir, doc)
        if Path(path).resolve() != expected.resolve():
            problems.append(
                Problem(
                    str(path),
                    1,
                    "path",
                    "does not match the front-matter",
                    f"by its date, translation_key and lang it belongs at {expected.relative_to(content_dir)}",
                )
            )
            continue
        docs.append(doc)
    return docs, problems


def url_collisions(docs: Iterable[ArticleDocument]) -> list[Problem]:
    """Two articles that would be published at the same address (same language, year and slug)."""
    seen: dict[tuple[str, int, str], str] = {}
    problems = []
    for doc in docs:
        key = (doc.meta.lang, doc.meta.date.year, doc.meta.slug)
        if key in seen:
            problems.append(
                Problem(
                    doc.path,
                    None,
                    "slug",
                    f"{doc.meta.slug!r} is already the address of {seen[key]} ({doc.meta.lang}, {doc.meta.date.year})",
                    "give one of them its own `slug:`",
                )
            )
        else:
            seen[key] = doc.path
    return problems
