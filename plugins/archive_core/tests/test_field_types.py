"""A front-matter value of the wrong YAML type says what it is, for every field the schema types."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest
import yaml

from archive_core.articles import parse_article
from archive_core.data import DataFile
from archive_core.errors import ContentError
from archive_core.frontmatter import parse_yaml
from archive_core.people import parse_people
from archive_core.schema import FIELDS, PARTS, TYPE_OF_KIND

GOOD: dict[str, Any] = {
    "title": "Convention signed in Hanoi",
    "date": date(2025, 10, 26),
    "lang": "en",
    "translation_key": "signing-in-hanoi",
    "slug": "convention-signed-in-hanoi",
    "summary": "The convention was signed.",
    "countries": ["VN"],
    "tags": ["ceremony"],
    "source": {
        "url": "https://example.org/a",
        "publisher": "X",
        "raw": "sources/a.txt",
        "archived": "https://web.archive.org/web/20251026/https://example.org/a",
    },
    "translation": {"from": "pl", "by": "Anna Nowak"},
    "editor_note": "A note.",
    "review": ["tags"],
    "annotations": [{"text": "signed", "note": "A note.", "kind": "editor"}],
    "corrections": [{"date": date(2025, 10, 27), "change": "A typo.", "reason": "It was wrong."}],
    "translation_chain": [{"from": "pl", "to": "en", "by": "Anna Nowak"}],
}
# What each type's wrong value is, and what the error says it is.
WRONG = {
    "text": (2023, "is a number"),
    "date": (2025, "is a number, not a date"),
    "mapping": (5, "is a number, not a mapping"),
}
WRONG_LIST = ("Hanoi", "is text, not a list")


def typed_paths() -> list[tuple[tuple[str | int, ...], str]]:
    """Every (path, type) the schema types: top-level fields, each key of their parts, a list's items."""
    found = []
    for field in FIELDS:
        if (expected := TYPE_OF_KIND.get(field.kind)) is None:
            continue
        found.append(((field.name,), expected))
        if expected == "list of text":
            found.append(((field.name, 0), "text"))
        for part in PARTS.get(field.name, ()):
            if (part_type := TYPE_OF_KIND.get(part.kind)) is not None:
                where = (field.name, 0) if expected == "list of mappings" else (field.name,)
                found.append(((*where, part.name), part_type))
        if expected == "list of mappings":
            found.append(((field.name, 0), "mapping"))
    return found


def refused(data: dict[str, Any]) -> ContentError:
    text = "---\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True) + "---\n\nThe convention was signed.\n"
    with pytest.raises(ContentError) as caught:
        parse_article(text.encode(), "article.en.md")
    return caught.value


def test_the_good_front_matter_is_read():
    text = "---\n" + yaml.safe_dump(GOOD, sort_keys=False) + "---\n\nThe convention was signed.\n"
    assert parse_article(text.encode(), "article.en.md").meta.title == GOOD["title"]


@pytest.mark.parametrize(
    ("path", "expected"), typed_paths(), ids=lambda v: ".".join(map(str, v)) if isinstance(v, tuple) else v
)
def test_a_value_of_the_wrong_type_says_what_it_is_at_its_line(path, expected):
    data = copy.deepcopy(GOOD)
    holder = data
    for key in path[:-1]:
        holder = holder[key]
    value, said = WRONG_LIST if expected.startswith("list") else WRONG[expected]
    holder[path[-1]] = value
    problem = refused(data).problem
    assert (problem.field, problem.message) == (".".join(map(str, path)), said), problem
    written = "---\n" + yaml.safe_dump(data, sort_keys=False) + "---\n"
    assert str(value) in written.split("\n")[problem.line - 1], (problem, written)
    if path == ("translation_key",):  # a field the file's name repeats: the value it gives (test_hints_agree)
        assert problem.hint == "write `translation_key: article`: the file's name gives it", problem
    elif expected == "text":
        assert f'"{value}"' in problem.hint and "quotes" in problem.hint, problem


@pytest.mark.parametrize("written", ["1" + "0" * 100_000 + ".5", "0." + "1" * 100_000, ".inf"])
def test_a_long_number_is_quoted_in_its_hint_by_its_start(written):
    """The hint quoted a value YAML read as a number whole: one of 100,000 digits made a line of 100 KB."""
    front = yaml.safe_dump(GOOD, sort_keys=False).replace("by: Anna Nowak", f"by: {written}", 1)
    with pytest.raises(ContentError) as caught:
        parse_article(f"---\n{front}---\n\nThe convention was signed.\n".encode(), "article.en.md")
    problem = caught.value.problem
    assert (problem.field, problem.message) == ("translation.by", "is a number") and len(str(caught.value)) < 200
    shown = written if len(written) <= 40 else f"{written[:20]}…"
    assert problem.hint == f'write it as text in quotes: by: "{shown}"'


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("2025-10-26", "is a date"),
        ("true", "is a yes/no value (true)"),
        ("[A, B]", "is a list"),
        ("{a: b}", "is a mapping"),
    ],
)
def test_a_name_of_another_type_is_named_as_such(written, said):
    text = (
        "---\n"
        + yaml.safe_dump(GOOD, sort_keys=False).replace("by: Anna Nowak", f"by: {written}", 1)
        + "---\n\nThe convention was signed.\n"
    )
    with pytest.raises(ContentError) as caught:
        parse_article(text.encode(), "article.en.md")
    assert (caught.value.problem.field, caught.value.problem.message) == ("translation.by", said)


@pytest.mark.parametrize(
    ("record", "field", "said"),
    [
        ("- name: 2023\n  role: {pl: x, en: y}\n  articles: [a]\n", "record 1.name", "is a number"),
        ("- name: {pl: 12, en: Ivan}\n  role: {pl: x, en: y}\n  articles: [a]\n", "record 1.name.pl", "is a number"),
        ("- name: [A, B]\n  role: {pl: x, en: y}\n  articles: [a]\n", "record 1.name", "is a list"),
        (
            "- name: A\n  role: {pl: x, en: y}\n  articles: [a]\n  official_name: 1.5\n  sources: [https://e.org/a]\n",
            "A.official_name",
            "is a number",
        ),
    ],
)
def test_a_data_file_name_of_another_type_is_named_as_such(tmp_path, record, field, said):
    path = tmp_path / "people.yaml"
    data, root = parse_yaml(record, path, record_key="name")
    _, problems = parse_people(DataFile(path, data, root, record_key="name"), {"a"})
    assert [(p.field, p.message) for p in problems] == [(field, said)], problems
