"""Neighbours in time and related articles, in linear time: an inverted index by country and topic, with caps.

An article's related articles are those that share most of its countries and
topics, the most recent first. Each country and topic lists its articles newest
first; only the `WINDOW` articles nearest in time on each side of the article
in each list are candidates, so each article costs at most
2 * WINDOW * (its countries + topics) steps, whatever the archive's size.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

WINDOW = 12  # candidates on each side, in each country's and topic's list
RELATED = 5
AT_LEAST = 3  # with fewer sharing a country or topic, the nearest in time fill up


@dataclass(frozen=True)
class Neighbours:
    older: Any | None  # the previous article in time, in the same language
    newer: Any | None
    related: tuple[Any, ...]


def neighbours(
    own: Sequence[Any], listed: Sequence[Any], features: Callable[[Any], Iterable[Hashable]]
) -> dict[int, Neighbours]:
    """{id(article): Neighbours} for each of `own` (one language, newest first), related ones from `listed`.

    `listed` (newest first) is what the language's pages list (archive_core.listing): `own`, and
    the articles with no version in that language.
    """
    position = {id(article): index for index, article in enumerate(listed)}
    postings: dict[Hashable, list[int]] = defaultdict(list)
    place: dict[tuple[int, Hashable], int] = {}
    article_features = [tuple(dict.fromkeys(features(article))) for article in listed]
    for index, found in enumerate(article_features):
        for feature in found:
            place[index, feature] = len(postings[feature])
            postings[feature].append(index)
    result = {}
    for rank, article in enumerate(own):
        index = position[id(article)]
        newer = own[rank - 1] if rank > 0 else None
        older = own[rank + 1] if rank + 1 < len(own) else None
        shown = {id(newer), id(older), id(article)}
        scores: Counter[int] = Counter()
        for feature in article_features[index]:
            posting, at = postings[feature], place[index, feature]
            for other in posting[max(0, at - WINDOW) : at + WINDOW + 1]:
                if id(listed[other]) not in shown:
                    scores[other] += 1
        # Most shared first, then the most recent (a lower index in the newest-first list).
        chosen = sorted(scores, key=lambda other: (-scores[other], other))[:RELATED]
        step = 1
        while len(chosen) < AT_LEAST and step < len(listed):
            for other in (index - step, index + step):
                fits = len(chosen) < AT_LEAST and 0 <= other < len(listed) and other not in chosen
                if fits and id(listed[other]) not in shown:
                    chosen.append(other)
            step += 1
        result[id(article)] = Neighbours(older, newer, tuple(listed[other] for other in chosen))
    return result
