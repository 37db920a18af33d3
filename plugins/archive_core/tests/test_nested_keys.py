"""A misspelt key inside a record of a data file (a source, a correction, the convention's counts) is told the key
meant, at its line, once: not the known keys alone, nor the key meant as missing beside it."""

from __future__ import annotations

import pytest

from .test_contributor_mistakes import BODY, EVENT, FRONT, told

ARTICLE = {"articles/2025/a.pl.md": FRONT.replace("tytul", "a") + BODY}
SOURCE = "url: https://example.org/s\n    title: S\n    publisher: P\n    accessed: 2026-06-01"
CONVENTION = (
    "as_of: 2026-06-01\nhanoi_signatures:\n  total: 4\n  states: 3\n  organisations: 1\n"
    "sources:\n  - url: https://example.org/d\n    title: D\n    publisher: P\n    accessed: 2026-06-01\n"
)
CORRECTION = "corrections:\n  - date: 2026-01-02\n    change: {pl: Poprawiono., en: Corrected.}\n"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "data/timeline/opening.yaml",
            EVENT.replace("  - url:", "  - ulr:"),
            "opening.yaml:7: sources.0.ulr: event 'opening': is not a known key (did you mean `url`?)",
        ),
        (
            "data/timeline/opening.yaml",
            EVENT.replace("    publisher: P", "    publsher: P"),
            "opening.yaml:9: sources.0.publsher: event 'opening': is not a known key (did you mean `publisher`?)",
        ),
        (
            "data/countries.yaml",
            f"- code: FR\n  status: ratified\n  date: 2025-10-26\n  sources:\n  - {SOURCE.replace('url:', 'urll:')}\n",
            "countries.yaml:5: FR.sources.0.urll: is not a known key (did you mean `url`?)",
        ),
        (
            "data/convention.yaml",
            CONVENTION.replace("  - url:", "  - URL:"),
            "convention.yaml:7: convention.sources.0.URL: is not a known key (did you mean `url`?)",
        ),
        (
            "data/timeline/opening.yaml",
            EVENT + CORRECTION.replace("    change:", "    chnage:"),
            "opening.yaml:13: corrections.0.chnage: event 'opening': is not a known key (did you mean `change`?)",
        ),
        (
            "data/convention.yaml",
            CONVENTION.replace("  total: 4", "  totl: 4"),
            "convention.yaml:3: convention.hanoi_signatures.totl: is not a known key (did you mean `total`?)",
        ),
    ],
)
def test_a_misspelt_key_of_a_data_record_is_told_the_key_meant_and_nothing_more(tmp_path, name, text, expected):
    problems = told(tmp_path, {**ARTICLE, name: text})
    assert problems == [expected], problems


def test_a_count_of_the_convention_left_out_is_told_missing(tmp_path):
    problems = told(tmp_path, {**ARTICLE, "data/convention.yaml": CONVENTION.replace("  total: 4\n", "")})
    assert problems == [
        "convention.yaml:3: convention.hanoi_signatures.total: is missing (add `total: N` under it: "
        "a whole number, at most 250, as the depositary gives it)"
    ], problems
