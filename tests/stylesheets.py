"""Which of the theme's classes a built page uses without loading the stylesheet that styles them.

Each page loads site.css and the stylesheets of its own kind (browse.css, timeline.css...). A partial included
by a page of another kind (the page numbers on the timeline) brings classes whose rules sit in a stylesheet
that page does not load: its HTML is right, and it shows unstyled (a bulleted list of page numbers).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from .html_helpers import read_page

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_PRELUDE = re.compile(r"([^{}]*)\{")  # a selector list (or an at-rule's prelude) before its block
_NOT_A_CLASS = re.compile(r"\[[^\]]*\]|\"[^\"]*\"|'[^']*'")  # attribute selectors and strings may hold dots
_CLASS = re.compile(r"\.(-?[A-Za-z_][\w-]*)")


def classes_styled(css: str) -> set[str]:
    """The classes that `css`'s selectors name."""
    preludes = _PRELUDE.findall(_COMMENT.sub("", css))
    return {name for prelude in preludes for name in _CLASS.findall(_NOT_A_CLASS.sub("", prelude))}


@cache
def _styled_by_sheet(css_dir: Path) -> dict[str, frozenset[str]]:
    return {sheet.name: frozenset(classes_styled(sheet.read_text("utf-8"))) for sheet in css_dir.glob("*.css")}


def unloaded_styles(site: Path, page: Path) -> list[str]:
    """`class (stylesheet)` for each class `page` uses that only stylesheets it does not load style."""
    sheets = _styled_by_sheet(site / "theme" / "css")
    read = read_page(page)  # the parse the other checks of every page share
    loaded = {Path(href.split("?")[0]).name for href in read.stylesheets}
    styled_here = set().union(*(sheets.get(name, ()) for name in loaded))
    used = read.classes
    return sorted(
        f"{name} ({', '.join(sorted(sheet for sheet, styled in sheets.items() if name in styled))})"
        for name in used - styled_here
        if any(name in styled for styled in sheets.values())
    )


def pages_with_unloaded_styles(site: Path) -> dict[str, list[str]]:
    found = {str(page.relative_to(site)): unloaded_styles(site, page) for page in sorted(site.rglob("*.html"))}
    return {page: missing for page, missing in found.items() if missing}
