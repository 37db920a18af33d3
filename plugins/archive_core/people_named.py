"""Each person of content/data/people.yaml against the articles listed for them: every version names them.

A record's `name` is the articles' own spelling, per language where the versions differ, so a version whose title,
summary and text hold no such name is listed by mistake (a slip of the key, another person's article) or spells the
name otherwise. Words are compared as `other_names` compares them (composed, case-folded, whatever stands between
them), each as the start of a word of the text: a name declined in Polish (`Iwana Władimirowicza`) is named.
"""

from __future__ import annotations

from collections.abc import Iterable

from .articles import ArticleDocument
from .data import DataFile
from .errors import Problem, display_path
from .frontmatter import record_label
from .other_names import name_words
from .people import Person
from .summaries import plain_text


def unnamed_people(data_file: DataFile, people: Iterable[Person], docs: Iterable[ArticleDocument]) -> list[Problem]:
    """A warning at each item of a person's `articles:` whose versions (those that read well) do not all name them:
    a declension the prefix does not cover (`Kowalska`, `Kowalskiej`) is a false alarm a warning lets pass."""
    versions: dict[str, list[ArticleDocument]] = {}
    for doc in docs:
        versions.setdefault(doc.meta.translation_key, []).append(doc)
    words: dict[str, tuple[str, ...]] = {}  # each version's words, read once however many people it lists
    problems = []
    for person in people:
        label = record_label(person.name[next(iter(person.name))], person.record)
        for index, key in enumerate(person.articles):
            missing = [
                doc
                for doc in sorted(versions.get(key, ()), key=lambda doc: doc.path)
                if not _names(_words(words, doc), name_words(person.name[doc.meta.lang]))
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


def _words(cache: dict[str, tuple[str, ...]], doc: ArticleDocument) -> tuple[str, ...]:
    if doc.path not in cache:
        text = " ".join((doc.meta.title, plain_text(doc.summary_html), plain_text(doc.html)))
        cache[doc.path] = name_words(text)
    return cache[doc.path]


def _names(text: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """`name`'s words, in order, each starting a word of `text`, one after another."""
    if not name:
        return True
    return any(
        all(word.startswith(part) for word, part in zip(text[start : start + len(name)], name, strict=True))
        for start in range(len(text) - len(name) + 1)
        if text[start].startswith(name[0])
    )
