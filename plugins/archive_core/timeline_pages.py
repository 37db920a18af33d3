"""Which page of a language's timeline shows an event: a page per year, so that an event's address never moves.

The timeline's first page (`pl/os-czasu/`) lists the years and what happens next (the events with no
date); each year with events has a page of its own (`pl/os-czasu/2025/`), its events oldest first.
Either is split into pages of `PAGINATED_TEMPLATES["timeline"]` events (one page when the template is
not paginated), as Pelican's paginator splits them (`pl/os-czasu/2025/page/2/`, `pl/os-czasu/page/2/`).
An event added to one year moves no event of another year; every link to an event (country pages, the
corrections log, articles, the JSON export) goes to the page that shows it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .events import Event
from .urls import section_url

TEMPLATE = "timeline"
YEAR_TEMPLATE = "timeline_year"  # paginated as TEMPLATE

Place = tuple[int | None, int]  # (the year's page, or None for the first page; the page's number in it)


def events_per_page(settings: Mapping[str, Any]) -> int | None:
    """How many events a page shows, of a year or of what happens next; None: all of them on one page."""
    paginated = settings.get("PAGINATED_TEMPLATES") or {}
    if TEMPLATE not in paginated:
        return None
    return paginated[TEMPLATE] or settings.get("DEFAULT_PAGINATION") or None


def in_page_order(events: Iterable[Event]) -> list[Event]:
    """The events as the timeline's pages list them: dated ones oldest first, then the upcoming ones by id."""
    events = list(events)
    dated = sorted((e for e in events if e.when is not None), key=lambda e: (*e.when.sort_key, e.id))
    return [*dated, *sorted((e for e in events if e.when is None), key=lambda e: e.id)]


def places(events: Iterable[tuple[str, int | None]], per_page: int | None) -> dict[str, Place]:
    """{event id: (year, page number)} for (id, year) pairs in page order (year None: what happens next)."""
    found: dict[str, Place] = {}
    shown: dict[int | None, int] = {}  # events placed so far in each year
    for event_id, year in events:
        index = shown.get(year, 0)
        shown[year] = index + 1
        found[event_id] = (year, 1 if not per_page else index // per_page + 1)
    return found


def page_url(lang: str, year: int | None = None, number: int = 1) -> str:
    """`pl/os-czasu/` (`page/2/`...: what happens next, continued), a year's `pl/os-czasu/2025/`, then
    `pl/os-czasu/2025/page/2/` (PAGINATION_PATTERNS)."""
    first = section_url(TEMPLATE, lang)
    page = first if year is None else f"{first}{year:04d}/"
    return page if number == 1 else f"{page}page/{number}/"


def place_url(lang: str, place: Place, anchor: str) -> str:
    return f"{page_url(lang, *place)}#{anchor}"


class EventPages:
    """Where each event is shown, for one build: `url(event_id, lang)` is its page and anchor."""

    def __init__(self, events: Iterable[Event], per_page: int | None) -> None:
        ordered = in_page_order(events)
        self.places = places(((e.id, e.when.start.year if e.when else None) for e in ordered), per_page)

    def url(self, event_id: str, lang: str) -> str:
        return place_url(lang, self.places.get(event_id, (None, 1)), event_id)
