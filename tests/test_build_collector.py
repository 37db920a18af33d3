"""A build keeps its content out of the garbage collector's passes while it writes, and gives it back after."""

from __future__ import annotations

import ast
import gc
import weakref

from pelican import signals

from .build_helpers import run_script
from .conftest import FIXTURE, build_site


def freeze_counts_during_a_build(signal, output) -> list[int]:
    """How many objects were out of the collector's passes each time `signal` was sent in a build of the fixture."""
    frozen: list[int] = []

    def count(_sender) -> None:
        frozen.append(gc.get_freeze_count())

    signal.connect(count)
    try:
        build_site(output, FIXTURE)
    finally:
        signal.disconnect(count)
    return frozen


def test_the_content_is_frozen_while_pages_are_written_and_unfrozen_after_the_build(tmp_path):
    frozen = freeze_counts_during_a_build(signals.finalized, tmp_path / "output")
    assert frozen and frozen[0] > 0, "the collector's passes went over the whole content"
    assert gc.get_freeze_count() == 0, "a build left objects frozen: a process building again would keep them"


def test_what_exists_when_the_build_starts_is_out_of_the_collectors_passes_while_it_reads(tmp_path):
    """The plugins (imported when Pelican starts), the settings: frozen before the first generator reads."""
    frozen = freeze_counts_during_a_build(signals.generator_init, tmp_path / "output")
    assert frozen and frozen[0] > 10_000, f"objects frozen when the first generator was made: {frozen[:1]}"
    assert gc.get_freeze_count() == 0


def test_no_full_collection_of_make_html_passes_over_the_modules(tmp_path):
    """`python -m tools.build`, as `make html` runs it: every full pass of the collector (the automatic ones while
    the modules are imported, the one before the content is frozen) skips what the imports made, which lives as
    long as the process (docs/performance.md)."""
    script = (
        "import gc, runpy, sys\n"
        "passes = []\n"
        "gc.callbacks.append(lambda phase, info: phase == 'start' and info['generation'] == 2"
        " and passes.append(gc.get_freeze_count()))\n"
        "try:\n"
        "    runpy.run_module('tools.build', run_name='__main__', alter_sys=True)\n"
        "except SystemExit as exc:\n"
        "    code = exc.code\n"
        "print('full passes, objects frozen at each:', passes)\n"
        "sys.exit(code)\n"
    )
    done = run_script(script, ["-q", "-o", str(tmp_path / "output")], FIXTURE)
    assert done.returncode == 0, done.stderr
    passes = ast.literal_eval(done.stdout.strip().splitlines()[-1].split(":", 1)[1].strip())
    assert passes, "the build made no full pass at all: this test would prove nothing"
    # Pelican, Jinja, the plugins: tens of thousands of objects, frozen before the first full pass.
    assert min(passes) > 10_000, f"a full pass went over every module: objects frozen at each pass {passes}"


def test_a_process_building_again_frees_what_the_last_build_left(tmp_path):
    """What a build left for the collector (its articles, in cycles with their context) was frozen with the modules
    when the next build started, out of reach of that build's own collection: a process that builds again and
    again (the tests, a tool building in-process) kept every earlier build's content."""
    first: list[weakref.ref] = []
    left: list[bool] = []

    def keep_an_article(generator) -> None:
        first.append(weakref.ref(generator.articles[0]))

    def when_written(_pelican) -> None:
        left.append(first[0]() is not None)

    signals.article_generator_finalized.connect(keep_an_article)
    try:
        build_site(tmp_path / "first", FIXTURE)
    finally:
        signals.article_generator_finalized.disconnect(keep_an_article)
    signals.finalized.connect(when_written)
    try:
        build_site(tmp_path / "second", FIXTURE)
    finally:
        signals.finalized.disconnect(when_written)
    assert left == [False], "the first build's articles outlived the second build's collection"
