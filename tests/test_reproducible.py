"""Two builds of the same content (the fixture archive) are byte-identical: stable ordering, no build timestamps."""

from __future__ import annotations

import re
from datetime import date

from .build_helpers import run_build, tree_snapshot
from .conftest import FIXTURE


def test_two_builds_in_separate_processes_are_byte_identical(tmp_path, fixture_site):
    # Different hash seeds (set and dict order), different output folders (no absolute paths in pages).
    # `make html`'s builds let go of the articles' HTML before the index; the session's, in this process, do not.
    first, second = tmp_path / "first" / "output", tmp_path / "second" / "site"
    for output, seed in ((first, "1"), (second, "2")):
        result = run_build(FIXTURE, output, hash_seed=seed)
        assert result.returncode == 0, result.stderr
    one, two = tree_snapshot(first), tree_snapshot(second)
    assert sorted(one) == sorted(two)
    different = [name for name in one if one[name] != two[name]]
    assert different == []
    kept = tree_snapshot(fixture_site)
    assert sorted(kept) == sorted(one)
    assert [name for name in one if one[name] != kept[name]] == []


def test_no_page_carries_the_build_date(fixture_site):
    site = fixture_site
    today = date.today()
    stamps = [today.isoformat(), today.strftime("%d.%m.%Y"), today.strftime("%Y%m%d")]
    content = " ".join(p.read_text(encoding="utf-8", errors="replace") for p in FIXTURE.rglob("*") if p.is_file())
    # A date taken from the content is fine, in any form (an access date becomes a Wayback address's 20261129).
    content += " ".join(d.replace("-", "") for d in re.findall(r"\b\d{4}-\d{2}-\d{2}\b", content))
    stamps = [stamp for stamp in stamps if stamp not in content]
    for path in site.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            assert not any(stamp in text for stamp in stamps), f"{path} carries today's date"
