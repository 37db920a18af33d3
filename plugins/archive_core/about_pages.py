"""The about pages, `content/about/about.<lang>.md`: read, rendered and refused like articles.

The about plugin publishes them; `make check` reads them here too (`checks.check_about_pages`), so a
pull request's about page is refused where an article would be. The body is Markdown rendered by the
articles' renderer (no raw HTML, no inline style) with the same refusals: a link target the site may not
carry, an image from another site, a search marker, a `#` heading, a `::: caption` never closed or of more
than one paragraph (`body_checks`). `{repository_url}` becomes the REPOSITORY_URL setting.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from . import markdown, paths
from .body_checks import structure_problems
from .errors import ContentError, Problem, content_error
from .frontmatter import SplitDocument, field_line, load, read_text, split
from .layout import ABOUT_DIR
from .locales import LANGUAGES
from .text import RESERVED
from .urls import section_url


class AboutPage:
    def __init__(self, lang: str, title: str, html: str) -> None:
        self.lang = lang
        self.title = title
        self.html = html
        self.url = section_url("about", lang)


def read_about(content_dir: Path, lang: str, repository_url: str) -> AboutPage:
    path = content_dir / ABOUT_DIR / f"about.{lang}.md"
    if not os.path.lexists(path):
        raise content_error(path, None, "file", "is missing", f"write the about page in {lang}, or turn off `about`")
    doc = _document(path, content_dir)
    meta = load(doc)
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        raise content_error(path, field_line(doc, "title") or 2, "title", "is missing", "add `title: ...`")
    for key in meta:
        if key != "title":
            raise content_error(path, field_line(doc, str(key)) or 2, str(key), "is not a known field", "the about "
                                "page has only `title:`")  # fmt: skip
    return AboutPage(lang, title.strip(), render_markdown(doc, repository_url))


def _document(path: Path, content_dir: Path) -> SplitDocument:
    """The page split into front-matter and body, read once while it is unchanged: `make check`'s snapshot
    and the about generator of one build share the one reading (a `stat` opens nothing)."""
    info = os.stat(path)
    return _read_document(str(path), str(content_dir), (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino))


@lru_cache(maxsize=8)
def _read_document(path: str, content_dir: str, identity: tuple[int, ...]) -> SplitDocument:
    return split(read_text(path, content_dir), path)


def forget() -> None:
    """A new snapshot reads the pages anew (`snapshot.take`)."""
    _read_document.cache_clear()


def read_about_pages(content_dir: Path, repository_url: str) -> dict[str, AboutPage]:
    """Both languages' pages; a file of `about/` that is not one of them is refused, never ignored."""
    expected = {f"about.{lang}.md" for lang in LANGUAGES}
    listing = paths.list_files(content_dir, content_dir / ABOUT_DIR)
    if listing.problems:
        raise ContentError(listing.problems[0])
    for path in listing.files:
        if path.name not in expected:
            raise content_error(
                path, None, "file", "is not an about page, and would never be published",
                f"the about pages are {', '.join(sorted(expected))}: rename or remove it",
            )  # fmt: skip
    return {lang: read_about(content_dir, lang, repository_url) for lang in LANGUAGES}


def check_about(content_dir: Path) -> list[Problem]:
    """For `make check`: the about pages, read as the build reads them."""
    if not (content_dir / ABOUT_DIR).is_dir():
        return []
    try:
        read_about_pages(content_dir, "https://example.org/repository")
    except ContentError as exc:
        return [exc.problem]
    return []


def render_markdown(doc: SplitDocument, repository_url: str) -> str:
    """The body of `doc` as HTML, `{repository_url}` replaced; ContentError at the line of what is refused."""
    body = doc.body.replace("{repository_url}", repository_url)
    tokens = markdown.parse(body)
    for link in markdown.unsafe_links(tokens, body, site_links=False):
        line = doc.body_line + link.line - 1 if link.line else None
        raise content_error(doc.path, line, "body", f"link target {link.url!r} {link.message}", link.hint)
    for problem in structure_problems(tokens, body):  # an article's: a `#` heading, a caption left open or too long
        line = doc.body_line + problem.line - 1 if problem.line else None
        raise content_error(doc.path, line, "body", problem.message, problem.hint)
    html = markdown.render(tokens)
    for link in markdown.missing_anchors(tokens, body, html):
        line = doc.body_line + link.line - 1 if link.line else None
        raise content_error(doc.path, line, "body", f"link target {link.url!r} {link.message}", link.hint)
    if match := RESERVED.search(html):  # spelt with escapes or entities, `data&#45;pagefind-`
        raise content_error(
            doc.path, doc.body_line, "body", f"holds {match.group()!r}, the prefix of the search index's own markers",
            "write it without the hyphens, or in other words",
        )  # fmt: skip
    return html
