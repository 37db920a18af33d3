"""What the browsing pages (year, topic and country pages) share: order, counts per year and month.

Plain functions over anything with a `date`, so that every listing orders and
counts articles the same way, in one pass.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, Protocol, TypeVar

from babel.dates import format_date

from .locales import BABEL_LOCALES


class Dated(Protocol):
    date: Any  # a datetime
    translation_key: str


D = TypeVar("D", bound=Dated)


def newest_first(articles: Iterable[D]) -> list[D]:
    """The order of every listing: newest first, ties by translation key (stable across builds).

    Not by slug: a slug is one version's, and the same articles would come in another
    order on each language's pages. The key is what both versions of an article share."""
    return sorted(articles, key=lambda a: (a.date, a.translation_key), reverse=True)


@dataclass(frozen=True)
class Count:
    """One year (or month) of a listing: how many articles, and where they start."""

    value: int  # the year, or the month (1-12)
    label: str
    count: int
    url: str  # site-relative; a month: its section's anchor on the page where it starts


def year_counts(articles: Sequence[Dated]) -> list[tuple[int, int]]:
    """(year, number of articles), newest year first."""
    counts = Counter(article.date.year for article in articles)
    return sorted(counts.items(), reverse=True)


@cache
def month_name(month: int, lang: str) -> str:
    """`Marzec`, `March`: the month as a heading names it (CLDR's stand-alone form)."""
    name = format_date(date(2000, month, 1), "LLLL", locale=BABEL_LOCALES[lang])
    return name[:1].upper() + name[1:]


def page_of(index: int, per_page: int) -> int:
    """The 1-based page that shows the `index`th item (0-based) of a listing of `per_page` a page."""
    return index // per_page + 1
