"""Pagefind's bundle in a canonical order, so that two builds of the same site are byte-identical.

Pagefind 1.5.2 writes three things in the order of Rust hash maps, which
changes from run to run (Pagefind issue #638): the values of each filter
(`filter/<lang>_<hash>.pf_filter`), the filter and sort lists of each
language's metadata (`pagefind.<lang>_<hash>.pf_meta`), and the languages of
`pagefind-entry.json`. Each file is named after a hash of its content, so the
names change too. Pagefind has no option to fix the order, and its web
side reads all three into hash maps, so their order carries no meaning.

This module sorts exactly those lists and nothing else, writes each file as
Pagefind does (`pagefind_compat.encode`: gzip of `pagefind_dcd` + CBOR, here
with mtime 0), names it with Pagefind's own content hash, and updates the references to it (metadata ->
filter files, `pagefind-entry.json` -> metadata). Everything else (pages,
word index, fragments, sort orders, metadata fields) is kept as Pagefind
wrote it: their order is meaningful, and Pagefind already writes it stably.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .pagefind_compat import (
    ENTRY_FILE,
    TESTED_VERSIONS,
    BundleFormatError,
    encode,
    pagefind_hash,
    read_entry,
    write_entry,
)
from .pagefind_compat import decode as decode_value

__all__ = ["BundleFormatError", "canonicalize_bundle", "decode", "encode", "pagefind_hash"]

# The CBOR layout below is Pagefind 1.5.2's (pagefind_web/src/metadata.rs, filter_index.rs); another
# version must be checked against it before it is let through (pagefind_compat.TESTED_VERSIONS).
KNOWN_VERSIONS = TESTED_VERSIONS
META_FILTERS, META_SORTS = 3, 4  # positions in the metadata array: [version, pages, chunks, filters, sorts, fields]
FILTER_NAME_LENGTH, META_NAME_LENGTH = 7, 10  # hash characters in Pagefind's file names


@dataclass(frozen=True)
class PagefindFile:
    """One compressed index file: its path in the bundle and its decoded CBOR value."""

    path: Path
    value: Any


def decode(path: Path) -> PagefindFile:
    """Read `path` as Pagefind writes it: gzip("pagefind_dcd" + CBOR)."""
    return PagefindFile(path, decode_value(path))


def canonical_filter(value: list) -> list:
    """`[name, [[value, pages], ...]]` with the values sorted by their text."""
    name, values, *rest = value
    return [name, sorted(values, key=lambda item: item[0]), *rest]


def canonical_meta(value: list, filter_files: dict[str, str]) -> list:
    """The metadata with its filters and sorts sorted by name, and each filter's file renamed as `filter_files` says."""
    meta = list(value)
    meta[META_FILTERS] = sorted(([name, filter_files[old]] for name, old in meta[META_FILTERS]), key=lambda f: f[0])
    meta[META_SORTS] = sorted(meta[META_SORTS], key=lambda sort: sort[0])
    return meta


def _unique_name(prefix: str, full_hash: str, length: int, taken: set[str]) -> str:
    """`prefix_` + the shortest hash prefix, `length` characters or more, not yet taken (as Pagefind does)."""
    while f"{prefix}_{full_hash[:length]}" in taken and length < len(full_hash):
        length += 1
    return f"{prefix}_{full_hash[:length]}"


def _meta_of(bundle: Path, entry: dict) -> PagefindFile:
    meta = decode(bundle / f"pagefind.{entry['hash']}.pf_meta")
    if not isinstance(meta.value, list) or len(meta.value) <= META_SORTS or meta.value[0] not in KNOWN_VERSIONS:
        version = meta.value[0] if isinstance(meta.value, list) and meta.value else "?"
        raise BundleFormatError(
            f"{meta.path}: Pagefind {version} metadata; the canonical rewrite knows {', '.join(KNOWN_VERSIONS)} "
            "(check plugins/search/canonical.py against the new format, then add the version)"
        )
    return meta


def _canonical_language(bundle: Path, lang: str, entry: dict) -> str:
    """Rewrite one language's filter files and metadata; return the metadata's new name."""
    meta = _meta_of(bundle, entry)
    old_filters = {old: decode(bundle / "filter" / f"{old}.pf_filter") for _, old in meta.value[META_FILTERS]}
    rewritten: dict[str, tuple[str, bytes]] = {}
    taken: set[str] = set()
    for old, file in sorted(old_filters.items(), key=lambda item: item[1].value[0]):
        data, full_hash = encode(canonical_filter(file.value))
        name = _unique_name(lang, full_hash, FILTER_NAME_LENGTH, taken)
        taken.add(name)
        rewritten[old] = (name, data)
    meta_data, meta_hash = encode(canonical_meta(meta.value, {old: name for old, (name, _) in rewritten.items()}))
    meta_name = f"{lang}_{meta_hash[:META_NAME_LENGTH]}"
    # Remove every old file before writing a new one: a new name may equal an old one.
    for file in (meta, *old_filters.values()):
        file.path.unlink()
    for name, data in rewritten.values():
        (bundle / "filter" / f"{name}.pf_filter").write_bytes(data)
    (bundle / f"pagefind.{meta_name}.pf_meta").write_bytes(meta_data)
    return meta_name


def canonicalize_bundle(bundle: Path) -> None:
    """Rewrite the filter files, metadata and entry of the Pagefind bundle at `bundle` in a canonical order."""
    entry = read_entry(bundle)
    languages = entry.get("languages")
    if entry.get("version") not in KNOWN_VERSIONS or not isinstance(languages, dict):
        raise BundleFormatError(
            f"{bundle / ENTRY_FILE}: Pagefind {entry.get('version')}; the canonical rewrite knows "
            f"{', '.join(KNOWN_VERSIONS)}"
        )
    for lang, language in languages.items():
        language["hash"] = _canonical_language(bundle, lang, language)
    entry["languages"] = dict(sorted(languages.items()))
    write_entry(bundle, entry)
