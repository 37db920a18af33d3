"""Render article pages over the machine's cores (see writer.py), each template compiled once (templates.py)."""

from __future__ import annotations

from pelican import signals

from .templates import SharedCompilation
from .writer import ParallelWriter

_compiled = SharedCompilation()


def get_writer(pelican) -> type[ParallelWriter]:
    return ParallelWriter


def flush(sender, writer=None) -> None:
    writer = writer if writer is not None else getattr(sender, "writer", None)
    if isinstance(writer, ParallelWriter):
        writer.flush()


def new_build(pelican) -> None:
    global _compiled
    _compiled = SharedCompilation()


def share_compiled_templates(generator) -> None:
    generator.env.bytecode_cache = _compiled


def register() -> None:
    signals.initialized.connect(new_build)
    signals.generator_init.connect(share_compiled_templates)
    signals.get_writer.connect(get_writer)
    signals.article_writer_finalized.connect(flush)
