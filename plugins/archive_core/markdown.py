"""Markdown to HTML with markdown-it-py: CommonMark, tables, footnotes, captions, and the language of a passage.

Raw HTML is off; link targets are checked (only http, https, mailto and
site-relative links); Pelican's `{filename}` links keep their braces. A
passage in another language is marked `[text]{lang=vi}` (a span) or with a
line `{lang=pl}` before a block; no attribute but `lang` and `dir` is taken
(`body_checks.attribute_problems` refuses any other at its line).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import accumulate
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import normalizeLink
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin
from mdit_py_plugins.attrs.parse import ParseError
from mdit_py_plugins.attrs.parse import parse as parse_attributes
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin

from .datelines import is_dateline
from .mail_links import mailto_problem
from .not_shown import NOT_SHOWN, footnotes_not_shown, references_not_shown, table_keeping_every_cell
from .page_ids import give_heading_ids
from .provenance import address_hint, another_site_shown, is_http_url
from .shown_addresses import MAILTO, mark_links_showing_their_address, shown_hosts, shown_mailboxes
from .words import has_a_word

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
# The attributes a body may give a span or a block: the language of a passage (WCAG 2.2 SC 3.1.2) and its
# direction. The plugins keep any other out of the HTML, in the token's meta (`insecure_attrs`).
LANGUAGE_ATTRIBUTES = ("lang", "dir")
_PELICAN_LINK = re.compile(r"^(\{(?:filename|static|attach|index|tag|category|author)\}|\|(?:filename|static)\|)(.*)$")
_SCHEME = re.compile(r"^([^/?#]*?):")
# "(Zdjęcie: Pham Kien/VNA)", "(Photo: Minh Son/Vietnam+)" at the end of a caption.
# No leading `\s*`: searched for, it would try every start in a run of spaces, and a caption of 40,000 spaces
# took 17 s (quadratic); the space before the credit is kept as written anyway.
_CREDIT = re.compile(r"(\((?:Zdjęcie|Fot\.|Foto|Photo|Source|Źródło):[^()]*\))\s*$")


@dataclass(frozen=True)
class UnsafeLink:
    url: str
    line: int | None  # 1-based, relative to the Markdown body
    offset: int | None  # where in the body its address is written (`Lines.place`)
    message: str = "is not allowed"
    hint: str = "links may point to http(s) or mailto addresses, or to other pages of the site"


_THIRD_PARTY = (
    "loads from another site: every reader's browser would request it (and feed readers too)",
    "save the image in content/ and write ![text]({static}/path/to/image), or link to it: [text](https://...)",
)
_NOT_AN_ADDRESS = "is not an address the archive links to"
_ADDRESS_HINT = "give the page's own address, https://host/path, as its site shows it"
_RELATIVE = (
    "is a relative address, which the site would publish broken",
    "link to an article with {filename}/articles/<year>/<key>.<lang>.md, to a file of content/ with "
    "{static}/path, or give a whole https:// address",
)


COPIED_PREFIXES = ("static", "attach")  # links whose target Pelican copies into the site (the body's only)


@dataclass(frozen=True)
class SiteLink:
    """A link to other content of the site: `{filename}/articles/2025/x.en.md#frag`, or a bare `x.md`."""

    prefix: str  # "filename", "static", "attach", "tag"...; "" for a bare link to a .md file
    target: str  # the path, without the fragment
    fragment: str
    url: str
    line: int | None  # 1-based, relative to the Markdown body
    field: str = "body"  # where the file gives it: the body, or the summary (`summaries.site_links`)


def _normalize_link(url: str) -> str:
    match = _PELICAN_LINK.match(url)
    if match:
        return match.group(1) + normalizeLink(match.group(2))
    return normalizeLink(url)


def _render_caption(renderer, tokens: list[Token], idx: int, options, env) -> str:
    return '<figure class="caption">\n' if tokens[idx].nesting == 1 else "</figure>\n"


# A table of more columns than a phone's screen holds, however short its words, scrolls on its own rather than
# widen the page (WCAG 1.4.10); a region that scrolls is reached by keyboard too (WCAG 2.1.1), hence `tabindex`.
TABLE_SCROLL = '<div class="table-scroll" tabindex="0">\n'


def _render_table(renderer, tokens: list[Token], idx: int, options, env) -> str:
    table = renderer.renderToken(tokens, idx, options, env)
    return TABLE_SCROLL + table if tokens[idx].nesting == 1 else table + "</div>\n"


@cache
def markdown() -> MarkdownIt:
    md = (
        # store_labels: a link or image made from a reference definition says so (`Lines.line_of`).
        MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False, "store_labels": True})
        .enable("table")
        .use(footnote_plugin)
        .use(container_plugin, "caption", render=_render_caption)
        .use(attrs_block_plugin, allowed=LANGUAGE_ATTRIBUTES)
    )
    md.renderer.renderAttrs = _render_attributes
    md.add_render_rule("table_open", _render_table)
    md.add_render_rule("table_close", _render_table)
    # Every heading an id, so that a part of a text can be linked to (`/pl/2025/x/#rekordowa-skala`).
    md.core.ruler.push("anchor", give_heading_ids)
    # Spans only (`[text]{lang=vi}`), not after links, images or code, whose own attributes could be set.
    md.inline.ruler.after("link", "span", _span)
    md.normalizeLink = _normalize_link
    # Every link and image keeps where its address is written in its block (`Lines.line_of`).
    for name in ("link", "image", "autolink", "footnote_inline", "footnote_ref"):
        md.inline.ruler.at(name, _placing(_rule(md.inline.ruler, name)))
    # And every text where it starts (`_text_places`).
    md.inline.ruler.before("text", "text_places", _text_places)
    md.inline.ruler2.before("fragments_join", "text_places", _last_text_places)
    # An autolink shows its address as written: markdown-it would show an `xn--` host in the letters it encodes,
    # which can pass for another site (`xn--vietnamplu-v2i.vn` as `vietnamplus.vn` with a Cyrillic `ѕ`). The
    # link itself goes to the host's ASCII form either way (`normalizeLink`).
    md.normalizeLinkText = lambda url: url
    md.validateLink = lambda url: True  # every target is checked in unsafe_links(), with its line
    md.core.ruler.before("attr", "attrs_with_no_block", _attrs_with_no_block)
    md.add_render_rule("attrs_with_no_block", lambda *args: "")
    md.core.ruler.before("footnote_tail", "footnotes_not_shown", footnotes_not_shown)
    md.block.ruler.at("table", table_keeping_every_cell)
    md.core.ruler.after("inline", "references_not_shown", references_not_shown)
    md.add_render_rule(NOT_SHOWN, lambda *args: "")
    md.core.ruler.push("caption_credit", _caption_credit)
    md.core.ruler.push("no_inline_styles", _no_inline_styles)
    # A link whose text is its address is not printed with its address again (shown_addresses.py).
    md.core.ruler.push("links_showing_their_address", mark_links_showing_their_address)
    return md


def _rule(ruler, name: str) -> Callable:
    return next(rule.fn for rule in ruler.__rules__ if rule.name == name)


_PLACED = frozenset({"link_open", "image", "footnote_ref"})


def _placing(rule: Callable) -> Callable:
    """markdown-it's inline rule `rule` (`link`, `image`, `autolink`, a note's mark), which also keeps, in the
    link's, image's or mark's meta (`at`), where in its block's text its address is written: its destination
    (`[a](here)`, `<here>`); or where it starts, for a link whose address a reference gives (`[a][p]`, written
    outside the block) and a note's mark (`[^1]`, `^[...]`)."""

    def placed(state, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        if not silent:  # the rule's first token; pending text may be pushed before it
            opened = next((t for t in state.tokens[count : count + 2] if t.type in _PLACED), None)
            if opened is not None:
                addressed = opened.type != "footnote_ref" and not opened.meta.get("label")
                opened.meta["at"] = _destination(state, start, opened) if addressed else start
        return True

    return placed


def _destination(state, start: int, opened: Token) -> int:
    """Where the link or image that starts at `start` of its block's text writes its address: after `](` and the
    spaces and line end that may follow it; an autolink's after its `<`."""
    if opened.markup == "autolink":
        return start + 1
    image = opened.type == "image"
    end = state.md.helpers.parseLinkLabel(state, start + image, not image)  # what the rule read: read once more
    at = end + 2  # `](`
    while at < len(state.src) and state.src[at] in " \t\n":
        at += 1
    return at if end >= 0 and state.src[end + 1 : end + 2] == "(" else start


_TEXTS = frozenset({"text", "text_special"})
# What a link read as text shows (`[x](https://a.org/a b)`): only a block holding it has its texts placed, the
# blocks `body_checks.unread_links` reads; in most a rule run at each place would cost every build for nothing.
LINK_SHOWN = "]("


def _text_places(state, silent: bool) -> bool:
    """An inline rule, tried first at each place of a block's text, that reads none of it: it keeps in each text
    token's meta (`at`) where in its block's text the token starts (`body_checks.unread_links` looks there for a
    link shown as text, not in a code span before it that holds the same words). A text token is pushed after the
    place it starts at: the text markdown-it gathers (its pending text) from the place it was empty at, or one a
    rule pushes (an escape, an emphasis mark left as text) from that rule's place; in a block holding `LINK_SHOWN`."""
    if not silent and _shows_a_link(state):
        _place_texts(state)
        state.text_rule_at = state.pos
        state.text_was_pending = bool(state.pending)
        if not state.pending:
            state.text_from = state.pos
    return False


def _shows_a_link(state) -> bool:
    """Whether the block holds `LINK_SHOWN`, looked for once a block: the rule is tried at each of its places, and a
    search of the whole text at each made a long paragraph's reading quadratic (40,000 lines: 12 s)."""
    shown = getattr(state, "link_shown", None)
    if shown is None:
        shown = state.link_shown = LINK_SHOWN in state.src
    return shown


def _place_texts(state) -> None:
    """Give the text tokens pushed since the last call their place (`_text_places`)."""
    for index, token in enumerate(state.tokens[getattr(state, "texts_placed", 0) :]):
        if token.type in _TEXTS and "at" not in token.meta:
            pending = index == 0 and getattr(state, "text_was_pending", False)
            token.meta["at"] = state.text_from if pending else getattr(state, "text_rule_at", 0)
    state.texts_placed = len(state.tokens)


def _last_text_places(state) -> None:
    """A post-processing rule, before markdown-it joins adjacent texts into the last of them: the texts pushed at the
    block's end placed too, and each of a run of adjacent texts given its first's place, where the joined text
    starts; not an empty one's, the second mark of a `**` that closed a strong emphasis."""
    if not _shows_a_link(state):
        return
    _place_texts(state)
    run_at = None
    for token in state.tokens:
        if token.type != "text":
            run_at = None
        elif run_at is not None:
            token.meta["at"] = run_at
        elif token.content:
            run_at = token.meta.get("at")


# The attributes whose value markdown-it writes as an address (`normalizeLink`): every `{` %-escaped, but that of a
# link to a file of the site at its start, and a `'` kept as written (`{static}/files/it's.pdf`, the file's name).
_ADDRESS_ATTRIBUTES = frozenset({"href", "src"})


def _render_attributes(token: Token) -> str:
    """A token's attributes, `name="value"`, the value of each that is no address with `'` escaped too (`&#39;`),
    as the templates' are.

    Pelican reads the body's HTML for its links with a pattern (`Content._get_intrasite_link_regex`: an attribute
    such as `src=`, a quote, `{static}` or `{filename}`...) that takes a quote inside another attribute's value for
    one: markdown-it escaped `"` alone, so a link's title or an image's description that wrote `src='{static}/x'`
    was read as a link. Pelican rewrote the text (`{filename}/articles/...` became the page's address), and left
    the image's own `{static}` address unread, published as written, its file never copied: `make check` passed
    and the page showed a broken image. With no quote in a title or a description, only an address is a link."""
    return "".join(f' {escapeHtml(key)}="{_attribute_value(key, str(value))}"' for key, value in token.attrItems())


def _attribute_value(key: str, value: str) -> str:
    escaped = escapeHtml(value)
    return escaped if key in _ADDRESS_ATTRIBUTES else escaped.replace("'", "&#39;")


# The longest `{...}` of a span: `{lang=zh-Hant-TW dir=rtl}` and room to spare. The plugin's own span rule reads
# the whole rest of the paragraph at every `[...]` (a copy of it each time): 100,000 `[a]` took 10 s.
_MOST_ATTRIBUTES = 200


def _span(state, silent: bool) -> bool:
    """`[text]{lang=vi}`: a span with the attributes given, those not in LANGUAGE_ATTRIBUTES kept out of it and
    in its meta (`insecure_attrs`), as mdit-py-plugins' `attrs_plugin(spans=True, allowed=...)` does."""
    if state.src[state.pos] != "[" or state.src.startswith("^", state.pos + 1):  # `[^1]`: a footnote's mark
        return False
    label_end = state.md.helpers.parseLinkLabel(state, state.pos, False)
    start = label_end + 1
    if label_end < 0 or start >= state.posMax or state.src[start] != "{":
        return False
    end = state.src.find("}", start, min(start + _MOST_ATTRIBUTES, state.posMax))
    try:
        length, attrs = parse_attributes(state.src[start : end + 1]) if end > 0 else (0, None)
    except ParseError:
        return False
    if attrs is None:
        return False
    if not silent:
        maximum = state.posMax
        state.pos, state.posMax = state.pos + 1, label_end
        token = state.push("span_open", "span", 1)
        token.meta["at"] = start  # where its attributes are written (`Lines.line_of`)
        refused = {name: value for name, value in attrs.items() if name not in LANGUAGE_ATTRIBUTES}
        if refused:
            token.meta["insecure_attrs"] = refused
        token.attrs.update({name: value for name, value in attrs.items() if name in LANGUAGE_ATTRIBUTES})
        state.md.inline.tokenize(state)
        state.push("span_close", "span", -1)
        state.posMax = maximum
    state.pos = start + length + 1
    return True


def _attrs_with_no_block(state) -> None:
    """A line of attributes with no block after it (at the end of the text, of a quote or of a list item) would
    be dropped by the plugin: kept as a token that shows nothing, for `body_checks` to refuse at its line."""
    for index, token in enumerate(state.tokens):
        following = state.tokens[index + 1] if index + 1 < len(state.tokens) else None
        if token.type == "attrs_block" and (following is None or following.nesting < 0):
            token.type = "attrs_with_no_block"


_ALIGN = re.compile(r"^\s*text-align\s*:\s*(left|right|center)\s*;?\s*$")


def _no_inline_styles(state) -> None:
    """No `style=` attribute: the page's CSP (style-src 'self') would block it. A table column's alignment
    becomes a class (`align-right`) that the theme styles; any other style is dropped."""
    stack = list(state.tokens)
    while stack:
        token = stack.pop()
        stack.extend(token.children or ())
        style = token.attrs.pop("style", None) if token.attrs else None
        if style is not None and (match := _ALIGN.match(str(style))):
            token.attrJoin("class", f"align-{match.group(1)}")


def _caption_credit(state) -> None:
    """Inside `::: caption`, the paragraph becomes a figcaption and its credit a span."""
    depth = 0
    for token in state.tokens:
        if token.type == "container_caption_open":
            depth += 1
        elif token.type == "container_caption_close":
            depth -= 1
        elif depth and token.type in ("paragraph_open", "paragraph_close"):
            token.tag = "figcaption"
        elif depth and token.type == "inline" and token.children:
            last = token.children[-1]
            match = _CREDIT.search(last.content) if last.type == "text" else None
            if match:
                last.content = last.content[: match.start(1)]  # the space before the credit, as written
                opening = Token("html_inline", "", 0, content='<span class="credit">')
                credit = Token("text", "", 0, content=match.group(1))
                closing = Token("html_inline", "", 0, content="</span>")
                token.children.extend([opening, credit, closing])


def parse(body: str) -> list[Token]:
    return markdown().parse(body)


def render(tokens: list[Token]) -> str:
    md = markdown()
    return md.renderer.render(tokens, md.options, {})


def unsafe_links(tokens: list[Token], body: str = "", site_links: bool = True) -> list[UnsafeLink]:
    """Every link or image target the site may not carry: a scheme other than http(s) and mailto, an image
    from another site (any scheme, or `//host`), a relative address (not `{filename}`, `{static}`... nor `#x`).

    `site_links=False` for text Pelican does not read (the about pages): nothing would resolve a
    `{filename}` or a bare `.md` there, so they are refused as relative addresses too."""
    lines = Lines(body)
    found = []
    for block in tokens:
        for token in block.children or ():
            url = (
                token.attrGet("href")
                if token.type == "link_open"
                else token.attrGet("src")
                if token.type == "image"
                else None
            )
            if url is None:
                continue
            url = str(url)
            scheme = _SCHEME.match(url)
            if (site_links and _PELICAN_LINK.match(url)) or url.startswith("#"):
                continue
            if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
                found.append(UnsafeLink(url, *lines.place(block, token)))
            elif token.type == "image" and (scheme or url.startswith("//")):
                found.append(UnsafeLink(url, *lines.place(block, token), *_THIRD_PARTY))
            elif url.startswith("//"):
                problem = ("has no scheme", "write the whole address: https://...")
                found.append(UnsafeLink(url, *lines.place(block, token), *problem))
            elif scheme and scheme.group(1).lower() in ("http", "https") and not url[scheme.end() :].startswith("//"):
                # `https:evil.org`: a browser reads it as a path of this site, or as http://evil.org/ from https
                problem = ("has no host", "write the whole address: https://host/...")
                found.append(UnsafeLink(url, *lines.place(block, token), *problem))
            elif scheme and scheme.group(1).lower() in ("http", "https") and not is_http_url(url):
                # The one address test of content (`provenance.is_http_url`), as for front-matter and data files.
                hint = address_hint(url, _ADDRESS_HINT)  # why: a user name, a host a browser reads as another
                found.append(UnsafeLink(url, *lines.place(block, token), _NOT_AN_ADDRESS, hint))
            elif (
                scheme
                and scheme.group(1).lower() == "mailto"
                and (problem := mailto_problem(url, str(token.meta.get("text", ""))))
            ):
                found.append(UnsafeLink(url, *lines.place(block, token), *problem))
            elif not scheme and not (site_links and url.split("#")[0].split("?")[0].endswith(".md")):
                found.append(UnsafeLink(url, *lines.place(block, token), *_RELATIVE))
            elif token.type == "link_open" and (problem := _shows_another_site(token, url)):
                found.append(UnsafeLink(url, *lines.place(block, token), *problem))
    return found


def _shows_another_site(link: Token, url: str) -> tuple[str, str] | None:
    """Why a link whose text writes addresses (`[un.org/x](https://evil.example/)`, `[the UN, www.un.org](...)`),
    none of them its target's site (`provenance.another_site_shown`, as a source's label is tested), misleads: a
    reader sees one site and is taken to another, as with a user name before the host. Its title too, the tooltip
    a reader hovering over it reads (`[Read](https://evil.example/ "https://www.un.org/")`); and a mailbox it shows
    (`[press@un.org](https://evil.example/)`), a site's too, but on a `mailto:` link, which writes to the mailbox
    it shows (`mail_links`)."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    mail = url[: len(MAILTO)].lower() == MAILTO
    for part, words in (("text", str(link.meta.get("text", ""))), ("title", str(link.attrGet("title") or ""))):
        if not (shown := another_site_shown(words, url, mailboxes=not mail)):
            continue
        goes_to = f"as its {part}, and goes to {host or 'no site'}"
        if not (sites := shown_hosts(words, mailboxes=False)) and (boxes := shown_mailboxes(words)):
            return (
                f"shows the mailbox {boxes[0]} {goes_to}",
                f"to write to it, link it as `mailto:{boxes[0]}`; else write the address it goes to as its "
                f"{part}, or words that write no address",
            )
        return (
            f"shows the address of {(sites or [shown])[0]} {goes_to}",
            f"write the address it goes to as its {part}, or words that write no address",
        )
    return None


ID_ATTRIBUTE = re.compile(r'\sid="([^"]*)"')
_MISSING_ANCHOR = (
    "points to no part of this page",
    "a link to `#x` needs an `id` x on the page: a heading's is its words as an address writes them "
    "(`## Rekordowa skala` is `#rekordowa-skala`), a footnote's `#fn1` (or link to it with `[^1]`); "
    "or keep the words without the link",
)


def missing_anchors(tokens: list[Token], body: str, html: str) -> list[UnsafeLink]:
    """Links to a part of the page itself (`[see below](#x)`) whose `id` the rendered body does not have:
    they would be broken on the page, and on every page the lead is shown on."""
    to_this_page = [
        (block, token, url)
        for block in tokens
        for token in block.children or ()
        if token.type == "link_open" and (url := str(token.attrGet("href") or "")).startswith("#")
    ]
    if not to_this_page:  # most bodies: their HTML is not read for its ids
        return []
    ids = set(ID_ATTRIBUTE.findall(html))
    lines = Lines(body)
    return [
        UnsafeLink(url, *lines.place(block, token), *_MISSING_ANCHOR)
        for block, token, url in to_this_page
        if unquote(url[1:]) not in ids
    ]


def site_links(tokens: list[Token], body: str) -> list[SiteLink]:
    """Links that Pelican resolves to other content (`{filename}`...), and bare links to `.md` files."""
    lines = Lines(body)
    found = []
    for block in tokens:
        for token in block.children or ():
            url = token.attrGet("href") if token.type == "link_open" else None
            if url is None:
                url = token.attrGet("src") if token.type == "image" else None
            if url is None:
                continue
            url = str(url)
            match = _PELICAN_LINK.match(url)
            if match:
                prefix, rest = match.group(1).strip("{}|"), match.group(2)
            elif not _SCHEME.match(url) and url.split("#")[0].split("?")[0].endswith(".md"):
                prefix, rest = "", url
            else:
                continue
            target, _, fragment = rest.partition("#")
            found.append(SiteLink(prefix, unquote(target.split("?")[0]), fragment, url, lines.line_of(block, token)))
    return found


class Lines:
    """Where each link of a body is written: the line of its block's text its own position is on (`_placing`), the
    block's line ends indexed once, a line found in the time of a binary search. Its line was found by searching
    the block's lines for its address, from one place per block shared by all its addresses, counting it inside
    another too (`https://e.org/` in `https://e.org/a`) and where no problem of it was told before: a problem was
    told at the line of another link to the same address, or at the block's first."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.ends: dict[int, list[int]] = {}  # a block (its id) -> where each line of its text ends
        self.columns: dict[tuple[int, int], int | None] = {}  # (a block, a line of it) -> where it starts on its line
        self.cursor: dict[tuple[int, str], tuple[int, int]] = {}  # (a block's first line, what is counted) -> ...

    @cached_property
    def lines(self) -> list[str]:  # split at the first problem: a body that has none is not
        return self.body.split("\n")

    def line_of(self, block: Token, token: Token) -> int | None:
        """The body line (1-based) where `token`, a link or image of `block` (else a span), is written: where its
        address is (`[a](here)`), or the link is (a reference's address is written outside the block: the link is
        refused where it is used); else the block's first line (a token a rule of its own made)."""
        if not block.map:
            return None
        at = token.meta.get("at")
        if at is None:
            return block.map[0] + 1
        if id(block) not in self.ends:
            self.ends[id(block)] = [found.start() for found in _LINE_END.finditer(block.content)]
        return block.map[0] + 1 + bisect_left(self.ends[id(block)], at)

    def place(self, block: Token, token: Token) -> tuple[int | None, int | None]:
        """The body line (1-based) `token` of `block` is written on (`line_of`), and where in the body it is: its
        line's start and its place on the line, the block's text of that line being the end of the body's line
        (after a quotation's `>`, a list item's indentation); None where it is not (a tab read as spaces)."""
        line = self.line_of(block, token)
        at = token.meta.get("at")
        if line is None or at is None or not 0 < line <= len(self.lines):
            return line, None
        index = line - 1 - block.map[0]  # of the block's lines
        ends = self.ends[id(block)]
        start = ends[index - 1] + 1 if index else 0
        if (id(block), index) not in self.columns:
            written = block.content[start : ends[index] if index < len(ends) else len(block.content)].rstrip()
            column = len(self.lines[line - 1].rstrip()) - len(written)
            fits = column >= 0 and self.lines[line - 1].startswith(written, column)
            self.columns[id(block), index] = column if fits else None
        column = self.columns[id(block), index]
        return line, None if column is None else self.starts[line - 1] + column + at - start

    @cached_property
    def starts(self) -> list[int]:
        """Where each line of the body starts in it."""
        return list(accumulate((len(line) + 1 for line in self.lines[:-1]), initial=0))

    def next_line(self, block: int, first: int, end: int, count: Callable[[int], int], counted: str) -> int | None:
        """The next line (1-based) of the block starting at line index `block`, from where the last of `counted` was
        found (else from line index `first`), that holds one more of what `count(index)` counts on a line."""
        resume, used = self.cursor.get((block, counted), (first, 0))
        for index in range(resume, min(end, len(self.lines))):
            if count(index) > used:
                self.cursor[block, counted] = (index, used + 1)
                return index + 1
            used = 0
        return None


_LINE_END = re.compile("\n")


# Blocks whose paragraphs are never the lead: a photo's caption, the footnotes.
_NOT_THE_LEAD = {"container_caption_open": "container_caption_close", "footnote_block_open": "footnote_block_close"}
# A text pasted as one paragraph would be its own lead, on every listing page, feed and page head it is on.
LEAD_MAX_WORDS = 80
# And at most this many characters: words alone do not bound a text written without spaces (Chinese, Japanese, a
# run of one letter), one word however long (300,000 characters of Chinese made the home pages 1 MB each).
LEAD_MAX_CHARS = 1000
_WORD = re.compile(r"\S+")
_LONGEST_WORD = 40  # longer, a run of text is cut inside (it holds no spaces to cut at)


def lead_paragraph_html(tokens: list[Token]) -> str | None:
    """The first paragraph with a word (`words.has_a_word`: not `---`), more than a date line, as HTML, for the
    default summary: a top-level one, or else one of a quotation or list (a body that is all quotation). Listing
    pages and feeds show it away from the body, so it keeps no mark that points into the body (a footnote's
    number, a link to `#x`) and no image."""
    closing: list[str] = []
    for index, token in enumerate(tokens):
        if closing and token.type == closing[-1]:
            closing.pop()
        elif token.type in _NOT_THE_LEAD:
            closing.append(_NOT_THE_LEAD[token.type])
        elif not closing and token.type == "paragraph_open":
            children = _shortened(_lead_children(tokens[index + 1].children or []))
            words = "".join(child.content for child in children if child.type in ("text", "code_inline"))
            if has_a_word(words) and not is_dateline(words):
                paragraph = [token.copy(hidden=False), tokens[index + 1].copy(children=children)]
                return render([*paragraph, tokens[index + 2].copy(hidden=False)])
    return None


def _shortened(children: list[Token], words: int = LEAD_MAX_WORDS, chars: int = LEAD_MAX_CHARS) -> list[Token]:
    """A paragraph's inline tokens up to its `words`-th word or its `chars`-th character, whichever comes first;
    when there is more, `…` after it and the closing tags of what is open there. The characters counted are the
    text's and its attributes' (a link's address and title): 80 links to addresses of 20,000 characters made a
    lead of 1.6 MB. A link (or span) whose attributes do not fit keeps its text, without the link."""
    kept: list[Token] = []
    still_open: list[Token] = []
    fits: list[bool] = []  # for each tag open here, whether it is kept
    for child in children:
        if child.nesting == 1:
            attributes = sum(len(str(value)) for value in (child.attrs or {}).values())
            fits.append(attributes <= chars)
            if not fits[-1]:
                continue
            chars -= attributes
            still_open.append(child)
        elif child.nesting == -1 and fits:
            if not fits.pop():
                continue
            still_open.pop()
        if child.type in ("text", "code_inline"):
            found = list(_WORD.finditer(child.content))
            cut = _cut(child.content, found, words, chars)
            if cut is not None:
                return [*kept, child.copy(content=child.content[:cut]), *_ellipsis(still_open)]
            words -= len(found)
            chars -= len(child.content)
        kept.append(child)
    return kept


def _ellipsis(still_open: list[Token]) -> list[Token]:
    """`…`, and the closing tags of what is open where a lead is cut."""
    closing = [Token(t.type.replace("_open", "_close"), t.tag, -1) for t in reversed(still_open)]
    return [Token("text", "", 0, content="…"), *closing]


def _cut(text: str, found: list[re.Match], words: int, chars: int) -> int | None:
    """Where `text` is cut to keep `words` words and `chars` characters: after a word; before the word that reaches
    past `chars` when none ends before it, or inside it when it is a run written without spaces (Chinese, a run of
    one letter), not between a letter and its combining mark; None: all of it."""
    cuts = []
    if len(found) > words:
        cuts.append(found[words - 1].end() if words else 0)
    if len(text) > chars:
        ends = [match.end() for match in found if match.end() <= chars]
        across = next((match for match in found if match.end() > chars), None)
        if ends:
            cut = ends[-1]
        elif across is not None and across.end() - across.start() <= _LONGEST_WORD:
            cut = len(text[: across.start()].rstrip())
        else:
            cut = chars
            while 0 < cut < len(text) and unicodedata.category(text[cut]).startswith("M"):
                cut -= 1
        cuts.append(cut)
    return min(cuts) if cuts else None


def _lead_children(children: list[Token]) -> list[Token]:
    """A paragraph's inline tokens without footnote marks, images, and links to a part of its own page
    (their text kept)."""
    kept, local_link = [], False
    for child in children:
        if child.type == "link_open" and str(child.attrs.get("href", "")).startswith("#"):
            local_link = True
        elif child.type == "link_close" and local_link:
            local_link = False
        elif child.type not in ("footnote_ref", "image"):
            kept.append(child)
    return kept
