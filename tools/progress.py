"""A progress bar (rich, on Pelican's console) for builds big enough to take a few seconds."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from blinker import signal
from pelican import signals

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
from archive_core.pelican_compat import console

# Below this many articles a build takes about a second: no bar.
MIN_ARTICLES = 300


@contextlib.contextmanager
def build_progress(enabled: bool) -> Iterator[None]:
    """Show files read and pages written while Pelican runs, if `enabled` and on a terminal."""
    if not enabled or not console.is_terminal:
        yield
        return
    # Imported here: a build with no terminal (CI, `make bench`, a pipe) shows no bar, and its columns and live
    # display are modules Pelican's logging does not load.
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn("{task.description:<8}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    tasks: dict[str, int] = {}

    def on_reading(_sender, total: int | None = None, advance: int = 0) -> None:
        if total is not None and total >= MIN_ARTICLES and "read" not in tasks:
            progress.start()
            tasks["read"] = progress.add_task("reading", total=total)
        elif "read" in tasks:
            progress.advance(tasks["read"], advance)

    def on_articles(generator) -> None:
        if "read" in tasks:
            total = len(generator.articles) + len(generator.translations)
            tasks["write"] = progress.add_task("writing", total=total)

    def on_written(_path, context=None) -> None:
        article = context.get("article") if context else None
        if "write" in tasks and article is not None and context.get("output_file") == article.save_as:
            progress.advance(tasks["write"], 1)

    reading = signal("archive_reading_progress")
    reading.connect(on_reading)
    signals.article_generator_finalized.connect(on_articles)
    signals.content_written.connect(on_written)
    try:
        yield
    finally:
        reading.disconnect(on_reading)
        signals.article_generator_finalized.disconnect(on_articles)
        signals.content_written.disconnect(on_written)
        progress.stop()
