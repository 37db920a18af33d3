"""Footnotes the page would not show: mdit-py-plugins keeps only the last definition of a label, and none that the
text does not refer to, dropping the others silently. A body is the source's text, verbatim: each one is kept as a
token that shows nothing (`NOT_SHOWN`), for `body_checks` to refuse at its line."""

from __future__ import annotations

from markdown_it.token import Token

NOT_SHOWN = "not_shown"  # meta: message, hint


def footnotes_not_shown(state) -> None:
    """A core rule, before the plugin's `footnote_tail` (which moves the definitions to the end, and drops some)."""
    referenced = {
        child.meta.get("label")
        for token in state.tokens
        if token.type == "inline"
        for child in token.children or ()
        if child.type == "footnote_ref"
    }
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
