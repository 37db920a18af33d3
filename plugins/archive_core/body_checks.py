"""What a body's structure may not hold, because the page could not carry it: a `#` heading (a second title beside the
page's own), a heading that skips a level of the page's outline, a `::: caption` never closed or holding more than
its paragraph (the rest of the text would be shown as the photo's caption, in markup no browser reads as the author
meant), an attribute (`[text]{...}`, `{...}` before a block) other than a passage's language (`lang`) and direction
(`dir`), and a link, heading or footnote that shows nothing, and a line that reads other than it is (`body_bidi`);
and, warned of, what the page shows as text though it was meant as markup: raw HTML, attributes at the end of a
paragraph or heading."""

from __future__ import annotations

import re
from bisect import bisect
from collections.abc import Collection
from dataclasses import dataclass
from html import unescape
from itertools import pairwise

from markdown_it.token import Token
from mdit_py_plugins.attrs.parse import ParseError
from mdit_py_plugins.attrs.parse import parse as parse_attributes

from .body_bidi import reordering_problems, shown_reordering_problems
from .errors import Problem, in_file_order
from .frontmatter import SplitDocument
from .locales import language_tag_problem
from .markdown import LANGUAGE_ATTRIBUTES, LINK_SHOWN, Lines, markdown, missing_anchors, unsafe_links
from .not_shown import NOT_SHOWN
from .suggestions import closest
from .text import reserved_marker, shows_something

CAPTION_OPEN, CAPTION_CLOSE = "container_caption_open", "container_caption_close"
ONE_PARAGRAPH = ("paragraph_open", "inline", "paragraph_close")
# Blocks that hold blocks: markdown-it reads none inside one opened at its nesting limit (`maxNesting`, a guard of
# its recursion), and drops them silently: the text of a quotation 20 deep, of a list 10 deep and all that follows.
_HOLDING_BLOCKS = frozenset({"blockquote_open", "list_item_open", "footnote_open", CAPTION_OPEN})


@dataclass(frozen=True)
class BodyProblem:
    line: int | None  # 1-based, in the body
    message: str
    hint: str


def body_problems(
    doc: SplitDocument,
    tokens: list[Token],
    html: str,
    body: str | None = None,
    site_links: bool = True,
    fields: Collection[str] = (),
) -> list[Problem]:
    """Every problem of the body of `doc` (parsed as `tokens`, rendered as `html`), at its file line; `body`: the
    text parsed, where it is not the file's own (`{repository_url}` replaced); `site_links`: whether a link may
    point to another page of the site (`markdown.unsafe_links`); `fields`: the names of its front-matter's fields,
    which a second front-matter block gives (`second_front_matter`)."""
    body = doc.body if body is None else body

    def at(line: int | None, message: str, hint: str) -> Problem:
        return Problem(str(doc.path), doc.body_line + line - 1 if line else None, "body", message, hint)

    links = [*unsafe_links(tokens, body, site_links), *missing_anchors(tokens, body, html)]
    problems = [at(link.line, f"link target {link.url!r} {link.message}", link.hint) for link in links]
    problems += [at(problem.line, problem.message, problem.hint) for problem in structure_problems(tokens, body)]
    problems += [at(problem.line, problem.message, problem.hint) for problem in unread_link_markers(tokens, body)]
    if marker := marker_problem(html):
        problems.append(Problem(str(doc.path), _escaped_marker_line(doc), "body", *marker))
    if (line := second_front_matter(body, fields)) is not None:
        problems.append(
            at(
                line,
                "starts with a second front-matter block (`field: value` lines between two '---' lines), which the "
                "page would show as text",
                "move its fields into the first block, at the top of the file, and delete the second",
            )
        )
    return problems


# A line of a front-matter mapping: `title: ...`, `source:`. Its keys are lower case: `Update: ...` is a line of text
# (an editor's note between two rules at the top of a body), not a field.
_FIELD_LINE = re.compile(r"(?P<key>[a-z_][a-z0-9_]*)[ \t]*:(?:[ \t]|$)")
# A key a second block gives for a field (`titel` for `title`) is one spelt nearly as the field is: `note:` or
# `update:`, which an editor's note between two rules opens with, are no field's.
_FIELD_CUTOFF = 0.8


def second_front_matter(body: str, fields: Collection[str]) -> int | None:
    """The body line (1-based) where a second front-matter block opens, as a file pasted twice, or a fence doubled,
    leaves one: a '---' line first, then `field:` lines (and their indented parts) up to another '---' line, each
    key one of `fields` or nearly spelt as one. A block of other keys (`note: ...`) is text between two rules."""
    lines = body.split("\n")
    start = next((index for index, line in enumerate(lines) if line.strip()), None)
    if start is None or lines[start].rstrip() != "---":
        return None
    end = next((index for index in range(start + 1, len(lines)) if lines[index].rstrip() == "---"), None)
    block = lines[start + 1 : end] if end is not None else []
    keys = [match["key"] for line in block if (match := _FIELD_LINE.match(line))]
    if not keys or not all(not line.strip() or _FIELD_LINE.match(line) or line[:1] in " \t#" for line in block):
        return None
    if all(key in fields or closest(key, fields, _FIELD_CUTOFF) for key in keys):
        return start + 1
    return None


def marker_problem(html: str) -> tuple[str, str] | None:
    """(message, hint) when rendered text spells a search index marker (written with entities: `data&#45;pagefind-`)."""
    if match := reserved_marker(html):
        return (
            f"holds {match.group()!r}, the prefix of the search index's own markers",
            "write it without the hyphens, or in other words",
        )
    return None


def _escaped_marker_line(doc: SplitDocument) -> int:
    """The body line whose text, escapes and entities undone, spells a marker (else the body's first line)."""
    for index, line in enumerate(doc.body.split("\n")):
        if reserved_marker(unescape(line.replace("\\", ""))):
            return doc.body_line + index
    return doc.body_line


# A marker of Pelican's links (`{static}`, `{filename}`..., and the old `|static|`, `|filename|`, which `markdown`
# reads as links too): Pelican replaces it in a link's address only; left in the text, the page shows it as written.
LINK_MARKER = re.compile(r"\{(?:filename|static|attach|index|tag|category|author)\}|\|(?:filename|static)\|")
# A link's target holding a space, which ends it for Markdown: `({static}/images/Mapa Hanoi.png)`.
_SPACED_TARGET = re.compile(r"\]\(\s*(?P<marker>MARKER)(?P<path>[^\s()<>]*)[ \t]+(?P<rest>[^)\s\"'][^)]*)\)")


def unread_link_markers(tokens: list[Token], body: str) -> list[BodyProblem]:
    """A link marker (`{static}`...) Markdown did not read as part of a link, outside code: the page would show
    `![Mapa]({static}/images/Mapa Hanoi.png)` as text, and no file be copied. Told at its line."""
    if not LINK_MARKER.search(body):  # most bodies: one pass, no block looked at
        return []
    lines = body.split("\n")
    problems = []
    for block in tokens:
        if block.type != "inline" or not block.children or not LINK_MARKER.search(block.content):
            continue
        start, end = block.map or (0, len(lines))
        told = start  # the markers of a block, in order: each on its line or one after the last told
        for child in block.children:
            if child.type != "text":
                continue
            for found in LINK_MARKER.finditer(child.content):
                marker = found.group()
                at = next((n for n in range(told, min(end, len(lines))) if marker in lines[n]), None)
                told = at if at is not None else told
                problems.append(BodyProblem(told + 1, *_unread_marker(marker, lines[told] if lines else "")))
    return problems


# What starts a link's target, written after `](` (a link marker's is told by `unread_link_markers`): a scheme, a path,
# a part of the page, an address in `<...>`, `www.`.
_TARGET_START = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:|[/#<]|www\.", re.IGNORECASE)
_TARGET_END = re.compile(r"[\s)]")
_UNREAD_LINK = (
    "holds a link that Markdown does not read as one: the page would show its brackets and address as text",
    "write a link as [text](https://...): its address with no space (a space written %20) and its parentheses "
    "in pairs (or %28 and %29), and a note's mark after the link, [text](https://...)[^1], not inside its text",
)


def unread_links(tokens: list[Token]) -> list[BodyProblem]:
    """Each link Markdown read as text, its `](` and target shown on the page as written (`[x](https://a.org/a b)`:
    a space ends a target; `[the report[^1]](...)`: a note's mark in a link's text; a `(` left open), told at its
    line; one written with a bracket escaped (`\\[`, `\\](`, as `make import` writes a source's) is text as meant.
    Each `](` shown is looked for in the block's source from where markdown-it read its text (`markdown._text_places`),
    not in a code span before it holding the same words, nor at a link's own `](` (`_read_targets`)."""
    problems = []
    for block in tokens:
        if block.type != "inline" or not block.children or LINK_SHOWN not in block.content:
            continue
        source, first_line, line_ends = block.content, _line(block) or 1, None
        read = _read_targets(block)
        texts = [child for child in block.children if child.type == "text"]
        for index, text in enumerate(texts):
            cursor = text.meta.get("at", 0)
            end = texts[index + 1].meta.get("at", len(source)) if index + 1 < len(texts) else len(source)
            for target in _shown_targets(text):
                found = source.find(target, cursor, end + len(target))
                while found in read:
                    found = source.find(target, found + 1, end + len(target))
                if found < 0:  # written otherwise (`&#93;(`): not found where it is
                    continue
                cursor = found + 1
                if not _escaped_brackets(source, found):
                    line_ends = line_ends or [end.start() for end in re.finditer("\n", source)]
                    problems.append(BodyProblem(first_line + bisect(line_ends, found), *_UNREAD_LINK))
    return problems


def _read_targets(block: Token) -> set[int]:
    """Where in `block`'s source each link or image markdown-it read writes its `](` (`markdown._placing` keeps
    where its address starts, after the `](` and any spaces)."""
    source, read = block.content, set()
    for token in block.children or ():
        at = token.meta.get("at") if token.type in ("link_open", "image") else None
        if at is not None and (opened := source.rfind("](", 0, at)) >= 0 and not source[opened + 2 : at].strip():
            read.add(opened)
    return read


# How much of a target shown as text is looked for in the source: enough to tell it from another.
_TARGET_CHARS = 200
# How far before a `](` its link's `[` is looked for: a link's text is a few words.
_LINK_TEXT_CHARS = 1000


def _escaped_brackets(source: str, at: int) -> bool:
    """Whether the `](` at `at` of a block's source, or the `[` before it, is written escaped (`\\[`): brackets
    meant as text, shown as written."""
    opening = source.rfind("[", max(0, at - _LINK_TEXT_CHARS), at)
    return source[at - 1 : at] == "\\" or (opening > 0 and source[opening - 1] == "\\")


def _shown_targets(text: Token) -> list[str]:
    """Each `](` of a text token with what follows it up to a space or `)`, where that starts a link's target."""
    content, targets = text.content, []
    at = content.find("](")
    while at >= 0:
        if _TARGET_START.match(content, at + 2):
            end = _TARGET_END.search(content, at + 2, at + 2 + _TARGET_CHARS)
            targets.append(content[at : end.start() if end else at + 2 + _TARGET_CHARS])
        at = content.find("](", at + 2)
    return targets


def _unread_marker(marker: str, line: str) -> tuple[str, str]:
    """(message, hint) for the link marker `marker`, written on `line`, that Markdown read as text."""
    message = f"holds {marker!r} that Markdown does not read as a link: the page would show it as text"
    spaced = re.compile(_SPACED_TARGET.pattern.replace("MARKER", re.escape(marker))).search(line)
    if spaced:
        written = f"{spaced['path']} {spaced['rest'].rstrip()}"
        renamed = re.sub(r"\s+", "-", written)
        return (
            f"{message} (its target, {marker}{written}, holds a space, where Markdown ends a link's target)",
            "a linked file's name has no space: rename the file without spaces (`make check` names one) and link "
            f"it as it is then named, such as {marker}{renamed}",
        )
    return (
        message,
        f"write a link as [text]({marker}/path) or an image as ![text]({marker}/path): the `]` and `(` together, "
        "the path without spaces, closed by `)`; in a code span (`` `{static}` ``) it is shown as code",
    )


def structure_problems(tokens: list[Token], body: str = "") -> list[BodyProblem]:
    """Each problem, in the body's order; one pass over the tokens, however deep the captions nest."""
    problems = attribute_problems(tokens, body) + shows_nothing_problems(tokens, body) + skipped_levels(tokens)
    problems += links_inside_links(tokens) + unread_links(tokens)
    problems += [BodyProblem(*problem) for problem in reordering_problems(body)]
    problems += [BodyProblem(*problem) for problem in shown_reordering_problems(tokens, body)]
    opened: list[int] = []  # the indexes of the captions open at this token
    deepest, too_deep = markdown().options["maxNesting"] - 1, False
    for index, token in enumerate(tokens):
        if token.type in _HOLDING_BLOCKS and token.level >= deepest and not too_deep:
            problems.append(BodyProblem(_line(token), *_TOO_DEEP))
            too_deep = True
        if token.type == NOT_SHOWN:
            problems.append(BodyProblem(_line(token), token.meta["message"], token.meta["hint"]))
        elif token.type == "heading_open" and token.tag == "h1":
            problems.append(
                BodyProblem(
                    _line(token),
                    "has a `#` heading, which would be a second title of the page",
                    "the page's title is the front-matter's `title:`; write a subheading as `## ...`",
                )
            )
        elif token.type == CAPTION_OPEN:
            opened.append(index)
        elif token.type == CAPTION_CLOSE and opened:
            start = opened.pop()
            if problem := _caption_problem(tokens, start, index):
                problems.append(problem)
    return in_file_order(problems)


def skipped_levels(tokens: list[Token]) -> list[BodyProblem]:
    """Each heading more than one level below the heading before it, or, for the first, below the page's title
    (its `h1`): a text pasted from a page whose subheadings are `h3` made an outline with a gap, which screen
    readers list as a missing level (WCAG 1.3.1) and the Nu HTML checker refuses."""
    problems, previous = [], 1
    for token in tokens:
        if token.type != "heading_open":
            continue
        level = int(token.tag[1])
        if level > previous + 1:
            after = "the page's title" if previous == 1 else f"a `{'#' * previous}` heading"
            problems.append(
                BodyProblem(
                    _line(token),
                    f"has a `{'#' * level}` heading right after {after}, which skips a level of the page's outline",
                    f"write it as `{'#' * (previous + 1)}`: each heading one level below the one before it, "
                    "or any level above",
                )
            )
        previous = level
    return problems


_EMPTY_LINK = (
    "has a link with no text: a reader sees nothing to follow, and the address is lost to all but its markup",
    "write the words the link is on, [words](https://...), or the address itself, <https://...>",
)
_EMPTY_BLOCK = {
    "heading_open": ("has a heading with no text", "write the heading's words after the `##`, or remove the line"),
    "footnote_open": ("has a footnote with no text", "write the note after its `[^label]:`, or remove it"),
}
_BLOCK_CLOSE = {"heading_open": "heading_close", "footnote_open": "footnote_close"}


def shows_nothing_problems(tokens: list[Token], body: str = "") -> list[BodyProblem]:
    """Each link with no text a page draws (`[](https://...)`, `[ ](...)`, a zero-width space), and each heading or
    footnote with none: they passed, and the page held a link no one could see or follow, and an empty heading
    or note (WCAG 2.4.4, 2.4.6). An image's description counts as the text of a link on it. Each line is found
    at once: a link's from its position (`markdown.Lines`), the footnotes' from one index of the text."""
    problems = []
    lines, footnotes = Lines(body), _FootnoteLines(body)
    open_block: tuple[str, Token] | None = None  # the heading or footnote being read, and its first token
    shown = False
    for block in tokens:
        if open_block is None and block.type in _EMPTY_BLOCK:
            open_block, shown = (_BLOCK_CLOSE[block.type], block), False
        elif open_block is not None and block.type == open_block[0]:
            if not shown:
                opened = open_block[1]
                problems.append(BodyProblem(footnotes.line_of(opened), *_EMPTY_BLOCK[opened.type]))
            open_block = None
        link: Token | None = None
        link_shown = False
        for token in block.children or ():
            if token.type in ("text", "code_inline", "image") and shows_something(token.content):
                shown = link_shown = True
            elif token.type == "link_open":
                link, link_shown = token, False
            elif token.type == "link_close" and link is not None:
                if not link_shown:
                    problems.append(BodyProblem(lines.line_of(block, link), *_EMPTY_LINK))
                link = None
    return problems


_LINK_INSIDE_A_LINK = (
    "has a link inside a link's text (an address written `<...>` or a note's mark inside `[words](...)`): HTML "
    "holds no link inside another, and a browser ends the first link where the second begins",
    "write the inner address as text, in backticks (`` `https://...` ``), or give it a link of its own beside the "
    "first; put a note's mark after the link",
)
# What markdown-it writes as an `<a>` element: a link, an autolink, a footnote's mark.
_LINK_OPENINGS = frozenset({"link_open", "footnote_ref"})


def links_inside_links(tokens: list[Token]) -> list[BodyProblem]:
    """Each link markdown-it writes inside another's text (`[the UN, <https://www.un.org/>](...)`, an inline note
    `^[...]` in a link's words): CommonMark keeps an autolink there, and the page held an `<a>` inside an `<a>`,
    which no HTML holds (the Nu HTML checker refuses it) and a browser parts, the first link ending where the
    second begins. Told at the inner link's line, its own position's (`markdown.Lines`): it was looked for by how
    it is written after the last one found, and found where the same address was written before as a link of its
    own (`<https://e.org/>`), a line above."""
    problems, lines = [], Lines("")  # a line from a block's own text: no body read
    for block in tokens:
        depth = 0
        for token in block.children or ():
            if token.type in _LINK_OPENINGS and depth:
                problems.append(BodyProblem(lines.line_of(block, token), *_LINK_INSIDE_A_LINK))
            depth += {"link_open": 1, "link_close": -1}.get(token.type, 0)
    return problems


# A footnote's definition as written: its label runs to the first `]` and holds no space (markdown-it's rule).
_FOOTNOTE_DEFINITION = re.compile(r"\[\^[^\]\s]+\]:")


class _FootnoteLines:
    """The line of a heading, or of a footnote's definition (`[^x]:`), whose tokens keep no line: the text's
    definitions indexed once, when the first is looked for."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.defined: dict[str, int] | None = None

    def line_of(self, token: Token) -> int | None:
        if token.map or "label" not in token.meta:
            return _line(token)
        if self.defined is None:
            self.defined = {}
            for number, line in enumerate(self.body.split("\n"), 1):
                for spelt in _FOOTNOTE_DEFINITION.findall(line):
                    self.defined.setdefault(spelt, number)
        return self.defined.get(f"[^{token.meta['label']}]:")


_TOO_DEEP = (
    "nests quotations or lists too deep for the page: the text inside, and after a list the rest of the text, "
    "would be left out",
    "keep quotations and lists a few levels deep: a list in a list counts two of the 20 levels the page holds",
)


def _caption_problem(tokens: list[Token], start: int, end: int) -> BodyProblem | None:
    line = _line(tokens[start])
    if not tokens[end].markup:  # closed by the end of the text, not by a `:::` line
        return BodyProblem(
            line,
            "has a `::: caption` that is never closed: all the text after it would be its caption",
            "end the caption with a line `:::` right after its text",
        )
    inside = end - start - 1  # the tokens between: compared only when they can be one paragraph's three
    if inside and (inside != len(ONE_PARAGRAPH) or tuple(t.type for t in tokens[start + 1 : end]) != ONE_PARAGRAPH):
        return BodyProblem(
            line,
            "has a `::: caption` that holds more than one paragraph",
            "a caption is one paragraph: close it with `:::` after its text, and put the rest after that line",
        )
    return None


def _line(token: Token) -> int | None:
    return token.map[0] + 1 if token.map else None


_ATTRIBUTE_HINT = (
    "only a passage's language may be marked: [text]{lang=vi}, or a line {lang=pl} before a paragraph or quote "
    "(and dir=rtl for one in Arabic, Hebrew or Persian script: the language does not set the direction)"
)
_DIRECTIONS = frozenset({"ltr", "rtl", "auto"})


def attribute_problems(tokens: list[Token], body: str = "") -> list[BodyProblem]:
    """Each attribute given in the body that is not `lang` (a language tag CLDR knows) or `dir` (a token's first):
    the plugins keep them out of the HTML (`on*`, `style`, `href`, `id`, `class` are never written), and the
    author hears of it, at its line, rather than have it dropped silently: a passage's where it is written
    (`markdown._span`), a block's searched for from where the last of its spelling was found."""
    problems, lines = [], Lines(body)
    for block in tokens:
        for token in (block, *(block.children or ())):
            if problem := _attribute_problem(token):
                line, (spelt, message, hint) = None, problem
                if spelt is None:
                    line = _line(token)
                elif "at" in token.meta:  # a span's, where it is written (`markdown._span`)
                    line = lines.line_of(block, token)
                elif block.map:
                    line = _line_with(lines, block, spelt)
                problems.append(BodyProblem(line, message, hint))
    return problems


def _attribute_problem(token: Token) -> tuple[str | None, str, str] | None:
    """What the token's attributes given in the body hold that is refused: (how it is spelt, message, hint)."""
    if token.type == "attrs_with_no_block":
        return None, "has a line of attributes with no paragraph after it", _ATTRIBUTE_HINT
    for name in token.meta.get("insecure_attrs") or {}:
        spelt = {"id": "#", "class": "."}.get(name, f"{name}=")
        return spelt, f"gives the attribute {name!r}, which is not allowed", _ATTRIBUTE_HINT
    tag_hint = "a BCP 47 tag: vi, pl, zh-Hant, pt-BR; dir is ltr, rtl or auto"
    if (lang := token.attrs.get("lang")) is not None and (message := language_tag_problem(str(lang))):
        return "lang=", f"marks a passage's language: {message}", tag_hint
    if (direction := token.attrs.get("dir")) is not None and direction not in _DIRECTIONS:
        return "dir=", f"marks a passage's direction: {direction!r} is not a direction", tag_hint
    return None


def _line_with(lines: Lines, block: Token, spelt: str) -> int:
    """The next line of `block`, or the line before it (a block's attributes), that spells `spelt` once more; else
    the block's first line."""
    start, end = block.map or (0, 0)
    text = lines.lines

    def count(index: int) -> int:
        return text[index].count(spelt) if "{" in text[index] else 0

    return lines.next_line(start, max(start - 1, 0), end, count, spelt) or start + 1


# A tag as HTML writes one (`<b>`, `</b>`, `<div class="note">`, `<br/>`) or a comment's start: markdown-it reads raw
# HTML as text (`markdown`: its `html` option is off), and the page shows it, tags and all.
_TAG = re.compile(r"</?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>|<!--")
# The elements of HTML (the living standard's, and the obsolete ones pages still hold): words in angle brackets that
# name none (`<name redacted>`, `List<String>`, `x<y and y>z`) are text as meant, never told. A custom element's
# name holds a hyphen (`<my-card>`).
_HTML_ELEMENT_NAMES = """
    a abbr acronym address applet area article aside audio b base basefont bdi bdo big blink blockquote body br
    button canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em
    embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr
    html i iframe img input ins kbd keygen label legend li link listing main map mark marquee math menu menuitem
    meta meter nav nobr noembed noframes noscript object ol optgroup option output p param picture plaintext pre
    progress q rb rp rt rtc ruby s samp script search section select slot small source span strike strong style
    sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video
    wbr xmp
"""
_HTML_ELEMENTS = frozenset(_HTML_ELEMENT_NAMES.split())


def _is_html(tag: re.Match[str]) -> bool:
    name = tag["name"]
    return name is None or name.lower() in _HTML_ELEMENTS or "-" in name  # None: a comment's start


_CODE_SPAN = re.compile(r"(`+)[^`].*?\1")
# A backslash escape of a `<` (`\<b>`: Markdown's own way to write one as text) or of a backslash (`\\<b>`: one
# backslash as text, then a tag), read from the left as markdown-it reads them.
_ESCAPED = re.compile(r"\\[\\<]")


def html_tag(text: str) -> str | None:
    """The first tag of HTML that one line of text writes (`raw_html`'s reading of a line: not in a code span, not
    escaped, naming an element of HTML); None where it writes none."""
    written = _ESCAPED.sub("", _CODE_SPAN.sub("", text)) if "<" in text else ""
    return next((match.group() for match in _TAG.finditer(written) if _is_html(match)), None)


def raw_html(tokens: list[Token], body: str) -> list[tuple[int, str]]:
    """(body line, first tag) of each line of the text that writes raw HTML; in a code span or block it is code, and
    a tag written with entities (`&lt;b&gt;`) or escaped (`\\<b>`) is text as meant: none is told. Each line is read
    once."""
    lines = body.split("\n")
    found = []
    for token in tokens:
        if token.type != "inline" or not token.map or "<" not in token.content:
            continue
        shown = {match.group() for child in token.children or () if child.type == "text"
                 for match in _TAG.finditer(child.content) if _is_html(match)}  # fmt: skip
        for at in range(*token.map) if shown else ():
            written = _ESCAPED.sub("", _CODE_SPAN.sub("", lines[at])) if "<" in lines[at] else ""
            if tag := next((match.group() for match in _TAG.finditer(written) if match.group() in shown), None):
                found.append((at + 1, tag))
    return found


# Attributes at the end of a paragraph's or a heading's text (`{lang=fr}`, `{#id}`, `{.note}`), where Pandoc and
# kramdown read them: markdown-it reads them only on a line of their own before a block, or after a passage in brackets.
_TRAILING_ATTRIBUTES = re.compile(r"(?<!\\)\{[^{}\n]*\}[ \t]*$")


def trailing_attributes(tokens: list[Token], body: str) -> list[tuple[int, str, str, bool]]:
    """(body line, attributes as written, `paragraph` or `heading`, whether a block may take them: `lang` and `dir`
    only) of each paragraph or heading whose text ends with what reads as attributes, which the page shows as text,
    braces and all; braces that read as none (`{1, 2}`, `{sic}`), escaped (`\\{`) or in code are text as meant,
    never told."""
    lines = body.split("\n")
    found = []
    for opening, token in pairwise(tokens):
        if opening.type not in ("paragraph_open", "heading_open") or token.type != "inline" or not token.map:
            continue
        last = token.children[-1] if token.children else None
        written = lines[token.map[1] - 1] if token.map[1] <= len(lines) else ""
        match = _TRAILING_ATTRIBUTES.search(written)
        if last is None or last.type != "text" or match is None or not last.content.endswith(match.group().strip()):
            continue
        try:
            attributes = parse_attributes(match.group().strip())[1]
        except ParseError:
            continue
        if attributes:
            allowed = set(attributes) <= set(LANGUAGE_ATTRIBUTES)
            found.append((token.map[1], match.group().strip(), opening.type.removesuffix("_open"), allowed))
    return found
