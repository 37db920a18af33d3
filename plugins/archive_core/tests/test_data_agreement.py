"""One fact in two data files says the same in both, as `make check` and the build check it (archive_core.agreement).

Each test writes a small content folder that agrees, then changes one value as a stranger's pull request
could: valid field by field, and at odds with another file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from archive_core.snapshot import take

TODAY = date(2026, 11, 29)
TREATY = """\
  - url: https://treaties.un.org/doc/x.xml
    title: Status of the convention
    publisher: United Nations Treaty Collection
    accessed: 2026-11-29
"""
CONVENTION = f"""\
as_of: 2026-11-29
hanoi_signatures: {{total: 3, states: 2, organisations: 1}}
sources:
{TREATY}entry_into_force:
  instruments: 2
  sources: [https://treaties.un.org/doc/x.xml]
"""
CEREMONY = f"""\
id: signing-hanoi
kind: signing
date: {{start: 2025-10-25, end: 2025-10-26}}
title: {{pl: Ceremonia, en: Ceremony}}
description: {{pl: Podpisy., en: Signatures.}}
sources:
{TREATY}countries: [VN]
"""
CLOSES = f"""\
id: signature-closes
kind: signature-period
date: 2026-12-31
title: {{pl: Koniec, en: Last day}}
description: {{pl: Ostatni dzień., en: The last day.}}
sources:
{TREATY}"""
MAURITIUS = f"""\
id: signature-mauritius
kind: signing
date: 2025-11-19
title: {{pl: Mauritius, en: Mauritius}}
description: {{pl: Mauritius podpisuje., en: Mauritius signs.}}
sources:
{TREATY}countries: [MU]
"""
ENTRY = f"""\
id: entry-into-force
kind: entry-into-force
upcoming: true
title: {{pl: Wejście w życie, en: Entry into force}}
description: {{pl: Wkrótce., en: Not yet.}}
sources:
{TREATY}"""


def record(code: str, status: str = "signed", day: str = "2025-10-25", place: str | None = "hanoi") -> str:
    where = f"  place: {place}\n" if place else ""
    return f"- code: {code}\n  status: {status}\n  date: {day}\n{where}  sources:\n{TREATY}"


def bound(code: str, day: str, kind: str = "ratification") -> str:
    """A `ratified` record: its instrument of `kind` deposited on `day`, after a signature in New York (an
    accession has none)."""
    signature = "" if kind == "accession" else "  date: 2025-11-19\n  place: new-york\n"
    instrument = f"  instrument: {{kind: {kind}, date: {day}}}\n"
    return f"- code: {code}\n  status: ratified\n{signature}{instrument}  sources:\n{TREATY}"


# Article 65(1) counts an instrument of any kind: two of them, neither a ratification, bring it into force.
INSTRUMENTS = {"PL": bound("PL", "2026-04-01", "acceptance"), "DE": bound("DE", "2026-04-02", "accession")}


RECORDS = {
    "VN": record("VN"),
    "EU": record("EU"),
    "MU": record("MU", day="2025-11-19", place="new-york"),
    "PL": record("PL", day="2025-10-26"),
}
EVENTS = {
    "signing-hanoi": CEREMONY,
    "signature-closes": CLOSES,
    "signature-mauritius": MAURITIUS,
    "entry-into-force": ENTRY,
}


def write(folder: Path, records: dict[str, str], events: dict[str, str], convention: str = CONVENTION) -> Path:
    data = folder / "data"
    (data / "timeline").mkdir(parents=True)
    (data / "countries.yaml").write_text("".join(text for _, text in sorted(records.items())), "utf-8")  # as kept
    (data / "convention.yaml").write_text(convention, "utf-8")
    for name, text in events.items():
        (data / "timeline" / f"{name}.yaml").write_text(text, "utf-8")
    return folder


def problems(folder: Path) -> list:
    return list(take(folder, today=TODAY).problems)


def changed(tmp_path: Path, records: dict | None = None, events: dict | None = None, convention: str = CONVENTION):
    return problems(write(tmp_path, {**RECORDS, **(records or {})}, {**EVENTS, **(events or {})}, convention))


def test_data_that_agrees_passes(tmp_path):
    assert changed(tmp_path) == []


@pytest.mark.parametrize(
    ("code", "text", "field", "words"),
    [
        ("PL", record("PL", day="2025-10-20"), "PL.date", "before the convention was opened for signature"),
        ("PL", bound("PL", "2025-09-01", "accession"), "PL.instrument.date", "before the convention was opened"),
        ("PL", record("PL", day="2025-11-03"), "PL.date", "after the signing ceremony at Hanoi"),
        ("PL", record("PL", day="2025-10-25", place="new-york"), "PL.place", "a day of the signing ceremony"),
    ],
)
def test_a_record_dated_outside_the_signature_period_is_refused_at_its_line(tmp_path, code, text, field, words):
    found = changed(tmp_path, records={code: text})
    (problem,) = [p for p in found if p.field == field]
    assert problem.path.endswith("countries.yaml") and problem.line is not None
    assert words in problem.message and "signing-hanoi.yaml" in problem.message
    assert problem.severity == "error"


def test_a_signature_after_the_last_day_is_refused(tmp_path):
    """The timeline's last day moved before a signature in New York (a date ahead of the build is refused
    anyway, so the period is shortened here)."""
    closes = CLOSES.replace("2026-12-31", "2025-11-01")
    (problem,) = changed(tmp_path, events={"signature-closes": closes})
    assert problem.field == "MU.date" and "after the last day for signing, 2025-11-01" in problem.message


def test_a_signature_period_that_ends_before_it_opens_is_one_problem_on_the_event(tmp_path):
    closes = CLOSES.replace("2026-12-31", "2025-10-01")
    (problem,) = changed(tmp_path, events={"signature-closes": closes})
    assert problem.path.endswith("signature-closes.yaml") and problem.field == "date" and problem.line == 3


def test_many_records_against_one_event_blame_the_event_once(tmp_path):
    many = {code: record(code) for code in ("AT", "AU", "BE", "BR", "CA", "CL", "CN", "DE", "DK", "EE", "ES")}
    counts = CONVENTION.replace("total: 3, states: 2", "total: 15, states: 14")
    ceremony = CEREMONY.replace("2025-10-2", "2025-10-1")
    found = changed(tmp_path, records=many, events={"signing-hanoi": ceremony}, convention=counts)
    on_event = [p for p in found if p.path.endswith("signing-hanoi.yaml") and p.field == "date"]
    assert len(on_event) == 2  # the period it opens, and VN's date it names
    assert "records of data/countries.yaml disagree with the signature period" in on_event[0].message
    assert not [p for p in found if p.path.endswith("countries.yaml")]


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        (record("MU", day="2025-11-20", place="new-york"), "date", "whose signature date in data/countries.yaml is"),
        ("- code: MU\n  status: not-signed\n" + record("X").split("  date: 2025-10-25\n  place: hanoi\n")[1],
         "countries.0", "gives 'not-signed'"),
    ],
)  # fmt: skip
def test_a_signing_event_and_its_country_s_record_agree(tmp_path, text, field, words):
    (problem,) = changed(tmp_path, records={"MU": text})
    assert problem.path.endswith("signature-mauritius.yaml") and problem.field == field
    assert words in problem.message and problem.line is not None


def test_a_signing_event_of_a_country_with_no_record_is_refused(tmp_path):
    records = {code: text for code, text in RECORDS.items() if code != "MU"}
    (problem,) = problems(write(tmp_path, records, EVENTS))
    assert problem.field == "countries.0" and "MU has no record" in problem.message


@pytest.mark.parametrize(
    ("mistake", "field"),
    [
        (("status: signed", "status: sign"), "MU.status"),
        (("code: MU", "code: mu"), "mu.code"),
        (("code: MU", "code: Mauritius"), "Mauritius.code"),
    ],
    ids=["a status misspelled", "a code in lower case", "a name for a code"],
)
def test_a_record_refused_for_its_own_mistake_is_not_said_to_be_missing(tmp_path, mistake, field):
    # "MU has no record (add its record)" on the event sent the contributor to add a second record.
    (problem,) = changed(tmp_path, records={"MU": RECORDS["MU"].replace(*mistake)})
    assert problem.field == field and problem.path.endswith("countries.yaml"), problem


def test_a_ratification_event_needs_a_ratified_record(tmp_path):
    event = MAURITIUS.replace("kind: signing", "kind: ratification")
    (problem,) = changed(tmp_path, events={"signature-mauritius": event})
    assert "ratification, but data/countries.yaml gives 'signed'" in problem.message


def test_as_of_older_than_a_record_s_source_is_refused(tmp_path):
    convention = CONVENTION.replace("as_of: 2026-11-29", "as_of: 2026-11-01")
    (problem,) = changed(tmp_path, convention=convention)
    assert problem.path.endswith("convention.yaml") and (problem.field, problem.line) == ("as_of", 1)
    assert "when a source of" in problem.message


def test_more_organisations_at_hanoi_than_the_depositary_counts_is_refused(tmp_path):
    convention = CONVENTION.replace("states: 2, organisations: 1", "states: 3, organisations: 0")
    (problem,) = changed(tmp_path, convention=convention)
    assert "1 records are signatures of organisations in Hanoi" in problem.message and "as 0" in problem.message


def test_a_dated_entry_into_force_needs_its_ratifications_90_days_before(tmp_path):
    dated = {"entry-into-force": ENTRY.replace("upcoming: true", "date: 2026-06-01")}
    (problem,) = changed(tmp_path, events=dated)
    assert problem.path.endswith("entry-into-force.yaml") and "has 0 confirmed ratifications" in problem.message
    ratified = INSTRUMENTS
    (problem,) = changed(tmp_path / "soon", records=ratified, events=dated)
    assert "less than 90 days after the last of the 2 ratifications it needs" in problem.message
    assert (
        changed(
            tmp_path / "late",
            records=ratified,
            events={"entry-into-force": dated["entry-into-force"].replace("06-01", "07-01")},
        )
        == []
    )


@pytest.mark.parametrize("name", ["title", "publisher"])
def test_one_page_cited_with_two_titles_or_publishers_is_refused(tmp_path, name):
    other = CLOSES.replace(f"    {name}: ", f"    {name}: Not ", 1)
    (problem,) = changed(tmp_path, events={"signature-closes": other})
    assert problem.path.endswith("signature-closes.yaml") and problem.field == f"sources.0.{name}"
    assert "cites the same page" in problem.message and "convention.yaml:" in problem.message


def test_a_page_published_after_it_was_read_is_refused(tmp_path):
    late = CLOSES.replace("    accessed: 2026-11-29", "    published: 2026-11-29\n    accessed: 2026-11-28", 1)
    found = changed(tmp_path, events={"signature-closes": late})
    assert [p.field for p in found] == ["sources.0.published"]
    assert "when the page was read" in found[0].message


def test_a_refused_event_is_not_taken_for_the_ceremony(tmp_path):
    """The ceremony's file refused (an unknown field): Mauritius's signing is not the opening of signature."""
    found = changed(tmp_path, events={"signing-hanoi": CEREMONY + "color: red\n"})
    assert [p.field for p in found] == ["color"]


def test_an_event_listing_an_article_published_before_it_is_a_warning(tmp_path):
    folder = tmp_path / "articles" / "2025"
    folder.mkdir(parents=True)
    head = "---\ntitle: {}\ndate: 2025-10-24\nlang: {}\ntranslation_key: ceremony\n"
    source = "source: {url: https://example.org/pl/hanoi, publisher: Example Agency}\n"
    (folder / "ceremony.pl.md").write_text(head.format("Ceremonia", "pl") + source + "---\nTekst.\n", "utf-8")
    translation = "translation: {from: pl, by: the test}\n"
    (folder / "ceremony.en.md").write_text(head.format("Ceremony", "en") + source + translation + "---\nText.\n")
    found = changed(tmp_path, events={"signing-hanoi": CEREMONY + "articles: [ceremony]\n"})
    assert [(p.field, p.severity) for p in found] == [("articles.0", "warning")], [str(p) for p in found]
    assert "published on 2025-10-24, before the event (2025-10-25)" in found[0].message


def test_a_country_with_no_record_is_told_the_record_to_add_and_where(tmp_path):
    """Found playing a contributor: `(add its record)`, and the message named `data/countries.yaml`, which is no path
    of the repository: where, and what the record says, were the contributor's to find."""
    records = {code: text for code, text in RECORDS.items() if code != "MU"}
    (problem,) = problems(write(tmp_path, records, EVENTS))
    assert f"add its record to {tmp_path}/data/countries.yaml, in the order of codes: `- code: MU`" in problem.hint
    assert "`status: signed`, `date: 2025-11-19`" in problem.hint, problem.hint


def test_an_upcoming_entry_into_force_the_ratifications_date_is_refused(tmp_path):
    """The records hold every instrument it needs: its date is known (article 65(1)), and `upcoming` contradicts it."""
    ratified = INSTRUMENTS
    (problem,) = changed(tmp_path, records=ratified)
    assert problem.path.endswith("entry-into-force.yaml") and problem.field == "upcoming" and problem.line == 3
    assert "has 2 confirmed ratifications of the 2" in problem.message and "2026-07-01" in problem.message
    assert "`date: 2026-07-01`" in problem.hint


def test_an_entry_into_force_after_the_90th_day_is_refused(tmp_path):
    ratified = INSTRUMENTS
    late = {"entry-into-force": ENTRY.replace("upcoming: true", "date: 2026-07-02")}
    (problem,) = changed(tmp_path, records=ratified, events=late)
    assert problem.path.endswith("entry-into-force.yaml") and problem.field == "date"
    assert "2026-07-02 is after 2026-07-01, the 90th day after the last of the 2 ratifications" in problem.message


def test_an_adoption_after_the_opening_for_signature_is_refused(tmp_path):
    adoption = CLOSES.replace("id: signature-closes", "id: adoption").replace("signature-period", "adoption")
    assert changed(tmp_path, events={"adoption": adoption.replace("2026-12-31", "2024-12-24")}) == []
    (problem,) = changed(tmp_path / "late", events={"adoption": adoption.replace("2026-12-31", "2025-10-27")})
    assert problem.path.endswith("adoption.yaml") and problem.field == "date" and problem.line == 3
    assert "2025-10-27 is after the convention was opened for signature at" in problem.message


def test_a_record_s_source_read_before_its_date_is_refused(tmp_path):
    early = record("MU", day="2025-11-19", place="new-york").replace("accessed: 2026-11-29", "accessed: 2025-11-18")
    (problem,) = changed(tmp_path, records={"MU": early})
    assert problem.field == "MU.sources.0.accessed" and problem.line is not None
    assert "2025-11-18 is before the signed date 2025-11-19" in problem.message
    same_day = early.replace("accessed: 2025-11-18", "accessed: 2025-11-19")
    assert changed(tmp_path / "same-day", records={"MU": same_day}) == []


def test_a_record_whose_corrections_all_precede_its_date_is_refused(tmp_path):
    """A record published before the signature logs the change that recorded it; one published after has no
    correction before it."""
    logged = "  corrections:\n    - date: {}\n      change: {{pl: Zmiana., en: A change.}}\n"
    signed = record("MU", day="2025-11-19", place="new-york")
    (problem,) = changed(tmp_path, records={"MU": signed + logged.format("2025-11-01")})
    assert problem.field == "MU.corrections.0.date" and problem.line is not None
    assert "before its signed date 2025-11-19: the change that recorded it is not logged" in problem.message
    both = signed + logged.format("2025-11-01") + logged.format("2025-11-20").removeprefix("  corrections:\n")
    assert changed(tmp_path / "logged", records={"MU": both}) == []


def test_an_event_s_source_read_before_the_event_is_a_warning(tmp_path):
    early = MAURITIUS.replace("accessed: 2026-11-29", "accessed: 2025-11-18")
    found = changed(tmp_path, events={"signature-mauritius": early})
    assert [(p.field, p.severity, p.line) for p in found] == [("sources.0.accessed", "warning", 10)]
    assert "event 'signature-mauritius': 2025-11-18 is before the event began (2025-11-19)" in found[0].message
    announced = MAURITIUS.replace("    accessed: 2026-11-29", "    published: 2025-11-18\n    accessed: 2026-11-29")
    found = changed(tmp_path / "announced", events={"signature-mauritius": announced})
    assert [(p.field, p.severity) for p in found] == [("sources.0.published", "warning")]
    assert "a page published before it can announce it" in found[0].message
    # the last day for signing is fixed in advance: a page read before it states it
    scheduled = CLOSES.replace("accessed: 2026-11-29", "accessed: 2025-11-18")
    assert changed(tmp_path / "scheduled", events={"signature-closes": scheduled}) == []


def test_a_record_s_source_published_before_its_date_is_a_warning(tmp_path):
    """A page of the day before can announce a signature, not confirm it; it may be a page updated since."""
    signed = record("MU", day="2025-11-19", place="new-york")
    announced = signed.replace("    accessed: 2026-11-29", "    published: 2025-11-18\n    accessed: 2026-11-29")
    found = changed(tmp_path, records={"MU": announced})
    assert [(p.field, p.severity) for p in found] == [("MU.sources.0.published", "warning")]
    assert "2025-11-18 is before the signed date (2025-11-19)" in found[0].message and found[0].line is not None


def test_a_ratified_record_s_signature_is_checked_against_the_signature_period(tmp_path):
    """The signature a ratified record keeps is the signature: in New York on a day of the ceremony is refused."""
    early = bound("PL", "2026-04-01").replace("date: 2025-11-19", "date: 2025-10-25")
    (problem,) = changed(tmp_path, records={"PL": early})
    assert problem.field == "PL.place" and "is a day of the signing ceremony" in problem.message


def test_an_instrument_before_the_opening_for_signature_is_refused(tmp_path):
    (problem,) = changed(tmp_path, records={"DE": bound("DE", "2025-10-01", "accession")})
    assert problem.path.endswith("countries.yaml") and problem.field == "DE.instrument.date"
    assert "2025-10-01 is before the convention was opened for signature" in problem.message
    assert problem.line == 3


def test_a_ratification_event_is_checked_against_the_instrument_s_date(tmp_path):
    event = MAURITIUS.replace("id: signature-mauritius", "id: ratification-pl").replace(
        "kind: signing", "kind: ratification"
    )
    event = event.replace("date: 2025-11-19", "date: 2026-04-01").replace("countries: [MU]", "countries: [PL]")
    assert changed(tmp_path, records={"PL": bound("PL", "2026-04-01")}, events={"ratification-pl": event}) == []
    (problem,) = changed(
        tmp_path / "other", records={"PL": bound("PL", "2026-04-02")}, events={"ratification-pl": event}
    )
    assert "whose ratification date in data/countries.yaml is 2026-04-02" in problem.message


def test_a_signing_event_naming_an_accession_is_refused(tmp_path):
    (problem,) = changed(tmp_path, records={"MU": bound("MU", "2026-04-01", "accession")})
    assert problem.path.endswith("signature-mauritius.yaml") and "gives an accession" in problem.message


def test_a_ratification_event_with_no_record_is_told_the_instrument_to_add(tmp_path):
    event = MAURITIUS.replace("id: signature-mauritius", "id: ratification-de").replace(
        "kind: signing", "kind: ratification"
    )
    event = event.replace("date: 2025-11-19", "date: 2026-04-01").replace("countries: [MU]", "countries: [DE]")
    (problem,) = changed(tmp_path, events={"ratification-de": event})
    assert "`instrument: {kind: ratification, date: 2026-04-01}`" in problem.hint, problem.hint
    assert "the signature's `date:` and `place:`" in problem.hint
