"""Which part of an article's other language version each id of its text names (its language switch keeps it).

A text's ids are its own: a heading's is made from its words, a footnote's and a note's from their number in
that version (a translation may have a note or a footnote the original has not, so its `note-2` may be the
original's `note-1`). They are paired only where the two texts show they are the same place; none is guessed.
"""

from __future__ import annotations

import re
from collections import defaultdict

import lxml.html

from .page_ids import heading_ids

# What points into a text's notes and footnotes from a place in it: a note's marker (plugins/annotations) and a
# footnote's reference (markdown-it: `<sup class="footnote-ref"><a href="#fn1" id="fnref1">`).
_MARK = "descendant-or-self::sup[contains(concat(' ', @class, ' '), ' note-ref ') or @class='footnote-ref']/a"
_FOOTNOTE_REF = re.compile(r"fnref\d+(?::\d+)?")


def _marks(block) -> list[tuple[str, str]]:
    """The marks a block of the text holds, in order: (the id a reader can be at, the note or footnote it names):
    ("", "note-2") for a note's marker (which has no id of its own), ("fnref1", "fn1") for a footnote's reference."""
    marks = []
    for link in block.xpath(_MARK):
        own = link.get("id") or ""
        marks.append((own if _FOOTNOTE_REF.fullmatch(own) else "", (link.get("href") or "").removeprefix("#")))
    return marks


def _blocks(html: str) -> list:
    return list(lxml.html.fragment_fromstring(html, create_parent="div")) if html.strip() else []


def _heading_counterparts(own_html: str, other_html: str) -> dict[str, str]:
    """The headings paired in order when both texts have the same outline (the levels in order), else none."""
    own, other = heading_ids(own_html), heading_ids(other_html)
    if [level for level, _ in own] != [level for level, _ in other]:
        return {heading: "" for _, heading in own}
    return {mine: theirs for (_, mine), (_, theirs) in zip(own, other, strict=True)}


def _mark_counterparts(own_html: str, other_html: str) -> dict[str, str]:
    """Notes and footnotes paired by the places that mark them: block by block of two texts with the same blocks
    in the same order, where a block holds as many marks of each kind, in the same order, in both. A note or
    footnote marked from a place with no counterpart, or paired with two, has none."""
    own, other = _blocks(own_html), _blocks(other_html)
    aligned = [block.tag for block in own] == [block.tag for block in other]
    places: dict[str, str] = {}
    targets: defaultdict[str, set[str]] = defaultdict(set)
    for index, block in enumerate(own):
        mine = _marks(block)
        theirs = _marks(other[index]) if aligned else []
        paired = [bool(a) for a, _ in mine] == [bool(b) for b, _ in theirs]
        for position, (place, target) in enumerate(mine):
            other_place, other_target = theirs[position] if paired else ("", "")
            if place:
                places[place] = other_place
            targets[target].add(other_target)
    return places | {target: next(iter(found)) if len(found) == 1 else "" for target, found in targets.items()}


def body_counterparts(own_html: str, other_html: str) -> dict[str, str]:
    """{an id of this text's parts: its counterpart's id in the other version's text, or "" (the other's top) when
    the texts do not show one}, for the ids that are not the same on both sides."""
    counterparts = _heading_counterparts(own_html, other_html) | _mark_counterparts(own_html, other_html)
    return {mine: theirs for mine, theirs in counterparts.items() if mine != theirs}
