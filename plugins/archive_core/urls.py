"""The site's URL scheme, in one place, so that plugins link to each other's pages.

All URLs are site-relative without a leading slash (`pl/kraje/wietnam/`), as
Pelican's own `article.url`; templates prefix them with `{{ SITEURL }}/`.
"""

from __future__ import annotations

from functools import cache

from slugify import slugify

from .countries import country_name
from .paths import portable_name_problem

# Section folders, localized.
SECTIONS: dict[str, dict[str, str]] = {
    "timeline": {"pl": "os-czasu", "en": "timeline"},
    "countries": {"pl": "kraje", "en": "countries"},
    "search": {"pl": "szukaj", "en": "search"},
    "about": {"pl": "o-archiwum", "en": "about"},
    "tags": {"pl": "tematy", "en": "topics"},
}

# Pelican's PAGINATION_PATTERNS put page 2 of `<url>` at `<url>page/2/`: under a year's URL an
# article with this slug would take the address of that year's second page, as a topic would the topic
# index's (both refused: schema, `tag_problem`).
PAGINATION_FOLDER = "page"


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


def year_url(year: int, lang: str) -> str:
    """`pl/2025/`: every article of the year; its articles sit below it (`pl/2025/<slug>/`)."""
    return f"{lang}/{year:04d}/"


# Anchors the site's own pages use (a timeline event's id may take none of them: archive_core.events).
YEAR_ANCHOR_PREFIX = "year-"
ARTICLE_ANCHOR_PREFIX = "article-"


def month_anchor(month: int, continued_on: int | None = None) -> str:
    """The month's section on its year page: `m-03`; where it continues on a later page of the year, `m-03-2`."""
    return f"m-{month:02d}" if continued_on is None else f"m-{month:02d}-{continued_on}"


def year_anchor(year: int) -> str:
    """A year in the list of years on the timeline's first page: `year-2025`."""
    return f"{YEAR_ANCHOR_PREFIX}{year}"


def article_anchor(translation_key: str) -> str:
    """An article's entry on the timeline: `article-<translation_key>`."""
    return f"{ARTICLE_ANCHOR_PREFIX}{translation_key}"


@cache  # a build asks for each article's tags several times; slugify is slow by comparison
def tag_slug(tag: str) -> str:
    """One address per tag whatever its case and diacritics: `Prawa człowieka`, `prawa czlowieka`: `prawa-czlowieka`."""
    return slugify(tag)


# A topic's slug is a folder name (`en/topics/<slug>/`): as short as an article's slug (schema.SLUG_MAX_LENGTH),
# so that every file system holds it (255 bytes at most, less on some) and it is never cut short (two topics
# would share a page).
TAG_SLUG_MAX_LENGTH = 80


def tag_problem(tag: str) -> tuple[str, str] | None:
    """What makes `tag` no topic: (message, hint); None when its slug can be the topic page's address."""
    slug = tag_slug(tag)
    if not slug:
        return f"{tag!r} has no letters or digits for the topic page's address", "name the topic in words"
    if slug == PAGINATION_FOLDER:
        pages = ", ".join(f"/{section_url('tags', lang)}{slug}/2/" for lang in SECTIONS["tags"])
        return (
            f"{tag!r} is the address of the topic index's next pages ({pages})",
            "name the topic in other words",
        )
    if len(slug) > TAG_SLUG_MAX_LENGTH:
        shown = tag if len(tag) <= 40 else f"{tag[:40]}..."
        return (
            f"{shown!r} makes a topic page's address of {len(slug)} characters, more than {TAG_SLUG_MAX_LENGTH}",
            "name the topic in fewer words",
        )
    if unheld := portable_name_problem(slug):  # the folder of the topic's page: en/topics/<slug>/
        return f"{tag!r} names the folder of the topic's page, which {unheld}", "name the topic in other words"
    return None


def tag_url(slug: str, lang: str) -> str:
    """`pl/tematy/prawa-czlowieka/`, `en/topics/human-rights/`."""
    return f"{section_url('tags', lang)}{slug}/"


def save_as(url: str) -> str:
    """The output file for a directory-style URL: `pl/kraje/` -> `pl/kraje/index.html`."""
    return f"{url}index.html" if url.endswith("/") else url


def page_url(output_file: str) -> str:
    """The URL a static host serves `output_file` at (the inverse of `save_as`): `pl/x/index.html` -> `pl/x/`."""
    if output_file == "index.html" or output_file.endswith("/index.html"):
        return output_file.removesuffix("index.html")
    return output_file
