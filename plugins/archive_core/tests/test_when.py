"""Dates at day, month and year precision, and ranges, localized by Babel in both languages."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from archive_core.when import When, date_hint, date_text, parse_point, parse_range

THIN = "\u2009"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2019, 12, 27), (date(2019, 12, 27), "day")),
        ("2019-12-27", (date(2019, 12, 27), "day")),
        ("2019-12", (date(2019, 12, 1), "month")),
        (2019, (date(2019, 1, 1), "year")),
        ("2019", (date(2019, 1, 1), "year")),
    ],
)
def test_parse_point_knows_the_precision(value, expected):
    assert parse_point(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2025-02-30", "impossible date: February 2025 has 28 days, not 30"),
        ("2025-13", "there is no month 13"),
        ("25 October 2025", "is not a date"),
        (datetime(2025, 10, 25, 10, 0), "has a time of day"),
        (True, "is not a date"),
        (12, "is not a date"),
    ],
)
def test_parse_point_refuses_impossible_dates(value, message):
    with pytest.raises(ValueError, match=message):
        parse_point(value)


def test_range_end_before_start_names_the_end():
    with pytest.raises(ValueError) as error:
        parse_range(date(2025, 10, 26), date(2025, 10, 25))
    assert error.value.args == ("end", "2025-10-25 is before the start, 2025-10-26")


def test_range_at_two_precisions_is_refused():
    with pytest.raises(ValueError) as error:
        parse_range("2021-05", date(2021, 6, 3))
    assert error.value.args[0] == "end"
    assert "same precision" in error.value.args[1]


def test_range_of_one_day_is_refused():
    with pytest.raises(ValueError, match="same as the start"):
        parse_range(date(2025, 10, 25), date(2025, 10, 25))


def test_range_start_problem_names_the_start():
    with pytest.raises(ValueError) as error:
        parse_range("2025-02-30", date(2025, 3, 1))
    assert error.value.args[0] == "start"


@pytest.mark.parametrize(
    ("when", "pl", "en"),
    [
        (When(date(2019, 12, 27), "day"), "27 grudnia 2019", "27 December 2019"),
        (When(date(2024, 12, 24), "day"), "24 grudnia 2024", "24 December 2024"),
        (When(date(2019, 12, 1), "month"), "grudzień 2019", "December 2019"),
        (When(date(2019, 1, 1), "year"), "2019", "2019"),
        (When(date(2025, 10, 25), "day", date(2025, 10, 26)), "25–26 października 2025", "25–26 October 2025"),
        (
            When(date(2022, 2, 28), "day", date(2022, 3, 11)),
            f"28 lutego{THIN}–{THIN}11 marca 2022",
            f"28 February{THIN}–{THIN}11 March 2022",
        ),
        (
            When(date(2023, 12, 28), "day", date(2024, 1, 11)),
            f"28 grudnia 2023{THIN}–{THIN}11 stycznia 2024",
            f"28 December 2023{THIN}–{THIN}11 January 2024",
        ),
        (When(date(2021, 5, 1), "month", date(2021, 6, 1)), "maj–czerwiec 2021", f"May{THIN}–{THIN}June 2021"),
        (When(date(2021, 1, 1), "year", date(2023, 1, 1)), "2021–2023", "2021–2023"),
    ],
)
def test_dates_and_ranges_are_localized(when, pl, en):
    assert str(date_text(when, "pl")) == pl
    assert str(date_text(when, "en")) == en


def test_range_text_splits_into_start_and_end_for_two_time_elements():
    text = date_text(When(date(2025, 10, 25), "day", date(2025, 10, 26)), "en")
    assert (text.start, text.separator, text.end) == ("25", "–", "26 October 2025")


def test_iso_values_follow_the_precision():
    assert When(date(2019, 12, 27), "day").iso(date(2019, 12, 27)) == "2019-12-27"
    assert When(date(2019, 12, 1), "month").iso(date(2019, 12, 1)) == "2019-12"
    assert When(date(2019, 1, 1), "year").iso(date(2019, 1, 1)) == "2019"


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("27/10/2025", "write 2025-10-27: dates are YYYY-MM-DD"),
        ("27.10.2025", "write 2025-10-27: dates are YYYY-MM-DD"),
        ("10/27/2025", "write 2025-10-27: dates are YYYY-MM-DD"),  # month first: one reading is a date
        ("05.10.2025", "write 2025-10-05 or 2025-05-10, whichever is meant: dates are YYYY-MM-DD"),
        ("31/31/2025", "HINT"),  # neither reading is a date
        ("2025-10-27 10:00 CET", "HINT"),
        (20251027, "HINT"),
    ],
)
def test_a_date_written_day_first_is_given_in_iso(written, hint):
    assert date_hint(written, "HINT") == hint
