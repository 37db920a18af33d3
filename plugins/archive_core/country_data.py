"""All curated country data of a content folder, checked as one (see `snapshot`)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from archive_core.errors import Problem

from .country_records import CountryRecord, load_records
from .people import Person, load_people


@dataclass(frozen=True)
class CountryData:
    records: dict[str, CountryRecord] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)


def load_country_data(
    content_dir: Path, article_keys: Collection[str] | None, today: date | None = None
) -> tuple[CountryData, list[Problem]]:
    records, problems = load_records(content_dir, today)
    people, people_problems = load_people(content_dir, article_keys)
    return CountryData(records, people), [*problems, *people_problems]
