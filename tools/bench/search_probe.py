"""What a reader's browser downloads for a first search, measured in real Chromium.

    python -m tools.bench.search_probe SITE QUERY [--page /pl/szukaj/]

Serves SITE gzip-compressed, as static hosts do (Pagefind's index files and
WASM are gzip already and are sent as they are), opens the search page with
`?q=QUERY` in headless Chromium, as the header's search form does, waits for
the results, and adds up the bytes of every response. Prints one JSON line:
the total, the search page itself (HTML, CSS, scripts) and Pagefind's index
data, and every file with its size.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from tools.chromium import ARGS, MISSING, chromium_executable
from tools.serve import SiteHandler, make_server

GOAL_BYTES = 150_000
RESULT_LINK = "#search-results a.search-result-link"


@dataclass
class Payload:
    files: list[tuple[str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.files.append((path, size))

    def summary(self) -> dict:
        """The total, split into Pagefind's index data (its WASM included) and the search page with its code."""
        total = sum(size for _, size in self.files)
        index = sum(size for path, size in self.files if is_index_data(path))
        return {
            "total_bytes": total,
            "index_bytes": index,
            "page_bytes": total - index,
            "files": sorted(self.files, key=lambda item: (-item[1], item[0])),
        }


def is_index_data(path: str) -> bool:
    return path.startswith("/pagefind/") and not path.endswith((".js", ".css"))


class GzipSiteHandler(SiteHandler):
    """Serves files gzip-compressed when the browser asks, and records the bytes of every response body."""

    payload: Payload

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        data = path.read_bytes()
        body = data if data[:2] == b"\x1f\x8b" else gzip.compress(data, 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if body is not data:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.payload.add(self.path.split("?")[0], len(body))
        self.wfile.write(body)
        return None


def first_search(site: Path, query: str, search_page: str = "/pl/szukaj/") -> dict:
    """Bytes on the wire from opening `search_page?q=query` until its results are shown."""
    from playwright.sync_api import sync_playwright

    if (executable := chromium_executable()) is None:
        raise SystemExit(MISSING)
    payload = Payload()
    server = make_server(site, 0, verbose=False)
    server.RequestHandlerClass = functools.partial(
        type("Handler", (GzipSiteHandler,), {"payload": payload}), directory=str(site)
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(executable), args=ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}{search_page}?q={quote(query)}")
            page.locator(RESULT_LINK).first.wait_for(timeout=60_000)
            results = page.locator(RESULT_LINK).count()
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {"query": query, "results": results, **payload.summary()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("query")
    parser.add_argument("--page", default="/pl/szukaj/")
    args = parser.parse_args(argv)
    print(json.dumps(first_search(args.site, args.query, args.page)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
