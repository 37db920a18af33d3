"""The count of what links' addresses make markdown-it read refuses a markdown-it-py it has not been checked against:
another may read an address otherwise than `body_cost._Reading` sees, and the count would fall to nothing."""

from __future__ import annotations

import pytest

from archive_core import body_cost, tested_release


def test_the_tested_release_is_accepted():
    body_cost.require_tested_markdown_it()


def test_another_release_is_refused_with_what_to_check(monkeypatch):
    monkeypatch.setattr(tested_release.metadata, "version", lambda name: "9.0.0")
    with pytest.raises(tested_release.UntestedRelease, match=r"markdown-it-py 9\.0\.0 .*body_cost\.py .*4\.3\.0"):
        body_cost.require_tested_markdown_it()
