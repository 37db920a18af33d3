"""An article's own notes, which a page may keep where its furniture goes: in a `<footer>` or an `<aside>`.

trafilatura leaves out every `<footer>` and `<aside>` as the page's furniture (the site's footer, "Read also"
boxes, pull quotes), and with them an article's footnotes, endnotes and corrections kept there: its text, lost
with no word said. The article's notes are told from the furniture as a reader tells them:
- a `<footer>` inside the `<article>` is the article's own (HTML: the footer of its nearest section), unless all
  its words are links or controls (a share bar, a list of tags);
- an element a note mark of the article links to (`<sup><a href="#fn1">1</a></sup>`, `[2]`, `*`, `†`) is a note,
  wherever the page keeps it: the footer or aside that holds it is text, and a note kept outside the
  `<article>` (an aside of endnotes after it) is put at the article's end, where trafilatura reads it.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

# A note's mark as a link's text: a number, a letter, a dagger or asterisk, in brackets or not.
NOTE_MARK = re.compile(r"[\[(]?(?:\d{1,3}|[a-z]|[*†‡§¶]{1,3})[\])]?", re.IGNORECASE)
_FURNITURE = ("aside", "footer")
_CONTROLS = frozenset({"a", "button", "nav", "form"})


def keep_the_articles_notes(tree) -> None:
    for footer in tree.xpath("//article//footer"):
        if _has_words_of_its_own(footer):
            footer.tag = "div"
    articles = tree.xpath("//article")
    for article, note in list(_linked_notes(tree, articles)):
        for holder in [note, *note.iterancestors()]:
            if holder.tag in _FURNITURE:
                holder.tag = "div"
        if article is not None and article not in note.iterancestors():
            _put_at_the_end(note, article)


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
    for article in articles or [None]:
        for link in (article if article is not None else tree).iter("a"):
            href = link.get("href") or ""
            if href.startswith("#") and NOTE_MARK.fullmatch(link.text_content().strip()):
                note = named.get(unquote(href[1:]))
                if note is not None and note is not link:
                    yield article, note


def _put_at_the_end(note, article) -> None:
    """The note's outermost holder that does not hold the article (the aside of endnotes after it) goes at the
    article's end; the text after it stays where it was."""
    holding_the_article = set(article.iterancestors())
    if note in holding_the_article:  # a mark that links to what holds the article (`#page`) names no note
        return
    moved = note
    while (parent := moved.getparent()) is not None and parent not in holding_the_article:
        moved = parent
    if moved.getparent() is None:
        return
    if moved.tail:
        previous = moved.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + moved.tail
        else:
            moved.getparent().text = (moved.getparent().text or "") + moved.tail
        moved.tail = None
    article.append(moved)
