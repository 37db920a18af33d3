"""Read one article file: front-matter validated, body rendered."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from markdown_it.token import Token

from archive_core import annotations, frontmatter, paths, schema
from archive_core.errors import NAMES_FILE, ContentError, Problem, in_file_order
from archive_core.schema import ArticleMeta, Source, Translation

from . import markdown, summaries
from .body_checks import body_problems, html_tag, raw_html, trailing_attributes
from .body_cost import markup_problem
from .markdown import COPIED_PREFIXES, SiteLink

# Fields checked only once every article is read (archive_core.sources: the publisher from the table of
# publishers, the raw copy in the content folder): their lines are kept as the file is parsed, for the problems.
# Fields checked against other files (`checks`), whose problems name their line: the source's publisher and raw
# copy; what makes an address or a version (`slug`, or the `title` a slug is made from; `translation_key`,
# `translation.from`); what the file's path repeats (`date`, `translation_key`, `lang`); the importer's `review:`.
LATER_CHECKED_FIELDS = (
    "source.url",
    "source.publisher",
    "source.raw",
    "slug",
    "title",
    "date",
    "translation_key",
    "translation.from",
    "countries",
    "lang",
    "review",
)  # and each of the `tags` (`tags.0`...), compared with the other articles' (tag_spellings)

# The links whose path, unless it starts with `/`, is read from the linking file's folder (`links._resolve`).
_FROM_FOLDER = ("filename", *COPIED_PREFIXES)


@dataclass(frozen=True)
class ArticleDocument:
    path: str
    meta: ArticleMeta
    html: str
    summary_html: str
    site_links: tuple[SiteLink, ...] = ()  # lines are the file's own
    field_lines: tuple[tuple[str, int], ...] = ()  # (field, line) of LATER_CHECKED_FIELDS
    warnings: tuple[Problem, ...] = ()  # of the file alone (raw HTML in its body): told, and the article read

    def line(self, field: str) -> int | None:
        """The file line of a field of LATER_CHECKED_FIELDS, or of the part of it that is there (`source`)."""
        return dict(self.field_lines).get(field)


@dataclass(frozen=True)
class VersionFields:
    """The fields of `schema.READ_FIELDS` a refused article gives, as `ArticleMeta` names them: what its versions
    are compared by. None where it has no value that read well (`RefusedArticle.has` tells which did)."""

    translation_key: str | None = None
    lang: str | None = None
    date: datetime | None = None
    translation: Translation | None = None
    source: Source | None = None
    countries: tuple[str, ...] | None = None
    title: str | None = None
    slug: str | None = None  # given, or made of the title
    summary: str | None = None


@dataclass(frozen=True)
class RefusedArticle:
    """An article refused for problems of its own or for its place, and what of it read well: the fields of its
    front-matter that say which version of which article it is, its address and its words (`schema.READ_FIELDS`)
    with no problem told, and its body, so that the checks of several files (its versions, its address, its links,
    the people it names) need not wait for an unrelated problem. None of them where the front-matter could not be
    read."""

    path: str
    problems: tuple[Problem, ...]
    read: Mapping[str, Any] = field(default_factory=dict)  # by field name, as `ArticleMeta` holds it
    field_lines: tuple[tuple[str, int], ...] = ()  # (field, line) of LATER_CHECKED_FIELDS
    # The body, read whatever the front-matter says (None: not rendered, its markup too costly, or not reached), and
    # the summary's HTML where `summary:` read well: what the people check looks for names in.
    html: str | None = None
    summary_html: str | None = None
    site_links: tuple[SiteLink, ...] = ()  # of the body, and of the summary where it read well
    # What its path contradicts (`file_place`): `date`, `translation_key`, `lang`, each one of two values until the
    # contributor chooses, and so not in `read`; `path`, a file the front-matter puts in another folder altogether.
    misplaced: frozenset[str] = frozenset()

    def line(self, field: str) -> int | None:
        return dict(self.field_lines).get(field)

    @property
    def folder_known(self) -> bool:
        """Whether the file stays in its folder, whichever way out of its place's problems is taken: what a link
        relative to it names, and the year of its folder, are known."""
        return not self.misplaced & {"date", "path"}

    def placed(self, problems: Iterable[Problem]) -> RefusedArticle:
        """This article, its place contradicting its front-matter as `problems` say (`file_place`): told them too,
        and without the values of the fields they name, either of which may be the one to correct."""
        problems = tuple(problems)
        # A file named by what no key may be is renamed in its folder, whose key did not read anyway.
        contradicted = frozenset(problem.field for problem in problems if problem.code != NAMES_FILE)
        read = {name: value for name, value in self.read.items() if name not in contradicted}
        placed = replace(self, problems=(*self.problems, *problems), read=read, misplaced=self.misplaced | contradicted)
        if placed.folder_known:
            return placed
        # A path written from its folder names one file now, another once the file is moved: checked once it is.
        links = tuple(
            link for link in self.site_links if link.target.startswith("/") or link.prefix not in _FROM_FOLDER
        )
        return replace(placed, site_links=links)

    @classmethod
    def of(cls, doc: ArticleDocument) -> RefusedArticle:
        """An article that read well, as one refused, with everything of it read."""
        read = {name: getattr(doc.meta, name) for name in schema.READ_FIELDS}
        return cls(doc.path, (), read, doc.field_lines, doc.html, doc.summary_html, doc.site_links)

    def has(self, *fields: str) -> bool:
        """Whether each of `fields` read well."""
        return all(name in self.read for name in fields)

    @property
    def meta(self) -> VersionFields:
        return VersionFields(**self.read)


class ArticleRefused(ContentError):
    """A ContentError of an article, with what of it read well (`refused`)."""

    def __init__(self, refused: RefusedArticle) -> None:
        super().__init__(*refused.problems)
        self.refused = refused


def read_article(path: str | Path, root: str | Path | None = None) -> ArticleDocument:
    """Read `path` (inside `root`, default its own folder: see `paths.read_bytes`), then `parse_article`."""
    return parse_article(paths.read_bytes(path, root), path)


def parse_article(data: bytes, path: str | Path) -> ArticleDocument:
    """Parse, validate and render the bytes of the article `path`; raises ContentError on any problem."""
    text = frontmatter.decode(data, path)
    doc = frontmatter.split(text, path)
    told: list[Problem] = []  # the values' problems YAML's reading finds, told with the rest
    data, root = frontmatter.load_with_nodes(doc, told)
    checked = schema.check(data, doc, root, told)
    if costly := markup_problem(doc):  # refused before markdown-it reads it, with the front-matter's problems
        raise _refused(path, [*checked.problems, costly], checked, root)
    tokens = markdown.parse(doc.body)
    body_html = markdown.render(tokens)
    unfinished = schema.unfinished(data, doc, root, {problem.field for problem in checked.problems})
    problems = [*checked.problems, *unfinished, *body_problems(doc, tokens, body_html, fields=schema.FIELD_NAMES)]
    problems += annotations.passage_problems(checked.annotations, doc, body_html, root)
    warnings = tuple(
        in_file_order(
            [
                *_text_html_warnings(doc, data, root),
                *_raw_html_warnings(doc, tokens),
                *_trailing_attribute_warnings(doc, tokens),
            ]
        )
    )
    if problems or checked.meta is None:
        refused = _refused(path, [*problems, *warnings], checked, root).refused
        summary = refused.read.get("summary")  # None where it is not given, or did not read well
        body = dict(html=body_html, site_links=_site_links(doc, tokens, summary, root))
        if "summary" in refused.read:
            body["summary_html"] = _summary_html(summary, tokens)
        raise ArticleRefused(replace(refused, **body))
    meta = replace(checked.meta, date_offset=frontmatter.written_offset(root, "date"))
    return ArticleDocument(
        path=str(path),
        meta=meta,
        html=body_html,
        summary_html=_summary_html(meta.summary, tokens),
        site_links=_site_links(doc, tokens, meta.summary, root),
        field_lines=_field_lines(root, (*LATER_CHECKED_FIELDS, *(f"tags.{i}" for i in range(len(meta.tags))))),
        warnings=warnings,
    )


def _raw_html_warnings(doc: frontmatter.SplitDocument, tokens: list[Token]) -> Iterator[Problem]:
    """A warning at each line of the body that writes raw HTML, which the page shows as text (`body_checks.raw_html`):
    not an error, as a text about HTML may write a tag (the page then shows it as written)."""
    for line, tag in raw_html(tokens, doc.body):
        yield Problem(
            str(doc.path),
            doc.body_line + line - 1,
            "body",
            f"{tag if len(tag) <= 40 else tag[:39] + '…'!r} is HTML, which the page shows as text, tags and all",
            "a body is Markdown: write **bold**, *italic*, [text](https://...) and delete the tags; put a tag meant "
            "as text in backticks (`<b>`)",
            "warning",
        )


# The front-matter's texts a page shows as text (the summary as Markdown, with raw HTML off), and what to write.
_TEXT_FIELDS = {
    "title": "a title is text: delete the tags",
    "summary": "a summary is Markdown: write **bold**, *italic* and delete the tags; put a tag meant as text in "
    "backticks (`<b>`)",
    "editor_note": "a note is text: delete the tags",
    "source.publisher": "a publisher is a name: delete the tags",
}


def _text_html_warnings(doc: frontmatter.SplitDocument, data: object, root: yaml.Node | None) -> Iterator[Problem]:
    """A warning at each text of the front-matter that writes HTML, which the page shows as text, tags and all
    (`body_checks.html_tag`): not an error, as a title may name a tag."""
    for name, hint in _TEXT_FIELDS.items():
        value = data
        for key in name.split("."):
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, str) and (tag := html_tag(value)):
            shown = tag if len(tag) <= 40 else tag[:39] + "…"
            message = f"{shown!r} is HTML, which the page shows as text, tags and all"
            yield Problem(str(doc.path), frontmatter.node_line(root, name), name, message, hint, "warning")


def _trailing_attribute_warnings(doc: frontmatter.SplitDocument, tokens: list[Token]) -> Iterator[Problem]:
    """A warning at each paragraph or heading that ends with attributes, which the page shows as text
    (`body_checks.trailing_attributes`): not an error, as a text may end with braces of its own."""
    for line, written, block, allowed in trailing_attributes(tokens, doc.body):
        shown = written if len(written) <= 40 else written[:39] + "…"
        hint = (
            f"write `{written}` on a line of its own just before the {block}, or after a passage in brackets: "
            f"`[words]{written}`"
            if allowed
            else "delete them: only a passage's `lang` and `dir` may be given, on a line of their own before the "
            "block" + (" (a heading's id is made from its words)" if block == "heading" else "")
        )
        yield Problem(
            str(doc.path),
            doc.body_line + line - 1,
            "body",
            f"ends with {shown!r}, attributes which the page shows as text",
            hint,
            "warning",
        )


def _summary_html(summary: str | None, tokens: list[Token]) -> str:
    """The summary's HTML: of `summary:` where given, else of the body's lead paragraph (`tokens`)."""
    return summaries.summary_html(summary) if summary else markdown.lead_paragraph_html(tokens) or ""


def _site_links(
    doc: frontmatter.SplitDocument, tokens: list[Token], summary: str | None, root: yaml.Node | None
) -> tuple[SiteLink, ...]:
    """The links to other content of the site of the body (`tokens`) and of `summary`, at the file's lines."""
    links = tuple(
        replace(link, line=doc.body_line + link.line - 1 if link.line else None)
        for link in markdown.site_links(tokens, doc.body)
    )
    if summary:
        links += tuple(summaries.site_links(summary, frontmatter.node_line(root, "summary")))
    return links


def _refused(
    path: str | Path, problems: list[Problem], checked: schema.Checked, root: yaml.Node | None
) -> ArticleRefused:
    """The article refused for `problems`, with those of the fields `checked` read that no problem names."""
    told = {problem.field.split(".")[0] for problem in problems}
    if "title" in told and frontmatter.node_line(root, "slug") is None:
        told.add("slug")  # made of a title still to be written (`...`: the key stands for it meanwhile)
    read = {name: value for name, value in checked.read.items() if name not in told}
    lines = _field_lines(root, LATER_CHECKED_FIELDS)
    return ArticleRefused(RefusedArticle(str(path), tuple(in_file_order(problems)), read, lines))


def read_front_matter(path: str | Path, root: str | Path | None = None) -> ArticleDocument:
    """Read `path` (inside `root`, see `paths.read_bytes`), then `parse_front_matter`."""
    return parse_front_matter(paths.read_bytes(path, root), path)


def parse_front_matter(data: bytes, path: str | Path) -> ArticleDocument:
    """The article `path` as its front-matter alone makes it (the body neither rendered nor checked, a `...` still to
    fill in allowed): what it is compared with other articles as, before it is written (`clashes`). ContentError
    on any problem of its front-matter."""
    doc = frontmatter.split(frontmatter.decode(data, path), path)
    values, root = frontmatter.load_with_nodes(doc)
    checked = schema.check(values, doc, root)
    if checked.meta is None:
        raise ContentError(*checked.problems)
    return ArticleDocument(str(path), checked.meta, "", "", field_lines=_field_lines(root, LATER_CHECKED_FIELDS))


def _field_lines(root: yaml.Node | None, fields: Iterable[str]) -> tuple[tuple[str, int], ...]:
    """Each field's line; a field not there, at its parent's line (`source`)."""
    lines = ((field, frontmatter.node_line(root, field) or frontmatter.node_line(root, field.split(".")[0]))
             for field in fields)  # fmt: skip
    return tuple((field, line) for field, line in lines if line is not None)
