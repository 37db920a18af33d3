"""The line a body's problem is told at is the one its link or attribute is written on (`markdown.Lines`).

Each link's line was found by searching its block's lines for its address, from one place per block shared by all
its addresses, counting the address wherever a line held it, inside another too: with `https://e.org/` and
`https://e.org/a` on one line, or two addresses on one line and one of them again on the next, a problem on the
next line was told at the block's first.
"""

from __future__ import annotations

import pytest

from archive_core import markdown
from archive_core.body_checks import attribute_problems, links_inside_links, shows_nothing_problems, unread_links

# body: the lines its problems are told at, in the order they are written
E_ORG = "[e.org](https://e.org/) [e.org/a](https://e.org/a)"
LINKS = {
    "an address written inside another": (f"{E_ORG}\n[un.org](https://e.org/a)\n", [2]),
    "two addresses, then one again": (
        "[a](https://x.org/1) [b](https://y.org/)\n[un.org](https://y.org/)\n",
        [2],
    ),
    "the longer address first": ("[e.org/a](https://e.org/a) [x](https://e.org/)\n[un.org](https://e.org/)\n", [2]),
    "one address thrice": ("[a](https://e.org/) [b](https://e.org/)\nand [un.org](https://e.org/)\n", [2]),
    "a link's text over two lines": ("See [the page\nof un.org](https://e.org/x)\n", [2]),
    "an address spelt with an entity, after it as written": ("[a](javascript:x) and\n[b](&#106;avascript:x)\n", [1, 2]),
    "a reference used on its paragraph's second line": ("Text and\n[the page][p].\n\n[p]: javascript:alert(1)\n", [2]),
    "an image's address": ("![a](https://e.org/a.png)\n![b](https://e.org/a.png)\n", [1, 2]),
    "an autolink": ("<https://e.org/a> and\n<https://evil.example@e.org/a>\n", [2]),
    "in a quotation": (f"> {E_ORG}\n> [un.org](https://e.org/a)\n", [2]),
    "in a list item": (f"- {E_ORG}\n  [un.org](https://e.org/a)\n", [2]),
    "in a table's cell": (f"| a | b |\n| - | - |\n| {E_ORG} | x |\n| [un.org](https://e.org/a) | y |\n", [4]),
}


@pytest.mark.parametrize(("body", "lines"), LINKS.values(), ids=LINKS.keys())
def test_a_links_problem_is_told_at_the_line_it_is_written_on(body, lines):
    tokens = markdown.parse(body)
    assert [link.line for link in markdown.unsafe_links(tokens, body)] == lines


def test_an_empty_links_line_is_the_one_it_is_written_on():
    body = "[a](https://e.org/a) [b](https://e.org/)\n[](https://e.org/)\n"
    assert [problem.line for problem in shows_nothing_problems(markdown.parse(body), body)] == [2]


def test_an_attributes_line_is_the_one_it_is_written_on():
    body = "[a]{lang=xx-bad-tag-x} [b]{dir=up}\n[c]{dir=down}\n"
    assert [problem.line for problem in attribute_problems(markdown.parse(body), body)] == [1, 1, 2]


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        ("<https://e.org/> and\n[the UN, <https://e.org/>](https://www.un.org/)\n", [2]),
        ("A note ^[one] and\n[see ^[two] here](https://www.un.org/)\n", [2]),
    ],
)
def test_a_link_inside_a_links_text_is_told_at_the_line_it_is_written_on(body, lines):
    assert [problem.line for problem in links_inside_links(markdown.parse(body))] == lines


# A link Markdown reads as text was looked for by how it is written (`](https://e.org/a`), and found at a link to the
# same address that Markdown read, a line above.
@pytest.mark.parametrize(
    ("body", "lines"),
    [
        ("A [report](https://e.org/a) here.\nAnd [b](https://e.org/a b) there.\n", [2]),
        ("[a](https://e.org/a) [b]( https://e.org/a)\n[c](https://e.org/a b) [d](https://e.org/a c)\n", [2, 2]),
        ("![a](https://e.org/a.png)\nand [b](https://e.org/a.png x)\n", [2]),
        # The same words in a code span before it, which markdown-it read as code: found there, a line early
        ("Write `[b](https://e.org/a b)`\nnot [b](https://e.org/a b).\n", [2]),
        ("`[b](https://e.org/a b)` and\n`[b](https://e.org/a b)`, then\n[b](https://e.org/a b)\n", [3]),
        # Written otherwise (an entity) before one written as shown: the latter is told, at its own line
        ("[a]&#40;https://e.org/a b) and\n[b](https://e.org/a b)\n", [2]),
    ],
)
def test_a_link_markdown_reads_as_text_is_told_at_the_line_it_is_written_on(body, lines):
    assert [problem.line for problem in unread_links(markdown.parse(body))] == lines


def test_only_a_block_showing_a_links_brackets_has_its_texts_placed():
    """Placing each text (`markdown._text_places`) is work at each place of a block's text, for `unread_links`,
    which reads only a block holding `](`: the other blocks of every build are spared it (issue 17)."""
    tokens = markdown.parse("Plain *words*, `code` and \\* a mark.\n\nA [b](https://e.org/a b) shown.\n")
    plain, shown = (block.children for block in tokens if block.type == "inline")
    assert [token.content for token in plain if "at" in token.meta] == []
    assert all("at" in token.meta for token in shown if token.type == "text")
