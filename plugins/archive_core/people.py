"""People quoted in the archive (content/data/people.yaml), each with the articles that name them."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive_core import countries, paths
from archive_core.data import YAML_FIELD, Checks, DataFile, load_data, telling_yaml_problems
from archive_core.errors import ContentError, Problem
from archive_core.layout import PEOPLE_FILE
from archive_core.locales import LANGUAGES
from archive_core.provenance import Citation, Correction, Fields, Localized
from archive_core.suggestions import Suggestions, meant_keys

KEYS = frozenset(
    {"name", "country", "role", "articles", "official_name", "official_role", "sources", "note", "corrections"}
)


@dataclass(frozen=True)
class Person:
    name: dict[str, str]  # by language, as each language version spells it
    role: dict[str, str]  # by language, as the articles describe it
    articles: tuple[str, ...]  # translation_keys
    country: str | None = None  # None: an international official
    official_name: str | None = None  # the correct form, where the articles' differs
    official_role: Localized | None = None
    sources: tuple[Citation, ...] = ()  # where the official name and role are stated
    note: Localized | None = None
    corrections: tuple[Correction, ...] = ()
    record: int = 0  # its place in people.yaml's list: the line of a problem found against the articles


@telling_yaml_problems
def load_people(content_dir: Path, article_keys: Collection[str] | None = None) -> tuple[list[Person], list[Problem]]:
    """All people, and every problem; `article_keys`, when given, are the articles that exist."""
    path = Path(content_dir) / PEOPLE_FILE
    if not paths.named_as_written(content_dir, path):  # as a Linux server finds it, in these capitals
        return [], []
    try:
        data_file = load_data(path, content_dir, record_key="name")
    except ContentError as exc:
        return [], list(exc.problems)
    return parse_people(data_file, article_keys)


def parse_people(data_file: DataFile, article_keys: Collection[str] | None) -> tuple[list[Person], list[Problem]]:
    data = data_file.data
    if data is None:
        return [], []
    if not isinstance(data, list):
        return [], [
            data_file.problem([], YAML_FIELD, "must be a list of records", "start each record with `- name: ...`")
        ]
    people, problems = [], []
    first_line: dict[tuple[str, str], int | None] = {}  # (language, name as compared) -> its record's line
    for index, item in enumerate(data):
        try:
            person = _person(data_file, index, item, article_keys)
        except ContentError as exc:
            problems += exc.problems
            continue
        names = [(lang, same_name(person.name[lang])) for lang in LANGUAGES]
        if repeated := [first_line[name] for name in names if name in first_line]:
            problems.append(
                data_file.problem(
                    [index, "name"],
                    data_file.field([index, "name"]),
                    f"is the name of the record on line {repeated[0]} too",
                    "keep one record per person, listing every article that names them",
                )
            )
            continue
        for name in names:
            first_line.setdefault(name, data_file.line(index, "name"))
        people.append(person)
    return people, problems


def worded_people(data_file: DataFile, article_keys: Collection[str], people: Iterable[Person]) -> list[Person]:
    """`people` (those read), and each record refused whose name reads well, by its name and the articles of
    `article_keys` it lists, each other item left empty in its place: what the people check compares with the
    articles, so that a misspelt key of one item does not keep the others waiting a round."""
    read = {person.record: person for person in people}
    for index, item in enumerate(data_file.data if isinstance(data_file.data, list) else ()):
        if index in read or not isinstance(item, dict) or not isinstance(item.get("articles"), list):
            continue
        try:
            name = _name(Fields(data_file, [index], data_file.record_label(index)), item.get("name"))
        except ContentError:
            continue
        articles = tuple(key if isinstance(key, str) and key in article_keys else "" for key in item["articles"])
        read[index] = Person(name=name, role={}, articles=articles, record=index)
    return [read[index] for index in sorted(read)]


def same_name(name: str) -> str:
    """A name as two records are compared: `Pham  The Tung` and `pham the tung` are one person; letters with
    other accents are kept apart (each article's own spelling is kept)."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _person(data_file: DataFile, index: int, item: Any, article_keys: Collection[str] | None) -> Person:
    """The record; ContentError with every problem of it."""
    fields = Fields(data_file, [index], data_file.record_label(index))
    if not isinstance(item, dict):
        raise fields.fail([], "is not a mapping", "write `- name: ...` and the fields indented under it")
    checks = Checks()
    checks.unknown_keys(fields, item, KEYS)
    name = checks.attempt(_name, fields, item.get("name"))
    country = item.get("country")
    if country is not None and (not isinstance(country, str) or not countries.is_known(country)):
        checks.add(
            fields.fail(
                ["country"],
                f"{fields.quoted(['country'], country)} is not a known country code",
                f"{countries.code_hint(country)}; or delete the line for a person of no country (a UN official)",
            )
        )
    role = item.get("role")
    if isinstance(role, dict) and (odd := [lang for lang in role if lang not in LANGUAGES]):
        # `PL:`, or `en:` holding a zero-width space: told the language meant, not a text missing.
        for lang, (hint, _) in zip(
            odd, meant_keys(odd, LANGUAGES, role, f"use {' and '.join(LANGUAGES)}"), strict=True
        ):
            checks.add(fields.fail(["role", str(lang)], "is not an archive language", hint))
    elif not isinstance(role, dict) or any(not isinstance(role.get(lang), str) for lang in LANGUAGES):
        checks.add(fields.fail(["role"], f"needs a text in each of {', '.join(LANGUAGES)}", "role: {pl: ..., en: ...}"))
    articles = checks.attempt(_articles, fields, item.get("articles"), article_keys)
    official_name = item.get("official_name")
    if official_name is not None:
        official_name = checks.attempt(
            fields.text, ["official_name"], official_name, "the name as the person's government gives it"
        )
    official_role = (
        checks.attempt(fields.localized, ["official_role"], item["official_role"]) if "official_role" in item else None
    )
    sources = checks.attempt(fields.citations, ["sources"], item.get("sources"))
    if (official_name or official_role) and sources is not None and not sources:
        checks.add(
            fields.fail(["sources"], "an official name or role needs a source", "`sources: [{url: https://...}]`")
        )
    person = Person(
        name=dict(name or {}),
        role=dict(role) if isinstance(role, dict) else {},
        articles=tuple(articles or ()),
        country=country,
        official_name=official_name,
        official_role=official_role,
        sources=sources,
        note=checks.attempt(fields.localized, ["note"], item["note"]) if "note" in item else None,
        corrections=checks.attempt(fields.corrections, ["corrections"], item.get("corrections")),
        record=index,
    )
    checks.done()
    return person


def _name(fields: Fields, name: Any) -> dict[str, str]:
    """One spelling for every language, or one per language: each language's told when it is missing."""
    if name is None:
        raise fields.fail(["name"], "is missing", "the name as the articles spell it, or {pl: ..., en: ...}")
    if not isinstance(name, str | dict):
        raise fields.wrong_type(["name"], name, "text")
    return dict(fields.localized(["name"], name, one_for_all=True))


def _articles(fields: Fields, articles: Any, article_keys: Collection[str] | None) -> list[str]:
    if articles is not None and not isinstance(articles, list):
        raise fields.wrong_type(["articles"], articles, "list of text")
    if not articles:
        raise fields.fail(["articles"], "must list the articles that name this person", "articles: [translation_key]")

    keys = Suggestions(sorted(article_keys or ()), {key for key in articles if isinstance(key, str)})

    def check(key: str) -> tuple[str, str] | None:  # a misspelt key is told the one meant, as an event's is
        if article_keys is None or key in article_keys:
            return None
        return f"{key!r} is not an article in the archive", keys.hint(key, "{!r}", "use a translation_key")

    return list(fields.text_items(["articles"], articles, check))
