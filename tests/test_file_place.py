"""An article whose path and front-matter disagree is told at the field that disagrees, with both ways out; a field
the path gives, left out, is told the value the path gives.

`articles/<year>/<translation_key>.<lang>.md` repeats three fields. A misspelt `translation_key:` was told only
`path: does not match the front-matter (... it belongs at articles/2025/<the misspelling>.pl.md)`, at line 1:
followed, the hint renamed a correct file to the misspelling. Each way out the hint now gives, followed
literally, ends the problem.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tools.check import check

ARTICLE = Path("articles/2025/lodz-conference.pl.md")  # a fixture article with no other language version
# field: (the line as the fixture writes it, as a contributor mistyped it)
SLIPS = {
    "translation_key": ("translation_key: lodz-conference", "translation_key: lodz-conferance"),
    "date": ("date: 2025-11-05", "date: 2024-11-05"),
    "lang": ("lang: pl", "lang: en"),
}
# A hint's way out that keeps the field: the file moved into another folder, or renamed in its own.
MOVE = re.compile(r"move the file into (\S+)/, under its name$|rename the file to (\S+), in its folder$")


def followed(content: Path, path: Path, hint: str) -> Path:
    """Where the file at `path` is once `hint`'s move or renaming is done."""
    way = MOVE.search(hint)
    assert way is not None, hint
    return content / way[1] / path.name if way[1] else path.parent / way[2]


def errors_of(content: Path, path: Path) -> list:
    return [p for p in check(content) if p.path == str(path) and p.severity == "error"]


@pytest.mark.parametrize("field", SLIPS)
def test_a_field_the_path_contradicts_is_told_at_its_line_and_either_fix_ends_it(content_copy, field):
    path = content_copy / ARTICLE
    right, slip = SLIPS[field]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(right, slip), encoding="utf-8")
    [problem] = errors_of(content_copy, path)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert problem.field == field and lines[problem.line - 1] == slip, problem
    # The field put right, as written in the hint where it names the value (the year is only the date's):
    written = re.search(r"write `([^`]+)`", problem.hint)
    assert written is None or written.group(1) == right, problem.hint
    path.write_text(text, encoding="utf-8")
    assert errors_of(content_copy, path) == []
    # Or the field kept, and the file moved where the hint says.
    path.write_text(text.replace(right, slip), encoding="utf-8")
    moved = followed(content_copy, path, problem.hint)
    moved.parent.mkdir(parents=True, exist_ok=True)
    path.rename(moved)
    assert errors_of(content_copy, moved) == []


def test_two_fields_the_path_contradicts_are_each_told_a_place_that_changes_only_its_own_part(content_copy):
    """A date and a key both slipped: the date's hint moved the file to `articles/2024/lodz-conferance.pl.md`, renaming
    a correct file to the misspelt key, which, followed, ended the key's problem with the misspelling kept."""
    path = content_copy / ARTICLE
    text = path.read_text(encoding="utf-8")
    slipped = text
    for field in ("date", "translation_key"):
        slipped = slipped.replace(*SLIPS[field])
    path.write_text(slipped, encoding="utf-8")
    told = {problem.field: problem for problem in errors_of(content_copy, path)}
    assert MOVE.search(told["date"].hint)[1] == "articles/2024", told["date"].hint
    assert MOVE.search(told["translation_key"].hint)[2] == "lodz-conferance.pl.md"
    # The date kept (moved as told) and the key put right (written as told): nothing left.
    moved = followed(content_copy, path, told["date"].hint)
    moved.parent.mkdir(parents=True, exist_ok=True)
    path.rename(moved)
    moved.write_text(slipped.replace(SLIPS["translation_key"][1], SLIPS["translation_key"][0]), encoding="utf-8")
    assert errors_of(content_copy, moved) == []


def test_a_file_outside_a_years_folder_is_told_where_it_belongs(content_copy):
    path = content_copy / "articles" / "2025" / "extra" / ARTICLE.name
    path.parent.mkdir()
    (content_copy / ARTICLE).rename(path)
    [problem] = errors_of(content_copy, path)
    assert (problem.line, problem.field) == (1, "path") and problem.hint.endswith(f"belongs at {ARTICLE}"), problem


def test_a_file_named_with_no_language_code_is_told_its_name(content_copy):
    path = content_copy / "articles" / "2025" / "lodz-conference.polski.md"
    (content_copy / ARTICLE).rename(path)
    [problem] = errors_of(content_copy, path)
    assert problem.field == "lang" and "write `lang:" not in problem.hint, problem
    assert problem.hint.endswith(f"rename the file to {ARTICLE.name}, in its folder"), problem


@pytest.mark.parametrize("name", ["Lodz-Conference.pl.md", "lodz_conference.pl.md", "lodz.conference.pl.md"])
def test_a_file_named_by_no_key_one_may_write_is_told_only_to_rename_it(content_copy, name):
    """`Lodz-Conference.pl.md` was told to `write `translation_key: Lodz-Conference``: followed, that was refused
    as no valid key, and the file stayed misnamed."""
    path = content_copy / ARTICLE.parent / name
    (content_copy / ARTICLE).rename(path)
    [problem] = errors_of(content_copy, path)
    assert problem.field == "translation_key" and "write `translation_key:" not in problem.hint, problem
    assert problem.hint.endswith(f"rename the file to {ARTICLE.name}, in its folder"), problem
    path.rename(followed(content_copy, path, problem.hint))
    assert errors_of(content_copy, content_copy / ARTICLE) == []


@pytest.mark.parametrize("line", ["translation_key: lodz-conference", "lang: pl"])
def test_a_field_the_file_s_name_gives_left_out_is_told_that_value(content_copy, line):
    """`translation_key: is missing (add `translation_key: ...` to the front-matter)`: the value was the file's name."""
    path = content_copy / ARTICLE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(line + "\n", ""), encoding="utf-8")
    [problem] = errors_of(content_copy, path)
    field = line.split(":")[0]
    assert (problem.field, problem.message) == (field, "is missing"), problem
    assert problem.hint == f"add `{line}` to the front-matter: the file's name gives it", problem
    path.write_text(text, encoding="utf-8")  # the line the hint gives, put back
    assert errors_of(content_copy, path) == []


@pytest.mark.parametrize("field", SLIPS)
def test_a_field_the_path_contradicts_is_told_beside_the_article_s_other_problems(content_copy, field):
    """An article with another problem (a country code) was told only that one: the misspelt key came next run."""
    path = content_copy / ARTICLE
    right, slip = SLIPS[field]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(right, slip).replace("countries: [PL]", "countries: [XX]"), encoding="utf-8")
    told = errors_of(content_copy, path)
    assert [problem.field for problem in told] == [field, "countries.0"], [str(p) for p in told]
    path.write_text(text, encoding="utf-8")
    assert errors_of(content_copy, path) == []


def test_a_field_with_a_problem_of_its_own_is_not_compared_with_the_path(content_copy):
    path = content_copy / ARTICLE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("lang: pl", "lang: polski").replace("date: 2025-11-05", "date: 2025-13-05"), "utf-8")
    assert [(p.field, p.message.split(" ")[0]) for p in errors_of(content_copy, path)] == [
        ("date", "impossible"),
        ("lang", "must"),
    ]


def test_two_ways_out_of_one_file_each_followed_from_one_run_end_both_problems(content_copy):
    """A file saved in the wrong year's folder and under the other language's name, both fields right: the date's hint
    moved it to `articles/2025/<its name>`, the lang's renamed it to `articles/2024/<the right name>`, and followed one
    after the other, the second put back what the first had put right."""
    right = content_copy / ARTICLE
    path = content_copy / "articles" / "2024" / "lodz-conference.en.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(right.read_text(encoding="utf-8"), encoding="utf-8")
    right.unlink()
    told = errors_of(content_copy, path)
    assert [problem.field for problem in told] == ["date", "lang"], [str(p) for p in told]
    for problem in told:  # in the order told, each from the run's own hint
        target = followed(content_copy, path, problem.hint)
        path.rename(target)
        path = target
    assert path == right and errors_of(content_copy, path) == []
