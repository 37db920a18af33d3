"""archive_core.derived: a value derived from articles' front-matter is kept while its inputs are equal."""

from __future__ import annotations

from dataclasses import dataclass, replace

from archive_core.derived import derived, front_matter


@dataclass(frozen=True)
class Meta:
    title: str


class Article:
    def __init__(self, title: str) -> None:
        self.archive = Meta(title)


class Generator:
    pass


def derive_counting(calls: list, articles: list):
    def derive():
        calls.append(1)
        return [article.archive.title for article in articles]

    return derive


def test_the_value_is_kept_while_the_front_matter_is_equal_and_derived_again_when_it_is_not():
    articles, holder, calls = [Article("a"), Article("b")], Generator(), []
    first = derived(holder, "titles", front_matter(articles), derive_counting(calls, articles))
    articles[1].archive = replace(articles[1].archive)  # an edit of the body: an equal front-matter, a new object
    assert derived(holder, "titles", front_matter(articles), derive_counting(calls, articles)) is first
    assert calls == [1]
    articles[1].archive = Meta("b, edited")
    assert derived(holder, "titles", front_matter(articles), derive_counting(calls, articles)) == ["a", "b, edited"]
    assert calls == [1, 1]


def test_other_articles_with_an_equal_front_matter_are_other_inputs():
    holder, calls = Generator(), []
    before = [Article("a")]
    derived(holder, "titles", front_matter(before), derive_counting(calls, before))
    after = [Article("a")]  # a full build's new Article objects: what was derived points at the old ones
    derived(holder, "titles", front_matter(after), derive_counting(calls, after))
    assert calls == [1, 1]


def test_each_name_and_each_holder_keeps_its_own_value():
    articles, calls = [Article("a")], []
    one, other, context = Generator(), Generator(), {}
    for holder, name in ((one, "x"), (one, "y"), (other, "x"), (context, "x")):
        derived(holder, name, front_matter(articles), derive_counting(calls, articles))
    assert len(calls) == 4
    derived(context, "x", front_matter(articles), derive_counting(calls, articles))  # a dict holds its own
    assert len(calls) == 4
