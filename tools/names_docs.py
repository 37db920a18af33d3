"""The reference and JSON Schema of content/data/names.yaml, generated from `archive_core.other_names`.

`ENTRY_FIELDS` and `NAME_FIELDS` there are what `make check` checks the file by, and the bounds are the
same constants, so this reference cannot drift from the check. What a JSON Schema cannot state is left to
`make check`, and the reference says what: a name of two entries, a name with no letter or figure.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from archive_core.other_names import ENTRY_FIELDS, MAX_ENTRIES, MAX_NAME_CHARS, MAX_NAMES, NAME_FIELDS
from archive_core.schema import Field

from .front_matter_docs import LANGUAGE, ROOT, SCHEMA_ID, URL

NAMES_SCHEMA_FILE = ROOT / "docs" / "names.schema.json"
NAME = {
    "type": "string",
    "pattern": r"\S",
    "maxLength": MAX_NAME_CHARS,
}  # a word: `make check` (ECMA `\w` is ASCII only)


def _by_language() -> dict:
    """`other:`: names by language code, each a name or a mapping of `NAME_FIELDS`."""
    return {
        "type": "object",
        "minProperties": 1,
        "propertyNames": LANGUAGE,
        "additionalProperties": {
            "type": "array",
            "minItems": 1,
            "maxItems": MAX_NAMES - 1,
            "items": {"oneOf": [NAME, _object(NAME_FIELDS)]},
        },
    }


def _schema(field: Field) -> dict:
    by_kind = {"name": lambda: NAME, "address": lambda: URL, "names by language": _by_language}
    if field.kind not in by_kind:
        raise ValueError(f"archive_core.other_names field {field.name!r} has kind {field.kind!r}: describe it here")
    return {"description": field.description, **by_kind[field.kind]()}


def _object(fields: tuple[Field, ...]) -> dict:
    return {
        "type": "object",
        "properties": {field.name: _schema(field) for field in fields},
        "required": [field.name for field in fields if field.required],
        "additionalProperties": False,
    }


def json_schema() -> dict:
    return {
        "$schema": SCHEMA_ID,
        "title": "Other names (content/data/names.yaml)",
        "description": "Every name of one thing: a page that writes any of them is found by all of them. Generated "
        "by `make docs` from plugins/archive_core/other_names.py.",
        "type": "object",
        "properties": {
            "names": {"type": "array", "minItems": 1, "maxItems": MAX_ENTRIES, "items": _object(ENTRY_FIELDS)}
        },
        "required": ["names"],
        "additionalProperties": False,
    }


def reference_markdown() -> str:
    def rows(fields: tuple[Field, ...]) -> list[str]:
        return [
            f"| `{field.name}` | {'yes' if field.required else 'no'} | {field.kind} | {field.description} |"
            for field in fields
        ]

    header = ["| field | required | kind | description |", "|---|---|---|---|"]
    return "\n".join(
        [
            f"`content/data/names.yaml` holds `names:`, a list of at most {MAX_ENTRIES} entries. An entry:",
            "",
            *header,
            *rows(ENTRY_FIELDS),
            "",
            "Another name written as a mapping (for one that needs its source):",
            "",
            *header,
            *rows(NAME_FIELDS),
            "",
            f"A name is at most {MAX_NAME_CHARS} characters and holds a letter or a figure; an entry has at most "
            f"{MAX_NAMES} names, its `name` included. `make check` also refuses a name of two entries (whatever "
            "its case and spacing): a page that writes it would be found by both things' names. Editors' JSON "
            "Schema: `docs/names.schema.json`.",
        ]
    )
