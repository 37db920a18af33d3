"""Every file of the content folder is read, or refused: no file a Windows checkout cannot hold, no file that
the build would silently ignore. See docs/security.md."""

from __future__ import annotations

import pytest

from archive_core import paths
from archive_core.errors import ContentError
from tools.check import check

from .test_bad_input import GOOD


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("sources/a:b.txt", "':'"),
        ("sources/what?.txt", "'?'"),
        ("sources/trailing. ", "ending with a dot or a space"),
        ("sources/trailing.", "ending with a dot or a space"),
        ("sources/aux.txt", "reserves for a device"),
        ("sources/COM1", "reserves for a device"),
        ("articles/2025/nul.en.md", "reserves for a device"),
        ("data/timeline/con.yaml", "reserves for a device"),
        ("sources/a|b.txt", "'|'"),
    ],
)
def test_a_name_a_windows_checkout_cannot_hold_is_refused(name, expected, content_copy):
    path = content_copy / name
    path.write_text("x", encoding="utf-8")
    problems = [str(p) for p in check(content_copy)]
    assert any(p.startswith(f"{path}: file:") and expected in p for p in problems), problems


@pytest.mark.parametrize("key", ["aux", "con", "lpt1", "a:b", "x?"])
def test_the_importer_and_new_never_write_such_a_name(key, tmp_path):
    with pytest.raises(ContentError):
        paths.target_inside(tmp_path, f"articles/2025/{key}.pl.md")


@pytest.mark.parametrize(
    "name", ["data/extra.yaml", "pages/page.md", "page.md", "data/sub/x.yaml", "theme.css", "sources-old/x.txt"]
)
def test_a_file_the_build_would_ignore_is_refused(name, content_copy):
    path = content_copy / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x: 1\n", encoding="utf-8")
    problems = [str(p) for p in check(content_copy)]
    assert any(p.startswith(f"{path}: file: is not read by the build") for p in problems), problems


def test_a_file_an_article_copies_is_read(content_copy):
    (content_copy / "images").mkdir()
    (content_copy / "images" / "map.png").write_bytes(b"\x89PNG")
    article = content_copy / "articles" / "2025" / "good-article.en.md"
    article.write_text(GOOD + "\n![A map]({static}/images/map.png)\n", encoding="utf-8")
    assert [p for p in check(content_copy) if p.severity == "error"] == []
