"""A given summary (`summary:`): one paragraph of inline Markdown, rendered by the body's markdown-it setup.

Its links obey the body's rules (`markdown.unsafe_links`; `{filename}` links are checked with the body's,
`articles.ArticleDocument.site_links`), but for what a listing cannot show: an image, a link to a file the site
copies (`{static}`, `{attach}`: Pelican copies the body's only), a link to a part of the article's page. Its words
and characters are bounded as a reader reads them, the rendered text, not the Markdown written. Block syntax (a
heading, a list, a quotation, a code block, a table, a second paragraph) is refused: the summary is shown where
one paragraph is (a listing's lead, a feed entry's summary, the page's description), and shown as text it would
put `##` or `- ` on every listing.
"""

from __future__ import annotations

from markdown_it.token import Token
from markupsafe import Markup

from . import markdown
from .body_bidi import reordering_problems, shown_reordering_problems
from .body_checks import (
    ONE_PARAGRAPH,
    attribute_problems,
    links_inside_links,
    marker_problem,
    shows_nothing_problems,
    unread_links,
)
from .markdown import COPIED_PREFIXES, LEAD_MAX_CHARS, LEAD_MAX_WORDS, SiteLink
from .not_shown import NOT_SHOWN
from .words import has_a_word
from .yaml_mistakes import cut

# The block a summary may not hold, by the token that opens it.
_BLOCKS = {
    "heading_open": "a heading",
    "bullet_list_open": "a list",
    "ordered_list_open": "a list",
    "blockquote_open": "a quotation",
    "code_block": "a code block",
    "fence": "a code block",
    "table_open": "a table",
    "hr": "a horizontal rule",
    "footnote_block_open": "a footnote",
    "container_caption_open": "a caption",
    "paragraph_open": "a second paragraph",
}
_BLOCK_HINT = (
    "a summary is one paragraph of text, with *emphasis*, **strong** and [links](https://...): write the block's "
    "words into it, or to start it with the character itself escape it, in single quotes: `summary: '\\# ...'` "
    "(`\\-`, `1\\.`, `\\>`)"
)
_BOUND_HINT = (
    "every page that lists the article shows it: keep it to a few sentences, or delete the line to use "
    "the lead paragraph"
)
# What the pages that list the article cannot show as the body does: a lead leaves out its images, and Pelican
# copies into the site the files of the body's {static} and {attach} links only (`Content.get_static_links`).
_IMAGE = (
    "is an image, and the pages that list the article show none (nor does a lead)",
    "keep the image in the body, and the words without it here",
)
_COPIED_FILE = (
    "links to a file the site copies for the body's links only: on the pages that list the article the link "
    "would be broken",
    "link the file in the body, and keep the words without the link here",
)
_LOCAL_LINK = (
    "points to a part of the article's page, but the summary is shown on the pages that list the article, "
    "where it leads nowhere",
    "link to {filename}/articles/<year>/<translation_key>.<lang>.md#part, or keep the words without the link",
)


def parse(summary: str) -> list[Token]:
    return markdown.parse(summary)


def summary_html(summary: str) -> str:
    """The summary as the pages that list the article show it: `<p>...</p>`."""
    return markdown.render(parse(summary))


def plain_text(html: str) -> str:
    """What a reader reads of HTML the reader rendered (a summary, the lead, a body), for the places that take text:
    no markup, entities decoded, spaces collapsed (a page's description, Open Graph, JSON-LD, the search index,
    the open data)."""
    return Markup(html or "").striptags()  # noqa: S704 (the reader's own HTML, reduced to text)


# A problem of a summary: where in its text it is (an offset; None: the whole summary), its message and hint.
SummaryProblem = tuple[int | None, str, str]


# The most characters a summary may be written in: 20 times what a reader reads of it (LEAD_MAX_CHARS), and its links'
# addresses as many again. Counted before markdown-it reads it (body_cost bounds the body so): 1.8 MB of `[` took 37 s.
WRITTEN_MAX_CHARS = 20 * LEAD_MAX_CHARS


def summary_problems(summary: str) -> list[SummaryProblem]:
    """Each problem of a given summary, where in its text it is: a link the body could not hold either, block
    syntax, an attribute other than a passage's language, and the bounds of what a reader reads."""
    if len(summary) > WRITTEN_MAX_CHARS:
        return [(WRITTEN_MAX_CHARS, *_written_too_long(len(summary)))]
    tokens = parse(summary)
    lines = markdown.Lines(summary)
    problems = [
        (link.offset, f"link target {link.url!r} {link.message}", link.hint)
        for link in markdown.unsafe_links(tokens, summary)
    ]
    copied = {link.url for link in markdown.site_links(tokens, summary) if link.prefix in COPIED_PREFIXES}
    for block, link, url in _links(tokens):
        if url.startswith("#") or url in copied:
            problems.append((lines.place(block, link)[1], *(_LOCAL_LINK if url.startswith("#") else _COPIED_FILE)))
    problems += [(None, *_IMAGE) for token in _inline(tokens) if token.type == "image"]
    shown = [token for token in tokens if token.type != NOT_SHOWN]
    problems += [(None, token.meta["message"], token.meta["hint"]) for token in tokens if token.type == NOT_SHOWN]
    if extra := _block(shown):
        line = extra[1].map[0] + 1 if extra[1].map else None
        problems.append((_offset(lines, line), f"holds {extra[0]}, and a summary is one paragraph", _BLOCK_HINT))
    found = [
        *attribute_problems(tokens, summary),
        *shows_nothing_problems(tokens, summary),
        *links_inside_links(tokens),
        *unread_links(tokens),
    ]
    problems += [(_offset(lines, problem.line), problem.message, problem.hint) for problem in found]
    reordering = [*reordering_problems(summary), *shown_reordering_problems(tokens, summary)]
    problems += [(_offset(lines, line), message, hint) for line, message, hint in reordering]
    html = markdown.render(tokens)
    if marker := marker_problem(html):
        problems.append((None, *marker))
    return problems + [(None, message, hint) for message, hint in _bound_problems(tokens, plain_text(html))]


def _written_too_long(length: int) -> tuple[str, str]:
    return (
        f"is {length:,} characters long as written, more than the {WRITTEN_MAX_CHARS:,} a summary may be (its "
        "Markdown is not read: the first character over is on this line)",
        f"a summary is one paragraph of at most {LEAD_MAX_WORDS} words and {LEAD_MAX_CHARS:,} characters as read: "
        "shorten it, or delete the line to use the lead paragraph",
    )


def _offset(lines: markdown.Lines, line: int | None) -> int | None:
    """Where line `line` of a summary (1-based) starts in it."""
    return lines.starts[line - 1] if line is not None and 0 < line <= len(lines.starts) else None


def _block(tokens: list[Token]) -> tuple[str, Token] | None:
    """What the summary holds beside its one paragraph, named as a contributor knows it, and its first token; None:
    nothing. A line of attributes with no paragraph after it is `attribute_problems`' to tell."""
    rest = tokens[len(ONE_PARAGRAPH) :] if tokens and tokens[0].type == "paragraph_open" else tokens
    blocks = (token for token in rest if token.nesting >= 0 and token.type != "attrs_with_no_block")
    return next(((_BLOCKS.get(token.type, "a block"), token) for token in blocks), None)


def _bound_problems(tokens: list[Token], text: str) -> list[tuple[str, str]]:
    """The lead's bounds, on the text a reader reads; and the addresses, titles and languages its markup gives,
    which every listing carries too, at most as many characters again (80 links to addresses of 20,000
    characters would make every listing 1.6 MB)."""
    problems = []
    if not has_a_word(text):  # `\---`, imported from a source's line of dashes, shown as every listing's summary
        shown = f"shows no word, only {cut(text.strip(), 20)!r}" if text.strip() else "shows no text"
        problems.append((shown, "write the summary's words, or delete the line to use the lead paragraph"))
    if (words := len(text.split())) > LEAD_MAX_WORDS:
        problems.append((f"has {words} words, more than {LEAD_MAX_WORDS}", _BOUND_HINT))
    if len(text) > LEAD_MAX_CHARS:
        problems.append((f"has {len(text)} characters, more than {LEAD_MAX_CHARS}", _BOUND_HINT))
    given = sum(
        len(str(value)) for token in _inline(tokens) for name, value in (token.attrs or {}).items() if name != "class"
    )
    if given > LEAD_MAX_CHARS:
        problems.append((
            f"has links whose addresses and titles make {given} characters, more than {LEAD_MAX_CHARS}",
            "every page that lists the article carries them: link fewer or shorter addresses",
        ))  # fmt: skip
    return problems


def site_links(summary: str, line: int | None) -> list[SiteLink]:
    """The summary's `{filename}`, `{static}`... links, at the summary's `line` of the file, field `summary`."""
    return [
        SiteLink(link.prefix, link.target, link.fragment, link.url, line, "summary")
        for link in markdown.site_links(parse(summary), summary)
    ]


def _inline(tokens: list[Token]) -> list[Token]:
    return [child for token in tokens for child in token.children or ()]


def _links(tokens: list[Token]) -> list[tuple[Token, Token, str]]:
    """Each link of the summary: its block, itself and its address."""
    return [
        (block, child, str(child.attrGet("href")))
        for block in tokens
        for child in block.children or ()
        if child.type == "link_open"
    ]
