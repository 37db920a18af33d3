"""An article's own notes, which a page may keep where its furniture goes: in a `<footer>` or an `<aside>`.

trafilatura leaves out every `<footer>` and `<aside>` as the page's furniture (the site's footer, "Read also"
boxes, pull quotes), and with them an article's footnotes, endnotes and corrections kept there: its text, lost
with no word said. The article's notes are told from the furniture as a reader tells them:
- a `<footer>` inside the `<article>` is the article's own (HTML: the footer of its nearest section), unless all
  its words are links or controls (a share bar, a list of tags);
- an element a note mark of the article links to (`<sup><a href="#fn1">1</a></sup>`, `[2]`, `*`, `†`) is a note,
  wherever the page keeps it: the footer or aside that holds it is text, and a note kept outside the
  `<article>` (an aside of endnotes after it) is put at the article's end, where trafilatura reads it, with what
  holds notes and headings only, and the heading right before them ("Notes"): the site's footer around them, its
  copyright and its other headings, stays out. An empty anchor
  (`<a name="fn1"></a>`) marks the start of the note that holds it.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

# A note's mark as a link's text: a number, a letter, a dagger or asterisk, in brackets or not.
NOTE_MARK = re.compile(r"[\[(]?(?:\d{1,3}|[a-z]|[*†‡§¶]{1,3})[\])]?", re.IGNORECASE)
_FURNITURE = ("aside", "footer")
_CONTROLS = frozenset({"a", "button", "nav", "form"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def keep_the_articles_notes(tree) -> None:
    for footer in tree.xpath("//article//footer"):
        if _has_words_of_its_own(footer):
            footer.tag = "div"
    articles = tree.xpath("//article")
    linked = list(_linked_notes(tree, articles))
    position = {element: index for index, element in enumerate(tree.iter())}
    linked.sort(key=lambda pair: position[pair[1]])  # each moved alone goes in the page's order, not the marks'
    notes = {note for _, note in linked}
    beside: dict = {}  # each holder read for words beside the notes, once: moving notes out changes none of them
    for article, note in linked:
        top = _notes_alone(note, notes, set(article.iterancestors()), beside) if _outside(note, article) else None
        for holder in [note, *note.iterancestors()]:
            if holder.tag in _FURNITURE:
                holder.tag = "div"
            if holder is top:
                break
        if top is not None and top.getparent() is not None:
            heading = _heading_before(top)
            if heading is not None:
                _put_at_the_end(heading, article)
            _put_at_the_end(top, article)


def _heading_before(notes):
    """The heading right before `notes` (`<h2>Notes</h2><ol>...`, nothing between them): theirs, moved with them
    when the holder they leave keeps words of its own (the site's footer, its copyright), which stay out."""
    previous = notes.getprevious()
    if previous is None or previous.tag not in _HEADINGS or (previous.tail or "").strip():
        return None
    return previous


def _outside(note, article) -> bool:
    """The note is neither in the article nor the article or what holds it."""
    if article is None or note is article:
        return False
    return article not in note.iterancestors() and note not in article.iterancestors()


def _notes_alone(note, notes: set, holding_the_article: set, beside: dict):
    """The note's outermost holder outside the article that holds nothing but notes and their headings (a list of
    notes, an aside of endnotes): the site's footer that also holds them, with its copyright, is not the article's."""
    holder = note
    while (parent := holder.getparent()) is not None and parent not in holding_the_article:
        if parent not in beside:
            beside[parent] = _words_beside(parent, notes)
        if beside[parent]:
            break
        holder = parent
    return holder


def _words_beside(element, notes: set) -> bool:
    """Some word of `element` is in none of `notes` and in no heading."""
    for text in element.xpath(".//text()[normalize-space()]"):
        holder = text.getparent().getparent() if text.is_tail else text.getparent()
        while holder is not element and holder not in notes and holder.tag not in _HEADINGS:
            holder = holder.getparent()
        if holder is element:
            return True
    return False


def _has_words_of_its_own(footer) -> bool:
    """Some word of `footer` is in no link or control of the footer's own: a form or a link that holds the whole
    article (an ASP.NET page is one `<form>`) makes none of its words a control."""
    for text in footer.xpath(".//text()[normalize-space()]"):
        holder = text.getparent().getparent() if text.is_tail else text.getparent()
        while holder is not footer and holder.tag not in _CONTROLS:
            holder = holder.getparent()
        if holder is footer:
            return True
    return False


def _linked_notes(tree, articles: list):
    """The notes the note marks of each article (of the page, when it has none) link to, with their article."""
    named = {}  # each id (or an old anchor's name) -> the first element that has it, as a browser finds it
    for element in tree.xpath("//*[@id] | //a[@name]"):
        named.setdefault(element.get("id") or element.get("name"), element)
    worded: dict = {}  # whether each element climbed holds a word: each read once, up to its first word
    for article in articles or [None]:
        for link in (article if article is not None else tree).iter("a"):
            href = link.get("href") or ""
            if href.startswith("#") and NOTE_MARK.fullmatch(link.text_content().strip()):
                note = named.get(unquote(href[1:]))
                while note is not None and not _holds_a_word(note, worded):  # an empty anchor starts its note
                    note = note.getparent()
                if note is not None and note is not link:
                    yield article, note


def _holds_a_word(element, worded: dict) -> bool:
    if element not in worded:
        worded[element] = any(text.strip() for text in element.itertext())
    return worded[element]


def _put_at_the_end(moved, article) -> None:
    """`moved` (the notes after the article) goes at the article's end; the text after it stays where it was."""
    if moved.tail:
        previous = moved.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + moved.tail
        else:
            moved.getparent().text = (moved.getparent().text or "") + moved.tail
        moved.tail = None
    article.append(moved)
