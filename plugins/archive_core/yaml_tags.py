"""How the archive reads YAML's tags: the safe loader every YAML text is read with (YAML 1.2 booleans, a timestamp
as its wall-clock time, integers of bounded length), and the pass that judges each value written with a tag
(`_unreadable_values`): one YAML cannot make a value of, and one a tag makes another kind of value than its text.
`frontmatter.parse_yaml` reads every YAML text, front-matter and data files alike, with them.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from datetime import datetime
from typing import Any

import yaml

from .errors import Problem
from .field_types import QUOTED_MAX_CHARS, kind_of
from .text import LABEL_MAX_CHARS
from .when import DATE_HINT, YEAR_HINT, YearTooEarly, check_year, impossible_date

ConstructorError = yaml.constructor.ConstructorError

# A field as errors name it (`source.url`, `tags.0`, `Pham The Tung.role.en`): no colon, nothing invisible.
_FIELD_NAME = re.compile(r"[\w.'’-]+(?: [\w.'’-]+)*")

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# What JSON leaves as it is but a YAML stream may not hold (DEL, C1 controls, non-characters), and the line breaks
# YAML folds inside a quoted scalar (NEL, LS, PS): a tool writing a value as given writes them as \u escapes, which
# read back as the same characters, so that the value's own check names them, by its field (`make new TITLE=...`).
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_BOOL_TAG = "tag:yaml.org,2002:bool"
_STR_TAG = "tag:yaml.org,2002:str"


class FrontMatterLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """Safe loader with YAML 1.2 booleans."""


FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
FrontMatterLoader.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar that reads back as `text`, whatever it holds (a JSON string is one)."""
    return _YAML_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", json.dumps(text, ensure_ascii=False))


def as_written(slug: str) -> str:
    """`slug` (a-z, 0-9 and hyphens) as a hint proposes to write it: in quotes where the front-matter reads it, so
    written, as a value of another type than text (`"7"`, `"true"`, `"null"`, `"0x10"`, `"2025-10-26"`); as it is
    elsewhere (`yes`, `1e3`), as a valid value is written."""
    tag = FrontMatterLoader("").resolve(yaml.ScalarNode, slug, (True, False))
    return slug if tag == _STR_TAG else f'"{slug}"'


_OFFSET = re.compile(r"([-+])([0-9]{1,2})(?::?([0-9]{2}))?\s*$")


# What PyYAML's constructors raise on a scalar they cannot read: ValueError for one their pattern matched
# (`2025-02-30`), others for one given their tag explicitly that it does not fit (`!!timestamp "x"`: AttributeError,
# `!!bool "maybe"`: KeyError, `!!int ""`: IndexError), which made a traceback of `make check`.
_CONSTRUCTOR_ERRORS = (ValueError, TypeError, AttributeError, IndexError, KeyError)
_YAML_TAGS = "tag:yaml.org,2002:"  # the prefix of YAML's own tags, written `!!`
# The tag of a list and of keys written without one, each on its own kind of node: any other (`!!seq` on keys, `!!map`
# on a list too) is read by its constructor, which may refuse it.
# Where a tag may be written: at a line's start, after a space or a flow list's or mapping's `[`, `{` or `,`, or
# after a flow mapping's `:` (`{"key":!!null x}`, JSON's way of writing); a `!` there in a text is read for nothing.
_TAG = re.compile(r"(?:^|[\s\[{,:])!", re.MULTILINE)
_PLAIN_COLLECTION_TAGS = {yaml.SequenceNode: f"{_YAML_TAGS}seq", yaml.MappingNode: f"{_YAML_TAGS}map"}


class OffsetOutOfRange(ValueError):
    """A timestamp whose time zone offset is 24 hours or more (`+25:00`)."""


def _wall_clock_timestamp(loader: yaml.BaseLoader, node: yaml.ScalarNode) -> Any:
    """A YAML timestamp as the wall-clock time it spells: `10:00:00+07:00` is 10:00, its offset dropped.

    Every date the archive reads is naive, so that dates with and without an offset never meet in one
    comparison (sorting, feeds, the timeline, open data): a source's date is the one its publisher printed.
    """
    offset = _OFFSET.search(node.value) if ("T" in node.value or " " in node.value.strip()) else None
    if offset and (int(offset[2]) >= 24 or int(offset[3] or 0) >= 60):
        raise OffsetOutOfRange(f"the time zone offset {offset[0].strip()} is out of range")
    return check_year(naive(yaml.SafeLoader.construct_yaml_timestamp(loader, node)))


def naive(value: Any) -> Any:
    """A datetime without its offset (its wall-clock time); anything else as it is."""
    return value.replace(tzinfo=None) if getattr(value, "tzinfo", None) is not None else value


FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _wall_clock_timestamp)

# No field takes a whole number of more characters (a count, a year). PyYAML reads a YAML 1.1 base-60 number
# (`1:30:00`) part by part, multiplying a value that grows with the text: `1:1:1...` of 300,000 parts (600 KB)
# took 30 s, of the 1,000,000 a file holds minutes. Python itself reads no more than 4,300 decimal digits.
MAX_NUMBER_CHARS = 100


def _bounded_int(loader: yaml.BaseLoader, node: yaml.ScalarNode) -> int:
    if len(node.value) > MAX_NUMBER_CHARS:
        raise ValueError(f"{len(node.value):,} characters, more than any number a field takes")
    return yaml.SafeLoader.construct_yaml_int(loader, node)


FrontMatterLoader.add_constructor("tag:yaml.org,2002:int", _bounded_int)


def written_tag(text: str, node: yaml.Node | None) -> str | None:
    """The tag `node` is written with in `text`, its YAML (`!!int` of `!!int 5`), as the file writes it; None for a
    value written without one."""
    if node is None or not text.startswith("!", node.start_mark.index):
        return None
    return _shown_tag(node.tag)


def _without_tag(text: str, node: yaml.ScalarNode) -> str:
    """The text of `node` as `text`, its YAML, writes it, without its tag."""
    written = text[node.start_mark.index : node.end_mark.index]
    return written.split(None, 1)[-1] if written.startswith("!") else written


def _unreadable_values(
    root: yaml.Node, text: str, path: str, offset: int, label: str, record_key: str | None, read: bool = False
) -> list[tuple[yaml.Node, Problem]]:
    """Each value YAML makes nothing the archive reads of, with its problem at its field and line, in the file's
    order: a scalar that cannot be constructed (a timestamp that is no real date, an integer longer than Python
    reads, a tag its value does not fit), a scalar whose tag makes it another kind of value than its text
    (`!!null x`, `!!bool "yes"`: `_retyped`), and a list or mapping given a tag YAML makes nothing of (`!foo`,
    `!!python/object:x`) or one it does not fit (`!!binary [a]`, `!!omap [a]`), read by PyYAML's own constructor
    of that tag. The items of a list or mapping are judged before it, each at its own line (a tag PyYAML reads,
    `!!omap`, `!!set`, `!!pairs`, was told as the tag's problem, at its line, for an impossible date in one of its
    items), and it is read with each that failed as None. `read`: YAML read the whole of `root` (only a tag can
    then be wrong)."""
    loader = FrontMatterLoader("")
    failed: list[tuple[yaml.Node, Problem]] = []

    def fail(node: yaml.Node, where: str | None, message: str, hint: str) -> None:
        line = node.start_mark.line + 1 + offset
        failed.append((node, Problem(path, line, where or label, message, hint, column=node.start_mark.column)))
        loader.constructed_objects[node] = None  # what holds it is read with it as None

    # Where the text may write a tag: once YAML read it all, only a value written with one is judged, and a list or
    # mapping holding none is not walked (a front-matter of 600,000 items and one tag took a second).
    tags = [match.end() - 1 for match in _TAG.finditer(text)] if read else []

    # Depth first, each list or mapping a second time once its items are judged (bounded: MAX_YAML_DEPTH).
    stack: list[tuple[yaml.Node, str | None, bool]] = [(root, None, False)]
    try:
        while stack:
            node, where, items_judged = stack.pop()
            if read and not items_judged and not _holds_a_tag(node, tags):
                continue
            if isinstance(node, yaml.ScalarNode):
                plain_tag = _STR_TAG if node.style else loader.resolve(yaml.ScalarNode, node.value, (True, False))
                if read and node.tag in (plain_tag, _STR_TAG):  # read as written, and read already
                    continue
                try:
                    value = loader.construct_object(node, deep=True)
                except (*_CONSTRUCTOR_ERRORS, ConstructorError) as exc:
                    fail(node, where, *_unreadable_message(exc, node, offset))
                    continue
                if node.tag not in (plain_tag, _STR_TAG) and (
                    retyped := _retyped(loader, node, plain_tag, value, text, where)
                ):
                    fail(node, where, *retyped)
                continue
            if not items_judged:
                stack.append((node, where, True))
                stack.extend(reversed(_named_items(node, where, record_key)))
                continue
            if node.tag == _PLAIN_COLLECTION_TAGS.get(type(node)):
                continue
            try:
                loader.construct_object(node, deep=True)
            except (*_CONSTRUCTOR_ERRORS, ConstructorError) as exc:
                fail(node, where, *_unreadable_message(exc, node, offset))
    finally:
        loader.dispose()
    return sorted(failed, key=lambda found: found[0].start_mark.index)


def _holds_a_tag(node: yaml.Node, tags: list[int]) -> bool:
    """Whether one of `tags`, the sorted places of the text where a tag may be written, is in `node`'s text."""
    at = bisect_left(tags, node.start_mark.index)
    return at < len(tags) and tags[at] < node.end_mark.index


def _named_items(node: yaml.Node, where: str | None, record_key: str | None) -> list[tuple[yaml.Node, str, bool]]:
    """The values of a list or mapping, each with its field's name as errors give it (`tags.0`, `source.url`)."""
    if isinstance(node, yaml.SequenceNode):
        names = _item_names(node, where or "", record_key)
        return [(item, name, False) for item, name in zip(node.value, names, strict=True)]
    return [(value, f"{where}.{key.value}" if where else str(key.value), False) for key, value in node.value]


def _retyped(
    loader: yaml.BaseLoader, node: yaml.ScalarNode, plain_tag: str, value: Any, text: str, where: str | None
) -> tuple[str, str] | None:
    """(message, hint) for a scalar whose tag makes YAML read it as another kind of value than the same text written
    without it (`title: !!null x` is no value: "is missing"; `!!bool "yes"` a yes/no value; `!!timestamp "2025"`...),
    which its reader told as missing or as of the wrong type, never naming the tag; None for a scalar as written
    (a tag that changes nothing, `!!int 5`). `plain_tag`: the tag YAML gives the text written without one."""
    try:
        plain: Any = loader.construct_object(yaml.ScalarNode(plain_tag, node.value, style=node.style), deep=True)
    except (*_CONSTRUCTOR_ERRORS, ConstructorError):
        plain = ...
    tagged_kind, plain_kind = _kind(value), _kind(plain)
    if tagged_kind == plain_kind:
        return None
    shown = _shown_tag(node.tag)
    written = " ".join(_without_tag(text, node).split())
    written = written if len(written) <= QUOTED_MAX_CHARS else f"{written[:20]}…"
    without = f", not {plain_kind}" if plain is not ... else ""
    key = where.rsplit(".", 1)[-1] if where else ""
    label = f"{key}: " if key and not (key.isascii() and key.isdigit()) else ""  # a list's item has no key
    hint = f"tags are not allowed: delete {shown}, and write the value as it is: `{label}{written}`"
    if plain_kind == "text" and value is not None and not isinstance(value, bytes):
        as_plain = str(value).lower() if isinstance(value, bool) else _plain_text(value)
        hint += f"; or, if {tagged_kind} is meant, `{label}{as_plain}`"
    return f"is tagged {shown}, which makes `{written}` {tagged_kind}{without}", hint


def _kind(value: Any) -> str:
    """What kind of value YAML made (`a number`, `no value`), not which one (`a yes/no value`, not `(true)`)."""
    if value is None:
        return "no value"
    return "a yes/no value" if isinstance(value, bool) else kind_of(value)


def _plain_text(value: Any) -> str:
    """A number or a date as YAML reads it written without a tag (`5`, `2025-10-26`)."""
    return value.isoformat(sep=" ") if isinstance(value, datetime) else str(value)


def _shown_tag(tag: str) -> str:
    """A tag as the file writes it: `!!null` for YAML's own, `!foo` for one of the file's."""
    return f"!!{tag.removeprefix(_YAML_TAGS)}" if tag.startswith(_YAML_TAGS) else tag


# What YAML's own tags make, for a tag put on the wrong kind of node (`!!str [a]`, `!!seq {a: b}`).
_TAKES = {"seq": "a list", "omap": "a list", "pairs": "a list", "map": "keys", "set": "keys"}
_NODE_KINDS = {yaml.ScalarNode: "a single value", yaml.SequenceNode: "a list", yaml.MappingNode: "keys"}


def _unreadable_message(exc: Exception, node: yaml.Node, offset: int) -> tuple[str, str]:
    """What is wrong with a value whose construction raised `exc`, and what to write instead (`offset`: the file's
    lines before the YAML's)."""
    tag = node.tag
    shown = _shown_tag(tag)
    written = "the value as plain text" if isinstance(node, yaml.ScalarNode) else "the list or keys as plain YAML"
    plain_hint = f"tags are not allowed: delete the tag, and write {written}, as the other fields are written"
    known = tag in FrontMatterLoader.yaml_constructors
    if known and isinstance(exc, ConstructorError) and not isinstance(node, yaml.ScalarNode):
        # A tag PyYAML reads, on a list or keys it does not fit: said in the archive's words, not PyYAML's
        name = tag.removeprefix(_YAML_TAGS)
        takes = _TAKES.get(name, "a single value")
        if takes != _NODE_KINDS[type(node)]:
            return f"is tagged {shown}, which YAML reads only on {takes}, and this is {_NODE_KINDS[type(node)]}", (
                plain_hint
            )
        mark = exc.problem_mark
        item = next((i for i, sub in enumerate(node.value) if mark and sub.start_mark.index == mark.index), None)
        line = node.value[item].start_mark.line + 1 + offset if item is not None else None
        which = f", and its item {item + 1} (line {line}) is not one" if item is not None else ""
        return f"is tagged {shown}, which YAML reads as a list of single `key: value` pairs{which}", plain_hint
    if isinstance(exc, ConstructorError) or not isinstance(node, yaml.ScalarNode):
        # A tag YAML has no constructor for (`!foo x`, `!!python/name:os.system`)
        message = f"is tagged {shown}, which is no kind of value the archive reads"
        if isinstance(node, yaml.ScalarNode) and re.fullmatch(r"![^!\s]+", tag):
            # `title: !Signed in Hanoi`: a text starting with `!word` is read as that tag; deleting it cut the text
            text = f"{tag} {node.value}".rstrip().replace("\\", "\\\\").replace('"', '\\"')
            quoted = f'"{text}"' if len(text) <= 80 else f'"{text[:80]}…"'
            return message, f"tags are not allowed: if {tag} begins the text, put the whole value in quotes: {quoted}"
        return message, plain_hint
    if not isinstance(exc, ValueError):  # a tag its value does not fit: `!!timestamp "x"`, `!!bool "maybe"`
        message = f"is tagged !!{tag.rsplit(':', 1)[-1]}, and its value cannot be read as one"
        return message, "delete the tag: YAML reads a date, a number or true/false as written, without one"
    if isinstance(exc, OffsetOutOfRange):
        return str(exc), "an offset is from -23:59 to +23:59, e.g. +07:00; or give only the date"
    if isinstance(exc, YearTooEarly):
        return str(exc), YEAR_HINT
    if tag.endswith(":timestamp"):  # told as every reader of a date tells it: `when.impossible_date`
        mistake = impossible_date(node.value)
        return (mistake.message, mistake.hint) if mistake else (f"impossible date: {exc}", DATE_HINT)
    kind = tag.rsplit(":", 1)[-1]
    if node.style or FrontMatterLoader("").resolve(yaml.ScalarNode, node.value, (True, False)) != tag:
        # `!!int x5`, `!!float "x"`: the tag was written, and quoting the value would keep it
        return f"is tagged {shown}, and its value cannot be read as a number ({kind}): {str(exc).split(';')[0]}", (
            f"tags are not allowed: delete {shown}, and write the value as it is"
        )
    return f"cannot be read as a number ({kind}): {str(exc).split(';')[0]}", (
        "no field takes such a number: put the value in quotes if it is text"
    )


def _constructed_without(root: yaml.Node, unreadable: list[yaml.Node]) -> Any:
    """The data of `root`, each node of `unreadable` read as None."""
    loader = FrontMatterLoader("")
    try:
        loader.constructed_objects.update(dict.fromkeys(unreadable))
        return loader.construct_document(root)
    finally:
        loader.dispose()


def _item_names(node: yaml.SequenceNode, where: str, record_key: str | None) -> list[str]:
    """What errors call each item of a list: `tags.0`; at the top of a list of records, each record's label as
    the file's reader gives it (`DZ`, `Pham The Tung`, `record 3`), so that the reader's errors and these agree."""
    if where or record_key is None:
        return [f"{where}.{index}" if where else str(index) for index in range(len(node.value))]
    return [record_name(item, index, record_key) for index, item in enumerate(node.value)]


def record_name(item: yaml.Node | None, index: int, record_key: str) -> str:
    """What errors call the record `item`, the item at `index` of a list of records named by their `record_key`: the
    YAML reading's and its reader's alike (`data.DataFile.record_label`), each from the record's nodes, whatever its
    reader makes of them. The value of the key as written (a key set twice: the value read, the last); of a name per
    language, the first; text only, as the readers take it: a code YAML reads as a number, a date or nothing is
    `record 3`."""
    value = None
    if isinstance(item, yaml.MappingNode):  # a key set twice: the value read, the last
        value = next(
            (v for k, v in reversed(item.value) if isinstance(k, yaml.ScalarNode) and k.value == record_key), None
        )
    if isinstance(value, yaml.MappingNode):  # a name per language: the first, as the readers take it
        value = next((v for _, v in value.value if isinstance(v, yaml.ScalarNode)), None)
    return record_label(value.value if isinstance(value, yaml.ScalarNode) and value.tag == _STR_TAG else None, index)


def record_label(name: Any, index: int) -> str:
    """What errors call a record of a list (the YAML reading's and its reader's alike): its name (code, host...) when
    it is text a field name can hold (too long, or holding what a reader cannot see, is what is wrong with it),
    else its place."""
    label = name.strip() if isinstance(name, str) else ""
    return label if len(label) <= LABEL_MAX_CHARS and _FIELD_NAME.fullmatch(label) else f"record {index + 1}"
