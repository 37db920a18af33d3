"""Render article pages over the machine's cores (see writer.py), each template compiled once (templates.py)."""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from archive_core.workers import default_workers

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
    _compiled.close()
    _compiled = SharedCompilation()


def stop_compiling(pelican) -> None:
    _compiled.close()


def share_compiled_templates(generator) -> None:
    generator.env.bytecode_cache = _compiled
    # Compiled on the other core while the build reads, for the first generator's environment as the plugins
    # listed before this one made it: an environment that differs (its filters) compiles its templates itself.
    if (generator.settings.get("ARCHIVE_WORKERS") or default_workers()) > 1:
        _compiled.compile_ahead(generator.env, Path(generator.theme) / "templates")


def register() -> None:
    signals.initialized.connect(new_build)
    signals.finalized.connect(stop_compiling)
    signals.generator_init.connect(share_compiled_templates)
    signals.get_writer.connect(get_writer)
    signals.article_writer_finalized.connect(flush)
