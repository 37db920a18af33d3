"""What only follows from a problem told is not told beside it, in every kind of data file: a key misspelt (told
with "did you mean") is not also told missing, nor needed by another field; a value YAML cannot read is not also
told needed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from archive_core import snapshot

TODAY = date(2026, 6, 1)
SOURCE = "  - url: https://example.org/s\n    title: S\n    publisher: P\n    accessed: 2026-06-01\n"
RATIFIED = (
    "- code: FR\n  status: ratified\n  date: 2025-11-20\n  source: https://example.org/status/fr\n  place: new-york\n"
    "  instrument: {kind: ratification, date: 2026-03-10}\n"
)
EVENT = (
    "id: opening\nkind: signing\ndate: 2025-10-25\ntitle: {pl: Otwarcie, en: Opening}\n"
    f"description: {{pl: Opis., en: Text.}}\nsources:\n{SOURCE}"
)
PERSON = "- name: Anh\n  country: VN\n  role: {pl: minister, en: minister}\n  articles: [a]\n"
CONVENTION = f"as_of: 2026-06-01\nhanoi_signatures:\n  total: 2\n  states: 1\n  organisations: 1\nsources:\n{SOURCE}"
PUBLISHER = "- host: example.org\n  name: Example\n  source: https://example.org/about\n"

# Each data file, the text of a good one changed (old, new), and the one problem told: (line, field, message part).
CASES = {
    "countries.yaml, a misspelt source": (RATIFIED, ("source:", "soruce:"), (4, "FR.soruce", "did you mean `source`?")),
    "countries.yaml, a misspelt date": (RATIFIED, ("date:", "dat:"), (3, "FR.dat", "did you mean `date`?")),
    "countries.yaml, a misspelt code": (RATIFIED, ("code:", "cod:"), (1, "record 1.cod", "did you mean `code`?")),
    "countries.yaml, no code": (RATIFIED, ("code: FR\n  ", ""), (1, "record 1.code", "is missing (start the record")),
    "countries.yaml, a misspelt status": (RATIFIED, ("status:", "stauts:"), (2, "FR.stauts", "did you mean `status`?")),
    "countries.yaml, a source YAML cannot read": (
        RATIFIED,
        ("https://example.org/status/fr", "2025-13-01"),
        (4, "FR.source", "impossible date"),
    ),
    "countries.yaml, an empty source": (
        RATIFIED,
        (" https://example.org/status/fr", ""),
        (4, "FR.source", "a 'ratified' status needs a source"),
    ),
    "timeline/opening.yaml, a misspelt sources": (EVENT, ("sources:", "sorces:"), (6, "sorces", "`sources`")),
    "timeline/opening.yaml, a misspelt title": (EVENT, ("title:", "titel:"), (4, "titel", "`title`")),
    "timeline/opening.yaml, a misspelt kind": (EVENT, ("kind:", "knd:"), (2, "knd", "`kind`")),
    "timeline/opening.yaml, a misspelt date": (EVENT, ("date:", "dates:"), (3, "dates", "`date`")),
    "people.yaml, a misspelt articles": (PERSON, ("articles:", "article:"), (4, "Anh.article", "`articles`")),
    "people.yaml, a misspelt role": (PERSON, ("role:", "rola:"), (3, "Anh.rola", "`role`")),
    "convention.yaml, a misspelt as_of": (CONVENTION, ("as_of:", "asof:"), (1, "asof", "`as_of`")),
    "publishers.yaml, a misspelt name": (PUBLISHER, ("name:", "nme:"), (2, "example.org.nme", "`name`")),
}


def write_article(content: Path, publisher: str) -> None:
    """An article of example.org, naming its `publisher` line (or none)."""
    article = content / "articles" / "2025" / "a.pl.md"
    article.parent.mkdir(parents=True)
    article.write_text(
        "---\ntitle: A\ndate: 2025-10-26\nlang: pl\ntranslation_key: a\nsource:\n  url: https://example.org/a\n"
        f"{publisher}---\nTekst.\n",
        encoding="utf-8",
    )


@pytest.mark.parametrize("case", CASES)
def test_what_follows_from_a_problem_is_not_told_beside_it(tmp_path, case):
    name = case.split(",")[0]
    text, change, (line, field, part) = CASES[case]
    write_article(tmp_path, publisher="  publisher: Example\n")
    (tmp_path / "data" / name).parent.mkdir(parents=True)
    (tmp_path / "data" / name).write_text(text.replace(*change, 1), encoding="utf-8")
    problems = [p for p in snapshot.take(tmp_path, today=TODAY).problems if p.severity == "error"]
    assert [(Path(p.path).name, p.line, p.field) for p in problems] == [(Path(name).name, line, field)], [
        str(p) for p in problems
    ]
    assert part in str(problems[0])


def test_an_article_whose_publisher_a_refused_record_names_is_not_told_its_publisher_is_missing(tmp_path):
    write_article(tmp_path, publisher="")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "publishers.yaml").write_text(PUBLISHER.replace("name:", "nme:"), encoding="utf-8")
    assert [(Path(p.path).name, p.line, p.field) for p in snapshot.take(tmp_path, today=TODAY).problems] == [
        ("publishers.yaml", 2, "example.org.nme")
    ]


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        ("- host: example.org\n  name: {pl: Przykład, en: Example\n", 2, "yaml"),  # YAML cannot read it: its `{` line
        ("host: example.org\nname: Example\n", 1, "yaml"),  # a record, not a list of them: the whole file
    ],
)
def test_an_article_is_not_told_its_publisher_is_missing_when_the_table_cannot_be_read(tmp_path, text, line, field):
    write_article(tmp_path, publisher="")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "publishers.yaml").write_text(text, encoding="utf-8")
    problems = [p for p in snapshot.take(tmp_path, today=TODAY).problems if p.severity == "error"]
    assert [(Path(p.path).name, p.line, p.field) for p in problems] == [("publishers.yaml", line, field)], [
        str(p) for p in problems
    ]
