"""A date no calendar has is told the same, with the same fix, wherever it is written: an article's front matter or
a data file, quoted or not, a day or a month alone, and `make new DATE=`; from one function (`when.impossible_date`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from archive_core import snapshot
from archive_core.when import given_date, impossible_date

from .test_contributor_mistakes import BODY, EVENT, FRONT

TODAY = date(2026, 6, 1)
SOURCE = "  - url: https://example.org/s\n    title: S\n    publisher: P\n    accessed: 2026-06-01\n"
CONVENTION = "as_of: {}\nhanoi_signatures:\n  total: 2\n  states: 1\n  organisations: 1\nsources:\n" + SOURCE
# Where a day is written: (file, its text with `{}` for the date, the line and field it is told at).
DAYS = {
    "the front matter": ("articles/2025/tytul.pl.md", FRONT.replace("2025-10-26", "{}") + BODY, 3, "date"),
    "a correction": (
        "articles/2025/tytul.pl.md",
        FRONT + "corrections:\n  - date: {}\n    change: Poprawiono.\n" + BODY,
        10,
        "corrections.0.date",
    ),
    "an event": ("data/timeline/opening.yaml", EVENT.replace("2025-10-25", "{}"), 3, "date"),
    "a range's start": (
        "data/timeline/opening.yaml",
        EVENT.replace("2025-10-25", "{{start: {}, end: 2025-12-30}}"),
        3,
        "date.start",
    ),
    "a country's record": (
        "data/countries.yaml",
        "- code: FR\n  status: signed\n  date: {}\n  source: https://example.org/fr\n  place: new-york\n",
        3,
        "FR.date",
    ),
    "the convention's figures": ("data/convention.yaml", CONVENTION, 1, "as_of"),
}
# Where a month alone is a date: a timeline event's.
MONTHS = {name: DAYS[name] for name in ("an event", "a range's start")}


def told(tmp_path: Path, where: tuple[str, str, int, str], written: str) -> tuple[str, str]:
    """The message (without what the file adds before it) and the hint of the one problem of the date `written`."""
    name, text, line, field = where
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(text.replace("{}", written).replace("{{", "{").replace("}}", "}"), encoding="utf-8")
    [problem] = [p for p in snapshot.take(tmp_path, today=TODAY).problems if p.severity == "error"]
    assert (problem.line, problem.field) == (line, field), problem
    return problem.message.removeprefix("event 'opening': "), problem.hint


@pytest.mark.parametrize("quotes", ["", "'", '"'], ids=["unquoted", "single quotes", "double quotes"])
@pytest.mark.parametrize("where", DAYS)
@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("2025-26-10", "the month comes before the day: write 2025-10-26 (year-month-day)"),
        ("2025-13-13", "use a real calendar date, YYYY-MM-DD"),
        ("2025-02-30", "use a real calendar date, YYYY-MM-DD"),
    ],
)
def test_an_impossible_day_is_told_alike_quoted_or_not_wherever_it_is_written(tmp_path, where, quotes, written, hint):
    """`date: 2025-26-10` was proposed 2025-10-26; `date: "2025-26-10"` in the front matter was told to write a date
    as YYYY-MM-DD, in a country's record to write it as YYYY-MM-DD, in an event to use real dates."""
    mistake = impossible_date(written)
    assert mistake is not None and mistake.hint == hint
    assert told(tmp_path, DAYS[where], f"{quotes}{written}{quotes}") == (mistake.message, hint)


@pytest.mark.parametrize("quotes", ["", '"'], ids=["unquoted", "quoted"])
@pytest.mark.parametrize("where", ["the front matter", "a correction", "a country's record", "an event"])
def test_an_impossible_hour_is_told_alike_quoted_or_not(tmp_path, where, quotes):
    """`date: 2025-10-26T25:00:00` was told its hour; in quotes, that it is no date, and to write one as YYYY-MM-DD."""
    mistake = impossible_date("2025-10-26T25:00:00")
    assert mistake is not None and mistake.hint == "write the hour from 00 to 23, or give only the date, 2025-10-26"
    assert told(tmp_path, DAYS[where], f"{quotes}2025-10-26T25:00:00{quotes}") == (mistake.message, mistake.hint)


@pytest.mark.parametrize("quotes", ["", '"'], ids=["unquoted", "quoted"])
@pytest.mark.parametrize("where", MONTHS)
def test_an_impossible_month_alone_is_told_alike_as_a_date_and_as_a_range_s_start(tmp_path, where, quotes):
    """`date: 2025-26` was told to use a real date, and `start: 2025-26` to use real dates, end after start."""
    mistake = impossible_date("2025-26", month_alone=True)
    assert mistake is not None and mistake.message == "impossible date: there is no month 26"
    assert told(tmp_path, MONTHS[where], f"{quotes}2025-26{quotes}") == (mistake.message, mistake.hint)


@pytest.mark.parametrize("written", ["2025-26-10", "2025-13-01", "2025-02-30"])
def test_a_date_given_to_make_new_is_told_as_the_content_s_dates_are(written):
    """`make new DATE=2025-26-10` was told there is no month 26, and not the date meant."""
    mistake = impossible_date(written)
    with pytest.raises(ValueError, match="is not a date") as caught:
        given_date(written)
    assert str(caught.value) == f"{written!r} is not a date: {mistake.detail} ({mistake.hint})"


@pytest.mark.parametrize("written", ["2025-10-26", "2025-10", "2025", "26.10.2025", "2025-13-40x", "2025-10-26T23:59"])
def test_a_real_date_or_no_date_is_no_impossible_date(written):
    assert impossible_date(written, month_alone=True) is None


@pytest.mark.parametrize(
    ("written", "detail", "hint"),
    [
        ("0999-26-10", "there is no month 26", "the month comes before the day: write 0999-10-26 (year-month-day)"),
        ("2025-26-10 10:00:00+07:00", "there is no month 26", "write 2025-10-26 10:00:00+07:00 (year-month-day)"),
        ("2025-10-00", "there is no day 0", "use a real calendar date, YYYY-MM-DD"),
        ("2024-2-30", "February 2024 has 29 days, not 30", "use a real calendar date, YYYY-MM-DD"),
        ("2025-10-26 12:00:61.5Z", "the date is right, the second 61 is not", "give only the date, 2025-10-26"),
    ],
)
def test_an_impossible_date_is_told_what_is_wrong_and_the_fix(written, detail, hint):
    """The year as written (one before 1000 is told as such once the date reads); the time and offset kept."""
    mistake = impossible_date(written)
    assert mistake is not None and mistake.detail.startswith(detail) and mistake.hint.endswith(hint), mistake


@pytest.mark.parametrize("quotes", ["", '"'], ids=["unquoted", "quoted"])
@pytest.mark.parametrize("where", DAYS)
@pytest.mark.parametrize("written", ["0000-02-29", "0000-10-26", "0000-02-30"])
def test_a_date_of_the_year_0_is_told_its_year(tmp_path, where, quotes, written):
    """`0000-02-29` was told "February 1 has 28 days, not 29": the year 0, which no calendar Python reads has, was
    read as the year 1; `0000-10-26` in quotes was told it is not a date, unquoted that its year is out of range."""
    mistake = impossible_date(written)
    assert mistake == (
        "date",
        "there is no year 0",
        "write the date as YYYY-MM-DD with the year in full: check the year",
    )
    assert told(tmp_path, DAYS[where], f"{quotes}{written}{quotes}") == (mistake.message, mistake.hint)
