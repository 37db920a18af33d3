"""Language versions of one article that disagree on what they share: each is refused at its line, naming the
other version. See docs/security.md ("More than one file at once")."""

from __future__ import annotations

from archive_core.errors import display_path
from tools.check import check

ORIGINAL = "articles/2025/signing-in-hanoi.pl.md"
TRANSLATION = "articles/2025/signing-in-hanoi.en.md"


def _edit(content, name: str, old: str, new: str) -> None:
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _errors(content) -> list[str]:
    return [str(p) for p in check(content) if p.severity == "error"]


def test_a_translation_dated_another_day_than_its_original_is_refused_at_its_date(content_copy):
    """One source, published on one day: the translation was listed in another year and month, and its page stated
    another publication date, with no word from `make check`."""
    _edit(content_copy, TRANSLATION, "date: 2025-10-26", "date: 2025-01-01")
    expected = (
        f"{content_copy / TRANSLATION}:3: date: is 2025-01-01, but the 'pl' original "
        f"{display_path(str(content_copy / ORIGINAL))}, of the same source, is dated 2025-10-26"
    )
    assert [e for e in _errors(content_copy) if ": date: " in e] == [
        f"{expected} (the date is the day the source was published: give both versions the same `date:`)"
    ]


def test_a_translation_of_another_source_keeps_that_sources_date(content_copy):
    """A publisher's own English edition, a day later, is a source of its own, with its own date."""
    _edit(content_copy, TRANSLATION, "date: 2025-10-26", "date: 2025-10-27")
    _edit(content_copy, TRANSLATION, "url: https://example.org/pl/hanoi", "url: https://example.org/en/hanoi")
    assert _errors(content_copy) == []


def test_a_translation_at_another_time_of_the_same_day_is_accepted(content_copy):
    """The original gives the hour, the translation only the day: the same date, written with less detail."""
    _edit(content_copy, ORIGINAL, "date: 2025-10-26", "date: 2025-10-26T09:30:00+07:00")
    assert _errors(content_copy) == []
