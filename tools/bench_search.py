"""Measure search on a synthetic archive: indexing time, index size, bytes a browser downloads for a first query.

    .venv/bin/python -m tools.bench_search --pages 10000

Builds a synthetic archive (PAGES articles, half Polish, half English) with the
real pipeline, re-indexes it alone to time Pagefind, then counts the bytes
real Chromium downloads, served gzip-compressed, from opening /pl/szukaj/?q=...
until the results show (tools/bench/search_probe.py). Goal: under 150 kB.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from tools.bench.search_probe import GOAL_BYTES, first_search
from tools.build import build

ROOT = Path(__file__).resolve().parent.parent
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
        first = first_search(site, args.query)
        for path, size in first["files"]:
            print(f"  {size / 1e3:6.1f} kB  {path}")
        verdict = "within" if first["total_bytes"] <= GOAL_BYTES else "over"
        print(
            f"first search ({args.query!r}) in Chromium, gzip: {first['total_bytes'] / 1e3:.0f} kB "
            f"({verdict} the {GOAL_BYTES // 1000} kB goal), of which the page and its code "
            f"{first['page_bytes'] / 1e3:.0f} kB, Pagefind's index and WASM {first['index_bytes'] / 1e3:.0f} kB"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "plugins"))
    sys.exit(main())
