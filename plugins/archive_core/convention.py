"""The convention's own figures (content/data/convention.yaml): the one place every count of signatures comes from.

as_of: 2026-11-29            # the day the country statuses were last checked against their sources
hanoi_signatures:            # as the depositary records them
  total: 72
  states: 71
  organisations: 1
sources: [...]               # provenance mappings, see archive_core.provenance
entry_into_force:            # optional: what entry into force needs (article 65(1))
  instruments: 40            # of ratification, acceptance, approval or accession
  sources: [...]
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from . import paths
from .data import Checks, DataFile, load_data, telling_yaml_problems
from .errors import ContentError, Problem
from .layout import CONVENTION_FILE
from .provenance import Citation, Fields

KEYS = frozenset({"as_of", "hanoi_signatures", "sources", "entry_into_force"})
COUNT_KEYS = ("total", "states", "organisations")
ENTRY_INTO_FORCE_KEYS = ("instruments", "sources")
# More than could ever sign or ratify (the UN's member and observer states, and the regional organisations
# Article 64 admits, are under 250): a larger count is a slip of the keyboard, shown on every country page.
MAX_PARTIES = 250


@dataclass(frozen=True)
class Convention:
    as_of: date
    hanoi_total: int
    hanoi_states: int
    hanoi_organisations: int
    sources: tuple[Citation, ...]
    instruments_needed: int | None = None  # for entry into force
    entry_into_force_sources: tuple[Citation, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "hanoi_signatures": {
                "total": self.hanoi_total,
                "states": self.hanoi_states,
                "organisations": self.hanoi_organisations,
            },
            "sources": [source.as_dict() for source in self.sources],
            "entry_into_force": None
            if self.instruments_needed is None
            else {
                "instruments": self.instruments_needed,
                "sources": [source.as_dict() for source in self.entry_into_force_sources],
            },
        }


@telling_yaml_problems
def load_convention(content_dir: Path, today: date | None = None) -> tuple[Convention | None, list[Problem]]:
    """The figures, or None when the archive keeps none (a content folder without the file)."""
    path = Path(content_dir) / CONVENTION_FILE
    if not paths.named_as_written(content_dir, path):  # as a Linux server finds it, in these capitals
        return None, []
    try:
        data_file = load_data(path, content_dir)
        return parse_convention(data_file, today or date.today()), []
    except ContentError as exc:
        return None, list(exc.problems)


def parse_convention(data_file: DataFile, today: date) -> Convention:
    """The figures; ContentError with every problem of the file."""
    fields = Fields(data_file, [])  # its fields named from the file's top, as it writes them: `as_of`
    data = data_file.data
    if not isinstance(data, dict):
        raise fields.fail([], "must be a mapping", "as_of:, hanoi_signatures:, sources:")
    checks = Checks()
    checks.unknown_keys(fields, data, KEYS)
    numbers = checks.attempt(_counts, fields, data.get("hanoi_signatures"))
    sources = checks.attempt(fields.citations, ["sources"], data.get("sources"), today)
    if sources is not None and not sources:
        checks.add(fields.fail(["sources"], "the figures need a source", "the depositary's status page"))
    needed = checks.attempt(_entry_into_force, fields, data.get("entry_into_force"), today)
    as_of = checks.attempt(fields.day, ["as_of"], data.get("as_of"), today)
    checks.done()
    return Convention(
        as_of=as_of,
        hanoi_total=numbers["total"],
        hanoi_states=numbers["states"],
        hanoi_organisations=numbers["organisations"],
        sources=sources,
        instruments_needed=needed[0],
        entry_into_force_sources=needed[1],
    )


def _counts(fields: Fields, counts: Any) -> dict[str, int]:
    if not isinstance(counts, dict):
        raise fields.fail(
            ["hanoi_signatures"], "is missing", "hanoi_signatures: {total: N, states: N, organisations: N}"
        )
    checks, numbers = Checks(), {}
    checks.unknown_keys(fields, counts, COUNT_KEYS, where=["hanoi_signatures"])
    for key in COUNT_KEYS:
        value = counts.get(key)
        if value is None and key not in counts:
            checks.add(fields.fail(["hanoi_signatures", key], "is missing", f"add `{key}: N` under it: {COUNT_HINT}"))
        elif isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_PARTIES:
            hint, where = _count_hint(key, value, range(MAX_PARTIES + 1)), ["hanoi_signatures", key]
            checks.add(fields.fail(where, f"{fields.quoted(where, value)} is not a count", hint))
        numbers[key] = value
    checks.done()  # the sum is checked of counts only
    if numbers["states"] + numbers["organisations"] != numbers["total"]:
        raise fields.fail(
            ["hanoi_signatures", "total"],
            f"{numbers['total']} is not states ({numbers['states']}) plus organisations ({numbers['organisations']})",
            "the depositary's total counts both",
        )
    return numbers


COUNT_HINT = f"a whole number, at most {MAX_PARTIES}, as the depositary gives it"


def _count_hint(key: str, value: Any, counts: range) -> str:
    """COUNT_HINT; for a count YAML reads as text or as a fraction (`"4"`, `4.0`), what to write instead."""
    text = value.strip() if isinstance(value, str) else repr(value) if isinstance(value, float) else ""
    number = text.removesuffix(".0")
    # A count has few digits: int() refuses a text of thousands (ValueError), which YAML reads as any other.
    if not (number.isascii() and number.isdecimal() and len(number) <= len(str(counts.stop))):
        return COUNT_HINT
    if int(number) not in counts:
        return COUNT_HINT
    written = "drop the quotes" if isinstance(value, str) else "write it without the fraction"
    return f"{written}: `{key}: {int(number)}`; {COUNT_HINT}"


def _entry_into_force(fields: Fields, data: Any, today: date) -> tuple[int | None, tuple[Citation, ...]]:
    if data is None:
        return None, ()
    shape = "entry_into_force: {instruments: 40, sources: [...]}"
    if not isinstance(data, dict):
        raise fields.fail(["entry_into_force"], "must have `instruments` and `sources`", shape)
    checks, needed = Checks(), data.get("instruments")
    checks.unknown_keys(fields, data, ENTRY_INTO_FORCE_KEYS, where=["entry_into_force"])
    for key in (key for key in ENTRY_INTO_FORCE_KEYS if data.get(key) is None):
        checks.add(fields.fail(["entry_into_force", key], "is missing", shape))
    counts = range(1, MAX_PARTIES + 1)
    if needed is not None and (isinstance(needed, bool) or not isinstance(needed, int) or needed not in counts):
        hint, where = _count_hint("instruments", needed, counts), ["entry_into_force", "instruments"]
        checks.add(fields.fail(where, f"{fields.quoted(where, needed)} is not a count", hint))
    cited = data.get("sources")
    sources = (
        checks.attempt(fields.citations, ["entry_into_force", "sources"], cited, today) if cited is not None else None
    )
    if sources is not None and not sources:
        checks.add(fields.fail(["entry_into_force", "sources"], "the figure needs a source", "the convention's text"))
    checks.done()
    return needed, sources
