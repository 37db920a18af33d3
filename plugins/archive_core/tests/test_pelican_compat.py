"""The Pelican adapter refuses a Pelican release it has not been checked against, naming what to do."""

from __future__ import annotations

import pytest

from archive_core import pelican_compat, tested_release


def test_the_tested_release_is_accepted():
    pelican_compat.require_tested_version()


def test_another_release_is_refused_with_what_to_check(monkeypatch):
    monkeypatch.setattr(tested_release.metadata, "version", lambda name: "9.0.0")
    with pytest.raises(tested_release.UntestedRelease, match=r"pelican 9\.0\.0 .*pelican_compat\.py .*4\.12\.0"):
        pelican_compat.require_tested_version()
