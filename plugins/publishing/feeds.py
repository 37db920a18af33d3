"""One Atom feed per language, from plain entries (feedgenerator writes the XML)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin

from feedgenerator import Atom1Feed

from archive_core.browse import D, newest_first
from archive_core.locales import LANGUAGES

from .addresses import absolute

FEED_FILE = "feed.atom.xml"


def feed_url(lang: str) -> str:
    """Site-relative, like every URL of the site: `pl/feed.atom.xml`."""
    return f"{lang}/{FEED_FILE}"


@dataclass(frozen=True)
class FeedLink:
    """One `<link rel="alternate" type="application/atom+xml">` of a page."""

    lang: str
    url: str
    title: str


@dataclass(frozen=True)
class FeedEntry:
    title: str
    url: str  # absolute
    published: datetime  # timezone-aware: the offset it was written with, else the site's time zone
    summary_html: str
    content_html: str
    author: str | None = None
    categories: tuple[str, ...] = ()
    updated: datetime | None = None  # its latest correction (`corrected_moment`); None: as published


@dataclass(frozen=True)
class Feed:
    lang: str
    title: str
    home_url: str  # absolute: the language's home page
    self_url: str  # absolute: the feed itself
    author: str
    entries: Sequence[FeedEntry] = field(default_factory=tuple)
    updated_when_empty: datetime | None = None


def feed_articles(articles: Iterable[D], lang: str, max_items: int | None) -> list[D]:
    """The language's newest articles, in the order of every listing (ties by translation key, never by URL:
    `x-2/` sorts before `x/`), as many as Pelican's FEED_MAX_ITEMS (None: all)."""
    return newest_first(a for a in articles if a.lang == lang)[:max_items]


class _Atom(Atom1Feed):
    """Reproducible: an empty feed is not stamped with the time of the build."""

    def __init__(self, *args, updated_when_empty: datetime, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.updated_when_empty = updated_when_empty

    def latest_post_date(self) -> datetime:
        return super().latest_post_date() if self.items else self.updated_when_empty


def atom_xml(feed: Feed) -> str:
    """The feed as an Atom 1.0 document (RFC 4287), newest entry first."""
    atom = _Atom(
        title=feed.title,
        link=feed.home_url,
        description=None,
        language=feed.lang,
        author_name=feed.author,
        feed_url=feed.self_url,
        feed_guid=feed.self_url,
        updated_when_empty=feed.updated_when_empty or datetime.fromisoformat("1970-01-01T00:00:00+00:00"),
    )
    # Newest first by the time as written (each entry states its own offset); entries of one time keep the order
    # they are given in, the archive's (`feed_articles`). The sort is stable, also in reverse.
    for entry in sorted(feed.entries, key=lambda e: e.published.replace(tzinfo=None), reverse=True):
        atom.add_item(
            title=entry.title,
            link=entry.url,
            unique_id=entry.url,
            description=entry.summary_html or None,
            content=entry.content_html,
            author_name=entry.author,
            pubdate=entry.published,
            updateddate=entry.updated or entry.published,
            categories=entry.categories,
        )
    return atom.writeString("utf-8")


# `<a href="#note-1" aria-label="Note 1"></a>`: a link with no text of its own, as a note's marker is on the page.
_UNLABELLED_LINK = re.compile(r'<a (?P<before>[^>]*?)aria-label="(?P<label>[^"]*)"(?P<after>[^>]*)></a>')


# Every attribute of the archive's HTML that holds an address (Pelican's own list, less what a page never writes).
_ADDRESS_ATTRIBUTE = re.compile(r'(?P<name>\s(?:href|src|poster|cite|data|action|formaction))="(?P<url>[^"]*)"')


def feed_html(html: str, page_url: str, base: str) -> str:
    """An article's HTML as a feed reader shows it, with no page and no style sheet around it, nor the site's address:
    every address is absolute (a link within the page leads to that place on the page, `page_url`; one of the site,
    `/en/...` while developing, leads to it under `base`), and a link whose text the page's CSS draws (a note's
    marker, a number) shows its label instead, `[Note 1]`."""

    def labelled(link: re.Match) -> str:
        attributes = f"{link['before']}{link['after']}".strip()
        label = link["label"] if link["label"].startswith("[") else f"[{link['label']}]"
        return f"<a {attributes}>{label}</a>"

    def absolute_address(attribute: re.Match) -> str:
        url = attribute["url"]
        resolved = absolute(base, url) if url.startswith("/") and not url.startswith("//") else urljoin(page_url, url)
        return f'{attribute["name"]}="{resolved}"'

    return _UNLABELLED_LINK.sub(labelled, _ADDRESS_ATTRIBUTE.sub(absolute_address, html))


def feed_links(output_file: str, titles: dict[str, str]) -> list[FeedLink]:
    """The feeds a page links to: its language's, or every language's on a page of no one language (`/`, 404)."""
    first = output_file.split("/", 1)[0]
    langs = [first] if first in LANGUAGES and "/" in output_file else list(LANGUAGES)
    return [FeedLink(lang, feed_url(lang), titles[lang]) for lang in langs]
