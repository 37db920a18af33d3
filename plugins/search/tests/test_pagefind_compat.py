"""The Pagefind adapter: refuses an untested Pagefind; merges the entry files of several runs as Pagefind writes one."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import time

import pytest
from pagefind.index import PagefindIndex

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


def test_the_service_answers_each_request_as_it_arrives(tmp_path):
    # The Python API sleeps 0.1 s before reading each answer: 30 records took at least 3 s.
    async def records() -> float:
        index = PagefindIndex(config={"output_path": str(tmp_path / "pagefind")})
        await pagefind_compat.start(index)
        started = time.perf_counter()
        for i in range(30):
            await index.add_custom_record(url=f"/{i}/", content=f"word{i}", language="en")
        elapsed = time.perf_counter() - started
        await index.write_files()
        await pagefind_compat.wait_for_writes(tmp_path / "pagefind")
        await pagefind_compat.stop_service(index)
        return elapsed

    assert in_own_loop(records()) < 1.5
    assert pagefind_compat.pages_by_lang(tmp_path / "pagefind") == {"en": 30}


def test_a_service_that_dies_fails_the_waiting_request_instead_of_hanging():
    async def dying() -> None:
        index = PagefindIndex(config={})
        await pagefind_compat.start(index)
        index._service._backend.kill()
        await index._service._backend.wait()
        await asyncio.wait_for(index.add_custom_record(url="/a/", content="a", language="en"), timeout=30)

    with pytest.raises(ConnectionError):
        in_own_loop(dying())


def in_own_loop(coroutine):
    """`asyncio.run` in a thread of its own: the browser tests may leave an event loop running in this one."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
