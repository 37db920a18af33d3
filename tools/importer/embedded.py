"""What a saved page shows that its file does not hold: the pages its frames load (`<frameset>`, `<iframe>`), an
object's or an embed's document (`<object>`, `<embed>`), a frame's own document written in its `srcdoc`, a recording,
a video (`<audio>`, `<video>`) and what a script draws (`<canvas>`).

None is the article's text as the file holds it: trafilatura dropped some with no word (an object's fallback text,
which a browser shows only where it cannot show the object; a video's, where it cannot play it) and read others as
text, joined to the paragraph after them (a recording's fallback, with the whole article). Each is left out and
reported at its line; a page of frames, whose text is all in other files, is refused, naming them.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
from lxml import etree

from archive_core.errors import content_error

from .drawings import cut, plain_text
from .model import Dropped

# Each element that shows another document, but one inside another (reported with it), or inside what a browser
# never shows (a `<template>`, a frame's or a script's fallback).
_SHOWING = "self::iframe or self::frame or self::object or self::embed or self::audio or self::video or self::canvas"
_EMBEDDED = (
    f".//*[{_SHOWING}][not(ancestor::*[{_SHOWING} or self::template or self::noscript or self::noframes or "
    "self::noembed])]"
)
# What each is, and where a browser shows the text it holds, its fallback (none: it shows no text of it).
_SHOWN = {
    "object": ("an object", "cannot show the object"),
    "audio": ("a recording", "cannot play it"),
    "video": ("a video", "cannot play it"),
    "canvas": ("a drawing a script makes", "runs no script"),
    "embed": ("an embedded document", None),
}
MAX_FRAMES_NAMED = 5


def refuse_a_page_of_frames(tree, path: Path) -> None:
    """Refuse a page whose document is a `<frameset>`: a browser shows the pages its frames load, and its
    `<noframes>` text only where it shows no frames."""
    frameset = tree.getroottree().getroot().find("frameset")
    if frameset is None:
        return
    sources = [repr(cut(frame.get("src") or "")) for frame in frameset.iter("frame") if frame.get("src")]
    named = ", ".join(sources[:MAX_FRAMES_NAMED]) + (" and more" if len(sources) > MAX_FRAMES_NAMED else "")
    loads = f"the pages its frames load ({named})" if named else "the pages its frames load"
    raise content_error(
        path,
        frameset.sourceline,
        "file",
        f"is a page of frames: a browser shows {loads}, whose text this file does not hold",
        "open the frame that shows the article on its own, save that page, and import that",
    )


def leave_out_embedded(tree) -> list[Dropped]:
    """Drop each element of `tree` that shows another document, each reported at its line."""
    found = []
    for element in tree.xpath(_EMBEDDED):
        found.append(_reported(element))
        element.drop_tree()
    return found


def _reported(element) -> Dropped:
    tag, line = element.tag, element.sourceline
    if tag == "iframe" and element.get("srcdoc") is not None:
        return Dropped(line, cut(_text_of(element.get("srcdoc") or "")), "a frame's own document (<iframe srcdoc>)")
    source = element.get("data" if tag == "object" else "src") or next(
        (src for src in element.xpath("./source/@src") if src), ""
    )  # a recording's or a video's may be its first `<source>`'s
    address = repr(cut(source))
    what, fallback_shown = _SHOWN.get(tag, ("a frame", None))
    shown = f"<{tag}> of {address}" if source else f"<{tag}>"
    if fallback_shown and (fallback := plain_text(element.xpath("string()"))):
        why = f"{what} ({shown}), not in this file, and its fallback text, shown only where a browser"
        return Dropped(line, cut(fallback), f"{why} {fallback_shown}")
    return Dropped(line, address.strip("'\""), f"{what} ({shown}), not in this file")


def _text_of(markup: str) -> str:
    """The text a frame's `srcdoc` shows: not its scripts' code, style sheets, title nor templates."""
    if not markup.strip():
        return ""
    try:
        document = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return plain_text(markup)
    etree.strip_elements(document, "script", "style", "title", "template", with_tail=False)
    return plain_text(document.xpath("string()"))
