"""Event files: the seed data is clean; each kind of bad input is reported with file, line, record and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_core.events import load_events
from archive_core.snapshot import take

ROOT = Path(__file__).resolve().parents[3]

GOOD = """\
id: signing-hanoi
kind: signing
date:
  start: 2025-10-25
  end: 2025-10-26
title:
  pl: Ceremonia podpisania w Hanoi
  en: Signing ceremony in Hanoi
description:
  pl: Konwencja zostaje otwarta do podpisu.
  en: The convention opens for signature.
sources:
  - https://www.helpnetsecurity.com/2025/10/27/un-convention-against-cybercrime
countries: [VN]
articles: [hanoi-convention-signing-ceremony]
"""


@pytest.fixture
def content(tmp_path) -> Path:
    """A content folder with an empty event folder."""
    (tmp_path / "data" / "timeline").mkdir(parents=True)
    return tmp_path


def problems(content: Path) -> list[str]:
    """The problems of the events when the archive holds one article, `hanoi-convention-signing-ceremony`."""
    return [str(problem) for problem in load_events(content, {"hanoi-convention-signing-ceremony"})[1]]


def problems_for(content: Path, text: str, name: str = "signing-hanoi.yaml") -> list[str]:
    (content / "data" / "timeline" / name).write_text(text, encoding="utf-8")
    return problems(content)


def test_the_real_events_have_no_problems():
    snapshot = take(ROOT / "content")
    assert snapshot.data_problems == ()


def test_a_good_event_loads(content):
    (content / "data" / "timeline" / "signing-hanoi.yaml").write_text(GOOD)
    events, problems = load_events(content, {"hanoi-convention-signing-ceremony"})
    assert problems == []
    [event] = events
    assert (event.id, event.kind, event.countries, event.articles) == (
        "signing-hanoi",
        "signing",
        ("VN",),
        ("hanoi-convention-signing-ceremony",),
    )
    assert event.title == {"pl": "Ceremonia podpisania w Hanoi", "en": "Signing ceremony in Hanoi"}


def test_no_source(content):
    text = GOOD.replace(
        "sources:\n  - https://www.helpnetsecurity.com/2025/10/27/un-convention-against-cybercrime\n", ""
    )
    [problem] = problems_for(content, text)
    assert "signing-hanoi.yaml:1: sources: event 'signing-hanoi': an event needs at least one source" in problem


def test_empty_source_list(content):
    text = GOOD.replace(
        "sources:\n  - https://www.helpnetsecurity.com/2025/10/27/un-convention-against-cybercrime", "sources: []"
    )
    [problem] = problems_for(content, text)
    assert "signing-hanoi.yaml:12: sources: event 'signing-hanoi': an event needs at least one source" in problem


def test_source_that_is_not_a_web_address(content):
    text = GOOD.replace("https://www.helpnetsecurity.com/2025/10/27/un-convention-against-cybercrime", "javascript:x")
    [problem] = problems_for(content, text)
    assert (
        "signing-hanoi.yaml:13: sources.0: event 'signing-hanoi': 'javascript:x' is not an http(s) address" in problem
    )


def test_impossible_date(content):
    [problem] = problems_for(content, GOOD.replace("end: 2025-10-26", "end: 2025-10-32"))
    assert "signing-hanoi.yaml:5: date.end: event 'signing-hanoi': impossible date" in problem


def test_impossible_month(content):
    text = GOOD.replace("date:\n  start: 2025-10-25\n  end: 2025-10-26", "date: 2025-13")
    [problem] = problems_for(content, text)
    assert "signing-hanoi.yaml:3: date: event 'signing-hanoi': impossible date: there is no month 13" in problem


def test_end_before_start(content):
    [problem] = problems_for(content, GOOD.replace("end: 2025-10-26", "end: 2025-10-24"))
    assert "signing-hanoi.yaml:5: date.end: event 'signing-hanoi': 2025-10-24 is before the start" in problem


def test_missing_title_translation(content):
    [problem] = problems_for(content, GOOD.replace("  en: Signing ceremony in Hanoi\n", ""))
    assert "signing-hanoi.yaml:7: title.en: event 'signing-hanoi': is missing (add the title in en" in problem


def test_missing_description_translation(content):
    [problem] = problems_for(content, GOOD.replace("  pl: Konwencja zostaje otwarta do podpisu.\n", ""))
    assert "signing-hanoi.yaml:10: description.pl: event 'signing-hanoi': is missing" in problem


def test_unknown_article(content):
    [problem] = problems_for(
        content, GOOD.replace("articles: [hanoi-convention-signing-ceremony]", "articles: [hanoi-convention-signing]")
    )
    assert "signing-hanoi.yaml:15: articles.0: event 'signing-hanoi': no article has the translation_key" in problem
    assert "did you mean 'hanoi-convention-signing-ceremony'?" in problem


def test_unknown_country(content):
    [problem] = problems_for(content, GOOD.replace("countries: [VN]", "countries: [VN, XX]"))
    assert "signing-hanoi.yaml:14: countries.1: event 'signing-hanoi': 'XX' is not a known country code" in problem


def test_unknown_kind_and_field(content):
    problems = problems_for(content, GOOD.replace("kind: signing", "kind: party\nsource: https://example.org"))
    assert any("signing-hanoi.yaml:2: kind: event 'signing-hanoi': 'party' is not a known kind" in p for p in problems)
    # `sources:` is there: the hint does not propose a second one
    given = "source: event 'signing-hanoi': is not a known field (`sources` is given already"
    assert any(given in p for p in problems)
    [far] = problems_for(content, GOOD.replace("kind: signing", "kind: signing\nzzz: 1"))
    assert (
        "zzz: event 'signing-hanoi': is not a known field (known fields: articles, corrections, " in far
        and "('" not in far
    )


def test_missing_date_and_upcoming_with_a_date(content):
    no_date = GOOD.replace("date:\n  start: 2025-10-25\n  end: 2025-10-26\n", "")
    assert "date: event 'signing-hanoi': is missing" in problems_for(content, no_date)[0]
    upcoming = GOOD.replace("kind: signing", "kind: signing\nupcoming: true")
    assert "date: event 'signing-hanoi': an upcoming event has no date" in problems_for(content, upcoming)[0]


def test_duplicate_and_reserved_ids(content):
    # Two files cannot hold one id and both be named after it: the second is refused by its name.
    (content / "data" / "timeline" / "signing-hanoi.yaml").write_text(GOOD)
    [problem] = problems_for(content, GOOD, name="b.yaml")
    assert "b.yaml:1: id: event 'signing-hanoi': 'signing-hanoi' is not the name of its file, b.yaml" in problem
    (content / "data" / "timeline" / "signing-hanoi.yaml").unlink()
    [problem] = problems_for(content, GOOD.replace("id: signing-hanoi", "id: year-2025"), name="b.yaml")
    assert "id: event 'year-2025': 'year-2025' is reserved" in problem


def test_an_event_in_a_file_not_named_after_its_id_is_refused_until_the_file_is_renamed(content):
    [problem] = problems_for(content, GOOD, name="hanoi.yaml")
    assert problem.endswith(
        "hanoi.yaml:1: id: event 'signing-hanoi': 'signing-hanoi' is not the name of its file, hanoi.yaml (name the "
        "file signing-hanoi.yaml: an event's file is named after its id, which is the address of its entry and never "
        "changes once published)"
    ), problem
    (content / "data" / "timeline" / "hanoi.yaml").rename(content / "data" / "timeline" / "signing-hanoi.yaml")
    assert problems(content) == []


def test_a_file_that_is_not_an_event_is_not_skipped(content):
    (content / "data" / "timeline" / "notes.txt").write_text("draft")
    [problem] = problems(content)
    assert "notes.txt: file: is not a timeline event" in problem


def test_every_problem_of_a_file_is_reported_at_once(content):
    text = GOOD.replace("countries: [VN]", "countries: [XX]").replace("  en: Signing ceremony in Hanoi\n", "")
    problems = problems_for(content, text)
    assert len(problems) == 2


def test_a_file_that_is_not_a_mapping(content):
    [problem] = problems_for(content, "- id: signing-hanoi\n")
    assert (
        "signing-hanoi.yaml:1: yaml: event in signing-hanoi.yaml: the file is not a set of `field: value` lines"
        in problem
    )


def test_broken_yaml_names_the_line(content):
    [problem] = problems_for(content, GOOD.replace("kind: signing", "kind: [signing"))
    assert "signing-hanoi.yaml:2: yaml: event in signing-hanoi.yaml: YAML error" in problem  # the line of the `[`


@pytest.mark.parametrize("written", ["2025-10-25 - 2025-10-26", "2025-10-25–2025-10-26", "2025-10-25 to 2025-10-26"])
def test_a_range_written_as_one_date_is_told_how_a_range_is_written(content, written):
    flat = GOOD.replace("date:\n  start: 2025-10-25\n  end: 2025-10-26\n", f"date: {written}\n")
    [problem] = problems_for(content, flat)
    assert problem.endswith("(a range is written `date: {start: 2025-10-25, end: 2025-10-26}`)"), problem
    assert problems_for(content, flat.replace(f"date: {written}", "date: {start: 2025-10-25, end: 2025-10-26}")) == []


def test_a_source_written_as_a_mapping_without_its_publisher_is_told_what_to_add(content):
    # The page showed the source without who published it, though the editor wrote a mapping to say so.
    address = "https://www.helpnetsecurity.com/2025/10/27/un-convention-against-cybercrime"
    [problem] = problems_for(content, GOOD.replace(f"  - {address}", f"  - url: {address}\n    accessed: 2025-10-27"))
    assert (
        "signing-hanoi.yaml:13: sources.0.publisher: event 'signing-hanoi': is missing "
        "(give `publisher: ...` under `url:`: who published the page, as the page names itself)" in problem
    )


def test_upcoming_in_words_is_told_what_to_write_and_the_date_is_checked_in_the_same_run(content):
    """`upcoming: no` was told 'must be true or false', and the event's date, written `2025-10-5`, only in the
    next run: the date was not read while `upcoming:` was not true or false."""
    text = GOOD.replace("date:\n  start: 2025-10-25\n  end: 2025-10-26\n", "date: 2025-10-5\nupcoming: no\n")
    assert [problem.split(": ", 1)[1] for problem in problems_for(content, text)] == [
        "date: event 'signing-hanoi': '2025-10-5' is not a date (write 2025-10-05: dates are YYYY-MM-DD)",
        "upcoming: event 'signing-hanoi': 'no' is not true or false (write `upcoming: false`, or delete the line: an "
        "event with a date is not upcoming)",
    ]


# (kind, start, end, the start as told, what is told of the end, "" for nothing): a start past the horizon was told
# only as what it made of the range.
STARTS_AHEAD = {
    "an end before it": ("signing", "2999-10-25", "2025-10-26", "2999-10-25", ""),
    "an end on the same day": ("signing", "2999-10-25", "2999-10-25", "2999-10-25", "is the same as the start"),
    "an end of another precision": ("signing", "2999", "2025-10", "2999-01-01", "is a month but start is a year"),
    "a scheduled kind, an end before it": ("signature-period", "2999-10-25", "2025-10-26", "2999-10-25", ""),
    "an end past the horizon before it": ("signing", "2999-10-26", "2999-10-25", "2999-10-26", "is before the start"),
}


@pytest.mark.parametrize(("kind", "start", "end", "shown", "of_end"), STARTS_AHEAD.values(), ids=STARTS_AHEAD.keys())
def test_a_range_starting_past_the_horizon_is_told_so_whatever_else_is_wrong_with_it(
    content, kind, start, end, shown, of_end
):
    """What else is wrong with the range is told as well; but an end within the horizon is before such a start only
    through the start's year: "before the start" at the end's line sent the contributor to the date that was right."""
    text = GOOD.replace("kind: signing", f"kind: {kind}").replace("2025-10-25", start).replace("2025-10-26", end)
    told = problems_for(content, text)
    ahead = [p for p in told if f":4: date.start: event 'signing-hanoi': {shown} is in the future" in p]
    assert ahead, told
    assert "check the year" in ahead[0]
    at_end = [p for p in told if ":5: date.end: " in p and "is in the future" not in p]
    assert [of_end in p for p in at_end] == ([True] if of_end else []), told
