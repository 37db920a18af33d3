"""JSON Schemas (2020-12) of the open data files, published beside them."""

from __future__ import annotations

from archive_core.locales import LANGUAGES
from archive_core.provenance import ARCHIVES_NAMED, WAYBACK

DRAFT = "https://json-schema.org/draft/2020-12/schema"
TEXT = {"type": "string"}
MAYBE_TEXT = {"type": ["string", "null"]}
DATE = {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
MAYBE_DATE = {"type": ["string", "null"], "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
URL = {"type": "string", "pattern": r"^https?://"}
LOCALIZED = {
    "type": "object",
    "properties": {lang: TEXT for lang in LANGUAGES},
    "required": list(LANGUAGES),
    "additionalProperties": False,
}
MAYBE_LOCALIZED = {"anyOf": [LOCALIZED, {"type": "null"}]}
ARCHIVED = {
    "type": ["string", "null"],
    "pattern": r"^https?://",
    "description": (
        "An archived copy of the source, as its contributor gave it, kept by one of the public web archives `make "
        f"check` takes ({ARCHIVES_NAMED}); null where none was given. A page then links "
        f"a lookup in the Wayback Machine as of `accessed` ({WAYBACK}YYYYMMDD/<url>), which no "
        "one checked has a capture: it is not an archived copy, and not given here."
    ),
}
SOURCE = {
    "type": "object",
    "properties": {
        "url": URL,
        "title": MAYBE_TEXT,
        "publisher": MAYBE_TEXT,
        "published": MAYBE_DATE,
        "accessed": MAYBE_DATE,
        "archived": ARCHIVED,
        "note": MAYBE_LOCALIZED,
        "lang": {
            "type": ["string", "null"],
            "description": "The language of the source's page and title, a BCP 47 tag (`en`, `nl`); null where the "
            "record does not say.",
        },
    },
    "required": ["url", "publisher", "accessed", "archived"],
    "additionalProperties": False,
}
CORRECTION = {
    "type": "object",
    "properties": {"date": DATE, "change": LOCALIZED, "reason": MAYBE_LOCALIZED},
    "required": ["date", "change"],
    "additionalProperties": False,
}
INSTRUMENT = {
    "anyOf": [
        {
            "type": "object",
            "properties": {
                "kind": {"enum": ["ratification", "acceptance", "approval", "accession"]},
                "date": DATE,
                "sources": {"type": "array", "items": SOURCE},
            },
            "required": ["kind", "date", "sources"],
            "additionalProperties": False,
        },
        {"type": "null"},
    ],
    "description": "A `ratified` record's instrument, as the depositary lists it apart from the signature: "
    "its kind and the day it was deposited; null for any other status.",
}
ABOUT = {
    "license": {
        "type": "object",
        "properties": {"name": TEXT, "url": URL},
        "required": ["name", "url"],
    },
    "generated_by": TEXT,
    "schema": URL,
}


def countries_schema(schema_url: str) -> dict:
    return {
        "$schema": DRAFT,
        "$id": schema_url,
        "title": "Country statuses in the UN Convention against Cybercrime (Hanoi Convention Archive)",
        "description": (
            "One record per country or organisation; `verified: false` marks a status only reports support; "
            "`verified: null`, one no source was cited for (a country the archive has no record of: `unknown`)."
        ),
        "type": "object",
        "properties": {
            **ABOUT,
            "as_of": MAYBE_DATE,
            "depositary": {"type": ["object", "null"]},
            "summary": {"type": ["object", "null"]},
            "countries": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "code": {"type": "string", "pattern": "^[A-Z]{2}$"},
                        "name_en": TEXT,
                        "name_pl": TEXT,
                        "status": {"enum": ["signed", "ratified", "not-signed", "unknown"]},
                        "verified": {"type": ["boolean", "null"]},
                        "date": {**MAYBE_DATE, "description": "The day of the signature (kept once ratified)."},
                        "place": {
                            "enum": ["hanoi", "new-york", None],
                            "description": "Where the signature was made; null for an accession.",
                        },
                        "instrument": INSTRUMENT,
                        "note": MAYBE_LOCALIZED,
                        "sources": {"type": "array", "items": SOURCE},
                        "corrections": {"type": "array", "items": CORRECTION},
                        "pages": LOCALIZED,
                    },
                    "required": ["code", "status", "verified", "sources", "pages"],
                    "additionalProperties": False,
                },
            },
        },
        "required": ["license", "countries"],
    }


def articles_schema(schema_url: str) -> dict:
    step = {
        "type": "object",
        "properties": {"from": TEXT, "to": TEXT, "by": TEXT},
        "required": ["from", "to", "by"],
        "additionalProperties": False,
    }
    return {
        "$schema": DRAFT,
        "$id": schema_url,
        "title": "Articles of the Hanoi Convention Archive: every language version's metadata and summary",
        "type": "object",
        "properties": {
            **ABOUT,
            "articles": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "translation_key": TEXT,
                        "lang": {"enum": list(LANGUAGES)},
                        "title": TEXT,
                        "summary": TEXT,
                        "date": DATE,
                        "url": TEXT,
                        "countries": {"type": "array", "items": TEXT},
                        "tags": {"type": "array", "items": TEXT},
                        "source": {
                            "type": ["object", "null"],
                            "properties": {
                                "url": URL,
                                "publisher": MAYBE_TEXT,
                                "accessed": MAYBE_DATE,
                                "archived": ARCHIVED,
                            },
                            "required": ["url"],
                        },
                        "translation": {"type": ["object", "null"]},
                        "translation_chain": {"type": "array", "items": step},
                        "corrections": {"type": "array"},
                        "annotations": {"type": "integer", "minimum": 0},
                    },
                    "required": ["translation_key", "lang", "title", "summary", "date", "url", "source"],
                    "additionalProperties": False,
                },
            },
        },
        "required": ["license", "articles"],
    }


def timeline_schema(schema_url: str) -> dict:
    """The timeline's JSON export (written by the timeline plugin at /pl/os-czasu.json and /en/timeline.json)."""
    link = {"type": "object", "properties": {"title": TEXT, "url": TEXT}, "required": ["url"]}
    return {
        "$schema": DRAFT,
        "$id": schema_url,
        "title": "Timeline of the UN Convention against Cybercrime (Hanoi Convention Archive), one language",
        "type": "object",
        "properties": {
            "lang": {"enum": list(LANGUAGES)},
            "url": TEXT,
            "entries": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": TEXT,
                        "url": TEXT,
                        "kind": TEXT,
                        "date": {"type": ["object", "null"]},
                        "upcoming": {"type": "boolean"},
                        "title": TEXT,
                        "description": MAYBE_TEXT,
                        "article_url": MAYBE_TEXT,
                        "publisher": MAYBE_TEXT,
                        "sources": {"type": "array", "items": SOURCE},
                        "verified": {"type": "boolean"},
                        "note": MAYBE_TEXT,
                        "corrections": {"type": "array", "items": CORRECTION},
                        "countries": {"type": "array", "items": link},
                        "articles": {"type": "array", "items": link},
                    },
                    "required": ["id", "kind", "title", "sources"],
                },
            },
        },
        "required": ["lang", "entries"],
    }
