"""The curated data files (content/data/): a file emptied by mistake, two records of one person, and every
error of the YAML reader inside a record named as the file's reader names it (`DZ.date`, not `date`).
See docs/security.md.
"""

from __future__ import annotations

import re
import shutil

import pytest

from archive_core.tests.effort import cpu_seconds
from tools.check import check

from .build_helpers import run_build, tree_snapshot
from .conftest import FIXTURE

DATA_FILES = [
    "data/countries.yaml",
    "data/people.yaml",
    "data/publishers.yaml",
    "data/convention.yaml",
    "data/names.yaml",
    "data/timeline/signing-ceremony.yaml",
]
EMPTY = {"no text": "", "only comments": "# to do\n", "an empty list": "[]\n", "an empty mapping": "# x\n{}\n"}


def _errors(content) -> list[str]:
    return [str(p) for p in check(content) if p.severity == "error"]


@pytest.mark.parametrize("text", EMPTY.values(), ids=EMPTY.keys())
@pytest.mark.parametrize("name", DATA_FILES)
def test_a_data_file_that_holds_nothing_is_refused(name, text, content_copy):
    """No file means no records; an empty one is a file emptied by mistake (every status gone from the site)."""
    (content_copy / name).write_text(text, encoding="utf-8")
    line = 2 if text.startswith("# x") else 1
    expected = f"{content_copy / name}:{line}: yaml: the file holds nothing"
    assert any(error.startswith(expected) for error in _errors(content_copy)), _errors(content_copy)


def test_an_emptied_countries_file_stops_the_build_and_keeps_the_last_site(content_copy, tmp_path):
    output = tmp_path / "output"
    assert run_build(content_copy, output).returncode == 0
    before = tree_snapshot(output)
    (content_copy / "data/countries.yaml").write_text("# emptied\n", encoding="utf-8")
    refused = run_build(content_copy, output)
    assert refused.returncode == 1
    assert f"{content_copy / 'data/countries.yaml'}:1: yaml: the file holds nothing" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert tree_snapshot(output) == before


PERSON = "- name: {name}\n  country: US\n  role: {{pl: badaczka, en: researcher}}\n  articles: [signing-in-hanoi]\n"
SAME_NAMES = {
    "spelled the same": "Quillfeather",
    "in other case": "QUILLFEATHER",
    "with other spaces": '"  quillfeather "',
    "in one language of a mapping": "{pl: Quillfeather, en: Quill Feather}",
}


@pytest.mark.parametrize("name", SAME_NAMES.values(), ids=SAME_NAMES.keys())
def test_two_records_of_one_person_are_refused(name, content_copy):
    path = content_copy / "data/people.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.splitlines().index("- name: Quillfeather") + 1
    path.write_text(text + PERSON.format(name=name), encoding="utf-8")
    second = text.count("\n") + 1
    errors = _errors(content_copy)
    said = [
        e for e in errors if e.startswith(f"{path}:{second}: ") and f"is the name of the record on line {first}" in e
    ]
    assert said, errors


def test_people_whose_names_differ_by_a_letter_are_two(content_copy):
    """Each article's spelling is kept: `Nguyễn` and `Nguyen` may be one person, and no rule can tell."""
    path = content_copy / "data/people.yaml"
    for name in ("Nguyen Van A", "Nguyễn Văn A"):
        path.write_text(path.read_text(encoding="utf-8") + PERSON.format(name=name), encoding="utf-8")
    assert _errors(content_copy) == []


# name: (file, text replaced, its replacement, the problem's `line: field: message` start)
IN_A_RECORD = {
    "a year before 1000 in a country": (
        "data/countries.yaml",
        "date: 2025-11-10",
        "date: 0025-11-10",
        ":4: DZ.date: 0025-11-10 is before the year 1000",
    ),
    "an impossible date in a country": (
        "data/countries.yaml",
        "date: 2025-11-10",
        "date: 2025-11-31",
        ":4: DZ.date: impossible date",
    ),
    "an invisible character in a country's place": (
        "data/countries.yaml",
        "place: new-york",
        'place: "new\\u200b-york"',
        ":5: DZ.place: holds U+200B",
    ),
    "an empty role of a person": (
        "data/people.yaml",
        "en: researcher",
        'en: ""',
        ":20: Quillfeather.role.en: is empty",
    ),
    "a person named per language": (
        "data/people.yaml",
        "pl: delegat Białorusi",
        'pl: ""',
        ":13: Iwan Przykładow.role.pl: is empty",
    ),
    "a person whose name cannot name them": (
        "data/people.yaml",
        "Quillfeather",
        "Quill\u202efeather",
        ":16: record 3.name: holds U+202E",
    ),
    "a publisher's key twice": (
        "data/publishers.yaml",
        "  name: Example Network\n",
        "  name: Example Network\n  name: Other\n",
        ":4: www.example.net.name: is set twice, on lines 3 and 4",
    ),
}


@pytest.mark.parametrize("case", IN_A_RECORD.values(), ids=IN_A_RECORD.keys())
def test_the_yaml_readers_errors_name_the_record(case, content_copy):
    name, old, new, expected = case
    path = content_copy / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    errors = _errors(content_copy)
    assert any(error.startswith(f"{path}{expected}") for error in errors), errors


# Every field of every data file, given a value of another shape than it takes: each is refused at its file,
# never a traceback. A timeline event's `kind` as a mapping or list was refused, then looked up in a set
# (`TypeError: unhashable type`).
_FIELD = re.compile(r"^(\s*(?:- )?)([A-Za-z_]+): \S.*$", re.MULTILINE)
OTHER_SHAPES = ("{a: b}", "[x, y]", "!!set {a}")


def _fields_of(text: str) -> dict[str, re.Match]:
    """The first line that sets each field name in `text`."""
    found: dict[str, re.Match] = {}
    for match in _FIELD.finditer(text):
        found.setdefault(match.group(2), match)
    return found


# The data files the fixture archive has, and those it has not (each as small as it may be; a list written as a
# block, where another shape is its own).
DATA_TEXTS = [
    *((str(p.relative_to(FIXTURE)), p.read_text("utf-8")) for p in sorted((FIXTURE / "data").rglob("*.yaml"))),
    (
        "data/names.yaml",
        "names:\n  - name: Hanoi Convention\n    other:\n      en:\n        - name: Convention of Hanoi\n",
    ),
    (
        "data/country-names.yaml",
        "countries:\n  - code: VN\n    forms:\n      - Wietnamu\n    source: https://pl.wiktionary.org/wiki/Wietnam\n",
    ),
    ("data/topics.yaml", "topics:\n  - pl: ceremonia\n    en: ceremony\n"),
]


@pytest.mark.parametrize(("name", "text"), DATA_TEXTS, ids=[name for name, _ in DATA_TEXTS])
def test_any_field_of_another_shape_is_refused_at_its_file(name, text, tmp_path):
    for field, match in _fields_of(text).items():
        for shape in OTHER_SHAPES:
            content = tmp_path / f"{field}-{OTHER_SHAPES.index(shape)}"
            shutil.copytree(FIXTURE, content)
            edited = text[: match.start()] + f"{match.group(1)}{field}: {shape}" + text[match.end() :]
            (content / name).write_text(edited, encoding="utf-8")
            problems = [str(p) for p in check(content)]
            assert any(p.startswith(str(content / name)) for p in problems), (field, shape, problems)


# Every field of every data file, given a value YAML reads as no text: each problem quotes it as the file writes
# it, or says what it is, and is one short line. They quoted Python's reading of it (`datetime.date(2025, 10, 26)`,
# `b'hello'`, `nan`, `{'a': 1}`), and a mapping whole: one of 100,000 keys made a message of 1.5 MB.
NOT_TEXT = {
    "a date and time": "2025-10-26 10:00:00",
    "not a number": ".nan",
    "binary data": "!!binary aGVsbG8=",
    "a long mapping": "{" + ", ".join(f"k{i}: v" for i in range(2_000)) + "}",
}
PYTHON_READING = re.compile(r"datetime\.|b'|\{'|\bnan\b(?<!\.nan)|\bas an? (?:int|float|dict|bytes|bool|datetime)\b")


@pytest.mark.parametrize(("name", "text"), DATA_TEXTS, ids=[name for name, _ in DATA_TEXTS])
def test_a_value_that_is_no_text_is_quoted_as_written_in_a_short_line(name, text, content_copy):
    path = content_copy / name
    for field, match in _fields_of(text).items():
        for value in NOT_TEXT.values():
            path.write_text(text[: match.start()] + f"{match.group(1)}{field}: {value}" + text[match.end() :], "utf-8")
            told = [str(p) for p in check(content_copy) if p.path == str(path)]  # a date field takes a date-time
            assert not [p for p in told if PYTHON_READING.search(p) or len(p) > 1000], (field, value[:40], told)


@pytest.mark.parametrize(
    ("name", "before", "after"),
    [
        ("articles/2025/signing-in-hanoi.en.md", "tags: [ceremony]\n", "tags: [ceremony]\n{key}: 1\n"),
        ("articles/2025/signing-in-hanoi.en.md", "tags: [ceremony]\n", "tags: [ceremony]\n  - {key}: 1\n"),
        ("data/timeline/signing-ceremony.yaml", "", "{key}: 1\n"),
    ],
)
@pytest.mark.parametrize("length", [1_025, 1_000_000])
def test_a_key_longer_than_yaml_reads_is_told_at_its_line(name, before, after, length, content_copy):
    """YAML reads a key of at most 1,024 characters: a longer one got PyYAML's words (`could not find expected
    ':'`, `mapping values are not allowed in this context`), at another line or none."""
    path = content_copy / name
    text = path.read_text(encoding="utf-8")
    at = text.index(before) + len(before) if before else 0
    path.write_text(text[:at] + after.format(key="k" * length) + text[at + len(before) :], encoding="utf-8")
    line = text[:at].count("\n") + after.count("\n")
    problems = [p for p in check(content_copy) if p.path == str(path)]
    assert [(p.line, p.severity) for p in problems] == [(line, "error")], [str(p)[:300] for p in problems]
    assert f"a key of {length:,} characters" in problems[0].message and "YAML error" not in problems[0].message
    assert len(str(problems[0])) < 1_000


def test_a_long_line_of_a_value_holding_a_colon_is_no_key(content_copy):
    path = content_copy / "articles/2025/signing-in-hanoi.en.md"
    value = "summary: >\n  " + "word " * 300 + "then: more\n"
    path.write_text(path.read_text(encoding="utf-8").replace("tags: [ceremony]\n", f"tags: [ceremony]\n{value}"))
    problems = [str(p) for p in check(content_copy) if p.path == str(path)]
    assert problems and not any("a key of" in p or "YAML error" in p for p in problems), problems


@pytest.mark.parametrize(
    ("before", "after", "told"),
    [
        ("  publisher:", "\tpublisher:", "indented with a tab"),  # read and told beside (frontmatter's tab reading)
        ('title: "Convention signed in Hanoi"', 'title: ["Convention signed in Hanoi"', "YAML error"),
    ],
    ids=["a tab", "an unclosed ["],
)
def test_a_long_line_of_a_value_holding_a_colon_hides_no_other_yaml_error(before, after, told, content_copy):
    """Once YAML failed for any reason, a line of a value longer than a key may be and holding `: ` was told as a
    long key, and the file's real mistake (a tab, an unclosed `[`) was not told."""
    path = content_copy / "articles/2025/signing-in-hanoi.en.md"
    value = "summary: >\n  " + "word " * 300 + "then: more\n"
    text = path.read_text(encoding="utf-8").replace("tags: [ceremony]\n", f"tags: [ceremony]\n{value}")
    path.write_text(text.replace(before, after), encoding="utf-8")
    problems = [str(p) for p in check(content_copy) if p.path == str(path)]
    assert any(told in p for p in problems) and not any("a key of" in p for p in problems), problems


@pytest.mark.parametrize(("count", "size", "told"), [(5_001, 0, "5,001 event files"), (10, 1_900_000, "bytes of")])
def test_more_event_files_than_the_timeline_is_read_from_are_refused_at_once(count, size, told, content_copy):
    """Neither the number of event files nor their bytes was bounded: 5,000 files took `make check` 5 s of CPU,
    20,000 24 s, and each file may hold 2 MB."""
    folder = content_copy / "data" / "timeline"
    record = (folder / "signing-ceremony.yaml").read_text(encoding="utf-8")
    padding = "# " + "x" * size + "\n" if size else ""
    for number in range(count - len(list(folder.iterdir()))):
        (folder / f"e{number:05d}.yaml").write_text(padding + record.replace("signing-ceremony", f"e{number:05d}"))
    problems: list = []
    assert cpu_seconds(lambda: problems.extend(p for p in check(content_copy) if p.severity == "error")) < 3
    assert [(p.path, p.line) for p in problems] == [(str(folder), None)], [str(p)[:200] for p in problems[:3]]
    assert told in problems[0].message and "none of them was read" in problems[0].message
