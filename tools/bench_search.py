"""Measure search on a synthetic archive: indexing time, index size, bytes a browser downloads for a first query.

    .venv/bin/python -m tools.bench_search --pages 10000

Builds a synthetic archive (PAGES articles, half Polish, half English) with the
real pipeline, re-indexes it alone to time Pagefind, then serves it
gzip-compressed (as static hosts do) and counts the bytes sent while real
Chromium opens /pl/szukaj/ and runs one query. Goal: under 150 kB.
"""

from __future__ import annotations

import argparse
import gzip
import random
import shutil
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import ClassVar

from tools.build import build
from tools.serve import SiteHandler, make_server

ROOT = Path(__file__).resolve().parent.parent
GOAL_BYTES = 150_000
_VOCABULARY = {
    "pl": "konwencja cyberprzestępczość państwo podpis ratyfikacja Hanoi Wietnam Białoruś Łódź włączenie "
    "współpraca dowody elektroniczne prawa człowieka minister delegacja ceremonia traktat ONZ sesja",
    "en": "convention cybercrime state signature ratification Hanoi Vietnam Belarus evidence electronic "
    "cooperation human rights minister delegation ceremony treaty UN session",
}
WORDS = {lang: text.split() for lang, text in _VOCABULARY.items()}
COUNTRIES = ["VN", "BY", "ZA", "PL", "FR", "BR", "CN", "EU", "NG", "TH"]


def synthetic_content(target: Path, pages: int, seed: int = 1) -> None:
    rng = random.Random(seed)  # noqa: S311 (reproducible test data, not secrets)
    start = date(2019, 12, 27)
    for number in range(pages):
        lang = "pl" if number % 2 == 0 else "en"
        day = start + timedelta(days=rng.randrange(2500))
        words = WORDS[lang]
        paragraphs = [
            " ".join(rng.choice(words) + (f"{rng.randrange(10_000)}" if rng.random() < 0.1 else "") for _ in range(60))
            for _ in range(6)
        ]
        body = "\n\n".join(f"{p.capitalize()}." for p in paragraphs)
        countries = ", ".join(sorted(rng.sample(COUNTRIES, 2)))
        folder = target / "articles" / f"{day.year}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"synthetic-{number}.{lang}.md").write_text(
            f'---\ntitle: "Synthetic {number} {rng.choice(words)}"\ndate: {day.isoformat()}\nlang: {lang}\n'
            f"translation_key: synthetic-{number}\nslug: synthetic-{number}\ncountries: [{countries}]\n"
            f"source:\n  url: https://example.org/{number}\n---\n\n{body}\n",
            encoding="utf-8",
        )


class GzipCountingHandler(SiteHandler):
    """Serves files gzip-compressed when asked, and adds up the bytes of every response body."""

    sent = 0
    files: ClassVar[list[tuple[str, int]]] = []
    lock = threading.Lock()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        data = path.read_bytes()
        # Pagefind's index files and WASM are already gzip-compressed; hosts send them as they are.
        body = data if data[:2] == b"\x1f\x8b" else gzip.compress(data, 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if body is not data:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with GzipCountingHandler.lock:
            GzipCountingHandler.sent += len(body)
            GzipCountingHandler.files.append((self.path, len(body)))
        self.wfile.write(body)
        return None


def first_query_bytes(site: Path, query: str) -> tuple[int, int]:
    """Bytes on the wire for the search page itself, and then for its first query."""
    import functools

    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_ARGS, chromium_path

    server = make_server(site, 0, verbose=False)
    server.RequestHandlerClass = functools.partial(GzipCountingHandler, directory=str(site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/pl/szukaj/")
            page.wait_for_load_state("networkidle")
            page_bytes = GzipCountingHandler.sent
            GzipCountingHandler.sent = 0
            GzipCountingHandler.files.clear()
            page.locator("pagefind-input input").fill(query)
            page.locator("pagefind-results a.pf-result-link").first.wait_for(timeout=30_000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            search_bytes = GzipCountingHandler.sent
            for path, size in sorted(GzipCountingHandler.files, key=lambda item: -item[1]):
                print(f"  {size / 1e3:6.1f} kB  {path}")
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return page_bytes, search_bytes


def main(argv: list[str] | None = None) -> int:
    from search.indexing import build_search_index

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--query", default="Bialorus")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-search-"))
    try:
        content = work / "content"
        synthetic_content(content, args.pages)
        started = time.perf_counter()
        site = build(ROOT / "pelican.conf.py", work / "output", {"PATH": str(content)})
        print(f"build ({args.pages} pages, with indexing): {time.perf_counter() - started:.1f} s")
        shutil.rmtree(site / "pagefind")
        started = time.perf_counter()
        report = build_search_index(site)
        print(f"indexing alone: {time.perf_counter() - started:.1f} s for {report.pages} pages")
        files = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
        index_bytes = sum(p.stat().st_size for p in files if p.parent.name in ("index", "fragment", "filter"))
        meta_bytes = sum(p.stat().st_size for p in files if p.suffix == ".pf_meta")
        print(f"index size: {index_bytes / 1e6:.1f} MB in chunks/fragments/filters, {meta_bytes / 1e3:.0f} kB metadata")
        page, sent = first_query_bytes(site, args.query)
        print(f"search page with its scripts and styles, gzip: {page / 1e3:.0f} kB")
        verdict = "within" if sent <= GOAL_BYTES else "over"
        goal = f"{verdict} the {GOAL_BYTES // 1000} kB goal"
        print(f"first query ({args.query!r}) in Chromium, gzip: {sent / 1e3:.0f} kB ({goal})")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "plugins"))
    sys.exit(main())
