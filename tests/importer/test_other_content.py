"""Sources other than the seed, from other publishers and in other forms (fixtures/other/): each imports into an
article `make check` accepts, whose page shows every line of the source's text as written, in order."""

from __future__ import annotations

import codecs
import copy
import re
import unicodedata
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from markupsafe import Markup

from archive_core.articles import read_article
from tools.check import check
from tools.importer import structure

from .helpers import FIXTURES, run_import

OTHER = FIXTURES / "other"
SOURCES = sorted(OTHER.iterdir())
# What a reader of a saved page never sees, or sees as the page's furniture around the article (its navigation,
# its asides: "Read also" boxes, pull quotes that repeat the text): no text of the article. An aside or footer
# that holds the article's notes (`notes_of`), and the article's own footer but a bar of links, are its text.
NOT_ARTICLE_TEXT = ("script", "style", "template", "noscript", "nav", "rp", "h1")
FURNITURE = (
    ".//aside | .//footer[not(.//text()[normalize-space()][not(ancestor::a or ancestor::button or ancestor::nav"
    " or ancestor::form)])]"
)  # in the article: a box beside the text, and a footer all of whose words are links (a share bar, tags)
# A link to a note of the page: its text a note's mark (`1`, `[2]`, `*`, `†`), its address a part of the page.
NOTE_MARK = re.compile(r"[\[(]?(?:\d{1,3}|[a-z]|[*†‡§¶]{1,3})[\])]?", re.IGNORECASE)
PAGE_BLOCKS = ("p", "li", "td", "th", "textarea", "figcaption", "h2", "h3", "dt", "dd", "summary", "pre", "address")
# What holds blocks: a run of text and inline elements standing in one outside any block (a live blog entry's
# time above its heading) is a block of its own, as a browser lays it out (CSS's anonymous block boxes).
BLOCK_HOLDERS = ("article", "section", "div", "main", "header", "footer", "blockquote", "figure", "details", "body")
INLINE = (
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "label",
    "mark", "math", "output", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
    "u", "var", "wbr",
)  # fmt: skip
# A block's own text: a list nested in an item is items of its own.
OWN_TEXT = "text()|*[not(self::ul or self::ol)]/descendant-or-self::text()"


def collapse(text: str) -> str:
    return " ".join(text.split())


def rendered_text(html: str) -> str:
    return collapse(lxml.html.fragment_fromstring(html, create_parent="div").text_content())


def rendered_blocks(html: str) -> list[str]:
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    return [text for block in tree.iter(*PAGE_BLOCKS) if (text := collapse(block.text_content()))]


def assert_shown_in_order(lines: list[str], shown: str) -> None:
    position = 0
    for line in lines:
        found = shown.find(line, position)
        assert found >= 0, f"not shown as written, or out of order: {line!r}\nin: {shown}"
        position = found + len(line)


def as_written(path: Path) -> str:
    """The source's text as its editor wrote it: only its encoding and line ends undone, every character kept."""
    data = path.read_bytes()
    text = data.decode("utf-16") if data.startswith(codecs.BOM_UTF16_LE) else data.decode("utf-8-sig")
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def text_lines(path: Path, err: str) -> list[str]:
    """The source's lines a reader should find on the page: all but the title's and those reported dropped."""
    lines = as_written(path).split("\n")
    kept = []
    for number, line in enumerate(lines, start=1):
        line = collapse(line)
        if not line or f":{number}: dropped page residue: " in err:
            continue
        bullet = structure.BULLET.fullmatch(line)
        kept.append(bullet.group(1) if bullet else line)  # a bullet marker is the list's structure
    return kept[1:]  # the first line is each source's title


def notes_of(page, article) -> list:
    """The elements that a note mark of the article links to (by id, or an old anchor's name): its footnotes,
    wherever the page keeps them."""
    targets = [
        link.get("href")[1:]
        for link in article.iter("a")
        if (link.get("href") or "").startswith("#") and NOTE_MARK.fullmatch(link.text_content().strip())
    ]
    return [note for target in targets for note in page.xpath("(//*[@id=$id] | //a[@name=$id])[1]", id=target)]


def outside_holder(note, article):
    """What holds a note kept outside the article, up to what holds the article too (an aside of endnotes)."""
    while (parent := note.getparent()) is not None and article not in parent.iterdescendants():
        note = parent
    return note


def the_article(page):
    """The page's first `<article>`; where its headline stands outside it (a live blog whose entries are each an
    `<article>`), what holds both; on a page without one, its `<main>`."""
    article = page.find(".//article")
    if article is None:
        return page.find(".//main")
    headline = page.find(".//h1")
    if headline is None or article in headline.iterancestors():
        return article
    return next(holder for holder in article.iterancestors() if holder in headline.iterancestors())


def page_article(path: Path):
    """The page's article: its `<article>`, and its notes kept outside it, after it; without its furniture."""
    page = lxml.html.document_fromstring(path.read_text(encoding="utf-8"))
    article = the_article(page)
    notes = notes_of(page, article)
    outside = {outside_holder(note, article) for note in notes if article not in note.iterancestors()}
    for furniture in article.xpath(FURNITURE):
        if not any(note is furniture or furniture in note.iterancestors() for note in notes):
            furniture.drop_tree()
    for holder in sorted(outside, key=lambda element: element.sourceline or 0):
        article.append(copy.deepcopy(holder))
    for anchor in article.iter("a"):  # an anchor's text is the text of the block around it
        anchor.tag = "span"
    for caption in article.iter("figcaption"):  # a caption is one paragraph, its paragraphs parted by a space
        for block in caption.iterdescendants(*PAGE_BLOCKS):
            block.tag, block.text, block.tail = "span", f" {block.text or ''}", f" {block.tail or ''}"
    lxml.etree.strip_elements(article, *NOT_ARTICLE_TEXT, with_tail=False)
    return article


def loose_runs_as_paragraphs(article) -> None:
    """Each run of text and inline elements outside any block, in an element that holds blocks, becomes a `<p>`."""
    for holder in list(article.iter(*BLOCK_HOLDERS)):
        children, run = list(holder), lxml.html.Element("p")
        run.text, holder.text = holder.text, None
        for child in children:
            holder.remove(child)
        for child in children:
            if child.tag in INLINE:
                run.append(child)
                continue
            tail, child.tail = child.tail, None
            if collapse(run.text_content()):
                holder.append(run)
            holder.append(child)
            run = lxml.html.Element("p")
            run.text = tail
        if collapse(run.text_content()):
            holder.append(run)


def page_blocks(path: Path) -> list[str]:
    """The text of each paragraph, cell, item and caption of the page's article, as a reader reads it."""
    article = page_article(path)
    loose_runs_as_paragraphs(article)
    for rt in article.iter("rt"):  # an annotation is read after its base, in parentheses
        rt.text = f"({rt.text})"
    for br in article.iter("br"):
        br.tail = " " + (br.tail or "")
    return [text for block in article.iter(*PAGE_BLOCKS) if (text := collapse("".join(block.xpath(OWN_TEXT))))]


@pytest.mark.parametrize("source", SOURCES, ids=[source.name for source in SOURCES])
def test_every_line_of_another_publishers_text_is_shown_as_written(capsys, tmp_path, source):
    options = ("--date", "2025-10-26", "--source-url", "https://example.org/a", "--publisher", "Example News")
    result = run_import(capsys, source, tmp_path, *options, "--lang", source.name[:2])
    assert result.code == 0, result.err
    assert [str(p) for p in check(tmp_path) if p.severity == "error"] == []
    doc = read_article(result.path)
    if source.suffix == ".html":  # each block of the page's article is one of the page shown, and no other
        assert rendered_blocks(doc.html) == page_blocks(source)
    else:
        assert_shown_in_order(text_lines(source, result.err), rendered_text(doc.html))
    listed = Markup(doc.summary_html).striptags()  # noqa: S704 (the reader's own HTML, reduced to text)
    assert structure.agency_credit(listed) is None, f"the listings show the credit as the lead: {listed!r}"
    assert not re.match(r"\s*<h", doc.html), "the lead became a subheading"


def lines_of(text: str) -> list[str]:
    return [line.rstrip() for line in text.strip("\n").split("\n")]


def assert_structure_kept(source: Path, html: str) -> None:
    """A quotation stays a quotation, text shown as written keeps its lines, a term stays apart from (and above)
    its definition."""
    article = page_article(source)
    shown = lxml.html.fragment_fromstring(html, create_parent="div")
    quoted = [collapse(p.text_content()) for quote in shown.iter("blockquote") for p in quote.iter("p")]
    for quote in article.iter("blockquote"):
        for paragraph in quote.iter("p"):
            assert collapse(paragraph.text_content()) in quoted, f"no longer a quotation: {paragraph.text_content()!r}"
    shown_as_written = [lines_of(pre.text_content()) for pre in shown.iter("pre")]
    for pre in article.iter("pre"):
        assert lines_of(pre.text_content()) in shown_as_written, f"its lines lost: {pre.text_content()!r}"
    strong = [collapse(term.text_content()) for term in shown.iter("strong")]
    for term in article.iter("dt"):
        assert collapse(term.text_content()) in strong, f"a term no longer told from its definition: {term!r}"


@pytest.mark.parametrize("source", SOURCES, ids=[source.name for source in SOURCES])
def test_the_structure_of_another_publishers_text_is_kept(capsys, tmp_path, source):
    options = ("--date", "2025-10-26", "--source-url", "https://example.org/a", "--publisher", "Example News")
    result = run_import(capsys, source, tmp_path, *options, "--lang", source.name[:2])
    assert result.code == 0, result.err
    html = read_article(result.path).html
    if source.suffix == ".html":
        assert_structure_kept(source, html)
    headings = lxml.html.fragment_fromstring(html, create_parent="div").xpath("//h2 | //h3")
    assert all(has_a_word_or_number(h.text_content()) for h in headings), "a separator became a subheading"


def has_a_word_or_number(text: str) -> bool:
    """A subheading's text: a word of two letters (`II`; not `x x x`, nor `ーーー`, marks of length), or a number."""
    letters = [sum(unicodedata.category(c) in ("Lu", "Ll", "Lt", "Lo") for c in word) for word in text.split()]
    return max(letters, default=0) >= 2 or any(c.isdigit() for c in text)
