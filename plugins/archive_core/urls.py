"""The site's URL scheme, in one place, so that plugins link to each other's pages.

All URLs are site-relative without a leading slash (`pl/kraje/wietnam/`), as
Pelican's own `article.url`; templates prefix them with `{{ SITEURL }}/`.
"""

from __future__ import annotations

from functools import cache

from slugify import slugify

from .countries import country_name

# Section folders, localized.
SECTIONS: dict[str, dict[str, str]] = {
    "timeline": {"pl": "os-czasu", "en": "timeline"},
    "countries": {"pl": "kraje", "en": "countries"},
    "search": {"pl": "szukaj", "en": "search"},
    "about": {"pl": "o-archiwum", "en": "about"},
}


def home_url(lang: str) -> str:
    return f"{lang}/"


def section_url(section: str, lang: str) -> str:
    """`pl/os-czasu/`, `en/countries/`."""
    return f"{lang}/{SECTIONS[section][lang]}/"


@cache
def country_slug(code: str, lang: str) -> str:
    """`wietnam`, `republika-poludniowej-afryki`, `vietnam`: the CLDR name, transliterated."""
    return slugify(country_name(code, lang))


def country_url(code: str, lang: str) -> str:
    """`pl/kraje/wietnam/`, `en/countries/vietnam/`."""
    return f"{section_url('countries', lang)}{country_slug(code, lang)}/"


def save_as(url: str) -> str:
    """The output file for a directory-style URL: `pl/kraje/` -> `pl/kraje/index.html`."""
    return f"{url}index.html" if url.endswith("/") else url


def page_url(output_file: str) -> str:
    """The URL a static host serves `output_file` at (the inverse of `save_as`): `pl/x/index.html` -> `pl/x/`."""
    if output_file == "index.html" or output_file.endswith("/index.html"):
        return output_file.removesuffix("index.html")
    return output_file
