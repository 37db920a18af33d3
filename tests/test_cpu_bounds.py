"""Every test that bounds the CPU time of a piece of work measures it one way (`cpu_seconds`, with the objects of
the tests before it frozen out of the collector's reach): a bound measured otherwise failed late in the whole suite,
in collections of other tests' objects, and passed alone."""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import ROOT

HELPER = ROOT / "plugins" / "archive_core" / "tests" / "effort.py"
# What reads the CPU time of the process: only the helper may.
TIMER = re.compile(r"\b(process_time|thread_time|getrusage)\b")


def timer_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [f"{path.relative_to(ROOT)}:{number}" for number, line in enumerate(lines, start=1) if TIMER.search(line)]


def test_only_the_helper_reads_the_cpu_time():
    files = sorted({*(ROOT / "tests").rglob("*.py"), *(ROOT / "plugins").glob("*/tests/**/*.py")})
    assert HELPER in files and timer_lines(HELPER) != []  # what is looked for is found where it is
    assert [line for path in files if path not in (HELPER, Path(__file__)) for line in timer_lines(path)] == []
