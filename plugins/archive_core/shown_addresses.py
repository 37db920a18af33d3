"""Links whose text is their own address (`<https://example.org/a>`, `[example.org/a](https://example.org/a/)`).

On paper the theme prints a link's address after its text (site.css, `@media print`); such a link would print
it twice. The renderer marks it with the class `shows-address`, which the print style leaves alone.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

SHOWS_ADDRESS = "shows-address"
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_SHOWN_TOKENS = frozenset({"text", "code_inline", "softbreak"})
_SHOWN_ADDRESS = re.compile(r"(?:https?://|www\.)", re.IGNORECASE)


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


def shown_host(text: str) -> str | None:
    """The host a link's text names when it is written as an address (`https://www.un.org/x`, `www.un.org`), which
    a reader takes the link to go to; None for words."""
    text = text.strip()
    if not _SHOWN_ADDRESS.match(text) or any(character.isspace() for character in text):
        return None
    try:
        return urlsplit("//" + _SCHEME.sub("", text, count=1)).hostname
    except ValueError:  # `https://[x`: no host a reader could take it for
        return None


def mark_links_showing_their_address(state) -> None:
    """A markdown-it core rule: every link whose whole text is its address gets the class SHOWS_ADDRESS. A link's
    text is read from its own tokens on, never from a copy of the rest of its paragraph (`children[index + 1:]`):
    20,000 links in one paragraph took 18 s."""
    for token in state.tokens:
        children = token.children or []
        for index, child in enumerate(children):
            if child.type != "link_open":
                continue
            shown = []
            for inner in (children[at] for at in range(index + 1, len(children))):
                if inner.type == "link_close":
                    break
                if inner.type not in _SHOWN_TOKENS:
                    shown = None  # an image, emphasis...: words of their own, not an address
                    break
                shown.append(inner.content if inner.type != "softbreak" else " ")
            if shown is None:
                continue
            child.meta["text"] = "".join(shown)  # for `shown_host`: a link may not show another site's address
            if shows_its_address(child.meta["text"], str(child.attrGet("href") or "")):
                child.attrJoin("class", SHOWS_ADDRESS)
