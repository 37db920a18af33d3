"""The timeline events that involve a country (from the content snapshot)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from archive_core.events import Event
from archive_core.timeline_pages import EventPages
from archive_core.when import TimeRef, date_text, time_refs


@dataclass(frozen=True)
class CountryEvent:
    times: tuple[TimeRef, ...]  # its start and end, at the precision of its date
    separator: str  # between the two: `25–26 października 2025`
    title: str
    url: str  # the timeline page, at the event's anchor


def events_by_country(events: Iterable[Event], lang: str, pages: EventPages) -> dict[str, list[CountryEvent]]:
    """The dated events of each country, oldest first (upcoming events have no date, and are left out), each
    linked to the page of the timeline that shows it."""
    found: dict[str, list[CountryEvent]] = defaultdict(list)
    for event in sorted((e for e in events if e.when is not None), key=lambda e: (e.when.start, e.id)):
        text = date_text(event.when, lang)
        entry = CountryEvent(
            times=time_refs(event.when, text),
            separator=text.separator,
            title=event.title[lang],
            url=pages.url(event.id, lang),
        )
        for code in event.countries:
            found[code].append(entry)
    return found
