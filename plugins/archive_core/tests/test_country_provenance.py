"""Provenance in country and people records, and the counts the index states against the depositary's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from archive_core.country_data import load_country_data
from archive_core.country_records import load_records
from archive_core.people import load_people
from archive_core.snapshot import take

TODAY = date(2026, 11, 29)
SOURCE = """\
    - url: https://treaties.un.org/doc/x.xml
      title: Status
      publisher: United Nations Treaty Collection
      published: 2025-10-27
      accessed: 2026-11-29
      note: {pl: Lista., en: The list.}
"""
CONVENTION = """\
as_of: 2026-11-29
hanoi_signatures: {total: 3, states: 2, organisations: 1}
sources:
  - url: https://treaties.un.org/doc/x.xml
    publisher: United Nations Treaty Collection
    accessed: 2026-11-29
"""


def write(folder: Path, name: str, text: str) -> None:
    path = folder / "data" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def signed(code: str, extra: str = "", verified: bool = True) -> str:
    flags = "" if verified else "  verified: false\n  note: {pl: Tylko prasa., en: The press only.}\n"
    return f"- code: {code}\n  status: signed\n  date: 2025-10-25\n  place: hanoi\n{flags}  sources:\n{SOURCE}{extra}"


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("no", "write `verified: false`: a `note:` says why the sources do not confirm it"),
        ("nie", "write `verified: false`: a `note:` says why the sources do not confirm it"),
        ("yes", "write `verified: true`, or delete the line: what the sources confirm needs none"),
        ("maybe", "write `verified: false` where the sources do not confirm it, or delete the line where they do"),
    ],
)
def test_a_verified_in_words_is_told_alone_what_to_write(tmp_path, written, hint):
    """`verified: no` was told 'must be true or false' (of what it had written, nothing), and beside it that the
    'signed' status needs its date, which a record `verified: false` does not."""
    record = signed("GB", verified=False).replace("  date: 2025-10-25\n", "").replace("verified: false", "")
    write(tmp_path, "countries.yaml", record.replace("  \n", f"  verified: {written}\n"))
    _, problems = load_records(tmp_path, TODAY)
    assert [(p.field, p.message, p.hint) for p in problems] == [
        ("GB.verified", f"{written!r} is not true or false", hint)
    ]


def test_a_source_with_its_provenance_and_a_wayback_lookup(tmp_path):
    write(tmp_path, "countries.yaml", signed("PL"))
    records, problems = load_records(tmp_path, TODAY)
    assert problems == []
    (source,) = records["PL"].sources
    assert (source.publisher, source.accessed, source.published) == (
        "United Nations Treaty Collection",
        date(2026, 11, 29),
        date(2025, 10, 27),
    )
    # No `archived:`: no copy is claimed, and the Wayback Machine is looked up as of the day the page was read.
    assert source.archived is None and source.as_dict()["archived"] is None
    assert source.wayback_lookup == "https://web.archive.org/web/20261129/https://treaties.un.org/doc/x.xml"
    assert source.note == {"pl": "Lista.", "en": "The list."}


def test_an_archived_copy_given_is_the_one_the_open_data_names(tmp_path):
    copy = "https://archive.ph/AbCd1"
    write(tmp_path, "countries.yaml", signed("PL", f"      archived: {copy}\n"))
    records, problems = load_records(tmp_path, TODAY)
    assert problems == []
    (source,) = records["PL"].sources
    assert source.archived == copy and source.as_dict()["archived"] == copy


def test_a_source_read_on_no_recorded_day_has_no_lookup(tmp_path):
    write(tmp_path, "countries.yaml", signed("PL").replace(SOURCE, "    - https://treaties.un.org/doc/x.xml\n"))
    records, _ = load_records(tmp_path, TODAY)
    (source,) = records["PL"].sources
    assert (source.archived, source.wayback_lookup, source.as_dict()["archived"]) == (None, None, None)


def test_a_reported_signature_needs_no_date_but_a_reason_and_is_not_counted_as_confirmed(tmp_path):
    write(tmp_path, "countries.yaml", signed("GB", verified=False).replace("  date: 2025-10-25\n", ""))
    records, problems = load_records(tmp_path, TODAY)
    assert problems == []
    gb = records["GB"]
    assert not gb.is_signatory and gb.is_reported_signatory and gb.display_status == "signed-unverified"


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        ("  verified: false\n", "GB.note", "must say why"),
        ("  verified: maybe\n", "GB.verified", "'maybe' is not true or false"),
        ("  corrections:\n    - date: 2026-11-29\n", "GB.corrections.0.change", "is missing"),
    ],
)
def test_bad_provenance_names_the_record_and_field(tmp_path, text, field, message):
    write(tmp_path, "countries.yaml", signed("GB") + text)
    _, problems = load_records(tmp_path, TODAY)
    assert [p.field for p in problems] == [field]
    assert message in problems[0].message


GIVEN = "      publisher: X\n      accessed: 2026-11-29\n"  # what every source written as a mapping gives


@pytest.mark.parametrize(
    ("source", "field", "message"),
    [
        ("    - url: ftp://x\n" + GIVEN, "PL.sources.0.url", "is not an http(s) address"),
        (
            "    - url: https://x.example/a\n      publisher: X\n      accessed: 2999-01-01\n",
            "PL.sources.0.accessed",
            "is after today",
        ),
        ("    - url: https://x.example/a\n      author: me\n" + GIVEN, "PL.sources.0.author", "is not a known key"),
        ("    - url: https://www.itweb.co.za/\n" + GIVEN, "PL.sources.0.url", "is a site's home page"),
        ("    - title: A page\n" + GIVEN, "PL.sources.0.url", "is missing"),  # was "None is not an http(s) address"
        # A mapping is where a source says who published it and when it was read: the page shows both.
        ("    - url: https://x.example/a\n      accessed: 2026-11-29\n", "PL.sources.0.publisher", "is missing"),
        ("    - url: https://x.example/a\n      publisher: X\n", "PL.sources.0.accessed", "is missing"),
        (
            "    - url: https://x.example/a\n      publisher:\n      accessed: 2026-11-29\n",
            "PL.sources.0.publisher",
            "is empty",
        ),
    ],
)
def test_bad_sources_name_the_key(tmp_path, source, field, message):
    write(tmp_path, "countries.yaml", signed("PL").replace(SOURCE, source))
    _, problems = load_records(tmp_path, TODAY)
    assert [p.field for p in problems] == [field]
    assert message in problems[0].message
    assert problems[0].line is not None


def test_the_summary_counts_confirmed_and_reported_signatures_against_the_depositary(tmp_path):
    write(tmp_path, "countries.yaml", signed("EU") + signed("GB", verified=False) + signed("PL"))
    write(tmp_path, "convention.yaml", CONVENTION)
    data, problems = load_country_data(tmp_path, None, TODAY)
    assert problems == []
    summary = data.summary
    assert summary.un_hanoi_total == 3 and summary.as_of == TODAY
    assert summary.confirmed_hanoi == ("EU", "PL") and summary.reported_hanoi == ("GB",)
    assert summary.hanoi_unconfirmed == 1 and summary.hanoi_missing == 0


def test_more_signatures_in_the_records_than_the_depositary_counts_fails_the_check(tmp_path):
    write(tmp_path, "countries.yaml", signed("EU") + signed("FR") + signed("GB") + signed("PL"))
    write(tmp_path, "convention.yaml", CONVENTION)
    (problem,) = list(take(tmp_path, today=TODAY).problems)
    assert "4 records are signatures in Hanoi" in problem.message and "as 3" in problem.message
    # Told at the count, naming the records, which are spread over countries.yaml: it was told at no line.
    assert problem.path.endswith("convention.yaml") and problem.field == "hanoi_signatures.total"
    lines = (tmp_path / "data" / "convention.yaml").read_text(encoding="utf-8").split("\n")
    assert "total: 3" in lines[problem.line - 1], lines[problem.line - 1]
    assert "(EU, FR, GB, PL)" in problem.message


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (CONVENTION.replace("total: 3", "total: 4"), "hanoi_signatures.total"),
        (CONVENTION.replace("as_of: 2026-11-29", "as_of: 2999-01-01"), "as_of"),
        (CONVENTION.split("sources:")[0], "sources"),
    ],
)
def test_a_bad_convention_file_is_reported(tmp_path, text, field):
    write(tmp_path, "convention.yaml", text)
    problems = list(take(tmp_path, today=TODAY).problems)
    assert [p.field for p in problems] == [field]


def test_an_official_name_needs_a_source(tmp_path):
    write(
        tmp_path,
        "people.yaml",
        "- name: Ivan Vladimirovich\n  official_name: Ivan Kubrakov\n  role: {pl: minister, en: minister}\n"
        "  articles: [a]\n",
    )
    _, problems = load_people(tmp_path, None)
    assert [p.field for p in problems] == ["Ivan Vladimirovich.sources"]


@pytest.mark.parametrize(("written", "tag"), [("en", "en"), ("nl", "nl"), ("sr-Latn", "sr-Latn"), (None, None)])
def test_a_source_says_the_language_of_its_page(tmp_path, written, tag):
    """`lang:` gives the language of a source's page and title, which a page of the other language marks (WCAG 3.1.2);
    without it, nothing is said, and the open data says null."""
    extra = f"      lang: {written}\n" if written else ""
    write(tmp_path, "countries.yaml", signed("PL", extra))
    records, problems = load_records(tmp_path, TODAY)
    assert problems == []
    (source,) = records["PL"].sources
    assert source.lang == tag and source.as_dict()["lang"] == tag


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("english", "'english' is not a language tag"),
        ("EN", "'EN' is not a language tag"),
        ("xx", "'xx' is not a language code CLDR knows"),
        ("[en]", "is not a language tag"),
    ],
)
def test_a_source_language_that_is_no_tag_is_refused_at_its_line(tmp_path, written, message):
    write(tmp_path, "countries.yaml", signed("PL", f"      lang: {written}\n"))
    _, problems = load_records(tmp_path, TODAY)
    assert [(p.field, p.line) for p in problems] == [("PL.sources.0.lang", 12)]
    assert message in problems[0].message
    assert "`lang: en`" in problems[0].hint
    assert problems[0].path.endswith("countries.yaml")


@pytest.mark.parametrize(
    ("today", "published", "accessed", "told"),
    [
        # A build dated after the clock (a pinned "today") took a page published on its eve as published after today.
        (date(2999, 1, 1), "2998-12-30", "2998-12-31", None),
        # A build dated before the clock took a page published after its day, read on it, for one read before it was
        # published, not for a day after the build's.
        (date(2026, 1, 1), "2026-06-01", "2026-01-01", "2026-06-01 is after today (2026-01-01)"),
    ],
)
def test_a_source_s_published_and_accessed_days_are_checked_against_one_today_the_build_s(
    tmp_path, today, published, accessed, told
):
    source = f"    - url: https://x.example/a\n      publisher: X\n      published: {published}\n"
    source += f"      accessed: {accessed}\n"
    write(tmp_path, "countries.yaml", signed("PL").replace(SOURCE, source))
    _, problems = load_records(tmp_path, today)
    of_sources = [(p.field, p.message) for p in problems if p.field.startswith("PL.sources")]
    assert of_sources == ([("PL.sources.0.published", told)] if told else []), problems
