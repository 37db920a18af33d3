"""Links whose text is their own address (`<https://example.org/a>`, `[example.org/a](https://example.org/a/)`).

On paper the theme prints a link's address after its text (site.css, `@media print`); such a link would print
it twice. The renderer marks it with the class `shows-address`, which the print style leaves alone.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import icu
from tld import is_tld

if TYPE_CHECKING:
    from markdown_it.token import Token

SHOWS_ADDRESS = "shows-address"
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_SHOWN_TOKENS = frozenset({"text", "text_special", "code_inline"})  # what a reader reads of a link's text
_BREAKS = frozenset({"softbreak", "hardbreak"})
_PLAIN_TOKENS = frozenset({"text", "code_inline", "softbreak"})


def _address_form(address: str) -> str:
    """An address as a reader compares it: no scheme, no trailing slash, its host in lower case, its path decoded
    (`https://Example.org/a%20b/` and `example.org/a b` are one). A host in other letters than its link's ASCII
    form is another address: printed, the `xn--` form shows a host that passes for another (`vietnamplu\u0455.vn`)."""
    bare = _SCHEME.sub("", address.strip(), count=1)
    parts = urlsplit("//" + bare)
    host = (parts.hostname or "").lower()
    port = f":{parts.port}" if parts.port else ""
    query = f"?{parts.query}" if parts.query else ""
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return (host + port + unquote(parts.path + query + fragment)).rstrip("/")


def shows_its_address(text: str, href: str) -> bool:
    """Whether a link's text is its address, but for the scheme, a trailing slash, the host's letter case."""
    if not text.strip() or not href.lower().startswith(("http://", "https://")):
        return False
    try:
        return _address_form(text) == _address_form(href)
    except ValueError:  # not an address at all (`[::1` as text)
        return False


# What may stand around an address written in a sentence: `(www.un.org)`, `„un.org”`, `un.org/x.`
AROUND_A_WORD = "()[]{}<>\"'`«»„“”‘’‹›*_"
AFTER_A_WORD = ".,;:!?…"


def shown_hosts(text: str, mailboxes: bool = True) -> list[str]:
    """The hosts a link's text names by writing their addresses (`https://www.un.org/x`, `www.un.org`, `un.org/x`,
    `un.org`), each of which a reader takes the link to go to; none for words (`Node.js`, `m.in.`, `e.g.`). A
    mailbox's host too (`press@un.org`: un.org), which a reader takes the link to be of, unless `mailboxes` is
    False: a `mailto:` link's, whose mailbox shown is the one it writes to (`mail_links.mailto_problem`)."""
    text = _as_read(text)
    whole = text.strip().strip(AROUND_A_WORD).rstrip(AFTER_A_WORD)
    hosts = []
    for written in text.split():
        word = _bare(written)
        if host := (
            _host_shown_by(word, alone=word == whole) or _host_after_a_mark(word) or (mailboxes and _mailbox_host(word))
        ):
            hosts.append(host)
    return hosts


MAILTO = "mailto:"
# An e-mail address a link's text writes, as a reader reads one: a word of a name, `@` and a host with a dot.
_SHOWN_MAILBOX = re.compile(r"[^@]+@[^@]+\.[^@]+")
_MAILTO_WRITTEN = re.compile(re.escape(MAILTO), re.IGNORECASE)  # `Mailto:` too, a sentence's first word


def _bare(word: str) -> str:
    """A word of a text without what may stand around an address written in a sentence (`(un.org).`)."""
    return word.strip(AROUND_A_WORD).rstrip(AFTER_A_WORD).strip(AROUND_A_WORD)


def shown_mailboxes(text: str) -> list[str]:
    """The e-mail addresses a link's text writes (`press@un.org`, `mailto:press@un.org`)."""
    words = (word for word in _MAILTO_WRITTEN.sub(" ", text).split() if "@" in word)
    return [word for word in map(_bare, words) if _SHOWN_MAILBOX.fullmatch(word)]


def _mailbox_host(word: str) -> str | None:
    """The host of the mailbox `word` writes (`press@un.org`, `mailto:press@un.org`: un.org), as `_host_shown_by`
    reads a host written alone, or None."""
    mailbox = word[len(MAILTO) :] if word[: len(MAILTO)].lower() == MAILTO else word
    if not _SHOWN_MAILBOX.fullmatch(mailbox):
        return None
    return _host_shown_by(mailbox.rpartition("@")[2], alone=True)


# What may follow a host in an address, read with it: a port and the path's first mark (`:65535/`).
_AFTER_A_HOST = 7


def _host_after_a_mark(word: str) -> str | None:
    """The host of the first address `word` writes after a mark with no space before it (`UN:un.org`, `UN—un.org`,
    `PAP/un.org`; not `@`, an e-mail address's), for a word that shows none from its start; each read up to its
    host and what may follow it."""
    for run in _HOST_RUN.finditer(word):
        start, written = run.start(), run.group()
        if start == 0 or word[start - 1] == "@" or "." not in written or not written[0].isalnum():
            continue
        if not _ends_with_a_top_level_domain(written):  # most runs: no call made of them
            continue
        if host := _host_shown_by(word[start : run.end() + _AFTER_A_HOST], alone=False):
            return host
    return None


# A run of what a host may hold: letters and digits of any script (str.isalnum's), dots and hyphens.
_HOST_RUN = re.compile(r"(?:[^\W_]|[.-])+")


def _ends_with_a_top_level_domain(host: str) -> bool:
    """Whether the last label of `host` is a top-level domain: `рф`, `xn--p1ai`, or one in look-alike letters."""
    top = host.removesuffix(".").rpartition(".")[2].lower()
    if not (top.isalpha() or top.startswith("xn--")):
        return False
    return _is_top_level_domain(top) or _is_top_level_domain(_drawn_as_ascii(top))  # `рф` is `xn--p1ai` too


def _as_read(text: str) -> str:
    """`text` as a reader reads an address in it: without the characters no one sees (a soft hyphen, a zero-width
    space: the body is verbatim), its punctuation in ASCII where it is drawn alike (`：`, `／`, `．`). Letters and
    digits stay as written (`８０` is no port to a browser), and so does `。`, a full stop to a reader of Chinese
    (`上海。中国` is a sentence's end, not a host)."""
    if text.isascii():
        return text
    kept = (char for char in text if unicodedata.category(char) != "Cf")
    return "".join(map(_mark_as_read, kept))


def _mark_as_read(char: str) -> str:
    """A mark in ASCII where NFKC writes it in one (`：`), else as written: a letter or digit, or a mark NFKC
    writes in letters (`™`, TM), which would make it part of a host."""
    if char.isalnum():
        return char
    normalized = unicodedata.normalize("NFKC", char)
    return char if any(map(str.isalnum, normalized)) else normalized


def _host_shown_by(word: str, alone: bool) -> str | None:
    """The host `word` writes the address of, or None. An address with a scheme or `www.` is one wherever it
    stands; one written without (`un.org/x`) is a host of known top-level domain (`.org`, not `.js`), and
    in a sentence it shows more than a name: a path or port, or labels of two letters and more (not `m.in`)."""
    if _SCHEME.match(word) or word[:4].lower() == "www.":
        try:
            parts = urlsplit("//" + _SCHEME.sub("", word, count=1))
            host = parts.hostname
        except ValueError:  # `https://[x`: no host a reader could take it for
            return None
        # A user name written as a host (`https://www.un.org@evil.example/`) is the site a reader reads: what is
        # before the first `@`, which holds none (read once: no recursion on `www.a@www.a@...`).
        user = parts.netloc.partition("@")[0] if "@" in parts.netloc else ""
        return (_host_shown_by(user, alone=True) if user else None) or host
    # The host runs to the first character no host holds; whatever follows (`:x`, `—see`, `’s`) leaves the host what
    # a reader reads. A port is written in ASCII digits (`:٨٠` is 80 to str.isdecimal(), to no browser).
    cut = run.end() if (run := _HOST_RUN.match(word)) else 0
    host, after = word[:cut], word[cut:]
    if after[:1] == "@":  # an e-mail address (`press.office@un.org`): the name before its `@` is no site
        return None
    end = min((after.find(mark) for mark in "/?#" if mark in after), default=len(after))
    port = after[1:end] if after[:1] == ":" and after[1:end].isascii() and after[1:end].isdigit() else ""
    path = end < len(after)
    labels = host.removesuffix(".").split(".")
    if len(labels) < 2 or not all(map(_is_label, labels)):
        return None
    top = labels[-1].lower()
    if not _ends_with_a_top_level_domain(top):
        return None
    if not port and not path and top in FILE_EXTENSIONS:
        return None  # a file's name (`README.md`, `setup.py`), which no reader takes for a site
    shows_more = port or path or all(len(label) > 1 for label in labels)
    return host.removesuffix(".").lower() if alone or shows_more else None


# The extensions of files a text names that are top-level domains too (Moldova's, Paraguay's...): a word ending with
# one, and no scheme, `www.`, path nor port, names a file. Not those a site is named with far more often than a file
# (`.com`, `.pl` for Perl, `.ai`, `.cc`, `.io`).
FILE_EXTENSIONS = frozenset({"md", "py", "sh", "rs", "zip", "mov"})


def _is_label(label: str) -> bool:
    return 0 < len(label) < 64 and label.replace("-", "").isalnum() and not label.startswith("-")


_SPOOF_CHECKER = icu.SpoofChecker()


def _drawn_as_ascii(label: str) -> str:
    """`label` with each letter of another alphabet drawn as an ASCII one (`оrg`, its `о` Cyrillic) written as that
    one (ICU's confusables: `org`), the rest as it is; a letter drawn as none is kept (`рф`)."""
    if label.isascii():
        return label
    drawn = ((char, _SPOOF_CHECKER.getSkeleton(0, char)) for char in label)
    return "".join(char if char.isascii() or not skeleton.isascii() else skeleton for char, skeleton in drawn)


@cache
def _is_top_level_domain(label: str) -> bool:
    """`org`, `pl`, `рф`: a top-level domain of the Public Suffix List (tld's copy, a pinned dependency)."""
    return is_tld(label, search_private=False)


def _description(image: Token) -> str:
    """An image's description as a reader reads it: the link's name to a screen reader, and what a browser shows in
    the image's place where it does not load (`[![www.un.org](...)](https://evil.example/)` shows www.un.org)."""
    return "".join(child.content for child in image.children or () if child.type in _SHOWN_TOKENS)


def mark_links_showing_their_address(state) -> None:
    """A markdown-it core rule: every link whose whole text is its address gets the class SHOWS_ADDRESS, and
    every link keeps the text a reader sees of it in `meta["text"]` (for `shown_hosts`: a link may not show
    another site's address), emphasis, code and an image's description included. A link's text is read from its
    own tokens on, never from a copy of the rest of its paragraph (`children[index + 1:]`): 20,000 links in one
    paragraph took 18 s."""
    for token in state.tokens:
        children = token.children or []
        for index, child in enumerate(children):
            if child.type != "link_open":
                continue
            shown, plain = [], True
            for inner in (children[at] for at in range(index + 1, len(children))):
                if inner.type == "link_close":
                    break
                plain = plain and inner.type in _PLAIN_TOKENS  # emphasis, an image: more than an address
                if inner.type in _SHOWN_TOKENS:
                    shown.append(inner.content)
                elif inner.type in _BREAKS:
                    shown.append(" ")
                elif inner.type == "image":
                    shown.append(f" {_description(inner)} ")
            child.meta["text"] = "".join(shown)
            if plain and shows_its_address(child.meta["text"], str(child.attrGet("href") or "")):
                child.attrJoin("class", SHOWS_ADDRESS)
