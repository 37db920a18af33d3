"""A build keeps its content out of the garbage collector's passes while it writes, and gives it back after."""

from __future__ import annotations

import gc

from pelican import signals

from .conftest import FIXTURE, build_site


def test_the_content_is_frozen_while_pages_are_written_and_unfrozen_after_the_build(tmp_path):
    frozen: list[int] = []

    def when_written(_pelican) -> None:
        frozen.append(gc.get_freeze_count())

    signals.finalized.connect(when_written)
    try:
        build_site(tmp_path / "output", FIXTURE)
    finally:
        signals.finalized.disconnect(when_written)
    assert frozen and frozen[0] > 0, "the collector's passes went over the whole content"
    assert gc.get_freeze_count() == 0, "a build left objects frozen: a process building again would keep them"
