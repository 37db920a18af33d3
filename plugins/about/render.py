"""Markdown to HTML for the about page: the articles' renderer (no raw HTML, no inline style), and the same
refusals: a link target the site may not carry, an image from another site, a search marker in the HTML."""

from __future__ import annotations

from archive_core.errors import content_error
from archive_core.frontmatter import SplitDocument
from archive_core.text import RESERVED
from markdown_reader import render


def render_markdown(doc: SplitDocument, repository_url: str) -> str:
    """The body of `doc` as HTML, `{repository_url}` replaced; ContentError at the line of what is refused."""
    body = doc.body.replace("{repository_url}", repository_url)
    tokens = render.parse(body)
    for link in render.unsafe_links(tokens, body):
        line = doc.body_line + link.line - 1 if link.line else None
        raise content_error(doc.path, line, "body", f"link target {link.url!r} {link.message}", link.hint)
    html = render.render(tokens)
    if match := RESERVED.search(html):  # spelt with escapes or entities, `data&#45;pagefind-`
        raise content_error(
            doc.path, doc.body_line, "body", f"holds {match.group()!r}, the prefix of the search index's own markers",
            "write it without the hyphens, or in other words",
        )  # fmt: skip
    return html
