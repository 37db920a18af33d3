"""Invariants of the real curated data: what holds for any valid archive, whatever its records say, on content/
as it is and with an event added as CONTRIBUTING.md allows one (its source a bare address, which the pages show
without publisher or access date)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from archive_core.checks import check_event_figures
from archive_core.snapshot import take

from .conftest import CONTENT

BARE_SOURCE_EVENT = """\
id: growth-bare-source
kind: negotiation-session
date: 2024-03-05
title:
  pl: Spotkanie delegacji
  en: A meeting of delegations
description:
  pl: Delegacje omawiają projekt konwencji.
  en: Delegations discuss the draft convention.
sources:
  - https://example.org/growth/bare-source
"""


@pytest.fixture(scope="module", params=["real", "grown"])
def curated(request, tmp_path_factory) -> Path:
    if request.param == "real":
        return CONTENT
    content = tmp_path_factory.mktemp("curated") / "content"
    shutil.copytree(CONTENT, content)
    (content / "data" / "timeline" / "growth-bare-source.yaml").write_text(BARE_SOURCE_EVENT, encoding="utf-8")
    return content


def test_the_content_has_no_errors(curated):
    assert take(curated).errors == []  # warnings are for editors (a publisher taken from the table, ...)


def test_every_record_is_sourced_or_says_why_not(curated):
    data = take(curated).countries
    for code, record in data.records.items():
        assert record.status == "unknown" or record.sources, code
        for source in record.sources:
            assert source.wayback_lookup or not source.accessed, (code, source.url)  # a lookup as of when it was read
        assert record.verified or record.note, code
    for person in data.people:
        if person.official_name or person.official_role:
            assert person.sources, person.name


def test_every_timeline_event_is_sourced_or_says_why_not(curated):
    for event in take(curated).events:
        assert event.sources, event.id
        for source in event.sources:
            assert source.wayback_lookup or not source.accessed, (event.id, source.url)
        assert event.verified or event.note, event.id


def test_the_counts_agree_with_the_depositary_s(curated):
    snapshot = take(curated)
    convention = snapshot.countries.convention
    assert convention is not None and convention.as_of <= date.today()
    assert check_event_figures(snapshot) == []
    summary = snapshot.countries.summary
    assert summary.hanoi_listed <= convention.hanoi_total
    assert len(summary.confirmed_hanoi) + summary.hanoi_unconfirmed == convention.hanoi_total
