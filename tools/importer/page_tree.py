"""A saved page's tree as its readers see it, made before trafilatura reads it (`as_a_reader_sees_it`).

trafilatura reads libxml2's tree of the page: what no reader sees goes, what a reader sees and trafilatura
would leave out is put where it keeps it, and broken markup is nested as a browser nests it.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree
from selectolax.lexbor import LexborHTMLParser

from archive_core.datelines import is_dateline
from archive_core.errors import content_error
from archive_core.tested_release import require_tested_release

from . import structure
from .article_whole import name_the_article_whole
from .block_marks import BlockMarks
from .decoding import without_controls
from .drawings import Drawing, keep_drawing_names
from .embedded import leave_out_embedded, refuse_a_page_of_frames
from .model import Dropped
from .notes import keep_the_articles_notes
from .style_sheets import drop_what_style_sheets_hide

# The releases `_read_on_after_the_documents_end` was checked against. It relies on libxml2's HTML tokenizer (2.14
# reads as HTML's: a `</html>` in a `<title>` is its text, `</body a=">">` one tag) and on where its tree keeps what
# follows `</body>` and `</html>` (beside the body; a document element of its own, or a comment, beside the first):
# another release may keep it elsewhere, and the article would lose its paragraphs after `</html>`, silently.
LXML_TESTED_VERSIONS = ("6.1.3",)
LIBXML2_TESTED_VERSIONS = ("2.14.6",)
_CHECK_LIBXML2 = (
    "check where its tree keeps what follows `</body>` and `</html>` (`_read_on_after_the_documents_end`), and that "
    "tests/importer/test_page_structure.py and tests/test_fuzz_importer.py pass"
)


def require_tested_libxml2() -> None:
    """Refuse an lxml, or a libxml2 in it (a build of lxml from source links the system's), not checked against."""
    require_tested_release("lxml", LXML_TESTED_VERSIONS, "tools/importer/page_tree.py", _CHECK_LIBXML2)
    libxml2 = ".".join(str(part) for part in etree.LIBXML_VERSION)
    require_tested_release(
        "libxml2", LIBXML2_TESTED_VERSIONS, "tools/importer/page_tree.py", _CHECK_LIBXML2, installed=libxml2
    )


require_tested_libxml2()

# trafilatura's reading of a page grows as the square of its elements (docs/security.md): a news page holds a
# few thousand, and this many take it a few seconds.
MAX_PAGE_ELEMENTS = 20_000


def as_a_reader_sees_it(text: str, path: Path) -> tuple[etree._Element, list[Drawing], BlockMarks, list[Dropped]]:
    """The page's tree for trafilatura, its inline drawings (their lines the source's own), the marks that part its
    blocks, and what it shows of other documents, left out (`embedded`)."""
    tree = _read_whole(text, path, source_lines=True)
    refuse_a_page_of_frames(tree, path)
    _read_on_after_the_documents_end(tree)
    _refuse_more_elements_than_a_news_page_holds(tree, path)
    _drop_controls_written_as_entities(tree)
    # Comments are no text: a malformed end tag (`</---`) parses as one, and trafilatura would keep its text.
    etree.strip_elements(tree, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    _annotations_after_their_base(tree)
    embedded = leave_out_embedded(tree)
    _drop_what_no_reader_sees(tree)
    keep_the_articles_notes(tree)
    _anchors_are_text(tree)
    _keep_text_of_elements_trafilatura_drops(tree)
    _words_parted_at_line_breaks(tree)
    drawings = keep_drawing_names(tree)  # before the figures that hold them are cleared
    _keep_figure_captions(tree)
    _keep_text_shown_as_written(tree)
    tree = _nested_as_a_browser_nests_it(tree, path)
    _keep_bylines_and_date_lines(tree)  # their class and id gone once the page's style sheets hid what they hide
    _keep_text_outside_paragraphs(tree)
    name_the_article_whole(tree)
    marks = _mark_each_block(tree, path)
    return tree, drawings, marks, embedded


def _read_on_after_the_documents_end(tree) -> None:
    """What the page holds after its `</body>` or `</html>` put at the end of its body, as a browser reads it (HTML's
    parsing rules go back "in body" at the first content after either end tag): they end nothing a reader sees.

    libxml2 tokenizes the page as HTML does (a `</html>` in a `<title>`, a `<textarea>` or a script is their text;
    `</body a=">">` is one tag), and keeps what follows `</body>` beside the body, and what follows `</html>` in a
    second document element after the first, which the tree's root leaves out: the article lost its paragraphs
    after one (a page saved twice into one file). A pattern that found the end tags in the text instead took the
    first `>` for a tag's end (`">` was left as text) and a `</html>` in a title for the document's end."""
    root = tree.getroottree().getroot()
    body = root.find("body")
    if body is None:
        body = etree.SubElement(root, "body")
    tail, body.tail = body.tail, None
    later = [tail, *body.itersiblings(), *(part for html in root.itersiblings() for part in _parts_of(html))]
    texts: list[str] = []  # joined once: a page of 100,000 `</html>x` made each `x` a document element of its own
    for part in later:
        if part is None or isinstance(part, str):
            texts.append(part or "")
        elif part.tag in ("head", "body"):  # a browser reads their content into the one body; they are no element
            texts.append(part.text or "")
            for child in list(part):
                _append_text(body, texts)
                body.append(child)  # with its tail
            texts.append(part.tail or "")
        else:
            _append_text(body, texts)
            body.append(part)
    _append_text(body, texts)
    # The document elements after the first are left empty: the page is written out (`_nested_as_a_browser_nests_it`)
    # from its root alone.


def _parts_of(node) -> list:
    """The text and elements of a document element after the first, in order; nothing of a comment (a `<!-- -->`,
    a `<![CDATA[ ]]>` or a `<?...?>` after `</html>`, kept beside the document element), which no browser shows."""
    if not isinstance(node.tag, str):
        return [node.tail]
    return [node.text, *node, node.tail]


def _append_text(element, texts: list[str]) -> None:
    """The `texts` after what `element` holds, emptied."""
    text = "".join(texts)
    texts.clear()
    if not text:
        return
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _nested_as_a_browser_nests_it(tree, path: Path):
    """The tree written out and read again by HTML's parsing rules (lexbor), rid of what the page's own style
    sheets hide (lexbor reads their selectors), then read by libxml2 for trafilatura.

    libxml2 nests broken markup its own way: in `<p>Viet Nam, <the host ...>` the unknown element stayed open,
    the heading and paragraphs after it were read as inside the first paragraph, and trafilatura flattened
    them into it and moved the heading after them (`Viet Nam, The General Assembly...`: two paragraphs joined).
    A browser's parser closes a paragraph where a block begins; libxml2 reads such a tree back as it is. The
    first tree is libxml2's, so that what it reports (a drawing's line) names the source's own lines."""
    written = etree.tostring(tree.getroottree(), method="html", encoding="unicode")
    page = LexborHTMLParser(written)
    drop_what_style_sheets_hide(page)
    return _read_whole(page.html or "", path, source_lines=False)


def _read_whole(markup: str, path: Path, *, source_lines: bool):
    """libxml2's tree of the markup, refused where it is nested deeper than libxml2 reads: 256 levels (2,048
    with `huge_tree`; the page is at most 5 MB), below which it drops, with no error, all that follows."""
    parser = lxml.html.HTMLParser(huge_tree=True)
    tree = lxml.html.document_fromstring(markup, parser=parser)
    if limit := next((error for error in parser.error_log if error.type_name == "ERR_RESOURCE_LIMIT"), None):
        raise content_error(
            path,
            limit.line if source_lines else None,
            "file",
            "nests its elements deeper than the HTML parser reads (2,048 levels): the text there, and all that "
            "follows, would be left out",
            "save the article's text as .txt, and import that",
        )
    _void_elements_emptied(tree)
    return tree


# HTML's void elements, which hold nothing: libxml2 (2.14) reads `<embed>`, `<source>`, `<track>`, `<wbr>` and
# `<keygen>` as holding what follows them to their parent's end, and trafilatura drops the first three whole: the
# rest of a paragraph after one was left out of the article, silently.
_VOID_ELEMENTS = (
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track",
    "wbr",
)  # fmt: skip


def _void_elements_emptied(tree) -> None:
    """What libxml2 put in a void element, after it, where a browser puts it."""
    for element in list(tree.iter(*_VOID_ELEMENTS)):
        children = list(element)
        if not children and not element.text:
            continue
        text, tail = element.text, element.tail
        element.text, element.tail = None, text
        for child in reversed(children):
            element.addnext(child)
        last = children[-1] if children else element
        last.tail = (last.tail or "") + (tail or "") or None


def _refuse_more_elements_than_a_news_page_holds(tree, path: Path) -> None:
    count = sum(1 for _ in tree.iter(etree.Element))
    if count > MAX_PAGE_ELEMENTS:
        raise content_error(
            path,
            None,
            "file",
            f"holds {count:,} elements, more than a news page holds ({MAX_PAGE_ELEMENTS:,}): finding the article "
            "in it would take minutes",
            "save only the article's part of the page, or its text as .txt, and import that",
        )


# What a browser never shows: a `<template>`, a `<dialog>` not open, a frame's fallback text, what its own style
# sheet hides (HTML's rendering rules: a `<title>` in the body, but a drawing's, which names it), an element marked
# `hidden` (but `hidden="until-found"`, which a reader's search unfolds) or styled `display: none` / `visibility:
# hidden`.
# Searched under the document element only (`.//`): the document elements libxml2 made of what followed each `</html>`,
# left empty beside it, were searched too from the document (`//`), in time growing as their square (185,000 in 5 MB
# of `</html><html><body>y</body>`: minutes).
_UNSHOWN = (
    ".//template | .//dialog[not(@open)] | .//iframe | .//noembed | .//noframes | .//noscript | .//datalist | .//rp"
    " | .//body//title[not(ancestor::svg)]"
    " | .//*[@hidden][not(translate(@hidden, 'UNTILFOD', 'untilfod') = 'until-found')]"
    " | .//*[@style][re:test(@style, '(^|;)\\s*(display\\s*:\\s*none|visibility\\s*:\\s*hidden)"
    "\\s*(!important\\s*)?(;|$)', 'i')]"
)
_NAMESPACES = {"re": "http://exslt.org/regular-expressions"}


def _drop_what_no_reader_sees(tree) -> None:
    """What a browser never shows is not the source's text: trafilatura kept the text of a `<template>` and of an
    element marked `hidden` as if the publisher had printed it, and, on a page it finds too short, of any element
    styled out of sight. Each goes; the text after it stays."""
    for element in tree.xpath(_UNSHOWN, namespaces=_NAMESPACES):
        if element.getparent() is not None:
            element.drop_tree()


# The elements trafilatura drops with their text (its MANUALLY_CLEANED) that a reader sees as text in its place:
# shown in the line (a date, a label, a formula, scrolling text), or as a block of its own (a read-only text box);
# and a quotation in the line (`<q>`), which it reads as a block, parting the paragraph in three.
_SHOWN_INLINE = ("time", "output", "label", "marquee", "blink", "math", "rt", "rtc", "q")
_SHOWN_AS_A_BLOCK = ("textarea",)


def _keep_text_of_elements_trafilatura_drops(tree) -> None:
    """trafilatura drops some elements with their text, as page furniture: `<time>` took the day out of "signed
    on 25 October in Hanoi", with no word said. Those a reader sees as text become a span or a paragraph, which
    it keeps; the page's furniture it drops (navigation, forms, asides, footers) stays its to drop."""
    for element in tree.iter(*_SHOWN_INLINE):
        element.tag = "span"
    for element in tree.iter(*_SHOWN_AS_A_BLOCK):
        element.tag = "p"


def _keep_bylines_and_date_lines(tree) -> None:
    """trafilatura drops an element by words of its class or id (`byline`, `author`, `meta`, `timestamp`): the
    byline and the date line above the lead, which a reader sees in the article and CONTRIBUTING.md keeps in the
    text, went with no word said. An element whose text is only a byline or a date line, and each element around
    it that holds no other text, loses its class and id; furniture beside them keeps its own."""
    short = _with_short_text(tree)
    lines = {element for element in short if _is_byline_or_date_line(element.xpath("string()"))}
    for element in lines:
        while element is not None and element.tag not in ("body", "html") and element in short:
            if not _only_their_text(element, lines):
                break
            element.attrib.pop("class", None)
            element.attrib.pop("id", None)
            element = element.getparent()


# A byline or a date line is a line: only elements holding a few words are read (a page is read in linear time).
_LINE_LENGTH = 200


def _with_short_text(tree) -> set:
    """The elements whose text (all they hold) is at most a line long, each counted once from its children's."""
    length, short = {}, set()
    elements = [element for element in tree.iter() if isinstance(element.tag, str)]
    for element in reversed(elements):  # each element after all it holds
        held = len(element.text or "") + sum(length.get(child, 0) + len(child.tail or "") for child in element)
        length[element] = held
        if held <= _LINE_LENGTH:
            short.add(element)
    return short


def _is_byline_or_date_line(text: str) -> bool:
    text = " ".join(text.split())
    return bool(text) and (structure.is_byline(text) or is_dateline(text))


def _only_their_text(element, lines: set) -> bool:
    """Every word in `element` (at most a line of text) stands in one of `lines`."""
    for text in element.xpath(".//text()"):
        if not text.strip():
            continue
        holder = text.getparent()
        if text.is_tail:
            holder = holder.getparent()
        while holder is not None and holder not in lines:
            holder = None if holder is element else holder.getparent()
        if holder is None:
            return False
    return True


def _anchors_are_text(tree) -> None:
    """An `<a>` with no address is no link but a place in the page (`<a name="fn1"></a>`, a note's anchor): its
    text is the text around it. trafilatura left out, with no word said, notes whose paragraphs each opened with
    one."""
    for anchor in tree.xpath("//a[not(@href)]"):
        anchor.tag = "span"


def _words_parted_at_line_breaks(tree) -> None:
    """A `<br>` parts the words either side of it; trafilatura joined them (`Embassy of Kenya<br>Hanoi` became
    `Embassy of KenyaHanoi`). A line end after it is a space in the paragraph the text becomes."""
    for line_break in tree.iter("br"):
        line_break.tail = "\n" + (line_break.tail or "")


def _annotations_after_their_base(tree) -> None:
    """A ruby annotation (`<rt>`, the reading of the characters before it) is text a reader sees, above its base:
    in the text it follows the base in parentheses, as a browser without ruby shows it (the page's own `<rp>`
    parentheses, which a browser with ruby hides, go with the other unshown elements)."""
    for annotation in tree.iter("rt"):
        if (annotation.text_content() or "").strip():
            annotation.text = f"({annotation.text or ''}"
            if len(annotation):
                annotation[-1].tail = f"{annotation[-1].tail or ''})"
            else:
                annotation.text += ")"


def _drop_controls_written_as_entities(tree) -> None:
    """A control written as an entity (`&#1;`, `&#x7f;`) is no text either, and the decoded page no longer holds
    it as such: trafilatura gave up on a page whose tree held one XML cannot, and kept the others as text."""
    for element in tree.iter():
        if element.text and (cleaned := without_controls(element.text)) != element.text:
            element.text = cleaned
        if element.tail and (cleaned := without_controls(element.tail)) != element.tail:
            element.tail = cleaned


def _keep_text_shown_as_written(tree) -> None:
    """`<xmp>` and `<plaintext>` (to the page's end) are shown as written, their `<` and `&` too; libxml2 reads
    them so, as text. Written out, that text is escaped (`&lt;b&gt;`), and a browser's parser reads these
    elements' text unescaped, and the end tags written after `<plaintext>` as its text: as `<pre>`, the text
    written out is read back as it was."""
    for element in tree.iter("xmp", "plaintext"):
        element.tag = "pre"


# Where trafilatura leaves out text standing outside any paragraph (in a `<div>`, a `<blockquote>` or a list item
# it keeps it), and the elements that end such a run of text (HTML's block-level elements).
_LOOSE_TEXT_HOLDERS = ("body", "main", "article", "section", "td", "th")
_BLOCK_LEVEL = frozenset({
    "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
    "main", "menu", "nav", "ol", "p", "pre", "search", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
})  # fmt: skip


def _keep_text_outside_paragraphs(tree) -> None:
    """Each run of text and inline elements standing in an article, a section, a cell or the body outside any
    paragraph becomes one: trafilatura left it out, with no word said, and a browser shows it (the words after
    a table that ended a paragraph, a page that writes its text between `<br>`s)."""
    elements = list(tree.iter())  # alive, so that each element keeps one proxy, the one `blocks` holds
    blocks = set()  # block-level elements and those that hold one (`<a>` around a `<div>`): they end a run
    for element in reversed(elements):  # each element after all it holds
        if not isinstance(element.tag, str) or element.tag in _BLOCK_LEVEL or element in blocks:
            blocks.add(element)
            blocks.add(element.getparent())
    for holder in tree.iter(*_LOOSE_TEXT_HOLDERS):
        if (holder.text or "").strip() or any(_loose_text_in(child, blocks) for child in holder):
            _wrap_loose_runs(holder, blocks)


def _loose_text_in(child, blocks: set) -> bool:
    """Text after `child`, or in it, an inline element (`<strong>Update</strong>` with only spaces around it)."""
    return bool((child.tail or "").strip()) or (child not in blocks and bool(child.xpath("string()").strip()))


def _wrap_loose_runs(holder, blocks: set) -> None:
    children = list(holder)
    leading, holder.text = holder.text, None
    for child in children:
        holder.remove(child)
    paragraph = None
    if (leading or "").strip():
        paragraph = etree.SubElement(holder, "p")
        paragraph.text = leading
    for child in children:
        tail, child.tail = child.tail, None
        if child in blocks:
            paragraph = None
            holder.append(child)
        elif paragraph is not None or child.xpath("string()").strip():
            if paragraph is None:
                paragraph = etree.SubElement(holder, "p")
            paragraph.append(child)
        else:
            holder.append(child)
        if paragraph is not None and paragraph[-1] is child:
            child.tail = tail
        elif (tail or "").strip():
            paragraph = etree.SubElement(holder, "p")
            paragraph.text = tail
        else:
            child.tail = tail


_MARKED = ("p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre")


def _mark_each_block(tree, path: Path) -> BlockMarks:
    """Each block's text starts with a mark of its own (`block_marks`), of characters the page does not hold."""
    used = set()
    for element in tree.iter():
        used.update(element.text or "", element.tail or "", *element.attrib.values())
    marks = BlockMarks.absent_from(used, path)
    numbers = _item_numbers(tree)
    for element in tree.iter(*_MARKED):
        element.text = marks.mark(element.tag, numbers.get(element)) + (element.text or "")
    return marks


# The numbers a Markdown list item may start with (CommonMark: at most 9 digits).
_ITEM_NUMBERS = range(1_000_000_000)
_INTEGER = re.compile(r"\s*([-+]?[0-9]{1,10})")


def _item_numbers(tree) -> dict:
    """Each item of an ordered list -> the number a browser shows for it (HTML: the list's `start` and `reversed`,
    an item's `value`, which the items after it count on from), where Markdown can write it."""
    numbers = {}
    for ordered in tree.iter("ol"):
        items = [child for child in ordered if child.tag == "li"]
        step = -1 if ordered.get("reversed") is not None else 1
        number = _integer(ordered.get("start"), len(items) if step < 0 else 1)
        for item in items:
            number = _integer(item.get("value"), number)
            if number in _ITEM_NUMBERS:
                numbers[item] = number
            number += step
    return numbers


def _integer(written: str | None, otherwise: int) -> int:
    """An attribute's integer as HTML reads it (`" 4"`, `"4th"`: 4), else `otherwise`."""
    match = _INTEGER.match(written or "")
    return int(match[1]) if match else otherwise


def _keep_figure_captions(tree) -> None:
    """trafilatura drops a <figure> with all it holds: its caption, the source's text, and what it frames besides
    an image (a quotation and its author, a table). The figure becomes a division and its caption a paragraph of
    its text, but a script's or a style sheet's code (text_content() holds it)."""
    for figure in list(tree.iter("figure")):
        for caption in list(figure.iter("figcaption")):
            for block in caption.iterdescendants(*_BLOCK_LEVEL):  # its paragraphs parted, not run together
                block.text, block.tail = f" {block.text or ''}", f" {block.tail or ''}"
            text = "".join(caption.xpath(".//text()[not(ancestor::script or ancestor::style)]"))
            caption.clear(keep_tail=True)
            caption.tag, caption.text = "p", text
        figure.tag = "div"
