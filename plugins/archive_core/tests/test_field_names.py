"""Every problem of a data file (content/data/) names its field one way, as the file writes it: its keys from the
file's top, a list's item by its index, a record of a list of records by the name its key gives (`DZ`,
`www.example.org`, `record 3` where it has none), and the whole file `yaml`; the YAML reading, the file's reader
and the checks that compare files alike."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from archive_core import snapshot

TODAY = date(2026, 6, 1)
SOURCE = "    - url: https://example.org/s\n      title: {title}\n      publisher: P\n      accessed: 2026-06-01\n"


def fields(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, int | None, str]]:
    """(file, line, field) of each problem `make check` tells of a content folder of `files`."""
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [(Path(p.path).name, p.line, p.field) for p in snapshot.take(tmp_path, today=TODAY).problems]


def test_a_publisher_is_named_alike_by_the_yaml_reading_and_its_reader(tmp_path):
    """A host in capitals was `WWW.Example.net` to the YAML reading (`source` set twice) and `record 1` to the reader
    (the host itself): one record, two names."""
    text = (
        "- host: WWW.Example.net\n  name: Example\n  source: https://example.net/a\n  source: https://example.net/b\n"
    )
    assert fields(tmp_path, {"data/publishers.yaml": text}) == [
        ("publishers.yaml", 1, "WWW.Example.net.host"),
        ("publishers.yaml", 4, "WWW.Example.net.source"),
    ]


def test_a_person_is_named_alike_by_the_yaml_reading_and_its_reader(tmp_path):
    """A name whose first language is no text was `record 1` to the YAML reading and `Ivan` to the reader."""
    text = "- name: {pl: 7, en: Ivan}\n  role: {pl: x, en: x}\n  articles: [a]\n  articles: [a]\n"
    assert [field for _, _, field in fields(tmp_path, {"data/people.yaml": text})] == [
        "record 1.name.pl",
        "record 1.articles",
        "record 1.articles.0",  # no such article
    ]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("publishers.yaml", "publishers:\n  - host: example.org\n    name: E\n    source: https://example.org/\n"),
        ("countries.yaml", "countries:\n  - code: VN\n    status: unknown\n"),
        ("people.yaml", "people:\n  - name: X\n"),
        ("convention.yaml", "- as_of: 2026-06-01\n"),
        ("topics.yaml", "- pl: a\n  en: b\n"),
        ("names.yaml", "- name: a\n"),
        ("country-names.yaml", "- code: VN\n"),
        ("timeline/opening.yaml", "- id: opening\n"),
    ],
)
def test_a_data_file_of_another_shape_is_told_as_the_yaml_reading_names_a_whole_file(tmp_path, name, text):
    """`publishers.yaml` written under a key `publishers:` was told `publishers: must be a list of records`: the key
    it wrote, whose value is a list. The whole file is `yaml`, as the YAML reading names it (`the file holds
    nothing`); `countries`, `people`, `convention.file` and `file` named it too."""
    assert fields(tmp_path / "empty", {f"data/{name}": "# nothing\n"}) == [(Path(name).name, 1, "yaml")]
    assert fields(tmp_path / "shape", {f"data/{name}": text}) == [(Path(name).name, 1, "yaml")]


def test_an_item_of_a_list_of_records_that_is_no_mapping_is_named_as_the_yaml_reading_names_it(tmp_path):
    """`record 2.record`: no key `record` is written; the YAML reading names the item `record 2`."""
    text = "- code: VN\n  status: unknown\n- VN\n"
    assert fields(tmp_path, {"data/countries.yaml": text}) == [("countries.yaml", 3, "record 2")]


def test_the_convention_s_fields_are_named_from_the_file_s_top(tmp_path):
    """`convention.as_of` for the reader, `as_of` for the YAML reading: the file writes `as_of:`."""
    text = (
        "as_of: 2026-06-01\nhanoi_signatures: {total: 1, states: many, organisations: 0}\n"
        f"sources:\n{SOURCE.format(title='S')}"
        "entry_into_force:\n  instruments: 2\n  instruments: 3\n  sources: [https://example.org/s]\n"
    )
    assert [field for _, _, field in fields(tmp_path, {"data/convention.yaml": text})] == [
        "hanoi_signatures.states",
        "entry_into_force.instruments",
    ]


def test_a_topic_is_named_by_its_index_as_the_yaml_reading_names_it(tmp_path):
    """`topics.pl` for the reader, `topics.1.pl` for the YAML reading."""
    text = "topics:\n  - {pl: a, en: b}\n  - {pl: a, en: c}\n  - pl: d\n    en: 7\n  - pl: e\n    pl: f\n    en: g\n"
    assert fields(tmp_path, {"data/topics.yaml": text}) == [
        ("topics.yaml", 3, "topics.1.pl"),
        ("topics.yaml", 5, "topics.2.en"),
        ("topics.yaml", 7, "topics.3.pl"),
    ]


def test_a_page_cited_with_two_titles_is_named_by_its_record(tmp_path):
    """The check of one page cited twice named a country's source `1.sources.0.title`: the record's place in the
    list, counted from 0, where every other problem of the file names it `PL.sources.0.title`."""
    record = "- code: {code}\n  status: signed\n  date: 2025-10-25\n  place: hanoi\n  sources:\n" + SOURCE
    text = record.format(code="DZ", title="One") + record.format(code="PL", title="Two")
    assert fields(tmp_path, {"data/countries.yaml": text}) == [("countries.yaml", 16, "PL.sources.0.title")]
