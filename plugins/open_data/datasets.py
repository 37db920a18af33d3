"""The archive's open data as plain rows and documents: country statuses (CSV, JSON) and articles' metadata (JSON)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

from archive_core.countries import country_name
from archive_core.locales import LANGUAGES
from archive_core.output import records_json
from archive_core.summaries import plain_text
from archive_core.urls import country_url

COUNTRY_COLUMNS = (
    "code",
    "name_en",
    "name_pl",
    "status",
    "verified",
    "date",
    "place",
    "instrument",
    "instrument_date",
    "note_en",
    "note_pl",
    "source_urls",
    "source_publishers",
    "sources_accessed",
    "archived_copies",
    "corrections",
    "page_en",
    "page_pl",
)


def _join(values: Iterable[str | None]) -> str:
    """Several values in one CSV cell, ` | `-separated (a URL never contains a space)."""
    return " | ".join(value or "" for value in values)


def country_rows(pages: Mapping[str, Any], siteurl: str) -> list[dict[str, Any]]:
    """One row per country page (a country without a record has status `unknown`), sorted by code.

    `verified` is None (an empty CSV cell) where no source was cited: nothing was checked either way."""
    rows = []
    for code in sorted(pages):
        record = pages[code].record
        rows.append(
            {
                "code": code,
                "name_en": country_name(code, "en"),
                "name_pl": country_name(code, "pl"),
                "status": record.status,
                "verified": record.verified if record.sources else None,
                "date": record.date.isoformat() if record.date else None,
                "place": record.place,
                "instrument": record.instrument.as_dict() if record.instrument else None,
                "note": record.note,
                "sources": [source.as_dict() for source in record.sources],
                "corrections": [correction.as_dict() for correction in record.corrections],
                "pages": {lang: f"{siteurl}/{country_url(code, lang)}" for lang in LANGUAGES},
            }
        )
    return rows


# What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"): a cell of text that starts so
# is written with a leading `'`, which spreadsheets read as "this is text" and do not show. The JSON keeps it as is.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    return f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def countries_csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COUNTRY_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: _cell(value) for column, value in _csv_row(row).items()})
    return buffer.getvalue()


def _csv_row(row: dict[str, Any]) -> dict[str, Any]:
    sources = row["sources"]
    return {
        "code": row["code"],
        "name_en": row["name_en"],
        "name_pl": row["name_pl"],
        "status": row["status"],
        "verified": {True: "true", False: "false", None: ""}[row["verified"]],
        "date": row["date"] or "",
        "place": row["place"] or "",
        "instrument": (row["instrument"] or {}).get("kind", ""),
        "instrument_date": (row["instrument"] or {}).get("date", ""),
        "note_en": (row["note"] or {}).get("en", ""),
        "note_pl": (row["note"] or {}).get("pl", ""),
        "source_urls": _join(s["url"] for s in sources),
        "source_publishers": _join(s["publisher"] for s in sources),
        "sources_accessed": _join(s["accessed"] for s in sources),
        "archived_copies": _join(s["archived"] for s in sources),
        "corrections": len(row["corrections"]),
        "page_en": row["pages"]["en"],
        "page_pl": row["pages"]["pl"],
    }


def countries_json(rows: list[dict[str, Any]], about: dict[str, Any]) -> str:
    return _dump({**about, "countries": rows})


def article_rows(articles: Iterable[Any], siteurl: str) -> list[dict[str, Any]]:
    """Every language version's metadata and summary as text (what listings show: never the rest of its text),
    oldest first."""
    rows = []
    for article in sorted(articles, key=lambda a: (a.archive.date, a.archive.translation_key, a.archive.lang)):
        meta = article.archive
        source = meta.source
        rows.append(
            {
                "translation_key": meta.translation_key,
                "lang": meta.lang,
                "title": meta.title,
                "summary": plain_text(article.summary),
                "date": meta.date.date().isoformat(),
                "url": f"{siteurl}/{article.url}",
                "countries": list(meta.countries),
                "tags": list(meta.tags),
                "source": None
                if source is None
                else {
                    "url": source.url,
                    "publisher": source.publisher,
                    "accessed": source.accessed.isoformat() if source.accessed else None,
                    "archived": source.archived,
                },
                "translation": None
                if meta.translation is None
                else {"from": meta.translation.from_lang, "by": meta.translation.by},
                "translation_chain": [
                    {"from": step.from_lang, "to": step.to_lang, "by": step.by} for step in meta.translation_chain
                ],
                "corrections": [
                    {"date": c.date.isoformat(), "change": c.change, "reason": c.reason} for c in meta.corrections
                ],
                "annotations": len(meta.annotations),
            }
        )
    return rows


def articles_json(rows: list[dict[str, Any]], about: dict[str, Any]) -> str:
    return _dump({**about, "articles": rows})


def _dump(data: dict[str, Any]) -> str:
    return records_json(data)
