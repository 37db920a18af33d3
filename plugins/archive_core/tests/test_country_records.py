"""Country records: what a good record gives, and how each bad record is reported (file, line, record, field)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from archive_core.country_records import NOT_SIGNED, SIGNED, load_records
from archive_core.snapshot import take

TODAY = date(2025, 11, 28)
SOURCE = "https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/XVIII-16.en.xml"


def write(content_dir: Path, text: str) -> Path:
    path = content_dir / "data" / "countries.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def only_problem(content_dir: Path) -> str:
    _, problems = load_records(content_dir, TODAY)
    assert len(problems) == 1, problems
    return str(problems[0])


def test_a_good_record(tmp_path):
    write(tmp_path, f"- code: VN\n  status: signed\n  date: 2025-10-25\n  place: hanoi\n  source: {SOURCE}\n")
    records, problems = load_records(tmp_path, TODAY)
    assert problems == []
    vn = records["VN"]
    assert (vn.status, vn.date, vn.place, vn.source) == (SIGNED, date(2025, 10, 25), "hanoi", SOURCE)
    assert vn.is_signatory
    assert vn.source_host == "treaties.un.org"


def test_not_signed_in_hanoi_and_unknown_without_source(tmp_path):
    write(
        tmp_path,
        f"- code: SE\n  status: unknown\n- code: US\n  status: not-signed\n  place: hanoi\n  source: {SOURCE}\n",
    )
    records, problems = load_records(tmp_path, TODAY)
    assert problems == []
    assert records["US"].status == NOT_SIGNED and not records["US"].is_signatory
    assert records["SE"].source is None


def test_no_file_means_no_records(tmp_path):
    assert load_records(tmp_path, TODAY) == ({}, [])


def test_unknown_code_names_file_line_record_and_field(tmp_path):
    write(
        tmp_path,
        f"- code: VN\n  status: signed\n  date: 2025-10-25\n  place: hanoi\n  source: {SOURCE}\n"
        "- code: XY\n  status: unknown\n",
    )
    message = only_problem(tmp_path)
    assert "countries.yaml:6: XY.code: 'XY' is not a known country code" in message
    assert "ISO 3166-1 alpha-2" in message


def test_status_without_source(tmp_path):
    write(tmp_path, "- code: PL\n  status: signed\n  date: 2025-10-25\n  place: hanoi\n")
    message = only_problem(tmp_path)
    assert "countries.yaml:1: PL.sources: a 'signed' status needs a source" in message
    assert message.endswith("(add `sources:` with the page that states it (url, publisher, accessed))"), message


def test_status_with_an_empty_list_of_sources_is_told_to_fill_it(tmp_path):
    """`sources: []` was told to add the `sources:` it has."""
    write(tmp_path, "- code: PL\n  status: signed\n  date: 2025-10-25\n  place: hanoi\n  sources: []\n")
    message = only_problem(tmp_path)
    assert "countries.yaml:5: PL.sources: a 'signed' status needs a source" in message, message
    assert message.endswith("(list under `sources:` the page that states it (url, publisher, accessed))"), message


def test_signed_in_the_future_of_the_build(tmp_path):
    write(tmp_path, f"- code: PL\n  status: signed\n  date: 2025-12-01\n  place: new-york\n  source: {SOURCE}\n")
    message = only_problem(tmp_path)
    assert "countries.yaml:3: PL.date: 2025-12-01 is after the build date 2025-11-28" in message


def test_source_must_be_a_web_address(tmp_path):
    write(tmp_path, "- code: PL\n  status: signed\n  date: 2025-10-25\n  place: hanoi\n  source: the UN website\n")
    assert "countries.yaml:5: PL.source: 'the UN website' is not an http(s) address" in only_problem(tmp_path)


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ("- code: PL\n  status: maybe\n", "PL.status: must be one of signed, ratified, not-signed, unknown"),
        (
            f"- code: PL\n  status: signed\n  place: hanoi\n  source: {SOURCE}\n",
            "PL.date: a 'signed' status needs its date",
        ),
        (
            f"- code: PL\n  status: signed\n  date: 2025-10-25\n  source: {SOURCE}\n",
            "PL.place: a 'signed' status needs",
        ),
        (
            f"- code: PL\n  status: signed\n  date: 2025-10-25\n  place: Warsaw\n  source: {SOURCE}\n",
            "PL.place: must be",
        ),
        (
            "- code: PL\n  status: ratified\n  instrument: {kind: ratification, date: 2025-11-20}\n"
            f"  source: {SOURCE}\n",
            "PL.date: a 'ratified' status needs its date",
        ),
        (f"- code: PL\n  status: not-signed\n  date: 2025-10-25\n  source: {SOURCE}\n", "PL.date: a 'not-signed'"),
        ("- code: PL\n  status: unknown\n  colour: red\n", "PL.colour: is not a known field"),
        ("- PL\n", "record 1: is not a mapping"),
        ("code: PL\n", "yaml: must be a list of records"),
        (
            "- code: PL\n  status: unknown\n- code: PL\n  status: unknown\n",
            "countries.yaml:3: PL.code: is the code of the record on line 1 too",
        ),
    ],
)
def test_each_bad_record_is_named(tmp_path, record, expected):
    write(tmp_path, record)
    assert expected in only_problem(tmp_path)


@pytest.mark.parametrize("broken", ["first", "second"])
def test_a_second_record_is_told_when_either_record_has_another_problem(tmp_path, broken):
    good, bad = "- code: PL\n  status: unknown\n", "- code: PL\n  status: maybe\n"
    write(tmp_path, bad + good if broken == "first" else good + bad)
    _, problems = load_records(tmp_path, TODAY)
    status_line = 2 if broken == "first" else 4
    assert sorted((p.line, p.field) for p in problems) == sorted([(status_line, "PL.status"), (3, "PL.code")])
    assert next(p for p in problems if p.field == "PL.code").message == "is the code of the record on line 1 too"


def test_every_problem_is_reported_not_only_the_first(tmp_path):
    write(tmp_path, "- code: XY\n  status: unknown\n- code: PL\n  status: signed\n")
    _, problems = load_records(tmp_path, TODAY)
    assert [p.field for p in problems] == ["XY.code", "PL.sources", "PL.date", "PL.place"]


def test_a_record_with_a_strangers_mistakes_names_them_all_at_once(tmp_path):
    # A date as written in Europe, a place by its name, the publisher's home page: three fixes, one round.
    write(tmp_path, "- code: DE\n  status: signed\n  date: 25/10/2025\n  place: Hanoi\n  sources:\n"
                    "    - url: https://www.example.org/\n"
                    "      publisher: Example\n      accessed: 2025-10-26\n")  # fmt: skip
    _, problems = load_records(tmp_path, TODAY)
    assert [(p.line, p.field) for p in problems] == [(3, "DE.date"), (4, "DE.place"), (6, "DE.sources.0.url")]
    assert "'25/10/2025' is not a date (write 2025-10-25: dates are YYYY-MM-DD)" in str(problems[0])
    assert "must be one of hanoi, new-york, not 'Hanoi'" in str(problems[1])


def test_the_content_snapshot_reports_the_same_problems(tmp_path):
    write(tmp_path, "- code: PL\n  status: signed\n  date: 2025-10-25\n  place: hanoi\n")
    assert [p.field for p in take(tmp_path, today=TODAY).problems] == ["PL.sources"]


def test_the_real_records_are_valid_and_sourced():
    content = Path(__file__).resolve().parents[3] / "content"
    records, problems = load_records(content)
    assert problems == []
    assert all(record.source for record in records.values() if record.status != "unknown")
    assert take(content).data_problems == ()


def test_a_country_by_its_name_is_told_its_code(tmp_path):
    write(tmp_path, "- code: Niemcy\n  status: unknown\n")
    assert "Niemcy.code: 'Niemcy' is not a known country code (write DE: a country is its ISO 3166-1" in only_problem(
        tmp_path
    )


def test_a_record_out_of_order_is_told_where_it_goes_and_moved_there_nothing_is_left(tmp_path):
    """countries.yaml says it is sorted by code, and nothing checked it: a record added at the top stayed there."""
    records = {code: f"- code: {code}\n  status: signed\n  date: 2025-10-25\n  place: hanoi\n  source: {SOURCE}\n"
               for code in ("AO", "AT", "BR", "CA", "DE", "ZW")}  # fmt: skip
    write(tmp_path, "".join(records[code] for code in ("CA", "AO", "AT", "BR", "DE", "ZW")))
    _, problems = load_records(tmp_path, TODAY)
    assert [(p.line, p.field, p.severity, p.message, p.hint) for p in problems] == [
        (1, "CA.code", "warning", "is out of order: the file is kept sorted by code",
         "move this record before that of DE (line 21)"),
    ]  # fmt: skip
    write(tmp_path, "".join(records[code] for code in ("AO", "AT", "BR", "CA", "DE", "ZW")))  # as told
    assert load_records(tmp_path, TODAY)[1] == []
    write(tmp_path, "".join(records[code] for code in ("AO", "AT", "BR", "CA", "ZW", "DE")))
    [problem] = load_records(tmp_path, TODAY)[1]
    assert (problem.field, problem.hint) == ("DE.code", "move this record before that of ZW (line 21)")


@pytest.mark.parametrize(
    "order",
    [("AO", "DE", "CA", "BR", "ZW"), ("ZW", "DE", "AO", "AT", "BR", "CA"), ("CA", "BR", "AT", "AO", "DE", "ZW")],
)
@pytest.mark.parametrize("first", ["first", "last"], ids=["first hint first", "last hint first"])
def test_records_that_go_in_one_place_are_told_together_and_moved_as_told_nothing_is_left(tmp_path, order, first):
    """Two records of one gap were each told 'move this record before that of ZW': moved one after the other, they
    ended in the order they were moved in, and the next run warned again."""
    records = {code: f"- code: {code}\n  status: unknown\n" for code in order}
    write(tmp_path, "".join(records[code] for code in order))
    hints = [p.hint for p in load_records(tmp_path, TODAY)[1]]
    assert hints and all(p.severity == "warning" for p in load_records(tmp_path, TODAY)[1])
    now = list(order)
    for hint in hints if first == "first" else reversed(hints):  # each followed literally, as a contributor would
        told = re.fullmatch(r"move (?:this record|the records of (.+), in this order,) (?:before that of (\w+) "
                            r"\(line \d+\)|to the end of the file)", hint)  # fmt: skip
        assert told, hint
        # The record the hint is at (the first that is out of place and not yet moved), or the records it names.
        moving = re.findall(r"([A-Z]{2}) \(line", told[1]) if told[1] else None
        if moving is None:
            [this] = [p.field.split(".")[0] for p in load_records(tmp_path, TODAY)[1] if p.hint == hint][:1] or [None]
            if this is None:
                continue
            moving = [this]
        now = [code for code in now if code not in moving]
        at = now.index(told[2]) if told[2] else len(now)
        now[at:at] = moving
        write(tmp_path, "".join(records[code] for code in now))
    assert now == sorted(order)
    assert load_records(tmp_path, TODAY)[1] == []


def test_a_record_refused_has_no_place_in_the_order_until_it_is_fixed(tmp_path):
    # `mu` for MU sorts after every code: told as the code it is not, never also as out of order.
    write(tmp_path, "- code: mu\n  status: unknown\n- code: AO\n  status: unknown\n- code: AO\n  status: unknown\n")
    assert [p.field for p in load_records(tmp_path, TODAY)[1]] == ["mu.code", "AO.code"]


RATIFIED_PL = (
    "- code: PL\n  status: ratified\n  date: 2025-10-25\n  place: hanoi\n"
    "  instrument:\n    kind: ratification\n    date: 2025-11-20\n"
    f"  sources:\n    - url: {SOURCE}\n      publisher: UNTC\n      accessed: 2025-11-21\n"
)


def test_a_ratified_record_keeps_its_signature(tmp_path):
    write(tmp_path, RATIFIED_PL)
    records, problems = load_records(tmp_path, TODAY)
    assert problems == []
    pl = records["PL"]
    assert (pl.date, pl.place, pl.instrument.kind, pl.instrument.date) == (
        date(2025, 10, 25),
        "hanoi",
        "ratification",
        date(2025, 11, 20),
    )
    assert pl.is_signatory and pl.status_date == date(2025, 11, 20)


def test_an_accession_has_no_signature(tmp_path):
    accession = (
        f"- code: PL\n  status: ratified\n  instrument: {{kind: accession, date: 2025-11-20}}\n  source: {SOURCE}\n"
    )
    write(tmp_path, accession)
    records, problems = load_records(tmp_path, TODAY)
    assert problems == [] and records["PL"].instrument.kind == "accession"
    assert records["PL"].date is None and not records["PL"].is_signatory
    write(tmp_path, accession.replace("  instrument:", "  date: 2025-10-25\n  place: hanoi\n  instrument:"))
    _, problems = load_records(tmp_path, TODAY)
    assert [(p.line, p.field, p.message) for p in problems] == [
        (3, "PL.date", "an accession has no signature date"),
        (4, "PL.place", "an accession has no signature place"),
    ]


@pytest.mark.parametrize(
    ("old", "new", "told"),
    [
        (
            "date: 2025-11-20",
            "date: 2025-10-24",
            "countries.yaml:7: PL.instrument.date: 2025-10-24 is before the signature, 2025-10-25",
        ),
        ("date: 2025-11-20", "date: 2025-11-29", "countries.yaml:7: PL.instrument.date: 2025-11-29 is after today"),
        (
            "kind: ratification",
            "kind: acession",
            "countries.yaml:6: PL.instrument.kind: must be one of ratification, acceptance, approval, accession, "
            "not 'acession' (did you mean 'accession'?)",
        ),
        ("    kind: ratification\n", "", "countries.yaml:6: PL.instrument.kind: is missing"),
        (
            "  instrument:\n    kind: ratification\n    date: 2025-11-20\n",
            "",
            "PL.instrument: a 'ratified' status needs",
        ),
        ("status: ratified", "status: signed", "countries.yaml:6: PL.instrument: a 'signed' status has no instrument"),
        (
            "    date: 2025-11-20\n",
            "    date: 2025-11-20\n    dated: 2025-11-20\n",
            "PL.instrument.dated: is not a known",
        ),
    ],
)
def test_a_wrong_instrument_is_refused_at_its_line_and_field(tmp_path, old, new, told):
    write(tmp_path, RATIFIED_PL.replace(old, new, 1))
    assert told in only_problem(tmp_path)


def test_a_source_read_before_the_instrument_is_refused(tmp_path):
    write(tmp_path, RATIFIED_PL.replace("accessed: 2025-11-21", "accessed: 2025-11-19"))
    assert "PL.sources.0.accessed: 2025-11-19 is before the ratified date 2025-11-20" in only_problem(tmp_path)


def test_an_accession_whose_kind_is_misspelt_is_not_asked_for_a_signature(tmp_path):
    write(
        tmp_path,
        f"- code: PL\n  status: ratified\n  instrument: {{kind: acesion, date: 2025-11-20}}\n  source: {SOURCE}\n",
    )
    assert "PL.instrument.kind: must be one of" in only_problem(tmp_path)
