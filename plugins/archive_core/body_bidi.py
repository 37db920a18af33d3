"""Characters that make a line of a body read other than it is (Trojan Source): refused at their line.

A body is the source's text, verbatim, and may hold the direction marks real text needs (U+200E, U+200F) and a
passage's direction set in markup (`[text]{dir=rtl}`). It may not hold a directional override (U+202D,
U+202E), which shows the letters after it in reverse order: `\\u202egnirts` reads as `string` on the page and
in no editor alike. An embedding or isolate (U+202A, U+202B, U+2066-U+2068) is closed on its own line (by
U+202C, U+2069): left open, it reorders all the rest of its paragraph, and a closer without its opener is
a stray. Labels and prose fields refuse all of them (`text.invisible_problem`).

The page shows the text as markdown-it reads it, and a character reference (`&#x202E;`, `&#8238;`) writes the
character the file does not hold: the body is checked as written and as shown (`shown_reordering_problems`).
"""

from __future__ import annotations

import re
import unicodedata

from markdown_it.token import Token

_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_BIDI_CONTROL_CHARS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # what _BIDI_CONTROLS matches
_OVERRIDES = frozenset("\u202d\u202e")
_CLOSER = {"\u202a": "\u202c", "\u202b": "\u202c", "\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}
_HINT = "delete it and retype the text around it; mark a passage's direction with [text]{dir=rtl}"


def _named(char: str) -> str:
    return f"U+{ord(char):04X} ({unicodedata.name(char)})"


def reordering_problems(body: str) -> list[tuple[int, str, str]]:
    """(1-based line, message, hint) of each line of `body` that holds an override, or an embedding or isolate
    not closed on it, or a closer of none; linear in the body, and nothing to do for a body without them."""
    if not any(control in body for control in _BIDI_CONTROL_CHARS):  # a search of each in C: the class is slower
        return []
    problems = []
    for number, line in enumerate(body.split("\n"), start=1):
        if problem := _line_problem(line):
            problems.append((number, problem, _HINT))
    return problems


def _line_problem(line: str) -> str | None:
    opened: list[str] = []
    for match in _BIDI_CONTROLS.finditer(line):
        char = match.group()
        if char in _OVERRIDES:
            return f"holds {_named(char)}, which shows the letters after it in reverse order: it reads other than it is"
        if char in _CLOSER:
            opened.append(char)
        elif not opened or _CLOSER[opened.pop()] != char:
            return f"holds {_named(char)}, which closes no embedding or isolate opened before it on its line"
    if opened:
        return (
            f"holds {_named(opened[-1])}, not closed on its line by {_named(_CLOSER[opened[-1]])}: "
            "it reorders the rest of its paragraph"
        )
    return None


def shown_reordering_problems(tokens: list[Token], body: str) -> list[tuple[int, str, str]]:
    """`reordering_problems` of the text each line shows (its words, a link's title, an image's description), for a
    body that writes a character by its reference; a line already told as written is not told again."""
    if "&#" not in body:  # no named reference writes one of these
        return []
    told = {line for line, _, _ in reordering_problems(body)}
    problems = []
    for token in tokens:
        if token.type != "inline" or not token.map:
            continue
        for offset, line in enumerate(_shown_lines(token.children or [])):
            number = token.map[0] + 1 + offset
            if number not in told and (problem := _line_problem(line)):
                problems.append((number, problem.replace("holds", "writes, by its character reference,", 1), _HINT))
    return problems


def _shown_lines(children: list[Token]) -> list[str]:
    """The text an inline block shows, line by line as its source writes it."""
    lines = [""]
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            lines.append("")
            continue
        lines[-1] += child.content if child.type in ("text", "code_inline") else ""
        lines[-1] += str(child.attrGet("title") or "")
        if child.type == "image":
            lines[-1] += "".join(_shown_lines(child.children or []))
    return lines
