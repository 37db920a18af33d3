"""A paragraph that is only a date, as saved news pages put one above the text (`3 lutego 2026`,
`February 3, 2026, 10:15 GMT`, `03.02.2026`): the page's date, not the article's lead, so never its summary
(the build's, `markdown.lead_paragraph_html`, or the importer's) nor the title the importer derives from the
lead. It stays in the body, verbatim, as every paragraph of the source does.

A date line may name the place it was written in, and the agency: `Wilno, 14 stycznia 2026`, `WARSZAWA, 3 grudnia
2025 r.`; and it may open the lead itself, before a dash: `Hanoi (PAP) - ...`, `HANOI, Oct 25 (Reuters) - ...`
(`split_dateline`). Month names are CLDR's (Babel), in every archive language and form (`stycznia`, `styczeń`,
`sty`, `October`, `Oct`, and en_GB's `Sept`), and a month in Roman numerals, as Polish writes dates (`25 X 2025`,
`25.X.2025 r.`); `dateline_date` reads the day a date line gives, when it gives the year.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from babel.dates import get_day_names, get_month_names

from .locales import BABEL_LOCALES, LANGUAGES

# What a date line holds besides day, month and weekday names: numbers (a day, a year, a time, a numeric date),
# the words that go with them in either language (`Warszawa, dnia 25 X 2025 r.`, `Opublikowano: ...`, `Data
# publikacji: ...`, `Published on ...`), and time zones.
_OTHER_WORDS = frozenset(
    {"r", "roku", "godz", "dnia", "dn", "opublikowano", "zaktualizowano", "aktualizacja", "data", "publikacji"}
    | {"at", "on", "updated", "published", "am", "pm", "utc", "gmt", "cet"}
)
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
# Each language's names, and those of the locale the site writes it in: en_GB abbreviates September `Sept`, as
# AP's style does (`Sept. 25`), where `en` has `Sep`.
_LOCALES = tuple(dict.fromkeys(locale for lang in LANGUAGES for locale in (lang, BABEL_LOCALES[lang])))


@cache
def _calendar_words() -> frozenset[str]:
    words: set[str] = set()
    for locale in _LOCALES:
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                words.update(name.lower().rstrip(".") for name in get_month_names(width, context, locale).values())
                words.update(name.lower().rstrip(".") for name in get_day_names(width, context, locale).values())
    return frozenset(words)


# A place a date line names: a few words, each opening with a capital (`Wilno`, `WARSZAWA`, `Nowy Jork`).
_PLACE = r"(?P<place>[^\W\d_a-z][\w.'’-]*(?:[ -][^\W\d_a-z][\w.'’-]*){0,2})"
_AGENCY = r"\((?P<agency>[^()\d]{2,30})\)"
_PLACED = re.compile(rf"{_PLACE}\s*(?:{_AGENCY}\s*)?,\s*(?P<date>.+?)(?:\s*\((?P<credit>[^()\d]{{2,30}})\))?")
# A date line that opens the lead, before a dash: `Hanoi (PAP) - `, `HANOI, Oct 25 (Reuters) - `, `Wilno, 14
# stycznia 2026 r. – `.
_OPENING = re.compile(
    rf"{_PLACE}(?:\s*,\s*(?P<date>[^()–—]{{3,40}}?))?\s*(?:{_AGENCY})?\s*[-–—]\s+(?P<text>\S.*)", re.DOTALL
)
_NUMERIC_DATE = re.compile(r"(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>\d{4})")
# ISO 8601's calendar date, as pages and feeds write a date in figures: `2025-10-25`, `2025-10-25 10:15`.
_ISO_DATE = re.compile(r"(?<![0-9])(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})(?![0-9])")
# A month in Roman numerals, in capitals only: `X` in `25 X 2025`, but not the English word `i`, nor an initial in
# lower case. CLDR has no such month names.
_ROMAN_NUMERALS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_ROMAN_MONTHS = {numeral: number for number, numeral in enumerate(_ROMAN_NUMERALS, 1)}


def _month_of(token: str) -> int | None:
    """The month a date line's word names (`stycznia`, `Oct`, `X`), as written; None for any other word."""
    return _ROMAN_MONTHS.get(token) or _month_numbers().get(token.lower())


def _is_date_only(text: str) -> bool:
    # Numbers are decimal digits (isdecimal): `¹` and `②` are digits to isdigit(), but no number int() reads.
    tokens = _TOKEN.findall(text)
    if not any(token.isdecimal() for token in tokens) or len(tokens) > 12:
        return False
    allowed = _calendar_words() | _OTHER_WORDS
    return all(token.isdecimal() or token.lower() in allowed or token in _ROMAN_MONTHS for token in tokens)


def is_dateline(text: str) -> bool:
    """Whether `text` says nothing but a date (and a time), after the place it was written in if it names one:
    a number in it, every word a month's or a day's name or one of the few that go with a date."""
    text = text.strip()
    if _is_date_only(text):
        return True
    placed = _PLACED.fullmatch(text)
    return placed is not None and _is_date_only(placed["date"])


def split_dateline(paragraph: str) -> tuple[str, str] | None:
    """(the date line, the text after it) of a paragraph that opens with one before a dash: `Hanoi (PAP) - `,
    `HANOI, Oct 25 (Reuters) - `; None for any other paragraph. A place alone before a dash is no date line (`Unia
    Europejska - ...`): it needs a date, an agency, or both."""
    opening = _OPENING.match(paragraph.strip())
    if opening is None or not (opening["date"] or opening["agency"]):
        return None
    if opening["date"] and not _is_date_only(opening["date"]):
        return None
    text = opening["text"]
    return paragraph.strip()[: len(paragraph.strip()) - len(text)].rstrip(), text


def dateline_date(text: str, *, year_first: bool = True) -> date | None:
    """The day a date line (or the date line opening `text`) gives: `Wilno, 14 stycznia 2026` -> 2026-01-14,
    `03.02.2026`, `2026-02-03` (not with `year_first=False`), `October 25, 2025`; None when it gives no year, or no
    real day."""
    if (opened := split_dateline(text)) is not None:
        text = opened[0]
    elif not is_dateline(text):
        return None
    if numeric := _NUMERIC_DATE.search(text) or (_ISO_DATE.search(text) if year_first else None):
        return _day(int(numeric["year"]), int(numeric["month"]), int(numeric["day"]))
    tokens = _TOKEN.findall(text)
    months = [month for token in tokens if (month := _month_of(token)) is not None]
    numbers = [int(token) for token in tokens if token.isdecimal()]
    years = [number for number in numbers if 1000 <= number <= 9999]
    days = [number for number in numbers if 1 <= number <= 31]
    if len(months) != 1 or not years or not days:
        return None
    return _day(years[0], months[0], days[0])


# Two days of one month: `25-26 October 2025`, `October 25–26, 2025`.
_DAY_RANGE = re.compile(r"(?<!\d)(\d{1,2})\s*[-–—]\s*(\d{1,2})(?!\d)")


def dateline_days(text: str) -> tuple[date, date] | None:
    """The first and last day of a date line that gives two days of one month (`25-26 October 2025`); None for
    any other text."""
    range_of_days = _DAY_RANGE.search(text) if _is_date_only(text) else None
    if range_of_days is None:
        return None
    tokens = _TOKEN.findall(text)
    months = [month for token in tokens if (month := _month_of(token)) is not None]
    years = [int(token) for token in tokens if token.isdecimal() and 1000 <= int(token) <= 9999]
    if len(months) != 1 or len(years) != 1:
        return None
    first, last = (_day(years[0], months[0], int(day)) for day in range_of_days.groups())
    return (first, last) if first and last and first < last else None


def dateline_month(text: str) -> tuple[int, int] | None:
    """(year, month) of a date line that gives a month and a year and no day: `October 2025`, `październik 2025`,
    `X 2025`; None for any other text."""
    if not _is_date_only(text):
        return None
    tokens = _TOKEN.findall(text.strip())
    months = [month for token in tokens if (month := _month_of(token)) is not None]
    numbers = [int(token) for token in tokens if token.isdecimal()]
    if len(months) != 1 or len(numbers) != 1 or not 1000 <= numbers[0] <= 9999:
        return None
    return numbers[0], months[0]


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@cache
def _month_numbers() -> dict[str, int]:
    """Every name CLDR gives a month in the archive's locales, lower case, without a final dot -> its number."""
    numbers: dict[str, int] = {}
    for locale in _LOCALES:
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in get_month_names(width, context, locale).items():
                    numbers[name.lower().rstrip(".")] = number
    return numbers
