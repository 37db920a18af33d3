"""What every test of the suite shares, `tests/` and each plugin's `tests/` alike (tests/conftest.py: the builds)."""

from __future__ import annotations

import pytest

from tests.untouched import changes, repository_state


@pytest.fixture(autouse=True)
def the_repository_untouched():
    """Fails the test that wrote into the repository's `.cache/` or `output/` (tests/untouched.py)."""
    before = repository_state()
    yield
    changed = changes(before, repository_state())
    assert changed == [], "the test wrote into the repository (a test writes under its tmp folders only)"
