"""What the text of content may hold: characters XML 1.0 and HTML allow, and none of the search index's markers.

Feeds and the sitemap are XML 1.0, which cannot hold C0 control characters
(but tab and line ends), U+FFFE or U+FFFF: one in a title breaks them. HTML
takes neither those nor DEL and the C1 controls (a parse error: a page with
one fails validation); a C1 control in text is a Windows-1252 character
saved through the wrong encoding (U+0092 for `’`), so the hint names it. The
built pages steer Pagefind and the search plugin with attributes named
`data-pagefind-*` and `data-search-*`; a page whose text spells one could be
taken for a page that has it. Every plugin and template uses only attribute
names with these prefixes for the search (tests/test_security_text.py checks
it), so refusing them in content keeps every such marker the site's own.

A whole file is checked as bytes (`bytes_problem`: C-speed scans, no regular
expression over the decoded text), a value as text (`text_problem`).

Every value of the YAML (front-matter and data files) is also checked for
characters a reader cannot see (`invisible_problem`), by Unicode category.
A label (a title, tag, name, code, address: page chrome, URLs and file names)
is one line of visible text: no control (Cc: tab and line ends included),
format (Cf: zero-width, direction marks, soft hyphen), line or paragraph
separator (Zl, Zp), private-use or surrogate character (Co, Cs). Prose (a
summary, a note, a description: `PROSE_FIELDS`) may run over several lines
and keep the format characters real text needs (a zero-width joiner, a
direction mark), but no control other than tab and line end, no separator,
no private-use character, and none of the characters that reorder the text
after them (bidirectional embeddings, overrides and isolates, which can make
a line read other than it is). A label also shows something (not only
spaces, combining marks, or letters drawn blank: the Hangul fillers, which
Unicode marks default-ignorable, and the blank Braille pattern, refused
anywhere in a label), and no word of it mixes Latin, Cyrillic and Greek
letters, which look alike (`сeremony`; a unit is written with the symbol of no alphabet, `10µm` with the micro
sign, as the Greek letter passes for it). The Markdown body is the source's
text, verbatim, and is not checked for these, but for what makes a line of it read other than it is
(`body_bidi`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import icu

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# DEL, the C1 controls and the noncharacters (U+FDD0-U+FDEF, the last two code points of every plane): a parse error
# in HTML, though XML takes them all but U+FFFE and U+FFFF.
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17))
NOT_HTML = re.compile(f"[\x7f-\x9f{NONCHARACTERS}]")
_C1_IN_UTF8 = re.compile(b"\xc2[\x80-\x9f]")
_NONCHARACTER_IN_UTF8 = re.compile(  # the same in UTF-8: EF B7 90-AF, EF BF BE-BF, and F0-F4 xF BF BE-BF
    b"\xef\xb7[\x90-\xaf]|\xef\xbf[\xbe\xbf]|[\xf0-\xf4][\x8f\x9f\xaf\xbf]\xbf[\xbe\xbf]"
)
RESERVED = re.compile(r"data-(?:pagefind|search)-", re.IGNORECASE)
# What every match of RESERVED holds after its `data`: a pattern that starts with a character of no case, which the
# engine finds as fast as `str.find` (RESERVED's `d`, in either case, is tried at every character).
_RESERVED_TAIL = re.compile(r"-(?:pagefind|search)-", re.IGNORECASE)
_MARKERS = (b"data-pagefind-", b"data-search-")
_CONTROLS = bytes(c for c in (*range(32), 0x7F) if c not in (9, 10, 13))
_NOT_CONTROLS = bytes(c for c in range(256) if c not in _CONTROLS)
# Every byte but those a noncharacter's UTF-8 starts with: a file holding none of them (Polish and English prose) is
# not searched by `_NONCHARACTER_IN_UTF8`, whose pattern starts with a class, tried at every byte (the translate is
# one pass in C).
_NOT_NONCHARACTER_LEADS = bytes(c for c in range(256) if c not in b"\xef\xf0\xf1\xf2\xf3\xf4")


@dataclass(frozen=True)
class TextProblem:
    offset: int  # in the text (or bytes) checked
    message: str
    hint: str


def _control(offset: int, code: int) -> TextProblem:
    if unicodedata.category(chr(code)) == "Cn":
        return TextProblem(
            offset,
            f"holds U+{code:04X}, a noncharacter, which HTML forbids",
            "delete it: it is invisible, retype the text around it",
        )
    if not 0x7F <= code <= 0x9F:
        return TextProblem(
            offset,
            f"holds the control character U+{code:04X}, which feeds and the sitemap cannot carry",
            # a vertical tab or form feed is white space to whoever wrote it: deleted, two words ran together
            "replace it with a space" if chr(code) in _WHITESPACE_CONTROLS else _DELETE_HINT,
        )
    return TextProblem(offset, f"holds the control character U+{code:04X}, which HTML forbids", _c1_hint(code))


def _c1_hint(code: int) -> str:
    """A C1 control in text is most often a Windows-1252 character read as ISO 8859-1: name the one meant."""
    try:
        meant = bytes([code]).decode("cp1252") if code != 0x7F else ""
    except UnicodeDecodeError:
        meant = ""
    if meant:
        return f"it is most often `{meant}` (U+{ord(meant):04X}) saved in the wrong encoding: write that, or delete it"
    return _DELETE_HINT


_DELETE_HINT = "delete it: it is invisible, retype the text around it"


def _marker(offset: int, spelt: str) -> TextProblem:
    return TextProblem(
        offset,
        f"holds {spelt!r}, the prefix of the search index's own markers",
        "write it without the hyphens, or in other words",
    )


# The keys whose values are prose (anywhere in a field's dotted path: `description.pl`, `annotations.0.note`).
PROSE_FIELDS = frozenset({"summary", "editor_note", "note", "description", "change", "reason", "text"})
_LABEL_REFUSED = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cs"})
_PROSE_REFUSED = frozenset({"Cc", "Zl", "Zp", "Co", "Cs"})
_PROSE_ALLOWED = frozenset("\t\n")
# Bidirectional classes of the characters that reorder the text after them (embeddings, overrides, isolates).
_REORDERING = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})


# Letters and symbols drawn as nothing: the Hangul fillers (letters Unicode marks default-ignorable, as it does
# the zero-width characters) and the blank Braille pattern. A title of them passed for a title, shown blank.
_BLANK_SET = icu.UnicodeSet("[[[:Default_Ignorable_Code_Point:]&[:L:]]\u2800]")  # its `containsNone` runs in C
_BLANK_LETTERS = frozenset(_BLANK_SET)


def drawn_blank(char: str) -> bool:
    """A letter or symbol drawn as nothing (U+3164 HANGUL FILLER, U+2800 BRAILLE PATTERN BLANK)."""
    return char in _BLANK_LETTERS


def _has_shape(char: str) -> bool:
    """A letter, digit, punctuation mark or symbol a page draws: not a space, a mark on its own, nor blank."""
    return unicodedata.category(char)[0] in "LNPS" and char not in _BLANK_LETTERS


def shows_something(text: str) -> bool:
    """Whether a page draws anything of `text`: not only spaces, marks on their own, or characters drawn blank."""
    return any(map(_has_shape, text))


_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def paragraphs(prose: str) -> tuple[str, ...]:
    """The paragraphs of a prose value, as a blank line (YAML's `|` keeps them) parts them."""
    return tuple(part for part in _BLANK_LINE.split(prose.strip()) if part)


def is_prose(dotted_field: str) -> bool:
    return not PROSE_FIELDS.isdisjoint(dotted_field.split("."))


# The prose a page shows paragraph by paragraph; any other is one paragraph, or runs on in a sentence (a note
# beside its passage, a correction's reason in brackets), where a second paragraph would run into the first.
PARAGRAPHS_FIELDS = frozenset({"editor_note"})


def paragraph_problem(text: str, dotted_field: str) -> TextProblem | None:
    """A blank line in prose a page shows as one paragraph; its offset is the blank line's."""
    parts = dotted_field.split(".")
    if not is_prose(dotted_field) or not PARAGRAPHS_FIELDS.isdisjoint(parts):
        return None
    if (found := _BLANK_LINE.search(text.strip())) is None:
        return None
    return TextProblem(
        text.index(text.strip()) + found.start() + 1,
        "is more than one paragraph (a blank line parts it), which its pages show as one",
        "join the paragraphs into one",
    )


# A label is shown whole, on one line, wherever it is named (a topic on every page of its articles and on the topic
# index, a publisher, a person, a source's title): bounded, as a content file may hold 2 MB (a tag of 100,000 `!`
# made a topic of one letter, `a`, whose name was on every page that named it). The longest real label, a UN
# document's title, has some 260 characters. A title (an article's, a timeline event's) is a headline, and every
# listing shows it; an address may be longer (the sitemap protocol takes 2,048 characters).
LABEL_MAX_CHARS = 500
TITLE_MAX_CHARS = 300
ADDRESS_MAX_CHARS = 2048


def length_problem(text: str, dotted_field: str) -> TextProblem | None:
    """A label (not prose) longer than its kind's bound; `dotted_field` is its path (`title`, `tags.0`,
    `sources.1.url`)."""
    if len(text) <= TITLE_MAX_CHARS or is_prose(dotted_field):  # the smallest bound: no label that short is refused
        return None
    if dotted_field.split(".")[0] == "title":
        limit, hint = TITLE_MAX_CHARS, "every page that lists it shows it: keep the headline, say the rest in a summary"
    elif "://" in text:
        limit, hint = ADDRESS_MAX_CHARS, "give the page's address without what only tracks the visit (utm_..., fbclid)"
    else:
        limit, hint = LABEL_MAX_CHARS, "it is shown whole wherever it is named: shorten it, and say the rest in a note"
    if len(text) <= limit:
        return None
    return TextProblem(0, f"has {len(text)} characters, more than {limit}", hint)


def invisible_problem(text: str, prose: bool) -> TextProblem | None:
    """The first character of `text` a reader cannot see and that the field may not hold, or a label that shows
    nothing at all; else None."""
    visible = text.replace("\n", "").replace("\t", "") if prose else text
    # C speed: no Cc, Cf, Cs, Co, Cn, Zl, Zp nor any space but U+0020; and an ASCII label that is not all
    # spaces shows something.
    printable = visible.isprintable()
    if printable and (prose or text.isascii()):
        return None
    # Of what a label may not hold, a printable one can only hold the blank letters: no loop for a Polish title.
    if not (printable and _BLANK_SET.containsNone(text)):
        for offset, char in enumerate(text):
            if _refused(char, prose):
                return _invisible(offset, char, prose)
    if not prose and text.strip() and not shows_something(text):
        return TextProblem(
            0,
            f"shows nothing: {text!r} is only spaces, combining marks or characters drawn blank",
            "write it in letters or digits",
        )
    # An address's host is ASCII (`provenance.is_http_url`, whose hint gives a look-alike host's ASCII form); its
    # path may hold any letters.
    return None if prose or "://" in text else _mixed_script_problem(text)


# Alphabets with letters drawn alike (Latin `c`, `e`, `o`, `p`; Cyrillic `с`, `е`, `о`, `р`; Greek `ο`, `ν`).
_LOOK_ALIKE_SCRIPTS = frozenset({icu.UScriptCode.LATIN, icu.UScriptCode.CYRILLIC, icu.UScriptCode.GREEK})
# Any mix of the three has a Cyrillic or Greek letter: a label with neither is not looked at letter by letter.
_NOT_LATIN_LOOK_ALIKES = icu.UnicodeSet("[[:Script=Cyrillic:][:Script=Greek:]]")
_WORD = re.compile(r"\w+")
# Greek letters written as a unit or an operator beside Latin letters (`10μm`, `ΔT`), and the symbol of no alphabet
# Unicode has for each, drawn alike (the same ICU skeleton): accepted where the Greek letter is not. The Greek
# letters stay refused in such a word: by ICU's confusables each passes for a character of another script
# (`μ` for the micro sign `µ`, `λ` for Latin `ꟛ`, `π` for Cyrillic `п`), so no Greek letter can be let through.
SYMBOLS_FOR_LETTERS = {"μ": "µ", "Δ": "∆", "Σ": "∑", "Π": "∏"}


def _mixed_script_problem(label: str) -> TextProblem | None:
    """A word of a label in letters of two look-alike alphabets (`сeremony`, Cyrillic `с`): shown as another
    word (a second topic page, person or publisher that reads as the first), it is no word of either."""
    if _NOT_LATIN_LOOK_ALIKES.containsNone(label):
        return None
    for word in _WORD.finditer(label):
        scripts: dict[int, str] = {}
        for char in word.group():
            if (code := icu.Script.getScript(char).getScriptCode()) in _LOOK_ALIKE_SCRIPTS:
                scripts.setdefault(code, char)
        if len(scripts) > 1:
            names = [icu.Script(code).getName() for code in sorted(scripts)]
            letters = ", ".join(f"{char!r} is {icu.Script(code).getName()}" for code, char in sorted(scripts.items()))
            symbols = [
                f"{symbol} ({unicodedata.name(symbol)}) for {letter}"
                for letter, symbol in SYMBOLS_FOR_LETTERS.items()
                if letter in word.group()
            ]
            return TextProblem(
                word.start(),
                f"{word.group()!r} mixes {' and '.join(names)} letters in one word ({letters}): it reads as "
                "a word it is not",
                "retype the word in one alphabet"
                + (
                    f"; as a unit or symbol, write {', '.join(symbols)}, which belongs to no alphabet"
                    if symbols
                    else ""
                )
                + (
                    "; a Greek letter as a symbol may stand apart: IFN-γ"
                    if not symbols and icu.UScriptCode.GREEK in scripts
                    else ""
                ),
            )
    return None


def visible_text(text: str, prose: bool) -> str:
    """`text` without what `invisible_problem` refuses in it, for text taken from elsewhere (an imported page):
    a line break or separator becomes a space in a label, a separator a line end in prose."""
    if invisible_problem(text, prose) is None:
        return text
    kept = []
    for char in text:
        if unicodedata.category(char) in ("Zl", "Zp") or char in "\n\r\x85":
            kept.append("\n" if prose else " ")
        elif char.isspace() and not prose:  # a tab, a form feed
            kept.append(" ")
        elif not _refused(char, prose):
            kept.append(char)
    return "".join(kept) if prose else " ".join("".join(kept).split())


def _refused(char: str, prose: bool) -> bool:
    category = unicodedata.category(char)
    if not prose:
        return category in _LABEL_REFUSED or char in _BLANK_LETTERS
    return (category in _PROSE_REFUSED and char not in _PROSE_ALLOWED) or (
        unicodedata.bidirectional(char) in _REORDERING
    )


# The controls and separators that are white space to whoever wrote them (a tab pasted from a spreadsheet, a line
# separator from a word processor), with the names Unicode gives none of the controls.
_WHITESPACE_CONTROLS = {
    "\t": "a tab",
    "\x0b": "a vertical tab",
    "\x0c": "a form feed",
    "\x85": "a next-line control",
    "\u2028": "",
    "\u2029": "",
}


def _invisible(offset: int, char: str, prose: bool) -> TextProblem:
    name = unicodedata.name(char, "a control character")
    if char in "\n\r":
        return TextProblem(offset, "holds a line break, but is one line", "write it on one line")
    if unicodedata.bidirectional(char) in _REORDERING:
        what = "which reorders the text after it (a page would show it other than it reads here)"
    elif prose:
        what = "which a reader cannot see"
    else:
        what = "which a reader cannot see, in a title, name or address"
    hint = "delete it: retype the text around it; a label is letters, digits, spaces and punctuation"
    if char in _WHITESPACE_CONTROLS:  # white space to whoever wrote it: replaced, not deleted, the words stay apart
        name = _WHITESPACE_CONTROLS[char] or name
        hint = "replace it with a space: the text is one line" if not prose else "replace it with a line break"
    return TextProblem(offset, f"holds U+{ord(char):04X} ({name}), {what}", hint)


def reserved_marker(text: str) -> re.Match[str] | None:
    """The first search index marker `text` spells (`RESERVED`), or None: a long text without the marker's tail is
    not searched for the whole of it."""
    return RESERVED.search(text) if _RESERVED_TAIL.search(text) else None


def text_problem(text: str) -> TextProblem | None:
    """The first thing in `text` that content may not hold, or None."""
    if match := NOT_XML.search(text) or NOT_HTML.search(text):
        return _control(match.start(), ord(match.group()))
    if match := reserved_marker(text):
        return _marker(match.start(), match.group())
    return None


def bytes_problem(data: bytes) -> TextProblem | None:
    """`text_problem` for the UTF-8 bytes of a whole file (offsets in bytes)."""
    found: list[TextProblem] = []
    if controls := data.translate(None, _NOT_CONTROLS):
        offset = data.index(controls[:1])
        found.append(_control(offset, controls[0]))
    if match := _C1_IN_UTF8.search(data):
        found.append(_control(match.start(), match.group()[1]))
    if data.translate(None, _NOT_NONCHARACTER_LEADS) and (match := _NONCHARACTER_IN_UTF8.search(data)):
        found.append(_control(match.start(), ord(match.group().decode())))
    lowered = data.lower()  # ASCII letters only: offsets stay
    for marker in _MARKERS:
        if (offset := lowered.find(marker)) >= 0:
            found.append(_marker(offset, data[offset : offset + len(marker)].decode("ascii")))
    return min(found, key=lambda problem: problem.offset) if found else None


def line_of(text: str | bytes, offset: int) -> int:
    """1-based line of `offset` in `text`."""
    return text.count("\n" if isinstance(text, str) else b"\n", 0, offset) + 1


_RIGHT_TO_LEFT = frozenset({"R", "AL"})  # Hebrew, Arabic (unicodedata.bidirectional)


@lru_cache(maxsize=16384)  # a title is on its own pages and on every listing and related list that shows it
def title_direction(title: str) -> str:
    """The base direction of a title in one of the archive's languages, both written left to right: `rtl` only for
    one with no left-to-right letter (a headline kept in Arabic), else `ltr`. (`dir="auto"` takes the first
    letter's: an English title that opens with an Arabic quotation was drawn right to left, its words reordered.)"""
    kinds = {unicodedata.bidirectional(char) for char in title}
    return "rtl" if kinds & _RIGHT_TO_LEFT and "L" not in kinds else "ltr"
