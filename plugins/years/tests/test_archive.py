"""Year pages: every article of the year, by month, each month linked to the page where it starts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from years.archive import year_pages


@dataclass(eq=False)
class Doc:
    lang: str
    translation_key: str
    date: datetime
    slug: str


def page_url(url: str, number: int) -> str:
    return url if number == 1 else f"{url}page/{number}/"


def test_years_newest_first_with_months_counted_and_linked_to_their_page():
    docs = [Doc("pl", f"k{n}", datetime(2025, 1 + n % 3, 1 + n), f"s{n}") for n in range(9)]
    docs += [Doc("pl", "old", datetime(2023, 5, 1), "old")]
    pages = year_pages(docs, "pl", per_page=4, page_url=page_url)
    assert [page.year for page in pages] == [2025, 2023]
    year = pages[0]
    assert year.url == "pl/2025/" and len(year.articles) == 9
    assert [(m.value, m.count) for m in year.months] == [(3, 3), (2, 3), (1, 3)]
    assert [m.url for m in year.months] == ["pl/2025/#m-03", "pl/2025/#m-02", "pl/2025/page/2/#m-01"]
    assert [(y.value, y.count) for y in year.years] == [(2025, 9), (2023, 1)]


def test_an_article_not_in_the_language_is_listed_in_the_one_it_has():
    docs = [Doc("pl", "both", datetime(2025, 1, 2), "a"), Doc("en", "both", datetime(2025, 1, 2), "a")]
    docs += [Doc("en", "english-only", datetime(2025, 1, 3), "b")]
    (year,) = year_pages(docs, "pl", per_page=10, page_url=page_url)
    assert [(d.lang, d.translation_key) for d in year.articles] == [("en", "english-only"), ("pl", "both")]


def test_a_year_page_holds_what_pelicans_writer_puts_on_it():
    import sys

    from years import pages_of

    assert pages_of({"PAGINATED_TEMPLATES": {"year": 50}, "DEFAULT_PAGINATION": 20}) == 50
    assert pages_of({"PAGINATED_TEMPLATES": {"year": None}, "DEFAULT_PAGINATION": 20}) == 20
    assert pages_of({"PAGINATED_TEMPLATES": {}, "DEFAULT_PAGINATION": 20}) == sys.maxsize
