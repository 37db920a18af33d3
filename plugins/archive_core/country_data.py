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
from .data import telling_yaml_problems
from .people import Person, load_people


@dataclass(frozen=True)
class CountryData:
    records: dict[str, CountryRecord] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    convention: Convention | None = None

    @property
    def summary(self) -> StatusSummary:
        return summarize(self.records.values(), self.convention)


@telling_yaml_problems
def load_country_data(
    content_dir: Path, article_keys: Collection[str] | None, today: date | None = None
) -> tuple[CountryData, list[Problem]]:
    records, problems = load_records(content_dir, today)
    people, people_problems = load_people(content_dir, article_keys)
    convention, convention_problems = load_convention(content_dir, today)
    return CountryData(records, people, convention), [*problems, *people_problems, *convention_problems]


def check_counts(
    content_dir: Path, data: CountryData, count_line: Callable[[str], int | None] = lambda key: None
) -> list[Problem]:
    """The records never list more signatures at Hanoi than the depositary counts (fewer is explained on the page):
    in all, of states, of organisations. Told at the count in convention.yaml (`count_line` gives the line of its
    key: total, states, organisations), naming the records, which are spread over countries.yaml: it was told at no
    line."""
    if data.convention is None:
        return []
    summary, convention = data.summary, data.convention
    hanoi = (*summary.confirmed_hanoi, *summary.reported_hanoi)
    organisations = [code for code in hanoi if code in ORGANISATIONS]
    states = [code for code in hanoi if code not in ORGANISATIONS]
    counts = (
        ("total", "", hanoi, convention.hanoi_total),
        ("states", " of states", states, convention.hanoi_states),
        ("organisations", " of organisations", organisations, convention.hanoi_organisations),
    )
    return [
        Problem(
            str(Path(content_dir) / CONVENTION_FILE),
            count_line(key),
            f"hanoi_signatures.{key}",
            f"{len(listed)} records are signatures{which} in Hanoi in {COUNTRIES_FILE} "
            f"({', '.join(sorted(listed))}), but the depositary's count here gives them as {counted}",
            "check the records against the depositary's list, or update the count and its source",
        )
        for key, which, listed, counted in counts
        if len(listed) > counted
    ][:1]  # the first that is over: a total over the count is over in states or organisations too
