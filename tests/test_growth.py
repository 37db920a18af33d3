"""tests/growth.py grows any valid archive into a valid one: its keys, files and addresses are none of the archive's,
whatever names the archive holds (one of its own `growth-*` keys, as a real article may have, collided)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tools.check import check

from .conftest import FIXTURE
from .growth import free_prefix, grow

TAKEN = "articles/2025/growth-newest-pair.pl.md"  # the key and file growth wrote, and an address its title made


def test_growth_takes_no_key_file_or_address_an_archive_has(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    original = next(content.glob("articles/2025/*.pl.md")).read_text(encoding="utf-8")
    key = original.split("translation_key: ", 1)[1].split("\n", 1)[0]
    planted = original.replace(f"translation_key: {key}", "translation_key: growth-newest-pair")
    planted = planted.replace("---\n", "---\nslug: wzrost-archiwum-growth-same-title-lacznosc\n", 1)
    (content / TAKEN).write_text(planted, encoding="utf-8")
    assert [str(p) for p in check(content) if p.severity == "error"] == []
    before = {path: path.read_bytes() for path in content.rglob("*") if path.is_file()}

    assert free_prefix(content) == "growth2"
    grow(content)
    assert all(path.read_bytes() == data for path, data in before.items())  # nothing of the archive's rewritten
    assert [str(p) for p in check(content) if p.severity == "error"] == []


def test_growth_keeps_its_prefix_where_the_archive_holds_none(tmp_path):
    assert free_prefix(Path(FIXTURE)) == "growth"
