"""Every file Pelican writes must be inside the output folder."""

from __future__ import annotations

from pelican import signals

from archive_core.output_paths import GuardedWriter


def get_writer(pelican) -> type[GuardedWriter] | None:
    # parallel_writer's writer is a GuardedWriter too; Pelican takes only one writer.
    if "parallel_writer" in pelican.settings["PLUGINS"]:
        return None
    return GuardedWriter


def register() -> None:
    signals.get_writer.connect(get_writer)
