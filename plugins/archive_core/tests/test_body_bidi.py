"""Lines of a body that read other than they are (Trojan Source), each named at its line."""

from __future__ import annotations

import pytest

from archive_core import markdown
from archive_core.body_bidi import reordering_problems, shown_reordering_problems
from archive_core.tests.effort import cpu_seconds


@pytest.mark.parametrize(
    ("body", "line", "said"),
    [
        ("Text.\n\nA \u202dword.\n", 3, "holds U+202D (LEFT-TO-RIGHT OVERRIDE), which shows the letters after it in"),
        ("A \u2067word.\n", 1, "holds U+2067 (RIGHT-TO-LEFT ISOLATE), not closed on its line by U+2069"),
        ("A \u202bword.\n", 1, "holds U+202B (RIGHT-TO-LEFT EMBEDDING), not closed on its line"),
        ("A word\u2069.\n", 1, "holds U+2069 (POP DIRECTIONAL ISOLATE), which closes no embedding or isolate"),
        ("A \u2066word\u202c.\n", 1, "holds U+202C (POP DIRECTIONAL FORMATTING), which closes no embedding"),
    ],
)
def test_a_line_that_reads_other_than_it_is_is_named(body, line, said):
    [(found, message, hint)] = reordering_problems(body)
    assert found == line and message.startswith(said), message
    assert "{dir=rtl}" in hint


def test_what_real_text_needs_is_no_problem():
    body = "A name, \u2067\u05d0\u05d1\u2069, in Hebrew\u200f; \u202b\u2068nested\u2069\u202c.\n\u200eMarks.\n"
    assert reordering_problems(body) == []


def test_a_large_body_is_checked_at_once():
    body = ("A line of text \u2068with an isolate\u2069 closed.\n" * 40_000) + "\u202e"
    problems: list = []
    assert cpu_seconds(lambda: problems.extend(reordering_problems(body))) < 2
    assert [line for line, *_ in problems] == [40_001]


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("Text.\n\nA &#x202E;word.\n", 3),  # passed, and the page showed the word reversed
        ("A &#8238;word.\n", 1),
        ("A line,\nthen [a &#x202d;link](https://example.org/).\n", 2),
        ('[a](https://example.org/ "a &#x202E;title")\n', 1),
        ("![a &#x202E;map](https://example.org/m.png)\n", 1),
        ("| h |\n|---|\n| a &#x2067;cell |\n", 3),
    ],
)
def test_a_character_written_by_its_reference_is_named_as_the_page_shows_it(body, line):
    [(found, message, hint)] = shown_reordering_problems(markdown.parse(body), body)
    assert found == line and message.startswith("writes, by its character reference, U+"), message
    assert reordering_problems(body) == [] and "{dir=rtl}" in hint


def test_a_reference_shown_as_written_or_a_line_told_already_is_no_second_problem():
    body = "`&#x202E;` and \\&#x202E; and &amp;#x202E;\n\nA \u202e &#x202E;.\n"
    assert shown_reordering_problems(markdown.parse(body), body) == []
    assert [line for line, *_ in reordering_problems(body)] == [3]
    body = "An isolate \u2067 closed by its reference &#x2069;.\n"  # told as written: not told again
    assert [line for line, *_ in reordering_problems(body)] == [1]
    assert shown_reordering_problems(markdown.parse(body), body) == []
