"""Which pages an edit of existing articles changes: the rules shared by the devserver's update
(`tools.incremental`) and `make html` after an edit (`tools.edits`).

- an article page (or a file written for an article: `writer.write_file(..., article=...)`) changes only
  for the edited articles and their other language versions, and for the articles whose pages show an
  edited one (previous, next, related) whose listed facts changed;
- a page that lists articles changes only if it lists an edited article whose listed facts changed
  (front-matter, title, summary: what listings show). Plugins say which articles a page lists by passing
  them to `writer.write_file` (as keyword arguments, in lists and dicts, or in the dataclasses they pass,
  however deep). A paginated list counts by the page's own slice of it: a page of a country lists that
  page's articles, and any other article its objects hold (the articles that quote the country's people);
- any other page (one whose context holds no article) may show anything: it is rendered again.

An edit that changes an article's `structure` (where it is placed: language, translation, slug, date,
countries, tags) is not handled by these rules: it is a full build.
"""

from __future__ import annotations

import datetime
import functools
import os
import sys
from collections.abc import Collection, Iterable
from dataclasses import fields, is_dataclass
from pathlib import Path

from pelican.contents import Content
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.paginator import Paginator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
from archive_core.output_paths import escapes
from archive_core.pelican_compat import CheckedWriter

# What an in-place update may not change: these place an article in lists and URLs.
STRUCTURE = ("lang", "translation_key", "slug", "date", "countries", "tags")
# Values that hold nothing: `articles_in` does not look into them.
ATOMIC = frozenset({str, bytes, int, float, bool, type(None), datetime.date, datetime.datetime})
# Pelican's own article listings and feeds; the archive turns them off (its plugins write listings).
ARTICLE_LISTINGS = (
    "DIRECT_TEMPLATES",
    "TAG_SAVE_AS",
    "CATEGORY_SAVE_AS",
    "AUTHOR_SAVE_AS",
    "YEAR_ARCHIVE_SAVE_AS",
    "MONTH_ARCHIVE_SAVE_AS",
    "DAY_ARCHIVE_SAVE_AS",
    "FEED_ALL_ATOM",
    "FEED_ALL_RSS",
    "FEED_ATOM",
    "FEED_RSS",
    "CATEGORY_FEED_ATOM",
    "CATEGORY_FEED_RSS",
    "TAG_FEED_ATOM",
    "TAG_FEED_RSS",
    "TRANSLATION_FEED_ATOM",
    "TRANSLATION_FEED_RSS",
    "AUTHOR_FEED_ATOM",
    "AUTHOR_FEED_RSS",
)


def pages_to_render(articles: Iterable[Content], keys: set[str], relisted: set[int]) -> set[int]:
    """The articles whose pages an edit of the versions `keys` changes (ids), of which `relisted` changed
    what listings show: every language version of an edited article, and every article page that shows
    a relisted one (previous, next, related: pages show what listings show of them)."""
    articles = list(articles)
    affected = {id(a) for a in articles if a.translation_key in keys}
    if not relisted:  # an edit of the body alone: no page shows another article differently
        return affected
    return affected | {id(a) for a in articles if any(id(o) in relisted for o in articles_shown_by(a))}


def full_build_needed(generators: list) -> bool:
    """Pelican's own listings or pages are on: what they show is not followed here."""
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    return any(articles.settings.get(name) for name in ARTICLE_LISTINGS) or has_pages(generators)


def articles_shown_by(article: Content) -> list[Content]:
    """The other articles a plugin put on an article (its public attributes, or lists of them)."""
    return articles_in([value for name, value in vars(article).items() if not name.startswith("_")], depth=1)


def has_pages(generators: list) -> bool:
    return any(isinstance(g, PagesGenerator) and (g.pages or g.hidden_pages) for g in generators)


def field_structure(article: Content, name: str):
    value = getattr(article, name, None)
    if name == "tags":
        return tuple(str(tag) for tag in value or ())
    if name == "countries":
        return tuple(getattr(getattr(article, "archive", None), "countries", ()))
    return value


def structure(article: Content) -> tuple:
    """What places an article in lists and URLs (an edit of it is a full build)."""
    return tuple(field_structure(article, name) for name in STRUCTURE)


def listed_facts(article: Content) -> tuple:
    """What a page that lists the article shows of it: its front-matter, title and summary (the lead by default)."""
    return (getattr(article, "archive", None), article.title, article.metadata.get("summary"))


class KeepUnaffected:
    """Renders a page only if it lists a relisted article (or lists none); else keeps the page as it is
    in the folder `previous` (a regular file inside it): left there by `writer` (`LeavesKept.leave`), or
    returned to be written again. `tally` holds `relisted` and counts `kept` and `rendered` (the
    devserver's writer, or the plan of `make html` after an edit)."""

    def __init__(self, template, tally, kwargs: dict, previous: str, writer: LeavesKept | None = None) -> None:
        self.template = template
        self.tally = tally
        self.kwargs = kwargs
        self.previous = previous
        self.writer = writer
        self.beside_slices: dict = {}  # for `shown_articles`: every page of this one write shares its objects

    def render(self, localcontext: dict) -> str:
        # With no listed fact changed, any article shown keeps the page: the first one found is enough.
        listed = shown_articles(self.kwargs, localcontext, self.beside_slices, first=not self.tally.relisted)
        if listed and not any(id(a) in self.tally.relisted for a in listed):
            name = localcontext["output_file"]
            existing = os.path.join(self.previous, name)
            if not escapes(self.previous, name) and os.path.isfile(existing) and not os.path.islink(existing):
                self.tally.kept += 1
                if self.writer is not None and self.writer.leave(name):
                    return ""  # never written: the writer's file is the kept one
                return Path(existing).read_text(encoding="utf-8")
        self.tally.rendered += 1
        return self.template.render(localcontext)


class LeavesKept(CheckedWriter):
    """A writer that leaves a page `KeepUnaffected` keeps as it is: not read back and written again."""

    def leave(self, name: str) -> bool:
        """Whether the output's `name` is now the kept page (then the write Pelican makes of it writes
        nothing); False to have it written."""
        if self.is_claimed(name) or not self.take_kept(name):
            return False  # a second write of a page fails as Pelican's would
        self.leave_as_is(name)
        return True

    def take_kept(self, name: str) -> bool:
        """Make the output's `name` the previous output's page (in the devserver, it already is)."""
        return True


def shown_articles(
    kwargs: dict, localcontext: dict, beside_slices: dict | None = None, first: bool = False
) -> list[Content]:
    """The articles a page shows: those in the objects its plugin passed (`kwargs`), where a list Pelican
    paginates counts only by this page's slice of it (`localcontext`: Pelican's `<key>_paginator` and
    `<key>_page`), wherever else the page's objects hold it (a country's articles, in the country).
    `first`: only whether it shows any, as one of them (or none).

    `beside_slices`: a dict kept across the pages of one `write_file` (the same `kwargs` and paginators),
    where what lies outside the slices is found once instead of once a page (at 10,000 articles, a listing
    of 1,000 pages walked its whole list 1,000 times).
    """
    pages = [
        localcontext[f"{key.removesuffix('_paginator')}_page"]
        for key, value in localcontext.items()
        if key.endswith("_paginator") and isinstance(value, Paginator)
    ]
    paginators = tuple(page.paginator for page in pages)
    # A paginated list may be of other things (the about page's corrections): only its articles are shown ones.
    in_slices = [a for page in pages for a in page.object_list if isinstance(a, Content)]
    if first and in_slices:
        return in_slices
    key = (first, *map(id, paginators))
    beside_slices = {} if beside_slices is None else beside_slices
    if key not in beside_slices:
        paginated = {_ids(paginator.object_list) for paginator in paginators} - {frozenset()}
        # The paginators are held with what was found: their ids stay theirs.
        beside_slices[key] = (paginators, articles_in(kwargs.values(), paginated=paginated, first=first))
    return in_slices + beside_slices[key][1]


def _ids(values: Iterable) -> frozenset[int]:
    return frozenset(id(value) for value in values if isinstance(value, Content))


def articles_in(
    values: Iterable, depth: int | None = None, paginated: Collection[frozenset[int]] = (), first: bool = False
) -> list[Content]:
    """The articles in `values`: directly, in lists and dicts, or in the fields of dataclasses, down to `depth`
    levels (None: all), leaving out the collections of exactly the articles of one of `paginated`.
    `first`: the first one found only (the last values are looked into first)."""
    found: list[Content] = []
    seen: set[int] = set()  # each container once: no cycle, no object walked twice
    waiting = [(value, 0) for value in values]
    while waiting:
        value, level = waiting.pop()
        if isinstance(value, Content):
            found.append(value)
            if first:
                break
            continue
        if (depth is not None and level >= depth) or id(value) in seen:
            continue
        if isinstance(value, dict):
            inner: Iterable = value.values()
        elif isinstance(value, list | tuple | set | frozenset):
            if paginated and _ids(value) in paginated:
                continue
            inner = value
        elif names := _dataclass_fields(type(value)):
            inner = [getattr(value, name) for name in names]
        else:  # strings, numbers, dates, anything else
            continue
        seen.add(id(value))
        waiting.extend((item, level + 1) for item in inner if type(item) not in ATOMIC)
    return found


@functools.cache
def _dataclass_fields(kind: type) -> tuple[str, ...]:
    """The names of the fields of a dataclass's instances (none for any other type)."""
    return tuple(field.name for field in fields(kind)) if is_dataclass(kind) else ()
