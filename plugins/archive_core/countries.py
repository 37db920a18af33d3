"""Country codes the archive accepts, and their names from CLDR."""

from __future__ import annotations

import re
from functools import cache

import icu
from babel import Locale
from babel.core import get_global

from .locales import BABEL_LOCALES

# CLDR lists some territory codes that are not ISO 3166-1 countries.
# EU (the European Union) is a party to the convention, so it stays.
_NOT_COUNTRIES = frozenset({"EZ", "UN", "QO", "XA", "XB", "ZZ"})


@cache
def known_codes() -> frozenset[str]:
    """The codes every archive language can name: a code CLDR names in English only (Sark, `CQ`, has no Polish
    name) would pass `make check` and then have no page name, nor address, in the other language."""
    named = [set(Locale.parse(locale).territories) for locale in ("en", *BABEL_LOCALES.values())]
    return frozenset(
        code for code in set.intersection(*named) if re.fullmatch(r"[A-Z]{2}", code) and code not in _NOT_COUNTRIES
    )


def is_known(code: str) -> bool:
    return code in known_codes()


@cache
def country_name(code: str, lang: str) -> str:
    """`Wietnam` / `Vietnam`, from CLDR via Babel."""
    return Locale.parse(BABEL_LOCALES[lang]).territories[code]


# A country's ISO code as its page's search index holds it: after these figures-and-letter, which no word a reader
# types begins with, so that a code that is also a word (`do`, `na`, `by`) is not that word, and the search's start
# of an unknown word (`pl` of `plany`) is never one. The search page searches a code typed that no page holds as a word
# so (theme/static/js/search-page.js, COUNTRY_CODE_WORD).
CODE_WORD = "c0"


@cache
def code_words(code: str) -> str:
    """`c0vn c0vnm`: a country's ISO 3166-1 codes, alpha-2 and alpha-3 (from ICU), as its page's index holds them
    (`CODE_WORD`); the alpha-2 alone where ICU knows no alpha-3 (`EU`)."""
    codes = dict.fromkeys(each for each in (code, icu.Locale("", code).getISO3Country()) if each)
    return " ".join(f"{CODE_WORD}{each.lower()}" for each in codes)


# CLDR's other names of a country (`alt="variant"`: `Ivory Coast`; `alt="short"`: `UK`), which Babel does not carry;
# ICU's region data holds them under these tables.
_OTHER_NAME_TABLES = ("Countries%variant", "Countries%short")


@cache
def other_country_names(code: str, lang: str) -> tuple[str, ...]:
    """CI: `Ivory Coast` in English, `Wybrzeże Kości Słoniowej` in Polish: CLDR's variant and short names (ICU)."""
    region = icu.ResourceBundle("ICUDATA-region", icu.Locale(BABEL_LOCALES[lang]))
    names = []
    for table in _OTHER_NAME_TABLES:
        try:
            names.append(region.get(table).get(code).getString())
        except icu.ICUError:  # the locale (and those it falls back to) gives the country no such name
            continue
    return tuple(dict.fromkeys(names))


@cache
def cldr_names() -> dict[str, str]:
    """Every known country's CLDR name in every archive language, as written (`Niemcy`, `Germany`) -> its code."""
    return {
        name: code
        for locale in BABEL_LOCALES.values()
        for code, name in Locale.parse(locale).territories.items()
        if code in known_codes()
    }


CODE_HINT = "use ISO 3166-1 alpha-2 in capitals (VN, PL, ZA) or EU"
# Codes people write that ISO assigns to no country: the EU's own codes for the United Kingdom and Greece (its
# Interinstitutional Style Guide writes UK and EL; ISO 3166-1 reserves both for those countries at its request),
# and the European Union as Polish (Unia Europejska), French and Spanish abbreviate it.
_ALIASES = {"UK": "GB", "EL": "GR", "UE": "EU"}


def code_hint(value: object) -> str:
    """What to write for `value`, which is not a known code: its code, where it is a name of one country (any of
    CLDR's, `_named_code`), a code in lower case or one of `_ALIASES`; else the rule."""
    if not isinstance(value, str):
        return CODE_HINT
    text = value.strip()
    code = _ALIASES.get(text.upper()) or (text.upper() if is_known(text.upper()) else None)
    code = code or _named_code(text) or _replaced_code(text.upper())
    return f"write {code}: a country is its ISO 3166-1 alpha-2 code, in capitals, or EU" if code else CODE_HINT


def _named_code(text: str) -> str | None:
    """The code of the country `text` names, in any case and with or without its diacritics (`Czech Republic`,
    `bialorus`): by every name CLDR knows it by (country_names.archive_names_folded)."""
    from .country_names import archive_names_folded, folded_name  # it reads this module's names

    return archive_names_folded().get(folded_name(text))


def _replaced_code(text: str) -> str | None:
    """The alpha-2 code CLDR replaces `text` with, where it names one: an alpha-3 code (`DEU`, `VNM`), as other
    datasets write them, or a withdrawn one (`BU`: MM); none for one split among several (`YU`)."""
    replaced = get_global("territory_aliases").get(text)
    return replaced[0] if replaced and len(replaced) == 1 and is_known(replaced[0]) else None


# A list item that is several codes, parted by what separates no items there (`[EU PL]`, `- EU; PL`).
_WRITTEN_TOGETHER = re.compile(r"[\s,;/]+")


def item_hint(value: object) -> str:
    """What to write for `value`, an item of a list of codes that is not a known code: where it is several codes
    written as one item, how to part them; else as `code_hint`."""
    parts = [part for part in _WRITTEN_TOGETHER.split(value.strip()) if part] if isinstance(value, str) else []
    codes = [_ALIASES.get(part.upper()) or part.upper() for part in parts]
    if len(codes) < 2 or not all(map(is_known, codes)):
        return code_hint(value)
    return f"this is {len(codes)} codes written as one item: give each its own, `[{', '.join(codes)}]`"
