"""Every script of the theme parses as the module its page loads it as. A script that does not parse runs not at all:
a brace left over from a merge's hand-resolved conflict (search-page.js, `dayAsHeld`) left the search page saying
nothing, which only the browser tests, the slowest, would have shown. Node, as Playwright installs it for the
browser tests, parses each one without running it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import playwright
import pytest

from archive_core.locales import DAY_WORD_LETTER

SCRIPTS_DIR = Path(__file__).resolve().parents[1] / "theme" / "static" / "js"
SCRIPTS = sorted(SCRIPTS_DIR.glob("*.js"))
NODE = Path(playwright.__file__).parent / "driver" / "node"


def test_the_theme_has_scripts_to_check():
    assert SCRIPTS, "theme/static/js/ holds no script: has it moved?"
    assert NODE.is_file(), f"{NODE}: Playwright's Node is not there (`make test` installs Playwright)"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda script: script.name)
def test_a_theme_script_parses_as_a_module(tmp_path, script):
    module = tmp_path / f"{script.stem}.mjs"  # the pages load each as `<script type="module">`
    shutil.copyfile(script, module)
    checked = subprocess.run(
        [str(NODE), "--check", str(module)], capture_output=True, text=True, timeout=60, check=False
    )
    assert checked.returncode == 0, f"theme/static/js/{script.name} does not parse:\n{checked.stderr}"


def test_the_search_page_writes_a_typed_day_after_the_letter_the_index_holds_days_after():
    """The index holds a day as `archive_core.locales.DAY_WORD_LETTER` and its figures (`d25102025`), and the search
    page searches a typed day so: with two letters, every day typed would be a day no page holds."""
    written = re.findall(r'^const DAY_WORD_LETTER = "([^"]*)";$', (SCRIPTS_DIR / "search-page.js").read_text(), re.M)
    assert written == [DAY_WORD_LETTER], (
        f"search-page.js writes DAY_WORD_LETTER as {written}, archive_core/locales.py as {DAY_WORD_LETTER!r}: "
        "give both the same letter"
    )
