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


def hand_over_the_last_article_pages(sender, writer=None) -> None:
    if isinstance(writer, ParallelWriter):
        writer.submit_pending()


class WaitForTheWorkers:
    """The last generator of the plugins' (Pelican's StaticGenerator, which only copies files, comes after):
    its output is the wait for the workers, so that the build renders every other page while they render
    the articles, and every page is written before `finalized` (the search index, the sitemap)."""

    def __init__(self, context: dict, settings: dict, path: str, theme: str, output_path: str, **_kwargs) -> None:
        # What Pelican's generators keep of their arguments (tools/incremental.py moves `output_path`), no more.
        self.context, self.settings, self.path, self.theme = context, settings, path, theme
        self.output_path = output_path

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer) -> None:
        if isinstance(writer, ParallelWriter):
            writer.flush()


def get_generators(pelican) -> type:
    return WaitForTheWorkers


def new_build(pelican) -> None:
    global _compiled
    _compiled.close()
    _compiled = SharedCompilation(pelican.settings.get("TEMPLATE_BYTECODE_DIR") or None)


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
    signals.get_generators.connect(get_generators)
    signals.article_writer_finalized.connect(hand_over_the_last_article_pages)
