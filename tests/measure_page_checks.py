"""Time the Python checks of every page (`make test` runs them on each build of content/) on a grown archive.

`.venv/bin/python -m tests.measure_page_checks 300 /tmp/checks` copies content/, adds 300 pairs of
tools/bench/corpus.py and what tests/growth.py adds, builds it (no search index, as the tests build it) and times
each check, in the order given, with the time a page: the first check to read a page parses it, the others share
what it read (tests/html_helpers.py). docs/performance.md gives what it measured.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tools.bench.corpus import write_corpus

from . import invariants
from .conftest import CONTENT, build_site
from .growth import grow
from .sitewide import broken_links, hreflang_problems, html_pages
from .stylesheets import pages_with_unloaded_styles


def grown_archive(pairs: int, folder: Path) -> tuple[Path, Path]:
    """content/ with `pairs` corpus pairs and tests/growth.py's articles added, and the site built from it."""
    content = folder / "content"
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(CONTENT, content)
    shutil.copytree(write_corpus(pairs, folder / "corpus") / "archive", content, dirs_exist_ok=True)
    grow(content)
    return content, build_site(folder / "site", content)


def page_checks(content: Path, site: Path) -> dict[str, Callable[[], list]]:
    return {
        "links": lambda: broken_links(site),
        "hreflang": lambda: hreflang_problems(site),
        "heads": lambda: invariants.head_problems(content, site),
        "article pages": lambda: invariants.article_page_problems(content, site),
        "repository links": lambda: invariants.repository_link_problems(content, site),
        "listings": lambda: invariants.listing_problems(content, site),
        "timeline": lambda: invariants.timeline_problems(content, site),
        "countries": lambda: invariants.country_problems(content, site),
        "stylesheets": lambda: list(pages_with_unloaded_styles(site)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pairs", type=int)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    content, site = grown_archive(args.pairs, args.folder)
    pages = len(html_pages(site))
    invariants.articles(content)  # the content read once, as the tests read it
    total = 0.0
    for name, check in page_checks(content, site).items():
        start = time.perf_counter()
        problems = check()
        took = time.perf_counter() - start
        total += took
        print(f"{name:17} {took:6.2f} s {1000 * took / pages:6.2f} ms a page, {len(problems)} problem(s)")
    print(f"{'all':17} {total:6.2f} s {1000 * total / pages:6.2f} ms a page ({pages} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
