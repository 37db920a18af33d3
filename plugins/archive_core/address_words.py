"""A source's address as the search index holds it: one word of `a-z` and `0-9`, the same however it is written.

`https://www.un.org/en/x#top` -> `w03org0302un0200002en002001x001`: after ADDRESS_WORD_LETTER, the host's labels from
the last (`org`, then `un`: a domain is the start of its subdomains' words), each between its length in two figures, so
that a domain typed is the start of its own and its subdomains' words only, never of a longer label's (`un.org` is not
the start of `un.organic.net`'s word, nor `un.or` of `un.org`'s); `www.` left out (not of `www.org`, a site's name);
`00` closes the host; then the path's segments, each between its length in three figures, so that a path typed is
the start of its own and the paths under it only, never of a longer segment's (`un.org/en/hanoi` is not the start of
`un.org/en/hanoi-convention`'s word); then `000` and the query, whole, so between its length too; never the fragment.
A path typed cut short with an ellipsis (`un.org/en/hanoi-conv…`, as a post or a chat shows a long link) is its
segments before the cut one (`typed_address_word`). Percent-escapes are decoded and punycode hosts encoded
(`xn--d-uga0v4h.example` and `łódź.example`; `%C4%99` and `ę`), the letters outside ASCII then written as their UTF-8
bytes in hex, so that an address pasted from a browser's bar, a page's link or a chat is one word, whichever form the
source writes. An IPv6 host is one label of its 32 hex figures (`ipaddress`'s exploded form), however it is written.

theme/static/js/address-words.js (`addressWords`) writes a typed address so: keep the two alike
(tests/test_address_words.py runs both on the same addresses).
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from contextlib import suppress
from urllib.parse import unquote

# The word's first letter (address-words.js holds the same).
ADDRESS_WORD_LETTER = "w"
HOST_END = "00"  # no label has no letters: what follows is the path
QUERY_START = "000"  # nor has a segment
SEGMENT_LENGTH_FIGURES = 3
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_HOST_AND_REST = re.compile(r"^([^/?]*)(.*)$", re.DOTALL)
# The run of punctuation that ends a typed address (an ellipsis that cuts it short is in it: `…)`), and the run of what
# is no letter or figure. Each starts after a letter or figure (`/` too for the first) or at the start, a lookbehind:
# a pattern tried from each place in a run read it to its end from each (the square of its length).
_LAST_PUNCTUATION = re.compile(r"(?<![^\w/])[^\w/]*$")
_TRAILING_NOT_WORD = re.compile(r"(?<![\W_])[\W_]+$")
_PORT = re.compile(r":[0-9]*$")
_MALFORMED_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")


def address_word(url: str, whole: bool = True) -> str:
    """`https://www.un.org/en/x/#top` -> `w03org0302un0200enx`; `whole=False`: the host's part only, which is the start
    of the words of its own addresses and of its subdomains' (`w03org0302un02`)."""
    bare = _SCHEME.sub("", url.strip()).split("#", 1)[0]
    host, rest = _HOST_AND_REST.match(bare).groups()
    word = ADDRESS_WORD_LETTER + _held_host(host)
    return word + HOST_END + _held_rest(rest) if whole else word


def typed_address_word(typed: str) -> str:
    """A typed address as the search page searches it: its host's part alone where it names no path or query (a
    domain, `un.org/`), else the whole; cut short (`un.org/en/hanoi-conv…`), without its last segment or query."""
    run = _LAST_PUNCTUATION.search(typed).start()
    if found := [at for at in (typed.find("…", run), typed.find("...", run)) if at >= 0]:
        typed = re.sub(r"[/?][^/?]*$", "", typed[: min(found)])
    typed = _TRAILING_NOT_WORD.sub("", typed.strip())
    bare = _SCHEME.sub("", typed).split("#", 1)[0]
    rest = _HOST_AND_REST.match(bare).group(2)
    return address_word(typed, whole=bool(_held_rest(rest)))


def decoded(text: str) -> str:
    """`text` with its percent-escapes decoded (UTF-8), NFC; as written where one is not a valid escape, as
    JavaScript's `decodeURIComponent` refuses it (`100%`, `%C4` alone)."""
    if not _MALFORMED_ESCAPE.search(text):
        with suppress(UnicodeDecodeError):  # not UTF-8: as written
            text = unquote(text, errors="strict")
    return unicodedata.normalize("NFC", text)


def _held_host(host: str) -> str:
    """The host's labels from the last, each between its length, `www.` left out: `www.un.org` -> `03org0302un02`.
    An IPv6 address (`[2001:db8::1]`) is one label of its 32 hex figures, however it is written."""
    host = _PORT.sub("", host.rsplit("@", 1)[-1])
    name = decoded(host).lower().rstrip(".")
    if name.startswith("[") and name.endswith("]"):
        with suppress(ValueError):
            name = ipaddress.IPv6Address(name[1:-1]).exploded
    # IDNA 2003 (nameprep): `łódź.example` -> `xn--d-uga0v4h.example`; a host it refuses (an empty label, a character
    # it does not know) as written.
    with suppress(UnicodeError):
        name = name.encode("idna").decode("ascii")
    labels = [held for label in name.split(".") if (held := _held_text(label))]
    if len(labels) > 2 and labels[0] == "www":  # `www.org` is a site's name, not the domain `org`
        labels = labels[1:]
    return "".join(f"{len(label):02d}{label}{len(label):02d}" for label in reversed(labels))


def _held_rest(rest: str) -> str:
    """The path's segments, each between its length (`/en/x-y/` -> `002en002003xy003`), then QUERY_START and the query
    so, where it has one; each decoded after the path is cut at its `/`, so that an escaped `%2F` cuts no segment."""
    path, _, query = rest.partition("?")
    segments = [_framed(_held_text(decoded(segment))) for segment in path.split("/")]
    held_query = _held_text(decoded(query))
    return "".join(segments) + (QUERY_START + _framed(held_query) if held_query else "")


# The longest segment (or query) held whole; a longer one is held by its first so many letters and figures: its length
# written in more figures (`1000`) made a shorter segment starting with `0` the start of its word.
SEGMENT_MAX_HELD = 10**SEGMENT_LENGTH_FIGURES - 1


def _framed(held: str) -> str:
    """`held` (its first SEGMENT_MAX_HELD) between its length in SEGMENT_LENGTH_FIGURES figures; nothing for no letter
    or figure."""
    held = held[:SEGMENT_MAX_HELD]
    length = f"{len(held):0{SEGMENT_LENGTH_FIGURES}d}"
    return f"{length}{held}{length}" if held else ""


def _held_text(text: str) -> str:
    """The letters and figures of `text`, lowercase, each outside ASCII as its UTF-8 bytes in hex (`ę` -> `c499`)."""
    return "".join(
        char if char.isascii() else char.encode("utf-8", "surrogatepass").hex()
        for char in text.lower()
        if char.isalnum()
    )
