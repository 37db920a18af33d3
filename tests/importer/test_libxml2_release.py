"""The importer refuses an lxml, or a libxml2 in it, that `page_tree` was not checked against: where libxml2's tree
keeps what follows `</html>` is beyond its documented interface, and another release may keep it elsewhere."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from archive_core import tested_release
from tools.importer import page_tree


def test_the_tested_releases_are_accepted():
    page_tree.require_tested_libxml2()


def test_another_lxml_is_refused_with_what_to_check(monkeypatch):
    monkeypatch.setattr(tested_release.metadata, "version", lambda name: "9.0.0")
    expected = rf"lxml 9\.0\.0 .*page_tree\.py .*{re.escape(page_tree.LXML_TESTED_VERSIONS[0])}.*`</html>`"
    with pytest.raises(tested_release.UntestedRelease, match=expected):
        page_tree.require_tested_libxml2()


def test_another_libxml2_in_the_tested_lxml_is_refused_with_what_to_check(monkeypatch):
    monkeypatch.setattr(etree, "LIBXML_VERSION", (2, 13, 8))
    expected = rf"libxml2 2\.13\.8 .*page_tree\.py .*{re.escape(page_tree.LIBXML2_TESTED_VERSIONS[0])}.*`</html>`"
    with pytest.raises(tested_release.UntestedRelease, match=expected):
        page_tree.require_tested_libxml2()
