"""A broken content file stops the build, names the file and line, and keeps the last good output."""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tools.bench.corpus import write_corpus

from .build_helpers import cache_environment, run_build, tree_snapshot
from .conftest import FIXTURE, ROOT, build_site
from .processes import descendants, still_running


def test_broken_front_matter_fails_naming_file_and_line(content_copy, tmp_path):
    output = build_site(tmp_path / "output", content_copy)
    before = tree_snapshot(output)
    broken = content_copy / "articles" / "2025" / "broken.pl.md"
    broken.write_text("---\ntitle: Broken\ndate: 2025-10-32\nlang: pl\ntranslation_key: broken\n---\nText.\n")
    result = run_build(content_copy, output)
    assert result.returncode == 1
    assert "broken.pl.md:3: date: impossible date" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_snapshot(output) == before


def test_file_in_the_wrong_place_is_refused(content_copy, tmp_path):
    misplaced = content_copy / "articles" / "2024" / "signing-in-hanoi.en.md"
    (content_copy / "articles" / "2025" / "signing-in-hanoi.en.md").rename(misplaced)
    result = run_build(content_copy, tmp_path / "output")
    assert result.returncode == 1
    assert "2024/signing-in-hanoi.en.md:3: date: 2025-10-26 is of 2025, but the file is in the folder 2024/" in (
        result.stderr
    )
    assert not (tmp_path / "output").exists()


def test_non_markdown_file_among_articles_is_not_silently_skipped(content_copy, tmp_path):
    (content_copy / "articles" / "2025" / "notes.txt").write_text("draft")
    result = run_build(content_copy, tmp_path / "output")
    assert result.returncode == 1
    assert "notes.txt: file: is not a Markdown article" in result.stderr


def test_duplicate_translation_is_refused(content_copy, tmp_path):
    original = content_copy / "articles" / "2025" / "signing-in-hanoi.pl.md"
    copy = content_copy / "articles" / "2026" / "signing-in-hanoi.pl.md"
    copy.write_text(original.read_text().replace("date: 2025-10-26", "date: 2026-01-02"))
    result = run_build(content_copy, tmp_path / "output")
    assert result.returncode == 1
    assert "translation_key: 'signing-in-hanoi' in 'pl' is also used by" in result.stderr


@pytest.mark.parametrize("variable", ["ARCHIVE_OUTPUT", "ARCHIVE_TIMINGS"])
@pytest.mark.parametrize("value", ["/var/elsewhere", "..", ".cache", ".cache/../content"])
def test_an_output_from_the_environment_outside_the_scratch_folder_is_refused(variable, value, monkeypatch):
    # `make bench` points `make html` into .cache/bench/ this way; the output folder is replaced whole.
    from tools.output_folder import scratch_path

    monkeypatch.setenv(variable, value)
    with pytest.raises(SystemExit, match=variable):
        scratch_path(variable)


def test_an_output_from_the_environment_inside_the_scratch_folder_is_taken(monkeypatch):
    from tools.output_folder import SCRATCH, scratch_path

    monkeypatch.setenv("ARCHIVE_OUTPUT", str(SCRATCH / "bench" / "out"))
    assert scratch_path("ARCHIVE_OUTPUT") == (SCRATCH / "bench" / "out").resolve()


@pytest.mark.parametrize("place", ["content/cache", "theme/static/cache"])
def test_a_cache_where_the_build_reads_or_publishes_is_refused(place, content_copy, tmp_path):
    """ARCHIVE_CACHE_DIR in the content folder: the build wrote its entries and this machine's secret there, then
    refused them as files no build reads, in every build after; in the theme, Pelican would copy them into the
    site. The build stops at once, naming the variable, and writes nothing there."""
    cache = content_copy / "cache" if place.startswith("content/") else ROOT / place
    try:
        built = run_build(content_copy, tmp_path / "output", env={"ARCHIVE_CACHE_DIR": str(cache)})
        assert built.returncode == 1 and "Traceback" not in built.stderr, built.stderr
        assert f"ARCHIVE_CACHE_DIR={str(cache)!r} is inside the" in built.stderr, built.stderr
        assert not cache.exists() and not (tmp_path / "output").exists()
    finally:
        shutil.rmtree(cache, ignore_errors=True)  # what a build that took it wrote into the repository


def test_build_records_where_the_build_reads_or_publishes_are_refused(content_copy, tmp_path):
    records = ROOT / "theme" / "static" / "records"
    try:
        built = run_build(content_copy, tmp_path / "output", env={"ARCHIVE_BUILD_RECORDS": str(records)})
        assert built.returncode == 1 and "Traceback" not in built.stderr, built.stderr
        assert f"ARCHIVE_BUILD_RECORDS={str(records)!r} is inside the repository" in built.stderr, built.stderr
        assert not records.exists() and not (tmp_path / "output").exists()
    finally:
        shutil.rmtree(records, ignore_errors=True)  # what a build that took it wrote into the repository


def test_a_cache_outside_the_repository_or_in_its_scratch_folder_is_taken(tmp_path):
    from archive_core.cache_place import SCRATCH, cache_place_problem

    assert cache_place_problem(tmp_path / "cache", FIXTURE) is None
    assert cache_place_problem(SCRATCH / "content", FIXTURE) is None
    assert cache_place_problem(SCRATCH, ROOT / "content") is None
    assert "inside the content folder" in cache_place_problem(FIXTURE / "x", FIXTURE)
    assert "inside the repository" in cache_place_problem(ROOT / "output" / "cache", FIXTURE)


def test_a_build_says_what_it_built_without_a_line_per_file(tmp_path):
    """`make html`'s output: the outcome, not a line per file written or copied into a scratch folder."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "ARCHIVE_CONTENT": str(FIXTURE), "PYTHONUTF8": "1"}
    env.update(cache_environment())
    command = [sys.executable, "-m", "tools.build", "--force", "-o", str(tmp_path / "output")]
    built = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=600, check=False)
    assert built.returncode == 0, built.stderr
    said = built.stdout + built.stderr
    assert f"built {tmp_path / 'output'}" in said
    assert ".output.building" not in said and "Copying" not in said and "Writing" not in said, said


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the print, on purpose
def test_a_stop_python_swallowed_still_keeps_the_last_good_site(tmp_path, monkeypatch):
    """A SIGTERM whose `Stopped` Python could only print (raised in an object's `__del__`) still stops the build
    before its pages take the place of the last good ones."""
    from tools import build

    monkeypatch.setattr(build, "_stops", [])

    class Finalized:
        def __del__(self) -> None:
            build._stopped(signal.SIGTERM, None)  # as the handler runs when the signal lands here

    Finalized()  # Python prints "Exception ignored in ... __del__" and goes on
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("the last good build", encoding="utf-8")
    with pytest.raises(build.Stopped):
        build_site(output, FIXTURE)
    assert [p.name for p in output.iterdir()] == ["index.html"]
    assert not list(tmp_path.glob(".output.building*")), "the scratch folder was left behind"


@pytest.mark.parametrize("broken", [RuntimeError("cannot join thread before it is started"), SystemExit(1)])
def test_what_a_stop_breaks_on_its_way_out_is_told_as_the_stop(tmp_path, monkeypatch, capsys, broken):
    """A stop raised inside a library can break the library's own clean-up (a process pool stopped while it
    started its thread failed to join it: CI, 7 December 2026); the build is still told interrupted."""
    from tools import build

    monkeypatch.setattr(build, "_stops", [])

    def stopped_then_broken(*_args, **_kwargs):
        try:
            build._stopped(signal.SIGTERM, None)  # as the handler runs when the signal lands inside the library
        finally:
            raise broken

    monkeypatch.setattr(build, "build_if_changed", stopped_then_broken)
    monkeypatch.setattr(build.signal, "signal", lambda *_args: None)  # main's handlers stay out of pytest's process
    assert build.main(["-q", "-o", str(tmp_path / "output")]) == 128 + signal.SIGTERM
    said = capsys.readouterr().err
    assert "build interrupted;" in said and "Traceback" not in said and "failed" not in said, said


def test_a_build_started_with_ctrl_c_ignored_keeps_it_ignored():
    """A background job of a shell without job control (`make html &` in a script) starts with SIGINT ignored, so
    that the Ctrl-C meant for the foreground leaves it be; the build keeps it so, as Python does."""
    code = "import signal; from tools.build import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
    code += "print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN, signal.getsignal(signal.SIGTERM).__name__)"
    started = f"trap '' INT; exec {shlex.quote(sys.executable)} -c {shlex.quote(code)}"
    ran = subprocess.run(["sh", "-c", started], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    assert ran.stdout.split()[-2:] == ["True", "_stopped"], ran.stderr


@pytest.mark.parametrize("ending", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_build_stopped_midway_leaves_no_process_behind(tmp_path, ending):
    """Stopped while its forked workers read or write (a CI time limit, a killed devserver), nothing it started
    keeps running; stopped with SIGTERM, it also removes its scratch folder and leaves the output as it was."""
    corpus = write_corpus(120, tmp_path / "corpus") / "archive"
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "ARCHIVE_CONTENT": str(corpus), "PYTHONUTF8": "1"}
    env.update(cache_environment())  # not the repository's .cache/ (tests/untouched.py)
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("the last good build", encoding="utf-8")
    command = [sys.executable, "-m", "tools.build", "--force", "-q", "-o", str(output)]
    build = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    started: set[int] = set()
    try:
        deadline = time.monotonic() + 300
        while not (started := descendants(build.pid)) and build.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert started, "the build ended before it started a worker: give it more articles"
        build.send_signal(ending)
        _, said = build.communicate(timeout=60)
        assert not still_running(started), "a process the build started outlived it"
        if ending == signal.SIGTERM:
            assert build.returncode == 128 + signal.SIGTERM, said
            assert f"build interrupted; {output} was left as it was" in said
            assert not list(tmp_path.glob(".output.building*")), "the scratch folder was left behind"
            assert [p.name for p in output.iterdir()] == ["index.html"]
            assert (output / "index.html").read_text(encoding="utf-8") == "the last good build"
    finally:
        build.kill()
        build.communicate(timeout=60)
        for pid in started:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def test_a_stop_s_context_closed_unfinished_says_nothing(monkeypatch):
    """A second Ctrl-C inside the manager's exit leaves its generator suspended; closed then (by the collector), it
    took the GeneratorExit for a failure and raised the stop where Python can only print it: "Exception ignored in:
    <generator object _stop_told_as_a_stop>" and a traceback after the build's one line."""
    from tools import build

    monkeypatch.setattr(build, "_stops", [signal.SIGINT])
    manager = build._stop_told_as_a_stop()
    manager.__enter__()
    try:
        manager.gen.close()
    except BaseException as raised:  # a KeyboardInterrupt would end the test session, not fail this test
        pytest.fail(f"closing the manager raised {raised!r}")
