"""YAML mistakes of a line's shape, found by mutating each line of a front-matter: every one is refused with a
hint that names the line that is wrong (never the general advice), and the hint, followed, reads."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from archive_core.articles import parse_article
from archive_core.errors import ContentError, Problem
from archive_core.yaml_mistakes import GENERIC_HINT

from .test_yaml_mistakes import GOOD

# A front-matter with every kind of line: fields, mappings, lists of mappings, quoted values holding `: `.
FRONT_MATTER = (
    GOOD.split("---\n")[1]
    + """translation_chain:
  - from: en
    to: pl
    by: Jan Kowalski
annotations:
  - text: "Pierwszy akapit"
    kind: editor
    note: "Nota: o akapicie."
corrections:
  - date: 2026-01-15
    change: "Poprawiono: literówkę."
editor_note: "Tekst zachowano."
"""
)
BODY = "\nPierwszy akapit.\n"


def mutations(line: str) -> Iterator[tuple[str, str]]:
    """(the mistake, the line with it) for the mistakes a newcomer makes in the shape of `line`."""
    indent = len(line) - len(line.lstrip(" "))
    yield "indented 2 more", "  " + line
    yield "indented 4 more", "    " + line
    yield "indented 1 more", " " + line
    if indent >= 1:
        yield "indented 1 less", line[1:]
    if indent >= 2:
        yield "indented 2 less", line[2:]
    if re.match(r"^ *(- )?\w+: ", line):
        yield "a full-width colon", line.replace(": ", "： ", 1)
        yield "a full-width colon, no space", line.replace(": ", "：", 1)
        yield "a no-break space after the colon", line.replace(": ", ":\u00a0", 1)
        yield "no space after the colon", line.replace(": ", ":", 1)
        yield "no colon", line.replace(": ", " ", 1)
        yield "an equals sign", line.replace(": ", " = ", 1)
        yield "a semicolon", line.replace(": ", "; ", 1)
    if line.endswith(":"):
        yield "a full-width colon ending a key", line[:-1] + "："
        yield "no colon ending a key", line[:-1]
    if line.lstrip().startswith("- "):
        yield "a bullet", line.replace("- ", "• ", 1)
        yield "an en dash", line.replace("- ", "– ", 1)
        yield "no space after the dash", line.replace("- ", "-", 1)
    yield "a tab for the indentation", "\t" + line.lstrip(" ")


def refused(front_matter: str) -> Problem | None:
    try:
        parse_article(f"---\n{front_matter}---\n{BODY}".encode(), "a.pl.md")
    except ContentError as exc:
        return exc.problem
    return None


CASES = [
    (number, mistake, mutated)
    for number, line in enumerate(FRONT_MATTER.splitlines(), start=2)
    for mistake, mutated in mutations(line)
]


def test_the_front_matter_reads_as_it_is():
    assert refused(FRONT_MATTER) is None


@pytest.mark.parametrize(("number", "mistake", "mutated"), CASES, ids=[f"{n}: {m}" for n, m, _ in CASES])
def test_a_mistake_in_a_lines_shape_is_named_at_that_line(number, mistake, mutated):
    lines = FRONT_MATTER.splitlines()
    lines[number - 2] = mutated
    problem = refused("\n".join(lines) + "\n")
    if problem is None or problem.field != "front-matter":
        return  # YAML reads it (`key : value`), or the schema refuses what it read, at its own line
    assert problem.hint != GENERIC_HINT, problem
    named = f"line {number} " in problem.hint or f"line {number}:" in problem.hint or f"line {number}," in problem.hint
    assert named or ("this line" in problem.hint and problem.line == number), (mistake, problem)


@pytest.mark.parametrize(
    ("line", "mutated", "hint"),
    [
        (
            "lang: pl",
            "lang： pl",
            "`lang` on line 4 is followed by `：` (U+FF1A FULLWIDTH COLON), which looks like a colon but is not "
            "YAML's: type the colon `:` of a Latin keyboard (`lang: pl`)",
        ),
        (
            "lang: pl",
            "lang:\u00a0pl",
            "the space after `lang:` on line 4 is `\u00a0` (U+00A0 NO-BREAK SPACE), which YAML does not read as a "
            "space: retype it with the space bar (`lang: pl`)",
        ),
        (
            "lang: pl",
            "lang = pl",
            "`lang` on line 4 is followed by `=`: YAML separates a key from its value with a colon and a space "
            "(`lang: pl`)",
        ),
        ("lang: pl", "lang pl", "`lang` on line 4 has no colon after it: write `lang: pl`"),
        ("source:", "source", "`source` on line 7 has no colon after it: write `source:`"),
        ("  url: https", "    url: https", "line 8 is indented 4 space(s): indent it 2 (as line 9 is)"),
        (
            "  - from: en",
            "  • from: en",
            "the list item on line 14 starts with `•` (U+2022 BULLET): YAML starts a list item with a hyphen `-` "
            "and a space",
        ),
    ],
    ids=[
        "full-width colon",
        "no-break space",
        "equals sign",
        "no colon",
        "no colon after a key",
        "4 beside 2",
        "bullet",
    ],
)
def test_the_hint_says_what_to_write(line, mutated, hint):
    problem = refused(FRONT_MATTER.replace(line, mutated, 1))
    assert problem is not None and hint in problem.hint, problem


@pytest.mark.parametrize(
    ("items", "written"),
    [
        ("tags:\n  - ratyfikacja\n  -cyber\n", "- cyber"),
        ("tags:\n  - ratyfikacja\n  -cyber\n  - inne\n", "- cyber"),
        ("countries_seen:\n  - VN\n  -PL\n", "- PL"),
    ],
    ids=["last item", "between items", "codes"],
)
def test_an_item_after_the_first_without_the_space_after_its_dash_is_named_at_its_line(items, written):
    """`  -cyber` after `  - ratyfikacja` was told at the line after it, as a line to indent 2 more: followed, YAML
    read `ratyfikacja -cyber`, one topic, and nothing was told. The item's missing space is named at its line."""
    front_matter = FRONT_MATTER.replace("editor_note:", items + "editor_note:", 1)
    slip = 2 + next(
        n
        for n, line in enumerate(front_matter.splitlines())
        if line.lstrip().startswith("-") and line.lstrip()[1] != " "
    )
    problem = refused(front_matter)
    assert problem is not None and problem.line == slip, problem
    assert f"on line {slip} has no space after its `-`" in problem.hint and f"write `{written}`" in problem.hint, (
        problem
    )
    assert "indent it" not in problem.hint, problem


def test_no_indentation_is_proposed_that_reads_only_by_folding_the_line_into_the_text_above():
    """A re-indent that makes YAML read by taking the line as more of the value above (`  -x` under `  - a`, one
    item `a -x`) leaves a silently wrong value: never proposed."""
    from archive_core.yaml_layout import indentation_hint
    from archive_core.yaml_mistakes import _SafeLoader

    lines = ["tags:", "  - ratyfikacja", "  -x y", "title: a"]
    hint = indentation_hint(lines, 3, 0, _SafeLoader)
    assert hint is None or "line 3 is indented" not in hint, hint


def test_a_record_indented_off_as_a_whole_is_told_with_the_lines_under_it():
    """A country's record added at the end of `countries.yaml` as `  - code: RO`, its fields under it, indented
    2 more than the records above: no line of it reads moved alone, and the hint was the general advice."""
    import yaml

    from archive_core.yaml_mistakes import _SafeLoader, syntax_hint

    records = ["- code: PL", "  status: signed", "  sources:", "    - url: https://a.example/x", "      publisher: A"]
    added = ["  - code: RO", "    status: signed", "", "    place: hanoi"]
    with pytest.raises(yaml.YAMLError) as raised:
        yaml.safe_load("\n".join(records + added))
    hint = syntax_hint(records + added, raised.value.problem_mark.line, 0, _SafeLoader)
    assert hint.startswith(
        "line 6 is indented 2 space(s), and the 3 line(s) under it with it: indent it 0 (as line 1"
    ), hint
    assert "and the lines under it 2 space(s) less too" in hint, hint
    followed = [line.removeprefix("  ") for line in added]
    assert yaml.safe_load("\n".join(records + followed))[1] == {
        "code": "RO",
        "status": "signed",
        "place": "hanoi",
    }
