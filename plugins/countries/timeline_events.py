"""The timeline events that involve a country, read from content/data/timeline/ when that folder exists.

The timeline plugin owns and validates those files; this module only picks
out, from each event, its date, its title in one language, its anchor and
the countries it involves, and leaves out anything it cannot read.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from archive_core.data import load_data
from archive_core.urls import section_url

TIMELINE_DIR = Path("data") / "timeline"


@dataclass(frozen=True)
class CountryEvent:
    when: date | str  # a full date, or the year/month as written
    title: str
    url: str  # the timeline page, at the event's anchor when it has one


def events_by_country(content_dir: Path, lang: str) -> dict[str, list[CountryEvent]]:
    folder = Path(content_dir) / TIMELINE_DIR
    found: dict[str, list[CountryEvent]] = defaultdict(list)
    if not folder.is_dir():
        return found
    for path in sorted(folder.rglob("*.y*ml")):
        data = load_data(path).data
        records = data.get("events", []) if isinstance(data, dict) else data if isinstance(data, list) else []
        for record in records:
            event = _event(record, lang) if isinstance(record, dict) else None
            if event is not None:
                for code in record.get("countries") or []:
                    found[code].append(event)
    for events in found.values():
        events.sort(key=lambda event: str(event.when))
    return found


def _event(record: dict[str, Any], lang: str) -> CountryEvent | None:
    when = record.get("date", record.get("start"))
    if isinstance(when, dict):
        when = when.get("start") or when.get("from")
    if isinstance(when, datetime):
        when = when.date()
    title = record.get("title")
    title = title.get(lang) if isinstance(title, dict) else record.get(f"title_{lang}")
    if when is None or not isinstance(title, str):
        return None
    anchor = record.get("id") or record.get("anchor") or record.get("slug")
    url = section_url("timeline", lang) + (f"#{anchor}" if isinstance(anchor, str) else "")
    return CountryEvent(when=when if isinstance(when, date) else str(when), title=title, url=url)
