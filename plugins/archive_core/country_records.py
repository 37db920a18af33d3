"""Country records (content/data/countries.yaml): each participant's status in the convention, with its source."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from archive_core import countries, paths
from archive_core.data import YAML_FIELD, Checks, DataFile, load_data, out_of_order, telling_yaml_problems
from archive_core.errors import ContentError, Problem, in_file_order
from archive_core.instruments import EXAMPLE, Instrument, read_instrument
from archive_core.layout import COUNTRIES_FILE
from archive_core.provenance import Citation, Correction, Fields, Localized
from archive_core.suggestions import meant_hint
from archive_core.when import read_date_problem

SIGNED, RATIFIED, NOT_SIGNED, UNKNOWN = "signed", "ratified", "not-signed", "unknown"
STATUSES = (SIGNED, RATIFIED, NOT_SIGNED, UNKNOWN)
# Where a signature can be made: at the Hanoi ceremony, then at UN Headquarters.
PLACES = ("hanoi", "new-york")
KEYS = frozenset(
    {"code", "status", "date", "place", "instrument", "source", "sources", "verified", "note", "corrections"}
)


@dataclass(frozen=True)
class CountryRecord:
    code: str
    status: str
    sources: tuple[Citation, ...] = ()
    date: date | None = None  # of the signature (a `ratified` record keeps it; an accession has none)
    place: str | None = None  # of the signature
    instrument: Instrument | None = None  # of a `ratified` record: ratification, acceptance, approval or accession
    verified: bool = True  # False: only reports support it; `note` says why
    note: Localized | None = None
    corrections: tuple[Correction, ...] = ()

    @property
    def source(self) -> str | None:
        """The first source's address."""
        return self.sources[0].url if self.sources else None

    @property
    def source_host(self) -> str | None:
        """`treaties.un.org`: the source's site, as the link text."""
        return urlsplit(self.source).hostname if self.source else None

    @property
    def has_signature(self) -> bool:
        """Signed, and still so once ratified (accepted, approved); a country that acceded never signed."""
        return self.status == SIGNED or (
            self.status == RATIFIED and self.instrument is not None and self.instrument.follows_signature
        )

    @property
    def is_signatory(self) -> bool:
        """A confirmed signature (ratified since or not); a reported one is not counted."""
        return self.has_signature and self.verified

    @property
    def is_reported_signatory(self) -> bool:
        return self.has_signature and not self.verified

    @property
    def status_date(self) -> date | None:
        """The day of the status: the instrument's deposit, else the signature."""
        return self.instrument.date if self.instrument is not None else self.date

    @property
    def all_sources(self) -> tuple[Citation, ...]:
        """The record's sources, then its instrument's."""
        return self.sources + (self.instrument.sources if self.instrument is not None else ())

    @property
    def display_status(self) -> str:
        """The status as the map and the lists show it: `signed`, or `signed-unverified` when not confirmed."""
        return self.status if self.verified or self.status == UNKNOWN else f"{self.status}-unverified"


@telling_yaml_problems
def load_records(content_dir: Path, today: date | None = None) -> tuple[dict[str, CountryRecord], list[Problem]]:
    """All records by code, and every problem found; a missing file means no records."""
    path = Path(content_dir) / COUNTRIES_FILE
    if not paths.named_as_written(content_dir, path):  # as a Linux server finds it, in these capitals
        return {}, []
    try:
        data_file = load_data(path, content_dir, record_key="code")
    except ContentError as exc:
        return {}, list(exc.problems)
    return parse_records(data_file, today or date.today())


def parse_records(data_file: DataFile, today: date) -> tuple[dict[str, CountryRecord], list[Problem]]:
    data = data_file.data
    if data is None:
        return {}, []
    if not isinstance(data, list):
        return {}, [
            data_file.problem([], YAML_FIELD, "must be a list of records", "start each record with `- code: XX`")
        ]
    records: dict[str, CountryRecord] = {}
    problems: list[Problem] = []
    # The line of every record with a known code, those refused too: a second one is told with them.
    first_line: dict[str, int | None] = {}
    refused: set[int] = set()
    for index, item in enumerate(data):
        record, found = _record(data_file, index, item, today)
        problems += found
        if data_file.has_finding(index):  # told by the YAML reading; compared with no other file until fixed
            record = None
        code = record.code if record is not None else _known_code(item)
        if record is None or code in first_line:
            refused.add(index)
        if code in first_line:
            problems.append(
                data_file.problem(
                    [index, "code"],
                    data_file.field([index, "code"]),
                    f"is the code of the record on line {first_line[code]} too",
                    "keep one record per country: move what this one adds, such as its sources, into that one",
                )
            )
            continue
        if code is not None:
            first_line[code] = data_file.line(index, "code")
        if record is not None:
            records[record.code] = record
    return records, in_file_order([*problems, *out_of_order(data_file, "code", refused)])


def _known_code(item: Any) -> str | None:
    """The known country code a record gives, whatever else is wrong with it; else None."""
    code = item.get("code") if isinstance(item, dict) else None
    return code if isinstance(code, str) and countries.is_known(code) else None


def _record(data_file: DataFile, index: int, item: Any, today: date) -> tuple[CountryRecord | None, list[Problem]]:
    """The record, or None and every problem of it: a contributor fixes a record in one round, not one per field."""
    fields = Fields(data_file, [index], data_file.record_label(index))
    if not isinstance(item, dict):
        return None, [
            fields.fail([], "is not a mapping", "write `- code: XX` and the record's fields indented under it").problem
        ]
    checks = Checks()  # every problem of the record
    checks.unknown_keys(fields, item, KEYS, kin=[{"source", "sources"}])

    def fail(keys: list[str], message: str, hint: str) -> None:
        checks.add(fields.fail(keys, message, hint))

    code = item.get("code")
    if code is None:
        fail(["code"], "is missing", "start the record with `- code: XX`, the country's ISO 3166-1 alpha-2 code")
    elif not isinstance(code, str) or not countries.is_known(code):
        fail(["code"], f"{fields.quoted(['code'], code)} is not a known country code", countries.code_hint(code))
    # The checks that depend on the status are made only for a known one, and one YAML read as the file meant it
    # (`status:` set twice is told as such, not as the last value's place or date).
    unsettled = data_file.has_finding(index, "status")
    status = item.get("status") if not unsettled else None
    known = status in STATUSES
    if not known and not unsettled:
        hint = meant_hint(status, STATUSES)
        fail(["status"], f"must be one of {', '.join(STATUSES)}, not {fields.quoted(['status'], status)}", hint)

    sources = checks.attempt(_sources, fields, item, today)
    if sources == () and known and status != UNKNOWN:
        fail(
            ["source" if "source" in item else "sources"],  # a source YAML could not read is told there instead
            f"a {status!r} status needs a source",
            # `sources: []` was told to add the `sources:` it has
            ("list under `sources:`" if "sources" in item else "add `sources:` with")
            + " the page that states it (url, publisher, accessed)",
        )
    read = checks.attempt(fields.verified, ["verified"], item.get("verified"))
    verified = read is not False
    # A `verified:` that failed is told alone: what it would need (a date, a note) depends on what it was meant to be.
    settled = read is not None or item.get("verified") is None
    note = checks.attempt(fields.localized, ["note"], item["note"]) if "note" in item else None
    if not verified and "note" not in item:
        fail(["note"], "a record marked `verified: false` must say why", "note: {pl: ..., en: ...}")

    instrument = _instrument(checks, fields, item, status if known else None, today)
    # An accession is made without a signature: the record has no signature date or place.
    signature = instrument is None or instrument.follows_signature
    # An instrument refused (its kind misspelt) may be an accession: no signature is asked for until it is read.
    needs_signature = signature and not (known and status == RATIFIED and instrument is None)

    when = item.get("date")
    if isinstance(when, datetime):
        when = when.date()
    if when is not None and not isinstance(when, date):
        fail(["date"], *read_date_problem(when, fields.quoted(["date"], when)))
    elif when is not None and not signature:
        fail(["date"], "an accession has no signature date", "remove `date:`: the instrument's `date:` is the day")
    elif known and status in (SIGNED, RATIFIED) and when is None and verified and settled and needs_signature:
        fail(
            ["date"], f"a {status!r} status needs its date", "add `date: YYYY-MM-DD` (or `verified: false` and a note)"
        )
    elif known and status in (NOT_SIGNED, UNKNOWN) and when is not None:
        fail(["date"], f"a {status!r} status has no date", "remove `date:`, or change the status")
    elif when is not None and when > today:
        fail(
            ["date"],
            f"{when.isoformat()} is after the build date {today.isoformat()}",
            f"a country cannot have {status} in the future; check the date",
        )
    elif instrument is not None and when is not None and instrument.date < when:
        fail(
            ["instrument", "date"],
            f"{instrument.date.isoformat()} is before the signature, {when.isoformat()}",
            f"an instrument of {instrument.kind} follows the signature; check both dates (`date:` is the signature's)",
        )

    place = item.get("place")
    if place is not None and place not in PLACES:
        hint = meant_hint(place, PLACES, "where the signature was made")
        fail(["place"], f"must be one of {', '.join(PLACES)}, not {fields.quoted(['place'], place)}", hint)
    elif place is not None and not signature:
        fail(["place"], "an accession has no signature place", "remove `place:`")
    elif status in (SIGNED, RATIFIED) and place is None and needs_signature and (status == SIGNED or when is not None):
        fail(["place"], f"a {status!r} status needs its place", f"add `place:` ({' or '.join(PLACES)})")
    elif status == UNKNOWN and place is not None:
        fail(["place"], f"a {status!r} status has no place", "remove `place:`")
    elif status == NOT_SIGNED and place not in (None, "hanoi"):
        fail(["place"], "a 'not-signed' status can only name hanoi", "`place: hanoi`: not signed at the ceremony")

    corrections = checks.attempt(fields.corrections, ["corrections"], item.get("corrections"), today) or ()
    fact = instrument.date if instrument is not None else when
    if isinstance(fact, date) and status in (SIGNED, RATIFIED):
        for keys, message, hint in _before_the_fact(fact, status, item, sources or (), corrections, instrument):
            fail(keys, message, hint)
    if checks.problems or sources is None:
        return None, in_file_order(checks.problems)
    return (
        CountryRecord(
            code=code,
            status=status,
            sources=sources,
            date=when,
            place=place,
            instrument=instrument,
            verified=verified,
            note=note,
            corrections=corrections,
        ),
        [],
    )


def _instrument(checks: Checks, fields: Fields, item: dict, status: str | None, today: date) -> Instrument | None:
    """The instrument a `ratified` record needs, and no other has; None when there is none or it was refused."""
    if status == RATIFIED and "instrument" not in item:
        checks.add(
            fields.fail(
                ["instrument"],
                "a 'ratified' status needs its instrument",
                f"add `{EXAMPLE}` (kind: ratification, acceptance, approval or accession); `date:` and `place:` "
                "stay the signature's",
            )
        )
    elif status is not None and status != RATIFIED and "instrument" in item:
        checks.add(
            fields.fail(
                ["instrument"],
                f"a {status!r} status has no instrument",
                "set `status: ratified` once an instrument is deposited, or remove `instrument:`",
            )
        )
    elif "instrument" in item:
        return checks.attempt(read_instrument, fields, item["instrument"], today)
    return None


def _sources(fields: Fields, item: dict, today: date) -> tuple[Citation, ...]:
    """`sources:`, with a single `source:` first."""
    if isinstance(item.get("source"), list):  # `sources:` written without its `s`: told at the key to rename
        told = fields.fail(["source"], "is a list, but `source:` holds one source", "write `sources:` for a list")
        raise ContentError(replace(told.problem, line=fields.file.key_line(*fields.base, "source"), column=None))
    sources = fields.citations(["sources"], item.get("sources"), today)
    if item.get("source") is not None:
        sources = (fields.citation(["source"], item["source"], today), *sources)
    return sources


def _before_the_fact(
    when: date,
    status: str,
    item: dict,
    sources: tuple[Citation, ...],
    corrections: tuple[Correction, ...],
    instrument: Instrument | None = None,
) -> list[tuple[list, str, str]]:
    """The dates of a record that cannot precede its signature or ratification: a page read (`accessed`) before it
    cannot confirm it; corrections all dated before it mean the change that recorded it is not logged (a record
    first published after the fact has none before it, one published before it logs the change)."""
    found: list[tuple[list, str, str]] = []
    cited = list(zip(cited_keys(item), sources, strict=False))
    if instrument is not None:
        cited += [(["instrument", "sources", index], source) for index, source in enumerate(instrument.sources)]
    for keys, source in cited:
        if source.accessed is not None and source.accessed < when:
            found.append(
                (
                    [*keys, "accessed"],
                    f"{source.accessed.isoformat()} is before the {status} date {when.isoformat()}: a page read "
                    "before it cannot confirm it",
                    "give the day you read the page that states it (or check the record's `date:`)",
                )
            )
    if corrections and max(correction.date for correction in corrections) < when:
        latest = max(range(len(corrections)), key=lambda index: corrections[index].date)
        found.append(
            (
                ["corrections", latest, "date"],
                f"{corrections[latest].date.isoformat()}, and every correction of the record, is before its {status} "
                f"date {when.isoformat()}: the change that recorded it is not logged",
                "log that change in `corrections:` with the day it was made (or check the dates)",
            )
        )
    return found


def cited_keys(item: dict) -> list[list]:
    """The keys of each source of a record, in the order of its `sources` (a single `source:` first)."""
    cited: list[list] = [["source"]] if item.get("source") is not None else []
    listed = item.get("sources")
    return cited + [["sources", index] for index in range(len(listed) if isinstance(listed, list) else 0)]
