"""The YAML mistakes a newcomer makes that YAML's own words do not name, named at their line with what to do.

YAML reports where it gave up (`did not find expected key`, `mapping values are not allowed here`), which is
often not where the mistake is, nor what it is: `syntax_hint` names the mistake. And two YAML does not report at
all: text after ` #` in an unquoted value is a comment, dropped from the value without a word
(`title: Lithuania #1 to ratify` is the title "Lithuania"); a `- ` line indented deeper than the list item above it
is more of that item's text (`continued_items`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import yaml

from .yaml_layout import indentation_hint, line_hint

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A line that starts (`---`) or ends (`...`) a YAML document: a data file holds one, an article's front-matter ends
# at its fence before YAML reads it.
_DOCUMENT_MARKER = re.compile(r"(---|\.\.\.)(?:\s|$)")
GENERIC_HINT = "check indentation and quote values that contain ': ' or start with a symbol"

# `key: value` on one line, in a mapping or as a list item's first key (`- key: value`).
_FIELD_LINE = re.compile(r"^[ \t]*(?:- +)?(?P<key>[A-Za-z_][\w-]*):[ \t]+(?P<value>\S.*)?$")
# A line that opens a field: `key: value`, or `key:` alone, its value on the lines under it.
_KEY_LINE = re.compile(r"^[ \t]*(?:- +)?[A-Za-z_][\w-]*:(?:[ \t]|$)")
# `key:value`, no space after the colon: YAML reads the whole as one text, not as a field.
_NO_SPACE = re.compile(r"^[ \t]*(?:- +)?(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s/].*)$")
# What YAML reserves at the start of an unquoted value (`@`, `` ` ``: "cannot start any token"; `*`: an alias;
# `&`: an anchor; `!`: a tag); the others of `_reserved_start` only where they do not start what YAML reads there.
_RESERVED_START = "@`%*&!"
# What readers type as quotation marks and YAML reads as letters.
_TYPOGRAPHIC_QUOTES = "„“”«»‘’‚"
# A comment after a value is written `value  # comment`: two spaces before the `#`, one after (yamllint's rule).
_COMMENT = re.compile(r"^(?P<gap>[ \t]+)#(?P<text>.*)$")
# A line that starts a list item: `- ` (or a `-` alone), or one meant to, its text against the dash (`-cyber`).
_ITEM_START = re.compile(r"^[ \t]*-(?:[ \t]|$|[^\s0-9.-])")
# A comment as YAML reads one: a `#` after a space or a tab (a no-break space is no space to YAML).
_YAML_COMMENT = re.compile(r"(?<=[ \t])#")


@dataclass(frozen=True)
class DroppedText:
    """Text after ` #` in an unquoted value: YAML reads it as a comment, and the value ends before it."""

    line: int  # 0-based, in the YAML text
    value: str  # what YAML read
    text: str  # what it dropped, after the `#`

    @property
    def message(self) -> str:
        return f"'#{cut(self.text)}' is read as a YAML comment, not as part of the value, and would be dropped"

    @property
    def quoted(self) -> str:
        return f"{cut(self.value)} #{cut(self.text)}" if self.value else f"#{cut(self.text)}"

    @property
    def hint(self) -> str:
        return (
            f"put the whole value in quotes, its '#' and all (\"{self.quoted}\"); a comment after a value is "
            "written with two spaces before its '#' and one after"
        )


def dropped_text(node: yaml.ScalarNode, lines: list[str]) -> DroppedText | None:
    """The text YAML dropped as a comment right after the unquoted `node`, when it reads as part of the value:
    a `#` after a single space (`Lithuania #1 to ratify`), or with no space after it (`#cybercrime`)."""
    if node.style not in (None, "") or node.end_mark.line >= len(lines):
        return None
    match = _COMMENT.match(lines[node.end_mark.line][node.end_mark.column :])
    if not match or not match["text"].strip():
        return None
    if len(match["gap"]) >= 2 and match["text"][:1].isspace():
        return None  # `by: Jan Kowalski   # who or what translated it`: a comment, as the scaffold writes them
    return DroppedText(node.end_mark.line, node.value, match["text"])


def continued_items(node: yaml.ScalarNode, lines: list[str]) -> list[int]:
    """The 0-based lines, after its first, of the unquoted list item `node` that start `- ` (or `-` and the text,
    an item's space forgotten): YAML reads a `- ` line indented deeper than the item above it as more of that item's
    text (`- EU` over `  - PL` is one item, `EU - PL`; `  -cyber` under `- ratyfikacja`, `ratyfikacja -cyber`), and a
    list of tags or names takes it without a word."""
    if node.style not in (None, ""):
        return []
    last = min(node.end_mark.line, len(lines) - 1)
    return [number for number in range(node.start_mark.line + 1, last + 1) if _ITEM_START.match(lines[number])]


# A line that opens a block: `key:` with nothing after it but a comment, or a list item's `- key:`.
_OPENS_BLOCK = re.compile(r"^[ \t]*(?:- +)?[^\s#][^#]*:[ \t]*(?:#.*)?$")
# A list item that is a mapping: `- from: en`, its other keys written under its first.
_MAPPING_ITEM = re.compile(r"^ *- +[^\s#\[{\"'][^:#]*:(?:\s|$)")


def tabs_as_spaces(lines: list[str]) -> tuple[list[str], list[tuple[int, int]]] | None:
    """`lines` with the tabs of each line's indentation written as spaces, as the lines around it are indented:
    a level deeper than a line that opens a block (`source:`), at the level of the line above when that is
    indented with the same tabs (its sibling), else at the level of the lines before and after it; and each such
    line's 0-based number with the spaces it got. None when no line is indented with a tab, or when the lines around
    one are at two levels (after a block's last line: is it the block's or the next?). Where the lines, so read,
    are YAML, the file's other problems are told with the tabs', not a round later."""
    respaced, tabbed = list(lines), []
    for number, line in enumerate(lines):
        indentation = _indentation(line)
        if "\t" not in indentation:
            continue
        above = next((n for n in range(number - 1, -1, -1) if lines[n].strip()), None)
        before = respaced[above] if above is not None else ""
        after = next((lines[n] for n in range(number + 1, len(lines)) if lines[n].strip()), None)
        if _OPENS_BLOCK.match(before):
            spaces = len(before) - len(before.lstrip(" ")) + 2
        elif above is not None and _indentation(lines[above]) == indentation:
            spaces = len(before) - len(before.lstrip(" "))  # tabbed as the line above: its sibling
        else:
            spaces = _level(before, line)
            if after is not None and ("\t" in _indentation(after) or _level(after, line) != spaces):
                return None
        respaced[number] = " " * spaces + line[len(indentation) :]
        tabbed.append((number, spaces))
    return (respaced, tabbed) if tabbed else None


def _indentation(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _level(neighbour: str, line: str) -> int:
    """The indentation `line` has as a sibling of the line `neighbour`: a key after `- from: en` goes under `from`."""
    if _MAPPING_ITEM.match(neighbour) and not line.lstrip(" \t").startswith("-"):
        return len(neighbour) - len(neighbour.lstrip(" -"))
    return len(neighbour) - len(neighbour.lstrip(" "))


def cut(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def syntax_hint_at(
    lines: list[str], line: int | None, offset: int = 0, loader: type = _SafeLoader
) -> tuple[str, int | None]:
    """`syntax_hint`, and the 0-based line to tell it at: the line YAML marks, or the line before it when the
    mistake named is that line's shape (`  -cyber`, an item's space forgotten, is marked on the line after it)."""
    hint = syntax_hint(lines, line, offset, loader)
    if line is not None and 0 < line <= len(lines):
        before = lines[line - 1]
        shaped = _line_hint(before, f"line {line + offset}") or line_hint(
            [*lines, ""], line - 1, f"line {line + offset}", loader
        )
        if shaped is not None and shaped == hint:
            return hint, line - 1
    return hint, line


def syntax_hint(lines: list[str], line: int | None, offset: int = 0, loader: type = _SafeLoader) -> str:
    """What to do about a YAML syntax error reported at the 0-based `line` of `lines` (the file's line
    `line + 1 + offset`): the newcomer's mistake on that line or the one before named, or general advice.
    `loader` reads the YAML as the caller does, to check that a line written as a hint says makes it read."""
    if line is None or line > len(lines):
        return GENERIC_HINT
    if line == len(lines):  # the line after the text (the closing `---`): the mistake is on the text's last
        lines = [*lines, ""]
    here = lines[line]
    for number in (line, line - 1):  # `...` ends a document: YAML finds the next one on the line after it
        if number >= 0 and (marker := _DOCUMENT_MARKER.match(lines[number])):
            where = "this line" if number == line else f"line {number + 1 + offset}"
            return (
                f"a file's YAML is one document: {where} (`{marker[1]}`) starts or ends one, so "
                "what follows is another; remove that line, and keep every record or field in the one document"
            )
    if "\t" in here[: len(here) - len(here.lstrip())]:
        return "this line is indented with a tab: YAML indents with spaces only; replace the tab with spaces"
    for number in (line, line - 1):
        indentation = lines[number][: len(lines[number]) - len(lines[number].lstrip())] if number >= 0 else ""
        if indentation.strip(" \t"):  # a no-break space (U+00A0) or its kin, pasted from a web page
            other = next(char for char in indentation if char not in " \t")
            where = "this line" if number == line else f"line {number + 1 + offset}"
            return (
                f"{where} is indented with U+{ord(other):04X}, a space YAML does not read as one: retype its "
                "indentation with the space bar"
            )
    for number in (line, line - 1):
        if number >= 0 and (hidden := hidden_character(_structure(lines[number]))):
            where = "this line" if number == line else f"line {number + 1 + offset}"
            return (
                f"{where} holds {hidden}, where its key is written (from the line's start to the ':' after the "
                "key): YAML reads it as part of the key or of the indentation; delete it (retype the line up to "
                "that ':')"
            )
    for number in (line, line - 1):
        where = "this line" if number == line else f"line {number + 1 + offset}"
        if number >= 0 and (hint := _line_hint(lines[number], where) or line_hint(lines, number, where, loader)):
            return hint
    if (
        line > 0
        and (parent := _FIELD_LINE.match(lines[line - 1]))
        and parent["value"]
        and _indent(here) > _key_column(lines[line - 1])
    ):
        if _out_of_step(lines, line) and (hint := indentation_hint(lines, line, offset, loader)):
            return hint
        return (
            f"line {line + offset} gives `{parent['key']}` a value, and this line, indented under it, a field: "
            f"a field has one or the other (`{parent['key']}:` alone on its line, its fields indented under it)"
        )
    if (opened := _unclosed(lines, line)) is not None:
        number, mark = opened
        if mark in "[{":
            return (
                f"the {mark} opened on line {number + 1 + offset} is not closed on that line, so YAML reads on into "
                "the fields after it: close it there; a '#' in it starts a comment that hides the rest of the line, "
                'so quote an item that holds one (`["#cyber"]`)'
            )
        return (
            f"the quotes opened on line {number + 1 + offset} are not closed on that line, so YAML reads on "
            "into the fields after it: end that value with its quotation mark"
        )
    last = _FIELD_LINE.match(here)
    ends_in_it = not any(later.strip() for later in lines[line + 1 :])
    if last and last["value"][:1] in "\"'" and _after_quoted(last["value"]) is None and ends_in_it:
        return "the quotes opened on this line are not closed: end the value with its quotation mark"
    return indentation_hint(lines, line, offset, loader) or GENERIC_HINT


# A line's key, before its `: `; else the indentation and `- ` (or `? `) markers that start it.
_KEY = re.compile(r"(?P<key>.*?):(?:[ \t]|$)")
_MARKERS = re.compile(r"(?P<markers>.*[-?])(?:[ \t]|$)")


def _structure(line: str) -> str:
    """What YAML reads of `line` as its structure, not as a value: a character no reader sees there is a mistake
    (U+FEFF before `lang: en`, U+200B before `- item` or in the indentation of `url: x`); in a value (a soft hyphen
    in `- cyber-crime`, an emoji's joiner, a direction mark before a word) it is text."""
    if key := _KEY.match(line):
        return key["key"]
    end = next(
        (at for at, char in enumerate(line) if char not in " \t-?" and hidden_character(char) is None), len(line)
    )
    if end == len(line):  # no text on the line (a zero-width space alone): all of it is structure
        return line
    lead = line[:end]
    if markers := _MARKERS.match(lead):
        return markers["markers"]
    return lead.rstrip("".join(char for char in lead if char not in " \t"))  # what is before the text, not at it


# What no reader sees: a format character (a byte order mark U+FEFF left where two files were joined, a zero-width
# space or joiner pasted from a web page, a direction mark) or one of private use.
_HIDDEN_CATEGORIES = frozenset({"Cf", "Co"})


def hidden_character(text: str) -> str | None:
    """The first character of `text` no reader sees, named (`U+FEFF (ZERO WIDTH NO-BREAK SPACE), a character no
    reader sees`); None when it has none."""
    for char in text:
        if unicodedata.category(char) in _HIDDEN_CATEGORIES:
            return f"U+{ord(char):04X} ({unicodedata.name(char, 'unnamed')}), a character no reader sees"
    return None


def _line_hint(text: str, where: str) -> str | None:
    if bare := _NO_SPACE.match(text):
        return f"{where} has no space after the colon of `{bare['key']}:`: write `{bare['key']}: {bare['value']}`"
    field = _FIELD_LINE.match(text)
    if not field or not field["value"]:
        return None
    key, value = field["key"], field["value"]
    if unseen := _unseen_after_closed(value):
        what = "quoted value" if value[0] in "\"'" else "list" if value[0] == "[" else "mapping"
        return (
            f"the {what} of `{key}` on {where} is closed, and followed by {unseen}: YAML reads it as more of "
            "the line after the value; delete it (retype the end of the line)"
        )
    if value[0] in "\"'" and (rest := _after_quoted(value)) and not rest.lstrip().startswith("#"):
        inside = 'write a " inside it as \\"' if value[0] == '"' else "write a ' inside it twice ('')"
        return (
            f"the quoted value of `{key}` on {where} ends at its second {value[0]}, before "
            f"`{cut(rest.strip(), 30)}`: {inside}, or put the value in the other kind of quotes"
        )
    if value[0] in "\"'":
        return None  # quoted, whole on the line or running on: what it holds is text (see `_unclosed`)
    if value[0] in _TYPOGRAPHIC_QUOTES:
        return (
            f"the value of `{key}` on {where} starts with {value[0]}, which YAML reads as a letter, not as a "
            f'quotation mark: put the whole value in straight quotes, `{key}: "{_escaped(cut(value))}"`'
        )
    if _reserved_start(value) and value[0] in "[{":
        close = "]" if value[0] == "[" else "}"
        return (
            f"the value of `{key}` on {where} starts with '{value[0]}', which YAML reads as a "
            f"{'list' if close == ']' else 'mapping'} closed on the same line: close it with '{close}' "
            f"(`{key}: {value[0]}...{close}`), or, if it is a text, {_quote(key)}"
        )
    if _reserved_start(value):
        return f"the value of `{key}` on {where} starts with '{value[0]}', which YAML reserves: {_quote(key)}"
    if re.search(r":(\s|$)", value):
        return f"the value of `{key}` on {where} holds ': ', which YAML reads as a field's: {_quote(key)}"
    return None


def _unseen_after_closed(value: str) -> str | None:
    """The character no reader sees that is all that follows a quoted value or a `[...]`/`{...}` closed on its
    line (`"Hanoi"` and a zero-width space, `[VN]` and a no-break space), named; None when there is none, or
    visible text follows too (what YAML is told about that is the text)."""
    if value[0] in "\"'":
        rest = _YAML_COMMENT.split(_after_quoted(value) or "", maxsplit=1)[0]
    elif value[0] in "[{":
        code = _YAML_COMMENT.split(value, maxsplit=1)[0]
        closed = code.rstrip("".join(char for char in code if _unseen(char)) + " \t")
        rest = code[len(closed) :] if closed.endswith("]" if value[0] == "[" else "}") else ""
    else:
        return None
    if not rest.strip(" \t") or any(not _unseen(char) for char in rest.strip(" \t")):
        return None
    return _unseen(next(char for char in rest if char not in " \t"))


def _unseen(char: str) -> str | None:
    """`char` named, if no reader sees it where YAML reads it: a format or private-use character, or a space
    YAML does not read as one (U+00A0, U+3000)."""
    if unicodedata.category(char) == "Zs" and char != " ":
        return f"U+{ord(char):04X} ({unicodedata.name(char, 'unnamed')}), a space YAML does not read as one"
    return hidden_character(char)


def _reserved_start(value: str) -> bool:
    """Whether the unquoted `value` starts with what YAML reads as something else than the start of a text:
    `[` or `{` not closed at the line's end (`[Pilne] Litwa`), `|` or `>` with text after it, `- ` or `? `."""
    first, rest = value[0], value[1:]
    if first in _RESERVED_START:
        return True
    if first in "[{":
        return not _code(value).endswith("]" if first == "[" else "}")
    if first in "|>":
        return bool(rest.strip(" +-0123456789")) and not rest.lstrip(" +-0123456789").startswith("#")
    return first in "-?" and rest[:1] == " "


def _code(value: str) -> str:
    """`value` up to what may start a comment: a `#` after a space, or after `[`, `{` or `,` in a list."""
    return re.split(r"(?<=[\s\[{,])#", value, maxsplit=1)[0].rstrip()


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _out_of_step(lines: list[str], line: int) -> bool:
    """Whether the 0-based `line`, indented deeper than the field with a value above it, reads as that field's
    sibling pushed one space too far (`- code: DE` over `   status: signed`) rather than as a field meant under it,
    which is written two spaces deeper (`source: https://...` over `  publisher: ...`)."""
    return _indent(lines[line]) == _key_column(lines[line - 1]) + 1


def _key_column(text: str) -> int:
    """Where the key of the line `text` starts: after the `- ` of a list item (`  - date: x`: 4)."""
    item = re.match(r"[ ]*(?:- +)?", text)
    return item.end() if item else 0


def _escaped(text: str) -> str:
    """`text` as it is written inside straight double quotes."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _quote(key: str) -> str:
    return f'put the whole value in quotes: `{key}: "..."`'


def _after_quoted(value: str) -> str | None:
    """What follows the closing quote of the quoted `value`, or None when it is not closed on this line."""
    mark, index = value[0], 1
    escape = "\\" if mark == '"' else "''"  # `\"` inside "...", `''` inside '...'
    while index < len(value):
        if value.startswith(escape, index):
            index += 2
        elif value[index] == mark:
            return value[index + 1 :]
        else:
            index += 1
    return None


def _unclosed(lines: list[str], line: int) -> tuple[int, str] | None:
    """The 0-based line, before `line`, of the last field whose quoted value or `[...]`/`{...}` is not closed on
    its line and runs on over a line that looks like a field of its own (a quoted value may span lines; a field
    may not), and its opening mark."""
    for number in range(line - 1, -1, -1):
        field = _FIELD_LINE.match(lines[number])
        value = field["value"] if field else None
        if not value or value[0] not in "\"'[{":
            continue
        if value[0] in "\"'" and _after_quoted(value) is not None:
            continue
        if value[0] in "[{" and _code(value).endswith("]" if value[0] == "[" else "}"):
            continue
        level = _key_column(lines[number])  # `  - from: "vi`: its item's other keys are at 4
        runs_on = any(_KEY_LINE.match(later) and _indent(later) <= level for later in lines[number + 1 : line + 1])
        return (number, value[0]) if runs_on else None
    return None
