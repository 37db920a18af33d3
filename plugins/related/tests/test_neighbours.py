"""Previous, next and related articles: shared countries and topics first, recent first, in linear time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from archive_core.tests.effort import cpu_seconds
from related.neighbours import AT_LEAST, RELATED, WINDOW, neighbours


@dataclass(eq=False)
class Doc:
    name: str
    date: datetime
    features: tuple = field(default=())


def newest_first(docs):
    return sorted(docs, key=lambda d: d.date, reverse=True)


def day(n: int) -> datetime:
    return datetime(2025, 1, 1) + timedelta(days=n)


def test_previous_and_next_in_time():
    docs = newest_first([Doc(str(n), day(n)) for n in range(5)])
    found = neighbours(docs, docs, lambda d: d.features)
    middle = next(d for d in docs if d.name == "2")
    assert (found[id(middle)].older.name, found[id(middle)].newer.name) == ("1", "3")
    oldest = next(d for d in docs if d.name == "0")
    assert found[id(oldest)].older is None


def test_related_share_most_countries_and_topics_then_are_most_recent():
    me = Doc("me", day(50), ("country:PL", "topic:rights"))
    both = Doc("both", day(10), ("country:PL", "topic:rights"))
    one_old = Doc("one-old", day(20), ("country:PL",))
    one_new = Doc("one-new", day(40), ("topic:rights",))
    other = Doc("other", day(45), ("country:VN",))
    docs = newest_first([me, both, one_old, one_new, other])
    related = [d.name for d in neighbours(docs, docs, lambda d: d.features)[id(me)].related]
    assert related[:3] == ["both", "one-new", "one-old"]


def test_related_ones_exclude_the_previous_and_next_and_are_at_most_five():
    docs = newest_first([Doc(str(n), day(n), ("topic:x",)) for n in range(30)])
    found = neighbours(docs, docs, lambda d: d.features)
    for doc in docs:
        near = found[id(doc)]
        assert len(near.related) <= RELATED
        assert doc not in near.related and near.older not in near.related and near.newer not in near.related


def test_an_article_sharing_nothing_still_gets_articles_near_in_time():
    docs = newest_first([Doc(str(n), day(n)) for n in range(10)])
    found = neighbours(docs, docs, lambda d: d.features)
    for doc in docs:
        near = found[id(doc)]
        shown = {near.older, near.newer, *near.related} - {None}
        assert len(shown) >= AT_LEAST


def test_the_work_grows_linearly_even_when_every_article_shares_a_topic():
    def run(count):
        docs = newest_first([Doc(str(n), day(n % 3000), ("topic:all", f"country:{n % 40}")) for n in range(count)])
        found = {}
        # CPU time: the clock of a busy machine, or a collection of the whole suite's objects, slows one run alone
        took = cpu_seconds(lambda: found.update(neighbours(docs, docs, lambda d: d.features)))
        return took, found, docs

    small, _, _ = run(1000)
    large, found, docs = run(8000)
    assert large < small * 8 * 3  # linear with slack; all pairs would be 64 times
    assert all(len(found[id(d)].related) == RELATED for d in docs)
    assert WINDOW * 2 < 8000
