"""tools.fingerprint: the portable fingerprint made from `take`'s hashes is the one made from the files,
and `unchanged` sees a file edited, added, or swapped for a link after `take`."""

from __future__ import annotations

import os
from pathlib import Path

from pelican.settings import DEFAULT_CONFIG

from tools import fingerprint
from tools.fingerprint import ROOT


def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    (folder / "articles" / "2025").mkdir(parents=True)
    (folder / "articles" / "2025" / "a.pl.md").write_text("---\ntitle: A\n---\nTekst.\n", encoding="utf-8")
    (folder / "articles" / "2025" / "b.en.md").write_text("---\ntitle: B\n---\nText.\n", encoding="utf-8")
    return folder


def test_the_portable_fingerprint_from_takes_hashes_is_the_one_from_the_files(tmp_path):
    folder = content(tmp_path)
    taken = fingerprint.take(folder, dict(DEFAULT_CONFIG))
    from_files = fingerprint.portable(ROOT, folder, {"SITEURL": ""})
    assert from_files is not None
    assert fingerprint.portable(ROOT, folder, {"SITEURL": ""}, taken=taken) == from_files
    (folder / "articles" / "2025" / "a.pl.md").write_text("---\ntitle: A\n---\nInny.\n", encoding="utf-8")
    assert fingerprint.portable(ROOT, folder, {"SITEURL": ""}) != from_files


def test_unchanged_sees_an_edit_a_new_file_and_a_swap_for_a_link(tmp_path):
    folder = content(tmp_path)
    article = folder / "articles" / "2025" / "a.pl.md"
    assert fingerprint.unchanged(fingerprint.take(folder, dict(DEFAULT_CONFIG)))

    taken = fingerprint.take(folder, dict(DEFAULT_CONFIG))
    article.write_text("---\ntitle: A\n---\nZmieniony tekst.\n", encoding="utf-8")
    assert not fingerprint.unchanged(taken)

    taken = fingerprint.take(folder, dict(DEFAULT_CONFIG))
    (folder / "articles" / "2025" / "c.pl.md").write_text("---\ntitle: C\n---\n", encoding="utf-8")
    assert not fingerprint.unchanged(taken)

    taken = fingerprint.take(folder, dict(DEFAULT_CONFIG))
    other = folder / "articles" / "2025" / "b.en.md"
    article.unlink()
    os.symlink(other, article)  # the same name, another file behind it
    assert not fingerprint.unchanged(taken)
