"""What the year pages show, as plain data: every article of a year in one language, by month, with counts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from archive_core.browse import Count, month_name, newest_first, page_of
from archive_core.listing import listed_in
from archive_core.urls import month_anchor, year_url


@dataclass(frozen=True)
class YearPage:
    year: int
    lang: str
    url: str
    articles: tuple[Any, ...]  # newest first: in `lang`, or in the language they have (archive_core.listing)
    months: tuple[Count, ...]  # newest first; each links to where its section starts
    years: tuple[Count, ...]  # every year of the archive in `lang`, for moving between years


def year_pages(
    articles: Sequence[Any], lang: str, per_page: int, page_url: Callable[[str, int], str]
) -> list[YearPage]:
    """One page per year that has articles, newest year first. `page_url(url, n)`: the URL of page n of `url`."""
    listed = newest_first(listed_in(articles, lang))
    by_year = [(year, list(group)) for year, group in groupby(listed, key=lambda a: a.date.year)]
    years = tuple(Count(year, str(year), len(items), year_url(year, lang)) for year, items in by_year)
    pages = []
    for year, items in by_year:
        url = year_url(year, lang)
        months, start = [], 0
        for month, group in groupby(items, key=lambda a: a.date.month):
            count = len(list(group))
            anchor = f"{page_url(url, page_of(start, per_page))}#{month_anchor(month)}"
            months.append(Count(month, month_name(month, lang), count, anchor))
            start += count
        pages.append(YearPage(year, lang, url, tuple(items), tuple(months), years))
    return pages
