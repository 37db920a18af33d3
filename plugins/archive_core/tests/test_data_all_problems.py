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
        (1, "convention.as_of", "'2026-13-01x' is not a date"),
        (4, "convention.hanoi_signatures.states", "'many' is not a count"),
        (12, "convention.entry_into_force.instruments", "0 is not a count"),
        (13, "convention.entry_into_force.sources", "the figure needs a source"),
        (14, "convention.remarks", "is not a known field"),
    ]


def test_a_sum_of_counts_that_failed_is_not_told(tmp_path):
    write(
        tmp_path,
        "convention.yaml",
        f"as_of: 2026-06-01\nhanoi_signatures:\n  total: 4\n  states: x\nsources:\n{SOURCE}",
    )
    assert [field for _, field, _ in told(load_convention(tmp_path, TODAY)[1])] == [
        "convention.hanoi_signatures.organisations",  # missing: at its mapping's line
        "convention.hanoi_signatures.states",
    ]


def test_a_person_is_told_every_problem_of_the_record(tmp_path):
    write(
        tmp_path,
        "people.yaml",
        "- name: Anh\n  country: XX\n  role: minister\n  articles: [a, gone]\n  sources:\n"
        "    - url: ftp://example.org\n      title: T\n    - url: https://example.org\n  corrections:\n"
        "    - date: 2026-01-01\n      change: x\n      when: y\n",
    )
    people, problems = load_people(tmp_path, {"a"})
    assert people == []
    assert [(line, field) for line, field, _ in told(problems)] == [
        (2, "Anh.country"),
        (3, "Anh.role"),
        (4, "Anh.articles"),
        (6, "Anh.sources.0.url"),
        (8, "Anh.sources.1.url"),
        (12, "Anh.corrections.0.when"),
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
        (2, "code"),
        (3, "forms"),
        (4, "source"),
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
        (5, "names.0.other.en.1", "must be a name (text)"),
        (5, "names.0.other.en.2.sorce", "is not a known field"),
        (5, "names.0.other.en.2.name", "must be a name (text)"),
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
        "    accessed: 2099-01-01\n  - https://example.org/\n",
    )
    problems = told(load_convention(tmp_path, TODAY)[1])
    assert [(line, field, message.split(" (")[0]) for line, field, message in problems] == [
        (7, "convention.sources.0.urll", "is not a known key"),
        (8, "convention.sources.0.archived", "'ftp://x.org/a' is not an http(s) address"),
        (9, "convention.sources.0.published", "'2026-02-30x' is not a date"),
        (10, "convention.sources.0.accessed", "2099-01-01 is after today"),
        (11, "convention.sources.1", "'https://example.org/' is a site's home page, not the page that states the fact"),
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
        ("publishers.yaml", 2, "example.org.name", "impossible date"),
        ("publishers.yaml", 4, "example.org.kind", "is not a known field"),
        ("countries.yaml", 3, "DZ.date", "impossible date"),
        ("countries.yaml", 7, "FR.status", "must be one of signed, ratified, not-signed, unknown, not 'ratifiedd'"),
        ("countries.yaml", 8, "record 3.code", "cannot be read as a number (int)"),
        ("convention.yaml", 1, "as_of", "impossible date"),
        ("convention.yaml", 4, "hanoi_signatures.states", "cannot be read as a number (int)"),
        ("convention.yaml", 11, "convention.remarks", "is not a known field"),
        ("opening.yaml", 2, "kind", "event 'opening'"),
        ("opening.yaml", 4, "date.start", "impossible date"),
        ("opening.yaml", 13, "countries.0", "event 'opening'"),
        ("opening.yaml", 14, "upcoming", "is tagged !!bool, and its value cannot be read as one"),
    ]  # fmt: skip


def test_a_reader_that_tells_no_other_problems_is_told_every_value_yaml_cannot_read_at_once(tmp_path):
    write(tmp_path, "country-names.yaml", "countries:\n  - code: VN\n    forms: [2025-02-30, Wietnamu]\n"
          "    source: !!int x\n")  # fmt: skip
    with pytest.raises(ContentError) as info:
        load_data(tmp_path / "data" / "country-names.yaml", tmp_path)  # as the importer reads it
    assert [(p.line, p.field) for p in info.value.problems] == [(3, "countries.0.forms.0"), (4, "countries.0.source")]
