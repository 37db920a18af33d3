"""A value of the wrong YAML type, said as what it is: `is a number` (write it as text in quotes: `by: "2023"`).

YAML reads `by: 2023` as a number, `by: 2025-10-26` as a date, `by: [a, b]` as a list: none is the text a
name or a title is. Each reader checks its fields' types here, from the type its schema gives each field,
so that the message says what the value is and how to write what it must be, never that it "is missing".
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Literal

Expected = Literal["text", "date", "list of text", "list of mappings", "mapping"]


def kind_of(value: Any) -> str:
    """What YAML made of a value, as a contributor would say it: `a number`, `a yes/no value (true)`..."""
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()})"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, datetime):
        return "a date and time"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, str):
        return "text"
    if isinstance(value, bytes):  # `!!binary`
        return "binary data"
    if isinstance(value, set):  # only a tag makes one: named, as the contributor's to delete
        return "a set (tagged !!set)"
    if isinstance(value, tuple):
        return "a key and its value (an item of a list tagged !!omap or !!pairs)"
    return type(value).__name__


def quoted(value: Any, written: str | None = None) -> str:
    """`value` as a message names it: text in quotes (`'vn'`); another scalar as the file writes it (`written`:
    `2025-10-26`, `.nan`, not Python's `datetime.date(2025, 10, 26)`, `nan`), by its first 20 characters when it is
    longer than QUOTED_MAX_CHARS; a list, mapping or set by what it is (`a mapping`): its contents, the rest of the
    file at worst, made a message of 1.5 MB."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, list | dict | set | tuple | bytes):
        return kind_of(value)
    if written is None:
        written = (
            value.isoformat() if isinstance(value, date) else kind_of(value) if isinstance(value, bool) else str(value)
        )
    written = " ".join(written.split())
    return written if len(written) <= QUOTED_MAX_CHARS else f"{written[:20]}…"


def fits(value: Any, expected: Expected) -> bool:
    """True when `value` is of the type `expected`; None (no value) fits any: whether it may be left out is
    the field's own rule."""
    if value is None:
        return True
    if expected == "text":
        return isinstance(value, str)
    if expected == "date":
        return isinstance(value, date | str)
    if expected == "mapping":
        return isinstance(value, dict)
    return isinstance(value, list)


def empty_item(holds: str = "") -> tuple[str, str]:
    """(message, hint) of an empty item of a list, in an article or a data file alike; `holds`: what an item of a list
    of records holds (`keys: text, note, kind`), which the hint names."""
    return "is an empty item", f"write the item ({holds}), or remove it" if holds else "write the item, or remove it"


QUOTED_MAX_CHARS = 40  # of a value a hint quotes as written; a longer one by its first 20

# The date a hint shows as an example (of the year of an article's folder, where it has one: `schema`).
EXAMPLE_DATE = "2025-10-26"

# `-ratyfikacja`: a list's item without the space after its dash, which YAML reads as text.
_DASH_WITHOUT_SPACE = re.compile(r"-[^\s-]")


def wrong_type(
    value: Any, expected: Expected, key: str, written: str | None = None, tag: str | None = None
) -> tuple[str, str]:
    """(message, hint) for `value` of `key` (empty for a list's item) that is not of the type `expected`;
    `written`: the value as the file writes it, when it is one scalar (`2023`, not YAML's reading of it); `tag`: the
    tag it is written with (`!!int`), which is named, and to be deleted."""
    message, hint = _wrong_type(value, expected, key, written)
    if tag is not None and not isinstance(value, set | tuple):
        message = f"{message} (tagged {tag})"
    if tag is not None or isinstance(value, set | tuple):  # a set or a pair only a tag YAML reads makes
        return message, f"tags are not allowed: delete the tag, and {hint}"
    return message, hint


def _wrong_type(value: Any, expected: Expected, key: str, written: str | None) -> tuple[str, str]:
    kind = kind_of(value)
    scalar = written if written is not None and not isinstance(value, list | dict) else None
    if scalar is not None and expected in ("list of text", "list of mappings") and _DASH_WITHOUT_SPACE.match(scalar):
        first = scalar.split("\n", 1)[0][1:].strip()
        first = f"{first[:20]}…" if len(first) > QUOTED_MAX_CHARS else first
        return f"is {kind}, not a list", f"an item starts with `- `, a dash and a space: `- {first}`"
    scalar = " ".join(scalar.split()) if scalar is not None else None  # a hint is one line
    if scalar is not None and len(scalar) > QUOTED_MAX_CHARS:  # a number of 100,000 digits made a line of 100 KB
        scalar = f"{scalar[:20]}…"
    if expected == "text":
        label = f"{key}: " if key else ""  # a list's item has no key of its own
        example = f'{label}"{scalar}"' if scalar is not None else f'{label}"..."'
        how = "write it as text in quotes" if scalar is not None else "write it as one text, in quotes"
        return f"is {kind}", f"{how}: {example}"
    if expected == "date":
        return f"is {kind}, not a date", f"write the date as YYYY-MM-DD: {key}: {EXAMPLE_DATE}"
    if expected == "mapping":
        if not key:  # a list's item: its keys start after its `- `
            return (
                f"is {kind}, not a mapping",
                "write the item's keys after its `- `, one per line, each indented as the first",
            )
        return f"is {kind}, not a mapping", f"write the keys indented under `{key}:`, one per line"
    example = f"{key}: [{scalar}]" if scalar is not None and expected == "list of text" else f"{key}: [A, B]"
    if expected == "list of mappings":
        example = f"one item per line under `{key}:`, each starting with `- `"
    return f"is {kind}, not a list", f"write it as a list: {example}"
