"""A module that uses a library beyond its documented interface refuses a release of it that it was not checked
against, naming the module and the releases it was checked against: Pelican's (`pelican_compat`), and
markdown-it-py's, whose reading of each character the count of links' addresses relies on (`body_cost._Reading`;
another release may read an address otherwise, and the count would fall to nothing)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from archive_core import body_cost, pelican_compat, tested_release

GUARDS = [
    pytest.param(
        pelican_compat.require_tested_version,
        "pelican",
        "pelican_compat.py",
        pelican_compat.TESTED_VERSIONS,
        id="pelican",
    ),
    pytest.param(
        body_cost.require_tested_markdown_it,
        "markdown-it-py",
        "body_cost.py",
        body_cost.MARKDOWN_IT_TESTED_VERSIONS,
        id="markdown-it-py",
    ),
]


@pytest.mark.parametrize(("guard", "distribution", "module", "tested"), GUARDS)
def test_the_tested_release_is_accepted(guard: Callable[[], None], distribution, module, tested):
    guard()


@pytest.mark.parametrize(("guard", "distribution", "module", "tested"), GUARDS)
def test_another_release_is_refused_with_what_to_check(
    monkeypatch, guard: Callable[[], None], distribution: str, module: str, tested: tuple[str, ...]
):
    monkeypatch.setattr(tested_release.metadata, "version", lambda name: "9.0.0")
    expected = rf"{re.escape(distribution)} 9\.0\.0 .*{re.escape(module)} .*{re.escape(tested[0])}"
    with pytest.raises(tested_release.UntestedRelease, match=expected):
        guard()
