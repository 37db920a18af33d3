"""Dates with a precision (day, month or year), single or as a range, and their localized text.

Babel formats them with CLDR patterns: `27 grudnia 2019`, `grudzień 2019`,
`25–26 October 2025`.
"""

from __future__ import annotations

import calendar
import contextlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, NamedTuple

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton, match_skeleton

from archive_core.datelines import dateline_date, dateline_days, dateline_month
from archive_core.field_types import quoted
from archive_core.locales import babel_locale

PRECISIONS: tuple[str, ...] = ("year", "month", "day")
# CLDR skeletons: the whole date at each precision, months spelled out.
_SKELETONS = {"day": "yMMMMd", "month": "yMMMM", "year": "y"}
_YEAR = re.compile(r"[0-9]{4}")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SEPARATOR_AT_END = re.compile(r"(.*?\S)(\s*[–—-]\s*)", re.DOTALL)


@dataclass(frozen=True)
class When:
    """A day, month or year, or a range of two of them at the same precision.

    A month is stored as its first day, a year as 1 January.
    """

    start: date
    precision: str
    end: date | None = None

    def iso(self, value: date) -> str:
        """`2019-12-27`, `2019-12` or `2019`, as `<time datetime>` and JSON take it."""
        return {"day": value.isoformat(), "month": f"{value:%Y-%m}", "year": f"{value:%Y}"}[self.precision]

    @property
    def sort_key(self) -> tuple[date, date, int]:
        return (self.start, self.end or self.start, PRECISIONS.index(self.precision))


@dataclass(frozen=True)
class DateText:
    """A localized date; for a range, the start, the separator and the end apart (one `<time>` each)."""

    start: str
    separator: str = ""
    end: str | None = None

    def __str__(self) -> str:
        return f"{self.start}{self.separator}{self.end or ''}"


# The one floor of every date the archive reads, articles and data files alike (the YAML reader applies it to
# every date it reads, `parse_point` and the front-matter to dates written as text): years of four digits.
# `0025-10-27` is a typo, and an article's year is a folder of its address (`/en/25/` or `/en/0025/`).
MIN_YEAR = 1000


class YearTooEarly(ValueError):
    """A date before MIN_YEAR; its message says so."""


def check_year(value: date, written: str | None = None) -> date:
    """`value`, or YearTooEarly when its year is before MIN_YEAR (`written`: the date as the file spells it)."""
    if value.year < MIN_YEAR:
        shown = written or (value.date() if isinstance(value, datetime) else value).isoformat()
        raise YearTooEarly(f"{shown} is before the year {MIN_YEAR}")
    return value


YEAR_HINT = "write the date as YYYY-MM-DD with the year in full: check the year"
DATE_HINT = "use a real calendar date, YYYY-MM-DD"
# A date written as the archive writes one, year first: YAML's timestamp as PyYAML reads it (a day, and the time of
# day it may have, its fraction of a second and its offset), the text Python's `datetime.fromisoformat` reads (the
# front matter's quoted dates), and a month alone (a timeline's).
_WRITTEN_DATE = re.compile(
    r"([0-9]{4})-([0-9]{1,2})(?:-([0-9]{1,2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]*)?)?"
    r"(?:[ \t]*(?:[Zz]|[-+][0-9]{1,2}(?::?[0-9]{2})?))?)?)?"
)
_TIME_PARTS = (("hour", 23), ("minute", 59), ("second", 59))


class DateMistake(NamedTuple):
    """What makes a date written year first no date (`detail`), of its `kind` (a date, a time of day), and the fix."""

    kind: str
    detail: str
    hint: str

    @property
    def message(self) -> str:
        return f"impossible {self.kind}: {self.detail}"


def impossible_date(text: str, month_alone: bool = False) -> DateMistake | None:
    """What is wrong with `text`, a date written year first (`2025-26-10`, `2025-02-30`, `2025-10-26T25:00:00`; a
    month alone, `2025-26`, where a month is a date: `month_alone`) that names no day, month or time of day there is,
    and its fix; None for a text of another shape, or one that names a real one. The one reading of such a mistake:
    the YAML reading's (a timestamp YAML cannot make), the front matter's and the data files' readers' (a date in
    quotes), a timeline's (a month, a range's start) and `make new DATE=`'s alike, whatever its quotes. The day and
    month swapped are proposed as they would be right; a time of day out of range is told as such, the date being
    right (the date alone proposed too). A day of the year 0, which Python's calendar has not, is told its year."""
    match = _WRITTEN_DATE.fullmatch(text.strip()) if isinstance(text, str) else None
    if match is None:
        return None
    year, month = max(int(match[1]), 1), int(match[2])  # a year before MIN_YEAR is told as such, once it reads
    if match[3] is None:  # a month alone
        if not month_alone or 1 <= month <= 12:
            return None
        return DateMistake("date", f"there is no month {month}", "write the month from 01 to 12: YYYY-MM")
    day = int(match[3])
    if not _is_day(year, month, day):
        if _is_day(year, day, month):
            proposed = f"{match[1]}-{day:02d}-{month:02d}{text.strip()[match.end(3) :]}"
            hint = f"the month comes before the day: write {proposed} (year-month-day)"
            return DateMistake("date", f"there is no month {month}", hint)
        if not 1 <= month <= 12:
            return DateMistake("date", f"there is no month {month}", DATE_HINT)
        if day < 1:
            return DateMistake("date", f"there is no day {day}", DATE_HINT)
    if int(match[1]) == 0:  # read as the year 1 above: its days are not the year 0's, which Python's calendar lacks
        return DateMistake("date", "there is no year 0", YEAR_HINT)
    if not _is_day(year, month, day):
        days = calendar.monthrange(year, month)[1]
        return DateMistake("date", f"{date(year, month, 1):%B} {year} has {days} days, not {day}", DATE_HINT)
    for (part, most), number in zip(_TIME_PARTS, match.groups()[3:], strict=True):
        if number is not None and int(number) > most:
            return DateMistake(
                "time of day",
                f"the date is right, the {part} {number} is not ({part} must be in 0..{most})",
                f"write the {part} from 00 to {most}, or give only the date, {date(year, month, day).isoformat()}",
            )
    return None


def _is_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def parse_point(value: Any, written: str | None = None) -> tuple[date, str]:
    """`2019-12-27` (a YAML date or text), `2019-12`, or `2019`; raises ValueError saying why not (quoting the
    value as `written`, where the file's text is known)."""
    if isinstance(value, datetime):
        raise ValueError(f"{value.isoformat()} has a time of day; give only the date")
    if isinstance(value, date):
        return check_year(value), "day"
    if isinstance(value, int) and not isinstance(value, bool) and MIN_YEAR <= value <= 9999:
        return date(value, 1, 1), "year"
    if isinstance(value, str):
        text = value.strip()
        if (mistake := impossible_date(text, month_alone=True)) is not None:
            raise ValueError(mistake.message)
        if _YEAR.fullmatch(text):
            return check_year(date(max(int(text), 1), 1, 1), text), "year"
        if match := _MONTH.fullmatch(text):
            return check_year(date(max(int(match[1]), 1), int(match[2]), 1), text), "month"
        if _DAY.fullmatch(text):
            try:
                day = date.fromisoformat(text)
            except ValueError as exc:  # the year 0000
                raise ValueError(f"impossible date {text!r}: {exc}") from None
            return check_year(day), "day"
    raise ValueError(f"{quoted(value, written)} is not a date")


def parse_range(start: Any, end: Any, written: tuple[str | None, str | None] = (None, None)) -> When:
    """Raises ValueError with `(field, message)` args naming `start` or `end` (and the value, when it is no date);
    `written`: the two as the file writes them, where known."""
    try:
        first, precision = parse_point(start, written[0])
    except ValueError as exc:
        raise ValueError("start", str(exc), start) from None
    try:
        last, end_precision = parse_point(end, written[1])
    except ValueError as exc:
        raise ValueError("end", str(exc), end) from None
    if end_precision != precision:
        raise ValueError("end", f"is a {end_precision} but start is a {precision}; give both at the same precision")
    if last < first:
        raise ValueError("end", f"{last.isoformat()} is before the start, {first.isoformat()}")
    if last == first:
        raise ValueError("end", "is the same as the start; write a single date instead of a range")
    return When(first, precision, last)


@cache  # a timeline of 10,000 articles has far fewer dates
@dataclass(frozen=True)
class TimeRef:
    """One `<time datetime>`: the ISO value at the date's precision and its localized text."""

    iso: str
    text: str


def time_refs(when: When, text: DateText) -> tuple[TimeRef, ...]:
    """The start (and end) of `when` as `<time>` elements; one for a single date or a range written as one text."""
    start = TimeRef(when.iso(when.start), text.start)
    if when.end is None or text.end is None:
        return (start,)
    return (start, TimeRef(when.iso(when.end), text.end))


def date_text(when: When, lang: str) -> DateText:
    """`27 grudnia 2019`, `December 2019`, `2019`; ranges as `25–26 October 2025`."""
    locale = babel_locale(lang)
    skeleton = _SKELETONS[when.precision]
    if when.end is None:
        if when.precision == "day":
            return DateText(format_date(when.start, format="long", locale=locale))
        return DateText(format_skeleton(skeleton, when.start, locale=locale))
    pair = _interval_patterns(skeleton, when.start, when.end, locale)
    if pair is None:
        return DateText(format_interval(when.start, when.end, skeleton, locale=locale))
    first = format_date(when.start, format=pair[0], locale=locale)
    last = format_date(when.end, format=pair[1], locale=locale)
    if match := _SEPARATOR_AT_END.fullmatch(first):
        return DateText(match[1], match[2], last)
    return DateText(first + last)


def _interval_patterns(skeleton: str, start: date, end: date, locale: Locale) -> tuple[str, str] | None:
    """CLDR's two patterns for this interval, or None when the locale has none that fit.

    When the locale lacks the skeleton (en_GB has `yMMMd` but not `yMMMMd`),
    CLDR says to take the closest one and widen its fields; Babel takes the
    closest but does not widen, which would give `25–26 Oct 2025`.
    """
    formats = locale.interval_formats
    closest = skeleton if skeleton in formats else match_skeleton(skeleton, formats)
    if not closest:
        return None
    field = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    patterns = formats[closest].get(field)
    if not patterns or len(patterns) != 2:
        return None
    if "MMMM" in skeleton and "MMMM" not in closest:
        patterns = [re.sub(r"(?<![ML])([ML])\1\1(?![ML])", r"\1\1\1\1", pattern) for pattern in patterns]
    return patterns[0], patterns[1]


_WRITTEN_DAY_FIRST = re.compile(r"([0-9]{1,2})[./-]([0-9]{1,2})[./-]([0-9]{4})")  # 27/10/2025, 27.10.2025, 10-27-2025
# A date written year first, but not as YYYY-MM-DD: `2026-1-5`, `2026/01/14`, `2026.01.14`.
_WRITTEN_YEAR_FIRST = re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})")


def read_date_problem(value: Any, shown: str, hint: str = "write it as YYYY-MM-DD") -> tuple[str, str]:
    """The message and hint of a value YAML read from a data file, where a date is a day, that is no date (`shown`:
    as the message quotes it): one written year first that names no day is told as `impossible_date` tells it, quoted
    or not; text written YYYY-MM-DD was quoted (`"2026-02-10"`, as a timeline's month is), and the quotes are what to
    drop; else `date_hint`."""
    if isinstance(value, str) and (mistake := impossible_date(value)) is not None:
        return mistake.message, mistake.hint
    if isinstance(value, str) and _DAY.fullmatch(value.strip()):
        with contextlib.suppress(ValueError):
            day = date.fromisoformat(value.strip())
            return f"{shown} is not a date", f"write it without the quotes, {day}: in quotes it is text, not a date"
    return f"{shown} is not a date", date_hint(value, hint)


def date_hint(value: Any, hint: str, in_timeline: bool = False) -> str:
    """`hint`; or, for a date written day first (or month first), its ISO form: `27/10/2025` -> `write 2025-10-27`,
    both readings where both are dates (`05/10/2025`); for one written year first with other separators or
    without its zeros (`2026/01/14`, `2026-1-5`), or in words, in either language (`26 października 2025`,
    `October 26, 2025`), its ISO form too. A month in words (`October 2025`): `write 2025-10` where a month is a
    date (`in_timeline`: a timeline event's), else `write 2025-10-DD`, the day being needed; two days in words
    (`25-26 October 2025`): the range an event writes, else the two, to keep the one meant. A date written year first
    that names no day (`2025-26-10`), or no month where a month is a date (`in_timeline`): `impossible_date`'s hint."""
    if isinstance(value, str) and (mistake := impossible_date(value, month_alone=in_timeline)) is not None:
        return mistake.hint
    if isinstance(value, str) and len(value) < 100 and (days := dateline_days(value)):
        first, last = (day.isoformat() for day in days)
        if in_timeline:
            return f"a range is written `date: {{start: {first}, end: {last}}}`"
        return f"two days: write the one meant, {first} or {last}: dates are YYYY-MM-DD"
    if isinstance(value, str) and len(value) < 100 and (month := dateline_month(value)):
        if in_timeline:
            return f"write {month[0]:04}-{month[1]:02}: a month is YYYY-MM"
        return f"write {month[0]:04}-{month[1]:02}-DD with the day: dates are YYYY-MM-DD"
    if isinstance(value, str) and (year_first := _WRITTEN_YEAR_FIRST.fullmatch(value.strip())):
        year, month, day = int(year_first[1]), int(year_first[3]), int(year_first[4])
        with contextlib.suppress(ValueError):
            return f"write {date(year, month, day).isoformat()}: dates are YYYY-MM-DD"
        return hint
    match = _WRITTEN_DAY_FIRST.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        # Year first is the field's own form, whose mistakes (`2025-10-27 10:00 CET`) `hint` tells.
        in_words = dateline_date(value, year_first=False) if isinstance(value, str) and len(value) < 100 else None
        return f"write {in_words.isoformat()}: dates are YYYY-MM-DD" if in_words else hint
    first, second, year = (int(part) for part in match.groups())
    readings = []
    for day, month in ((first, second), (second, first)):
        with contextlib.suppress(ValueError):
            readings.append(date(year, month, day).isoformat())
    readings = list(dict.fromkeys(readings))
    if not readings:
        return hint
    if len(readings) > 1:
        return f"write {' or '.join(readings)}, whichever is meant: dates are YYYY-MM-DD"
    return f"write {readings[0]}: dates are YYYY-MM-DD"


def given_date(value: str) -> date:
    """A date given to a command (`make new DATE=...`, `make import DATE=...`); ValueError says what is wrong
    with it and what to write: its ISO form for a date written day first, the days of the month for a day
    the month does not have (`2026-02-30`), which the advice to write YYYY-MM-DD would not correct."""
    text = value.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    if (mistake := impossible_date(text)) is not None:  # as the content's dates are told
        raise ValueError(f"{value!r} is not a date: {mistake.detail} ({mistake.hint})")
    raise ValueError(f"{value!r} is not a date ({date_hint(text, 'write it as YYYY-MM-DD, for example 2025-10-26')})")
