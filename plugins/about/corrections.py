"""Every correction in the archive, newest first: what changed, where, when and why.

An article with no version in the page's language is there too, as on every listing (`listed_in`), in its own
language (`LoggedCorrection.lang`): its corrections are written in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from archive_core.countries import country_name
from archive_core.listing import listed_in
from archive_core.timeline_pages import EventPages
from archive_core.urls import country_url, section_url


@dataclass(frozen=True)
class LoggedCorrection:
    date: date
    label: str  # what was corrected: a country, an event, a person, an article
    url: str  # its page, site-relative
    change: str
    reason: str | None = None
    lang: str | None = None  # the language of label, change and reason, when not the page's


def _text(value: Any, lang: str) -> str | None:
    if value is None:
        return None
    return value.get(lang) if isinstance(value, dict) else value


def corrections_log(context: dict, lang: str, event_pages: EventPages) -> list[LoggedCorrection]:
    found: list[LoggedCorrection] = []
    for code, record in (context.get("country_records") or {}).items():
        for c in record.corrections:
            found.append(
                LoggedCorrection(
                    c.date, country_name(code, lang), country_url(code, lang), c.change[lang], _text(c.reason, lang)
                )
            )
    for person in context.get("country_people") or []:
        url = country_url(person.country, lang) if person.country else section_url("countries", lang)
        for c in person.corrections:
            found.append(LoggedCorrection(c.date, person.name[lang], url, c.change[lang], _text(c.reason, lang)))
    for event in context.get("timeline_events") or []:
        url = event_pages.url(event.id, lang)
        for c in event.corrections:
            found.append(LoggedCorrection(c.date, event.title[lang], url, c.change[lang], _text(c.reason, lang)))
    for article in listed_in(context.get("articles") or [], lang):
        other = article.lang if article.lang != lang else None
        for c in article.archive.corrections:
            found.append(LoggedCorrection(c.date, article.title, article.url, c.change, c.reason, other))
    return sorted(found, key=lambda c: (c.date, c.label), reverse=True)
