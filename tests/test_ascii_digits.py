"""A value the archive reads (a date, a year folder, a port, a list marker, an id, a time offset) is written in
ASCII digits. Python's `\\d` takes every script's digits (`٢٠٢٥`, `２０２５`) and `int()` reads them: a pattern with
`\\d` took `date: "٢٠٢٥"` for 2025 while `٢٠٢٥-١٠-٢٦` was "impossible", and the importer escaped `١.` at a line's
start, which Markdown reads as text, not a list. Only modules that read prose in any script use `\\d`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from archive_core import when
from tools.importer.output import escape

ROOT = Path(__file__).resolve().parent.parent

# Modules that read prose, where a digit of any script is a digit of the text: a dateline's date, a figure an
# event's text must hold, a page's comment count or note marks.
READS_PROSE = {
    "plugins/archive_core/datelines.py",
    "plugins/archive_core/events.py",
    "plugins/archive_core/words.py",  # whether a text has a word (`G7`, `会議`)
    "tools/importer/structure.py",
    "tools/importer/notes.py",
    "tools/importer/page_blocks.py",  # whether a heading has a word or a number
}
LETTERS = re.compile(r"\[\^\\W\\d_")  # `[^\W\d_]`: a letter of any script, which must leave out every digit


@pytest.mark.parametrize("written", ["٢٠٢٥", "２０２５", "٢٠٢٥-10", "2025-١٠", "٢٠٢٥-١٠-٢٦", "２０２５-１０-２６"])
def test_a_date_in_digits_of_another_script_is_not_a_date(written: str):
    with pytest.raises(ValueError, match="is not a date"):
        when.parse_point(written)


@pytest.mark.parametrize(("written", "precision"), [("2025", "year"), ("2025-10", "month"), ("2025-10-26", "day")])
def test_a_date_in_ascii_digits_reads(written: str, precision: str):
    assert when.parse_point(written)[1] == precision


@pytest.mark.parametrize("line", ["١. Konwencja", "٣) Konwencja", "１. Konwencja"])
def test_the_importer_leaves_a_line_markdown_reads_as_text_as_it_is(line: str):
    assert "<ol" not in MarkdownIt("commonmark").render(line)  # only ASCII digits start a list
    assert escape(line) == line


def test_the_importer_still_escapes_a_line_markdown_would_read_as_a_list():
    assert "<ol" not in MarkdownIt("commonmark").render(escape("1. Konwencja"))


def lines_outside_prose_readers() -> list[tuple[str, int, str]]:
    """(path, number, line) of each line of the plugins' and tools' modules but those that read prose, and tests."""
    found = []
    for path in sorted([*ROOT.glob("plugins/**/*.py"), *ROOT.glob("tools/**/*.py")]):
        relative = path.relative_to(ROOT).as_posix()
        if "/tests/" not in relative and relative not in READS_PROSE:
            found += [(relative, n, line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)]
    return found


def test_patterns_outside_prose_readers_take_ascii_digits_only():
    found = [
        f"{relative}:{number}: {line.strip()}"
        for relative, number, line in lines_outside_prose_readers()
        if not line.lstrip().startswith("#") and "\\d" in LETTERS.sub("", line)
    ]
    assert found == [], "write [0-9] where a value is read (\\d takes every script's digits):\n" + "\n".join(found)


# `str.isdigit()` and `str.isdecimal()` are true of every script's digits, as `\d` is (`٨٠`, `２０`; `¹` for
# isdigit): a port, an index or a process id read with one alone took another script's digits for a number.
DIGIT_METHOD = re.compile(r"(?<!str)\.is(?:digit|decimal|numeric)\(\)")  # called, not named (`str.isdigit()`)


def test_digit_methods_outside_prose_readers_take_ascii_digits_only():
    found = [
        f"{relative}:{number}: {line.strip()}"
        for relative, number, line in lines_outside_prose_readers()
        if DIGIT_METHOD.search(code := line.split("#", 1)[0]) and "isascii()" not in code
    ]
    assert found == [], "check `.isascii()` beside it (it takes every script's digits):\n" + "\n".join(found)
