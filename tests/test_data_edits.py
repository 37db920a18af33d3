"""A newcomer's edits of `content/data/`, as CONTRIBUTING.md ("Adding a country fact", "Adding a timeline
event") describes them, with the mistakes a first edit makes: each is refused at its line, and the hint,
followed literally, ends it without starting another problem.

Each test writes its edit into a copy of the fixture archive, runs `make check` (`tools.check`), follows the
hint as a contributor would (by hand, in the test) and checks again: only the fixture's own problems are left.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from archive_core.errors import Problem
from tools.check import check

SOURCE = "https://example.org/status/pl"


def shown(problems: list[Problem]) -> set[tuple[str, str, str]]:
    return {(problem.path, problem.field, problem.message) for problem in problems}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def only_error(content: Path, before: set) -> Problem:
    [problem] = [problem for problem in check(content) if (problem.path, problem.field, problem.message) not in before]
    assert problem.severity == "error", problem
    return problem


def told_after(content: Path, file: str, fixture: str, written: str) -> tuple[set, Problem]:
    """The fixture's own problems, and the one error `fixture` rewritten as `written` in `file` adds to them."""
    before = shown(check(content))
    edit(content / file, fixture, written)
    return before, only_error(content, before)


# (file, the fixture's text, the newcomer's edit of it)
ONE_TEXT = {
    "a country's note": (
        "data/countries.yaml",
        "- code: PL\n  status: signed\n",
        "- code: PL\n  status: signed\n  note: Tylko w tym języku.\n",
    ),
    "a source's note": (
        "data/convention.yaml",
        '    note:\n      pl: "„Sygnatariusze: 4” (fikcyjna liczba)."\n'
        '      en: "“Signatories: 4” (an invented figure)."\n',
        "    note: Tylko w tym języku.\n",
    ),
    "an event's correction": (
        "data/timeline/signing-ceremony.yaml",
        "countries: [VN]\n",
        "countries: [VN]\ncorrections:\n  - date: 2026-01-10\n    change: Poprawiono datę.\n",
    ),
    "a correction's reason": (
        "data/countries.yaml",
        "- code: PL\n  status: signed\n",
        "- code: PL\n  status: signed\n  corrections:\n    - date: 2026-01-10\n      change: {pl: Data., en: Date.}\n"
        "      reason: Literówka.\n",
    ),
    "a person's official role": (
        "data/people.yaml",
        "  articles: [civil-society-concerns]\n",
        "  articles: [civil-society-concerns]\n  official_role: badaczka prawa\n  sources: [https://example.org/q]\n",
    ),
}


@pytest.mark.parametrize(("file", "fixture", "written"), ONE_TEXT.values(), ids=ONE_TEXT.keys())
def test_a_text_of_one_language_where_each_language_has_its_own_is_refused(content_copy, file, fixture, written):
    """A note, change, reason or role written once was shown, in its one language, on the other language's
    pages too; only a name is the same in both. Told at the line of the edit that writes it."""
    before, told = told_after(content_copy, file, fixture, written)
    field = told.field.rsplit(".", 1)[-1]
    edited = (content_copy / file).read_text(encoding="utf-8")
    line = edited[: edited.index(written)].count("\n") + 1 + written.split(f"{field}: ", 1)[0].count("\n")
    assert (Path(told.path), told.line) == (content_copy / file, line), told
    assert "is one text" in told.message and "`pl: ...`, `en: ...`" in told.hint, told
    text = written.split(f"{field}: ", 1)[1].split("\n", 1)[0]
    indent = written.split(f"{field}: ", 1)[0].rsplit("\n", 1)[-1]
    as_told = f"{field}:\n{indent}  pl: {text}\n{indent}  en: In the other language.\n"
    edit(content_copy / file, f"{field}: {text}\n", as_told)
    assert shown(check(content_copy)) == before


def test_a_persons_name_is_still_one_text_for_every_language(content_copy):
    assert "- name: Quillfeather\n" in (content_copy / "data" / "people.yaml").read_text(encoding="utf-8")
    assert [problem for problem in check(content_copy) if problem.path.endswith("people.yaml")] == []


CITED_TWICE = {
    "a country's record, as an address": (
        "data/countries.yaml",
        f"  source: {SOURCE}\n",
        f"  sources:\n    - {SOURCE}\n    - https://www.example.org/status/pl/\n",
        ("PL.sources.1", 23, 22),
    ),
    "a country's record, as mappings": (
        "data/countries.yaml",
        f"  source: {SOURCE}\n",
        f"  sources:\n    - url: {SOURCE}\n      publisher: Example\n      accessed: 2026-01-10\n"
        "    - url: http://example.org/status/pl\n      publisher: Example\n      accessed: 2026-01-11\n",
        ("PL.sources.1.url", 25, 22),
    ),
    "a timeline event": (
        "data/timeline/signing-ceremony.yaml",
        "  - https://example.org/events/signing\n",
        "  - https://example.org/events/signing\n  - url: https://example.org/events/signing\n"
        "    publisher: Example Depositary\n    accessed: 2026-01-10\n",
        ("sources.1.url", 14, 13),
    ),
}


def delete_item(path: Path, line: int) -> None:
    """Delete the list item that starts on `line` (1-based), and the fields indented under it."""
    lines = path.read_text(encoding="utf-8").split("\n")
    dash = lines[line - 1].index("- ")
    end = line
    while end < len(lines) and len(lines[end]) - len(lines[end].lstrip()) > dash:
        end += 1
    del lines[line - 1 : end]
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize(("file", "fixture", "written", "where"), CITED_TWICE.values(), ids=CITED_TWICE.keys())
def test_a_page_cited_twice_for_one_fact_is_told_at_the_repeat(content_copy, file, fixture, written, where):
    """CONTRIBUTING.md: no list holds one source twice. A list of mappings was left to what reads it, which
    never compared them, so the page was listed twice on the fact's page; `http:`, `www.` or a final `/` do not
    make another page."""
    field, line, first = where
    before, told = told_after(content_copy, file, fixture, written)
    assert (told.field, told.line) == (field, line) and f"on line {first}, is that page" in told.message, told
    delete_item(content_copy / file, told.line)  # the hint: delete this source
    assert shown(check(content_copy)) == before


@pytest.mark.parametrize(
    ("file", "fixture", "written"),
    [
        ("data/countries.yaml", "  date: 2025-10-25\n  place: hanoi\n  source: https://example.org/status/vn\n",
         "  date: 2025-10-25\n  date: 2025-11-30\n  place: hanoi\n  source: https://example.org/status/vn\n"),
        ("data/countries.yaml", "- code: PL\n  status: signed\n", "- code: PL\n  status: signed\n  status: ratified\n"),
        ("data/timeline/signing-ceremony.yaml", "countries: [VN]\n", "countries: [VN]\ncountries: [JP]\n"),
    ],
    ids=["a record's date, against an event", "a record's status, against its place", "an event's countries"],
)  # fmt: skip
def test_a_field_set_twice_is_told_alone(content_copy, file, fixture, written):
    """A field of a record or event set twice was told so, and then its last value checked as if it were meant:
    a `status:` set twice was told that a 'ratified' status has no place; a record's `date:` set twice, that the
    signing event names a country signed on another day; an event's `countries:` set twice, that it names a country
    whose record is not signed. Only the field set twice is told; the line deleted as told, nothing is left."""
    before = shown(check(content_copy))
    path = content_copy / file
    edit(path, fixture, written)
    told = only_error(content_copy, before)
    assert "is set twice" in told.message and told.path == str(path), told
    lines = path.read_text(encoding="utf-8").split("\n")
    del lines[told.line - 1]  # keep one: the first, which a reviewer read
    path.write_text("\n".join(lines), encoding="utf-8")
    assert shown(check(content_copy)) == before


SECOND_RECORD = {
    "a country's status": (
        "data/countries.yaml",
        "- code: PL\n  status: signed\n  date: 2025-10-25\n  place: hanoi\n  source: https://example.org/pl-again\n",
        ("PL.code", 17),
    ),
    "a publisher's site": (
        "data/publishers.yaml",
        "- host: example.net\n  name: Example Network\n  source: https://www.example.net/about-us\n",
        ("example.net.host", 2),
    ),
    "a country's names": (
        "data/country-names.yaml",
        "countries:\n  - code: PL\n    forms: [Polsce]\n    source: https://example.org/forms\n"
        "  - code: PL\n    forms: [Polski]\n    source: https://example.org/forms\n",
        ("countries.1.code", 2),
    ),
}


@pytest.mark.parametrize(("file", "added", "where"), SECOND_RECORD.values(), ids=SECOND_RECORD.keys())
def test_a_second_record_of_one_thing_names_the_line_of_the_first(content_copy, file, added, where):
    """A record added for a country (a site) the file has already, further down: `has a second record` did not
    say where the first was, in a file of a hundred records."""
    path = content_copy / file
    before = shown(check(content_copy))
    path.write_text((path.read_text(encoding="utf-8") if path.exists() else "") + added, encoding="utf-8")
    field, first = where
    told = only_error(content_copy, before)
    assert told.field == field and f"of the record on line {first} too" in told.message, told
    assert path.read_text(encoding="utf-8").split("\n")[first - 1].lstrip(" -").startswith(field.split(".")[-1])
    delete_item(path, told.line)  # merged into the first, as the hint says
    assert shown(check(content_copy)) == before


def test_the_sources_table_is_told_an_article_moved_and_a_raw_copy_it_does_not_list(content_copy):
    """`content/sources/README.md` lists each raw copy with the article it became, as `make import` asks; an
    article moved to another year's folder (its date corrected), or a raw copy imported and not added to the
    table, left it wrong without a word. Each is a warning whose row, written as told, ends it."""
    before = shown(check(content_copy))
    articles, readme = content_copy / "articles", content_copy / "sources" / "README.md"
    for lang in ("pl", "en"):  # the date corrected in both versions, each file moved as `make check` says
        moved = articles / "2026" / f"signing-in-hanoi.{lang}.md"
        (articles / "2025" / moved.name).rename(moved)
        edit(moved, "date: 2025-10-26", "date: 2026-01-05")
    (content_copy / "sources" / "lodz.pl.txt").write_text("Łódź.\n", encoding="utf-8")
    edit(articles / "2025" / "lodz-conference.pl.md", "\n---\n", "\n  raw: sources/lodz.pl.txt\n---\n")
    told = [problem for problem in check(content_copy) if shown([problem]) - before]
    assert {(Path(problem.path), problem.severity) for problem in told} == {(readme, "warning")}, told
    assert len(told) == 2, told
    for problem in told:
        if written := re.search(r"write `([^`]+)` in that row", problem.hint):
            lines = readme.read_text(encoding="utf-8").split("\n")
            stale = re.search(r"lists (\S+) as", problem.message).group(1)
            lines[problem.line - 1] = lines[problem.line - 1].replace(stale, written.group(1))
            readme.write_text("\n".join(lines), encoding="utf-8")
        else:
            row = re.search(r"add the row (\| .+ \|) to its table", problem.hint).group(1)
            readme.write_text(readme.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    assert shown(check(content_copy)) == before


# Each of these takes the written text and the problem told of it, checks what the hint says, and returns the
# edit the hint asks for, as (text, its replacement).
def _sources_as_told(written: str, told: Problem) -> tuple[str, str]:
    """`source:` holds one source; a list under it was told `must be an address or a mapping with url:`."""
    assert (told.field, told.line) == ("PL.source", 21) and "`sources:`" in told.hint, told
    return "  source:\n    - url:", "  sources:\n    - url:"


def _indented_as_told(written: str, told: Problem) -> tuple[str, str]:
    """A field one space deeper than the field above it, which has a value, was told that the field above
    must be alone on its line with its fields under it (`code:` alone, under `- `): followed, another error."""
    spaces = re.search(r"indent it (\d+) \(as line", told.hint)
    assert spaces and "gives" not in told.hint, told
    line = written.split("\n")[1 if written.startswith("- ") else 0]
    return line, " " * int(spaces.group(1)) + line.lstrip(" ")


def _article_meant_as_told(written: str, told: Problem) -> tuple[str, str]:
    """An event's misspelt `articles:` key was told the key meant; a person's only `use a translation_key`."""
    meant = re.search(r"did you mean '([\w-]+)'\?", told.hint)
    assert told.field == "Quillfeather.articles.0" and meant, told
    return "civil-society-concern]", f"{meant.group(1)}]"


def _two_letter_code_as_told(written: str, told: Problem) -> tuple[str, str]:
    """`DEU`, `VNM`, as other datasets write countries, were told only the rule, not the code to write."""
    code = re.search(r"^write ([A-Z]{2}):", told.hint)
    assert code, told
    return written, written.replace(written.split()[-1].strip("[]"), code[1])


# (file, the fixture's text, the newcomer's edit of it, what the hint says and the edit it asks for)
AS_TOLD = {
    "sources written as source": (
        "data/countries.yaml",
        f"  source: {SOURCE}\n",
        f"  source:\n    - url: {SOURCE}\n      publisher: X\n      accessed: 2026-01-10\n",
        _sources_as_told,
    ),
    "a record's field indented one space too far": (
        "data/countries.yaml", "- code: PL\n  status: signed\n", "- code: PL\n   status: signed\n", _indented_as_told
    ),
    "an event's title in English indented one space too far": (
        "data/timeline/signing-ceremony.yaml", "  en: Signing ceremony\n", "   en: Signing ceremony\n",
        _indented_as_told,
    ),
    "a person's article misspelt": (
        "data/people.yaml", "  articles: [civil-society-concerns]\n", "  articles: [civil-society-concern]\n",
        _article_meant_as_told,
    ),
    "a record's code in three letters": (
        "data/countries.yaml", "- code: PL\n", "- code: POL\n", _two_letter_code_as_told
    ),
    "an event's country in three letters": (
        "data/timeline/signing-ceremony.yaml", "countries: [VN]\n", "countries: [VNM]\n", _two_letter_code_as_told
    ),
}  # fmt: skip


@pytest.mark.parametrize(("file", "fixture", "written", "as_told"), AS_TOLD.values(), ids=AS_TOLD.keys())
def test_the_hint_names_what_to_write_and_written_ends_the_problem(content_copy, file, fixture, written, as_told):
    before, told = told_after(content_copy, file, fixture, written)
    edit(content_copy / file, *as_told(written, told))
    assert shown(check(content_copy)) == before
