"""A record's instrument (`instrument:` in countries.yaml): how the country became bound, as the depositary lists
it in one column apart from the signature, "Ratification, Acceptance (A), Approval (AA), Accession (a)"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from archive_core.data import Checks
from archive_core.provenance import Citation, Fields
from archive_core.suggestions import meant_hint

RATIFICATION, ACCEPTANCE, APPROVAL, ACCESSION = "ratification", "acceptance", "approval", "accession"
KINDS = (RATIFICATION, ACCEPTANCE, APPROVAL, ACCESSION)
KEYS = frozenset({"kind", "date", "sources"})
EXAMPLE = "instrument: {kind: ratification, date: YYYY-MM-DD}"


@dataclass(frozen=True)
class Instrument:
    kind: str
    date: date
    sources: tuple[Citation, ...] = ()

    @property
    def follows_signature(self) -> bool:
        """Ratification, acceptance and approval confirm a signature; an accession is made without one."""
        return self.kind != ACCESSION

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "date": self.date.isoformat(),
            "sources": [source.as_dict() for source in self.sources],
        }


def read_instrument(fields: Fields, value: Any, today: date) -> Instrument:
    """The `instrument:` mapping, every problem of it told at once (ContentError)."""
    if not isinstance(value, dict):
        raise fields.fail(["instrument"], "is not a mapping", f"write `{EXAMPLE}`")
    checks = Checks()
    checks.unknown_keys(fields, value, KEYS, where=["instrument"])
    kind = value.get("kind")
    if kind is None:
        checks.add(fields.fail(["instrument", "kind"], "is missing", f"one of: {', '.join(KINDS)}"))
    elif kind not in KINDS:
        message = f"must be one of {', '.join(KINDS)}, not {fields.quoted(['instrument', 'kind'], kind)}"
        checks.add(fields.fail(["instrument", "kind"], message, meant_hint(kind, KINDS)))
    when = checks.attempt(fields.day, ["instrument", "date"], value.get("date"), today)
    sources = checks.attempt(fields.citations, ["instrument", "sources"], value.get("sources"), today)
    checks.done()  # a date or sources not read were told
    assert when is not None and sources is not None
    return Instrument(kind, when, sources)
