"""`tools.selection.shown_articles`: which articles a listing page shows, found once per write of its pages."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from pelican.contents import Article
from pelican.paginator import Paginator
from pelican.settings import DEFAULT_CONFIG

from tools.selection import shown_articles


@dataclass
class Country:
    name: str
    quoted_in: list  # articles that quote the country's people


def _articles(count: int) -> list[Article]:
    settings = copy.deepcopy(DEFAULT_CONFIG)
    return [Article(f"body {n}", metadata={"title": f"Article {n}"}, settings=settings) for n in range(count)]


def _page_contexts(kwargs: dict, listed: list, per_page: int) -> list[dict]:
    """The local contexts Pelican's writer renders a paginated `articles` list with, one per page."""
    paginator = Paginator("country", "country{number}", listed, dict(DEFAULT_CONFIG), per_page)
    return [
        {**kwargs, "articles_paginator": paginator, "articles_page": paginator.page(number)}
        for number in range(1, paginator.num_pages + 1)
    ]


def test_each_page_shows_its_slice_and_what_else_its_objects_hold() -> None:
    articles = _articles(25)
    listed, quoting = articles[:23], articles[23:]
    kwargs = {"articles": listed, "country": Country("Poland", quoting)}
    contexts = _page_contexts(kwargs, listed, per_page=10)
    for number, localcontext in enumerate(contexts):
        shown = shown_articles(kwargs, localcontext)
        assert shown[: len(shown) - 2] == listed[number * 10 : number * 10 + 10]
        assert {id(a) for a in shown[-2:]} == {id(a) for a in quoting}


def test_what_lies_outside_the_slices_is_found_once_for_every_page_of_one_write() -> None:
    articles = _articles(40)
    listed = articles[:36]
    kwargs = {"articles": listed, "country": Country("Poland", articles[36:])}
    contexts = _page_contexts(kwargs, listed, per_page=5)
    beside_slices: dict = {}
    for localcontext in contexts:
        assert shown_articles(kwargs, localcontext, beside_slices) == shown_articles(kwargs, localcontext)
    assert len(beside_slices) == 1
    # Another write (another paginator over the same list) finds them again.
    other = _page_contexts(kwargs, listed, per_page=5)[0]
    assert shown_articles(kwargs, other, beside_slices) == shown_articles(kwargs, other)
    assert len(beside_slices) == 2


@dataclass
class Timeline:
    entries: list  # what a page shows of the articles, with no Article object in it


def test_with_first_a_page_shows_one_of_its_articles_exactly_when_it_shows_any() -> None:
    articles = _articles(12)
    unpaginated = [
        {"timeline": Timeline([{"title": "x"}] * 50), "listed_articles": articles},
        {"timeline": Timeline([{"title": "x"}] * 50), "country": Country("Poland", articles[3:5])},
        {"timeline": Timeline([]), "listed_articles": []},
        {"page": "about"},
    ]
    for kwargs in unpaginated:
        shown, one = shown_articles(kwargs, {}), shown_articles(kwargs, {}, first=True)
        assert bool(one) == bool(shown)
        assert len(one) <= 1 and all(any(a is b for b in shown) for a in one)
    kwargs = {"articles": articles, "country": Country("Poland", [])}
    for localcontext in _page_contexts(kwargs, articles, per_page=5):
        one = shown_articles(kwargs, localcontext, first=True)
        assert one and set(map(id, one)) <= set(map(id, localcontext["articles_page"].object_list))


@dataclass(frozen=True)
class Correction:
    change: str  # a line of a log: no article in it


def test_a_paginated_list_of_other_things_shows_no_article() -> None:
    """The about page paginates its corrections log: a page of it lists no article, so it is rendered again after
    any edit (its log may hold the edit's correction), never kept as the last build wrote it."""
    log = [Correction(f"change {n}") for n in range(7)]
    kwargs = {"corrections": log, "paginated": {"articles": log}}
    for localcontext in _page_contexts(kwargs, log, per_page=3):
        assert shown_articles(kwargs, localcontext) == []
        assert shown_articles(kwargs, localcontext, first=True) == []
