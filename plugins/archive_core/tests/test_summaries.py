"""A given summary: inline Markdown, one paragraph, its links as the body's, bounded on what a reader reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from markupsafe import Markup

from archive_core.articles import read_article
from archive_core.errors import ContentError

from .test_articles import GOOD, write


def plain_text(html: str) -> str:
    return Markup(html).striptags()  # noqa: S704 (the reader's own HTML, reduced to text)


SUMMARY_LINE = 5  # `summary:` goes after `lang: pl`, the file's fourth line


def with_summary(summary: str, article: str = GOOD) -> str:
    return article.replace("lang: pl\n", f"lang: pl\nsummary: {summary}\n")


def problems_of(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ContentError) as info:
        read_article(write(tmp_path, text))
    return [str(problem) for problem in info.value.problems]


def test_a_summary_is_rendered_as_inline_markdown(tmp_path):
    written = '"The *Hanoi* Convention, per [UNODC](https://www.unodc.org/)"'
    doc = read_article(write(tmp_path, with_summary(written)))
    assert doc.summary_html == (
        '<p>The <em>Hanoi</em> Convention, per <a href="https://www.unodc.org/">UNODC</a></p>\n'
    )
    assert plain_text(doc.summary_html) == "The Hanoi Convention, per UNODC"


def test_a_javascript_link_in_a_summary_is_refused_at_its_line_with_the_files_other_problems(tmp_path):
    text = with_summary('"Read [this](javascript:alert(1))"').replace("countries: [VN, NO, EU]", "countries: [XX]")
    text += "\nA [bad link](data:text/html,x).\n"
    path = tmp_path / "a.pl.md"
    told = problems_of(tmp_path, text)
    assert [problem.split(" (")[0] for problem in told] == [
        f"{path}:{SUMMARY_LINE}: summary: link target 'javascript:alert(1)' is not allowed",
        f"{path}:{SUMMARY_LINE + 2}: countries.0: 'XX' is not a known country code",
        f"{path}:{len(text.splitlines())}: body: link target 'data:text/html,x' is not allowed",
    ], told


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ('"[map](https://maps.example/x.png) ![map](https://maps.example/x.png)"', "loads from another site"),
        ('"[notes](notes/x.html)"', "is a relative address"),
        ('"[below](#details)"', "points to a part of the article's page"),
        ('"See [this]{onclick=x}"', "gives the attribute 'onclick', which is not allowed"),
        ('"A [](https://example.org/) link"', "has a link with no text"),
        ('"data&#45;pagefind-x"', "the prefix of the search index's own markers"),
        # Pelican copies the files the body links with {static} or {attach}, never a summary's: such a link was
        # left `{static}/...` on every listing and in the feed, its file not in the site. An image, which a lead
        # never shows, was on every listing, and its words missing from the page's description.
        ('"Mapa ![sygnatariusze]({static}/images/map.png) pokazuje, kto podpisał"', "is an image"),
        ('"Zob. [raport]({static}/sources/raport.pdf)"', "links to a file the site copies"),
        ('"Zob. [raport]({attach}raport.pdf)"', "links to a file the site copies"),
    ],
)
def test_a_summary_obeys_the_bodys_rules(tmp_path, written, message):
    told = problems_of(tmp_path, with_summary(written))
    assert any(f":{SUMMARY_LINE}: summary: " in problem and message in problem for problem in told), told


@pytest.mark.parametrize(
    ("written", "block"),
    [
        ('"## Podpisanie"', "a heading"),
        ('"- pierwszy\\n- drugi"', "a list"),
        ('"1. pierwszy"', "a list"),
        ('"> cytat"', "a quotation"),
        ('"```\\nkod\\n```"', "a code block"),
        ('"a | b\\n--|--\\n1 | 2"', "a table"),
        ("|\n  Jeden.\n  - dwa", "a list"),
    ],
)
def test_block_syntax_in_a_summary_is_refused_at_its_line(tmp_path, written, block):
    told = problems_of(tmp_path, with_summary(written))
    line = SUMMARY_LINE + (written.count("\n") if written.startswith("|") else 0)  # a block's: the line it starts
    assert told[0].startswith(f"{tmp_path / 'a.pl.md'}:{line}: summary: holds {block}"), told
    assert "\\#" in told[0]  # the hint: how to start it with the character itself


def test_an_escaped_block_marker_is_text(tmp_path):
    doc = read_article(write(tmp_path, with_summary('"1\\\\. miejsce i \\\\# znak"')))
    assert doc.summary_html == "<p>1. miejsce i # znak</p>\n"


def test_the_bounds_are_on_what_a_reader_reads_not_the_markdown(tmp_path):
    # 80 words, each emphasised or linked to a long address, one link with a title of many words: the Markdown
    # has more than 80 words and 1,000 characters, the text a reader reads neither.
    address = "https://www.unodc.org/unodc/en/cybercrime/convention/" + "x" * 20
    words = [f'[słowo{n}]({address} "tytuł linku")' if n % 8 == 0 else f"*słowo{n}*" for n in range(80)]
    written = " ".join(words)
    assert len(written.split()) > 80 and len(written) > 1000
    doc = read_article(write(tmp_path, with_summary(f"'{written}'")))
    assert len(plain_text(doc.summary_html).split()) == 80
    told = problems_of(tmp_path, with_summary(f"'{written} *jeszcze*'"))
    assert [problem.split(" (")[0] for problem in told] == [
        f"{tmp_path / 'a.pl.md'}:{SUMMARY_LINE}: summary: has 81 words, more than 80"
    ]


def test_a_summary_whose_addresses_are_too_long_is_refused(tmp_path):
    # What the reader reads is bounded; what every listing carries besides (addresses, titles) is bounded too.
    links = " ".join(f"[{n}](https://example.org/{'x' * 200})" for n in range(6))
    told = problems_of(tmp_path, with_summary(f"'{links}'"))
    assert any("summary: has links whose addresses and titles make" in problem for problem in told), told


def test_a_summary_that_shows_no_text_is_refused(tmp_path):
    told = problems_of(tmp_path, with_summary('"![]({static}/images/a.png)"'))
    assert any(f":{SUMMARY_LINE}: summary: shows no text" in problem for problem in told), told


@pytest.mark.parametrize("summary", ['"\\\\---"', '"• • •"', "x x x"])
def test_a_summary_of_no_word_is_refused(tmp_path, summary):
    # `make import` wrote a source's line of dashes as the summary (`\---`), shown on every listing.
    told = problems_of(tmp_path, with_summary(summary))
    assert any(f":{SUMMARY_LINE}: summary: shows no word, only" in problem for problem in told), told


def test_a_summarys_site_links_are_checked_with_the_bodys_at_its_line(tmp_path):
    doc = read_article(write(tmp_path, with_summary('"Zob. [inny]({filename}/articles/2025/x.pl.md)"')))
    summary_links = [link for link in doc.site_links if link.field == "summary"]
    assert [(link.prefix, link.target, link.line) for link in summary_links] == [
        ("filename", "/articles/2025/x.pl.md", SUMMARY_LINE)
    ]


# A summary's link was looked for by its address after the last link with a problem: found inside another address,
# or written in its text, it was told at another line of a summary written over several (`markdown.Lines`).
@pytest.mark.parametrize(
    ("written", "message"),
    [
        (">-\n  See [e.org/a](https://e.org/a) and\n  [un.org](https://e.org/)", "shows the address of un.org"),
        ("|-\n  See [a](https://e.org/) [b](https://e.org/)\n  and [un.org](https://e.org/)", "shows the address of"),
        (">-\n  C#a is a language,\n  see [below](#a)", "points to a part of the article's page"),
        (">-\n  See {static}/a.pdf or\n  [it]({static}/a.pdf)", "links to a file the site copies"),
    ],
)
def test_a_summarys_link_is_told_at_the_line_it_is_written_on(tmp_path, written, message):
    told = problems_of(tmp_path, with_summary(written))
    assert any(f":{SUMMARY_LINE + 2}: summary: " in problem and message in problem for problem in told), told
