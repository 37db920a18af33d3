"""Invariants of the real curated data: what holds for any valid archive, whatever its records say."""

from __future__ import annotations

from datetime import date

from archive_core.checks import check_event_figures
from archive_core.snapshot import take

from .conftest import CONTENT


def test_the_real_content_has_no_errors():
    assert take(CONTENT).errors == []  # warnings are for editors (a publisher taken from the table, ...)


def test_every_record_cites_pages_with_publisher_and_access_date():
    data = take(CONTENT).countries
    for code, record in data.records.items():
        assert record.status == "unknown" or record.sources, code
        for source in record.sources:
            assert source.publisher and source.accessed and source.archive_url, (code, source.url)
        assert record.verified or record.note, code
    for person in data.people:
        if person.official_name or person.official_role:
            assert person.sources and all(s.publisher and s.accessed for s in person.sources), person.name


def test_every_timeline_source_has_its_provenance():
    for event in take(CONTENT).events:
        for source in event.sources:
            assert source.publisher and source.accessed, (event.id, source.url)
        assert event.verified or event.note, event.id


def test_the_counts_agree_with_the_depositary_s():
    snapshot = take(CONTENT)
    convention = snapshot.countries.convention
    assert convention is not None and convention.as_of <= date.today()
    assert check_event_figures(snapshot) == []
    summary = snapshot.countries.summary
    assert summary.hanoi_listed <= convention.hanoi_total
    assert len(summary.confirmed_hanoi) + summary.hanoi_unconfirmed == convention.hanoi_total
