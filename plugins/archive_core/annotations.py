"""Annotations: notes on exact passages of an article, checked against its text and shown beside them.

The archived text is never changed. `check` makes sure every annotated
passage is in the body exactly once (so a note cannot drift to the wrong
place); `apply` marks the passage in the rendered HTML and numbers the notes.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

import yaml

from .errors import ContentError, Problem
from .frontmatter import SplitDocument, compose, node_line
from .schema import Annotation

_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Note:
    number: int
    kind: str
    text: str  # the passage
    note: str
    anchor: str  # `note-1`: the note's id, which the marker links to


def _plain(text: str) -> str:
    """Markdown's typographic quotes stay as they are; runs of spaces and line breaks count as one space."""
    return " ".join(text.split())


def check(annotations: tuple[Annotation, ...], doc: SplitDocument, body_html: str) -> None:
    """Raise ContentError with `passage_problems`, if there are any."""
    if problems := passage_problems(enumerate(annotations), doc, body_html, compose(doc)):
        raise ContentError(*problems)


def passage_problems(
    notes: Iterable[tuple[int, Annotation]], doc: SplitDocument, body_html: str, root: yaml.Node | None
) -> list[Problem]:
    """A problem at `annotations.N.text`'s line (`root`: the front-matter's nodes) for each passage
    (`(N, annotation)`) not in the rendered text exactly once.

    Counted where `apply` places it, in the text of the HTML (never in a tag nor a link's address), so that
    `make check` refuses exactly what the build could not place. Without notes, the text is not read.
    """
    if not (notes := list(notes)):  # most articles have none: reading the text was most of this function's time
        return []
    body = _plain(doc.body)
    text = _plain(html.unescape(_TAG.sub("", body_html)))  # the text as read, markup taken out
    rendered = _Rendered.read(body_html)
    problems = []
    for index, annotation in notes:
        found = rendered.count(annotation.text)
        if found == 1:
            continue
        hint = QUOTE_HINT
        if found:
            message = f"{annotation.text!r} is {found} times in the article's text"
        elif _plain(annotation.text) in body or _plain(annotation.text) in text:
            message = (
                f"{annotation.text!r} is not in one piece of the text as published: a link, emphasis or other "
                "Markdown splits it, or it is only in a link's address"
            )
        else:  # a note copied with the front-matter of another article, too
            message = f"{annotation.text!r} is not in the article's text"
            hint += "; or delete this item of `annotations:` if its note is not of this text"
        line = node_line(root, f"annotations.{index}.text") or 2
        problems.append(Problem(doc.path, line, f"annotations.{index}.text", message, hint))
    return problems


QUOTE_HINT = "quote a passage of the text exactly, long enough to occur once, without Markdown marks"


class NotPlaced(ValueError):
    """An annotated passage that is in the source but not in one piece of the rendered text (markup splits it)."""

    def __init__(self, index: int, annotation: Annotation) -> None:
        super().__init__(index, annotation)
        self.index = index
        self.annotation = annotation


def apply(
    content: str, annotations: tuple[Annotation, ...], label: Callable[[Note], str] = lambda note: f"Note {note.number}"
) -> tuple[str, tuple[Note, ...]]:
    """The HTML with a marker after each passage, linked to its note; notes numbered in the order of the text.

    The marker adds no text to the page: its number (a CSS counter, in text order) and "[sic]" are drawn by CSS, and
    `label(note)` is its accessible name, so that the archived text reads, copies and indexes exactly as
    published. Raises NotPlaced for a passage that a link or emphasis splits in the HTML.
    """
    spans = []
    rendered = _Rendered.read(content)
    for index, annotation in enumerate(annotations):
        position = rendered.find(annotation.text)
        if position is None:
            raise NotPlaced(index, annotation)
        spans.append((position, annotation))
    spans.sort(key=lambda pair: pair[0][0])
    notes, pieces, cursor = [], [], 0
    for number, ((_start, end), annotation) in enumerate(spans, start=1):
        note = Note(number, annotation.kind, annotation.text, annotation.note, f"note-{number}")
        notes.append(note)
        name = html.escape(label(note))
        sic = " sic" if annotation.kind == "sic" else ""
        end = rendered.outside_links(end)
        pieces += [
            content[cursor:end],
            f'<sup class="note-ref{sic}"><a href="#{note.anchor}" aria-label="{name}"></a></sup>',
        ]
        cursor = end
    pieces.append(content[cursor:])
    return "".join(pieces), tuple(notes)


_ENTITIES = {'"': '(?:"|&quot;|&#34;|&#x22;)', "'": "(?:'|&#39;|&#x27;)"}


def _word_pattern(word: str) -> str:
    """One word of the passage as it may stand in HTML: &, < and > escaped, quotes escaped or not; its accents
    composed or decomposed (`ễ` as one character or as `e` and two marks): Vietnamese text often arrives
    decomposed, and the front-matter's passage, typed or copied elsewhere, composed, looking the same."""
    forms = dict.fromkeys((word, unicodedata.normalize("NFC", word), unicodedata.normalize("NFD", word)))
    patterns = ["".join(_ENTITIES.get(c) or re.escape(html.escape(c, quote=False)) for c in form) for form in forms]
    return patterns[0] if len(patterns) == 1 else f"(?:{'|'.join(patterns)})"


@dataclass(frozen=True)
class _Rendered:
    """An article's HTML read once for every passage: its tags masked, each character of a `<...>` as `<`, which no
    passage's pattern matches (its `<` is `&lt;`), so a passage is found in the text alone by one scan; and the
    spans of its links. Each passage used to walk every tag of the page, and 16,000 annotations of a 250 KB
    text took 114 s (their number is bounded too: `schema.MAX_ANNOTATIONS`)."""

    html: str
    masked: str
    links: tuple[tuple[int, int, int], ...]  # each link's text: (start, end), and the end of its `</a>`

    @classmethod
    def read(cls, content: str) -> _Rendered:
        links, opened = [], None
        for tag in _TAG.finditer(content):
            name = tag.group(0)[1:].split(None, 1)[0].rstrip(">").lower() if len(tag.group(0)) > 2 else ""
            if name == "a" and opened is None:
                opened = tag.end()
            elif name == "/a" and opened is not None:
                links.append((opened, tag.start(), tag.end()))
                opened = None
        masked = _TAG.sub(lambda tag: "<" * len(tag.group(0)), content)
        return cls(content, masked, tuple(links))

    def matches(self, passage: str) -> Iterator[re.Match[str]]:
        """Where `passage` stands in the HTML's text (never inside a tag), allowing any whitespace between words."""
        if not passage.split():
            return iter(())
        return re.compile(r"\s+".join(_word_pattern(word) for word in passage.split())).finditer(self.masked)

    def find(self, passage: str) -> tuple[int, int] | None:
        return next((match.span() for match in self.matches(passage)), None)

    def count(self, passage: str) -> int:
        """How many times `passage` is in the text: all of them only when more than once (a refusal)."""
        first_two = sum(1 for _ in islice(self.matches(passage), 2))
        return first_two if first_two < 2 else sum(1 for _ in self.matches(passage))

    def outside_links(self, position: int) -> int:
        """`position`, or just after the `</a>` that closes a link open there: a link cannot hold the note's link."""
        index = bisect_right(self.links, (position, len(self.html) + 1, 0)) - 1
        if index >= 0 and self.links[index][0] <= position <= self.links[index][1]:
            return self.links[index][2]
        return position
