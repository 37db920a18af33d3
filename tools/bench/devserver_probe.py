"""Measure the devserver's update after one edited article: `python -m tools.bench.devserver_probe ARTICLE OUTPUT`.

Builds the site (ARCHIVE_CONTENT) into OUTPUT in this process, as the
devserver does, then appends a sentence to ARTICLE, times `Site.update`,
checks that the article's page shows the sentence, then times the search
overlay's update with the pages written (`tools.devserver.update_search`'s
work: plugins/search/overlay.py) and checks that the overlay's copy of the
page holds the sentence's rare word, restores ARTICLE and prints one JSON
line: {"seconds", "rendered", "kept", "full_seconds", "search_seconds",
"search_cpu_seconds", "search_pages", "search_ready_seconds"}; `search_ready_seconds` is how long
after the full build the overlay could start (reading the site index, in
the background in the devserver).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from pelican import signals

from tools.devserver import search_overlay
from tools.incremental import Site

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))
from search.pagefind_compat import decode_json, page_ids, result_url  # noqa: E402

SENTENCE = "Zdanie dopisane przez pomiar devservera: qqprobex."
WORD = "qqprobex"


def _cpu_seconds() -> float:
    """CPU time of this process and of the children it has waited for (Pagefind's service)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def overlay_finds(folder: Path, url: str) -> bool:
    """The overlay's copy of the page at `url` holds WORD."""
    fragment = folder / "fragment" / f"{page_ids(folder)[url]}.pf_fragment"
    return WORD in decode_json(fragment)["content"]


def main(argv: list[str] | None = None) -> int:
    article, output = (Path(a).resolve() for a in (argv or sys.argv[1:]))
    site = Site(ROOT / "pelican.conf.py", output)
    started = time.perf_counter()
    site.full()
    full_seconds = time.perf_counter() - started
    overlay = search_overlay(site, output.parent / f".{output.name}.search-overlay")
    started = time.perf_counter()
    if overlay is not None:
        overlay.wait_until_ready()
    ready_seconds = time.perf_counter() - started
    written: list[str] = []
    on_written = lambda path, context=None: written.append(path)  # noqa: E731
    original = article.read_text(encoding="utf-8")
    article.write_text(original + f"\n{SENTENCE}\n", encoding="utf-8")
    signals.content_written.connect(on_written)
    try:
        started = time.perf_counter()
        updated = site.update([article])
        if updated is None:
            raise SystemExit("the edit was not applied incrementally")
        seconds = time.perf_counter() - started
    finally:
        article.write_text(original, encoding="utf-8")
        signals.content_written.disconnect(on_written)
    pages = [Path(p) for p in written if SENTENCE in Path(p).read_text(encoding="utf-8")]
    if not pages:
        raise SystemExit("no page shows the edit")
    result = {"seconds": seconds, "rendered": updated.rendered, "kept": updated.kept, "full_seconds": full_seconds}
    if overlay is not None:
        started, cpu = time.perf_counter(), _cpu_seconds()
        indexed = overlay.update(Path(p) for p in written)
        seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
        result |= {"search_seconds": seconds, "search_cpu_seconds": cpu, "search_pages": indexed}
        result["search_ready_seconds"] = ready_seconds
        if not overlay_finds(overlay.folder, result_url(output, pages[0])):
            raise SystemExit("the search overlay does not hold the edit")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
