"""Which countries an article mentions: CLDR names (Babel) plus the forms in content/data/country-names.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from archive_core import countries
from archive_core.data import load_data
from archive_core.errors import ContentError
from archive_core.locales import LANGUAGES, babel_locale
from archive_core.schema import is_http_url

from . import ROOT

COUNTRY_NAMES = ROOT / "content" / "data" / "country-names.yaml"


@dataclass(frozen=True)
class CountryForms:
    code: str
    forms: tuple[str, ...]
    source: str


def load_country_forms(path: Path = COUNTRY_NAMES) -> tuple[CountryForms, ...]:
    """The file's records, checked; ContentError naming the file and line of the first bad one."""
    data = load_data(path, path.parent.parent)  # inside content/
    records = data.data.get("countries") if isinstance(data.data, dict) else None
    if not isinstance(records, list):
        raise ContentError(data.problem([], "countries", "is missing", "the file holds `countries:`, a list"))
    result = []
    for index, record in enumerate(records):
        where = ["countries", index]
        if not isinstance(record, dict) or set(record) != {"code", "forms", "source"}:
            raise ContentError(data.problem(where, "countries", "each record has code, forms and source", ""))
        if not isinstance(record["code"], str) or not countries.is_known(record["code"]):
            raise ContentError(
                data.problem([*where, "code"], "code", f"{record['code']!r} is not a known country code", "ISO 3166-1")
            )
        forms = record["forms"]
        if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
            raise ContentError(data.problem([*where, "forms"], "forms", "must be a list of names", "quote each name"))
        if not is_http_url(record["source"]):
            raise ContentError(data.problem([*where, "source"], "source", "must be an http(s) address", ""))
        result.append(CountryForms(record["code"], tuple(forms), record["source"]))
    return tuple(result)


@cache
def _names(path: Path) -> dict[str, str]:
    """Every name form -> its country code."""
    names = {
        name: code
        for lang in LANGUAGES
        for code, name in babel_locale(lang).territories.items()
        if countries.is_known(code)
    }
    for record in load_country_forms(path):
        for form in record.forms:
            names[form] = record.code
            names[form[0].upper() + form[1:]] = record.code  # an adjective opening a sentence
    return names


@cache
def _pattern(path: Path) -> re.Pattern[str]:
    alternatives = sorted(_names(path), key=len, reverse=True)  # longest first: "Republika Południowej Afryki"
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, alternatives)) + r")(?!\w)")


def detect(text: str, path: Path = COUNTRY_NAMES) -> tuple[str, ...]:
    """The sorted codes of the countries named in `text`: `Wietnamu`, `Belarus`, `UE` -> BY, EU, VN."""
    names = _names(path)
    return tuple(sorted({names[match.group(1)] for match in _pattern(path).finditer(text)}))
