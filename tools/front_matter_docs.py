"""The front-matter reference and JSON Schema, generated from `archive_core.schema`.

`archive_core.schema.FIELDS` describes each field; the validator's rules
(slug pattern, languages, country codes, the keys of every mapping and list
item, `PARTS`, the bounds of a title and the tags) come from the
same modules, so the documentation and the editor schema cannot drift from
what `make check` enforces of each field. What a JSON Schema cannot state is
left to `make check` alone, and CONTRIBUTING.md says what: a date against the
day of the build, the characters a text may hold, a summary's Markdown (its
bounds are on the text it renders to), tags against each other,
the last step of a translation chain against `lang`, and one file against
another.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from archive_core import countries  # noqa: E402
from archive_core.locales import LANGUAGES, is_named_language  # noqa: E402
from archive_core.provenance import ARCHIVE_ORG, ARCHIVE_ORG_WAYBACK, WEB_ARCHIVES  # noqa: E402
from archive_core.schema import (  # noqa: E402
    ANNOTATION_KINDS,
    FIELD_NAMES,
    FIELDS,
    LANGUAGE_CODE,
    MAX_ANNOTATIONS,
    MAX_TAGS,
    PARTS,
    RAW_PATTERN,
    SLUG_MAX_LENGTH,
    SLUG_PATTERN,
    TITLE_MAX_CHARS,
    Field,
)
from archive_core.urls import PAGINATION_FOLDER  # noqa: E402

SCHEMA_ID = "https://json-schema.org/draft/2020-12/schema"
# `date: 2025-10-26`, or a datetime as Python's datetime.fromisoformat reads it.
DATE_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?$"
)
TEXT = {"type": "string", "pattern": r"\S"}
# `provenance.is_http_url`, as near as a pattern comes: a host of ASCII labels (or an IPv6 address in brackets), no
# user name or password, a port from 1 to 65535, nothing a browser would have to escape.
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PORT = r"(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])"
_REST = r"(?:[/?#][^\s\x00-\x1f\x7f<>\"\\^`{}]*)?$"  # what may follow a host and its port
URL = {"type": "string", "pattern": rf"^https?://(?:(?:{_LABEL}\.)+{_LABEL}\.?|\[[0-9A-Fa-f:.]+\])(?::{_PORT})?{_REST}"}
# `provenance.archived_copy_problem`: an address of a copy one of the public web archives keeps.
_ARCHIVES = "|".join(re.escape(host) for host in WEB_ARCHIVES)
_ARCHIVE_ORG = rf"{re.escape(ARCHIVE_ORG)}\.?(?::{_PORT})?/(?:{'|'.join(ARCHIVE_ORG_WAYBACK)})(?=/[^/?#])"  # a copy
ARCHIVED_URL = {
    "type": "string",
    "pattern": rf"^https?://(?:www\.)?(?:(?:{_ARCHIVES})\.?(?::{_PORT})?|{_ARCHIVE_ORG}){_REST}",
}
DATE = {"type": "string", "pattern": DATE_PATTERN}
RAW = {"type": "string", "pattern": f"^{RAW_PATTERN.pattern}$"}
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# The two-letter codes `make check` takes in a translation chain: those CLDR names in every archive language.
LANGUAGE = {
    "enum": [
        code
        for code in (a + b for a in _LETTERS for b in _LETTERS)
        if LANGUAGE_CODE.fullmatch(code) and is_named_language(code)
    ]
}


# The schema of each kind of key of a part (`PARTS`: `source.url`, `corrections.0.date`).
PART_KINDS = {
    "url": URL,
    "archive's url": ARCHIVED_URL,
    "text": TEXT,
    "path": RAW,
    "date": DATE,
    " | ".join(LANGUAGES): {"enum": list(LANGUAGES)},
    "language code": LANGUAGE,
    "annotation kind": {"enum": list(ANNOTATION_KINDS)},
}


def _part_schema(name: str) -> dict:
    """The mapping `name` (a list of them for a list field), with the keys `make check` reads: `PARTS`."""
    fields = PARTS[name]
    unknown = [f"{name}.{f.name} ({f.kind})" for f in fields if f.kind not in PART_KINDS]
    if unknown:
        raise ValueError(f"archive_core.schema.PARTS: {', '.join(unknown)}: describe the kind in {__name__}.PART_KINDS")
    mapping = {
        "type": "object",
        "properties": {f.name: {"description": f.description, **PART_KINDS[f.kind]} for f in fields},
        "required": [f.name for f in fields if f.required],
        "additionalProperties": False,
    }
    kind = next(f.kind for f in FIELDS if f.name == name)
    return {"type": "array", "items": mapping} if kind.startswith("list") else mapping


def _kind_schema(field: Field) -> dict:
    slug = {"type": "string", "pattern": f"^{SLUG_PATTERN.pattern}$", "maxLength": SLUG_MAX_LENGTH}
    by_kind = {
        "text": TEXT,
        "date": {"type": "string", "pattern": DATE_PATTERN},
        " | ".join(LANGUAGES): {"enum": list(LANGUAGES)},
        "slug": slug,
        "list of codes": {"type": "array", "items": {"enum": sorted(countries.known_codes())}, "uniqueItems": True},
        "list of text": {"type": "array", "items": TEXT, "uniqueItems": True},
        "list of field names": {"type": "array", "items": {"enum": list(FIELD_NAMES)}, "uniqueItems": True},
    }
    by_name = {name: _part_schema(name) for name in PARTS}
    by_name["annotations"]["maxItems"] = MAX_ANNOTATIONS
    by_name["tags"] = {**by_kind["list of text"], "maxItems": MAX_TAGS}
    by_name["title"] = {**by_kind["text"], "maxLength": TITLE_MAX_CHARS}
    by_name["slug"] = {**slug, "not": {"const": PAGINATION_FOLDER}}
    schema = by_name.get(field.name) or by_kind.get(field.kind)
    if schema is None:
        raise ValueError(
            f"archive_core.schema field {field.name!r} has kind {field.kind!r}, unknown to {__name__}: "
            "describe it in _kind_schema"
        )
    return {"description": field.description, **schema}


def json_schema() -> dict:
    """A JSON Schema (2020-12) of an article's front-matter, for editors and other tools."""
    translation_rules = [
        {
            "if": {"properties": {"lang": {"const": lang}}, "required": ["lang", "translation"]},
            "then": {"properties": {"translation": {"properties": {"from": {"not": {"const": lang}}}}}},
        }
        for lang in LANGUAGES
    ]
    return {
        "$schema": SCHEMA_ID,
        "title": "Article front-matter of the Hanoi Convention Archive",
        "description": "Generated from plugins/archive_core/schema.py by `make docs`; do not edit by hand.",
        "type": "object",
        "properties": {field.name: _kind_schema(field) for field in FIELDS},
        "required": [field.name for field in FIELDS if field.required],
        "additionalProperties": False,
        "allOf": translation_rules,
    }


def reference_markdown() -> str:
    """The table of fields for CONTRIBUTING.md."""
    rows = [
        "| field | required | value | what it is |",
        "|---|---|---|---|",
        *(
            f"| `{f.name}` | {'yes' if f.required else 'no'} | {f.kind.replace('|', '&#124;')} | {f.description} |"
            for f in FIELDS
        ),
    ]
    return "\n".join(rows)
