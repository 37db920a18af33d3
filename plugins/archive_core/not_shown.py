"""Text of a body that markdown-it would leave out of the page, silently: a body is the source's text, verbatim.

Each is kept as a token that shows nothing (`NOT_SHOWN`, with a message and a hint), for `body_checks` to refuse
at its line: a footnote whose label is defined again (mdit-py-plugins keeps the last definition) or that the text
never refers to (it keeps none of those), a link reference definition likewise (CommonMark keeps the first; one
never used is never shown), and a table row with more cells than the table's header (GFM drops the cells past the
header's).
"""

from __future__ import annotations

import re

from markdown_it.rules_block.table import escapedSplit, getLine, table
from markdown_it.token import Token

NOT_SHOWN = "not_shown"  # meta: message, hint
_LABEL = re.compile(r" {0,3}(\[(?:[^\]\\]|\\.)*\]):")  # a link reference definition's label, on its first line


def footnotes_not_shown(state) -> None:
    """A core rule, before the plugin's `footnote_tail` (which moves the definitions to the end, and drops some)."""
    referenced = _labels(state.tokens, ("footnote_ref",))
    definitions = [(index, token.meta["label"]) for index, token in enumerate(state.tokens)
                   if token.type == "footnote_reference_open"]  # fmt: skip
    last = {label: index for index, label in definitions}
    before: dict[int, Token] = {}  # a token to put before the token at this index
    for index, label in definitions:
        if last[label] != index:
            later = _map(state.tokens, last[label])
            problem = (
                f"defines the footnote [^{label}] again{f' on line {later[0] + 1}' if later else ''}: the page "
                "would show only the last one",
                "give each footnote a label of its own: [^1], [^2]",
            )
        elif label not in referenced:
            problem = (
                f"has the footnote [^{label}], which the text never refers to: the page would not show it",
                f"mark where it belongs with [^{label}], as the source does",
            )
        else:
            continue
        meta = {"message": problem[0], "hint": problem[1]}
        before[index] = Token(NOT_SHOWN, "", 0, map=_map(state.tokens, index), meta=meta)
    if before:  # one new list: an insert per footnote took time in the number of footnotes times the tokens
        state.tokens = [new for index, token in enumerate(state.tokens) for new in (before.get(index), token) if new]


def _map(tokens: list[Token], index: int) -> list[int] | None:
    """The body lines of the footnote definition opened at `index` (its first block's)."""
    return next((token.map for token in tokens[index + 1 : index + 3] if token.map), None)


def table_keeping_every_cell(state, start: int, end: int, silent: bool) -> bool:
    """markdown-it's table rule (`md.block.ruler.at("table", ...)`), and a `NOT_SHOWN` token after a table a row of
    which has more cells than its header: the first such row, split into cells as the rule splits it."""
    first = len(state.tokens)
    if not table(state, start, end, silent):
        return False
    header = sum(token.type == "th_open" for token in state.tokens[first:])
    for line in range(start + 2, state.line) if not silent else ():
        cells = escapedSplit(getLine(state, line).strip())
        cells = cells[1:] if cells[:1] == [""] else cells
        cells = cells[:-1] if cells[-1:] == [""] else cells
        if any(cell.strip() for cell in cells[header:]):
            token = state.push(NOT_SHOWN, "", 0)
            token.map = [line, line + 1]
            token.meta = {
                "message": f"has a table row of {len(cells)} cells under a header of {header}: the page would leave "
                f"out the last {len(cells) - header}",
                "hint": "give the header a cell for each column, or join the row's extra cells (a `|` in a cell "
                "is written `\\|`)",
            }
            break
    return True


def references_not_shown(state) -> None:
    """A core rule, after `inline`: a link reference definition used by no link or image, or defined again."""
    used = _labels(state.tokens, ("link_open", "image"))
    found = [
        (reference["map"], "defines the link {} again: links to it go to the first address")
        for reference in state.env.get("duplicate_refs", ())
    ]
    found += [
        (reference["map"], "defines the link {}, which no link uses: the page would not show it")
        for label, reference in state.env.get("references", {}).items()
        if label not in used
    ]
    lines = state.src.split("\n") if found else []
    hint = "write the address in the link, [text](https://...), or use the definition with [text][label]"
    for where, message in found:
        written = _LABEL.match(lines[where[0]])  # as written: markdown-it keeps it in capitals, spaces collapsed
        meta = {"message": message.format(written.group(1) if written else "reference"), "hint": hint}
        state.tokens.append(Token(NOT_SHOWN, "", 0, map=where, meta=meta))


def _labels(tokens: list[Token], types: tuple[str, ...]) -> set[str]:
    """The labels the inline tokens of these types refer to (`[^1]`, `[text][label]`)."""
    return {
        child.meta.get("label")
        for token in tokens
        if token.type == "inline"
        for child in token.children or ()
        if child.type in types
    }
