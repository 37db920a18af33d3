"""Recognising the parts of an article's text: subheadings, captions, credits, lists, residue.

Shared by the plain-text and the HTML readers. The rules follow how news
sites lay out an article; `CONTRIBUTING.md` shows the Markdown they become.
"""

from __future__ import annotations

import re

from archive_core.words import has_a_word

# "(Zdjęcie: Pham Kien/VNA)", "(Photo: Minh Son/Vietnam+)" closing a photo caption.
CAPTION_CREDIT = re.compile(r"\((?:Zdjęcie|Zdjęcia|Fot\.|Foto|Fotografia|Photo|Photos|Image):[^()]*\)$")
# An agency credit standing alone on a line, "(TTXVN/Wietnam+)", "(PAP)", or closing the last sentence: "... in
# Hanoi. (Reuters)". After a sentence only, so that "...signed by the European Union (EU)" names no publisher.
AGENCY_CREDIT = re.compile(r"\(([^():]{2,60})\)")
TRAILING_CREDIT = re.compile(r".*[.!?…\"”»'’]\s+\(([^():]{2,60})\)")
# A credit names an agency in a few words; a byline ("Reporting by Jane Doe; Editing by John Smith") is no publisher.
CREDIT_MAX_WORDS = 4
SOURCE_LINE = re.compile(r"(?:Source|Źródło|Zrodlo)\s*:\s*(https?://\S+)", re.IGNORECASE)
SOURCE_LABEL = re.compile(r"(?:Source|Źródło|Zrodlo)\s*:", re.IGNORECASE)
BULLET = re.compile(r"[•·▪◦*-]\s+(?=.*\w)(.+)")  # a marker before words: `* * *` is a separator
# Page furniture that follows an article on news sites: comment counters, share and tag lines.
RESIDUE = re.compile(
    r"(?:komentarz[ey]?|komentarzy|comments?)(?:\s*\(\d+\))?"
    r"|(?:udostępnij|share|tagi|tags?|słowa kluczowe|keywords|czytaj (?:też|także|więcej)|read (?:more|also)"
    r"|zobacz (?:też|także)|related(?: articles)?|powiązane)\b.*"
    r"|facebook|twitter|x|linkedin|e-?mail|print|drukuj|whatsapp|telegram|messenger",
    re.IGNORECASE,
)
# A byline above the lead: "By Jane Doe", "Autor: Jan Kowalski", "Oprac. Anna Nowak, PAP": a name after the label,
# in a few words, and no sentence ("By 2030, every state...", "By Saturday, 72 states had signed.").
BYLINE = re.compile(r"(?:by|autor(?:ka)?:|oprac(?:\.|owanie:)|tekst:)\s+([^\W\d_][^!?…]{0,80})", re.IGNORECASE)
BYLINE_MAX_WORDS = 10
HEADING_MAX_CHARS = 150
_NOT_HEADING_END = tuple(".!?…:;,)”\"»'’")
LIST_ITEM_CONTINUES = (";", ",")


def is_caption(line: str) -> bool:
    return bool(CAPTION_CREDIT.search(line)) and not CAPTION_CREDIT.fullmatch(line)


def agency_credit(line: str) -> str | None:
    """The agency credit standing alone as `line`: "(PAP)" -> "PAP"."""
    match = AGENCY_CREDIT.fullmatch(line)
    return _credit(match.group(1)) if match else None


def closing_credit(line: str) -> str | None:
    """The agency credit that ends the text whose last line is `line`: alone on it, or after its last sentence."""
    match = AGENCY_CREDIT.fullmatch(line) or TRAILING_CREDIT.fullmatch(line)
    return _credit(match.group(1)) if match else None


def _credit(text: str) -> str | None:
    credit = text.strip()
    if not credit or ";" in credit or len(credit.split()) > CREDIT_MAX_WORDS:
        return None
    return credit


# What a short line holds that no subheading does: an address, a reference line (`[1]: ...`), a Markdown mark
# (`{lang=en}`).
_NOT_HEADING = re.compile(r"[a-z][a-z0-9+.-]*://|\bwww\.|^\[[^\]]*\]:|^\{.*\}$", re.IGNORECASE)


# What may follow a sentence's end and is no word: backslashes, a Pandoc-like attribute brace (`{.lead}`).
_TRAILING_MARKS = re.compile(r"(?:\s*(?:\\+|\{[^{}]*\}))+$")


# A note's mark after a sentence's end: `... in December 2024.[1]`, `... podpisało.¹`, `... signed.*`.
_NOTE_AFTER_END = re.compile(r"(?<=[.!?…:;,)”\"»'’])(?:\[[0-9]{1,3}\]|[\u00b9\u00b2\u00b3\u2070-\u2079]+|[*†‡]{1,3})$")


def _words_end(line: str) -> str:
    """`line` up to its last word or punctuation: "... said MSZ. \\" ends a sentence, as "... said MSZ." does, and
    "... in December 2024.[1]" too."""
    return _NOTE_AFTER_END.sub("", _TRAILING_MARKS.sub("", line))


def looks_like_heading(line: str) -> bool:
    """A subheading between paragraphs: a headline (`why_no_headline`) that does not end as a sentence, a question,
    an exclamation or a quotation does: a short question in the body (an interviewer's, a rhetorical one) is text."""
    return why_no_headline(line) is None and not ends_sentence(line)


# A headline's last words may close a quotation (`Minister: „Podpiszemy”`), and what ends them is read inside it.
_CLOSING_QUOTES = "\"”»«'’"
# What ends a headline as a question, an exclamation or a trailing thought does (`?`, `!`, `?!`, `…`, `...`), where
# a sentence (`.`), a list item or a clause (`,` `;`), a list's introduction (`:`) or a credit (`)`) is no headline.
_ASKS_OR_EXCLAIMS = ("?", "!", "…", "...")


def why_no_headline(line: str) -> str | None:
    """Why `line` cannot be a headline, or None when it can: a headline is short, has words, is no list item, address
    or mark, and ends with a word, a question, an exclamation, an ellipsis or a quotation's close (`?”`, `»`)."""
    if not 0 < len(line) <= HEADING_MAX_CHARS:
        return f"it is longer than a headline, {HEADING_MAX_CHARS} characters"
    if BULLET.fullmatch(line):
        return "it is a list item"
    if not has_a_word(line):
        return "it has no word"
    if _NOT_HEADING.search(line):
        return "it holds an address or a mark"
    words_end = _words_end(line).rstrip(_CLOSING_QUOTES)
    if words_end.endswith(_NOT_HEADING_END) and not words_end.endswith(_ASKS_OR_EXCLAIMS):
        return f"it ends with `{words_end[-1]}`, as a sentence, a list item or a credit does"
    return None


def ends_sentence(line: str) -> bool:
    """Ends as a sentence, a quote, a credit, a list item or a list's introduction do."""
    return _words_end(line).endswith(_NOT_HEADING_END)


def is_byline(line: str) -> bool:
    """`line` names the article's author, and says nothing else: the name after the label starts with a capital."""
    match = BYLINE.fullmatch(line)
    return (
        bool(match)
        and match.group(1)[0].isupper()
        and len(line.split()) <= BYLINE_MAX_WORDS
        and not ends_sentence(line)
    )


def is_residue(line: str) -> bool:
    return bool(RESIDUE.fullmatch(line))


def source_url(line: str) -> str | None:
    match = SOURCE_LINE.fullmatch(line)
    return match.group(1) if match else None
