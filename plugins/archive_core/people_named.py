"""Each person of content/data/people.yaml against the articles listed for them: every version names them.

A record's `name` is the articles' own spelling, per language where the versions differ, so a version whose title,
summary and text hold no such name is listed by mistake (a slip of the key, another person's article) or spells the
name otherwise. Words are compared as `other_names` compares them (composed, case-folded, whatever stands between
them), each as the start of a word of the text: a name declined in Polish (`Iwana Władimirowicza`) is named.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from .articles import ArticleDocument, RefusedArticle
from .data import DataFile
from .errors import Problem, display_path
from .other_names import name_words
from .people import Person
from .summaries import plain_text


def unnamed_people(
    data_file: DataFile, people: Iterable[Person], docs: Iterable[ArticleDocument | RefusedArticle]
) -> list[Problem]:
    """A warning at each item of a person's `articles:` whose versions (`docs`: those whose words read well) do not
    all name them: a declension the prefix does not cover (`Kowalska`, `Kowalskiej`) is a false alarm a warning
    lets pass."""
    versions: dict[str, list[ArticleDocument | RefusedArticle]] = {}
    for doc in docs:
        versions.setdefault(doc.meta.translation_key, []).append(doc)
    texts: dict[str, _Text] = {}  # each version's words, read and indexed once however many people it lists
    problems = []
    for person in people:
        label = data_file.record_label(person.record)
        for index, key in enumerate(person.articles):
            missing = [
                doc
                for doc in sorted(versions.get(key, ()), key=lambda doc: doc.path)
                if not _text(texts, doc).names(name_words(person.name[doc.meta.lang]))
            ]
            if not missing:
                continue
            spellings = dict.fromkeys(person.name[doc.meta.lang] for doc in missing)
            files = " nor in ".join(display_path(doc.path) for doc in missing)
            problems.append(
                Problem(
                    str(data_file.path),
                    data_file.line(person.record, "articles", index),
                    f"{label}.articles.{index}",
                    f"{' or '.join(map(repr, spellings))} is not named in {files}",
                    "list only the articles that name the person, spelt as each article spells the name "
                    "(`name: {pl: ..., en: ...}` where the versions differ); or correct the key",
                    "warning",
                )
            )
    return problems


def _text(cache: dict[str, _Text], doc: ArticleDocument | RefusedArticle) -> _Text:
    if doc.path not in cache:
        text = " ".join((doc.meta.title, plain_text(doc.summary_html), plain_text(doc.html)))
        cache[doc.path] = _Text(name_words(text))
    return cache[doc.path]


# A version's words are sorted once as many names have been looked for in it as sorting them costs scans of them
# (docs/performance.md, "The people check"): most versions are listed for a person or two.
SCANS_BEFORE_SORTING = 3


class _Text:
    """A version's words. A name is looked for at every word, for the first few names (`SCANS_BEFORE_SORTING`); then
    at the places of the word of the name that starts the fewest words of the text, found by bisection in the words
    sorted once (400 people listed for an article of 100,000 words read 80 million words)."""

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words
        self.scans = 0
        self.sorted_words: list[str] = []  # once sorted
        self.places: list[int] = []  # of each of `sorted_words` in `words`

    def names(self, name: tuple[str, ...]) -> bool:
        """`name`'s words, in order, each starting a word of the text, one after another."""
        if not name:
            return True
        words, count = self.words, len(name)
        if self.scans < SCANS_BEFORE_SORTING:
            self.scans += 1
            places = (start for start in range(len(words) - count + 1) if words[start].startswith(name[0]))
            return any(self._at(start, name) for start in places)
        if not self.sorted_words and words:
            self.places = sorted(range(len(words)), key=words.__getitem__)
            self.sorted_words = [words[place] for place in self.places]
        spans = [self._starting(part) for part in name]
        index, (low, high) = min(enumerate(spans), key=lambda span: span[1][1] - span[1][0])
        return any(
            0 <= place - index <= len(words) - count and self._at(place - index, name)
            for place in self.places[low:high]
        )

    def _at(self, start: int, name: tuple[str, ...]) -> bool:
        return all(self.words[start + offset].startswith(part) for offset, part in enumerate(name))

    def _starting(self, part: str) -> tuple[int, int]:
        """Where the words that start with `part` are in `sorted_words`."""
        low = bisect_left(self.sorted_words, part)
        return low, bisect_left(self.sorted_words, part + _LAST, low)


_LAST = chr(0x10FFFF)  # after every character a word holds: `part + _LAST` sorts after every word `part` starts
