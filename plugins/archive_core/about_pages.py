"""The about pages, `content/about/about.<lang>.md`: read, rendered and refused like articles.

The about plugin publishes them; `make check` reads them here too (`checks.check_about_pages`), so a
pull request's about page is refused where an article would be. The body is Markdown rendered by the
articles' renderer (no raw HTML, no inline style) with the same refusals: a link target the site may not
carry, an image from another site, a search marker, a `#` heading or one that skips a level, a `::: caption`
never closed or of more than one paragraph (`body_checks`). `{repository_url}` becomes the REPOSITORY_URL setting, and
`{repository_files}` the address of the repository's files on its branch, in the form of the host it is on
(`{repository_files}/CONTRIBUTING.md`; `repository.Repository`).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from . import markdown, paths
from .body_checks import body_problems
from .body_cost import markup_problem
from .errors import ContentError, Problem, content_error, in_file_order, key_label
from .frontmatter import SplitDocument, field_line, load, read_text, split
from .layout import ABOUT_DIR
from .locales import LANGUAGES
from .repository import FORGES, Repository
from .suggestions import meant_keys
from .urls import section_url


class AboutPage:
    def __init__(self, lang: str, title: str, html: str) -> None:
        self.lang = lang
        self.title = title
        self.html = html
        self.url = section_url("about", lang)


def read_about(content_dir: Path, lang: str, repository: Repository | None) -> AboutPage:
    path = content_dir / ABOUT_DIR / f"about.{lang}.md"
    if not paths.named_as_written(content_dir, path):  # as a Linux server finds it, in these capitals
        raise content_error(path, None, "file", "is missing", f"write the about page in {lang}, or turn off `about`")
    doc = _document(path, content_dir)
    meta = load(doc)
    title = meta.get("title")
    problems = []
    meant = set()  # `title` written otherwise (`titel:`, or with a zero-width space): not told missing beside it
    unknown = [key for key in meta if key != "title"]
    hints = meant_keys(map(str, unknown), ("title",), meta, "the about page has only `title:`")
    for key, (hint, field) in zip(unknown, hints, strict=True):
        meant.add(field)
        problems.append(
            Problem(str(path), field_line(doc, str(key)) or 2, key_label(key), "is not a known field", hint)
        )
    if (not isinstance(title, str) or not title.strip()) and "title" not in meant:
        problems.insert(0, Problem(str(path), field_line(doc, "title") or 2, "title", "is missing", "add `title: ...`"))
    html, body = _rendered(doc, repository)
    problems = in_file_order([*problems, *body])
    if problems:
        raise ContentError(*problems)
    return AboutPage(lang, title.strip(), html)


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


def read_about_pages(content_dir: Path, repository: Repository | None) -> dict[str, AboutPage]:
    """Both languages' pages; a file of `about/` that is not one of them is refused, never ignored. ContentError
    with every problem of every page."""
    expected = {f"about.{lang}.md" for lang in LANGUAGES}
    listing = paths.list_files(content_dir, content_dir / ABOUT_DIR)
    problems = list(listing.problems)
    problems += [
        Problem(
            str(path), None, "file", "is not an about page, and would never be published",
            f"the about pages are {', '.join(sorted(expected))}: rename or remove it",
        )
        for path in listing.files
        if path.name not in expected
    ]  # fmt: skip
    pages = {}
    for lang in LANGUAGES if not listing.problems else ():  # a page the listing refused (a FIFO...) is not read
        try:
            pages[lang] = read_about(content_dir, lang, repository)
        except ContentError as exc:
            problems += exc.problems
    if problems:
        raise ContentError(*problems)
    return pages


def check_about(content_dir: Path) -> list[Problem]:
    """For `make check`: the about pages, read as the build reads them."""
    if not (content_dir / ABOUT_DIR).is_dir():
        return []
    try:
        read_about_pages(content_dir, CHECKED_REPOSITORY)
    except ContentError as exc:
        return list(exc.problems)
    return []


def render_markdown(doc: SplitDocument, repository: Repository | None) -> str:
    """The body of `doc` as HTML, its placeholders replaced; ContentError with every problem, each at the line of
    what is refused."""
    html, problems = _rendered(doc, repository)
    if problems:
        raise ContentError(*problems)
    return html


# What `make check` reads the placeholders as: a repository on a host of each kind is checked alike.
CHECKED_REPOSITORY = Repository("https://example.org/repository", "main", FORGES["github"])


def placeholders(repository: Repository | None) -> dict[str, str]:
    """What each placeholder of an about page becomes (empty without REPOSITORY_URL)."""
    return {
        "{repository_url}": repository.url if repository else "",
        "{repository_files}": repository.file_url("").rstrip("/") if repository else "",
    }


def _rendered(doc: SplitDocument, repository: Repository | None) -> tuple[str, list[Problem]]:
    """The body as HTML, and its problems: an article's (`body_checks`), but that it links to no article."""
    body = doc.body
    for placeholder, value in placeholders(repository).items():
        body = body.replace(placeholder, value)
    if costly := markup_problem(doc):  # before markdown-it reads it
        return "", [costly]
    tokens = markdown.parse(body)
    html = markdown.render(tokens)
    return html, body_problems(doc, tokens, html, body, site_links=False, fields=("title",))
