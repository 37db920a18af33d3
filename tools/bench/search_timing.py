"""How long a search takes on an archive of thousands of pages, measured in real Chromium.

    python -m tools.bench.search_timing build PAIRS    # content/ plus PAIRS generated pairs, built into SITE
    python -m tools.bench.search_timing time           # the queries below, timed, as one JSON line each

`build` copies content/ (its data: countries, names) and adds the benchmark's generated pairs (corpus.py), each
article with words of its own (a few dozen made-up Polish- or English-like words, seeded), so that the index has
a vocabulary of tens of thousands of words, as an archive of real articles does, spread over many index chunks
(corpus.py alone writes ~200 distinct words). `time` opens each search page once (Pagefind loaded), then for each
query types it into the header's box and measures from the last key to the results' `aria-busy` being cleared,
counting the requests the search made (index chunks, fragments). Serves the site as `make serve` does.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from tools.chromium import ARGS, MISSING, chromium_executable
from tools.serve import make_server

from .corpus import archive_file, make_pairs

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / ".cache" / "search-timing"  # the build writes its output only inside .cache/
SITE = WORK / "site"
OWN_WORDS = 40  # made-up words per article: with 2,000 articles, ~50,000 distinct words per language
SYLLABLES = {
    "pl": [
        "ka",
        "ro",
        "wie",
        "sz",
        "cz",
        "prze",
        "sta",
        "no",
        "wy",
        "zo",
        "ła",
        "ję",
        "ść",
        "ńcz",
        "dzi",
        "gro",
        "mi",
        "le",
        "tu",
        "pa",
        "śl",
        "ko",
        "ry",
        "brz",
    ],
    "en": [
        "ca",
        "ro",
        "ve",
        "st",
        "th",
        "pre",
        "sta",
        "no",
        "wy",
        "ton",
        "ble",
        "ing",
        "ment",
        "ous",
        "ure",
        "ly",
        "pa",
        "tr",
        "ko",
        "ry",
        "br",
        "ex",
    ],
}

# Typical queries: one to three words in both languages, long compound words (one that pages write as one, one
# typed as one that pages write as two), a typo, a pasted address, days, a number, a phrase.
QUERIES = {
    "/pl/szukaj/": [
        "konwencja",
        "ratyfikacja konwencji",
        "prawa człowieka Wietnam",
        "cyberprzestępczość",
        "cyberprzestepczosc",
        "kryptowalutyokup",
        "ratyfkacja",
        "Polsce",
        "25.10.2025",
        "https://example.org/bench/500",
        '"dowody elektroniczne"',
        "1999",
        "bezpieczeństwomiędzynarodowy",
        "cyberprzestępczość ratyfikacja konwencji międzynarodowy bezpieczeństwo współpraca",
    ],
    "/en/search/": [
        "convention",
        "human rights",
        "cybercrime ratification Vietnam",
        "cryptocurrency",
        "moneylaundering",
        "internationalcooperation",
        "ransomwere",
        "25/10/2025",
        "October 2025",
        "https://example.org/bench/500",
        "internationalcooperation cryptocurrency ratification proportionality infrastructure jurisdiction",
    ],
}


def made_up_words(rng: random.Random, lang: str, count: int) -> list[str]:
    syllables = SYLLABLES[lang]
    return ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 5))) for _ in range(count)]


def build(pairs: int) -> None:
    content = WORK / "content"
    shutil.rmtree(WORK, ignore_errors=True)
    shutil.copytree(ROOT / "content", content)
    for pair in make_pairs(pairs):
        for lang in ("pl", "en"):
            rng = random.Random(f"{pair.key}-{lang}-own")  # noqa: S311 (reproducible test data)
            path = content / "articles" / str(pair.day.year) / f"{pair.key}.{lang}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            text = archive_file(pair, lang) + "\n" + " ".join(made_up_words(rng, lang, OWN_WORDS)) + "\n"
            path.write_text(text, encoding="utf-8")
    env = {
        "ARCHIVE_CONTENT": str(content),
        "ARCHIVE_CACHE_DIR": str(WORK / "cache"),
        "ARCHIVE_OUTPUT": str(SITE),
    }
    subprocess.run(["make", "--no-print-directory", "html"], cwd=ROOT, env={**os.environ, **env}, check=True)


def time_queries(site: Path, queries: dict[str, list[str]], repeat: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    if (executable := chromium_executable()) is None:
        raise SystemExit(MISSING)
    server = make_server(site, 0, verbose=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(executable), args=ARGS)
            for search_page, typed in queries.items():
                for query in typed:
                    for _ in range(repeat):
                        rows.append(_one(browser, base, search_page, query))
                        print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return rows


def _one(browser, base: str, search_page: str, query: str) -> dict:
    """A fresh page (no index cached in memory), Pagefind loaded by a first search; then `query` typed and sent."""
    page = browser.new_context(bypass_csp=True).new_page()  # wait_for_function evaluates a script
    requests: list[str] = []
    page.goto(f"{base}{search_page}?q=zqwarmupx")
    page.wait_for_function("!document.getElementById('search-results').hasAttribute('aria-busy')", timeout=60_000)
    page.on("request", lambda request: requests.append(request.url))
    box = page.locator("#site-search-query")
    box.fill(query)
    started = time.perf_counter()
    box.press("Enter")
    page.wait_for_function(
        "document.getElementById('search-results').getAttribute('aria-busy') !== 'true'", timeout=60_000, polling=10
    )
    elapsed = time.perf_counter() - started
    results = page.locator("#search-results li").count()
    status = page.locator("#search-status").inner_text()
    page.close()
    alone = _pagefind_alone(browser, base, search_page, query)
    chunks = sum("/pagefind/" in url and "/index/" in url for url in requests)
    fragments = sum("/pagefind/" in url and "/fragment/" in url for url in requests)
    return {
        "page": search_page,
        "query": query,
        "seconds": round(elapsed, 3),
        "pagefind_alone_seconds": alone,
        "requests": len(requests),
        "index_chunks": chunks,
        "fragments": fragments,
        "results_shown": results,
        "status": status,
    }


# The same query searched by Pagefind alone, as typed, and its first ten results' data loaded (what any search page
# does), on a fresh page with Pagefind loaded: the machine's speed at that moment, to read the search page's own cost
# against (a shared machine's load moves both).
PAGEFIND_ALONE = """async (query) => {
  const bundle = new URL(document.getElementById("search-ui").dataset.bundle, document.baseURI);
  const pagefind = await import(new URL("pagefind.js", bundle).href);
  const started = performance.now();
  const found = await pagefind.search(query);
  await Promise.all(found.results.slice(0, 10).map((result) => result.data()));
  return (performance.now() - started) / 1000;
}"""


def _pagefind_alone(browser, base: str, search_page: str, query: str) -> float:
    page = browser.new_context(bypass_csp=True).new_page()
    page.goto(f"{base}{search_page}?q=zqwarmupx")
    page.wait_for_function("!document.getElementById('search-results').hasAttribute('aria-busy')", timeout=60_000)
    seconds = page.evaluate(PAGEFIND_ALONE, query)
    page.close()
    return round(seconds, 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    building = commands.add_parser("build")
    building.add_argument("pairs", type=int)
    timing = commands.add_parser("time")
    timing.add_argument("--repeat", type=int, default=3)
    timing.add_argument("--query", action="append", help="PAGE=QUERY, instead of the typical ones")
    args = parser.parse_args(argv)
    if args.command == "build":
        build(args.pairs)
        return 0
    queries = QUERIES
    if args.query:
        queries = {}
        for each in args.query:
            page, _, query = each.partition("=")
            queries.setdefault(page, []).append(query)
    time_queries(SITE, queries, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
