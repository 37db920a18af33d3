"""Render article pages over the machine's cores (see writer.py)."""

from __future__ import annotations

from pelican import signals

from .writer import ParallelWriter


def get_writer(pelican) -> type[ParallelWriter]:
    return ParallelWriter


def flush(sender, writer=None) -> None:
    writer = writer if writer is not None else getattr(sender, "writer", None)
    if isinstance(writer, ParallelWriter):
        writer.flush()


def register() -> None:
    signals.get_writer.connect(get_writer)
    signals.article_writer_finalized.connect(flush)
