"""An article whose file is not where its front-matter puts it: told at the field that disagrees with the path.

The path `articles/<year>/<translation_key>.<lang>.md` repeats three fields, so either side may be the slip: a
misspelt `translation_key:` is fixed in the file, a file saved under the wrong name by renaming it. Each
disagreeing field is told at its own line with both ways out, rather than the file being told to move (which,
for a misspelt key, would rename the file to the misspelling). An article with other problems is compared too,
by the fields of the three that read well, so that all its problems are told in one run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from . import frontmatter
from .articles import ArticleDocument
from .errors import ContentError, Problem
from .layout import ARTICLE_NAME, Layout
from .locales import LANGUAGES
from .schema import is_slug


@dataclass(frozen=True)
class _Fields:
    """What an article's front-matter gives of the fields its path repeats (None: not given, or not valid)."""

    day: date | None
    key: str | None
    lang: str | None
    line: Callable[[str], int | None]
    translated: bool | None = None  # whether it has `translation:`; None where that has a problem told


@dataclass(frozen=True)
class UnreadVersion:
    """An article refused for an error of its own, by the fields that say which version of which article it is:
    the checks of an article's versions that need no more are not kept waiting for its unrelated error."""

    path: str
    translation_key: str
    lang: str
    translation: bool | None  # True where it has `translation:` (a translated version), None where it has none
    line: int | None  # of its `translation_key:`


def misplaced(path: Path, expected: Path, doc: ArticleDocument, content_dir: Path) -> list[Problem]:
    """The problems of the article `doc`, found at `path`, that belongs at `expected` (both in `content_dir`)."""
    belongs = expected.relative_to(content_dir).as_posix()
    if path.parent.parent != expected.parent.parent or ARTICLE_NAME.fullmatch(path.name) is None:
        return [
            Problem(
                str(path),
                1,
                "path",
                "does not match the front-matter",
                f"by its date, translation_key and lang it belongs at {belongs}",
            )
        ]
    meta = doc.meta
    return _disagreements(path, content_dir, _Fields(meta.date, meta.translation_key, meta.lang, doc.line))


def misplaced_unread(
    path: Path, data: bytes, told: Iterable[Problem], content_dir: Path, layout: Layout
) -> tuple[list[Problem], UnreadVersion | None]:
    """The same, of an article that could not be read (`told` its problems), by those of its date, translation_key
    and lang that read well; none when its path is not `<article folder>/<year>/<key>.<lang>.md`. And the version
    it is, where its translation_key, lang and translation read well and its place agrees with them."""
    name = ARTICLE_NAME.fullmatch(path.name)
    folder = path.parent.parent
    if (
        name is None
        or not re.fullmatch(r"\d{4}", path.parent.name)
        or not any(folder == content_dir / article_dir for article_dir in layout.article_dirs)
    ):
        return [], None
    fields = _read_fields(path, data, {problem.field.split(".")[0] for problem in told})
    if fields is None:
        return [], None
    problems = _disagreements(path, content_dir, fields)
    version = None
    if not problems and fields.key is not None and fields.lang is not None and fields.translated is not None:
        translation = True if fields.translated else None
        version = UnreadVersion(str(path), fields.key, fields.lang, translation, fields.line("translation_key"))
    return problems, version


def _read_fields(path: Path, data: bytes, told: set[str]) -> _Fields | None:
    """The date, translation_key and lang of the front-matter of `data`, each that is valid and has no problem
    told (`told`: the fields that do); None when the front-matter cannot be read at all. Read as every front-matter
    is (`frontmatter.load_with_nodes`): within its bounds of nesting, aliases and size."""
    try:
        values, root = frontmatter.load_with_nodes(frontmatter.split(frontmatter.decode(data, path), path), told=[])
    except ContentError:
        return None

    def given(field: str) -> object:
        return values.get(field) if field not in told else None

    day, key, lang = given("date"), given("translation_key"), given("lang")
    return _Fields(
        day if isinstance(day, date) else None,  # a datetime is a date too
        key if isinstance(key, str) and is_slug(key) else None,
        lang if lang in LANGUAGES else None,
        lambda field: frontmatter.node_line(root, field),
        values.get("translation") is not None if "translation" not in told else None,
    )


def _place(path: Path, content_dir: Path, fields: _Fields, field: str) -> str:
    """What to do with the file if `field` is right: move it into the year's folder (`date`), or rename it in its
    folder (`translation_key`, `lang`), the part of its path `field` gives changed, and the others kept, but for a
    part no field may be written as (`Lodz-Conference`, `polski`), which the front-matter gives. Each field's hint
    changes its own part only (the date's, built of every field, renamed a correct file to a misspelt key), and
    one moves the file while the other renames it: two hints of one file, each followed, end both problems."""
    name = ARTICLE_NAME.fullmatch(path.name)
    assert name is not None
    year, key, lang = path.parent.name, name["key"], name["lang"]
    if fields.day is not None and (field == "date" or not re.fullmatch(r"\d{4}", year)):
        year = f"{fields.day.year:04d}"
    if fields.key is not None and (field == "translation_key" or not is_slug(key)):
        key = fields.key
    if fields.lang is not None and (field == "lang" or lang not in LANGUAGES):
        lang = fields.lang
    if field == "date":
        return f"move the file into {(path.parent.parent / year).relative_to(content_dir).as_posix()}/, under its name"
    return f"rename the file to {key}.{lang}.md, in its folder"


def _disagreements(path: Path, content_dir: Path, fields: _Fields) -> list[Problem]:
    """Each of `fields` that the file's place contradicts, at its line, with both ways out."""
    name = ARTICLE_NAME.fullmatch(path.name)
    assert name is not None
    place = partial(_place, path, content_dir, fields)
    problems = []
    if fields.day is not None and path.parent.name != f"{fields.day.year:04d}":
        problems.append(
            _problem(
                path,
                fields.line("date"),
                "date",
                f"{fields.day:%Y-%m-%d} is of {fields.day.year}, but the file is in the folder {path.parent.name}/",
                f"correct `date:` if it is wrong; if it is right, {place('date')}",
            )
        )
    if fields.key is not None and name["key"] != fields.key:
        problems.append(
            _problem(
                path,
                fields.line("translation_key"),
                "translation_key",
                f"{fields.key!r} is not the key the file is named by, {name['key']!r}",
                f"write `translation_key: {name['key']}` if the key is misspelt; if it is right, "
                f"{place('translation_key')}"
                if is_slug(name["key"])
                # `Poland-Signs.en.md`: no `translation_key:` may be written so, the file is what is misnamed
                else "a file's name starts with its translation_key: " + place("translation_key"),
            )
        )
    if fields.lang is not None and name["lang"] != fields.lang:
        problems.append(
            _problem(
                path,
                fields.line("lang"),
                "lang",
                f"is {fields.lang!r}, but the file's name {path.name} says {name['lang']!r}",
                f"write `lang: {name['lang']}` if the text is in {name['lang']!r}; if it is in {fields.lang!r}, "
                f"{place('lang')}"
                if name["lang"] in LANGUAGES
                else f"a file's name ends in its language code: {place('lang')}",
            )
        )
    return problems


def _problem(path: Path, line: int | None, field: str, message: str, hint: str) -> Problem:
    return Problem(str(path), line or 1, field, message, hint)
