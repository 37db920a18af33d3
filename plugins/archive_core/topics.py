"""Topics (the articles' `tags`): one per address, whatever the case and diacritics, and their translations.

A topic is its slug (`archive_core.urls.tag_slug`): `Prawa człowieka`,
`prawa człowieka` and `prawa czlowieka` are one topic, `prawa-czlowieka`, named
by the spelling most articles use. `content/data/topics.yaml` (optional) pairs
a Polish topic with its English one, so that their pages are each other's
language versions; a pair of articles whose versions have one topic each pairs
those topics too, unless the file says otherwise.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from . import paths
from .data import YAML_FIELD, DataFile, load_data, telling_yaml_problems, unknown_key_problems
from .errors import ContentError, Problem
from .field_types import empty_item, kind_of, wrong_type
from .layout import TOPICS_FILE
from .locales import LANGUAGES
from .urls import tag_problem, tag_slug


class Tagged(Protocol):
    lang: str
    translation_key: str
    tags: tuple[str, ...]


@dataclass(frozen=True)
class TopicPair:
    """One topic in each language, as `topics.yaml` names it: {"pl": slug, "en": slug}, and its names as written."""

    slugs: Mapping[str, str]
    names: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TaggedArticle:
    lang: str
    translation_key: str
    tags: tuple[str, ...]


def tagged(articles: Iterable) -> list[TaggedArticle]:
    """What this module reads of Pelican's articles (their front-matter is `article.archive`)."""
    return [TaggedArticle(a.lang, a.translation_key, a.archive.tags) for a in articles]


@telling_yaml_problems
def load_topic_pairs(content_dir: Path) -> tuple[tuple[TopicPair, ...], list[Problem]]:
    path = Path(content_dir) / TOPICS_FILE
    if not paths.named_as_written(content_dir, path):  # a link is read (and refused if it leads out) by load_data
        return (), []
    try:
        data_file = load_data(path, content_dir)
    except ContentError as exc:
        return (), list(exc.problems)
    data = data_file.data
    shape = "topics: [{pl: prawa człowieka, en: human rights}, ...]"
    if not isinstance(data, dict) or set(data) != {"topics"} or not isinstance(data["topics"], list):
        if isinstance(data, dict) and (odd := unknown_key_problems(data_file, [], data, ["topics"], "")):
            return (), odd
        where, field = (["topics"], "topics") if isinstance(data, dict) and "topics" in data else ([], YAML_FIELD)
        return (), [data_file.problem(where, field, "must be a mapping with one key, `topics`, a list", shape)]
    pairs, problems, seen = [], [], {lang: set() for lang in LANGUAGES}
    for index, entry in enumerate(data["topics"]):
        if wrong := _entry_problems(data_file, index, entry, shape):
            problems += wrong
            continue
        if wrong := [(lang, problem) for lang in LANGUAGES if (problem := tag_problem(entry[lang]))]:
            lang, (message, hint) = wrong[0]
            problems.append(data_file.problem(["topics", index, lang], f"topics.{index}.{lang}", message, hint))
            continue
        slugs = {lang: tag_slug(entry[lang]) for lang in LANGUAGES}
        twice = [lang for lang in LANGUAGES if slugs[lang] in seen[lang]]
        if twice:
            problems.append(
                data_file.problem(
                    ["topics", index, twice[0]],
                    f"topics.{index}.{twice[0]}",
                    f"{entry[twice[0]]!r} is paired twice",
                    "a topic has one translation: keep one entry",
                )
            )
            continue
        for lang in LANGUAGES:
            seen[lang].add(slugs[lang])
        pairs.append(TopicPair(slugs, {lang: entry[lang] for lang in LANGUAGES}))
    return tuple(pairs), problems


def _entry_problems(data_file: DataFile, index: int, entry: object, shape: str) -> list[Problem]:
    """What makes an entry no pair of names: empty (as an entry YAML could not read is, which the YAML reading
    tells), no mapping, not one name in each language; a name that is not text told at its own line."""
    where = ["topics", index]
    if entry is None:
        return [data_file.problem(where, f"topics.{index}", *empty_item(shape))]
    if not isinstance(entry, dict):
        return [data_file.problem(where, f"topics.{index}", f"is {kind_of(entry)}, not a pair of names", shape)]
    if set(entry) != set(LANGUAGES):
        return unknown_key_problems(data_file, where, entry, LANGUAGES, f"topics.{index}") or [
            data_file.problem(where, f"topics.{index}", "each entry names the topic in pl and en", shape)
        ]
    problems = []
    for lang in LANGUAGES:
        if isinstance(name := entry[lang], str):
            continue
        message, hint = (
            ("is missing", shape)
            if name is None
            else wrong_type(name, "text", lang, data_file.written(*where, lang), data_file.tag(*where, lang))
        )
        problems.append(data_file.problem([*where, lang], f"topics.{index}.{lang}", message, hint))
    return problems


def topic_names(articles: Iterable[Tagged]) -> dict[str, dict[str, str]]:
    """{lang: {slug: name}}: each topic named by its most used spelling.

    Ties: the one with most diacritics (`człowieka`, not `czlowieka`), then with fewest capitals.
    """
    spellings: dict[str, dict[str, Counter]] = {lang: defaultdict(Counter) for lang in LANGUAGES}
    for article in articles:
        for tag in article.tags:
            spellings[article.lang][tag_slug(tag)][tag] += 1
    return {
        lang: {
            slug: min(counts, key=lambda name: (-counts[name], -_diacritics(name), _capitals(name), name))
            for slug, counts in by_slug.items()
        }
        for lang, by_slug in spellings.items()
    }


def _diacritics(name: str) -> int:
    return sum(not c.isascii() for c in name)


def _capitals(name: str) -> int:
    return sum(c.isupper() for c in name)


def topic_translations(articles: Iterable[Tagged], pairs: Iterable[TopicPair]) -> dict[tuple[str, str], str]:
    """{(lang, slug): the slug of the same topic in the other language}, two-way.

    From `topics.yaml`; then, for topics it does not pair, from article pairs whose versions have
    one topic each, where that pairing is each topic's most frequent one.
    """
    first, second = LANGUAGES
    known: dict[tuple[str, str], str] = {}
    for pair in pairs:
        known[first, pair.slugs[first]] = pair.slugs[second]
        known[second, pair.slugs[second]] = pair.slugs[first]
    single: dict[str, dict[str, str]] = defaultdict(dict)
    for article in articles:
        if len(article.tags) == 1:
            single[article.translation_key][article.lang] = tag_slug(article.tags[0])
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for by_lang in single.values():
        if first in by_lang and second in by_lang:
            votes[first, by_lang[first]][by_lang[second]] += 1
            votes[second, by_lang[second]][by_lang[first]] += 1
    derived = dict(known)
    for (lang, slug), counts in votes.items():
        other_lang = second if lang == first else first
        best = counts.most_common(1)[0][0]
        mutual = votes[other_lang, best].most_common(1)[0][0] == slug
        if mutual and (lang, slug) not in known and (other_lang, best) not in known:
            derived[lang, slug] = best
    return derived
