"""Invariants of the real curated data: what holds for any valid archive, whatever its records say."""

from __future__ import annotations

from datetime import date

from archive_core.convention import load_convention
from countries.dataset import article_translation_keys, load_country_data
from timeline.events import check_figures, load_events

from .conftest import CONTENT


def test_every_record_cites_pages_with_publisher_and_access_date():
    data, problems = load_country_data(CONTENT, article_translation_keys(CONTENT))
    assert problems == []
    for code, record in data.records.items():
        assert record.status == "unknown" or record.sources, code
        for source in record.sources:
            assert source.publisher and source.accessed and source.archive_url, (code, source.url)
        assert record.verified or record.note, code
    for person in data.people:
        if person.official_name or person.official_role:
            assert person.sources and all(s.publisher and s.accessed for s in person.sources), person.name


def test_every_timeline_source_has_its_provenance():
    events, problems = load_events(CONTENT, article_translation_keys(CONTENT))
    assert problems == []
    for event in events:
        for source in event.sources:
            assert source.publisher and source.accessed, (event.id, source.url)
        assert event.verified or event.note, event.id


def test_the_counts_agree_with_the_depositary_s():
    convention, problems = load_convention(CONTENT)
    assert problems == [] and convention is not None
    assert convention.as_of <= date.today()
    events, _ = load_events(CONTENT, article_translation_keys(CONTENT))
    assert check_figures(events, convention) == []
    assert any(event.figures for event in events)  # the timeline states the count, checked against it
    data, _ = load_country_data(CONTENT, None)
    summary = data.summary
    assert summary.hanoi_listed <= convention.hanoi_total
    assert len(summary.confirmed_hanoi) + summary.hanoi_unconfirmed == convention.hanoi_total
