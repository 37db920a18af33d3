"""Inline SVG drawings of a saved page (`<svg>` in its HTML): charts, maps, icons. trafilatura drops them whole.

What the archive keeps of a drawing is its name, as the page gives it to readers who cannot see it
(`aria-label`, `<title>`, `<desc>`): verbatim, a paragraph where the drawing stands, as a figure's caption is.
Its labels (`<text>`: axis ticks, a legend, a map's place names) are fragments of a picture with no reading
order, so they are not put in the text; but they are never dropped silently: the import report lists each
drawing's labels at its line, for the editor to transcribe what the article needs (a figure the text cites).
A drawing with no labels and no name is decoration (an icon), left out with nothing to report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from .decoding import composed
from .model import Dropped

_WHITESPACE = re.compile(r"\s+")
MAX_LABELS_SHOWN = 300  # characters of a drawing's labels in the report


@dataclass(frozen=True)
class Drawing:
    """An inline `<svg>` of the page with words: its labels, and the names kept as paragraphs."""

    line: int | None
    labels: str
    names: tuple[str, ...]
    placed: bool  # its names put in the text, where it stands


def keep_drawing_names(tree) -> list[Drawing]:
    """Replace each inline `<svg>` of `tree` with paragraphs of its name and description (none for decoration);
    every drawing with words, as the import report lists them (`reported`)."""
    found = []
    for drawing in list(tree.iter("svg")):
        if drawing.getparent() is None or any(a.tag == "svg" for a in drawing.iterancestors()):
            continue
        labels = plain_text(" ".join(plain_text(label.xpath("string()")) for label in drawing.iter("text")))
        hidden = (drawing.get("aria-hidden") or "").strip().lower() == "true"
        names = [] if hidden else _names(drawing)
        placed = bool(labels) or _in_figure(drawing)  # a chart, a map; or a picture a figure holds
        for name in names if placed else ():
            paragraph = etree.Element("p")
            paragraph.text = name
            _anchor(drawing).addprevious(paragraph)
        if labels or names:
            found.append(Drawing(drawing.sourceline, labels, tuple(names), placed))
        drawing.drop_tree()
    return found


def reported(drawings: list[Drawing], kept_text: str) -> list[Dropped]:
    """What the import report says of each drawing: its labels left out of the text, and whether its name is in
    the article (`kept_text`: the text of the blocks); a name of decoration (an icon, a logo) left out."""
    report = []
    for drawing in drawings:
        kept = [name for name in drawing.names if drawing.placed and name in kept_text]
        if drawing.labels:
            said = f"; its name {' / '.join(map(repr, kept))} is kept as a paragraph" if kept else ""
            report.append(Dropped(drawing.line, cut(drawing.labels), f"the labels of a drawing (inline SVG){said}"))
        elif not kept:
            names = " / ".join(drawing.names)
            report.append(Dropped(drawing.line, names, "the name of a drawing without labels (inline SVG: an icon?)"))
    return report


def _names(drawing) -> list[str]:
    """What the page says the drawing is: `aria-label` or its `<title>`, and its `<desc>`, each once."""
    title = next((plain_text(node.xpath("string()")) for node in drawing.iter("title")), "")
    desc = next((plain_text(node.xpath("string()")) for node in drawing.iter("desc")), "")
    return list(dict.fromkeys(name for name in (plain_text(drawing.get("aria-label") or "") or title, desc) if name))


def _in_figure(drawing) -> bool:
    return any(ancestor.tag == "figure" for ancestor in drawing.iterancestors())


def _anchor(drawing):
    """Where the name goes: before the drawing's figure (whose caption stays its own paragraph), else before it."""
    return next((ancestor for ancestor in drawing.iterancestors() if ancestor.tag == "figure"), drawing)


def plain_text(text: str) -> str:
    """`text` with its runs of white space as one space, composed (NFC)."""
    return composed(_WHITESPACE.sub(" ", text).strip())


def cut(text: str) -> str:
    """`text` as a report shows it: at most MAX_LABELS_SHOWN characters."""
    return text if len(text) <= MAX_LABELS_SHOWN else text[: MAX_LABELS_SHOWN - 1] + "…"
