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

from .errors import Problem, display_path
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


Use = tuple[str, int | None, str]  # (path, line, the tag as written there)
MAX_USES_SHOWN = 10  # of a group's uses to correct: the rest are counted


def check_tag_spellings(snapshot: ContentSnapshot) -> list[Problem]:
    """One warning per group of near topics of one language (`ratyfikacja`, `ratyfikcja`, `ratyfikacja2`...:
    each near another of the group), at the first use of a spelling to correct, naming the topic meant (the one
    topics.yaml names, else the most used) and every use to correct; when nothing tells which is meant, every
    use. And one per topic address spelt otherwise than in case, diacritics, spaces or hyphens (`C++`, `C`)."""
    uses: dict[str, dict[str, list[Use]]] = defaultdict(lambda: defaultdict(list))
    spellings: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    topics_of = {doc.path: {tag_slug(tag) for tag in doc.meta.tags} for doc in snapshot.articles}
    for doc in snapshot.articles:
        for index, tag in enumerate(doc.meta.tags):
            slug = tag_slug(tag)
            uses[doc.meta.lang][slug].append((doc.path, doc.line(f"tags.{index}"), tag))
            spellings[doc.meta.lang][slug][tag] += 1
    paired = {(lang, slug) for pair in snapshot.topic_pairs for lang, slug in pair.slugs.items()}
    problems = []
    for lang, by_slug in uses.items():
        # Which of near topics is the one meant: the one topics.yaml names, else the most used.
        weight = {slug: ((lang, slug) in paired, len(found)) for slug, found in by_slug.items()}
        for group in near_groups(near_duplicates(by_slug)):
            ranked = sorted(sorted(group), key=lambda slug: weight[slug], reverse=True)  # ties: by name
            told_apart = weight[ranked[0]] > weight[ranked[1]]
            to_correct = ranked[1:] if told_apart else ranked
            names = {slug: spellings[lang][slug].most_common(1)[0][0] for slug in ranked}
            listed = ", ".join(f"{names[slug]!r} ({len(by_slug[slug])} article(s))" for slug in ranked)
            having = sorted(
                {path for slug in to_correct for path, _, _ in by_slug[slug] if ranked[0] in topics_of[path]}
            )
            hint = (
                f"did you mean {names[ranked[0]]!r}?{_has_it_already(having, names[ranked[0]])} If they are different "
                "topics, leave them: this is only a warning"
                if told_apart
                else "nothing tells which is meant: write them alike if they are one topic; if they are different "
                "topics, leave them: this is only a warning"
            )
            problems.append(
                _group_warning(
                    [use for slug in to_correct for use in by_slug[slug]],
                    f"{listed} nearly name one topic in {lang!r}, and each would make a topic page of its own",
                    hint,
                )
            )
        problems += _merged_spellings(by_slug, spellings[lang], lang)
    return sorted(problems, key=lambda problem: (problem.path, problem.line or 0))


def _has_it_already(paths: list[str], name: str) -> str:
    """Where writing the topic meant would list it twice in an article: delete the tag there instead."""
    if not paths:
        return ""
    shown = ", ".join(display_path(path) for path in paths[:MAX_USES_SHOWN])
    more = f" and {len(paths) - MAX_USES_SHOWN} more" if len(paths) > MAX_USES_SHOWN else ""
    return f" In {shown}{more}, where {name!r} is listed already, delete the tag instead."


def near_groups(near: dict[str, set[str]]) -> list[list[str]]:
    """The groups of slugs each near another of its group (a chain `a`, `a1`, `a12` is one group), sorted."""
    groups, placed = [], set()
    for slug in sorted(near):
        if slug in placed:
            continue
        group, todo = set(), [slug]
        while todo:
            current = todo.pop()
            if current not in group:
                group.add(current)
                todo.extend(near[current] - group)
        placed |= group
        groups.append(sorted(group))
    return groups


def _group_warning(to_correct: list[Use], message: str, hint: str) -> Problem:
    """The warning of a group, at the first of the uses to correct, naming where each is (the first few)."""
    ordered = sorted(to_correct, key=lambda use: (use[0], use[1] or 0))
    path, line, _ = ordered[0]
    shown = ", ".join(f"{display_path(where)}:{at or 1} {tag!r}" for where, at, tag in ordered[:MAX_USES_SHOWN])
    more = f" and {len(ordered) - MAX_USES_SHOWN} more" if len(ordered) > MAX_USES_SHOWN else ""
    return Problem(path, line, "tags", f"{message}: {shown}{more}", hint, "warning")


_NOT_TOLD_APART = re.compile(r"[\s_-]+")  # what a contributor expects to count for nothing, as case and diacritics


def _written(tag: str) -> str:
    """`tag` as the reader tells it apart: without case, diacritics (as the address drops them), spaces and hyphens."""
    return _NOT_TOLD_APART.sub("", unidecode(tag).casefold())


def _merged_spellings(by_slug: dict[str, list[Use]], spellings: dict[str, Counter], lang: str) -> list[Problem]:
    """One warning per topic address its tags spell otherwise than in case, diacritics, spaces or hyphens (`C++`
    and `C`), at the first use of a less used spelling, naming the most used; at the first use of all when
    nothing tells which is meant."""
    problems = []
    for slug, used in by_slug.items():
        written: Counter = Counter()
        for tag, count in spellings[slug].items():
            written[_written(tag)] += count
        if len(written) < 2:
            continue
        ranked = sorted(sorted(written), key=lambda key: written[key], reverse=True)
        told_apart = written[ranked[0]] > written[ranked[1]]
        name = next(spelt for spelt, _ in spellings[slug].most_common() if _written(spelt) == ranked[0])
        listed = ", ".join(repr(next(spelt for spelt in spellings[slug] if _written(spelt) == key)) for key in ranked)
        problems.append(
            _group_warning(
                [use for use in used if not told_apart or _written(use[2]) != ranked[0]],
                f"{listed} make one topic ({slug!r} in {lang!r}): its address keeps only letters and digits",
                f"write it {name!r} if it is that topic, or name it apart in words; this is only a warning"
                if told_apart
                else "nothing tells which is meant: write them alike if they are one topic, or name them apart in "
                "words; this is only a warning",
            )
        )
    return problems
