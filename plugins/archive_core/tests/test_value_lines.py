"""A problem inside a value written on several lines is told at the line where it is written, whatever the value's
style: a block scalar (`|`, `>`), a plain one folded over lines, a quoted one; in an article and in a data file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from archive_core import snapshot
from archive_core.articles import read_article
from archive_core.errors import ContentError

ARTICLE = (
    "---\ntitle: Tytuł\ndate: 2025-10-26\nlang: pl\ntranslation_key: tytul\n"
    "source:\n  url: https://example.org/a\n  publisher: Example\n{extra}\n---\nTekst artykułu.\n"
)  # `extra` at line 9
LINK = "[x](javascript:alert(1))"
RLO = "\u202e"

# The value's lines (the problem on the third), as each style writes them.
STYLES = {
    "literal": "{key}: |\n  First line.\n  Second line.\n  Third {bad} line.",
    "folded": "{key}: >\n  First line.\n  Second line.\n  Third {bad} line.",
    "folded, stripped": "{key}: >-\n  First line.\n  Second line.\n  Third {bad} line.",
    "plain": "{key}: First line.\n  Second line.\n  Third {bad} line.",
    "double-quoted": '{key}: "First line.\n  Second line.\n  Third {bad} line."',
    "single-quoted": "{key}: 'First line.\n  Second line''s.\n  Third {bad} line.'",
    "literal, after a blank first line": "{key}: |\n\n  Second line.\n  Third {bad} line.",
}


def third_line(style: str, key_line: int) -> int:
    """The line of the value's third line: a block starts on the line after its key."""
    return key_line + (3 if STYLES[style].startswith("{key}: |") or STYLES[style].startswith("{key}: >") else 2)


def problems_of(tmp_path: Path, extra: str) -> list[tuple[int | None, str, str]]:
    path = tmp_path / "a.pl.md"
    path.write_text(ARTICLE.format(extra=extra), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        read_article(path)
    return [(p.line, p.field, p.message) for p in info.value.problems]


@pytest.mark.parametrize("style", STYLES)
def test_a_summary_s_link_is_told_at_its_line(tmp_path, style):
    told = problems_of(tmp_path, STYLES[style].format(key="summary", bad=LINK))
    assert [(line, field) for line, field, _ in told] == [(third_line(style, 9), "summary")], told
    assert "javascript:alert(1)" in told[0][2]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("key", ["summary", "editor_note"])
def test_a_character_that_reorders_the_text_is_told_at_its_line(tmp_path, style, key):
    bad = "\\u202e" if style == "double-quoted" else RLO
    told = problems_of(tmp_path, STYLES[style].format(key=key, bad=bad))
    assert [(line, field) for line, field, _ in told] == [(third_line(style, 9), key)], told
    assert "U+202E" in told[0][2]


# A double-quoted value whose lines start with an escape, or hold one before the text: each line is read as YAML
# reads it, escapes and an escaped line break (`\\` at its end) too.
ESCAPED_LINES = [
    '"First line.\n  Second line.\n  \\u202e third line."',
    '"First \\x41 line.\n  \\t Second \\"line\\".\n  \\u00e9 third \\u202e line."',
    '"First line.\\\n  \\_Second line.\n  \\u202e third line."',
]


@pytest.mark.parametrize("value", ESCAPED_LINES)
def test_an_escape_at_the_start_of_a_line_is_told_at_its_line(tmp_path, value):
    told = problems_of(tmp_path, f"summary: {value}")
    assert [(line, field) for line, field, _ in told] == [(11, "summary")], told
    assert "U+202E" in told[0][2]


def test_a_problem_on_the_first_line_of_a_block_is_told_there(tmp_path):
    told = problems_of(tmp_path, f"summary: |\n  First {LINK} line.\n  Second line.")
    assert [(line, field) for line, field, _ in told] == [(10, "summary")], told


@pytest.mark.parametrize("style", STYLES)
def test_a_data_file_s_text_is_told_at_its_line(tmp_path, style):
    source = "  - url: https://example.org/s\n    title: S\n    publisher: P\n    accessed: 2026-06-01\n"
    description = STYLES[style].format(key="  en", bad="\\u202e" if style == "double-quoted" else RLO)
    event = (
        "id: opening\nkind: signing\ndate: 2025-10-25\ntitle: {pl: Otwarcie, en: Opening}\n"
        f"description:\n  pl: Opis.\n{description.replace(chr(10) + '  ', chr(10) + '    ')}\nsources:\n{source}"
    )  # `en:` at line 7
    (tmp_path / "data" / "timeline").mkdir(parents=True)
    (tmp_path / "data" / "timeline" / "opening.yaml").write_text(event, encoding="utf-8")
    problems = [p for p in snapshot.take(tmp_path, today=date(2026, 6, 1)).problems if p.severity == "error"]
    assert [(p.line, p.field) for p in problems] == [(third_line(style, 7), "description.en")], [
        str(p) for p in problems
    ]
