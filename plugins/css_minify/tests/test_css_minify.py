from __future__ import annotations

import os

from css_minify import minify_folder

SHEET = """/* Why the rule is there. */
.wrap {
  max-width: 46rem;   /* a line of text */
  margin: 0 auto;
}

@media print {
  .skip-link { display: none; }
}
"""


def test_comments_and_whitespace_go_and_the_rules_stay(tmp_path):
    (tmp_path / "css").mkdir()
    sheet = tmp_path / "css" / "site.css"
    sheet.write_text(SHEET, encoding="utf-8")
    assert minify_folder(tmp_path) == [sheet]
    assert (
        sheet.read_text(encoding="utf-8")
        == ".wrap{max-width:46rem;margin:0 auto}@media print{.skip-link{display:none}}"
    )
    assert minify_folder(tmp_path) == []  # minified already: not written again


def test_a_hard_linked_sheet_is_replaced_not_rewritten(tmp_path):
    sheet = tmp_path / "site.css"
    sheet.write_text(SHEET, encoding="utf-8")
    earlier = tmp_path.parent / f"{tmp_path.name}-earlier.css"
    os.link(sheet, earlier)  # as the last build's output, linked into this one
    minify_folder(tmp_path)
    assert earlier.read_text(encoding="utf-8") == SHEET
    assert sheet.stat().st_ino != earlier.stat().st_ino


def test_links_and_files_that_are_not_stylesheets_are_left_alone(tmp_path):
    outside = tmp_path / "outside.css"
    outside.write_text(SHEET, encoding="utf-8")
    folder = tmp_path / "theme"
    folder.mkdir()
    (folder / "linked.css").symlink_to(outside)
    (folder / "notes.txt").write_text(SHEET, encoding="utf-8")
    assert minify_folder(folder) == []
    assert outside.read_text(encoding="utf-8") == SHEET
    assert (folder / "notes.txt").read_text(encoding="utf-8") == SHEET
