"""Which page of a language's timeline shows an event.

The timeline lists its events, oldest first and then the upcoming ones, in pages of
`PAGINATED_TEMPLATES["timeline"]` events (one page when the template is not paginated), as
Pelican's paginator splits them; every link to an event (country pages, the corrections log,
articles, the JSON export) goes to the page that shows it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .events import Event
from .urls import section_url

TEMPLATE = "timeline"


def events_per_page(settings: Mapping[str, Any]) -> int | None:
    """How many events a page of the timeline shows; None: all of them on one page."""
    paginated = settings.get("PAGINATED_TEMPLATES") or {}
    if TEMPLATE not in paginated:
        return None
    return paginated[TEMPLATE] or settings.get("DEFAULT_PAGINATION") or None


def in_page_order(events: Iterable[Event]) -> list[Event]:
    """The events as the timeline's pages list them: dated ones oldest first, then the upcoming ones by id."""
    events = list(events)
    dated = sorted((e for e in events if e.when is not None), key=lambda e: (*e.when.sort_key, e.id))
    return [*dated, *sorted((e for e in events if e.when is None), key=lambda e: e.id)]


def page_numbers(event_ids: Iterable[str], per_page: int | None) -> dict[str, int]:
    """{event id: the number of the page that shows it}, for ids in page order."""
    return {event_id: 1 if not per_page else index // per_page + 1 for index, event_id in enumerate(event_ids)}


def page_url(lang: str, number: int) -> str:
    """`pl/os-czasu/`, then `pl/os-czasu/page/2/` (PAGINATION_PATTERNS)."""
    first = section_url(TEMPLATE, lang)
    return first if number == 1 else f"{first}page/{number}/"


class EventPages:
    """Where each event is shown, for one build: `url(event_id, lang)` is its page and anchor."""

    def __init__(self, events: Iterable[Event], per_page: int | None) -> None:
        self.numbers = page_numbers((event.id for event in in_page_order(events)), per_page)

    def url(self, event_id: str, lang: str) -> str:
        return f"{page_url(lang, self.numbers.get(event_id, 1))}#{event_id}"
