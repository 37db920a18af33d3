"""A paragraph that is only a date, as saved news pages put one above the text (`3 lutego 2026`,
`February 3, 2026, 10:15 GMT`, `03.02.2026`): the page's date, not the article's lead, so never its summary
(the build's, `markdown.lead_paragraph_html`, or the importer's) nor the title the importer derives from the
lead. It stays in the body, verbatim, as every paragraph of the source does."""

from __future__ import annotations

import re
from functools import cache

from babel.dates import get_day_names, get_month_names

from .locales import LANGUAGES

# What a date line holds besides day, month and weekday names: numbers (a day, a year, a time, a numeric date),
# the words that go with them, and time zones.
_OTHER_WORDS = frozenset({"r", "roku", "godz", "at", "on", "updated", "published", "am", "pm", "utc", "gmt", "cet"})
_TOKEN = re.compile(r"[^\W\d_]+|\d+")


@cache
def _calendar_words() -> frozenset[str]:
    words: set[str] = set()
    for lang in LANGUAGES:
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                words.update(name.lower().rstrip(".") for name in get_month_names(width, context, lang).values())
                words.update(name.lower().rstrip(".") for name in get_day_names(width, context, lang).values())
    return frozenset(words)


def is_dateline(text: str) -> bool:
    """Whether `text` says nothing but a date (and a time): a number in it, every word a month's or a day's name
    or one of the few that go with a date."""
    tokens = [token.lower() for token in _TOKEN.findall(text)]
    if not any(token.isdigit() for token in tokens) or len(tokens) > 12:
        return False
    allowed = _calendar_words() | _OTHER_WORDS
    return all(token.isdigit() or token in allowed for token in tokens)
