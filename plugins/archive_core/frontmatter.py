"""Split a content file into YAML front-matter and Markdown body, and read YAML safely.

YAML is read with the C safe loader when PyYAML has it. Booleans follow
YAML 1.2 (only true/false), so that `countries: [NO]` means Norway, not
False. Before anything is built from it, every YAML text (front-matter and
curated data alike, `parse_yaml`) is scanned as a stream of events, which
needs no recursion: nesting deeper than MAX_YAML_DEPTH is refused there, as
the C loader's recursive composer would crash the process on it, and more
values than MAX_NODES, before any node is made. Refused
too, each at its line: anchors and aliases (the way to a "billion laughs"
bomb), merge keys and duplicate keys (a reviewer reads the first value, the
site would show the last), and text that content may not hold (see `text`).
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any

import yaml

from . import paths
from .errors import ContentError, Problem, content_error, in_file_order
from .pelican_keys import metadata_block_hint
from .scalar_lines import written_line
from .text import (
    bytes_problem,
    invisible_problem,
    is_prose,
    length_problem,
    line_of,
    paragraph_problem,
    text_problem,
)
from .wide_text import decode_wide
from .yaml_mistakes import continued_items, cut, dropped_text, hidden_character, syntax_hint_at, tabs_as_spaces
from .yaml_tags import (
    _CONSTRUCTOR_ERRORS,
    _FIELD_NAME,
    _OFFSET,
    _STR_TAG,
    _TAG,
    ConstructorError,
    FrontMatterLoader,
    _constructed_without,
    _item_names,
    _unreadable_values,
    _without_tag,
)

FENCE = "---"
# The field of a problem of a YAML text as a whole (of a data file: its shape, a syntax error, nothing in it), where
# no key names it: every reader of a data file names it so, as the YAML reading does.
YAML_FIELD = "yaml"
MAX_FILE_BYTES = paths.MAX_FILE_BYTES
# The most keys a mapping may have: ten times a front-matter's fields (15) or a data record's (about 10), more
# than the world has countries. Each unknown key is looked up among the fields it might have meant; 100,000 took
# `make check` 17 s, and a file of 2 MB holds 250,000.
MAX_KEYS = 300
# The most items a list may have: a data file's records (a few hundred at most: the world's countries, the people
# the articles name), an article's tags or countries (a few). Each item is checked: a list of 300,000 (`[[], ...]`,
# 900 KB) took 10 s and told 300,000 problems.
MAX_ITEMS = 10_000
MAX_YAML_DEPTH = 32  # front-matter needs 2 (source.url), curated data 4; the C loader crashes near 100,000
# The most values (keys, items and texts: YAML's nodes) a YAML text may hold: an article's front-matter holds at most
# a few hundred, the largest data file (countries.yaml, the world's countries) a few thousand. A file's worth (2 MB) of
# list items, each list under MAX_ITEMS, took 7 s to compose, check and read, and as many `!!null x` were told as
# 200,000 problems; refused from the event stream, before any node is made.
MAX_NODES = 50_000
# What can open a level of nesting or start a value: a flow bracket or comma, or a block indicator (`- `, `? `, `: `)
# followed by a space or a line break. A text with no more of them than MAX_YAML_DEPTH can neither nest deeper nor
# hold more than MAX_NODES values (no event scan needed).
_NESTING = re.compile(r"[\[{,]|[-?:](?=\s|\Z)")
# What YAML ends a line at, besides a line feed and a CR (`decode` leaves neither bare): git, GitHub and a terminal
# show one line where YAML reads two (`title: "A"<U+2028>countries: [RU]` set a field no reviewer saw). NEL is a
# C1 control, refused in every content file.
_YAML_ONLY_BREAKS = {"\u2028": "U+2028 (LINE SEPARATOR)", "\u2029": "U+2029 (PARAGRAPH SEPARATOR)"}


_MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass(frozen=True)
class SplitDocument:
    path: str
    yaml_text: str
    body: str
    body_line: int  # 1-based line of the file where the body starts


def read_text(path: str | Path, root: str | Path | None = None) -> str:
    """The text of the content file `path`, read inside `root` (see `paths.read_bytes`) and checked by `decode`."""
    return decode(paths.read_bytes(path, root), path)


def decode(data: bytes, path: str | Path) -> str:
    """A content file's bytes as text: strictly UTF-8 (a BOM is allowed and dropped), `\\n` line ends,
    no character that content may not hold (see `text`)."""
    if not data.strip():
        raise content_error(
            path, None, "file", "the file is empty", "start it with a '---' front-matter block, see CONTRIBUTING.md"
        )
    if len(data) > MAX_FILE_BYTES:
        raise content_error(
            path,
            None,
            "file",
            f"the file is larger than {MAX_FILE_BYTES} bytes",
            "split it, or check that it is really an article",
        )
    if wide := decode_wide(data):
        raise content_error(
            path, None, "file", f"the file is {wide[0].upper()} text, not UTF-8",
            "save it again as UTF-8 (in Notepad: Save as, Encoding: UTF-8)",
        )  # fmt: skip
    if (nul := data.find(b"\x00")) >= 0:
        raise content_error(
            path, line_of(data, nul), "file", "the file is binary, not text: it holds a NUL byte",
            "content files are UTF-8 Markdown; delete the NUL, or save the file again as UTF-8 text",
        )  # fmt: skip
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise content_error(
            path,
            line,
            "file",
            f"invalid UTF-8 at byte {exc.start}{_legacy_reading(data, exc.start)}",
            "save it again as UTF-8 (in Notepad: Save as, Encoding: UTF-8); `make import` converts other encodings",
        ) from None
    if problem := bytes_problem(data):
        raise content_error(path, line_of(data, problem.offset), "text", problem.message, problem.hint)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if (cr := text.find("\r")) >= 0:
        raise _bare_cr(path, text, cr)
    # Composed (NFC): a letter saved decomposed (`a` and U+0328, as macOS names files and some editors paste text)
    # is the one letter `ą` a reader sees, and is published as that, so that a search typed with `ą` finds it and
    # a tag, name or title written either way is one. The file is left as written: the text read is the same text,
    # character for character as a reader reads it (`make check` has nothing to tell of it).
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


# The encodings Polish text is saved in by editors that do not write UTF-8: Windows, then ISO.
_LEGACY_ENCODINGS = (("cp1250", "Windows-1250"), ("iso8859_2", "ISO-8859-2"))
_POLISH_LETTER = re.compile(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")


def _legacy_reading(data: bytes, offset: int) -> str:
    """`: the file looks saved as Windows-1250, where it writes 'Łodzi' there`, when the word at `offset` reads as a
    Polish word in an encoding Polish text is saved in; else nothing. Only the word's letters are shown."""
    start = max(data.rfind(b" ", 0, offset), data.rfind(b"\n", 0, offset)) + 1
    ends = [end for end in (data.find(b" ", offset), data.find(b"\n", offset)) if end >= 0]
    chunk = data[start : min(ends, default=len(data))][:64]
    for encoding, name in _LEGACY_ENCODINGS:
        try:
            word = "".join(char for char in chunk.decode(encoding) if char.isalpha())
        except UnicodeDecodeError:
            continue
        if _POLISH_LETTER.search(word):
            return f": the file looks saved as {name}, where it writes {word!r} there"
    return ""


def _bare_cr(path: str | Path, text: str, offset: int) -> ContentError:
    # YAML and Markdown end a line at a bare CR; a terminal returns to the line's start and writes over it, and
    # git shows one line: a reviewer would read other fields than the site.
    if "\n" not in text:
        return content_error(
            path, 1, "file", "its lines end with a bare CR (carriage return), not LF",
            "save the file with LF (Unix) or CRLF (Windows) line ends",
        )  # fmt: skip
    return content_error(
        path, line_of(text, offset), "file", "holds a bare CR (carriage return) that is not followed by LF",
        "delete it, or end the line with LF like the others",
    )  # fmt: skip


def split(text: str, path: str | Path) -> SplitDocument:
    lines = text.split("\n")  # `decode` refused any CR left
    if lines[0].rstrip() != FENCE:
        if hidden := _hidden_fence(lines[0]):
            raise content_error(path, 1, "front-matter", f"the '---' line holds {hidden}", HIDDEN_FENCE_HINT)
        raise content_error(
            path,
            1,
            "front-matter",
            "the file does not start with a '---' line",
            metadata_block_hint(lines[0]) or "put the YAML fields between two '---' lines at the top",
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip() == FENCE:
            return SplitDocument(
                path=str(path),
                yaml_text="\n".join(lines[1:index]),
                body="\n".join(lines[index + 1 :]),
                body_line=index + 2,
            )
    for index in range(1, len(lines)):
        if hidden := _hidden_fence(lines[index]):
            message = f"the '---' line that would close the block opened on line 1 holds {hidden}"
            raise content_error(path, index + 1, "front-matter", message, HIDDEN_FENCE_HINT)
    raise content_error(
        path,
        1,
        "front-matter",
        "the '---' block opened on line 1 is never closed",
        "add a line with '---' after the last field",
    )


HIDDEN_FENCE_HINT = "delete it: the line is '---' alone (retype it)"


def _hidden_fence(line: str) -> str | None:
    """For a line that is '---' but for characters no reader sees (a byte order mark left where two files were
    joined, a zero-width space), the first of them, named: the block read as never opened or never closed."""
    hidden = hidden_character(line)
    shown = "".join(char for char in line if hidden_character(char) is None)
    return hidden if hidden and shown.rstrip() == FENCE else None


def load(doc: SplitDocument) -> dict[str, Any]:
    """Parse the front-matter; errors carry the file's own line numbers."""
    return load_with_nodes(doc)[0]


def load_with_nodes(doc: SplitDocument, told: list[Problem] | None = None) -> tuple[dict[str, Any], yaml.Node | None]:
    """`load`, and the node tree of the front-matter, which knows the line of each field (`node_line`); `told`:
    see `parse_yaml`, where the values YAML cannot read go too (each read as None)."""
    data, root = parse_yaml(
        doc.yaml_text, doc.path, first_line=2, label="front-matter", fenced=True, told=told, unreadable=told
    )
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise content_error(
            doc.path,
            2,
            "front-matter",
            "the front-matter is not a set of `field: value` lines",
            "write one `field: value` per line",
        )
    return data, root


# YAML reads a key (`name: ` on one line) of at most 1,024 characters, and told a longer one in its own words
# (`could not find expected ':'`), often at another line.
MAX_YAML_KEY_CHARS = 1_024
_KEY_START = re.compile(r"[ \t]*(?:-[ \t]+)*")
_KEY_END = re.compile(r":(?:[ \t]|$)")


def _long_key(text: str, error: yaml.MarkedYAMLError) -> tuple[int, int] | None:
    """The 1-based line and length of a key of `text` longer than YAML reads, on a line `error` is marked at (a long
    line of a value may hold `: ` anywhere: the file's error is then another's), or None. A line is looked at only
    when it is long enough to hold one, and its key ends at its first `: `."""
    lines = text.split("\n")
    marked = sorted({mark.line for mark in (error.context_mark, error.problem_mark) if mark is not None})
    for number, line in ((index + 1, lines[index]) for index in marked if index < len(lines)):
        if len(line) <= MAX_YAML_KEY_CHARS:
            continue
        start = _KEY_START.match(line).end()
        if (end := _KEY_END.search(line, start)) is not None and end.start() - start > MAX_YAML_KEY_CHARS:
            return number, end.start() - start
    return None


def parse_yaml(
    text: str,
    path: str | Path,
    first_line: int = 1,
    label: str = YAML_FIELD,
    fenced: bool = False,
    record_key: str | None = None,
    told: list[Problem] | None = None,
    unreadable: list[Problem] | None = None,
) -> tuple[Any, yaml.Node | None]:
    """The data of the YAML `text` (of a file read by `decode`) and its node tree (for line numbers);
    ContentError at `path:line` on any problem, with every problem of a value found (`_check_nodes`).

    `first_line` is the file line where `text` starts; `label` names the
    field of errors that belong to no field (`front-matter`, `yaml`);
    `fenced`: a line follows `text` (the closing `---`), where an error at
    the end of the text is shown; `record_key`: the text is a list of
    records, each named in errors by its value for that key (`DZ.date`, as
    the file's reader names it; `record 3.date` when it has none); `told`:
    where the problems of values that leave the data readable (a text, an
    empty or repeated value) go instead of being raised, so that the reader
    tells them with its own, each field told once; `unreadable`: where the
    problems of the scalars YAML cannot make a value of (`2025-02-30`,
    `!!int "x"`) go, each such value read as None, instead of being raised
    (all of them, with `told`'s).
    """
    offset = first_line - 1
    last_line = text.count("\n") + (1 if fenced else 0)  # 0-based, in `text`
    if breaks := [text.find(char) for char in _YAML_ONLY_BREAKS if char in text]:
        at = min(breaks)
        raise content_error(
            path, offset + line_of(text, at), label,
            f"holds {_YAML_ONLY_BREAKS[text[at]]}, which YAML reads as the end of a line, and git, GitHub and a "
            "terminal do not: a reviewer reads one line where the site reads two",
            "delete it: in a value, write a space; to end the line, press Enter",
        )  # fmt: skip
    try:
        if "&" in text or "*" in text or next(islice(_NESTING.finditer(text), MAX_YAML_DEPTH, None), None):
            _scan_events(text, path, offset, label)
        loader = FrontMatterLoader(text)
        try:
            root = loader.get_single_node()
            if root is None:
                return None, None
            problems: list[Problem] = []
            if _check_nodes(root, text.split("\n"), path, offset, label, record_key, problems) or told is None:
                if problems:
                    raise ContentError(*problems)
            else:
                told += problems
            try:
                data = loader.construct_document(root)
            except (*_CONSTRUCTOR_ERRORS, ConstructorError):  # a scalar that is no value: `2025-02-30`
                failed = _unreadable_values(root, text, str(path), offset, label, record_key)
                if not failed:  # an unknown tag on a list or mapping: a YAML error of the whole text
                    raise
            else:
                # Only a tag (`!!null x`) can have made a value of another kind than its text's.
                failed = (
                    _unreadable_values(root, text, str(path), offset, label, record_key, read=True)
                    if _TAG.search(text)
                    else []
                )
                if not failed:
                    return data, root
        finally:
            loader.dispose()
        found = [problem for _, problem in failed]
        if unreadable is None:
            raise ContentError(*in_file_order([*(told or ()), *found]))
        unreadable += found
        return _constructed_without(root, [node for node, _ in failed]), root
    except yaml.MarkedYAMLError as exc:
        # Looked for only once YAML has failed, and at the lines it marks: a long line of a value (a block of text)
        # may hold `: ` anywhere, and a tab or an unclosed `[` elsewhere was told as that long key.
        if (long_key := _long_key(text, exc)) is not None:
            number, length = long_key
            respaced = tabs_as_spaces(text.split("\n"))  # a tab after the key is told with it, not a round later
            tabs = _tab_problems(respaced[1], path, offset, label) if respaced else []
            raise _LongKey(*in_file_order([*tabs, Problem(
                str(path), offset + number, label,
                f"has a key of {length:,} characters, more than the {MAX_YAML_KEY_CHARS:,} YAML reads",
                "no field's name is longer than a few words: check the field's name, or, if this is a value, "
                "write it after the field it belongs to (`note: ...`)",
            )])) from None  # fmt: skip
        if told is not None and (read := _read_without_tabs(text, path, first_line, label, fenced, record_key)):
            data, root, problems, unread = read
            told += problems
            if unreadable is not None:
                unreadable += unread
            elif unread:
                raise ContentError(*in_file_order([*told, *unread])) from None
            return data, root
        mark = exc.problem_mark or exc.context_mark
        line = min(mark.line, last_line) if mark else None
        hint, line = syntax_hint_at(text.split("\n"), line, offset, FrontMatterLoader)
        raise content_error(
            path,
            line + 1 + offset if line is not None else None,
            label,
            f"YAML error: {exc.problem or exc}",
            hint,
        ) from None
    except yaml.YAMLError as exc:
        raise content_error(path, first_line, label, f"YAML error: {exc}", "check the YAML syntax") from None


def _read_without_tabs(
    text: str, path: str | Path, first_line: int, label: str, fenced: bool, record_key: str | None
) -> tuple[Any, yaml.Node | None, list[Problem], list[Problem]] | None:
    """The data of `text` read with the tabs of its lines' indentation as spaces (`tabs_as_spaces`), with a problem
    at each such line and those of its values (`told`, `unreadable` of `parse_yaml`); None when no line is indented
    with a tab, or when the text so read is still no YAML (its error is told as it is)."""
    respaced = tabs_as_spaces(text.split("\n"))
    if respaced is None:
        return None
    lines, tabbed = respaced
    told: list[Problem] = []
    unread: list[Problem] = []
    tabs = _tab_problems(tabbed, path, first_line - 1, label)
    try:
        data, root = parse_yaml("\n".join(lines), path, first_line, label, fenced, record_key, told, unread)
    except _LongKey as exc:  # a key YAML cannot read after the tab: told with it, not a round later
        raise _LongKey(*in_file_order([*tabs, *exc.problems])) from None
    except ContentError:
        return None
    return data, root, [*tabs, *told], unread


class _LongKey(ContentError):
    """A key longer than YAML reads, with the lines indented with a tab, if any."""


def _tab_problems(tabbed: list[tuple[int, int]], path: str | Path, offset: int, label: str) -> list[Problem]:
    """A problem at each line indented with a tab (`tabs_as_spaces`: its 0-based number and the spaces it gets)."""
    return [
        Problem(
            str(path),
            number + 1 + offset,
            label,
            "this line is indented with a tab, which YAML does not read as indentation",
            f"indent this line with {spaces} spaces, as the lines around it are"
            if spaces
            else "delete the tab: this line starts where the line before does",
        )
        for number, spaces in tabbed
    ]


def _scan_events(text: str, path: str | Path, offset: int, label: str) -> None:
    """Refuse nesting deeper than MAX_YAML_DEPTH, anchors and aliases, and more than MAX_NODES values, from the event
    stream (no recursion, no node made)."""
    depth = nodes = 0
    top_level = _TopLevelField()
    for event in yaml.parse(text, Loader=FrontMatterLoader):
        line = event.start_mark.line + 1 + offset
        if isinstance(event, yaml.NodeEvent) and not isinstance(event, yaml.AliasEvent):
            top_level.read(event, depth)
            nodes += 1
            if nodes > MAX_NODES:
                raise content_error(
                    path, line, _printable(top_level.name or label, label),
                    f"holds more than {MAX_NODES:,} values (keys, list items and texts): the first over is on this "
                    "line",
                    "an article's front-matter holds a few hundred at most, the largest data file a few thousand: "
                    "check that the file is what it should be, and that its lines are indented as the fields and "
                    "records they belong to",
                )  # fmt: skip
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise content_error(
                path,
                line,
                label,
                "YAML anchors and aliases (&name, *name) are not allowed",
                "write each value out in full",
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise content_error(
                    path,
                    line,
                    label,
                    f"values are nested more than {MAX_YAML_DEPTH} levels deep",
                    "content needs a few levels at most: check the brackets and indentation",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


class _TopLevelField:
    """The top-level key whose value the event stream is in (`tags`), when the text is a mapping: what errors told
    from the stream name as the field."""

    def __init__(self) -> None:
        self.name: str | None = None
        self._in_mapping = False
        self._entries = 0  # the root mapping's keys and values so far, alternately

    def read(self, event: yaml.NodeEvent, depth: int) -> None:
        """Note `event`, a node's, met at `depth` (0: the root)."""
        if depth == 0:
            self._in_mapping = isinstance(event, yaml.MappingStartEvent)
        elif depth == 1 and self._in_mapping:
            if self._entries % 2 == 0:  # a key: text, or a list or mapping, which names no field
                self.name = event.value if isinstance(event, yaml.ScalarEvent) else None
            self._entries += 1


def _check_nodes(
    root: yaml.Node,
    lines: list[str],
    path: str | Path,
    offset: int,
    label: str,
    record_key: str | None,
    problems: list[Problem],
) -> bool:
    """Refuse merge keys, keys that are not text, duplicate keys, a key given an empty text (`publisher: ""`:
    left out, the key means "not given"; empty, it is a value forgotten), scalars content may not hold, and
    text of an unquoted value that YAML would drop as a comment (`lines`: the YAML text's). Each problem goes
    to `problems`, one a value; True when the data cannot be read (a merge key, a key that is not text)."""
    path = str(path)
    stack: list[tuple[yaml.Node, str]] = [(root, "")]
    while stack:
        node, where = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            # Only a double-quoted scalar can hold what its text does not show (escapes such as "\x01"); the
            # rest is the file's own text, which `decode` checked.
            problem = text_problem(node.value) if node.style == '"' else None
            if (
                problem
                or (problem := invisible_problem(node.value, is_prose(where)))
                or (node.tag == _STR_TAG and (problem := length_problem(node.value, where)))
                or (node.tag == _STR_TAG and (problem := paragraph_problem(node.value, where)))
            ):
                at = written_line(node, lines, problem.offset)
                where_at = (path, at + 1 + offset, where or label)
                problems.append(Problem(*where_at, problem.message, problem.hint, column=node_column(node, at)))
            elif dropped := dropped_text(node, lines):
                problems.append(Problem(path, dropped.line + 1 + offset, where or label, dropped.message, dropped.hint))
        elif isinstance(node, yaml.SequenceNode):
            if len(node.value) > MAX_ITEMS:
                problems.append(_too_many(node, path, offset, where or label))
                return True
            problems += _repeats(node, path, offset, where or label)
            problems += _continued_items(node, lines, path, offset, _item_names(node, where, record_key))
            stack.extend(reversed(list(zip(node.value, _item_names(node, where, record_key), strict=True))))
        elif isinstance(node, yaml.MappingNode):
            if len(node.value) > MAX_KEYS:
                problems.append(_too_many(node, path, offset, where or label))
                return True
            seen: dict[tuple[str, str], int] = {}
            children: list[tuple[yaml.Node, str]] = []
            for key, value in node.value:
                key_line = key.start_mark.line + 1 + offset
                if key.tag == _MERGE_TAG:
                    problems.append(
                        Problem(path, key_line, where or label, "merge keys (<<) are not allowed",
                                "write each field out in full")
                    )  # fmt: skip
                    return True
                # Text, as YAML reads it: `1:`, `true:`, `!!binary aGk=:` or `!!timestamp "x":` made a key of another
                # kind (or none: a traceback), where every reader looks a field up by its name.
                if not isinstance(key, yaml.ScalarNode) or key.tag != _STR_TAG:
                    problems.append(Problem(path, key_line, where or label, "a key must be plain text",
                                            "write `field: value`"))  # fmt: skip
                    return True
                name = f"{where}.{key.value}" if where else str(key.value)
                if (key.tag, key.value) in seen:
                    first = seen[(key.tag, key.value)]
                    problems.append(
                        Problem(
                            path,
                            key_line,
                            _printable(name, label),
                            f"is set twice, on lines {first} and {key_line}",
                            "keep one: a reviewer reads the first, the site would show the last",
                        )
                    )
                    continue  # its value is the first's problem, or none
                seen[(key.tag, key.value)] = key_line
                if isinstance(value, yaml.ScalarNode) and value.tag == _STR_TAG and not value.value.strip():
                    problems.append(
                        Problem(
                            path,
                            value.start_mark.line + 1 + offset,
                            _printable(name, label),
                            "is empty",
                            "write its value, or delete the line: an empty text is no value, and would show as none",
                        )
                    )
                    continue
                # A key's own text is not checked here: a key holding a hidden character is no key its reader
                # knows, and the reader tells it once, with the name to retype (`Suggestions.hint`).
                children.append((value, _printable(name, label)))
            stack.extend(reversed(children))
    return False


def _too_many(node: yaml.MappingNode | yaml.SequenceNode, path: str, offset: int, field: str) -> Problem:
    """A mapping of more than MAX_KEYS keys or a list of more than MAX_ITEMS items, refused at the first one over,
    before any is looked at."""
    if isinstance(node, yaml.MappingNode):
        most, first_over, what = MAX_KEYS, node.value[MAX_KEYS][0], "keys, more than the {} a mapping may have"
        hint = "a front-matter has 15 fields and a data record about 10"
    else:
        most, first_over, what = MAX_ITEMS, node.value[MAX_ITEMS], "items, more than the {} a list may have"
        hint = "an article's lists hold a few items, a data file's records a few hundred"
    return Problem(
        path,
        first_over.start_mark.line + 1 + offset,
        field,
        f"has {len(node.value):,} {what.format(f'{most:,}')} (the first over is on this line)",
        f"{hint}: check that the file is what it should be, and that its lines are indented as the fields and "
        "records they belong to",
    )


def _continued_items(
    node: yaml.SequenceNode, lines: list[str], path: str, offset: int, names: list[str]
) -> list[Problem]:
    """The `- ` lines of a list indented deeper than the item above them, which YAML reads as more of that item:
    told at the first, naming them all."""
    if node.flow_style:  # `[a, b]`: its items are parted by commas, not lines
        return []
    problems = []
    for item, name in zip(node.value, names, strict=True):
        if isinstance(item, yaml.ScalarNode) and (continued := continued_items(item, lines)):
            above = item.start_mark.line + 1 + offset
            told = [str(line + 1 + offset) for line in continued]
            these = f"line {told[0]}" if len(told) == 1 else f"lines {', '.join(told[:-1])} and {told[-1]}"
            glued = [lines[line].lstrip(" \t")[1:] for line in continued if lines[line].lstrip(" \t")[1:2].strip()]
            written = f"`- {cut(glued[0].rstrip(), 30)}`" if glued else ""
            spaced = (
                (f", written {written}" if len(told) == 1 else f", each as `- ` and its text ({written})")
                if glued
                else ""
            )
            problems.append(
                Problem(
                    path,
                    continued[0] + 1 + offset,
                    name,
                    f"the `-` of {these} is read as more of the item above (line {above}), which YAML reads as "
                    f"{cut(item.value)!r}"
                    if glued
                    else f"the `- ` of {these} is read as more of the item above (line {above}), which YAML reads "
                    f"as {cut(item.value)!r}",
                    f"indent {these} as line {above} is{spaced}: a `-` line indented deeper than the item above it "
                    "continues that item, and an item starts with `- `, a dash and a space"
                    if glued
                    else f"indent {these} as line {above} is: a `- ` line indented deeper than the item above it "
                    "continues that item",
                )
            )
    return problems


def _repeats(node: yaml.SequenceNode, path: str, offset: int, field: str) -> list[Problem]:
    """A list that holds one value twice (`countries: [VN, VN]`, one source twice): a problem at each repeat.

    Lists of records (mappings) are left to what reads them, which names the key two records share
    (`PL.code: is the code of the record on line 4 too`)."""
    seen: dict[Any, int] = {}
    problems = []
    for item in node.value:
        if isinstance(item, yaml.MappingNode):
            continue
        line = item.start_mark.line + 1 + offset
        value = _plain_value(item)
        if value in seen:
            shown = repr(value[1]) if isinstance(value[1], str) else "the same item"
            where = f", on lines {seen[value]} and {line}" if seen[value] != line else ""
            column = item.start_mark.column
            problems.append(
                Problem(path, line, _printable(field, "yaml"), f"lists {shown} twice{where}", "keep one", column=column)
            )
        else:
            seen[value] = line
    return problems


def _plain_value(node: yaml.Node) -> Any:
    """A hashable form of a node's value, equal for equal values (depth is bounded by MAX_YAML_DEPTH)."""
    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.value.strip())
    if isinstance(node, yaml.SequenceNode):
        return ("seq", tuple(_plain_value(item) for item in node.value))
    return ("map", frozenset((_plain_value(key), _plain_value(value)) for key, value in node.value))


def _printable(name: str, fallback: str) -> str:
    """A field name that keeps `path:line: field:` parseable."""
    return name if _FIELD_NAME.fullmatch(name) else fallback


def field_line(doc: SplitDocument, dotted_field: str) -> int | None:
    """The file line where `field` (`source.url`, `translation_chain.0.from`) is set, for error messages.

    A field that is not there (a missing key, an index past the end) is shown at the nearest thing that is:
    the list item or mapping that should hold it.
    """
    return node_line(compose(doc), dotted_field)


def compose(doc: SplitDocument) -> yaml.Node | None:
    """The front-matter's node tree (None when it cannot be read), for a reader that has not parsed it with
    `load_with_nodes`: what `node_line` and `written_scalar` read."""
    try:
        return yaml.compose(doc.yaml_text, Loader=FrontMatterLoader)
    except yaml.YAMLError:
        return None


def written_offset(root: yaml.Node | None, field: str) -> int | None:
    """The UTC offset, in minutes, that the date-time of top-level `field` was written with (`10:00+07:00`: 420,
    `10:00Z`: 0); None for a date, or a time written without one. What the loader drops (`naive`), kept for
    what states a moment: feeds and structured data."""
    node = next((v for k, v in root.value if getattr(k, "value", None) == field), None) if root else None
    text = node.value.strip() if isinstance(node, yaml.ScalarNode) else ""
    if not any(separator in text for separator in "Tt "):
        return None
    if node.tag == _STR_TAG:  # quoted: read by `schema` as Python reads it (`+0700`, `+07:00:00`), so read alike
        try:
            offset = datetime.fromisoformat(text).utcoffset()
        except ValueError:
            return None
        return None if offset is None else int(offset.total_seconds()) // 60
    if text.endswith(("Z", "z")):
        return 0
    if not (offset := _OFFSET.search(text)):
        return None
    minutes = int(offset[2]) * 60 + int(offset[3] or 0)
    return -minutes if offset[1] == "-" else minutes


def node_line(root: yaml.Node | None, dotted_field: str) -> int | None:
    """`field_line` in the node tree of a front-matter already parsed (`load_with_nodes`)."""
    lines, node = _walk(root, dotted_field)
    return node.start_mark.line + 2 if node is not None else (lines[-1] if lines else None)


def node_column(node: yaml.Node | None, line: int) -> int | None:
    """Where `node` starts on `line` (0-based, of the YAML text): None when it starts on another line."""
    return node.start_mark.column if node is not None and node.start_mark.line == line else None


def value_node(root: yaml.Node | None, dotted_field: str) -> yaml.Node | None:
    """The node of `dotted_field`'s value in a front-matter already parsed; None where it is not given."""
    return _walk(root, dotted_field)[1]


def _walk(root: yaml.Node | None, dotted_field: str) -> tuple[list[int], yaml.Node | None]:
    """The line of each step along `dotted_field`, and the node it names (None where the path ends before it).

    A key may hold a dot (`"countries.1": x`, reported as such): in a mapping, the rest of the path as one key
    comes first. A list's item is named by its index in ASCII digits: `¹` is a digit to str.isdigit(), and no
    index int() reads (a traceback, found beside a finding of the importer's fuzzing)."""
    names, lines, node = dotted_field.split("."), [], root
    index = 0
    while index < len(names):
        if isinstance(node, yaml.MappingNode):
            rest = ".".join(names[index:])
            found = _value_of(node, rest) or _value_of(node, names[index])
            if found is None:
                return lines, None
            key, node = found
            index += rest.count(".") + 1 if key.value == rest else 1
            lines.append(key.start_mark.line + 2)
        elif isinstance(node, yaml.SequenceNode) and names[index].isascii() and names[index].isdigit():
            if int(names[index]) >= len(node.value):
                return lines, None
            node = node.value[int(names[index])]
            index += 1
            lines.append(node.start_mark.line + 2)
        else:
            return lines, None
    return lines, node


def _value_of(node: yaml.MappingNode, name: str) -> tuple[yaml.Node, yaml.Node] | None:
    return keyed(node).get(name)


def keyed(node: yaml.MappingNode, last: bool = False) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """Each text key of `node` -> the key's node and its value's (the first of a key set twice, or the `last`, the
    value YAML reads), made once per mapping: each key's line was searched for from the mapping's first key,
    and 8,000 unknown keys (72 KB) took 4 s, 100,000 minutes, in front-matter and data files alike."""
    indices = _LAST_KEYS if last else _FIRST_KEYS
    if (index := indices.get(node)) is None:
        index = indices[node] = {}
        for key, value in reversed(node.value) if last else node.value:
            if isinstance(text := getattr(key, "value", None), str):  # a key that is a list or mapping: no name
                index.setdefault(text, (key, value))
    return index


_FIRST_KEYS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_LAST_KEYS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def written_scalar(doc: SplitDocument, dotted_field: str, root: yaml.Node | None) -> str | None:
    """The text of `field`'s value as the file writes it, without a tag (`!!float 1e400`: `1e400`), if it is a
    scalar: a hint then quotes what the contributor wrote, not what YAML made of it (`inf`). `root`: the
    front-matter's nodes."""
    node = _walk(root, dotted_field)[1]
    if not isinstance(node, yaml.ScalarNode) or node.style:  # a quoted or block scalar is text already
        return None
    return _without_tag(doc.yaml_text, node)
