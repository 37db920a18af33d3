"""What a saved page's own style sheets hide from every reader (`<style>`: `.promo { display: none }`)."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, SelectolaxError

_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.DOTALL)
# The declarations that take an element out of sight, as `page_tree` reads a style attribute's.
_HIDES = re.compile(r"(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(!important\s*)?(;|$)", re.IGNORECASE)
# A page's sheets are untrusted: so many hiding selectors are matched, each over the whole page, and no more (a
# site's own sheet hides a few dozen things; 100 complex ones over a page of 1 MB take about 2 s).
_MOST_SELECTORS = 100
_KEPT = frozenset({"html", "head", "body"})


def drop_what_style_sheets_hide(page: LexborHTMLParser) -> None:
    """Each element a rule of the page's `<style>` hides, with its text. Only rules for every medium and size: one
    inside an `@media` (print, a phone's screen) or another at-rule hides nothing every reader would miss."""
    sheets = " ".join(node.text() or "" for node in page.css("style"))
    for selector in _hiding_selectors(_COMMENT.sub(" ", sheets)):
        try:
            hidden = page.css(selector)
        except SelectolaxError:  # a selector the engine does not read: no browser would either
            continue
        for node in hidden:
            if node.tag not in _KEPT and node.parent is not None:
                node.decompose()


def _hiding_selectors(sheet: str) -> list[str]:
    """The selectors of the sheet's top-level rules whose declarations hide what they select."""
    selectors, depth, start, prelude = [], 0, 0, ""
    for at, character in enumerate(sheet):
        if character == "{":
            if depth == 0:
                prelude, start = sheet[start:at].strip(), at + 1
            depth += 1
        elif character == "}" and depth:
            depth -= 1
            if depth == 0:
                if not prelude.startswith("@") and _HIDES.search(sheet[start:at].strip()):
                    selectors.extend(part.strip() for part in prelude.split(",") if _balanced(part))
                start = at + 1
                if len(selectors) >= _MOST_SELECTORS:
                    break
        elif character == ";" and depth == 0:  # `@import ...;`, `@charset ...;`: no block
            start = at + 1
    return selectors[:_MOST_SELECTORS]


def _balanced(selector: str) -> bool:
    """Not a piece of a list split inside `:is(.a, .b)`, which the engine would read as another selector."""
    return (
        bool(selector.strip())
        and selector.count("(") == selector.count(")")
        and selector.count("[") == selector.count("]")
    )
