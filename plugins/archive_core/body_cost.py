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
from itertools import islice

from .errors import Problem
from .frontmatter import SplitDocument

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


def markup_problem(doc: SplitDocument) -> Problem | None:
    """The first cap of `MARKUP_CAPS` that the body of `doc` goes over, at the line of its first character over."""
    body = doc.body
    for chars, cap, what, hint in MARKUP_CAPS:
        if sum(body.count(char) for char in chars) <= cap:
            continue
        line = doc.body_line + body.count("\n", 0, _offset_past(body, chars, cap))
        return Problem(
            str(doc.path),
            line,
            "body",
            f"holds more than {cap:,} {what}, more than an article's page needs: markdown-it would take seconds "
            "for each file of them",
            f"{hint}; or check that the file is really an article (the first one over {cap:,} is on this line)",
        )
    return None


def _offset_past(body: str, chars: str, cap: int) -> int:
    """The offset of the (`cap` + 1)th character of `chars` in `body`, which holds more than `cap` of them."""
    found = re.finditer(f"[{re.escape(chars)}]", body)
    return next(islice(found, cap, None)).start()
