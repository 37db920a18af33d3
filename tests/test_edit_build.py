"""`make html` after an edit renders only what the edit changes, and writes what a full build of the edited content
writes, byte for byte, search index included (tools/edits.py)."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tools.bench.corpus import write_corpus

from .build_helpers import run_build, tree_snapshot
from .conftest import ROOT

PAIRS = 12
TAKEN = re.compile(r"\((\d+) files unchanged by the edit taken as they were\)")


def _built(content: Path, output: Path, search: bool = True) -> int:
    """Build `content` into `output` in its own process, as `make html` does; the number of files taken."""
    result = run_build(content, output, env=None if search else {"ARCHIVE_SEARCH_INDEX": "0"})
    assert result.returncode == 0, result.stderr
    taken = TAKEN.search(result.stdout)
    return int(taken.group(1)) if taken else 0


def _index_files(output: Path) -> dict[str, dict[str, int]]:
    """The inode of each file of the search index's pages, by language: a language whose index the next build
    takes from this one keeps them (hard-linked, and left when this output is removed)."""
    files: dict[str, dict[str, int]] = {}
    for path in (output / "pagefind" / "fragment").iterdir():
        files.setdefault(path.name.split("_")[0], {})[path.name] = path.stat().st_ino
    return files


def _front(path: Path, field: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(rf"(?m)^{field}:.*$", f"{field}: {value}", text, count=1), encoding="utf-8")


def _body(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _summary(path: Path, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^summary:.*\n", "", text)
    path.write_text(text.replace("\n---\n", f"\nsummary: {value}\n---\n", 1), encoding="utf-8")


def _indexed_words(site: Path) -> bytes:
    """Every index chunk of the search bundle, decompressed: the words Pagefind can find."""
    return b"".join(gzip.decompress(p.read_bytes()) for p in (site / "pagefind" / "index").glob("*.pf_index"))


def _fragments(site: Path, lang: str) -> list[str]:
    """The text Pagefind stored of each page of a language."""
    found = []
    for path in (site / "pagefind" / "fragment").glob(f"{lang}_*.pf_fragment"):
        found.append(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd").decode("utf-8", "replace"))
    return found


@pytest.fixture
def corpus(tmp_path) -> Path:
    return write_corpus(PAIRS, tmp_path / "corpus") / "archive"


def article(corpus: Path, index: int, lang: str) -> Path:
    return next(corpus.rglob(f"bench-article-{index:05d}.{lang}.md"))


# Pagefind's own assets (its scripts, styles and WASM), the same in every build: Pagefind 1.5's service can leave
# one cut short when it ends under load (Pagefind issue #1271), which is no part of what an edit changes.
ASSETS = re.compile(r"pagefind/(?:[^/]+\.(?:js|css)|wasm\.[^/]+)$")


def _same_as_a_full_build(edited: Path, full: Path, content: Path, kind: str) -> None:
    shutil.rmtree(full.parent, ignore_errors=True)
    assert _built(content, full) == 0
    one, other = tree_snapshot(edited), tree_snapshot(full)
    assert sorted(one) == sorted(other), kind
    assert [name for name in one if one[name] != other[name] and not ASSETS.match(name)] == [], kind


# (what is edited, the edit, whether the pages it does not change are taken from the last build, compared after,
# the languages whose search index is taken from the last build: those none of whose pages the edit changes)
EDITS: list[tuple[str, Callable[[Path], None], bool, bool, list[str]]] = [
    ("body", lambda c: _body(article(c, 3, "pl"), "zq3x", "zqnowex"), True, False, ["en"]),
    ("body again", lambda c: _body(article(c, 3, "pl"), "zqnowex", "zqdrugiex"), True, True, ["en"]),
    ("summary", lambda c: _summary(article(c, 5, "en"), "A new summary, with a comma."), True, True, ["pl"]),
    ("a translation's body", lambda c: _body(article(c, 6, "en"), "zq6x", "zqtranslatedx"), True, True, ["pl"]),
    ("title", lambda c: _front(article(c, 2, "en"), "title", '"A new title for the second article"'), False, False, []),
    # Both versions: of one source, a translation has its original's date (a version dated alone is refused).
    ("date", lambda c: _dated(c, 4, ("pl", "en")), False, True, []),
    ("countries", lambda c: _front(article(c, 7, "pl"), "countries", "[VN, PL]"), False, True, []),
    ("tags", lambda c: _front(article(c, 8, "en"), "tags", "[ratification, signing]"), False, True, ["pl"]),
]


def _dated(corpus: Path, number: int, langs: tuple[str, ...]) -> None:
    for lang in langs:
        path = article(corpus, number, lang)
        _front(path, "date", f"{path.parent.name}-01-02")


def test_consecutive_edits_give_what_a_full_build_gives(corpus, tmp_path):
    edited, full = tmp_path / "edited" / "output", tmp_path / "full" / "output"
    assert _built(corpus, edited) == 0
    for kind, edit, reused, compared, search_taken in EDITS:
        before = _index_files(edited)
        # The year pages that do not list the edited article: kept as they were, the last build's files (not
        # read back and written again).
        year = article(corpus, 3, "pl").parent.name
        years = {p: p.stat().st_ino for p in edited.glob("*/[0-9]*/index.html") if p.parent.name != year}
        edit(corpus)
        taken = _built(corpus, edited)
        if kind in ("body", "body again"):  # an edit of article 3
            assert years and all(path.stat().st_ino == inode for path, inode in years.items()), kind
        assert (taken > 0) == reused, f"{kind}: {taken} files taken from the last build"
        after = _index_files(edited)
        languages = [lang for lang in sorted(after) if after[lang] == before.get(lang)]
        assert languages == search_taken, f"{kind}: the search index of {languages} taken from the last build"
        if compared:
            _same_as_a_full_build(edited, full, corpus, kind)
        if kind == "body again":  # the search index follows: the new word is found, the removed ones not
            words = _indexed_words(edited)
            assert b"zqdrugiex" in words and b"zqnowex" not in words and b"zq4x" in words
            polish = _fragments(edited, "pl")  # zq3x stays in the English version, which was not edited
            assert [text for text in polish if "zqdrugiex" in text] and not [t for t in polish if "zq3x" in t]


def test_an_output_changed_since_its_build_is_built_again_whole(corpus, tmp_path):
    output = tmp_path / "output"
    _built(corpus, output, search=False)
    page = next(p for p in (output / "pl").rglob("index.html") if b"zq1x" in p.read_bytes())
    page.write_text(page.read_text(encoding="utf-8").replace("zq1x", "tampered"), encoding="utf-8")
    _body(article(corpus, 3, "pl"), "zq3x", "zqnowex")
    assert _built(corpus, output, search=False) == 0  # a full build: nothing is taken from an output edited by hand
    assert b"zq1x" in page.read_bytes()


def test_an_added_or_deleted_file_is_a_full_build(corpus, tmp_path):
    output = tmp_path / "output"
    _built(corpus, output, search=False)
    added = article(corpus, 3, "pl").with_name("added-article.pl.md")
    shutil.copy(article(corpus, 3, "pl"), added)
    _front(added, "translation_key", "added-article")
    _front(added, "title", '"An added article"')
    assert _built(corpus, output, search=False) == 0
    os.unlink(added)
    assert _built(corpus, output, search=False) == 0
    _body(article(corpus, 3, "pl"), "zq3x", "zqnowex")
    assert _built(corpus, output, search=False) > 0


@pytest.mark.parametrize("module", ["tools.incremental", "tools.edits", "tools.selection", "tools.build"])
def test_each_module_imports_first(module):
    # tools.bench.devserver_probe imports tools.incremental before anything else.
    done = subprocess.run([sys.executable, "-c", f"import {module}"], cwd=ROOT, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode()
