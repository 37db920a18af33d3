"""Tags that nearly name another topic of their language: a typo (`ratyfikcja` beside `ratyfikacja`), or words
run together (`humanrights` beside `human rights`). Topics are open (any tag makes one), so such a tag would get
a topic page of its own. Case, diacritics, spaces and punctuation already make no topic of their own
(`urls.tag_slug`): `Human Rights ` and `human-rights` are `human rights`.

Punctuation and symbols count for nothing in an address either, so `C++` and `C`, or `100%` and `100`, are one
topic: a tag spelt so beside another of its address is warned too, naming the spelling the others use.

A warning, not an error: two close names can be two topics (`UNODC`, `UNODA`). Each distinct tag is compared
once, not each article: a tag is indexed under its letters and each one-letter deletion of them, so only tags
that share a key are compared (difflib), and the cost grows with the number of topics, not its square.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from text_unidecode import unidecode

from .errors import Problem
from .urls import tag_slug

if TYPE_CHECKING:
    from .snapshot import ContentSnapshot

MIN_LETTERS = 5  # shorter names (`UE`, `ONZ`, `NATO`) are compared only as written together
MIN_RATIO = 0.8  # difflib's similarity: `unodc`/`unoda` 0.8, `ratyfikcja`/`ratyfikacja` 0.95


def near_duplicates(slugs: Collection[str]) -> dict[str, set[str]]:
    """{slug: the other slugs it nearly is}: the same letters without the hyphens, or, for names of at least
    MIN_LETTERS letters, one letter added, dropped, changed or swapped (shared key, then difflib agrees)."""
    keys: dict[str, set[str]] = defaultdict(set)
    for slug in slugs:
        letters = slug.replace("-", "")
        keys[letters].add(slug)  # the same letters: the same name, spaced or hyphenated otherwise
        if len(letters) >= MIN_LETTERS:  # a one-letter edit: the two share a deletion, or one is the other's
            keys["\0" + letters].add(slug)
            for index in range(len(letters)):
                keys["\0" + letters[:index] + letters[index + 1 :]].add(slug)
    near: dict[str, set[str]] = defaultdict(set)
    for key, group in keys.items():
        if len(group) < 2:
            continue
        for slug in group:
            for other in group - {slug}:
                if not key.startswith("\0") or _close(slug, other):
                    near[slug].add(other)
    return near


def _close(first: str, second: str) -> bool:
    a, b = first.replace("-", ""), second.replace("-", "")
    return min(len(a), len(b)) >= MIN_LETTERS and SequenceMatcher(None, a, b).ratio() >= MIN_RATIO


def check_tag_spellings(snapshot: ContentSnapshot) -> list[Problem]:
    """A warning at each use of the less used of two near topics of one language (the one topics.yaml does not
    name), with the other to use; at each use of both when nothing tells them apart."""
    uses: dict[str, dict[str, list[tuple[str, int | None, str]]]] = defaultdict(lambda: defaultdict(list))
    spellings: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for doc in snapshot.articles:
        for index, tag in enumerate(doc.meta.tags):
            slug = tag_slug(tag)
            uses[doc.meta.lang][slug].append((doc.path, doc.line(f"tags.{index}"), tag))
            spellings[doc.meta.lang][slug][tag] += 1
    paired = {(lang, slug) for pair in snapshot.topic_pairs for lang, slug in pair.slugs.items()}
    problems = []
    for lang, by_slug in uses.items():
        # Which of two near topics is the one meant: the one topics.yaml names, else the more used.
        weight = {slug: ((lang, slug) in paired, len(found)) for slug, found in by_slug.items()}
        for slug, others in near_duplicates(by_slug).items():
            best = max(others, key=lambda other: (weight[other], other))
            if weight[best] < weight[slug]:
                continue  # the other one is the typo: warned at its own uses (both, when nothing tells them apart)
            name = spellings[lang][best].most_common(1)[0][0]
            count = len(by_slug[best])
            for path, line, tag in by_slug[slug]:
                problems.append(
                    Problem(
                        path,
                        line,
                        "tags",
                        f"{tag!r} nearly names the topic {name!r} ({count} article(s) in {lang!r}), and would make "
                        "a topic page of its own",
                        f"did you mean {name!r}? If they are two topics, leave both: this is only a warning",
                        "warning",
                    )
                )
        problems += _merged_spellings(by_slug, spellings[lang], lang)
    return sorted(problems, key=lambda problem: (problem.path, problem.line or 0))


_NOT_TOLD_APART = re.compile(r"[\s_-]+")  # what a contributor expects to count for nothing, as case and diacritics


def _written(tag: str) -> str:
    """`tag` as the reader tells it apart: without case, diacritics (as the address drops them), spaces and hyphens."""
    return _NOT_TOLD_APART.sub("", unidecode(tag).casefold())


def _merged_spellings(by_slug: dict[str, list], spellings: dict[str, Counter], lang: str) -> list[Problem]:
    """A warning at each use of a tag that shares its topic's address with a tag written otherwise than in case,
    diacritics, spaces or hyphens (`C++` and `C`), naming the other most used; the less used is warned, or both
    when nothing tells them apart."""
    problems = []
    for slug, used in by_slug.items():
        written: Counter = Counter()
        for tag, count in spellings[slug].items():
            written[_written(tag)] += count
        if len(written) < 2:
            continue
        for path, line, tag in used:
            own = _written(tag)
            other = max((key for key in written if key != own), key=lambda key: (written[key], key))
            if written[other] < written[own]:
                continue
            name = next(spelt for spelt, _ in spellings[slug].most_common() if _written(spelt) == other)
            problems.append(
                Problem(
                    path,
                    line,
                    "tags",
                    f"{tag!r} and {name!r} make one topic ({slug!r} in {lang!r}): its address keeps only letters "
                    "and digits",
                    f"write it {name!r} if it is that topic, or name it apart in words; this is only a warning",
                    "warning",
                )
            )
    return problems
