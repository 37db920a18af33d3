"""Other names of one thing (content/data/names.yaml): a page that writes one is found by all of them.

names:
  - name: United Nations Convention against Cybercrime    # the name the archive uses most
    source: https://treaties.un.org/...                   # optional: where that name is used
    other:                                                # its other names, by language
      en: [UN Convention against Cybercrime, {name: Hanoi Convention, source: https://...}]
      pl: [Konwencja z Hanoi, Konwencji z Hanoi]

`ENTRY_FIELDS` and `NAME_FIELDS` are the file's contract: `parse_names` checks a file by them, and
`tools/names_docs.py` writes its reference (CONTRIBUTING.md) and JSON Schema (docs/names.schema.json) from
them, so the three cannot drift. A name matches a page's text whole-word, whatever its case and spacing
(`Konwencja z  Hanoi` and `konwencja z Hanoi` are one name); Polish inflected forms are names of their own.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from . import paths
from .data import YAML_FIELD, Checks, DataFile, load_data, telling_yaml_problems, unknown_key_problems
from .errors import ContentError, Problem, key_label
from .field_types import empty_item, wrong_type
from .layout import NAMES_FILE
from .locales import is_named_language
from .provenance import address_hint, is_http_url
from .schema import LANGUAGE_CODE, Field
from .suggestions import Suggestions, retype_hint, retyped_name

# Every page is matched against every name, and a page that writes names gets all of theirs as hidden terms:
# the bounds keep both small whatever the file holds (at most 100 x 24 names of 100 characters).
MAX_ENTRIES = 100
MAX_NAMES = 24  # of one entry, its `name` and all its other names
MAX_NAME_CHARS = 100
_WORD = re.compile(r"\w+")

ENTRY_FIELDS: tuple[Field, ...] = (
    Field(
        "name", True, "name", f"The thing's name as the archive writes it most; at most {MAX_NAME_CHARS} characters."
    ),
    Field("source", False, "address", "Where that name is used, when the archive's articles do not use it."),
    Field(
        "other",
        True,
        "names by language",
        "Its other names, by language code (`pl`, `en`): each a name, or `{name: ..., source: https://...}` for "
        f"one that is not obvious; at most {MAX_NAMES} names in an entry.",
    ),
)
NAME_FIELDS: tuple[Field, ...] = (
    Field("name", True, "name", f"Another name, as pages write it; at most {MAX_NAME_CHARS} characters."),
    Field("source", True, "address", "A page (a source the archive cites) that uses the name."),
)
SHAPE = "names: [- name: ..., other: {pl: [...], en: [...]}]"


@dataclass(frozen=True)
class NamedThing:
    """One entry: every name of one thing, the first its `name`."""

    names: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.names[0]


@dataclass(frozen=True)
class NamesTable:
    things: tuple[NamedThing, ...] = ()

    @cached_property
    def _by_first_word(self) -> dict[str, list[tuple[tuple[str, ...], int]]]:
        index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for number, thing in enumerate(self.things):
            for name in thing.names:
                words = name_words(name)
                index.setdefault(words[0], []).append((words, number))
        return index

    def named_in(self, text: str) -> tuple[NamedThing, ...]:
        """The things whose names `text` writes, in the file's order. The text's words are found once; only the
        names whose first word is among them are looked for, each as a run of whole words (a substring of the
        words joined by single spaces, found in C: no pattern is built from the file)."""
        index = self._by_first_word
        if not index:
            return ()
        words = name_words(text)
        firsts = index.keys() & set(words)
        if not firsts:
            return ()
        joined = f" {' '.join(words)} "
        found = {
            number
            for first in firsts
            for name, number in index[first]
            if len(name) == 1 or f" {' '.join(name)} " in joined
        }
        return tuple(self.things[number] for number in sorted(found))

    def search_terms(self, text: str) -> str:
        """Every name of each thing `text` names, once, `·`-separated: a page's hidden search terms."""
        terms = dict.fromkeys(name for thing in self.named_in(text) for name in thing.names)
        return " · ".join(terms)


def name_words(text: str) -> tuple[str, ...]:
    """A text's words as names are matched: composed, case-folded, whatever stands between them."""
    return tuple(_WORD.findall(unicodedata.normalize("NFC", text).casefold()))


@telling_yaml_problems
def load_names(content_dir: Path) -> tuple[NamesTable, list[Problem]]:
    """The file's good entries and the problem of each bad one; an empty table without the file."""
    path = Path(content_dir) / NAMES_FILE
    if not paths.named_as_written(content_dir, path):  # as a Linux server finds it, in these capitals
        return NamesTable(), []
    try:
        return parse_names(load_data(path, content_dir))
    except ContentError as exc:
        return NamesTable(), list(exc.problems)


def parse_names(data: DataFile) -> tuple[NamesTable, list[Problem]]:
    entries = data.data.get("names") if isinstance(data.data, dict) and set(data.data) == {"names"} else None
    if not isinstance(entries, list):
        if isinstance(data.data, dict) and (odd := unknown_key_problems(data, [], data.data, ["names"], "")):
            return NamesTable(), odd
        named = isinstance(data.data, dict) and "names" in data.data  # else the whole file: `yaml`
        where, field = (["names"], "names") if named else ([], YAML_FIELD)
        return NamesTable(), [data.problem(where, field, "the file holds one key, `names`, a list", SHAPE)]
    if len(entries) > MAX_ENTRIES:
        hint = "keep the names readers search by; each page is matched against every one"
        return NamesTable(), [
            data.problem(["names"], "names", f"has {len(entries)} entries, more than {MAX_ENTRIES}", hint)
        ]
    things: list[NamedThing] = []
    problems: list[Problem] = []
    owners: dict[tuple[str, ...], tuple[int, str]] = {}  # each name's words -> the entry that gives it first
    for index, entry in enumerate(entries):
        try:
            thing, spots = _entry(data, ["names", index], entry)
        except ContentError as exc:
            problems += exc.problems
            continue
        for name, (where, label) in zip(thing.names, spots, strict=True):
            owner, owner_name = owners.setdefault(name_words(name), (index, thing.name))
            if owner != index:
                problems.append(
                    data.problem(
                        where,
                        label,
                        f"{name!r} is a name of {owner_name!r} (entry {owner + 1}) too: the two entries would "
                        "be one thing to search",
                        "keep the name in one entry: that of the thing the archive's pages mean by it",
                    )
                )
        things.append(thing)
    return NamesTable(tuple(things)), problems


def _fields(data: DataFile, where: list, value: Any, fields: tuple[Field, ...], label: str) -> dict[str, Any]:
    """`value` as a mapping of `fields`' keys, each required one there: else the error at the line of each problem
    (a key missing that a misspelt one was meant to be is that one's problem)."""
    if not isinstance(value, dict):
        raise ContentError(data.problem(where, label, "must be a mapping", SHAPE))
    known = [field.name for field in fields]
    names = Suggestions(known, {str(key) for key in value})
    checks, meant = Checks(), set()
    for key in value:
        if key not in known:
            meant.add(names.meant(str(key)))
            hint = names.hint(str(key), "`{}`", f"known: {', '.join(known)}")
            field = f"{label}.{key_label(key)}"
            problem = data.problem([*where, key], field, "is not a known field", hint)
            checks.problems.append(replace(problem, line=data.key_line(*where, key)))  # the key's, not its value's
    for field in fields:
        if field.required and field.name not in value and field.name not in meant:
            checks.problems.append(data.problem(where, f"{label}.{field.name}", "is missing", field.description))
    read = {field.name: checks.attempt(_KINDS[field.kind], data, [*where, field.name], value[field.name],
                                       f"{label}.{field.name}")
            for field in fields if field.name in value}  # fmt: skip
    checks.done()
    return read


def _name(data: DataFile, where: list, value: Any, label: str) -> str:
    if not isinstance(value, str):
        key = where[-1] if isinstance(where[-1], str) else ""  # a list's item has no key of its own
        told = wrong_type(value, "text", key, data.written(*where), data.tag(*where))
        raise ContentError(data.problem(where, label, *told))
    if not value.strip():
        empty = empty_item() if isinstance(where[-1], int) else ("is empty", "write the name")
        raise ContentError(data.problem(where, label, *empty))
    name = unicodedata.normalize("NFC", " ".join(value.split()))
    if len(name) > MAX_NAME_CHARS:
        hint = "a name, not a sentence: the name readers type"
        raise ContentError(data.problem(where, label, f"has {len(name)} characters, more than {MAX_NAME_CHARS}", hint))
    if not name_words(name):
        raise ContentError(data.problem(where, label, f"{name!r} has no word", "a name holds letters or figures"))
    return name


def _address(data: DataFile, where: list, value: Any, label: str) -> str:
    if not is_http_url(value):
        hint = address_hint(value, "the page that uses the name")
        raise ContentError(data.problem(where, label, "must be an http(s) address", hint))
    return value.strip()


Spot = tuple[list, str]  # where a name is in the file (its keys) and the field its problems name


def _other(data: DataFile, where: list, value: Any, label: str) -> tuple[tuple[str, Spot], ...]:
    if not isinstance(value, dict) or not value:
        raise ContentError(data.problem(where, label, "must map a language to names", "other: {pl: [...], en: [...]}"))
    names: list[tuple[str, Spot]] = []
    checks = Checks()  # every language's and every name's problems
    for lang, items in value.items():
        if not isinstance(lang, str) or not LANGUAGE_CODE.fullmatch(lang) or not is_named_language(lang):
            hint = "an ISO 639-1 code: pl, en, vi..."
            retyped = retyped_name(lang) if isinstance(lang, str) else None
            if retyped is not None and LANGUAGE_CODE.fullmatch(retyped[0]) and is_named_language(retyped[0]):
                hint = retype_hint(retyped, repr(retyped[0]))  # `en:` holding a zero-width space
            problem = data.problem([*where, lang], f"{label}.{key_label(lang)}", "is not a language code", hint)
            checks.problems.append(replace(problem, line=data.key_line(*where, lang)))
            continue
        if not isinstance(items, list) or not items:
            hint = f"{lang}: [name, {{name: ..., source: https://...}}]"
            checks.problems.append(data.problem([*where, lang], f"{label}.{lang}", "must be a list of names", hint))
            continue
        for number, item in enumerate(items):
            spot: Spot = ([*where, lang, number], f"{label}.{lang}.{number}")
            if isinstance(item, dict):
                read = checks.attempt(_fields, data, spot[0], item, NAME_FIELDS, spot[1])
                name = read["name"] if read is not None else None
            else:
                name = checks.attempt(_name, data, spot[0], item, spot[1])
            if name is not None:
                names.append((name, spot))
    checks.done()
    return tuple(names)


_KINDS = {"name": _name, "address": _address, "names by language": _other}


def _entry(data: DataFile, where: list, entry: Any) -> tuple[NamedThing, tuple[Spot, ...]]:
    """The entry's thing, and where each of its names is written (the first place of one written twice). Its
    problems name the entry by its place, `names.0.other.en.1`: a name is text with spaces, not a field."""
    label = ".".join(str(key) for key in where)
    values = _fields(data, where, entry, ENTRY_FIELDS, label)
    spots: dict[str, Spot] = {values["name"]: ([*where, "name"], f"{label}.name")}
    for name, spot in values["other"]:
        spots.setdefault(name, spot)
    if len(spots) > MAX_NAMES:
        message = f"{values['name']!r} has {len(spots)} names, more than {MAX_NAMES}"
        hint = "keep the names pages write and readers type"
        raise ContentError(data.problem([*where, "other"], f"{label}.other", message, hint))
    return NamedThing(tuple(spots)), tuple(spots.values())
