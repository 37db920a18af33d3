"""The theme's catalogs (`archive_core.i18n`) and localized dates, exposed to Jinja.

Every template sets `page_lang`; `_()` and the date filters read it from the
template context, so pages in both languages come out of one Jinja
environment in one build.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from archive_core.i18n import translations
from archive_core.locales import (
    LANGUAGES,
    day_search_words,
    held_date,
    language_name,
    local_number,
    long_date,
    month_names,
    other_language_attribute,
)
from archive_core.shown_addresses import shows_its_address
from archive_core.text import title_direction
from archive_core.urls import section_url

from .once import rendered_once


def page_lang(ctx: Context) -> str:
    lang = ctx.get("page_lang")
    if lang not in LANGUAGES:
        raise ValueError(f"template {ctx.name!r} renders without a valid `page_lang` (got {lang!r})")
    return lang


def translated_once(catalogs: dict) -> Callable[..., str]:
    """`_()` and `gettext()` of the templates, as Jinja's newstyle gettext makes them (`jinja2.ext`), but called
    by the template itself and each string made once per language.

    A page calls `_()` 20-30 times; through Jinja's alias and newstyle wrapper each call was three
    `Context.call`s, a catalog lookup, a `Markup` and a formatting: a tenth of a country page's
    rendering (docs/performance.md). The result is the same: the translation, `Markup` under autoescape, then
    formatted with the call's values (always, as Jinja does: `%%` is `%`). With values it is made again each call.
    """
    made: dict[tuple[str, str, bool], str] = {}

    def newstyle(lang: str, message: str, autoescape: bool, variables: dict) -> str:
        text = catalogs[lang].gettext(message)
        return (Markup(text) if autoescape else text) % variables  # noqa: S704 (the theme's catalog, as Jinja marks it)

    @pass_context
    def gettext(ctx: Context, message: str, /, **variables) -> str:
        lang, autoescape = page_lang(ctx), ctx.eval_ctx.autoescape
        if variables:
            return newstyle(lang, message, autoescape, variables)
        key = (lang, message, autoescape)
        if (text := made.get(key)) is None:
            text = made[key] = newstyle(lang, message, autoescape, {})
        return text

    return gettext


def install(env: Environment, settings: dict) -> None:
    translations_dir = Path(settings["THEME"]) / "translations"
    catalogs = {lang: translations(translations_dir, lang) for lang in LANGUAGES}

    @pass_context
    def gettext(ctx: Context, message: str) -> str:
        return catalogs[page_lang(ctx)].gettext(message)

    @pass_context
    def ngettext(ctx: Context, singular: str, plural: str, n: int) -> str:
        """The form for `n`, with `n` written as the language writes numbers (`1,234 articles`); Jinja then fills
        in the other values."""
        lang = page_lang(ctx)
        return catalogs[lang].ngettext(singular, plural, n).replace("%(num)s", local_number(n, lang))

    @pass_context
    def localdate(ctx: Context, value: date | datetime) -> str:
        return long_date(value, page_lang(ctx))

    @pass_context
    def localnumber(ctx: Context, value: int) -> str:
        """A count as the page's language writes it: `1,234` in English, `1234` and `12 345` in Polish."""
        return local_number(value, page_lang(ctx))

    @pass_context
    def localdaywords(ctx: Context, days: Iterable[date]) -> str:
        """`d8082024 d08082024 d882024 d20240808`: the words of `day_search_words` of each day, for the search index."""
        return " ".join(word for day in days for word in day_search_words(day, page_lang(ctx)))

    @pass_context
    def localmonthnames(ctx: Context, months: Iterable[int]) -> str:
        """`grudzień grudnia`: every name of each month (1-12) in the page's language, for the search index."""
        return " ".join(name for month in months for name in month_names(month, page_lang(ctx)))

    @pass_context
    def language_label(ctx: Context, lang: str) -> str:
        """The name of `lang` in the page's language: `angielski`."""
        return language_name(lang, page_lang(ctx))

    @pass_context
    def in_lang(ctx: Context, lang: str | None) -> Markup:
        """`<span{{ source.lang|in_lang }}>`: ` lang="en"` on a Polish page, nothing on an English one or where the
        language is not known. Every part of a page in another language is marked so (WCAG 3.1.2)."""
        return Markup(other_language_attribute(lang, page_lang(ctx)))  # noqa: S704 (a checked language tag)

    @pass_context
    def page_section_url(ctx: Context, section: str) -> str:
        """`section_url("countries")` -> `pl/kraje/` on a Polish page."""
        return section_url(section, page_lang(ctx))

    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.globals["_"] = env.globals["gettext"] = translated_once(catalogs)
    env.globals["section_url"] = page_section_url
    env.globals["rendered_once"] = rendered_once()
    env.filters["localdate"] = localdate
    env.filters["localnumber"] = localnumber
    env.filters["daywords"] = localdaywords
    env.filters["helddate"] = held_date
    env.filters["monthnames"] = localmonthnames
    env.filters["isodate"] = lambda value: (
        value.date().isoformat() if isinstance(value, datetime) else value.isoformat()
    )
    env.filters["language_label"] = language_label
    env.filters["in_lang"] = in_lang
    env.filters["autonym"] = lambda lang: language_name(lang, lang)
    env.filters["title_dir"] = title_direction
    # `{% if text is shows_address(url) %}`: a link's text that is its address, printed once (site.css).
    env.tests["shows_address"] = shows_its_address
