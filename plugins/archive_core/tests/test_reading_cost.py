"""The checks every article's body goes through cost a pass or two over it where there is nothing to find: what they
look for is looked for first by a search that runs at the speed of `str.find`, and the body's HTML is read for its
ids only where a link points into the page. Bounded against one `str.count` over the same text, in the same process."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from archive_core import markdown
from archive_core.body_bidi import reordering_problems
from archive_core.body_checks import marker_problem
from archive_core.paths import MAX_FILE_BYTES
from archive_core.tests.effort import cpu_seconds
from archive_core.text import RESERVED, reserved_marker

_LINE = "Zażółć gęślą jaźń — „cytat” z 2024 r., data-driven i [odnośnik](https://example.org/ścieżka).\n"
PROSE = _LINE * (MAX_FILE_BYTES // len(_LINE.encode()))


def _best(work: Callable[[], object]) -> float:
    return min(cpu_seconds(work) for _ in range(7))


def test_a_body_without_direction_controls_costs_a_few_passes():
    assert reordering_problems(PROSE) == []
    assert _best(lambda: reordering_problems(PROSE)) < 6 * _best(lambda: PROSE.count("x"))


def test_html_without_a_search_marker_costs_a_few_passes():
    html = "<p>" + PROSE.replace("\n", "</p>\n<p>")
    assert marker_problem(html) is None
    assert _best(lambda: marker_problem(html)) < 6 * _best(lambda: html.count("x"))


@pytest.mark.parametrize(
    "text",
    ["data-pagefind-x", "DATA-PAGEFIND-", "Data-Search-", "data-\u017fearch-", "data-searc-", "-pagefind-", "x" * 50],
)
def test_a_marker_is_found_as_the_marker_pattern_finds_it(text):
    """`reserved_marker` looks for the marker's tail first: it finds what RESERVED finds, case folding included
    (the long s is an s to it)."""
    for written in (text, f"a {text} b", f"{text}\n{text}"):
        assert (found.span() if (found := reserved_marker(written)) else None) == (
            found.span() if (found := RESERVED.search(written)) else None
        )


def test_the_tail_searched_first_is_in_every_match_of_the_marker():
    folded = [chr(code) for code in range(sys.maxunicode + 1) if RESERVED.fullmatch(f"data{chr(code)}pagefind-")]
    assert folded == ["-"]  # the tail's first character has no other case: the tail's search is a literal's


class _Unread:
    def findall(self, _text: str) -> list[str]:
        raise AssertionError("the HTML was read for its ids")


def test_a_body_without_a_link_into_the_page_has_its_html_left_unread(monkeypatch):
    body = "## Skala\n\nTekst z [odnośnikiem](https://example.org/) i [innym](/pl/tekst/).\n"
    tokens = markdown.parse(body)
    html = markdown.render(tokens)
    monkeypatch.setattr(markdown, "ID_ATTRIBUTE", _Unread())
    assert markdown.missing_anchors(tokens, body, html) == []


def test_a_link_into_the_page_is_still_checked_against_its_ids():
    body = "## Skala\n\n[w górę](#skala) i [w dół](#brak)\n"
    tokens = markdown.parse(body)
    assert [link.url for link in markdown.missing_anchors(tokens, body, markdown.render(tokens))] == ["#brak"]
