"""All curated country data of a content folder, checked as one (see `snapshot`)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from archive_core.errors import Problem

from .convention import CONVENTION_FILE, Convention, load_convention
from .country_records import COUNTRIES_FILE, CountryRecord, load_records
from .country_summary import ORGANISATIONS, StatusSummary, summarize
from .people import Person, load_people


@dataclass(frozen=True)
class CountryData:
    records: dict[str, CountryRecord] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    convention: Convention | None = None

    @property
    def summary(self) -> StatusSummary:
        return summarize(self.records.values(), self.convention)


def load_country_data(
    content_dir: Path, article_keys: Collection[str] | None, today: date | None = None
) -> tuple[CountryData, list[Problem]]:
    records, problems = load_records(content_dir, today)
    people, people_problems = load_people(content_dir, article_keys)
    convention, convention_problems = load_convention(content_dir, today)
    return CountryData(records, people, convention), [*problems, *people_problems, *convention_problems]


def check_counts(
    content_dir: Path, data: CountryData, place_line: Callable[[str], int | None] = lambda code: None
) -> list[Problem]:
    """The records never list more signatures at Hanoi than the depositary counts (fewer is explained on the page):
    in all, of states, of organisations. Told at the `place:` of the last such record in the file (`place_line`
    gives the line of a code's), the likeliest to be the one just added: it was told at no line."""
    if data.convention is None:
        return []
    summary, convention = data.summary, data.convention
    hanoi = (*summary.confirmed_hanoi, *summary.reported_hanoi)
    organisations = sum(code in ORGANISATIONS for code in hanoi)
    counts = (
        ("", len(hanoi), convention.hanoi_total),
        (" of states", len(hanoi) - organisations, convention.hanoi_states),
        (" of organisations", organisations, convention.hanoi_organisations),
    )
    placed = [(line, code) for code in hanoi if (line := place_line(code)) is not None]
    line, code = max(placed, default=(None, None))
    return [
        Problem(
            str(Path(content_dir) / COUNTRIES_FILE),
            line,
            f"{code}.place" if code else "place",
            f"{listed} records are signatures{which} in Hanoi, but {CONVENTION_FILE} gives the depositary's count "
            f"as {counted}",
            "check the records against the depositary's list, or update the count and its source",
        )
        for which, listed, counted in counts
        if listed > counted
    ][:1]  # the first that is over: a total over the count is over in states or organisations too
