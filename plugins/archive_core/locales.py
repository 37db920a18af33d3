"""The archive's languages and their Babel locales."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

import icu
from babel import Locale
from babel.dates import format_date, get_month_names

LANGUAGES: tuple[str, ...] = ("pl", "en")
# British English gives "26 October 2025", the form used by the UN and in Europe.
BABEL_LOCALES: dict[str, str] = {"pl": "pl_PL", "en": "en_GB"}
# The locales whose order of a day in figures a page's readers type: English is read by Americans too, who write
# `10/25/2025` for 25 October (as one word, `10252025`, Pagefind found it in no page and searched its start `10`).
NUMERIC_DATE_LOCALES: dict[str, tuple[str, ...]] = {"pl": ("pl_PL",), "en": ("en_GB", "en_US")}
# Before a day's figures in the search index, so that no number a reader types (`71`, `25`) is the start of a day
# (`7102025`): Pagefind searches a word as the start of longer ones too. search-page.js writes a typed day so too,
# with its own DAY_WORD_LETTER (tests/test_theme_scripts.py fails when the two differ).
DAY_WORD_LETTER = "d"


def babel_locale(lang: str) -> Locale:
    return Locale.parse(BABEL_LOCALES[lang])


def local_number(value: int, lang: str) -> str:
    """`1,234` / `1234`, `12 345`: a count as the language writes it. ICU's, as the browser's `Intl.NumberFormat`
    writes the search page's counts: Polish groups digits from five on, which Babel does not know."""
    return _number_format(lang).formatInt(value)


@lru_cache(maxsize=len(LANGUAGES))
def _number_format(lang: str) -> icu.LocalizedNumberFormatter:
    return icu.NumberFormatter.withLocale(icu.Locale(BABEL_LOCALES[lang]))


def long_date(value: date | datetime, lang: str) -> str:
    """`26 października 2025` / `26 October 2025`."""
    if isinstance(value, datetime):
        value = value.date()
    return _long_date(value, lang)


@lru_cache(maxsize=8192)  # every page shows dates; an archive has a few thousand distinct days
def _long_date(value: date, lang: str) -> str:
    return format_date(value, format="long", locale=BABEL_LOCALES[lang])


def numeric_dates(value: date, lang: str) -> tuple[str, ...]:
    """The day in figures as the language writes it (CLDR's `yMd`) in each locale its readers write it in
    (`NUMERIC_DATE_LOCALES`), and with the day and month in two figures and in one where CLDR differs, as readers
    also type them: `8.08.2024 08.08.2024 8.8.2024` / `25/10/2025 10/25/2025`.
    """
    return tuple(
        dict.fromkeys(
            format_date(value, form, locale=locale)
            for locale in NUMERIC_DATE_LOCALES[lang]
            for form in _numeric_forms(locale)
        )
    )


@lru_cache(maxsize=8192)  # a day is on the pages of its articles in both languages, and on listings
def day_search_words(value: date, lang: str) -> tuple[str, ...]:
    """The day as the search index holds it, one word per form readers type it in (`numeric_dates` and ISO): its
    figures joined, as Pagefind joins a typed `25.10.2025`, after `DAY_WORD_LETTER`: `d25102025 d20251025`."""
    forms = (*numeric_dates(value, lang), value.isoformat())
    return tuple(dict.fromkeys(held_date(form) for form in forms))


def held_date(text: str) -> str:
    """A date as one search word no number a reader types begins: `2024-12` -> `d202412`, `25.10.2025` ->
    `d25102025` (Pagefind indexes the parts of `2024-12` too: `12` found every page of a December)."""
    return DAY_WORD_LETTER + re.sub(r"\D", "", text)


@lru_cache(maxsize=64)  # twelve months, asked on every dated page
def month_names(month: int, lang: str) -> tuple[str, ...]:
    """The month's names in `lang`, as a month alone is named and as a date names it, each once: `grudzień grudnia`
    (CLDR's stand-alone and format forms, which differ in Polish), `December`."""
    locale = BABEL_LOCALES[lang]
    return tuple(
        dict.fromkeys(get_month_names("wide", context, locale)[month] for context in ("stand-alone", "format"))
    )


@lru_cache(maxsize=8)  # asked on every dated page
def _numeric_forms(locale: str) -> tuple[str, ...]:
    pattern = Locale.parse(locale).datetime_skeletons["yMd"].pattern
    return (pattern, re.sub(r"\b([dM])\b", r"\1\1", pattern), re.sub(r"\b([dM])\1\b", r"\1", pattern))


@lru_cache(maxsize=256)
def is_named_language(code: str) -> bool:
    """Whether CLDR names the language `code` in every language of the archive: each page names it in its own.
    `zz` (no language) and a code named in English only passed `make check`, and the build failed on a KeyError."""
    return all(code in babel_locale(lang).languages for lang in LANGUAGES)


@lru_cache(maxsize=64)  # two languages, asked on every page's language switch
def language_name(lang: str, in_lang: str) -> str:
    """The name of `lang` in `in_lang`, from CLDR: `angielski`, `Polish`."""
    return babel_locale(in_lang).languages[lang]


_LANGUAGE_TAG = re.compile(r"([a-z]{2,3})(?:-([A-Z][a-z]{3}))?(?:-([A-Z]{2}|[0-9]{3}))?")


@lru_cache(maxsize=1024)  # a body may mark many passages, in a few languages
def language_tag_problem(tag: str) -> str | None:
    """Why `tag` is not a BCP 47 language tag CLDR knows each part of (`vi`, `sr-Latn`, `pt-BR`, `es-419`), or
    None. Written as BCP 47 recommends: language in small letters, script capitalised, region in capitals."""
    match = _LANGUAGE_TAG.fullmatch(tag)
    if match is None:
        return f"{tag!r} is not a language tag"
    language, script, region = match.groups()
    names = babel_locale("en")
    if language not in names.languages:
        return f"{language!r} is not a language code CLDR knows"
    if script and script not in names.scripts:
        return f"{script!r} is not a script code CLDR knows"
    if region and region not in names.territories:
        return f"{region!r} is not a region code CLDR knows"
    return None


@lru_cache(maxsize=64)  # a few languages, asked for every part of a page in another
def other_language_attribute(lang: str | None, page_lang: str) -> str:
    """` lang="en"` for a text in `lang` on a page in `page_lang` (WCAG 3.1.2, language of parts); `""` where `lang`
    is the page's or not known. `lang` is a tag `make check` accepted, so it needs no escaping. The direction is the
    element's own `dir`, told by its text (`title_dir`, `auto`): a title in Latin letters stays left to right in a
    right-to-left language's record."""
    return f' lang="{lang}"' if lang and lang != page_lang else ""
