"""One fact kept in two places says the same in both: country records, the timeline and the convention's figures.

Each file is checked alone as it is read (`country_records`, `events`,
`convention`); these checks compare them. A stranger's pull request can write
a record that is valid field by field and still contradicts the timeline (a
signature at Hanoi dated after the ceremony, Mauritius's date in one place and
not the other): the build refuses it as `make check` does, naming the file,
the line and the field of the value that disagrees.
"""

from __future__ import annotations

import calendar
import os
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from .convention import Convention
from .country_records import RATIFIED, SIGNED, CountryRecord, cited_keys
from .data import DataFile, Key
from .errors import Problem
from .events import SCHEDULED_KINDS, Event
from .layout import CONVENTION_FILE, COUNTRIES_FILE, PEOPLE_FILE
from .provenance import Citation, is_http_url, same_address
from .when import When

ADOPTION, SIGNING, SIGNATURE_PERIOD, RATIFICATION = "adoption", "signing", "signature-period", "ratification"
ENTRY_INTO_FORCE = "entry-into-force"
# Article 65(1): the convention enters into force on the 90th day after the deposit of the last instrument needed.
ENTRY_DELAY = timedelta(days=90)


def last_day(when: When) -> date:
    """The last day a date of any precision covers: 2024-08 ends on 31 August, 2019 on 31 December."""
    end = when.end or when.start
    if when.precision == "year":
        return date(end.year, 12, 31)
    if when.precision == "month":
        return date(end.year, end.month, calendar.monthrange(end.year, end.month)[1])
    return end


class Lines:
    """The line of a value in a data file, from the files as the snapshot read them (none is read again)."""

    def __init__(self, content_dir: Path, files: Mapping[Path, DataFile]) -> None:
        self.content_dir = Path(content_dir)
        self.files = files

    def file(self, path: Path) -> DataFile | None:
        return self.files.get(Path(os.path.abspath(path)))

    def line(self, path: Path, keys: Iterable[Key]) -> int | None:
        data_file = self.file(path)
        return data_file.line(*keys) if data_file is not None else None

    def record(self, code: str) -> list[Key]:
        """The keys of the record of `code` in countries.yaml: its index in the list."""
        data_file = self.file(self.content_dir / COUNTRIES_FILE)
        items = data_file.data if data_file is not None and isinstance(data_file.data, list) else []
        return next(([i] for i, item in enumerate(items) if isinstance(item, dict) and item.get("code") == code), [])


@dataclass(frozen=True)
class SignaturePeriod:
    """When the convention could be signed, as the timeline records it."""

    ceremony: Event  # the first `signing` event: the opening ceremony at Hanoi (article 64)
    opens: date
    ceremony_ends: date
    closes: date | None  # the `signature-period` event's date: the last day at UN Headquarters
    closing: Event | None = None


def signature_period(events: Iterable[Event]) -> SignaturePeriod | None:
    events = tuple(events)
    signings = sorted((e for e in events if e.kind == SIGNING and e.when), key=lambda e: e.when.sort_key)
    if not signings:
        return None
    ceremony = signings[0]
    periods = [e for e in events if e.kind == SIGNATURE_PERIOD and e.when]
    closing = min(periods, key=lambda e: last_day(e.when), default=None)
    closes = last_day(closing.when) if closing else None
    return SignaturePeriod(ceremony, ceremony.when.start, last_day(ceremony.when), closes, closing)


def adoption_problems(lines: Lines, events: Iterable[Event]) -> list[Problem]:
    """The convention is adopted before it is opened for signature: an `adoption` event after the opening is wrong."""
    events = tuple(events)
    period = signature_period(events)
    if period is None:
        return []
    return [
        _event_problem(
            lines,
            event,
            ["date"],
            f"{event.when.iso(event.when.start)} is after the convention was opened for signature at "
            f"{_name(lines, period.ceremony)} ({period.opens.isoformat()}): it is opened once adopted",
            "check the year of both events against the General Assembly's resolution and the depositary's record",
        )
        for event in events
        if event.kind == ADOPTION and event.when is not None and event.when.start > period.opens
    ]


# More records than this at odds with one event: the event's date is the likelier error, reported once.
MANY = 10


def record_date_problems(lines: Lines, records: dict[str, CountryRecord], events: Iterable[Event]) -> list[Problem]:
    """Every signature and ratification date of countries.yaml against the signature period of the timeline."""
    period = signature_period(events)
    if period is None:
        return []
    opening = _name(lines, period.ceremony)
    if period.closing is not None and period.closes < period.ceremony_ends:
        message = (
            f"the last day for signing, {period.closes.isoformat()}, is before the signing ceremony at {opening} "
            f"ends ({period.ceremony_ends.isoformat()})"
        )
        return [_event_problem(lines, period.closing, ["date"], message, "check the year of both events")]
    path = lines.content_dir / COUNTRIES_FILE
    closing = _name(lines, period.closing) if period.closing else ""
    problems = []
    for record in records.values():
        found = _outside(record, period, f"{opening} ({period.opens} to {period.ceremony_ends})", closing)
        if found is not None:
            field, message = found
            keys = [*lines.record(record.code), *field.split(".")]
            hint = "check the date against the depositary's record, or the timeline's event"
            problems.append(Problem(str(path), lines.line(path, keys), f"{record.code}.{field}", message, hint))
    if len(problems) > MANY:
        message = (
            f"{len(problems)} records of {COUNTRIES_FILE} disagree with the signature period this event opens: "
            f"{problems[0].field} {problems[0].message}, and others"
        )
        hint = "check this event's date (and the signature-period event's), then the records"
        return [_event_problem(lines, period.ceremony, ["date"], message, hint)]
    return problems


def _outside(record: CountryRecord, period: SignaturePeriod, ceremony: str, closing: str) -> tuple[str, str] | None:
    """The field and the message, where a record's signature is outside the period its place allows, or its
    instrument before the convention was opened for signature."""
    instrument = record.instrument
    if instrument is not None and instrument.date < period.opens:
        day = instrument.date.isoformat()
        return "instrument.date", f"{day} is before the convention was opened for signature at {ceremony}"
    if record.date is None or not record.has_signature:
        return None
    when = record.date.isoformat()
    if record.date < period.opens:
        return "date", f"{when} is before the convention was opened for signature at {ceremony}"
    if record.place == "hanoi" and record.date > period.ceremony_ends:
        return "date", f"{when} is after the signing ceremony at Hanoi, {ceremony}"
    if record.place == "new-york" and record.date <= period.ceremony_ends:
        return "place", f"new-york, but {when} is a day of the signing ceremony at Hanoi, {ceremony}"
    if period.closes and record.date > period.closes:
        return "date", f"{when} is after the last day for signing, {period.closes} ({closing})"
    return None


def _name(lines: Lines, event: Event) -> str:
    return os.path.relpath(event.path, lines.content_dir)


def _event_problem(lines: Lines, event: Event, keys: list[Key], message: str, hint: str) -> Problem:
    path = Path(event.path)
    field = ".".join(map(str, keys))
    return Problem(str(path), lines.line(path, keys), field, f"event {event.id!r}: {message}", hint)


def event_record_problems(
    lines: Lines,
    records: dict[str, CountryRecord],
    events: Iterable[Event],
    refused: Collection[str] | None = (),
) -> list[Problem]:
    """A signing or ratification event names countries: each one's record says the same (status and date).
    A record refused for an error of its own (`refused`, its code; None: any record) is not said to be missing."""
    problems = []
    for event in events:
        if event.kind not in (SIGNING, RATIFICATION) or event.when is None:
            continue
        path = Path(event.path)
        start, end = event.when.start, last_day(event.when)
        for index, code in enumerate(event.countries):
            record = records.get(code)
            keys: list[Key] = ["countries", index]
            if record is None and (refused is None or code in refused):
                continue
            if record is None:
                message = f"event {event.id!r}: {code} has no record in {COUNTRIES_FILE}"
                day = event.when.iso(start)
                fields = (
                    f"`status: {RATIFIED}`, the signature's `date:` and `place:` (none for an accession), "
                    f"`instrument: {{kind: ratification, date: {day}}}` (or its kind)"
                    if event.kind == RATIFICATION
                    else f"`status: {SIGNED}`, `date: {day}`"
                )
                hint = (
                    f"add its record to content/{COUNTRIES_FILE}, in the order of codes: `- code: {code}`, "
                    f"{fields}, and its `sources:`, as the records around it give them; or correct the code"
                )
            elif event.kind == RATIFICATION and record.status != RATIFIED:
                message = f"event {event.id!r} is {code}'s ratification, but {COUNTRIES_FILE} gives {record.status!r}"
                hint = "make the record and the event agree"
            elif event.kind == SIGNING and record.status not in (SIGNED, RATIFIED):
                message = f"event {event.id!r} is a signature by {code}, but {COUNTRIES_FILE} gives {record.status!r}"
                hint = "make the record and the event agree"
            elif event.kind == SIGNING and not record.has_signature:
                message = f"event {event.id!r} is a signature by {code}, but {COUNTRIES_FILE} gives an accession"
                hint = "an accession is made without a signature: make the record and the event agree"
            elif (day := _fact_date(event, record)) and not start <= day <= end:
                keys, shown = ["date"], event.when.iso(event.when.start)
                fact = f"{record.instrument.kind}" if event.kind == RATIFICATION and record.instrument else "signature"
                message = (
                    f"event {event.id!r} ({shown}) names {code}, whose {fact} date in {COUNTRIES_FILE} "
                    f"is {day.isoformat()}"
                )
                hint = "one date in both files: check it against the depositary's record"
            else:
                continue
            problems.append(Problem(str(path), lines.line(path, keys), ".".join(map(str, keys)), message, hint))
    return problems


def _fact_date(event: Event, record: CountryRecord) -> date | None:
    """The record's date of the fact the event is: its instrument's for a ratification, else its signature's."""
    if event.kind == RATIFICATION:
        return record.instrument.date if record.instrument is not None else None
    return record.date


def as_of_problems(lines: Lines, convention: Convention | None, records: dict[str, CountryRecord]) -> list[Problem]:
    """`as_of` is the day the statuses were last checked: no record's source was read after it."""
    if convention is None:
        return []
    latest = max(
        (
            (source.accessed, record.code)
            for record in records.values()
            for source in record.all_sources
            if source.accessed
        ),
        default=None,
    )
    if latest is None or latest[0] <= convention.as_of:
        return []
    path = lines.content_dir / CONVENTION_FILE
    return [
        Problem(
            str(path),
            lines.line(path, ["as_of"]),
            "as_of",
            f"{convention.as_of.isoformat()} is before {latest[0].isoformat()}, when a source of {latest[1]} in "
            f"{COUNTRIES_FILE} was read",
            "as_of is the day the statuses were last checked: set it to the day you checked them",
        )
    ]


# One page cited in several places: its title and publisher the same everywhere.


@dataclass(frozen=True)
class Cited:
    path: Path
    keys: tuple[Key, ...]
    url: str
    title: str | None
    publisher: str | None


def citations_in(path: Path, data: Any, keys: tuple[Key, ...] = ()) -> Iterator[Cited]:
    """Every source mapping (an http(s) `url:` with a title or publisher) anywhere in a data file's values: the
    data as written, whatever else is wrong in it."""
    if isinstance(data, dict):
        url = data.get("url")
        if is_http_url(url) and ("title" in data or "publisher" in data):  # a bad address is refused where read
            title, publisher = data.get("title"), data.get("publisher")
            yield Cited(path, keys, url, _text(title), _text(publisher))
        for key, value in data.items():
            yield from citations_in(path, value, (*keys, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from citations_in(path, value, (*keys, index))


def _text(value: Any) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def source_problems(lines: Lines, events: Iterable[Event]) -> list[Problem]:
    """A page cited in two places with two titles, or two publishers: one of them is wrong (or not that page)."""
    content_dir = lines.content_dir
    files = [content_dir / name for name in (CONVENTION_FILE, COUNTRIES_FILE, PEOPLE_FILE)]
    files += sorted({Path(event.path) for event in events})
    first: dict[tuple[str, str], tuple[str, Cited]] = {}
    problems = []
    for path in files:
        data_file = lines.file(path)
        for cited in citations_in(path, data_file.data) if data_file is not None else ():
            for name in ("title", "publisher"):
                value = getattr(cited, name)
                if value is None:
                    continue
                seen, where = first.setdefault((same_address(cited.url), name), (value, cited))
                if seen != value:
                    at = f"{os.path.relpath(where.path, content_dir)}:{lines.line(where.path, where.keys)}"
                    keys = (*cited.keys, name)
                    message = f"{value!r}, but {at} cites the same page with the {name} {seen!r}"
                    hint = f"give the page's one {name} everywhere it is cited (as the page has it)"
                    problems.append(Problem(str(path), lines.line(path, keys), data_file.field(keys), message, hint))
    return problems


def entry_into_force_problems(
    lines: Lines, convention: Convention | None, ratified: Iterable[CountryRecord], events: Iterable[Event]
) -> list[Problem]:
    """An entry-into-force event with a date needs the instruments convention.yaml counts, 90 days before it.

    `ratified`: the confirmed ratifications that count (an organisation's is not counted in addition)."""
    if convention is None or convention.instruments_needed is None:
        return []
    needed, problems = convention.instruments_needed, []
    days = sorted(record.instrument.date for record in ratified if record.instrument is not None)
    enters = days[needed - 1] + ENTRY_DELAY if len(days) >= needed else None
    for event in events:
        if event.kind != ENTRY_INTO_FORCE:
            continue
        if event.when is None:
            if enters is not None:
                problems.append(_unknown_entry_problem(lines, event, needed, days, enters))
            continue
        if enters is not None and event.when.start > enters:
            message = (
                f"{event.when.iso(event.when.start)} is after {enters.isoformat()}, the 90th day after the last of "
                f"the {needed} ratifications it needs in {COUNTRIES_FILE} ({days[needed - 1].isoformat()})"
            )
            hint = "article 65(1): it enters into force on that day; check the dates"
        elif len(days) < needed:
            message = (
                f"it is dated, but {COUNTRIES_FILE} has {len(days)} confirmed ratifications, and "
                f"{CONVENTION_FILE} says it needs {needed}"
            )
            hint = "add the ratifications with their sources, or mark the event `upcoming: true`"
        elif last_day(event.when) < days[needed - 1] + ENTRY_DELAY:
            message = (
                f"{event.when.iso(event.when.start)} is less than 90 days after the last of the {needed} "
                f"ratifications it needs in {COUNTRIES_FILE} ({days[needed - 1].isoformat()})"
            )
            hint = "article 65(1): the 90th day after the last instrument needed; check the dates"
        else:
            continue
        problems.append(_event_problem(lines, event, ["date"], message, hint))
    return problems


def _unknown_entry_problem(lines: Lines, event: Event, needed: int, days: list[date], enters: date) -> Problem:
    """An entry into force marked `upcoming` (its date not known) that the records date: one of them is wrong."""
    path = Path(event.path)
    message = (
        f"event {event.id!r} is upcoming, with no date, but {COUNTRIES_FILE} has {len(days)} confirmed "
        f"ratifications of the {needed} {CONVENTION_FILE} says it needs: it enters into force on {enters.isoformat()}"
    )
    hint = (
        f"replace `upcoming: true` with `date: {enters.isoformat()}` (the 90th day after the last instrument "
        f"needed, {days[needed - 1].isoformat()}, article 65(1)) and its source, or check the records"
    )
    return Problem(str(path), lines.line(path, ["upcoming"]), "upcoming", message, hint)


def early_source_warnings(lines: Lines, records: dict[str, CountryRecord], events: Iterable[Event]) -> list[Problem]:
    """A source of a signature or ratification, or of an event that has happened, published or read before it: it
    can announce the fact, not confirm it. A warning: such a page may be cited for a detail known in advance (a
    venue, a chair), and a page's `published` may be that of a page updated since. (A record's source read before
    its date is refused where the record is read.)"""
    problems = []
    for event in events:
        if event.when is not None and event.kind not in SCHEDULED_KINDS:
            for index, source in enumerate(event.sources):  # as the file lists them: an unread one refuses the event
                found = _early(lines, Path(event.path), ["sources", index], source, event.when.start, "the event began")
                problems += [replace(problem, message=f"event {event.id!r}: {problem.message}") for problem in found]
    path = lines.content_dir / COUNTRIES_FILE
    data_file = lines.file(path)
    for record in records.values():
        keys = lines.record(record.code)
        when = record.status_date
        if data_file is None or not keys or when is None or record.status not in (SIGNED, RATIFIED):
            continue
        for cited, source in zip(cited_keys(data_file.data[keys[0]]), record.sources, strict=False):
            if source.accessed is None or source.accessed >= when:  # else refused, at `accessed`
                problems += _early(lines, path, [*keys, *cited], source, when, f"the {record.status} date")
    return problems


def _early(lines: Lines, path: Path, keys: list[Key], source: Citation, began: date, fact: str) -> list[Problem]:
    """The warning at a source's `accessed` (else its `published`) before `began`, the day of the fact it cites."""
    early = [(name, day) for name, day in (("accessed", source.accessed), ("published", source.published)) if day]
    name, day = next(((name, day) for name, day in early if day < began), ("", None))
    if day is None:
        return []
    data_file = lines.file(path)
    verb = "read" if name == "accessed" else "published"
    message = f"{day.isoformat()} is before {fact} ({began.isoformat()}): a page {verb} before it can announce it, "
    message += "not confirm it"
    hint = "cite a page that reports it as done (or check the dates)"
    field = data_file.field([*keys, name]) if data_file is not None else ".".join(map(str, [*keys, name]))
    return [Problem(str(path), lines.line(path, [*keys, name]), field, message, hint, "warning")]


def article_date_warnings(lines: Lines, events: Iterable[Event], dates: dict[str, date]) -> list[Problem]:
    """An event lists an article published before the event began: a preview at best, often the wrong article.

    `dates`: each translation_key's earliest publication date (of any version). A warning: an article may
    announce what is to come."""
    problems = []
    for event in events:
        if event.when is None:
            continue
        for index, key in enumerate(event.articles):
            published = dates.get(key)
            if published is not None and published < event.when.start:
                began = event.when.iso(event.when.start)
                message = f"article {key!r} was published on {published.isoformat()}, before the event ({began})"
                hint = "list the articles that report the event; keep one that announces it only if that is meant"
                problem = _event_problem(lines, event, ["articles", index], message, hint)
                problems.append(replace(problem, severity="warning"))
    return problems
