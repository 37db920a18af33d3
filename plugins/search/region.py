"""The text Pagefind indexes on a built page: inside `data-pagefind-body`, outside `data-pagefind-ignore`."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_NOT_TEXT = frozenset({"script", "style", "template", "noscript"})


@dataclass(frozen=True)
class IndexedRegion:
    indexed: bool  # the page has a data-pagefind-body element
    lang: str | None
    text: str


class _RegionParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, opens the body, opens an ignored part)
        self.indexed = False
        self.lang: str | None = None
        self.chunks: list[str] = []

    @property
    def _inside_body(self) -> bool:
        return any(body for _, body, _ in self.stack)

    @property
    def _ignored(self) -> bool:
        return any(ignored for _, _, ignored in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "html":
            self.lang = names.get("lang")
        if tag in _VOID:
            return
        body = "data-pagefind-body" in names
        self.indexed = self.indexed or body
        self.stack.append((tag, body, "data-pagefind-ignore" in names or tag in _NOT_TEXT))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if self._inside_body and not self._ignored:
            self.chunks.append(data)


def indexed_region(html: str) -> IndexedRegion:
    parser = _RegionParser()
    parser.feed(html)
    parser.close()
    return IndexedRegion(parser.indexed, parser.lang, " ".join(" ".join(parser.chunks).split()))
