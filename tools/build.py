"""Build the site atomically: `output/` is replaced only by a complete, error-free build.

Pelican writes into a fresh temporary folder next to `output/`. Any content
problem, any error Pelican logs, or any exception leaves the previous
`output/` exactly as it was.
"""

from __future__ import annotations

import gc

# Run as `make html` runs it, what the imports below make (modules, classes, functions) lives as long as the
# process: no collection of the garbage collector passes over it while they run (one full pass over every module
# did, 0.02 s of a small archive's build), and it is kept out of every later pass once they are done.
_PROGRAM = __name__ == "__main__"
if _PROGRAM:
    gc.disable()
    import os
    import signal
    import sys

    def _stopped_while_starting(signum: int, _frame) -> None:
        """Ctrl-C or SIGTERM during the imports, before `main` handles them: nothing is written yet."""
        sys.stderr.write("build interrupted before it started; nothing was changed\n")
        os._exit(128 + signum)

    signal.signal(signal.SIGTERM, _stopped_while_starting)
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        signal.signal(signal.SIGINT, _stopped_while_starting)

import argparse  # noqa: E402
import contextlib  # noqa: E402
import copy  # noqa: E402
import logging  # noqa: E402
import os  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import traceback  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

from jinja2 import TemplateSyntaxError  # noqa: E402
from pelican import Pelican, signals  # noqa: E402
from pelican.log import init as init_logging  # noqa: E402
from pelican.settings import read_settings  # noqa: E402

from . import edits, fingerprint, output_folder  # noqa: E402
from .build_timing import record_phases  # noqa: E402
from .make_inputs import flag  # noqa: E402
from .output_folder import scratch_path  # noqa: E402
from .plugin_receivers import receivers_of_this_build  # noqa: E402
from .progress import build_progress  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
from archive_core.errors import BuildFailed, ToolFailed, disk_hint, shown  # noqa: E402
from archive_core.pelican_compat import (  # noqa: E402
    forget_log_filter,
    forget_logged,
    forget_rendered,
    is_unresolved_link,
    let_go_of_content,
)
from archive_core.snapshot import CONTEXT_KEY  # noqa: E402
from archive_core.workers import SignalsHeldOverFork  # noqa: E402
from search import abandon_index, index_starting  # noqa: E402
from search.pagefind_compat import PagefindFailed  # noqa: E402

if _PROGRAM:
    gc.freeze()
    gc.enable()

# A program the build runs is missing, failed or hung: its message is one line saying what to do.
TOOL_FAILURES = (ToolFailed, PagefindFailed, output_folder.LockTimeout)


# Loggers whose INFO lines name each file written or copied, in the scratch folder (.output.building/site-*),
# which is gone once the build ends: `--verbose` shows them.
QUIET_LOGGERS = ("pelican.writers", "pelican.utils", "publishing")


class ErrorCounter(logging.Handler):
    """Counts errors logged during the build: Pelican logs and goes on; we do not. A link of the site Pelican could
    not resolve is one, though Pelican warns only: the page would carry it as written (`make check` refuses every
    such link it knows of; this is for any it reads otherwise than Pelican)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR or is_unresolved_link(record):
            self.records.append(record)


class BuildError(Exception):
    pass


def logged_errors(counter: ErrorCounter, during: str) -> BuildError | None:
    """The errors `counter` counted, as the build and the devserver's update tell them: `N error(s) logged during
    the <during>:` and each message on a line of its own; None when there was none."""
    if not counter.records:
        return None
    details = "".join(f"\n  {record.getMessage()}" for record in counter.records)
    return BuildError(f"{len(counter.records)} error(s) logged during the {during}:{details}")


@dataclass(frozen=True)
class Outcome:
    output: Path
    rebuilt: bool  # False: the inputs had not changed, `output` was left as it was
    inputs_changed: bool = False  # an input changed while it was built: the next build builds again
    taken: int = 0  # files taken from the previous output, unchanged by the edit (tools/edits.py)


def build(settings_file: Path, output: Path, overrides: dict | None = None) -> Path:
    """Build into a temporary folder, then swap it in as `output`. Returns `output`."""
    return build_if_changed(settings_file, output, overrides, reuse=False).output


def build_if_changed(
    settings_file: Path,
    output: Path,
    overrides: dict | None = None,
    reuse: bool = True,
    progress: bool = False,
    timings: Path | None = None,
    release_content: bool = False,
) -> Outcome:
    """`build`, unless `reuse` and the inputs' fingerprint is the one recorded for `output`.

    `release_content`: drop the articles' HTML when the search index starts, every page written
    (`content_released`), for a process that builds once (`make html`, `make publish`); a build without the index
    has no Pagefind to make room for and keeps it, as does a process that renders again from the same articles
    (the devserver).

    One build at a time per output folder (a lock on its parent folder); what
    a killed build left beside `output` is cleaned first.
    """
    overrides = overrides or {}
    output = Path(os.path.abspath(output))  # not resolved: a link named `output` is refused, never followed
    if output.is_symlink():
        raise BuildError(f"{output} is a symbolic link; remove it, a build writes only a real folder")
    output.parent.mkdir(parents=True, exist_ok=True)
    forget_logged()  # every error of this build is told and counted, those an earlier build of the process had too
    counter = ErrorCounter()
    logging.getLogger().addHandler(counter)
    try:
        with output_folder.lock(output):
            output_folder.clean_leftovers(output)
            forget_log_filter()  # this build's settings name what it filters out, no earlier build's
            # A copy: Pelican and the plugins change the lists and dicts of their settings in place (Pelican's
            # Markdown reader its MARKDOWN), which would be the caller's, given again to the next build.
            settings = read_settings(
                str(settings_file), override=copy.deepcopy({**overrides, "OUTPUT_PATH": str(output)})
            )
            inputs = fingerprint.take(Path(settings["PATH"]), settings)
            portable = fingerprint.portable(  # for `make diff`
                ROOT, Path(settings["PATH"]), overrides, Path(settings_file).name, taken=inputs
            )
            if inputs.problems:
                raise BuildFailed(inputs.problems)
            if reuse and fingerprint.matches(output, inputs.value):
                return Outcome(output, rebuilt=False)
            previous = edits.previous_build(output, inputs) if reuse else None
            fingerprint.forget(output)
            forget_rendered()  # a process that builds again (the devserver, the tests) keeps no earlier build's pages
            swapped = False
            try:
                staging = output_folder.staging_folder(output)
                settings["OUTPUT_PATH"] = str(staging)
                with receivers_of_this_build():  # Pelican connects its plugins' receivers when it is made
                    pelican = edits.EditPelican(settings, previous) if previous else Pelican(settings)
                    with (
                        build_progress(progress),
                        record_phases(timings),
                        edits.captured_generators() as generators,
                        content_out_of_collection(),
                        content_released(generators) if release_content else contextlib.nullcontext(),
                    ):
                        pelican.run()
                taken = pelican.plan.kept if isinstance(pelican, edits.EditPelican) and pelican.plan else 0
                if failed := logged_errors(counter, "build"):
                    raise failed
                _raise_if_stopped()  # never a build in place of the last good one, once stopped
                with SignalsHeldOverFork():  # a stop right after the rename is handled once `swapped` is set
                    retired = output_folder.swap_in(staging, output)
                    swapped = True
            except BaseException as failure:
                if swapped:  # a stop held over the swap, raised once it was done
                    raise StoppedAfterSwap(_signal_of(failure)) from failure
                _abandon_background_work()
                output_folder.abandon_staging(output)
                raise
            try:
                with output_folder.removed_meanwhile(retired):
                    record = edits.build_record(inputs, generators)
                output_folder.retire_staging(output)
                # After the removal: unlinking the old site's links to the pages it shared with this one changed
                # their change times, which the record's listing of the output holds.
                if not fingerprint.unchanged(inputs):
                    return Outcome(output, rebuilt=True, inputs_changed=True, taken=taken)
                fingerprint.remember(output, inputs.value)
                fingerprint.remember(output, portable, "portable")
                edits.remember(output, record)
            except BaseException as failure:
                if isinstance(failure, KeyboardInterrupt) or _stops:
                    raise StoppedAfterSwap(_signal_of(failure)) from failure
                if isinstance(failure, Exception):
                    raise FailedAfterSwap(failure) from failure
                raise
    finally:
        logging.getLogger().removeHandler(counter)
    return Outcome(output, rebuilt=True, taken=taken)


@contextlib.contextmanager
def content_out_of_collection():
    """Once every generator has its context, the content (articles, their derived data) lives until the build
    ends: the collector's passes skip it from then on (`gc.freeze`), after one that frees what reading left
    (full passes over the whole heap: docs/performance.md). The forked writers inherit it frozen.

    What is there before the build starts (the modules, the plugins, the settings: most of the heap of a small
    archive's build) lives until the process ends too, and is skipped from the start: the collections while
    reading, and the one before the content's freeze, pass over what the build made, not over every module."""

    def freeze(_generators) -> None:
        gc.collect()
        gc.freeze()

    # First what an earlier build of this process left (its content, in cycles): frozen, no collection of this
    # build would reach it, and a process building again kept every build's. Under `make html` the modules are
    # frozen since their import, and this pass is over the settings and little else.
    gc.collect()
    gc.freeze()
    with signals.all_generators_finalized.connected_to(freeze):
        try:
            yield
        finally:
            gc.unfreeze()


@contextlib.contextmanager
def content_released(generators: list):
    """The articles' HTML and the content snapshot let go when the search index starts, every page written.

    Pagefind's service, the build's largest process, then runs beside a smaller build (docs/performance.md,
    "Memory"). What comes after (the sitemap, the record of the build for the next edit) reads only the pages
    written and the articles' metadata; a read of an article's content after this fails (`ContentReleased`), in
    a template too: it never renders empty.
    """

    def release(_pelican) -> None:
        for generator in generators:
            generator.context.pop(CONTEXT_KEY, None)  # one dict, shared by every generator
        forget_rendered()
        let_go_of_content(edits.articles_of(generators))

    with index_starting.connected_to(release):
        yield


def _abandon_background_work() -> None:
    """A failed or stopped build does not wait for what runs beside it: the pages parallel_writer's workers
    have not rendered yet, the search index Pagefind is writing (ended at once)."""
    if (writer := sys.modules.get("parallel_writer.writer")) is not None:
        writer.abandon_workers()
    abandon_index()


class Stopped(KeyboardInterrupt):
    """SIGTERM (a CI time limit, a process manager) or SIGINT (Ctrl-C): its scratch folder removed, what ran beside
    it ended, the last good output kept."""


class StoppedAfterSwap(Stopped):
    """Stopped once the new site had replaced the last one: only tidying up (the old site's removal, the record of
    the build) was left, which the next build does."""


class FailedAfterSwap(Exception):
    """An error once the new site had replaced the last one, in the tidying up (the old site's removal, the record
    of the build): the site in the output folder is the new one, whole; the next build tidies up and builds again
    if the record was not kept."""


_stops: list[int] = []  # the signals that stopped the build


def _stopped(signum: int, _frame) -> None:
    _stops.append(signum)
    raise Stopped(signum)


def _signal_of(stop: BaseException) -> int:
    """The signal that stopped the build: a `Stopped`'s, else the first one handled, else Ctrl-C's."""
    if isinstance(stop, Stopped):
        return stop.args[0]
    return _stops[0] if _stops else signal.SIGINT


@contextlib.contextmanager
def _stop_told_as_a_stop() -> Iterator[None]:
    """Once a stop came, whatever ends the build is told as that stop: raised inside a library, it can break that
    library's own clean-up on its way out (a process pool stopped while it starts its thread then fails to join
    it, a `RuntimeError`), and the build would be told failed, with a traceback, instead of interrupted."""
    try:
        yield
    except (KeyboardInterrupt, GeneratorExit):  # GeneratorExit: the manager closed, a second stop in its exit
        raise
    except BaseException as failure:
        if _stops:
            raise Stopped(_stops[0]) from failure
        raise


def _raise_if_stopped() -> None:
    """Stopped again, if a stop was swallowed: Python only prints an exception raised where it cannot propagate
    (an object's `__del__`, a weak reference's callback), and the build would go on as if it had not come."""
    if _stops:
        raise Stopped(_stops[0])


def _told(failure: Exception, folder: Path) -> str:
    """A failure as the build's last line tells it: a file that could not be written or read, with the disk's hint;
    any other, a bug in a plugin or a template, after its traceback, which is what a developer needs."""
    if isinstance(failure, OSError):
        where = f" ({shown(str(failure.filename))})" if failure.filename else ""
        hint = disk_hint(failure, folder)
        return f"a file could not be written or read: {failure.strerror or failure}{where} ({hint})"
    traceback.print_exception(failure)
    return f"{type(failure).__name__}: {shown(str(failure))}"


def main(argv: list[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _stopped)
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:  # a background job of a script: Ctrl-C is not its own
        signal.signal(signal.SIGINT, _stopped)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-s", "--settings", type=Path, default=ROOT / "pelican.conf.py")
    parser.add_argument("-o", "--output", type=Path, default=scratch_path("ARCHIVE_OUTPUT") or ROOT / "output")
    parser.add_argument("-q", "--quiet", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every file written")
    parser.add_argument(
        "--force", action="store_true", default=flag("FORCE"), help="build even if no input changed (make's FORCE=1)"
    )
    parser.add_argument(
        "--timings",
        type=Path,
        default=scratch_path("ARCHIVE_TIMINGS"),
        help="write where the time went, as JSON (for make bench)",
    )
    args = parser.parse_args(argv)
    init_logging(level=logging.WARNING if args.quiet else logging.INFO)
    if not args.verbose:  # one line per page or copied file is slow at 10,000 pages; the progress bar says more
        for name in QUIET_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)
    started = time.perf_counter()
    output = shown(str(args.output))  # a make variable's: printed as it cannot act on a terminal
    try:
        with _stop_told_as_a_stop():
            outcome = build_if_changed(
                args.settings,
                args.output,
                reuse=not args.force,
                progress=not args.quiet,
                timings=args.timings,
                release_content=True,
            )
    except BuildError as exc:
        print(f"build failed: {exc}; {output} was left unchanged", file=sys.stderr)
        return 1
    except StoppedAfterSwap as exc:
        print(f"build interrupted once the new site was in {output}; the next build tidies up", file=sys.stderr)
        return 128 + exc.args[0]
    except FailedAfterSwap as exc:
        print(
            f"build failed once the new site was in {output}: {_told(exc.args[0], Path(args.output).parent)}; the "
            "site there is the new one, whole, and the next build tidies up",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt as exc:
        print(f"build interrupted; {output} was left as it was", file=sys.stderr)
        return 128 + (exc.args[0] if isinstance(exc, Stopped) else signal.SIGINT)
    except SystemExit as exc:  # archive_core.errors.BuildFailed: problems already listed
        if exc.code:
            print(f"{exc}\nbuild failed; {output} was left unchanged", file=sys.stderr)
        return int(exc.code or 0) if isinstance(exc.code, int) else 1
    except TOOL_FAILURES as exc:
        print(f"build failed: {exc}\n{output} was left unchanged", file=sys.stderr)
        return 1
    except OSError as exc:  # a full or read-only disk, a folder that cannot be written
        print(f"build failed: {_told(exc, Path(args.output).parent)}; {output} was left unchanged", file=sys.stderr)
        return 1
    except TemplateSyntaxError as exc:
        print(f"{shown(str(exc.filename))}:{exc.lineno}: template: {exc.message}", file=sys.stderr)
        print(f"build failed; {output} was left unchanged", file=sys.stderr)
        return 1
    except Exception:  # a bug in a plugin or a template: its traceback is what a developer needs
        traceback.print_exc()
        print(f"build failed; {output} was left unchanged", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    if outcome.inputs_changed:
        print(
            f"built {output} in {elapsed:.1f} s, but an input changed while it was built: "
            "the next build builds it again",
            file=sys.stderr,
        )
    elif not outcome.rebuilt:
        print(
            f"{output} is up to date (no input changed), left untouched; checked in {elapsed:.1f} s. To build it "
            "anyway: make html FORCE=1 (make publish FORCE=1; --force when run directly)"
        )
    elif outcome.taken:
        print(f"built {output} in {elapsed:.1f} s ({outcome.taken} files unchanged by the edit taken as they were)")
    else:
        print(f"built {output} in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
