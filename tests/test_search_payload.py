"""The benchmark's first-search probe (tools/bench/search_probe.py) on the fixture archive, in real Chromium."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_probe_counts_what_a_first_search_downloads(fixture_site: Path):
    site = fixture_site
    # In its own process: Playwright's sync API cannot start twice in the test session's thread.
    done = subprocess.run(
        [sys.executable, "-m", "tools.bench.search_probe", str(site), "Hanoi"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    first = json.loads(done.stdout)
    assert first["results"] >= 1
    files = dict(first["files"])
    assert "/pl/szukaj/" in files and "/theme/css/site.css" in files and "/theme/css/search.css" in files
    index = [path for path in files if path.startswith("/pagefind/") and not path.endswith((".js", ".css"))]
    assert any(path.endswith(".pf_meta") for path in index) and any(path.endswith(".pf_index") for path in index)
    assert "/pagefind/wasm.pl.pagefind" in files  # the Polish index, with its stemmer
    assert first["index_bytes"] == sum(files[path] for path in index)
    assert first["total_bytes"] == first["index_bytes"] + first["page_bytes"] == sum(files.values())
    # gzip on the wire: the page is sent compressed, Pagefind's files as they are (already gzip)
    page = site / "pl/szukaj/index.html"
    assert files["/pl/szukaj/"] < page.stat().st_size
    wasm = site / "pagefind/wasm.pl.pagefind"
    assert files["/pagefind/wasm.pl.pagefind"] == wasm.stat().st_size
