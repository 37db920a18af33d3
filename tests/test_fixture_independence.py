"""Tests of behaviour run on inputs of their own: collecting the suite, and the tests of the importer and of hostile
input, read no file of content/.

content/ grows and changes by pull request: a test that read `content/sources/<the seed>` or an event of
`content/data/timeline/` by name broke (at collection) when that file was renamed or removed. A test that needs
such a file keeps a copy of its own under tests/ (tests/importer/fixtures/seed/, tests/fixtures/security/); the
tests on content/ itself take whatever it holds (tests/invariants.py).
"""

from __future__ import annotations

import subprocess
import sys

from .conftest import CONTENT, ROOT, SEED

# Tests of behaviour that once read files of content/, each run here with a case or two (the whole files are slow).
BEHAVIOUR = [
    "tests/importer/test_language.py",
    "tests/importer/test_golden.py::test_seed_reproduces_the_committed_article",
    "tests/test_security_importer.py::test_a_folder_linked_out_of_the_content_folder_is_never_written_through",
    "tests/test_security_text.py::test_refused_at_its_line_by_check",
    "tests/test_security_dates.py::test_no_date_of_any_data_file_is_ahead_of_the_build",
    "tests/test_security_urls.py::test_refused_in_data_files_at_their_line",
]


def _pytest_without_content(*arguments: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pytest", "-p", "tests.content_barrier", "-q", "-x", "-p", "no:cacheprovider"]
    return subprocess.run([*command, *arguments], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)


def test_the_importer_s_seed_is_a_fixture_of_the_tests():
    assert SEED.is_file() and SEED.is_relative_to(ROOT / "tests") and not SEED.is_relative_to(CONTENT)


def test_the_suite_is_collected_without_reading_content():
    collected = _pytest_without_content("--collect-only", "tests", "plugins")
    assert collected.returncode == 0, collected.stdout[-3000:] + collected.stderr[-2000:]


def test_the_tests_of_behaviour_read_no_file_of_content():
    ran = _pytest_without_content(*BEHAVIOUR)
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-2000:]
