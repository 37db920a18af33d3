"""Measure the devserver's update after one edited article: `python -m tools.bench.devserver_probe ARTICLE OUTPUT`.

Builds the site (ARCHIVE_CONTENT) into OUTPUT in this process, as the
devserver does, then appends a sentence to ARTICLE, times `Site.update`,
checks that the article's page shows the sentence, restores ARTICLE and
prints one JSON line: {"seconds", "rendered", "kept", "full_seconds"}.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from pelican import signals

from tools.incremental import Site

ROOT = Path(__file__).resolve().parents[2]
SENTENCE = "Zdanie dopisane przez pomiar devservera: zqprobex."


def main(argv: list[str] | None = None) -> int:
    article, output = (Path(a).resolve() for a in (argv or sys.argv[1:]))
    site = Site(ROOT / "pelican.conf.py", output)
    started = time.perf_counter()
    site.full()
    full_seconds = time.perf_counter() - started
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
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
