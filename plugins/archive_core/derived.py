"""What plugins derive from every article's front-matter, kept while those inputs stay equal.

In one build, plugins derive their data once (related articles, topic pages,
the timeline, country and year pages, citations). The devserver's update
(`tools/incremental.py`) asks them again after each edit, and most edits change
an article's body alone: what is derived from the front-matter of every
article is then what was derived before. `derived` returns that kept value
when the inputs are equal, and derives again when any differs: never stale.

Inputs are compared with `==`, identity first (as tuples compare their items):
the same Article objects, each with an equal front-matter, cost one pointer
comparison each, and only an edited article's front-matter is compared field
by field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")
_KEPT = "_archive_derived"


def front_matter(articles: Iterable[Any]) -> tuple:
    """Each article (by identity) with its front-matter (by value), in order: what derivations from it read.

    The URL and save path are made from the front-matter (language, date, slug) by settings that do
    not change while a holder lives: a build's generators and context are its own, and the devserver's
    updates run between two full builds with the settings of the first (a change of them restarts it).
    """
    articles = tuple(articles)
    return articles, tuple(article.archive for article in articles)


def derived(holder: object, name: str, inputs: tuple, derive: Callable[[], T]) -> T:
    """`derive()`, or the value it gave for `holder` and `name` the last time, if `inputs` are equal.

    `holder` keeps the value: a generator, or the build's context (a dict) for what several derive.
    """
    store = holder if isinstance(holder, dict) else vars(holder)
    kept: dict[str, tuple[tuple, Any]] = store.setdefault(_KEPT, {})
    last = kept.get(name)
    if last is not None and last[0] == inputs:
        return last[1]
    value = derive()
    kept[name] = (inputs, value)
    return value
