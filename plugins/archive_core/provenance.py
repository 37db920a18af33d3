"""Provenance of curated facts: cited sources, verification and corrections, as every data file writes them.

One source is written either as its address alone (older records) or as a
mapping that says where the fact was read:

    - url: https://treaties.un.org/...      # the page that states the fact
      title: "..."                          # the page's own title
      lang: en                              # optional: the language of the page and its title (BCP 47)
      publisher: United Nations Treaty Collection  # required in a mapping
      published: 2025-10-27                 # when the page says it was published, if it does
      accessed: 2026-11-29                  # required in a mapping: when the archive's editor read it
      archived: https://web.archive.org/... # optional: a copy you opened; else pages offer a Wayback lookup
      note: {pl: ..., en: ...}              # optional: what exactly the page shows

A record whose sources do not confirm it says `verified: false` and why
(`note:`); a record changed after publication lists `corrections:`.
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import idna
from tld import is_tld

from .data import Checks, Key, Record
from .locales import LANGUAGES, language_tag_problem
from .shown_addresses import shown_hosts
from .suggestions import meant_key
from .when import read_date_problem

SOURCE_KEYS = frozenset({"url", "title", "lang", "publisher", "published", "accessed", "archived", "note"})
CORRECTION_KEYS = frozenset({"date", "change", "reason"})
# A yes or no in words (English, Polish) or figures, which YAML reads as text or a number, not as true or false.
_SAID_NO = frozenset({"no", "n", "off", "nie", "fałsz", "falsz", "0", "unverified", "not verified"})
_SAID_YES = frozenset({"yes", "y", "on", "tak", "prawda", "1", "verified"})
# What a source written as a mapping gives, beyond its `url:`: a page shows the source with them, and the mapping
# is where they are said (an address alone is the only source without them).
MAPPING_NEEDS = {
    "publisher": "give `publisher: ...` under `url:`: who published the page, as the page names itself",
    "accessed": "give `accessed: YYYY-MM-DD` under `url:`: the day you read the page",
}
# What other tools call a source's keys, in an article's `source:` and in a data file's sources alike.
SOURCE_ALIASES = {"link": "url", "address": "url", "href": "url", "site": "publisher", "archive_url": "archived"}
# The public web archives whose copy of a page a source may give as `archived:`, which every page shows as its
# "archived copy" (and the open data and citations name as one): a copy on any other site is one its owner can
# change, or a page made up to look like the source. Their hosts, as `same_host` compares them, each serving the
# archive's copies at stable addresses anyone can open (the form of one, after each): the one list of the check
# (`archived_copy_problem`), its hint (ARCHIVES_NAMED), the front-matter JSON Schema (tools/front_matter_docs.py) and
# the field reference. Not archive.org but the Wayback Machine's own paths there (ARCHIVE_ORG_WAYBACK): its other
# paths and hosts serve files anyone uploads. Not an archive whose copies most readers cannot open (the UK Web
# Archive, webarchive.org.uk, shows most only in the legal deposit libraries' reading rooms).
WAYBACK_HOST = "web.archive.org"
WEB_ARCHIVES = (
    WAYBACK_HOST,  # the Internet Archive's Wayback Machine: /web/20261129000000/https://...
    "wayback.archive.org",  # its older name: /web/<time>/<address>
    "archive.ph",  # archive.today under each of its names: /AbCd1, /20261129000000/https://...
    "archive.today",
    "archive.is",
    "archive.li",
    "archive.vn",
    "archive.md",
    "archive.fo",
    "perma.cc",  # Perma.cc: /ABCD-1234
    "ghostarchive.org",  # Ghostarchive: /archive/AbCd1
    "webcitation.org",  # WebCite (read only since 2019): /6abcDEF
    "wayback.archive-it.org",  # Archive-It's Wayback: /<collection>/<time>/<address>
    "arquivo.pt",  # Arquivo.pt, the Portuguese web archive: /wayback/<time>/<address>
    "webarchive.nationalarchives.gov.uk",  # the UK Government Web Archive: /ukgwa/<time>/<address>
    "webarchive.loc.gov",  # the Library of Congress Web Archives: /all/<time>/<address>
    "vefsafn.is",  # the Icelandic web archive: /is/<time>/<address>
    "wayback.vefsafn.is",  # its older address: /wayback/<time>/<address>
    "veebiarhiiv.digar.ee",  # the Estonian web archive: /a/<time>/<address>
)
WAYBACK = f"https://{WAYBACK_HOST}/web/"
# The Wayback Machine's copies as archive.org writes them too (`https://archive.org/web/2025/https://x.org/`,
# `http://archive.org/wait/...`): a copy kept by the web archive, where archive.org's other paths are uploads.
ARCHIVE_ORG = "archive.org"
ARCHIVE_ORG_WAYBACK = ("web", "wait")
ARCHIVES_NAMED = f"{', '.join(WEB_ARCHIVES)}, {ARCHIVE_ORG}/{ARCHIVE_ORG_WAYBACK[0]}/..."  # as a hint names them

Localized = dict[str, str]  # one text per archive language


_HOST_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?", re.IGNORECASE)  # ASCII: see `address_hint`
# A host whose last label is a number, decimal or `0x` hex, is an IPv4 address to a browser (the URL Standard's
# "ends in a number"): `127.1`, `0x7f.0.0.1` and `2130706433.` all reach 127.0.0.1 while showing another host.
_NUMERIC_LABEL = re.compile(r"[0-9]+|0x[0-9a-f]*", re.IGNORECASE)
_NOT_IN_URL = re.compile(r"[\s\x00-\x1f\x7f<>\"\\^`{}]")
# Why an address is refused, where it is no http(s) one at all: the hint each caller gives says what to write.
_UNSAID = ""


def is_http_url(value: Any) -> bool:
    """True for a full http(s) address that parses strictly: no space, control character, quote or brace
    anywhere; no user name or password; a host that is a DNS name in ASCII (labels of a-z, 0-9 and `-`, at
    least one dot: an internationalized name in its `xn--` form, not ending in a number), an IPv4 address in
    dotted decimal (not `127.1` or `0x7f.0.0.1`, which a browser also reads as one) or a bracketed IPv6
    address; a port, if any, from 1 to 65535.
    `https://[example.org`, `http://a:99999/`, `https://exa mple.org/`, `https://user:pass@host/` and
    anything that is not text are not. The one test of every address in content: articles (`schema`),
    curated data, the importer's country names."""
    return _refusal(value) is None


def _refusal(value: Any) -> str | None:
    """Why `is_http_url` refuses `value`, as a hint its writer can follow (`_UNSAID` where the address is no
    http(s) one at all), or None."""
    if not isinstance(value, str):
        return _UNSAID
    value = value.strip()
    if found := _NOT_IN_URL.search(value):
        return f"it holds {found.group()!r}, which an address holds only %-escaped (a space as %20)"
    try:
        parts = urlsplit(value)
        hostname = parts.hostname
    except ValueError:  # a `[` not closed
        return "its host cannot be read: write the address as the browser shows it"
    if parts.scheme not in ("http", "https") or not hostname:
        return _UNSAID
    if "@" in parts.netloc:
        return (
            f"what comes before '@' is a user name or password, which a link hides, and the host is "
            f"{hostname}: write the page's address without it"
        )
    port = parts.netloc.rpartition("]")[2].rpartition(":")
    if port[1] and not (port[2].isascii() and port[2].isdigit() and 1 <= int(port[2]) <= 65535):
        return f"its port, {port[2]!r}, is not a number from 1 to 65535: write the address as the browser shows it"
    return _host_refusal(hostname, bracketed="[" in parts.netloc)


def _host_refusal(host: str, bracketed: bool) -> str | None:
    if bracketed:
        if "%" in host:  # a zone id names an interface of the reader's machine
            return "its IPv6 host names a network interface of the reader's own machine (after '%'): delete it"
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return f"its host in brackets, {host}, is not an IPv6 address"
        return None
    labels = host.rstrip(".").split(".")
    if _NUMERIC_LABEL.fullmatch(labels[-1]):  # only the dotted decimal form a browser would show for it
        try:
            ipaddress.IPv4Address(host)
        except ValueError:
            return (
                f"its host, {host}, ends in a number, which a browser reads as an IPv4 address that it does not "
                "show: write the site's name, or the address as four numbers (192.0.2.1)"
            )
        return None
    if not host.isascii():
        return _UNSAID  # told by `address_hint`, with the host's ASCII form
    if len(labels) < 2:
        return f"its host, {host}, is no site's whole name (it has no dot): write the site's name as in a browser"
    if len(host) > 253 or not all(_HOST_LABEL.fullmatch(label) for label in labels):
        return (
            f"its host, {host}, is no site's name: letters, digits and '-' between them, in parts of at most "
            "63 characters parted by dots"
        )
    return None


def address_hint(value: Any, hint: str) -> str:
    """`hint`, for an address `is_http_url` refuses, or why it refuses it (a user name, a port, a host a
    browser reads as another); for one refused only because its host is not ASCII, how to write it. A letter of
    another script can look like a Latin one (Cyrillic `ѕ`, `а` in `vietnamplus.vn`): the archive shows and
    links every host in its ASCII form, so that a reader sees the site it really is."""
    if isinstance(value, str) and "://" not in value and is_http_url("https://" + value.strip().lstrip("/")):
        scheme = "https:" if value.strip().startswith("//") else "https://"
        plain = scheme.replace("https", "http")
        return f"{hint}: it has no scheme; write `{scheme}` before it (`{plain}` where the site has no https)"
    if refusal := _refusal(value):
        return refusal
    try:
        host = urlsplit(value.strip()).hostname if isinstance(value, str) else None
    except ValueError:
        return hint
    if not host or host.isascii():
        return hint
    others = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in dict.fromkeys(host) if not c.isascii())
    try:
        ascii_form = host.encode("idna").decode("ascii")
    except UnicodeError:
        return f"its host has letters outside ASCII ({others}): write the host of the real site in ASCII"
    return (
        f"its host has letters outside ASCII ({others}), which can pass for others: "
        f"write it as {ascii_form}, the form readers are shown, after checking that it is the site meant"
    )


def another_site_shown(label: str, url: str, mailboxes: bool = True) -> str | None:
    """The host `label` writes the address of (`www.un.org`, `https://treaties.un.org/...`, a mailbox's `un.org`,
    unless `mailboxes` is False), where `label` is the text or title of a link to `url` (a body's link, a source's
    title or publisher) and no host it writes is the site `url` is on (`shows_the_site`); else None. The one test
    of what a link shows, in a body (`markdown._shows_another_site`) and in a source's label alike."""
    shown = shown_hosts(label, mailboxes=mailboxes)
    if not shown:
        return None
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return None
    return None if any(shows_the_site(site, host) for site in shown) else shown[0]


def shows_the_site(shown: str, host: str) -> bool:
    """Whether words that show the host `shown` show the site at `host`: the same host (as `same_host` compares
    them: `www.`, letter case, the `xn--` form), or a site under it (`un.org` for press.un.org), whose owner is
    `shown`'s. Not under a public suffix (the Public Suffix List's, its private part too: `co.uk`, `gov.pl`,
    `github.io`), whose sites have as many owners; nor a host that merely ends with its letters
    (`un.org.evil.example`), nor the site above it (`press.un.org` shown, `un.org` reached: another page than the
    words say, written as `un.org`)."""
    shown, host = same_host(shown), same_host(host)
    return shown == host or (host.endswith(f".{shown}") and not _is_public_suffix(shown))


@cache
def _is_public_suffix(host: str) -> bool:
    """Whether `host` (as `same_host` writes it, `xn--` labels too) is a public suffix. The list `tld` searches
    writes a suffix of letters outside ASCII in those letters alone (`公司.cn`, `政府.hk`), so its `xn--` form was no
    suffix and any site under it showed the suffix's."""
    with contextlib.suppress(UnicodeError):  # a label IDNA 2003 cannot read: as written
        host = host.encode("ascii").decode("idna")
    return is_tld(host, search_private=True)


def another_site_hint(name: str) -> str:
    """How to write a source's `name` (`title`, `publisher`) that shows another site than its address."""
    return (
        f"a source's {name} is the text of the link to it: name it in words (`United Nations`), or give as `url:` "
        "the page it names"
    )


def same_address(url: str) -> str:
    """`url` as compared with another, so that two spellings of one page of one site are one source.

    What a reader's browser would reach at either address is the same document, so these do not tell them
    apart: the scheme (`http` and `https` of one site serve one page), a port that is the scheme's default
    (`:443`, `:80`), the host's letter case, a final dot (`example.org.`), a leading `www.`, an internationalized
    host and its `xn--` form, user name or password, the fragment, a final `/` (so `/` and no path), and
    percent-escapes of letters, digits and `-._~` (`%7E` is `~`) or in lower-case hex. The path's letter case
    and the query (other than an empty `?`) are the page's own and are kept."""
    parts = urlsplit(url.strip())
    try:
        port = parts.port
    except ValueError:
        port = None
    port_part = "" if port in (None, _DEFAULT_PORTS.get(parts.scheme.lower())) else f":{port}"
    path = _PERCENT_ESCAPE.sub(_normal_escape, parts.path).rstrip("/")
    query = _PERCENT_ESCAPE.sub(_normal_escape, parts.query)
    return f"//{same_host(parts.hostname or '')}{port_part}{path}" + (f"?{query}" if query else "")


_DEFAULT_PORTS = {"http": 80, "https": 443}
_PERCENT_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def _normal_escape(match: re.Match[str]) -> str:
    """`%7e` -> `~` (a character that needs no escape), `%2f` -> `%2F` (one that does, in upper-case hex)."""
    character = chr(int(match.group(1), 16))
    return character if character in _UNRESERVED else match.group(0).upper()


def same_host(host: str) -> str:
    """`WWW.Bücher.example.` -> `xn--bcher-kva.example`: the host as DNS resolves it, without `www.`."""
    host = host.rstrip(".").lower()
    if ":" in host:  # an IPv6 address, bracketed as in the address
        return f"[{host}]"
    host = _ascii_host(host)
    return host.removeprefix("www.") if host.count(".") >= 2 else host


def _ascii_host(host: str) -> str:
    """The `xn--` form of a host, as browsers and markdown-it write it (IDNA 2008, UTS 46 not transitional: `faß.de`
    is `xn--fa-hia.de`, where IDNA 2003 made it `fass.de`, another site, and `[faß.de](https://fass.de/)` passed); IDNA
    2003's for a name IDNA 2008 refuses; as written for one neither can write (an empty or long label)."""
    if host.isascii():
        return host
    with contextlib.suppress(UnicodeError):  # idna.IDNAError is one
        return idna.encode(host, uts46=True, transitional=False).decode("ascii")
    with contextlib.suppress(UnicodeError):
        return host.encode("idna").decode("ascii")
    return host


def archived_copy_problem(url: str) -> tuple[str, str] | None:
    """Why the http(s) address `url`, given as a source's `archived:` copy, is none a page may show as such:
    (message, hint), or None. A copy kept by one of WEB_ARCHIVES, not its home page; any other host passed, and
    the pages showed a page of any site as the source's "archived copy"."""
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    segments = parts.path.split("/")  # `/web/2025/...`: "", "web", "2025", ...
    wayback = same_host(host) == ARCHIVE_ORG and len(segments) > 1 and segments[1] in ARCHIVE_ORG_WAYBACK
    if same_host(host) not in map(same_host, WEB_ARCHIVES) and not wayback:
        return f"is kept by {host}, which is no public web archive", ARCHIVED_HINT
    if is_home_page(url) or (wayback and not any(segments[2:])):  # `archive.org/web/`: the Wayback Machine's
        return "is the archive's home page, not its copy of the source", ARCHIVED_HINT
    return None


ARCHIVED_HINT = (
    f"give the address of the copy you opened in a public web archive: {ARCHIVES_NAMED}; or leave `archived:` out, "
    "and the page offers a lookup in the Wayback Machine"
)


def is_home_page(url: str) -> bool:
    """`https://www.itweb.co.za/`: a whole site, which states no fact by itself."""
    parts = urlsplit(url.strip())
    return not parts.path.strip("/") and not parts.query


def said(value: Any) -> bool | None:
    """The yes (True) or no (False) a value that is neither true nor false says in words or figures (`no`, `nie`,
    `1`), or None: what a field of true or false was meant to be."""
    text = str(value).strip().casefold() if isinstance(value, str | int) and not isinstance(value, bool) else ""
    return False if text in _SAID_NO else True if text in _SAID_YES else None


def wayback_url(url: str, day: date) -> str:
    """A lookup of `url` in the Wayback Machine as of `day`: it redirects to the closest capture, if there is one.
    Nobody checked that there is: a page offers it as a lookup, never as an archived copy (that is `archived:`)."""
    return f"{WAYBACK}{day:%Y%m%d}/{url}"


@dataclass(frozen=True)
class Citation:
    url: str
    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    accessed: date | None = None
    archived: str | None = None
    note: Localized | None = None
    lang: str | None = None  # the page's language, where the record says it: its title is shown marked so

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or self.url

    @property
    def wayback_lookup(self) -> str | None:
        """A lookup in the Wayback Machine as of the access date (None without one); no archived copy: an archived
        copy is `archived`, the one the contributor gave."""
        return wayback_url(self.url, self.accessed) if self.accessed else None

    @property
    def has_provenance(self) -> bool:
        return bool(self.publisher and self.accessed)

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form, for the open data."""
        return {
            "url": self.url,
            "title": self.title,
            "publisher": self.publisher,
            "published": self.published.isoformat() if self.published else None,
            "accessed": self.accessed.isoformat() if self.accessed else None,
            "archived": self.archived,  # as given: a lookup nobody checked is no archived copy
            "note": self.note,
            "lang": self.lang,
        }


@dataclass(frozen=True)
class Correction:
    date: date
    change: Localized
    reason: Localized | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "change": self.change, "reason": self.reason}


class Fields(Record):
    """Reads provenance fields of one record, raising ContentError with the record's label and line.

    `label` goes before the field (`VN.sources.0`); `prefix` before the message (`event 'x': ...`).
    """

    def day(self, keys: Sequence[Key], value: Any, today: date | None = None) -> date:
        if value is None:
            raise self.fail(keys, "is missing", "write the date as YYYY-MM-DD")
        if isinstance(value, datetime):
            value = value.date()
        if not isinstance(value, date):
            raise self.fail(keys, *read_date_problem(value, self.quoted(keys, value)))
        latest = today if today is not None else date.today() + timedelta(days=1)  # ahead where it was written
        if value > latest:
            raise self.fail(
                keys, f"{value.isoformat()} is after today ({(today or date.today()).isoformat()})", "check the year"
            )
        return value

    def text(self, keys: Sequence[Key], value: Any, hint: str) -> str:
        if value is not None and not isinstance(value, str):
            raise self.wrong_type(keys, value, "text")
        if value is None or not value.strip():
            raise self.fail(keys, "is empty" if value is not None else "is missing", hint)
        return " ".join(value.split())

    def localized(self, keys: Sequence[Key], value: Any, one_for_all: bool = False) -> Localized:
        """`{pl: ..., en: ...}`. One plain text stands for every language only where it is a name
        (`one_for_all`): a note, role or change written once is in one language, and the other language's
        pages would show it untranslated."""
        if isinstance(value, str):
            text = self.text(keys, value, "give the text")
            if one_for_all:
                return dict.fromkeys(LANGUAGES, text)
            raise self.fail(
                keys,
                "is one text: the other language's pages would show it untranslated",
                f"write `{keys[-1]}:` alone on its line, and under it, indented, one line per language: "
                f"`{'`, `'.join(f'{lang}: ...' for lang in LANGUAGES)}` (a quotation too, in each language's "
                "quotation marks)",
            )
        if not isinstance(value, dict):
            raise self.fail(
                keys,
                "is missing" if value is None else "must give one text per language",
                f"add `{keys[-1]}:`, and under it, indented, one line per language: `pl: ...`, `en: ...`",
            )
        for lang in value:
            if lang not in LANGUAGES:
                hint = meant_key(lang, LANGUAGES, value, f"use {' and '.join(LANGUAGES)}")[0]
                raise self.fail([*keys, lang], "is not an archive language", hint)
        return {
            lang: self.text([*keys, lang], value.get(lang), f"add the text in {lang}: `{lang}: ...`")
            for lang in LANGUAGES
        }

    def citation(self, keys: Sequence[Key], value: Any, today: date | None = None) -> Citation:
        if isinstance(value, str):
            self._url(keys, value)
            return Citation(url=value.strip())
        if not isinstance(value, dict):
            raise self.fail(keys, "must be an address or a mapping with `url:`", "url: https://...")
        checks = Checks()  # every problem of the source; none of a key a misspelt one was meant to be
        checks.unknown_keys(self, value, SOURCE_KEYS, where=keys, aliases=SOURCE_ALIASES)
        url = value.get("url")
        checks.attempt(self._url, [*keys, "url"], url)
        archived = value.get("archived")
        if archived is not None and not is_http_url(archived):
            checks.add(
                self.fail(
                    [*keys, "archived"],
                    f"{self.quoted([*keys, 'archived'], archived)} is not an http(s) address",
                    address_hint(archived, "the archived copy's URL"),
                )
            )
        elif archived is not None and (problem := archived_copy_problem(archived)):
            checks.add(self.fail([*keys, "archived"], *problem))
        text = {
            name: checks.attempt(self.text, [*keys, name], value[name], f"the source's {name}, as text")
            if value.get(name) is not None
            else None
            for name in ("title", "publisher")
        }
        for name in ("title", "publisher"):
            if text[name] and is_http_url(url) and (shown := another_site_shown(text[name], url)):
                message = f"shows the address of {shown}, and the link to the source goes to {urlsplit(url).hostname}"
                checks.add(self.fail([*keys, name], message, another_site_hint(name)))
        for name, hint in MAPPING_NEEDS.items():  # a misspelt key is told as such, and not this (`Checks.add`)
            if value.get(name) is None:
                checks.add(self.fail([*keys, name], "is empty" if name in value else "is missing", hint))
        published = (
            checks.attempt(self.day, [*keys, "published"], value["published"], today) if "published" in value else None
        )
        accessed = (
            checks.attempt(self.day, [*keys, "accessed"], value["accessed"], today) if "accessed" in value else None
        )
        if published and accessed and published > accessed:
            checks.add(
                self.fail(
                    [*keys, "published"],
                    f"{published.isoformat()} is after {accessed.isoformat()}, when the page was read (`accessed`)",
                    "a page is read after it is published: check both dates",
                )
            )
        note = checks.attempt(self.localized, [*keys, "note"], value["note"]) if "note" in value else None
        lang = checks.attempt(self.language_tag, [*keys, "lang"], value["lang"]) if "lang" in value else None
        checks.done()
        return Citation(
            url=url.strip(),
            title=text["title"],
            publisher=text["publisher"],
            published=published,
            accessed=accessed,
            archived=archived.strip() if archived else None,
            note=note,
            lang=lang,
        )

    def language_tag(self, keys: Sequence[Key], value: Any) -> str:
        """A source's `lang:`, a BCP 47 tag CLDR knows (`en`, `nl`, `sr-Latn`), as a body marks a passage."""
        hint = "the language of the page and its title, as a tag: `lang: en`, `lang: nl`, `lang: sr-Latn`"
        if not isinstance(value, str):
            raise self.fail(keys, f"{self.quoted(keys, value)} is not a language tag", hint)
        if problem := language_tag_problem(value.strip()):
            raise self.fail(keys, problem, hint)
        return value.strip()

    def _url(self, keys: Sequence[Key], url: Any) -> None:
        if url is None:
            raise self.fail(keys, "is missing", "add `url: https://...`, the address of the page that states it")
        if not is_http_url(url):
            raise self.fail(
                keys,
                f"{self.quoted(keys, url)} is not an http(s) address",
                address_hint(url, "give the full https://... address"),
            )
        self._not_home_page(keys, url)

    def _not_home_page(self, keys: Sequence[Key], url: str) -> None:
        if is_home_page(url):
            raise self.fail(
                keys, f"{url!r} is a site's home page, not the page that states the fact", "give the page's own address"
            )

    def citations(self, keys: Sequence[Key], value: Any, today: date | None = None) -> tuple[Citation, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.fail(keys, "must be a list of sources", "start each source with `- url: https://...`")
        checks = Checks()
        found = tuple(checks.attempt(self.citation, [*keys, index], item, today) for index, item in enumerate(value))
        checks.attempt(self.cited_once, keys, value, found)
        checks.done()  # every source's problems
        return found

    def cited_once(self, keys: Sequence[Key], value: list, found: Sequence[Citation | None]) -> None:
        """One page listed twice among one fact's sources (`http://`, `www.` or a final `/` apart): a reader
        would see it twice, with what each copy says apart. Each repeat is told at its address."""
        first: dict[str, int] = {}
        checks = Checks()
        for index, citation in enumerate(found):
            if citation is None:
                continue
            earlier = first.setdefault(same_address(citation.url), index)
            if earlier != index:
                where = [*keys, index, "url"] if isinstance(value[index], dict) else [*keys, index]
                line = self.file.line(*self.base, *keys, earlier)
                checks.add(
                    self.fail(
                        where,
                        f"cites {citation.url} again: source {earlier + 1}, on line {line}, is that page",
                        "cite a page once: delete this source, after moving what it says that the other does "
                        "not into the other's `note:`",
                    )
                )
        checks.done()

    def verified(self, keys: Sequence[Key], value: Any) -> bool:
        if value is None:
            return True
        if value is not True and value is not False:  # 0 and 1 are no answer: YAML reads `false` as false
            meant = said(value)
            if meant is True:
                hint = "write `verified: true`, or delete the line: what the sources confirm needs none"
            elif meant is False:
                hint = "write `verified: false`: a `note:` says why the sources do not confirm it"
            else:
                hint = "write `verified: false` where the sources do not confirm it, or delete the line where they do"
            raise self.fail(keys, f"{self.quoted(keys, value)} is not true or false", hint)
        return value

    def corrections(self, keys: Sequence[Key], value: Any, today: date | None = None) -> tuple[Correction, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.fail(
                keys,
                "must be a list",
                "one item per change: `- date: YYYY-MM-DD`, and under it `change: {pl: ..., en: ...}`",
            )
        checks = Checks()
        found = [checks.attempt(self.correction, [*keys, index], item, today) for index, item in enumerate(value)]
        checks.done()  # every correction's problems
        return tuple(sorted(found, key=lambda c: c.date))

    def correction(self, where: list[Key], item: Any, today: date | None) -> Correction:
        if not isinstance(item, dict):
            raise self.fail(where, "must be a mapping", "date:, change:, and optionally reason:")
        checks = Checks()
        checks.unknown_keys(self, item, CORRECTION_KEYS, where=where)
        correction = Correction(
            date=checks.attempt(self.day, [*where, "date"], item.get("date"), today),
            change=checks.attempt(self.localized, [*where, "change"], item.get("change")),
            reason=checks.attempt(self.localized, [*where, "reason"], item["reason"]) if "reason" in item else None,
        )
        checks.done()
        return correction
