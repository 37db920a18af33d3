"""Text saved decomposed (NFD: `a` and U+0328 COMBINING OGONEK for `ą`, as macOS and some editors write it) is the
text a reader reads composed: the archive reads every content file composed (NFC), and publishes it so, leaving the
file as written. Published as written, a page held `wła\u0328czenie`, which a search typed with `ą` does not find,
and a tag or name written decomposed was another spelling of the same word."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from tools.check import check

from .conftest import build_site

ARTICLE = "articles/2025/lodz-conference.pl.md"
WORD = "włączenie"  # of the fixture's article: `ą` composes


def test_text_saved_decomposed_is_read_and_published_composed(content_copy: Path, tmp_path: Path):
    path = content_copy / ARTICLE
    written = unicodedata.normalize("NFD", path.read_text(encoding="utf-8"))
    assert unicodedata.normalize("NFD", WORD) in written and WORD not in written
    path.write_text(written, encoding="utf-8")
    before = path.read_bytes()

    assert [problem for problem in check(content_copy) if problem.severity == "error"] == []
    site = build_site(tmp_path / "output", content_copy)

    pages = [page for page in site.rglob("*.html") if WORD in page.read_text(encoding="utf-8")]
    assert pages, "the article's text, composed"
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert unicodedata.normalize("NFD", WORD) not in html, page
    assert path.read_bytes() == before  # the file itself is left as written


def test_a_file_named_decomposed_is_told_as_linked_not_missing(content_copy: Path):
    """macOS names a file decomposed, and an editor there writes its link so: the link, read composed, named no file
    on disk, and was told "does not exist" ("put the file there") beside the file it names, told unlinked."""
    name = unicodedata.normalize("NFD", "zdjęcie.pdf")
    (content_copy / "files").mkdir()
    (content_copy / "files" / name).write_bytes(b"%PDF-1.4\n")
    path = content_copy / ARTICLE
    path.write_text(path.read_text(encoding="utf-8") + f"\nZobacz [plik]({{static}}/files/{name}).\n", encoding="utf-8")

    errors = [problem for problem in check(content_copy) if problem.severity == "error"]

    assert [(Path(problem.path).name, problem.field) for problem in errors] == [(Path(ARTICLE).name, "body")]
    assert "which no link reaches" in errors[0].message and "does not exist" not in errors[0].message
    assert "such as files/zdjecie.pdf, linked as {static}/files/zdjecie.pdf" in errors[0].hint
