"""Compile the theme's .po catalogs with Babel and expose them to Jinja.

Every template sets `page_lang`; `_()` and the date filters read it from the
template context, so pages in both languages come out of one Jinja
environment in one build.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from functools import cache
from gettext import GNUTranslations
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from jinja2 import Environment, pass_context
from jinja2.runtime import Context

from archive_core.locales import LANGUAGES, language_name, long_date
from archive_core.urls import section_url

DOMAIN = "messages"


def catalog_path(translations_dir: Path, lang: str) -> Path:
    return translations_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def _compiled(po_path: Path, mtime_ns: int) -> GNUTranslations:
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=po_path.parts[-3])
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return GNUTranslations(buffer)


def translations(translations_dir: Path, lang: str) -> GNUTranslations:
    path = catalog_path(translations_dir, lang)
    return _compiled(path, path.stat().st_mtime_ns)


def page_lang(ctx: Context) -> str:
    lang = ctx.get("page_lang")
    if lang not in LANGUAGES:
        raise ValueError(f"template {ctx.name!r} renders without a valid `page_lang` (got {lang!r})")
    return lang


def install(env: Environment, settings: dict) -> None:
    translations_dir = Path(settings["THEME"]) / "translations"
    catalogs = {lang: translations(translations_dir, lang) for lang in LANGUAGES}

    @pass_context
    def gettext(ctx: Context, message: str) -> str:
        return catalogs[page_lang(ctx)].gettext(message)

    @pass_context
    def ngettext(ctx: Context, singular: str, plural: str, n: int) -> str:
        return catalogs[page_lang(ctx)].ngettext(singular, plural, n)

    @pass_context
    def localdate(ctx: Context, value: date | datetime) -> str:
        return long_date(value, page_lang(ctx))

    @pass_context
    def language_label(ctx: Context, lang: str) -> str:
        """The name of `lang` in the page's language: `angielski`."""
        return language_name(lang, page_lang(ctx))

    @pass_context
    def page_section_url(ctx: Context, section: str) -> str:
        """`section_url("countries")` -> `pl/kraje/` on a Polish page."""
        return section_url(section, page_lang(ctx))

    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.globals["section_url"] = page_section_url
    env.filters["localdate"] = localdate
    env.filters["isodate"] = lambda value: (
        value.date().isoformat() if isinstance(value, datetime) else value.isoformat()
    )
    env.filters["language_label"] = language_label
    env.filters["autonym"] = lambda lang: language_name(lang, lang)
