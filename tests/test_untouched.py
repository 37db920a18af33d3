"""The guard of tests/untouched.py holds for every test `make test` runs: the plugins' own tests too."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT

GUARD = "the_repository_untouched"


def test_every_test_of_the_suite_is_guarded_the_plugins_own_too():
    """The guard was a fixture of tests/conftest.py, which pytest applies to the tests under tests/ only: a test
    under plugins/*/tests/ (collected by `make test` too) could write into `.cache/` or `output/` unseen."""
    listed = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--fixtures-per-test", "-p", "no:cacheprovider",
         "plugins/about/tests/test_about.py", "tests/test_untouched.py"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert listed.returncode == 0, listed.stdout + listed.stderr
    tests = listed.stdout.split("-- fixtures used by ")[1:]
    assert any("plugins/about/tests/" in block for block in tests), listed.stdout  # a plugin's test was listed
    assert all(GUARD in block for block in tests), listed.stdout
