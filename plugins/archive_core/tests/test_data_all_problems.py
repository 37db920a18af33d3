"""Every independent problem of a data file (content/data/*.yaml) in one reading, each at its line; none that only
follows from another."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from archive_core import snapshot
from archive_core.convention import load_convention
from archive_core.country_names import load_country_names
from archive_core.data import load_data
from archive_core.errors import ContentError
from archive_core.other_names import load_names
from archive_core.people import load_people
from archive_core.publishers import load_publishers

TODAY = date(2026, 6, 1)
SOURCE = "  - url: https://example.org/s\n    title: S\n    publisher: P\n    accessed: 2026-06-01\n"


TAGGED_NOT_A_NUMBER = "is tagged !!int, and its value cannot be read as a number (int)"


def write(content: Path, name: str, text: str) -> None:
    (content / "data").mkdir(exist_ok=True)
    (content / "data" / name).write_text(text, encoding="utf-8")


def told(problems) -> list[tuple[int | None, str, str]]:
    return [(problem.line, problem.field, problem.message) for problem in problems]


def test_the_convention_file_is_told_every_problem(tmp_path):
    write(
        tmp_path,
        "convention.yaml",
        "as_of: 2026-13-01x\nhanoi_signatures:\n  total: 4\n  states: many\n  organisations: 1\n"
        f"sources:\n{SOURCE}entry_into_force:\n  instruments: 0\n  sources: []\nremarks: x\n",
    )
    convention, problems = load_convention(tmp_path, TODAY)
    assert convention is None
    assert told(problems) == [
        (1, "as_of", "'2026-13-01x' is not a date"),
        (4, "hanoi_signatures.states", "'many' is not a count"),
        (12, "entry_into_force.instruments", "0 is not a count"),
        (13, "entry_into_force.sources", "the figure needs a source"),
        (14, "remarks", "is not a known field"),
    ]


def test_a_sum_of_counts_that_failed_is_not_told(tmp_path):
    write(
        tmp_path,
        "convention.yaml",
        f"as_of: 2026-06-01\nhanoi_signatures:\n  total: 4\n  states: x\nsources:\n{SOURCE}",
    )
    assert [field for _, field, _ in told(load_convention(tmp_path, TODAY)[1])] == [
        "hanoi_signatures.organisations",  # missing: at its mapping's line
        "hanoi_signatures.states",
    ]


def test_a_person_is_told_every_problem_of_the_record(tmp_path):
    write(
        tmp_path,
        "people.yaml",
        "- name: Anh\n  country: XX\n  role: minister\n  articles: [a, gone]\n  sources:\n"
        "    - url: ftp://example.org\n      title: T\n      publisher: P\n      accessed: 2026-01-01\n"
        "    - url: https://example.org\n      publisher: P\n      accessed: 2026-01-01\n  corrections:\n"
        "    - date: 2026-01-01\n      change: {pl: x, en: x}\n      when: y\n",
    )
    people, problems = load_people(tmp_path, {"a"})
    assert people == []
    assert [(line, field) for line, field, _ in told(problems)] == [
        (2, "Anh.country"),
        (3, "Anh.role"),
        (4, "Anh.articles.1"),
        (6, "Anh.sources.0.url"),
        (10, "Anh.sources.1.url"),
        (16, "Anh.corrections.0.when"),
    ]


def test_a_publisher_is_told_every_problem_of_the_record(tmp_path):
    write(tmp_path, "publishers.yaml", "- host: example.org\n  name: [A]\n  source: ftp://example.org\n  kind: x\n")
    assert [(line, field) for line, field, _ in told(load_publishers(tmp_path)[1])] == [
        (2, "example.org.name"),
        (3, "example.org.source"),
        (4, "example.org.kind"),
    ]


def test_a_country_names_record_is_told_every_problem(tmp_path):
    write(tmp_path, "country-names.yaml", "countries:\n  - code: XX\n    forms: [1]\n    source: ftp://x\n")
    assert [(line, field) for line, field, _ in told(load_country_names(tmp_path)[1])] == [
        (2, "countries.0.code"),
        (3, "countries.0.forms.0"),
        (4, "countries.0.source"),
    ]


def test_a_names_entry_is_told_every_problem_and_a_misspelt_key_not_as_missing(tmp_path):
    write(
        tmp_path,
        "names.yaml",
        "names:\n  - nmae: Hanoi\n    other:\n      xx1: [A]\n      en: [Ha Noi, 42, {name: 7, sorce: x}]\n",
    )
    assert told(load_names(tmp_path)[1]) == [
        (2, "names.0.nmae", "is not a known field"),
        (4, "names.0.other.xx1", "is not a language code"),
        (5, "names.0.other.en.1", "is a number"),
        (5, "names.0.other.en.2.name", "is a number"),  # in the order the line writes them
        (5, "names.0.other.en.2.sorce", "is not a known field"),
    ]


def test_yaml_findings_on_values_of_a_data_file_are_told_at_once(tmp_path):
    text = "- host: example.org\n  name: ''\n  source: https://example.org\n"
    write(
        tmp_path, "publishers.yaml", text + "- host: example.com\n  name: A\n  name: B\n  source: https://example.com\n"
    )
    assert [(line, field, message.split(",")[0]) for line, field, message in told(load_publishers(tmp_path)[1])] == [
        (2, "example.org.name", "is empty"),
        (6, "example.com.name", "is set twice"),
    ]


def test_a_source_is_told_every_problem_and_a_misspelt_key_not_as_missing(tmp_path):
    write(
        tmp_path,
        "convention.yaml",
        "as_of: 2026-06-01\nhanoi_signatures:\n  total: 2\n  states: 1\n  organisations: 1\nsources:\n"
        "  - urll: https://example.org/s\n    archived: ftp://x.org/a\n    published: 2026-02-30x\n"
        "    accessed: 2099-01-01\n    publisher: P\n  - https://example.org/\n",
    )
    problems = told(load_convention(tmp_path, TODAY)[1])
    assert [(line, field, message.split(" (")[0]) for line, field, message in problems] == [
        (7, "sources.0.urll", "is not a known key"),
        (8, "sources.0.archived", "'ftp://x.org/a' is not an http(s) address"),
        (9, "sources.0.published", "'2026-02-30x' is not a date"),
        (10, "sources.0.accessed", "2099-01-01 is after today"),
        (12, "sources.1", "'https://example.org/' is a site's home page, not the page that states the fact"),
    ]  # fmt: skip


def test_every_value_yaml_cannot_read_in_a_data_file_is_told_with_the_file_s_other_problems(tmp_path):
    write(
        tmp_path,
        "countries.yaml",
        "- code: DZ\n  status: signed\n  date: 2025-02-30\n  place: hanoi\n"
        "  source: https://example.org/s/dz\n- code: FR\n  status: ratifiedd\n- code: !!int JP\n  status: unknown\n",
    )
    write(
        tmp_path,
        "convention.yaml",
        "as_of: 2026-02-30\nhanoi_signatures:\n  total: 4\n  states: !!int x\n"
        f"  organisations: 1\nsources:\n{SOURCE}remarks: x\n",
    )
    write(
        tmp_path,
        "publishers.yaml",
        "- host: example.org\n  name: 2025-13-01\n  source: https://example.org/a\n  kind: x\n",
    )
    (tmp_path / "data" / "timeline").mkdir()
    write(
        tmp_path,
        "timeline/opening.yaml",
        "id: opening\nkind: signingg\ndate:\n  start: 2025-02-30\n"
        "  end: 2025-10-26\ntitle: {pl: Otwarcie, en: Opening}\ndescription: {pl: Opis., en: Text.}\n"
        f"sources:\n{SOURCE}countries: [XX]\nupcoming: !!bool maybe\n",
    )
    problems = snapshot.take(tmp_path, today=TODAY).problems
    assert [(Path(p.path).name, p.line, p.field, p.message.split(":")[0]) for p in problems] == [
        ("convention.yaml", 1, "as_of", "impossible date"),  # the files in the order of their paths
        ("convention.yaml", 4, "hanoi_signatures.states", TAGGED_NOT_A_NUMBER),
        ("convention.yaml", 11, "remarks", "is not a known field"),
        ("countries.yaml", 3, "DZ.date", "impossible date"),
        ("countries.yaml", 7, "FR.status", "must be one of signed, ratified, not-signed, unknown, not 'ratifiedd'"),
        ("countries.yaml", 8, "record 3.code", TAGGED_NOT_A_NUMBER),
        ("publishers.yaml", 2, "example.org.name", "impossible date"),
        ("publishers.yaml", 4, "example.org.kind", "is not a known field"),
        ("opening.yaml", 2, "kind", "event 'opening'"),
        ("opening.yaml", 4, "date.start", "event 'opening'"),
        ("opening.yaml", 13, "countries.0", "event 'opening'"),
        ("opening.yaml", 14, "upcoming", "event 'opening'"),
    ]  # fmt: skip


def test_a_reader_that_tells_no_other_problems_is_told_every_value_yaml_cannot_read_at_once(tmp_path):
    write(tmp_path, "country-names.yaml", "countries:\n  - code: VN\n    forms: [2025-02-30, Wietnamu]\n"
          "    source: !!int x\n")  # fmt: skip
    with pytest.raises(ContentError) as info:
        load_data(tmp_path / "data" / "country-names.yaml", tmp_path)  # as the importer reads it
    assert [(p.line, p.field) for p in info.value.problems] == [(3, "countries.0.forms.0"), (4, "countries.0.source")]


# In every kind of data file, what the YAML reading finds in a value (written twice, left empty, an invisible
# character) is told in the same run as the file's other problems, each at its line and once: nothing the file's
# reader says of the value it kept, or of the empty value, is told beside it.
EVENT = (
    "id: opening\nkind: signing\ndate:\n  start: 2025-10-25\n  end: 2025-10-26\n"
    "title:\n  pl: Otwarcie\n  en: Opening\ntitle:\n  pl: Otwarcie\n"  # the title kept has no `en`
    f"description: {{pl: Opis., en: Text.}}\nsources:\n{SOURCE}countries: [XX]\n"
)

# Each kind of data file: its text, holding one YAML-level finding and one problem only its reader finds, and
# the problems told: (line, field, the message's start).
CASES = {
    "countries.yaml": (
        "- code: DZ\n  status: signed\n  status: ratifiedd\n  date: 2025-10-25\n  place: hanoi\n"
        "  source: https://example.org/s/dz\n- code: FR\n  status: ratifiedd\n",
        [(3, "DZ.status", "is set twice"), (8, "FR.status", "must be one of")],
    ),
    "convention.yaml": (  # the counts kept hold a count that is no count
        "as_of: 2026-06-01\nhanoi_signatures:\n  total: 2\n  states: 1\n  organisations: 1\n"
        f"hanoi_signatures:\n  total: 2\n  states: x\n  organisations: 1\nsources:\n{SOURCE}remarks: x\n",
        [(6, "hanoi_signatures", "is set twice"), (15, "remarks", "is not a known field")],
    ),
    "publishers.yaml": (
        "- host: example.org\n  name: ''\n  source: https://example.org/a\n  kind: x\n",
        [(2, "example.org.name", "is empty"), (4, "example.org.kind", "is not a known field")],
    ),
    "people.yaml": (
        "- name: Anh\n  country: VN\n  role: ''\n  articles: [gone]\n",
        [(3, "Anh.role", "is empty"), (4, "Anh.articles.0", "'gone' is not an article in the archive")],
    ),
    "country-names.yaml": (  # the reader names a record's fields from the file's top, as the YAML reading
        "countries:\n  - code: VN\n    forms: [Wietnamu]\n    source: ''\n"
        "  - code: XX\n    forms: [Iksu]\n    source: https://example.org/x\n",
        [(4, "countries.0.source", "is empty"), (5, "countries.1.code", "'XX' is not a known country code")],
    ),
    "names.yaml": (
        "names:\n  - name: Hanoi\n    other: {en: [Ha Noi]}\n    other: {en: [Hanoi]}\n    sorce: x\n",
        [(4, "names.0.other", "is set twice"), (5, "names.0.sorce", "is not a known field")],
    ),
    "topics.yaml": (  # the reader names an entry's fields by its index, as the YAML reading does
        "topics:\n  - pl: ''\n    en: human rights\n  - pl: prawa\n    en: rights\n  - pl: Prawa\n    en: law\n",
        [(2, "topics.0.pl", "is empty"), (6, "topics.2.pl", "'Prawa' is paired twice")],
    ),
    "timeline/opening.yaml": (
        EVENT,
        [
            (9, "title", "event 'opening': is set twice"),
            (17, "countries.0", "event 'opening': 'XX' is not a known country code"),
        ],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_a_yaml_finding_is_told_with_the_file_s_other_problems_and_nothing_that_follows_from_it(tmp_path, name):
    assert_told(tmp_path, name, *CASES[name])


def assert_told(tmp_path: Path, name: str, text: str, expected: list[tuple[int, str, str]]) -> None:
    """The data file `name` holding `text` is told the problems `expected`: (line, field, the message's start)."""
    (tmp_path / "data" / name).parent.mkdir(parents=True)
    (tmp_path / "data" / name).write_text(text, encoding="utf-8")
    problems = [p for p in snapshot.take(tmp_path, today=TODAY).problems if Path(p.path).name == Path(name).name]
    assert len(problems) == len(expected), [str(p) for p in problems]
    assert [
        (p.line, p.field, p.message[: len(start)]) for p, (*_, start) in zip(problems, expected, strict=True)
    ] == expected


def test_the_items_of_a_list_a_value_is_repeated_in_are_each_checked_still(tmp_path):
    """As in an article: a list that holds a value twice says nothing of its other items."""
    (tmp_path / "data" / "timeline").mkdir(parents=True)
    text = EVENT.replace("title:\n  pl: Otwarcie\ndescription", "description").replace("[XX]", "[XX, VN, VN]")
    (tmp_path / "data" / "timeline" / "opening.yaml").write_text(text, encoding="utf-8")
    assert [
        (p.line, p.field, p.message.split(":")[-1][:20]) for p in snapshot.take(tmp_path, today=TODAY).problems
    ] == [
        (15, "countries.0", " 'XX' is not a known"),
        (15, "countries", " lists 'VN' twice"),
    ]


def test_a_record_whose_key_is_set_twice_is_named_by_the_value_its_reader_keeps(tmp_path):
    write(tmp_path, "countries.yaml", "- code: DZ\n  code: FR\n  status: ratifiedd\n")
    assert [(p.line, p.field) for p in snapshot.take(tmp_path, today=TODAY).problems] == [
        (2, "FR.code"),
        (3, "FR.status"),
    ]


def test_what_holds_a_value_yaml_cannot_read_is_not_told_of_it_by_a_reader_that_names_it_with_another_head(tmp_path):
    # The reader of country-names.yaml calls `countries.0.forms` `forms`.
    text = "countries:\n  - code: VN\n    forms:\n      - 2025-02-30\n      - Wietnamu\n    source: https://example.org/vn\n"
    write(tmp_path, "country-names.yaml", text + "  - code: XX\n    forms: [Iksu]\n    source: https://example.org/x\n")
    assert [(p.line, p.field) for p in snapshot.take(tmp_path, today=TODAY).problems] == [
        (4, "countries.0.forms.0"),
        (7, "countries.1.code"),
    ]


def test_a_record_whose_name_holds_an_invisible_character_is_named_alike_by_the_yaml_reading_and_its_reader(tmp_path):
    write(tmp_path, "people.yaml", '- name: "A\\u200bnh"\n  country: VN\n  role: {pl: a, en: b}\n  articles: [gone]\n')
    assert [(p.line, p.field, p.message[:9]) for p in snapshot.take(tmp_path, today=TODAY).problems] == [
        (1, "record 1.name", "holds U+2"),
        (4, "record 1.articles.0", "'gone' is"),
    ]


# A finding says nothing of the rest of the list it stands in: a reader's problem of another item (`topics.2`), or of
# the whole list, named by the list's head (`names`), is told beside it.
ELSEWHERE = {
    "topics.yaml": (  # a key set twice in the first entry; the third names no `en`
        "topics:\n  - pl: prawa\n    pl: prawa człowieka\n    en: human rights\n  - pl: ratyfikacja\n"
        "    en: ratification\n  - pl: negocjacje\n",
        [(3, "topics.0.pl", "is set twice"), (7, "topics.2", "each entry names the topic in pl and en")],
    ),
    "topics.yaml, the finding after": (  # the first entry names no `en`; a key set twice in the second
        "topics:\n  - pl: negocjacje\n  - pl: prawa\n    pl: prawa człowieka\n    en: human rights\n",
        [(2, "topics.0", "each entry names the topic in pl and en"), (4, "topics.1.pl", "is set twice")],
    ),
    "names.yaml": (  # one entry too many, and a key set twice in one of them
        "names:\n"
        + "".join(f"  - name: Thing{i}\n    other: {{en: [Alias{i}]}}\n    source: https://example.org/t{i}\n"
                  for i in range(101)).replace("/t50\n", "/t50\n    source: https://example.org/again\n"),
        [(2, "names", "has 101 entries, more than 100"), (155, "names.50.source", "is set twice")],
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", ELSEWHERE)
def test_a_yaml_finding_hides_no_problem_of_another_item_or_of_its_whole_list(tmp_path, name):
    assert_told(tmp_path, name.split(",")[0], *ELSEWHERE[name])
