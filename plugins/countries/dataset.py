"""All curated country data of a content folder, checked as one: what the build and `make check` read."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from archive_core import paths
from archive_core.errors import ContentError, Problem
from archive_core.frontmatter import load, read_text, split

from .people import Person, load_people
from .records import CountryRecord, load_records


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


def check_countries(content_dir: Path, today: date | None = None) -> list[Problem]:
    """Every problem in the country and people records, without building (for `make check`)."""
    _, problems = load_country_data(content_dir, article_translation_keys(content_dir), today)
    return problems


def article_translation_keys(content_dir: Path) -> set[str]:
    """The translation_keys of the articles that can be read; broken articles are reported elsewhere."""
    keys = set()
    for path in paths.list_files(content_dir, Path(content_dir) / "articles").files:
        if path.suffix != ".md":
            continue
        try:
            key = load(split(read_text(path, content_dir), path)).get("translation_key")
        except ContentError:
            continue
        if isinstance(key, str):
            keys.add(key)
    return keys
