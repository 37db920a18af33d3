"""The canonical rewrite of Pagefind's bundle, on bundles that real Pagefind writes."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from search.canonical import (
    BundleFormatError,
    canonicalize_bundle,
    decode,
    encode,
    pagefind_hash,
)
from search.indexing import build_search_index

# Enough filter values that Pagefind's hash-map order almost never repeats (8! orders of 8 countries).
COUNTRIES = ["Belarus", "Brazil", "China", "France", "Nigeria", "Poland", "Thailand", "Vietnam"]
KINDS = ["Article", "Timeline", "Country page"]


def page(lang: str, number: int) -> str:
    countries = "".join(
        f'<span data-pagefind-filter="Country">{name}</span>'
        for index, name in enumerate(COUNTRIES)
        if (number + index) % 3
    )
    return (
        f'<!doctype html><html lang="{lang}"><head><title>Page {number}</title></head><body>'
        f"<main data-pagefind-body><h1>Page {number}</h1><p>Hanoi convention text {number}.</p>"
        f'<span data-pagefind-filter="Kind">{KINDS[number % 3]}</span>{countries}'
        f'<span data-pagefind-sort="date">2025-10-{10 + number:02d}</span>'
        f'<span data-pagefind-sort="weight">{number % 4}</span>'
        f'<span data-pagefind-meta="date">2025-10-{10 + number:02d}</span></main></body></html>'
    )


def site(folder: Path) -> Path:
    for lang in ("pl", "en"):
        for number in range(6):
            target = folder / lang / f"page-{number}" / "index.html"
            target.parent.mkdir(parents=True)
            target.write_text(page(lang, number), encoding="utf-8")
    return folder


def pagefind_bundle(folder: Path) -> Path:
    """A bundle as Pagefind 1.5.2 writes it, with no rewrite."""
    return build_search_index(site(folder), canonical=False).bundle


def index_data(bundle: Path) -> dict:
    """What the bundle means, by name rather than by order or file name: what Pagefind's web side reads."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    languages = {}
    for lang, language in entry["languages"].items():
        version, pages, chunks, filters, sorts, fields = decode(bundle / f"pagefind.{language['hash']}.pf_meta").value
        filter_values = {}
        for name, file in filters:
            stored_name, values = decode(bundle / "filter" / f"{file}.pf_filter").value
            assert stored_name == name
            filter_values[name] = {value: pages for value, pages in values}
        languages[lang] = {
            "entry": {key: value for key, value in language.items() if key != "hash"},
            "version": version,
            "pages": pages,
            "chunks": chunks,
            "filters": filter_values,
            "sorts": dict(sorts),
            "fields": fields,
        }
    rest = {key: value for key, value in entry.items() if key != "languages"}
    return {"languages": languages, "rest": rest}


def referenced_files(bundle: Path) -> set[str]:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    files = set()
    for language in entry["languages"].values():
        meta = f"pagefind.{language['hash']}.pf_meta"
        files.add(meta)
        files.update(f"filter/{file}.pf_filter" for _, file in decode(bundle / meta).value[3])
    return files


def written_files(bundle: Path) -> set[str]:
    return {p.relative_to(bundle).as_posix() for p in (*bundle.glob("*.pf_meta"), *bundle.glob("filter/*"))}


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def raw_bundles(tmp_path_factory) -> tuple[Path, Path]:
    """Two Pagefind runs over the same pages, as Pagefind wrote them."""
    return pagefind_bundle(tmp_path_factory.mktemp("first")), pagefind_bundle(tmp_path_factory.mktemp("second"))


def canonical_copy(bundle: Path, target: Path) -> Path:
    shutil.copytree(bundle, target)
    canonicalize_bundle(target)
    return target


def test_pagefind_alone_writes_the_same_data_in_different_orders(raw_bundles):
    first, second = raw_bundles
    assert index_data(first) == index_data(second)
    assert tree(first) != tree(second)  # the reason for the rewrite (Pagefind issue #638)


def test_two_runs_are_byte_identical_after_the_rewrite(raw_bundles, tmp_path):
    first, second = (canonical_copy(bundle, tmp_path / name) for bundle, name in zip(raw_bundles, "ab", strict=True))
    assert tree(first) == tree(second)


def test_the_rewrite_keeps_every_value_and_reference(raw_bundles, tmp_path):
    raw = raw_bundles[0]
    rewritten = canonical_copy(raw, tmp_path / "bundle")
    assert index_data(rewritten) == index_data(raw)
    assert referenced_files(rewritten) == written_files(rewritten)  # nothing dangling, nothing left over
    # Only the filter files, the metadata and the entry change; the rest is Pagefind's own bytes.
    changed = {name for name, data in tree(rewritten).items() if tree(raw).get(name) != data}
    assert changed <= written_files(rewritten) | {"pagefind-entry.json"}


def test_lists_whose_order_is_arbitrary_are_sorted(raw_bundles, tmp_path):
    bundle = canonical_copy(raw_bundles[0], tmp_path / "bundle")
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["en", "pl"]
    meta = decode(bundle / f"pagefind.{entry['languages']['en']['hash']}.pf_meta").value
    assert [name for name, _ in meta[3]] == ["Country", "Kind"]
    assert [name for name, _ in meta[4]] == ["date", "weight"]
    values = decode(bundle / "filter" / f"{dict(meta[3])['Country']}.pf_filter").value[1]
    assert [value for value, _ in values] == COUNTRIES


def test_files_are_named_by_pagefinds_own_content_hash(raw_bundles, tmp_path):
    raw = raw_bundles[0]
    # Pagefind's word index files are not rewritten: the hash function gives their names.
    for path in (raw / "index").glob("*.pf_index"):
        cbor = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        assert path.stem.split("_", 1)[1] == pagefind_hash(cbor)[:7]
    bundle = canonical_copy(raw, tmp_path / "bundle")
    for path in (*bundle.glob("filter/*.pf_filter"), *bundle.glob("*.pf_meta")):
        data, full_hash = encode(decode(path).value)
        assert path.read_bytes() == data
        assert path.name.split(".")[-2].split("_", 1)[1] == full_hash[: 7 if path.parent.name == "filter" else 10]


def test_a_canonical_bundle_is_left_as_it_is(raw_bundles, tmp_path):
    bundle = canonical_copy(raw_bundles[0], tmp_path / "bundle")
    before = tree(bundle)
    canonicalize_bundle(bundle)
    assert tree(bundle) == before


def test_pagefind_hash_does_not_pad_bytes():
    # SHA-1 of nothing is da39a3ee5e6b4b0d3255bfef95601890afd80709: bytes 0d, 07, 09 lose their zeros.
    assert pagefind_hash(b"") == "da39a3ee5e6b4bd3255bfef95601890afd879"


def test_another_pagefind_version_is_refused_by_name(raw_bundles, tmp_path):
    bundle = tmp_path / "bundle"
    shutil.copytree(raw_bundles[0], bundle)
    entry_path = bundle / "pagefind-entry.json"
    entry_path.write_text(entry_path.read_text(encoding="utf-8").replace('"1.5.2"', '"9.0.0"'), encoding="utf-8")
    with pytest.raises(BundleFormatError, match=r"pagefind-entry.json: Pagefind 9\.0\.0; .* knows 1\.5\.2"):
        canonicalize_bundle(bundle)


def test_a_file_that_is_not_pagefinds_is_refused_by_name(tmp_path):
    path = tmp_path / "x.pf_filter"
    path.write_bytes(gzip.compress(b"something else"))
    with pytest.raises(BundleFormatError, match=r"x\.pf_filter: does not start with pagefind_dcd"):
        decode(path)
    path.write_bytes(b"plain")
    with pytest.raises(BundleFormatError, match=r"x\.pf_filter: not a gzip-compressed Pagefind file"):
        decode(path)
