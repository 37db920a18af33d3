"""Markdown to HTML for the about page: CommonMark with tables, raw HTML shown as text, only safe link targets."""

from __future__ import annotations

from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")


def render_markdown(text: str) -> str:
    # markdown-it's default validateLink already refuses javascript:, vbscript:, file: and data: (but images) URLs.
    return _md.render(text)
