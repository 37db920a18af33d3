"""How many signatories the archive lists, against the depositary's count: the figures the country index states."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .convention import Convention
from .country_records import NOT_SIGNED, RATIFIED, CountryRecord
from .provenance import Citation

ORGANISATIONS = frozenset({"EU"})  # regional economic integration organisations among the records


@dataclass(frozen=True)
class StatusSummary:
    as_of: date | None
    un_hanoi_total: int | None  # the depositary's count at Hanoi (states and organisations)
    un_hanoi_states: int | None
    un_sources: tuple[Citation, ...]
    confirmed: tuple[str, ...]  # codes of confirmed signatories, anywhere
    confirmed_hanoi: tuple[str, ...]
    confirmed_new_york: tuple[str, ...]
    reported_hanoi: tuple[str, ...]  # signatures at Hanoi only the press reports (`verified: false`)
    not_signed: tuple[str, ...]
    ratified: tuple[str, ...] = ()  # confirmed ratifications (and acceptances, approvals, accessions)
    instruments_needed: int | None = None  # for entry into force (convention.yaml)
    entry_into_force_sources: tuple[Citation, ...] = ()

    @property
    def hanoi_listed(self) -> int:
        """Signatures at Hanoi the archive lists, confirmed or reported."""
        return len(self.confirmed_hanoi) + len(self.reported_hanoi)

    @property
    def hanoi_unconfirmed(self) -> int | None:
        """How many of the depositary's Hanoi signatures the archive has not confirmed (reported or missing)."""
        if self.un_hanoi_total is None:
            return None
        return self.un_hanoi_total - len(self.confirmed_hanoi)

    @property
    def hanoi_missing(self) -> int | None:
        """How many of the depositary's Hanoi signatures the archive does not list at all."""
        if self.un_hanoi_total is None:
            return None
        return max(self.un_hanoi_total - self.hanoi_listed, 0)

    def as_dict(self) -> dict:
        return {
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "depositary_hanoi_signatures": self.un_hanoi_total,
            "confirmed_signatories": len(self.confirmed),
            "confirmed_at_hanoi": len(self.confirmed_hanoi),
            "confirmed_at_new_york": len(self.confirmed_new_york),
            "reported_at_hanoi_not_confirmed": list(self.reported_hanoi),
            "hanoi_signatures_not_listed": self.hanoi_missing,
            "not_signed": len(self.not_signed),
            "confirmed_ratifications": len(self.ratified),
            "instruments_needed_for_entry_into_force": self.instruments_needed,
        }


def summarize(records: Iterable[CountryRecord], convention: Convention | None) -> StatusSummary:
    records = sorted(records, key=lambda record: record.code)
    signed = [record for record in records if record.has_signature]  # ratified since or not
    return StatusSummary(
        as_of=convention.as_of if convention else None,
        un_hanoi_total=convention.hanoi_total if convention else None,
        un_hanoi_states=convention.hanoi_states if convention else None,
        un_sources=convention.sources if convention else (),
        confirmed=tuple(r.code for r in records if r.is_signatory),
        confirmed_hanoi=tuple(r.code for r in signed if r.verified and r.place == "hanoi"),
        confirmed_new_york=tuple(r.code for r in signed if r.verified and r.place == "new-york"),
        reported_hanoi=tuple(r.code for r in signed if not r.verified and r.place == "hanoi"),
        not_signed=tuple(r.code for r in records if r.status == NOT_SIGNED),
        # Article 65(1): an instrument of any kind counts (ratification, acceptance, approval or accession); an
        # organisation's does not count in addition to its members'.
        ratified=tuple(r.code for r in records if r.status == RATIFIED and r.verified and r.code not in ORGANISATIONS),
        instruments_needed=convention.instruments_needed if convention else None,
        entry_into_force_sources=convention.entry_into_force_sources if convention else (),
    )
