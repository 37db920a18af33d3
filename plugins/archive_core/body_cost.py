"""How much Markdown markup a body may hold: the bound on the time markdown-it-py takes to read it.

markdown-it-py reads most text at 1 to 4 µs a byte (a file holds at most `paths.MAX_FILE_BYTES`), but some
characters cost it far more, each one tried as the opening of what it may start: a `[` (a link, an image, a
footnote, a marked passage) about 20 µs, an emphasis mark (`*`, `_`), a table's cell (`|`) or a line about 15 µs
(and a cell 1.5 KB of memory). A body of 1 MB of `[`
took `make check` 20 s, of `![` 23 s, and the 2,000,000 bytes a file holds twice as long. So each is counted before
markdown-it reads the body, and a body of more than `MARKUP_CAPS` allows is refused at the line of the first one
over: each cap is tens of times what a long real article holds (the archive's hold at most a few dozen `[`, no
emphasis mark, 150 lines), and together they keep the reading of any body to a few seconds. See docs/security.md.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice
from typing import SupportsIndex

from markdown_it.helpers import parseLinkDestination

from .errors import Problem
from .frontmatter import SplitDocument
from .markdown import markdown
from .tested_release import require_tested_release

_SPLIT_HINT = "a long article holds a few hundred at most: split the text into several articles"
# A table of every UN member state, ten columns, holds about 2,000 `|`; one of 3,000 rows is data, not a page's text.
_TABLE_HINT = (
    "a table of every state of the world holds about 2,000: keep a larger table's data in a file linked from the "
    "article ([the table]({static}/files/<name>.csv)), and in the text the rows a reader needs"
)

# (the characters counted together, the most a body may hold, what they are to the reader, what to do)
MARKUP_CAPS: tuple[tuple[str, int, str, str], ...] = (
    ("[", 20_000, "'[' (each opens a link, an image, a footnote or a marked passage)", _SPLIT_HINT),
    ("*_", 20_000, "emphasis marks ('*', '_')", _SPLIT_HINT),
    ("|", 20_000, "'|' (each ends a table's cell)", _TABLE_HINT),
    ("\n", 50_000, "lines", _SPLIT_HINT),  # an imported page of as many paragraphs as it may hold (20,000) makes 40,000
)
# Every character at which markdown-it stops reading plain text to try each of its inline rules (`<`, `!`, `&`,
# `{`, `:`, `-`, a backtick...), each tens of times the cost of a letter. Prose holds one in fifty or fewer.
MARKUP_CHARS_CAP = 200_000
# What markdown-it reads of links' addresses it does not take, counted by its own `parseLinkDestination` so that the
# count reads `<...>`, escapes, nesting and line ends as it does. An address that does not close is read again from
# each of the 32 `(` before it (its nesting): `[a](aaa…` or `[a](a\)a…` repeated without a space.
# The timings before and after each cap: docs/security.md, "No hang".
ADDRESS_CHARS_CAP = 1_000_000
_LINK_TARGET = re.compile(r"\]\(")
# The releases whose `parseLinkDestination` reads each character as `string[pos]`, as `_Reading` counts it. Another
# may read otherwise (a slice, a regular expression, `str.find`): the count would fall to a character an address
# and no body would be refused, silently. Refused until checked (`require_tested_markdown_it`).
MARKDOWN_IT_TESTED_VERSIONS = ("4.3.0",)


def require_tested_markdown_it() -> None:
    require_tested_release(
        "markdown-it-py",
        MARKDOWN_IT_TESTED_VERSIONS,
        "plugins/archive_core/body_cost.py",
        "check that its `markdown_it/helpers/parse_link_destination.py` still reads each character as `string[pos]`, "
        "which `_Reading` counts, and that tests/test_security_effort.py passes",
    )


require_tested_markdown_it()


def markup_problem(doc: SplitDocument) -> Problem | None:
    """The first cap the body of `doc` goes over (`MARKUP_CAPS`, then all markup characters, then what links'
    addresses make markdown-it read), at the line of its first character over."""
    body = doc.body
    for chars, cap, what, hint in MARKUP_CAPS:
        if sum(body.count(char) for char in chars) <= cap:
            continue
        return _costly(doc, _offset_past(body, chars, cap), f"holds more than {cap:,} {what}", hint, "one", cap)
    markup = markdown().inline.terminator_re
    if len(found := markup.findall(body)) > MARKUP_CHARS_CAP:
        offset = next(islice(markup.finditer(body), MARKUP_CHARS_CAP, None)).start()
        what = f"holds more than {MARKUP_CHARS_CAP:,} characters of markup ({_most_common(found)})"
        return _costly(doc, offset, what, _SPLIT_HINT, "one", MARKUP_CHARS_CAP)
    if (over := address_offset_past(body, ADDRESS_CHARS_CAP)) is not None:
        what = f"has links whose addresses run on for more than {ADDRESS_CHARS_CAP:,} characters (one ends at ')')"
        return _costly(doc, over, what, _SPLIT_HINT, "link", ADDRESS_CHARS_CAP)
    return None


def _costly(doc: SplitDocument, offset: int, what: str, hint: str, which: str, cap: int) -> Problem:
    return Problem(
        str(doc.path),
        doc.body_line + doc.body.count("\n", 0, offset),
        "body",
        f"{what}, more than an article's page needs: markdown-it would take seconds for each file of them",
        f"{hint}; or check that the file is really an article (the first {which} over {cap:,} is on this line)",
    )


def _most_common(found: list[str]) -> str:
    """The characters `found` holds most of, as a message names them: `'<', '&'`."""
    return ", ".join(repr(char) for char, _ in Counter(found).most_common(3))


def address_offset_past(body: str, cap: int) -> int | None:
    """The offset of the `](` at which what markdown-it reads of link addresses it does not take goes over `cap`
    characters, read by its own `parseLinkDestination` from each `](` (every one, as if a `[` opened it: an upper
    bound), the character it stopped at included. An address it takes is read once, as the rest of the body is, and
    not counted; one closed by the `)` after it makes a link that markdown-it reads past, and the `](`s inside it are
    not read again. None when it does not go over."""
    text = _Reading(body)
    total = 0
    link_end = 0
    for target in _LINK_TARGET.finditer(body):
        if target.start() < link_end:
            continue
        start = _past_spaces(body, target.end())
        address = parseLinkDestination(body, start, len(body))
        if address.ok:
            if body.startswith(")", after := _past_spaces(body, address.pos)):
                link_end = after
            continue
        # Read again, noting how far, only where it is refused: noting each character read costs the helper twice
        # its time, and most addresses are taken.
        text.farthest = start
        parseLinkDestination(text, start, len(body))
        total += min(text.farthest + 1, len(body)) - start
        if total > cap:
            return target.start()
    return None


class _Reading(str):
    """A body that notes the farthest character read of it: what markdown-it's helper read before it gave up."""

    farthest = 0

    def __getitem__(self, key: SupportsIndex | slice) -> str:
        if isinstance(key, int) and key > self.farthest:
            self.farthest = key
        return str.__getitem__(self, key)


def _past_spaces(body: str, offset: int) -> int:
    """The offset after the spaces, tabs and line ends at `offset`: what markdown-it's link rule skips around an
    address."""
    while offset < len(body) and body[offset] in " \t\n":
        offset += 1
    return offset


def _offset_past(body: str, chars: str, cap: int) -> int:
    """The offset of the (`cap` + 1)th character of `chars` in `body`, which holds more than `cap` of them."""
    found = re.finditer(f"[{re.escape(chars)}]", body)
    return next(islice(found, cap, None)).start()
