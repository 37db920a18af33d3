"""An article whose file is not where its front-matter puts it: told at the field that disagrees with the path.

The path `articles/<year>/<translation_key>.<lang>.md` repeats three fields, so either side may be the slip: a
misspelt `translation_key:` is fixed in the file, a file saved under the wrong name by renaming it. Each
disagreeing field is told at its own line with both ways out, rather than the file being told to move (which,
for a misspelt key, would rename the file to the misspelling).
"""

from __future__ import annotations

from pathlib import Path

from .articles import ArticleDocument
from .errors import Problem
from .layout import ARTICLE_NAME
from .locales import LANGUAGES


def misplaced(path: Path, expected: Path, doc: ArticleDocument, content_dir: Path) -> list[Problem]:
    """The problems of an article found at `path` that belongs at `expected` (both in `content_dir`)."""
    belongs = expected.relative_to(content_dir).as_posix()
    name = ARTICLE_NAME.fullmatch(path.name)
    if path.parent.parent != expected.parent.parent or name is None:  # not in a year's folder, or not so named
        return [
            _problem(
                path,
                1,
                "path",
                "does not match the front-matter",
                f"by its date, translation_key and lang it belongs at {belongs}",
            )
        ]
    meta, problems = doc.meta, []
    if path.parent.name != expected.parent.name:
        problems.append(
            _problem(
                path,
                doc.line("date"),
                "date",
                f"{meta.date:%Y-%m-%d} is of {meta.date.year}, but the file is in the folder {path.parent.name}/",
                f"correct `date:` if it is wrong; if it is right, move the file to {belongs}",
            )
        )
    if name["key"] != meta.translation_key:
        problems.append(
            _problem(
                path,
                doc.line("translation_key"),
                "translation_key",
                f"{meta.translation_key!r} is not the key the file is named by, {name['key']!r}",
                f"write `translation_key: {name['key']}` if the key is misspelt; if it is right, rename the file "
                f"to {belongs}",
            )
        )
    if name["lang"] != meta.lang:
        problems.append(
            _problem(
                path,
                doc.line("lang"),
                "lang",
                f"is {meta.lang!r}, but the file's name {path.name} says {name['lang']!r}",
                f"write `lang: {name['lang']}` if the text is in {name['lang']!r}; if it is in {meta.lang!r}, "
                f"rename the file to {belongs}"
                if name["lang"] in LANGUAGES
                else f"a file's name ends in its language code: rename the file to {belongs}",
            )
        )
    return problems


def _problem(path: Path, line: int | None, field: str, message: str, hint: str) -> Problem:
    return Problem(str(path), line or 1, field, message, hint)
