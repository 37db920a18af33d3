"""write_in_two: every job written once, half of them by a forked process, and its failures are the build's."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import pytest
from jinja2 import Environment, TemplateSyntaxError

from archive_core.pelican_compat import is_unresolved_link
from parallel_writer import halves
from parallel_writer.halves import HalfFailed, write_in_two


def writer_into(folder: Path):
    def write(job: str) -> list[str]:
        path = folder / f"{job}.txt"
        path.write_text(str(os.getpid()))
        return [str(path)]

    return write


def test_every_job_is_written_once_every_other_one_by_a_forked_process(tmp_path):
    jobs = [f"page{i}" for i in range(7)]
    written = write_in_two(jobs, writer_into(tmp_path))
    assert [files for files, _forked in written] == [[str(tmp_path / f"{job}.txt")] for job in jobs]
    writers = {job: int((tmp_path / f"{job}.txt").read_text()) for job in jobs}
    for (_files, forked), job in zip(written, jobs, strict=True):
        assert (writers[job] != os.getpid()) is forked
    assert sum(forked for _files, forked in written) == 3
    assert len({pid for pid in writers.values() if pid != os.getpid()}) == 1


def failing_in_the_fork(exception: BaseException):
    def write(job: int) -> list[str]:
        if job == 1:  # the second job: the forked process's
            raise exception
        return []

    return write


def test_an_exception_in_the_forked_process_is_raised_in_the_build():
    with pytest.raises(ValueError, match="broken page"):
        write_in_two([0, 1, 2], failing_in_the_fork(ValueError("broken page")))


def test_a_template_error_comes_back_whole():
    try:
        Environment(autoescape=True).from_string("{% if %}")
    except TemplateSyntaxError as exc:
        syntax_error = exc
    with pytest.raises(TemplateSyntaxError) as raised:  # the build reports it at its file and line
        write_in_two([0, 1, 2], failing_in_the_fork(syntax_error))
    assert raised.value.lineno == 1
    assert ", in write\n" in str(raised.value.__cause__)  # where it was raised, in the forked process


def test_an_exception_that_cannot_be_pickled_comes_back_described():
    class Unpicklable(Exception):
        def __reduce__(self):
            raise TypeError("no")

    with pytest.raises(HalfFailed, match="Unpicklable: a lock in it"):
        write_in_two([0, 1, 2], failing_in_the_fork(Unpicklable("a lock in it")))


def test_what_the_forked_process_logs_is_logged_by_the_build(caplog):
    def write(job: int) -> list[str]:
        logging.getLogger("a.plugin").warning("page %d has no title", job)
        return []

    with caplog.at_level(logging.WARNING):
        write_in_two([0, 1, 2, 3], write)
    assert sorted(r.getMessage() for r in caplog.records if r.name == "a.plugin") == [
        f"page {job} has no title" for job in range(4)
    ]


def test_a_link_pelican_could_not_resolve_on_a_page_of_the_forked_process_is_still_one_to_the_build(caplog):
    """The build stops on Pelican's warning of a link it could not resolve (`is_unresolved_link`), which it knew by
    its template: logged again as its text alone, every page of the forked half published its broken link."""

    def write(job: int) -> list[str]:
        logging.getLogger("pelican.contents").warning("Unable to find '%s', skipping url replacement.", f"/x{job}.md")
        return []

    with caplog.at_level(logging.WARNING):
        write_in_two([0, 1, 2, 3], write)
    told = [record for record in caplog.records if record.name == "pelican.contents"]
    assert len(told) == 4 and all(is_unresolved_link(record) for record in told), [r.msg for r in told]


def test_a_forked_process_that_does_not_finish_is_killed_at_its_time_limit(monkeypatch, tmp_path):
    monkeypatch.setattr(halves, "TIME_LIMIT_BASE", 0.5)
    monkeypatch.setattr(halves, "TIME_LIMIT_PER_PAGE", 0.0)

    pid = tmp_path / "pid"
    running: list[float] = []  # when the forked process was seen in its job

    def write(job: int) -> list[str]:
        if job == 1:  # the forked process: says who it is (whole, by a rename), then does not finish
            (tmp_path / "pid.new").write_text(str(os.getpid()))
            (tmp_path / "pid.new").replace(pid)
            time.sleep(60)
        else:  # the build's own half waits until it is: forked late on a busy machine, it was killed before it said
            waited = time.monotonic() + 120
            while not pid.exists():
                assert time.monotonic() < waited, "the forked process never started its job"
                time.sleep(0.01)
            running.append(time.monotonic())
        return []

    with pytest.raises(TimeoutError, match="did not finish within"):
        write_in_two([0, 1], write)
    assert time.monotonic() - running[0] < 10  # its time limit was over: killed, not waited for
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid.read_text()), 0)  # killed and reaped
