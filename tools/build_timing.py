"""Where a build's time goes, from Pelican's signals: for `make bench` (`tools.build --timings FILE`)."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterator
from pathlib import Path

from pelican import signals


@contextlib.contextmanager
def record_phases(target: Path | None) -> Iterator[None]:
    """Write {"context": s, "writing": s, "after_writing": s, "pages": n} to `target` after the build.

    `after_writing` runs from the last page written to the end of Pelican's run:
    the `finalized` signal, where the search plugin builds its index.
    """
    if target is None:
        yield
        return
    marks: dict[str, float] = {"start": time.perf_counter()}
    pages = 0

    def on_written(_path, context=None) -> None:
        nonlocal pages
        marks.setdefault("first_write", time.perf_counter())
        marks["last_write"] = time.perf_counter()
        pages += 1

    signals.content_written.connect(on_written)
    try:
        yield
    finally:
        signals.content_written.disconnect(on_written)
    end = time.perf_counter()
    first, last = marks.get("first_write", end), marks.get("last_write", end)
    phases = {
        "context": first - marks["start"],
        "writing": last - first,
        "after_writing": end - last,
        "pages": pages,
    }
    target.write_text(json.dumps(phases, indent=2))
