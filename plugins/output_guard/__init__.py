"""Every file Pelican writes must be inside the output folder."""

from __future__ import annotations

from pelican import signals

from .guard import GuardedWriter


def get_writer(pelican) -> type[GuardedWriter]:
    return GuardedWriter


def register() -> None:
    signals.get_writer.connect(get_writer)
