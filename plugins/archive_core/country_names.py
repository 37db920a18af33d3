"""The name forms of countries that CLDR lacks (content/data/country-names.yaml), each with its source.

countries:
  - code: VN                                  # ISO 3166-1 alpha-2, or EU
    forms: [Wietnamu, wietnamski, Viet Nam]   # inflected forms, adjectives, other common names
    source: https://pl.wiktionary.org/wiki/Wietnam

`make import` finds the countries an article names by them (tools/importer/countries.py); the
search index finds a page about a country by them (`search_terms`); the content snapshot checks the
file like every data file, so `make check` refuses a bad record at its line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path

from slugify import slugify

from . import countries, paths
from .data import YAML_FIELD, Checks, DataFile, Record, load_data, telling_yaml_problems, unknown_key_problems
from .errors import ContentError, Problem
from .layout import COUNTRY_NAMES_FILE
from .locales import LANGUAGES
from .provenance import address_hint, is_http_url

KEYS = frozenset({"code", "forms", "source"})
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class CountryForms:
    code: str
    forms: tuple[str, ...]
    source: str


@telling_yaml_problems
def load_country_names(content_dir: Path) -> tuple[tuple[CountryForms, ...], list[Problem]]:
    """The file's good records and the problem of each bad one; none of either without the file."""
    path = Path(content_dir) / COUNTRY_NAMES_FILE
    if not paths.named_as_written(content_dir, path):  # as a Linux server finds it, in these capitals
        return (), []
    try:
        return parse_country_names(load_data(path, content_dir))
    except ContentError as exc:
        return (), list(exc.problems)


def parse_country_names(data: DataFile) -> tuple[tuple[CountryForms, ...], list[Problem]]:
    records = data.data.get("countries") if isinstance(data.data, dict) else None
    if not isinstance(records, list):
        if isinstance(data.data, dict) and (odd := unknown_key_problems(data, [], data.data, ["countries"], "")):
            return (), odd
        if not isinstance(data.data, dict):
            return (), [data.problem([], YAML_FIELD, "must be a mapping", "the file holds `countries:`, a list")]
        message = "must be a list" if "countries" in data.data else "is missing"
        return (), [data.problem(["countries"], "countries", message, "the file holds `countries:`, a list")]
    # A key beside `countries:` (`countrie:`, a second list under a key misspelt) was read as nothing, untold.
    found, problems = [], unknown_key_problems(data, [], data.data, ["countries"], "")
    first_line: dict[str, int | None] = {}  # each record's code -> the line of the first record of it
    owners: dict[str, str] = {}  # each form -> the code whose record gives it first
    listed = {
        (record.get("code"), unicodedata.normalize("NFC", form))
        for record in records
        if isinstance(record, dict) and isinstance(record.get("code"), str) and isinstance(record.get("forms"), list)
        for form in record["forms"]
        if isinstance(form, str)
    }  # a form is moved only to a record that does not list it already
    for index, record in enumerate(records):
        try:
            forms = _record(data, ["countries", index], record)
        except ContentError as exc:
            problems += exc.problems
            continue
        if forms.code in first_line:
            problems.append(
                data.problem(
                    ["countries", index, "code"],
                    f"countries.{index}.code",
                    f"is the code of the record on line {first_line[forms.code]} too",
                    "keep one record per country: move this one's forms into that one",
                )
            )
            continue
        for number, form in enumerate(forms.forms):
            where = (["countries", index, "forms", number], f"countries.{index}.forms.{number}")
            other = next((code for name in _as_matched(form) if (code := countries.cldr_names().get(name))), None)
            if other not in (None, forms.code):
                problems.append(
                    data.problem(
                        *where,
                        f"{form!r} is CLDR's name of {other}: the importer would tag an article naming {other} "
                        f"as {forms.code}",
                        f"remove it: the record of {other} lists it already"
                        if (other, form) in listed
                        else f"remove it, or move it to the record of {other}",
                    )
                )
            # As matched: `wietnamski` of one record opening a sentence is `Wietnamski` of another.
            owner = next(
                (owner for name in _as_matched(form) if (owner := owners.setdefault(name, forms.code)) != forms.code),
                None,
            )
            if owner is not None:
                problems.append(
                    data.problem(
                        *where,
                        f"{form!r} is a form of {owner} too, as written or opening a sentence: the importer could "
                        "not tell which country it names",
                        "keep it for the country it names in the archive's articles",
                    )
                )
        first_line[forms.code] = data.line("countries", index, "code")
        found.append(forms)
    return tuple(found), problems


def _as_matched(form: str) -> tuple[str, ...]:
    """The texts the importer matches for a form: itself, and with a capital first letter (a sentence's start)."""
    return (form, form[0].upper() + form[1:])


def _record(data: DataFile, where: list, record: object) -> CountryForms:
    """The record at `where` (`countries`, its index): its problems name their fields from the file's top, as the
    YAML reading does (`countries.0.forms.2`)."""
    label = ".".join(str(key) for key in where)
    if isinstance(record, dict) and (odd := unknown_key_problems(data, where, record, sorted(KEYS), label)):
        raise ContentError(*odd)
    if not isinstance(record, dict) or set(record) != KEYS:
        raise ContentError(
            data.problem(
                where, label, "each record has code, forms and source", "- code: XX, forms: [...], source: ..."
            )
        )
    checks = Checks()  # every problem of the record
    if not isinstance(record["code"], str) or not countries.is_known(record["code"]):
        checks.problems.append(
            data.problem(
                [*where, "code"],
                f"{label}.code",
                f"{Record(data, where).quoted(['code'], record['code'])} is not a known country code",
                countries.code_hint(record["code"]),
            )
        )
    forms = checks.attempt(Record(data, where, label).text_items, ["forms"], record["forms"])
    if not is_http_url(record["source"]):
        checks.problems.append(
            data.problem(
                [*where, "source"],
                f"{label}.source",
                "must be an http(s) address",
                address_hint(record["source"], "the entry the forms come from"),
            )
        )
    checks.done()
    # Composed (NFC), as the importer composes the text it matches them in: a form written decomposed matched no
    # text, and was never compared with the same form of another country.
    return CountryForms(
        record["code"], tuple(unicodedata.normalize("NFC", form) for form in forms or ()), record["source"]
    )


def search_terms(codes: Iterable[str], records: Iterable[CountryForms]) -> str:
    """Every name of the countries `codes`, as readers may type it: CLDR's in each language (its standard, then its
    variant and short names: `Ivory Coast`), then the file's forms.

    `search_terms(["PL"], records)` -> `Polska Poland Polski Polsce ... Polish`: hidden search terms of a
    page about Poland, so that "Polsce" or "Poland" finds it on either language's site.
    """
    forms = {record.code: record.forms for record in records}
    terms: dict[str, None] = {}
    for code in codes:
        for name in country_names(code, forms.get(code, ())):
            terms.setdefault(name, None)
    return " ".join(terms)


def country_names(code: str, forms: Iterable[str]) -> tuple[str, ...]:
    """Every name of the country `code`, each once: CLDR's in each language, its variant and short names, `forms`."""
    cldr = (countries.country_name(code, lang) for lang in LANGUAGES)
    other = (name for lang in LANGUAGES for name in countries.other_country_names(code, lang))
    return tuple(dict.fromkeys((*cldr, *other, *forms)))


def _first_code(names: dict[str, set[str]]) -> dict[str, str]:
    """Each name -> its one code; a name two countries share (as compared) names neither."""
    return {name: next(iter(codes)) for name, codes in names.items() if len(codes) == 1}


# A devserver session reads the data file again at each edit of it: the indexes of its last few versions are kept (the
# records are the key, so an edit is never answered with an index of the file before it).
COUNTRY_NAME_INDEXES_KEPT = 4


@lru_cache(maxsize=COUNTRY_NAME_INDEXES_KEPT)
def names_to_codes(records: tuple[CountryForms, ...]) -> dict[str, str]:
    """Every name a known country is known by (`country_names`: CLDR's in each language, its variant and short names,
    the file's forms), as written and with a capital first letter (an adjective opening a sentence) -> its code.

    The one table of names: the importer finds an article's countries by it, and the `countries:` hint
    (`countries.code_hint`) tells `write CZ` for `Czech Republic` by it. Never case-folded here: `mali` (Polish:
    small) is not Mali.
    """
    forms = {record.code: record.forms for record in records}
    found: dict[str, set[str]] = {}
    for code in sorted(countries.known_codes()):
        for name in country_names(code, forms.get(code, ())):
            for form in _as_matched(unicodedata.normalize("NFC", name)):  # as the importer composes its text
                found.setdefault(form, set()).add(code)
    return _first_code(found)


def folded_name(text: str) -> str:
    """A name as the hint compares it: its address form (`Czech  republic`, `czech-republic`, `Białoruś`, `bialorus`
    are one), as the site makes a country's address from its name."""
    return slugify(unicodedata.normalize("NFC", text))


@cache
def archive_names_folded() -> dict[str, str]:
    """`names_to_codes` of CLDR's names alone (each language's, its variant and short names), each name folded
    (`folded_name`) -> its code. Built once, at the first hint that needs it: a check that tells no country's name
    never builds the table.

    Not the content folder's data/country-names.yaml forms: the hint is made deep in an article's checks, which
    know no content folder (and may run in a worker process), and a hint must not depend on another folder's data.
    """
    found: dict[str, set[str]] = {}
    for name, code in names_to_codes(()).items():
        if folded := folded_name(name):
            found.setdefault(folded, set()).add(code)
    return _first_code(found)


@dataclass(frozen=True)
class CountryNameIndex:
    """Every name the build knows of each country (CLDR's in each language, its variant and short names, the file's
    forms), to find the countries a text names: a page that writes `France` is found by `Francja` on the Polish
    site, and a page that writes `Francji` by `France` on the English one."""

    records: tuple[CountryForms, ...] = ()

    @cached_property
    def _by_first_word(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        forms = {record.code: record.forms for record in self.records}
        for code in sorted(countries.known_codes()):
            for name in country_names(code, forms.get(code, ())):
                # As written, and with a capital first letter: an adjective (`francuski`) opening a sentence. Never
                # case-folded: `mali` (Polish: small) is not Mali, nor `polish` Polish.
                for form in dict.fromkeys(_as_matched(name)):
                    words = tuple(_WORD.findall(form))
                    if words:
                        index.setdefault(words[0], []).append((words, code))
        for names in index.values():
            names.sort(key=lambda entry: -len(entry[0]))  # the longest first: see `named_in`
        return index

    def named_in(self, text: str) -> tuple[str, ...]:
        """The sorted codes of the countries `text` names, each name as a run of whole words. Where names overlap, the
        longest from the first word is the one named: `South Sudan` is not also Sudan, nor `Papua New Guinea` Guinea,
        nor `Democratic People's Republic of Korea` the Republic of Korea."""
        words = _WORD.findall(unicodedata.normalize("NFC", text))
        index = self._by_first_word
        if not (firsts := index.keys() & set(words)):
            return ()
        found: set[str] = set()
        end = 0  # the first word after the last name found
        for start in [i for i, word in enumerate(words) if word in firsts]:
            if start < end:
                continue
            for name, code in index[words[start]]:
                if tuple(words[start : start + len(name)]) == name:
                    found.add(code)
                    end = start + len(name)
                    break
        return tuple(sorted(found))


@lru_cache(maxsize=COUNTRY_NAME_INDEXES_KEPT)
def country_name_index(records: tuple[CountryForms, ...]) -> CountryNameIndex:
    """One index per version of the file's records (every page's text is matched against it)."""
    return CountryNameIndex(records)
