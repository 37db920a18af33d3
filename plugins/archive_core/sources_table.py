"""The table of `content/sources/README.md` against the articles: each raw copy an article points to is listed,
with the article it became.

`make import` tells the contributor to add that row; nothing told them when they did not, nor when the article
later moved (a date of another year, a translation_key renamed) and the row named a file no longer there. Every
problem is a warning: the table is for readers of the repository, and the site does not depend on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from . import paths
from .articles import ArticleDocument
from .errors import ContentError, Problem
from .schema import RAW_SOURCES_DIR
from .sources import RAW_README

# | `000_5355186cc487cfe2.txt` | `articles/2025/hanoi-convention-signing-ceremony.pl.md` |
_ROW = re.compile(r"^\|\s*`(?P<raw>[^`|]+)`\s*\|\s*`(?P<article>[^`|]+)`\s*\|\s*$")


def sources_table_problems(content_dir: Path, docs: Iterable[ArticleDocument]) -> list[Problem]:
    """Warnings: a raw copy an article points to that the table does not list, and a row whose article is not
    the one made from its raw copy. None when the folder has no README (a content folder of one's own)."""
    readme = Path(content_dir) / RAW_SOURCES_DIR / RAW_README
    try:
        text = paths.read_bytes(readme, content_dir).decode("utf-8", errors="replace")
    except (ContentError, OSError):  # no README, or one refused where the content tree is checked
        return []
    made = _made_from(content_dir, docs)
    rows = {}
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not (row := _ROW.match(line)) or row["raw"] in rows:
            continue
        rows[row["raw"]] = number
        articles = made.get(row["raw"])
        if articles and row["article"] not in articles:
            problems.append(
                _warning(
                    readme,
                    number,
                    f"lists {row['article']} as what {row['raw']} became, but the article made from it is "
                    f"{articles[0]}",
                    f"write `{articles[0]}` in that row: the article has moved or been renamed",
                )
            )
    last = max(rows.values(), default=None)
    for raw, articles in sorted(made.items()):
        if raw not in rows:
            problems.append(
                _warning(
                    readme,
                    last,
                    f"does not list {raw}, the raw copy of {articles[0]}",
                    f"add the row {table_row(raw, articles[0])} to its table",
                )
            )
    return problems


def table_row(raw: str, article: str) -> str:
    """The table's row for the raw copy `raw` (its name in `sources/`) and the article it became (its path from the
    content folder): as `make check` reads it, and as `make import` tells it to be written."""
    return f"| `{raw}` | `{article}` |"


def _made_from(content_dir: Path, docs: Iterable[ArticleDocument]) -> dict[str, list[str]]:
    """Each raw copy's name in `sources/`, and the articles (paths from the content folder) that point to it,
    the original first."""
    made: dict[str, list[tuple[bool, str]]] = {}
    folder = f"{RAW_SOURCES_DIR}/"
    for doc in docs:
        raw = doc.meta.source.raw if doc.meta.source else None
        if raw is None or not raw.startswith(folder):
            continue
        try:
            article = Path(doc.path).resolve().relative_to(Path(content_dir).resolve()).as_posix()
        except ValueError:
            continue
        made.setdefault(raw.removeprefix(folder), []).append((doc.meta.translation is not None, article))
    return {raw: [article for _, article in sorted(articles)] for raw, articles in made.items()}


def _warning(path: Path, line: int | None, message: str, hint: str) -> Problem:
    return Problem(str(path), line, "table", message, hint, "warning")
