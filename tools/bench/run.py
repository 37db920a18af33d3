"""`make bench`: this archive's build against stock Pelican 4.12 + the Pagefind CLI, side by side.

For each corpus size (pairs of Polish/English articles, see corpus.py) it
measures, in one run on one machine:

- ours: cold `make html`, as users run it (check included, empty content
  cache, no output: what `make clean` leaves; the output and cache are
  pointed into `.cache/bench/` through ARCHIVE_OUTPUT, ARCHIVE_CACHE_DIR and
  ARCHIVE_CONTENT, never at the user's output/ or content/), `make html`
  again with nothing changed, `make html` after editing one article, and the
  devserver's incremental update after that edit
  (tools/incremental.py); pages per second, peak memory, the search index
  (time and size, when the search plugin is in the build), the bytes an
  article page needs (HTML, CSS, JS), and the bytes real Chromium downloads,
  served gzip-compressed, for a first search of a rare word (search_probe.py);
- stock: Pelican 4.12 with its Markdown reader and default theme, feeds off,
  then `python -m pagefind --site`, and stock's rebuild after the same edit
  with its reader cache;

then the same for the archive as it is (content/, a few articles): cold
`make html` against stock Pelican + the Pagefind CLI on the same articles
(converted to stock Pelican's format), alternating, ratio of medians;
and prints a table and the ratios, and writes everything as JSON.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import yaml
from rich.console import Console
from rich.table import Table

from ..check import article_dirs
from ..make_inputs import MakeArguments, given, positive
from . import search_probe
from .corpus import article_file, make_pairs, write_corpus

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / ".cache" / "bench"
MAX_PAIRS = 100_000
MAX_REPEAT = 20
COMMAND_TIMEOUT = 3 * 3600  # seconds: a cold build of 100,000 pairs on a slow machine, with room to spare
STOCK_SETTINGS = """\
SITENAME = "stock"
SITEURL = ""
TIMEZONE = "Europe/Warsaw"
DEFAULT_LANG = "pl"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = {cache!r}
"""
# What tools.build prints after a build that took the pages an edit left unchanged from the last one.
TAKEN = re.compile(r"\(([0-9]+) files unchanged by the edit taken as they were\)")
EDIT_MARKER = "\n\nA sentence added by the benchmark to measure a rebuild after one edit.\n"
ARTICLE_PAGE = '<meta property="og:type" content="article">'  # what sets our article pages apart from listings

console = Console()


def measured(command: list[str], env: dict | None = None, quiet: bool = True) -> dict:
    """Run `command` under tools.bench.measure; raises if it fails."""
    with tempfile.NamedTemporaryFile(suffix=".json") as result:
        full = [sys.executable, "-m", "tools.bench.measure", result.name, "--", *command]
        done = subprocess.run(
            full,
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            capture_output=quiet,
            text=True,
            check=False,
            timeout=COMMAND_TIMEOUT,
        )
        if done.returncode:
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
        return {**json.loads(Path(result.name).read_text()), "stdout": done.stdout}


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def html_pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def page_weight(site: Path, page: Path) -> dict:
    """Bytes of an article page and of the CSS and JS it loads (raw and gzip)."""
    html = page.read_bytes()
    text = html.decode()
    css = [m for m in re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', text)]
    js = re.findall(r'<script[^>]+src="([^"]+)"', text)

    def local(urls: list[str]) -> list[bytes]:
        return [(site / url.split("?")[0].lstrip("/")).read_bytes() for url in urls if not url.startswith("http")]

    css_bytes, js_bytes = local(css), local(js)
    return {
        "html": len(html),
        "css": sum(map(len, css_bytes)),
        "js": sum(map(len, js_bytes)),
        "html_css_gzip": len(gzip.compress(html)) + sum(len(gzip.compress(b)) for b in css_bytes),
        "third_party": [u for u in css + js if u.startswith("http")],
    }


def article_weight(site: Path, pages: list[Path]) -> dict:
    """`page_weight` of the median article page by size (the corpus's articles vary in length), with the
    largest page's HTML bytes and how many pages were weighed."""
    by_size = sorted(pages, key=lambda page: (page.stat().st_size, str(page)))
    if not by_size:
        raise RuntimeError(f"no article page found in {site}")
    return {
        **page_weight(site, by_size[len(by_size) // 2]),
        "page": str(by_size[len(by_size) // 2].relative_to(site)),
        "largest_html": by_size[-1].stat().st_size,
        "articles_weighed": len(by_size),
    }


def our_article_pages(site: Path) -> list[Path]:
    """The Polish article pages (`pl/<year>/<slug>/`): listings, country and topic pages sit at that depth too."""
    return [page for page in site.glob("pl/*/*/index.html") if ARTICLE_PAGE in page.read_text(encoding="utf-8")]


def edit_one_article(path: Path) -> str:
    original = path.read_text(encoding="utf-8")
    path.write_text(original + EDIT_MARKER, encoding="utf-8")
    return original


MAKE_HTML = ["make", "--no-print-directory", "html"]


def _ours_paths(name: str | int, content: Path) -> tuple[Path, Path, dict, list[str]]:
    """`make html` as users run it, its content, output, cache and timings pointed into WORK."""
    out, cache = WORK / f"out-{name}" / "ours", WORK / f"cache-{name}"
    env = {
        "ARCHIVE_CONTENT": str(content),
        "ARCHIVE_CACHE_DIR": str(cache),
        "ARCHIVE_OUTPUT": str(out),
        "ARCHIVE_TIMINGS": str(WORK / f"timings-{name}.json"),
    }
    return out, cache, env, MAKE_HTML


def cold_ours(name: str | int, content: Path) -> dict:
    """One cold `make html`: no output, empty content cache (what `make clean` leaves)."""
    out, cache, env, build = _ours_paths(name, content)
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    run = measured(build, env)
    return {**run, "phases": json.loads(Path(env["ARCHIVE_TIMINGS"]).read_text())}


def cold_stock(name: str | int, corpus: Path, stock_python: Path) -> tuple[dict, dict]:
    """One cold stock Pelican build (empty reader cache), then the Pagefind CLI on its output."""
    out, cache, pelican, pagefind = _stock_paths(name, corpus, stock_python)
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    return measured(pelican), measured(pagefind)


def bench_ours(pairs: int, corpus: Path, python: Path, colds: list[dict]) -> dict:
    """Given the cold runs (the last one's output and cache in place): warm, one edit, devserver."""
    out, _cache, env, build = _ours_paths(pairs, corpus / "archive")
    cold = _median_run(colds)
    phases = cold["phases"]
    warm = measured(build, env)
    if "up to date" not in warm["stdout"]:
        raise RuntimeError(f"the warm rebuild did not reuse the output:\n{warm['stdout']}")
    edited = _edited_article(corpus, "archive")
    original = edit_one_article(edited)
    try:
        edit = measured(build, env)
        if not (taken := TAKEN.search(edit["stdout"])):
            raise RuntimeError(f"make html after one edit rendered every page again:\n{edit['stdout']}")
        edit["taken"] = int(taken.group(1))
        edit["phases"] = json.loads(Path(env["ARCHIVE_TIMINGS"]).read_text())
        incremental = measured([str(python), "-m", "tools.bench.devserver_probe", str(edited), str(out)], env)
    finally:
        edited.write_text(original, encoding="utf-8")
    pagefind = out / "pagefind"
    rare_word = f"zq{pairs // 2}x"  # in one Polish article and its translation (corpus.body)
    first_search = search_probe.first_search(out, rare_word) if pagefind.is_dir() else None
    return {
        "cold": cold,
        "cold_walls": [r["wall"] for r in colds],
        "phases": phases,
        "warm": warm,
        "edit": edit,
        "incremental": json.loads(incremental["stdout"].strip().splitlines()[-1]),
        "pages": html_pages(out),
        "output_bytes": folder_bytes(out),
        "search_included": pagefind.is_dir(),
        "search_index_bytes": folder_bytes(pagefind) if pagefind.is_dir() else None,
        "search_seconds": phases["after_writing"] if pagefind.is_dir() else None,
        "article_page": article_weight(out, our_article_pages(out)),
        "first_search": first_search,
    }


def _stock_paths(name: str | int, corpus: Path, stock_python: Path) -> tuple[Path, Path, list[str], list[str]]:
    out, cache = WORK / f"out-{name}" / "stock", WORK / f"stock-cache-{name}"
    settings = WORK / f"stock-{name}.conf.py"
    settings.write_text(STOCK_SETTINGS.format(cache=str(cache)))
    pelican = [str(stock_python), "-m", "pelican", str(corpus / "stock"), "-o", str(out), "-s", str(settings)]
    return out, cache, pelican, [str(stock_python), "-m", "pagefind", "--site", str(out)]


def bench_stock(pairs: int, corpus: Path, stock_python: Path, colds: list[dict], indexes: list[dict]) -> dict:
    out, _cache, pelican, _pagefind = _stock_paths(pairs, corpus, stock_python)
    edited = _edited_article(corpus, "stock")
    original = edit_one_article(edited)
    try:
        edit = measured(pelican)
    finally:
        edited.write_text(original, encoding="utf-8")
    return {
        "cold": _median_run(colds),
        "cold_walls": [r["wall"] for r in colds],
        "pagefind": _median_run(indexes),
        "pagefind_walls": [r["wall"] for r in indexes],
        "edit": edit,
        "pages": html_pages(out),
        "search_index_bytes": folder_bytes(out / "pagefind"),
        "article_page": article_weight(out, list(out.glob("bench-article-[0-9][0-9][0-9][0-9][0-9].html"))),
    }


ARCHIVE_REPEAT = 5  # the archive as it is builds in seconds: enough runs for a median worth reading


def _articles(content: Path) -> list[Path]:
    """The article files of `content`, in the folders pelican.conf.py names (ARTICLE_PATHS)."""
    return sorted(path for folder in article_dirs() for path in (content / folder).rglob("*.md"))


def stock_copy(content: Path, target: Path) -> Path:
    """The articles of `content` in stock Pelican's format (`Title:`/`Date:`/`Lang:`/`Slug:`, the same Markdown)."""
    shutil.rmtree(target, ignore_errors=True)
    (target / "stock").mkdir(parents=True)
    for path in _articles(content):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        header = f"Title: {meta['title']}\nDate: {meta['date']}\nLang: {meta['lang']}\nSlug: {meta['slug']}\n"
        (target / "stock" / path.name).write_text(f"{header}\n{body}", encoding="utf-8")
    return target


def bench_archive_as_is(stock_python: Path, repeat: int) -> dict:
    """Cold `make html` of content/ against stock Pelican + Pagefind CLI on the same articles, alternating."""
    corpus = stock_copy(ROOT / "content", WORK / "corpus-archive")
    ours, stock, indexes = [], [], []
    for _ in range(repeat):
        stock_cold, index = cold_stock("archive", corpus, stock_python)
        stock.append(stock_cold)
        indexes.append(index)
        ours.append(cold_ours("archive", ROOT / "content"))
    stock_totals = [s["wall"] + i["wall"] for s, i in zip(stock, indexes, strict=True)]
    stock_cpu = [s["cpu"] + i["cpu"] for s, i in zip(stock, indexes, strict=True)]
    return {
        "articles": len(_articles(ROOT / "content")),
        "ours_walls": [r["wall"] for r in ours],
        "ours_cpus": [r["cpu"] for r in ours],
        "ours_peak_mb": max(r["peak_rss_mb"] for r in ours),
        "ours_pages": html_pages(WORK / "out-archive" / "ours"),
        "stock_plus_pagefind_walls": stock_totals,
        "stock_plus_pagefind_cpus": stock_cpu,
        "stock_pages": html_pages(WORK / "out-archive" / "stock"),
        "ratio_wall": statistics.median(r["wall"] for r in ours) / statistics.median(stock_totals),
        "ratio_cpu": statistics.median(r["cpu"] for r in ours) / statistics.median(stock_cpu),
    }


def _median_run(runs: list[dict]) -> dict:
    ordered = sorted(runs, key=lambda r: r["wall"])
    return ordered[len(ordered) // 2]


def _edited_article(corpus: Path, flavour: str) -> Path:
    pair = make_pairs(1)[0]
    if flavour == "stock":
        return corpus / "stock" / f"{pair.key}.pl.md"
    return article_file(corpus, pair, "pl")


def summarize(pairs: int, ours: dict, stock: dict) -> dict:
    stock_total = stock["cold"]["wall"] + stock["pagefind"]["wall"]
    return {
        "pairs": pairs,
        "ours_cold_s": ours["cold"]["wall"],
        "ours_cold_cpu_s": ours["cold"]["cpu"],
        "ours_pages_per_s": ours["pages"] / ours["cold"]["wall"],
        "ours_s_per_page": ours["cold"]["wall"] / ours["pages"],
        "ours_cpu_s_per_page": ours["cold"]["cpu"] / ours["pages"],
        "ours_warm_s": ours["warm"]["wall"],
        "ours_edit_s": ours["edit"]["wall"],
        "ours_edit_cpu_s": ours["edit"]["cpu"],
        "ours_edit_files_taken": ours["edit"]["taken"],
        "ours_incremental_s": ours["incremental"]["seconds"],
        "devserver_search_s": ours["incremental"].get("search_seconds"),
        "ours_peak_mb": ours["cold"]["peak_rss_mb"],
        "stock_cold_s": stock["cold"]["wall"],
        "stock_pages_per_s": stock["pages"] / stock["cold"]["wall"],
        "stock_edit_s": stock["edit"]["wall"],
        "stock_peak_mb": stock["cold"]["peak_rss_mb"],
        "pagefind_cli_s": stock["pagefind"]["wall"],
        "pagefind_cli_cpu_s": stock["pagefind"]["cpu"],
        "pagefind_cli_peak_mb": stock["pagefind"]["peak_rss_mb"],
        "stock_plus_pagefind_s": stock_total,
        "stock_plus_pagefind_cpu_s": stock["cold"]["cpu"] + stock["pagefind"]["cpu"],
        "ratio_cpu_vs_stock_plus_pagefind": ours["cold"]["cpu"] / (stock["cold"]["cpu"] + stock["pagefind"]["cpu"]),
        # As the acceptance reads: alternating runs, the ratio of the medians.
        "ratio_cold_vs_stock_plus_pagefind": statistics.median(ours["cold_walls"])
        / statistics.median(s + i for s, i in zip(stock["cold_walls"], stock["pagefind_walls"], strict=True)),
        "ratio_cold_vs_stock_pelican": ours["cold"]["wall"] / stock["cold"]["wall"],
        "ratio_warm_vs_cold": ours["warm"]["wall"] / ours["cold"]["wall"],
        "ratio_edit_vs_cold": ours["edit"]["wall"] / ours["cold"]["wall"],
        "ratio_edit_vs_cold_cpu": ours["edit"]["cpu"] / ours["cold"]["cpu"],
        "stock_ratio_edit_vs_cold": stock["edit"]["wall"] / stock["cold"]["wall"],
        "search_included": ours["search_included"],
        "first_search_kb": ours["first_search"]["total_bytes"] / 1000 if ours["first_search"] else None,
        "first_search_index_kb": ours["first_search"]["index_bytes"] / 1000 if ours["first_search"] else None,
    }


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    memory = next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if "MemTotal" in line)
    return {
        "cpu": cpu,
        "cores": len(os.sched_getaffinity(0)),
        "memory_gb": round(int(memory) / 2**20, 1),
        "python": platform.python_version(),
        "system": platform.platform(),
        "load_average_at_start": os.getloadavg(),
    }


def print_table(rows: list[dict]) -> None:
    table = Table(title="Build benchmark (wall seconds unless said)")
    table.add_column("measure")
    for row in rows:
        table.add_column(f"{row['pairs']} pairs", justify="right")
    lines = [
        ("ours: cold make html", "ours_cold_s", "{:.1f}"),
        ("ours: cold make html, CPU s", "ours_cold_cpu_s", "{:.1f}"),
        ("ours: pages per second", "ours_pages_per_s", "{:.0f}"),
        ("ours: make html, nothing changed", "ours_warm_s", "{:.2f}"),
        ("ours: make html after one edit", "ours_edit_s", "{:.1f}"),
        ("ours: make html after one edit, CPU s", "ours_edit_cpu_s", "{:.1f}"),
        ("ours: make html after one edit, files taken from the last build", "ours_edit_files_taken", "{:,}"),
        ("ours: devserver update after one edit", "ours_incremental_s", "{:.2f}"),
        ("ours: devserver search index update after one edit", "devserver_search_s", "{:.2f}"),
        ("ours: peak memory, MiB (process tree)", "ours_peak_mb", "{:.0f}"),
        ("ours: search index included", "search_included", "{}"),
        ("ours: first search of a rare word, kB on the wire (gzip)", "first_search_kb", "{:.0f}"),
        ("  of which Pagefind's index and WASM, kB", "first_search_index_kb", "{:.0f}"),
        ("stock Pelican: cold build", "stock_cold_s", "{:.1f}"),
        ("stock Pelican: pages per second", "stock_pages_per_s", "{:.0f}"),
        ("stock Pelican: rebuild after one edit", "stock_edit_s", "{:.1f}"),
        ("Pagefind CLI on stock output", "pagefind_cli_s", "{:.1f}"),
        ("Pagefind CLI peak memory, MiB", "pagefind_cli_peak_mb", "{:.0f}"),
        ("stock Pelican + Pagefind CLI", "stock_plus_pagefind_s", "{:.1f}"),
        ("stock Pelican + Pagefind CLI, CPU s", "stock_plus_pagefind_cpu_s", "{:.1f}"),
        ("ratio: ours cold / (stock + Pagefind)", "ratio_cold_vs_stock_plus_pagefind", "{:.2f}"),
        ("ratio: ours cold / (stock + Pagefind), CPU", "ratio_cpu_vs_stock_plus_pagefind", "{:.2f}"),
        ("ratio: ours cold / stock Pelican", "ratio_cold_vs_stock_pelican", "{:.2f}"),
        ("ratio: ours warm / cold", "ratio_warm_vs_cold", "{:.3f}"),
        ("ratio: ours one-edit make html / cold", "ratio_edit_vs_cold", "{:.2f}"),
        ("ratio: ours one-edit make html / cold, CPU", "ratio_edit_vs_cold_cpu", "{:.2f}"),
        ("ratio: stock one-edit rebuild / cold", "stock_ratio_edit_vs_cold", "{:.2f}"),
    ]
    for label, key, fmt in lines:
        table.add_row(label, *("-" if row[key] is None else fmt.format(row[key]) for row in rows))
    console.print(table)


def main(argv: list[str] | None = None) -> int:
    parser = MakeArguments("bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    pairs, repeat = positive(MAX_PAIRS, "N"), positive(MAX_REPEAT, "REPEAT")
    parser.add_argument("--pairs", type=pairs, nargs="+", help="N=... for make (default: 500 1000 5000)")
    parser.add_argument("--repeat", type=repeat, default=given("REPEAT") or "1", help="cold builds per size (REPEAT=)")
    parser.add_argument("--stock-python", type=Path, default=Path(sys.executable), help="with Markdown installed")
    parser.add_argument("--ours-python", type=Path, default=ROOT / ".venv" / "bin" / "python")
    parser.add_argument("--json", type=Path, default=WORK / "results.json")
    parser.add_argument("--inputs-only", action="store_true", help="check N= and REPEAT=, run nothing")
    args = parser.parse_args(argv)
    if args.pairs is None:
        try:
            args.pairs = [pairs(text) for text in (given("N") or "500 1000 5000").split()]
        except argparse.ArgumentTypeError as exc:
            parser.error(str(exc))
    if args.inputs_only:  # make checks them before it installs the benchmark's virtualenv, a long install
        return 0
    WORK.mkdir(parents=True, exist_ok=True)
    results = {"date": datetime.now(UTC).isoformat(timespec="seconds"), "machine": machine(), "sizes": []}
    for pairs in args.pairs:
        console.print(f"[bold]{pairs} pairs[/bold]: generating the corpus, then building it both ways")
        corpus = write_corpus(pairs, WORK / f"corpus-{pairs}")
        ours_colds, stock_colds, indexes = [], [], []
        for _ in range(args.repeat):  # side by side, so that a busy machine slows both alike
            stock_cold, index = cold_stock(pairs, corpus, args.stock_python)
            stock_colds.append(stock_cold)
            indexes.append(index)
            ours_colds.append(cold_ours(pairs, corpus / "archive"))
        ours = bench_ours(pairs, corpus, args.ours_python, ours_colds)
        stock = bench_stock(pairs, corpus, args.stock_python, stock_colds, indexes)
        results["sizes"].append(
            {"pairs": pairs, "ours": ours, "stock": stock, "summary": summarize(pairs, ours, stock)}
        )
    console.print("[bold]the archive as it is[/bold]: content/, both ways, alternating")
    results["archive_as_is"] = archive = bench_archive_as_is(args.stock_python, max(args.repeat, ARCHIVE_REPEAT))
    rows = [size["summary"] for size in results["sizes"]]
    if len(rows) > 1:
        small, large = rows[0], rows[-1]
        results["linearity_s_per_page_ratio"] = large["ours_s_per_page"] / small["ours_s_per_page"]
        results["linearity_cpu_s_per_page_ratio"] = large["ours_cpu_s_per_page"] / small["ours_cpu_s_per_page"]
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, default=str))
    print_table(rows)
    for row, size in zip(rows, results["sizes"], strict=True):
        weight = size["ours"]["article_page"]
        console.print(
            f"{row['pairs']} pairs: article page (the median of {weight['articles_weighed']}) {weight['html']} B HTML"
            f" + {weight['css']} B CSS + {weight['js']} B JS ({weight['html_css_gzip']} B HTML+CSS gzip; the largest"
            f" {weight['largest_html']} B HTML); search "
            + (
                f"index {size['ours']['search_index_bytes'] / 2**20:.1f} MiB in {size['ours']['search_seconds']:.1f} s"
                if row["search_included"]
                else "not in this build: the cold build excludes indexing"
            )
        )
        if first := size["ours"]["first_search"]:
            files = ", ".join(f"{path} {kb / 1000:.1f}" for path, kb in first["files"][:8])
            console.print(f"  first search ({first['query']!r}), largest files (kB): {files}")
    if "linearity_s_per_page_ratio" in results:
        console.print(
            f"time per page, largest / smallest corpus: {results['linearity_s_per_page_ratio']:.2f} wall, "
            f"{results['linearity_cpu_s_per_page_ratio']:.2f} CPU"
        )
    console.print(
        f"the archive as it is ({archive['articles']} articles, {archive['ours_pages']} pages; stock "
        f"{archive['stock_pages']}): cold make html {statistics.median(archive['ours_walls']):.2f} s against stock "
        f"Pelican + Pagefind CLI {statistics.median(archive['stock_plus_pagefind_walls']):.2f} s: ratio of medians "
        f"[bold]{archive['ratio_wall']:.2f}x[/bold] wall, {archive['ratio_cpu']:.2f}x CPU"
    )
    for row in rows:
        console.print(
            f"{row['pairs']} pairs: cold make html / (stock + Pagefind CLI) [bold]"
            f"{row['ratio_cold_vs_stock_plus_pagefind']:.2f}x[/bold]; one-edit make html / cold "
            f"[bold]{row['ratio_edit_vs_cold']:.2f}x[/bold]; devserver's search update after one edit: "
            + ("-" if row["devserver_search_s"] is None else f"{row['devserver_search_s']:.2f} s")
            + f"; peak memory {row['ours_peak_mb']:.0f} MiB"
        )
    console.print(f"results: {args.json}")
    if len(rows) > 1:
        from .plot import plot  # matplotlib: only in .venv-bench

        plot(results, args.json.with_suffix(".svg"))
        console.print(f"plot: {args.json.with_suffix('.svg')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
