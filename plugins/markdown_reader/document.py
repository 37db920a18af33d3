"""Read one article file: front-matter validated, body rendered."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from archive_core import annotations, frontmatter, schema
from archive_core.errors import ContentError, content_error
from archive_core.schema import ArticleMeta

from . import render
from .render import SiteLink


@dataclass(frozen=True)
class ArticleDocument:
    path: str
    meta: ArticleMeta
    html: str
    summary_html: str
    site_links: tuple[SiteLink, ...] = ()  # lines are the file's own


def read_article(path: str | Path) -> ArticleDocument:
    """Parse, validate and render `path`; raises ContentError on any problem."""
    text = frontmatter.read_text(path)
    doc = frontmatter.split(text, path)
    meta = schema.validate(frontmatter.load(doc), doc)
    if unfinished := schema.unfinished(meta, doc):
        raise ContentError(*unfinished)
    annotations.check(meta.annotations, doc)
    tokens = render.parse(doc.body)
    for link in render.unsafe_links(tokens):
        line = doc.body_line + link.line - 1 if link.line else None
        raise content_error(
            path,
            line,
            "body",
            f"link target {link.url!r} is not allowed",
            "links may point to http(s) or mailto addresses, or to other pages of the site",
        )
    summary = render.text_html(meta.summary) if meta.summary else render.lead_paragraph_html(tokens) or ""
    links = tuple(
        replace(link, line=doc.body_line + link.line - 1 if link.line else None)
        for link in render.site_links(tokens, doc.body)
    )
    return ArticleDocument(
        path=str(path), meta=meta, html=render.render(tokens), summary_html=summary, site_links=links
    )
