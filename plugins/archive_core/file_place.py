"""An article whose file is not where its front-matter puts it: told at the field that disagrees with the path.

The path `articles/<year>/<translation_key>.<lang>.md` repeats three fields, so either side may be the slip: a
misspelt `translation_key:` is fixed in the file, a file saved under the wrong name by renaming it. Each
disagreeing field is told at its own line with both ways out, rather than the file being told to move (which,
for a misspelt key, would rename the file to the misspelling). An article with other problems is compared too,
by the fields of the three that read well, so that all its problems are told in one run.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from .articles import ArticleDocument, RefusedArticle
from .errors import NAMES_FILE, Problem
from .layout import ARTICLE_NAME, Layout
from .locales import LANGUAGES
from .schema import SLUG_MAX_LENGTH, is_slug, is_translation_key
from .suggestions import as_slug
from .yaml_tags import as_written


@dataclass(frozen=True)
class _Fields:
    """What an article's front-matter gives of the fields its path repeats (None: not given, or not valid)."""

    day: date | None
    key: str | None
    lang: str | None
    line: Callable[[str], int | None]


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


def misplaced_refused(path: Path, refused: RefusedArticle, content_dir: Path, layout: Layout) -> list[Problem]:
    """The same, of an article refused for problems of its own, by those of its date, translation_key and lang that
    read well (`refused.read`); none when its path is not `<article folder>/<year>/<key>.<lang>.md`."""
    name = ARTICLE_NAME.fullmatch(path.name)
    folder = path.parent.parent
    if (
        name is None
        or not re.fullmatch(r"[0-9]{4}", path.parent.name)
        or not any(folder == content_dir / article_dir for article_dir in layout.article_dirs)
    ):
        return []
    meta = refused.meta
    problems = _disagreements(path, content_dir, _Fields(meta.date, meta.translation_key, meta.lang, refused.line))
    told = any(problem.code == NAMES_FILE for problem in refused.problems)
    if meta.translation_key is None and not is_slug(name["key"]) and not told:
        problems.append(_unnamed(path, name["key"], name["lang"] if name["lang"] in LANGUAGES else meta.lang))
    return problems


def _unnamed(path: Path, written: str, lang: str | None) -> Problem:
    """A file named by what no key may be (`mój tytuł.pl.md`), whose key did not read (a YAML error, no front-matter):
    its name told with the one to take, made as a key's hint makes it, so that the round that fixes the front-matter
    is not followed by one that renames the file."""
    key = as_slug(written, SLUG_MAX_LENGTH)
    lang = lang or "<lang>"
    hint = (
        f"rename the file to {key}.{lang}.md, in its folder, and write `translation_key: {as_written(key)}`"
        if key and is_translation_key(key)
        else f"rename the file to <translation_key>.{lang}.md, in its folder, the key of a-z, 0-9 and single hyphens"
    )
    message = f"{written!r} is no translation_key, and a file's name starts with its key"
    return Problem(str(path), 1, "path", message, hint, code=NAMES_FILE)


def _place(path: Path, content_dir: Path, fields: _Fields, field: str) -> str:
    """What to do with the file if `field` is right: move it into the year's folder (`date`), or rename it in its
    folder (`translation_key`, `lang`), the part of its path `field` gives changed, and the others kept, but for a
    part no field may be written as (`Lodz-Conference`, `polski`), which the front-matter gives. Each field's hint
    changes its own part only (the date's, built of every field, renamed a correct file to a misspelt key), and
    one moves the file while the other renames it: two hints of one file, each followed, end both problems."""
    name = ARTICLE_NAME.fullmatch(path.name)
    assert name is not None
    year, key, lang = path.parent.name, name["key"], name["lang"]
    if fields.day is not None and (field == "date" or not re.fullmatch(r"[0-9]{4}", year)):
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
                f"write `translation_key: {as_written(name['key'])}` if the key is misspelt; if it is right, "
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
