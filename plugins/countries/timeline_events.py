"""The timeline events that involve a country, as the timeline plugin reads them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from archive_core.events import Event, load_events
from archive_core.urls import section_url
from archive_core.when import date_text


@dataclass(frozen=True)
class CountryEvent:
    iso: str  # the (first) day, for <time datetime>
    when: str  # `25–26 października 2025`
    title: str
    url: str  # the timeline page, at the event's anchor


def load_dated_events(content_dir: Path, article_keys: Iterable[str]) -> list[Event]:
    """The dated events; the timeline plugin reports any problem in the files, so here they are skipped."""
    events, _problems = load_events(content_dir, article_keys)
    return [event for event in events if event.when is not None]


def events_by_country(events: Iterable[Event], lang: str) -> dict[str, list[CountryEvent]]:
    found: dict[str, list[CountryEvent]] = defaultdict(list)
    for event in sorted(events, key=lambda e: (e.when.start, e.id)):
        text = date_text(event.when, lang)
        entry = CountryEvent(
            iso=event.when.start.isoformat(),
            when=f"{text.start}{text.separator}{text.end or ''}",
            title=event.title[lang],
            url=f"{section_url('timeline', lang)}#{event.id}",
        )
        for code in event.countries:
            found[code].append(entry)
    return found
