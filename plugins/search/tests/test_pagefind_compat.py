"""The Pagefind adapter: refuses an untested Pagefind; merges the entry files of several runs as Pagefind writes one."""

from __future__ import annotations

import json

import pytest

from search import pagefind_compat


def test_another_pagefind_is_refused_with_what_to_check(monkeypatch):
    pagefind_compat.require_tested_version()
    monkeypatch.setattr(pagefind_compat.metadata, "version", lambda name: "2.0.0")
    with pytest.raises(pagefind_compat.UntestedPagefind, match=r"pagefind 2\.0\.0 .*pagefind_compat\.py .*1\.5\.2"):
        pagefind_compat.require_tested_version()


def test_one_entry_file_names_the_languages_of_every_run(tmp_path):
    runs = [
        {"version": "1.5.2", "languages": {"pl": {"hash": "pl_1", "page_count": 2}}},
        {"version": "1.5.2", "languages": {"en": {"hash": "en_1", "page_count": 3}}},
    ]
    pagefind_compat.merge_entries(tmp_path, runs)
    text = (tmp_path / pagefind_compat.ENTRY_FILE).read_text(encoding="utf-8")
    assert json.loads(text)["languages"] == {"en": runs[1]["languages"]["en"], "pl": runs[0]["languages"]["pl"]}
    assert "\n" not in text and ", " not in text  # compact, as Pagefind's serde_json writes it
    assert pagefind_compat.pages_by_lang(tmp_path) == {"en": 3, "pl": 2}


def test_a_bundle_without_an_entry_file_fails_by_name(tmp_path):
    with pytest.raises(pagefind_compat.PagefindFailed, match="wrote no index"):
        pagefind_compat.read_entry(tmp_path)
