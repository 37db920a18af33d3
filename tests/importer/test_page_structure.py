"""A saved page's characters and structure as its reader sees them: marks that part blocks never take the page's
own characters, invisible characters written as entities go as typed ones do, a separator is no subheading."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from archive_core import markdown
from archive_core.errors import ContentError
from archive_core.tests.effort import cpu_seconds
from tools.importer import page_tree, structure
from tools.importer.block_marks import BlockMarks
from tools.importer.decoding import MAX_SOURCE_BYTES
from tools.importer.notes import keep_the_articles_notes

from .helpers import body_of, run_import

OPTIONS = ("--date", "2025-10-26", "--source-url", "https://example.org/a", "--publisher", "Example News")
LEAD = "<p>Delegates of seventy-two states signed the convention against cybercrime in Hanoi on Saturday.</p>"


def page(body: str) -> str:
    return f"<!doctype html><html lang='en'><head><title>Signing in Hanoi</title></head><body><article>{body}</article>"


def imported_body(capsys, tmp_path: Path, html: str) -> str:
    source = tmp_path / "page.html"
    source.write_text(html, encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "content", *OPTIONS, "--lang", "en")
    assert result.code == 0, result.err
    return body_of(result.path)


def test_marks_are_characters_the_page_does_not_hold():
    used = {chr(code) for code in range(0xE000, 0xF000)} | {"\uf8fe", "\uf8ff"}
    marks = BlockMarks.absent_from(used, Path("page.html"))
    written = [marks.mark(tag) for tag in ("p", "pre", *["li"] * 5000)]
    assert not set("".join(written)) & used
    assert marks.first_tag(f"text {written[1]} more {written[0]}") == "pre"
    assert marks.unmarked(f"{written[4999]}a\uf8feb\uf8ff") == "a\uf8feb\uf8ff"


def test_a_page_holding_nearly_every_private_character_is_refused_at_its_file():
    used = {chr(code) for code in range(0xE000, 0xF900)} | {chr(code) for code in range(0xF0000, 0x10FFFD)}
    with pytest.raises(ContentError) as refused:
        BlockMarks.absent_from(used, Path("page.html"))
    assert refused.value.problem.path == "page.html" and ".txt" in refused.value.problem.hint


@pytest.mark.parametrize(
    ("written", "imported"),
    [
        ("Ali&zwnj;Reza", "AliReza"),  # between Latin letters: left by a web page, as typed
        ("Ali&#x200C;Reza", "AliReza"),
        ("Hanoi&#8203;City", "HanoiCity"),  # a zero-width space
        ("Hanoi&nbsp;City", "Hanoi City"),
        ("علی&zwnj;رضا", "علی\u200cرضا"),  # Persian: the non-joiner is spelling
    ],
)
def test_invisible_characters_written_as_entities_go_as_typed_ones_do(capsys, tmp_path, written, imported):
    body = imported_body(capsys, tmp_path, page(f"{LEAD}<p>The minister {written} spoke.</p>"))
    assert f"The minister {imported} spoke." in body


# Letters that spell no word are a separator too: one letter spaced out, a mark of length (`ー`, a modifier letter).
@pytest.mark.parametrize("separator", ["* * *", "***", "◆", "—", "# # #", "~", "x x x", "o O o", "ーーー"])
def test_a_heading_of_symbols_alone_parts_the_text_and_is_no_subheading(capsys, tmp_path, separator):
    later = "<p>By the afternoon, the organisers said, every delegation had signed the treaty's text.</p>"
    body = imported_body(capsys, tmp_path, page(f"{LEAD}<h3>{separator}</h3>{later}"))
    assert "\n## " not in body
    assert "every delegation" in body


@pytest.mark.parametrize(
    ("line", "is_heading"),
    [("G7", True), ("5G w Polsce", True), ("III", True), ("x x x", False), ("o O o", False), ("ーーー", False)],
)
def test_a_short_line_of_a_text_is_a_subheading_only_with_a_word(line, is_heading):
    assert structure.looks_like_heading(line) is is_heading


@pytest.mark.parametrize(
    "line",
    [
        "The text was adopted by the General Assembly in December 2024.[1]",
        "Konwencję podpisały 72 państwa.¹²",
        "Seventy-two states signed it.*",
        "Tak powiedział minister.”[12]",
    ],
)
def test_a_sentence_ending_with_a_note_s_mark_is_no_subheading(line):
    """A short sentence whose full stop a note's mark follows was taken for a subheading, as it did not end with `.`:
    the page showed a sentence of the text as a heading."""
    assert not structure.looks_like_heading(line)
    assert structure.looks_like_heading("Rekordowa skala[1]")  # a heading may have a note too


@pytest.mark.parametrize("heading", ["II", "2", "Q&A", "G7", "会議"])
def test_a_heading_of_a_word_or_a_number_stays_a_subheading(capsys, tmp_path, heading):
    later = "<p>By the afternoon, the organisers said, every delegation had signed the treaty's text.</p>"
    body = imported_body(capsys, tmp_path, page(f"{LEAD}<h3>{heading}</h3>{later}"))
    assert f"\n## {heading}\n" in body.replace("\\", ""), body


@pytest.mark.parametrize(
    "holder",
    [
        '<div id="page">{article}</div>',  # the mark links to what holds the article
        '<footer id="page">{article}</footer>',
        "{article}<nav><a href='#n1'>1</a></nav>",  # a mark outside the article
    ],
)
def test_a_note_mark_that_links_to_no_note_leaves_the_page_as_it_is(capsys, tmp_path, holder):
    article = f"<article>{LEAD}<p>The text goes on<a href='#page'>*</a><a href='#x'>2</a><a id='x' href='#x'>2</a>.</p>"
    article += "<footer><a href='/share'>Share</a></footer></article>"
    html = "<!doctype html><html lang='en'><head><title>Signing in Hanoi</title></head><body>"
    body = imported_body(capsys, tmp_path, html + holder.format(article=article) + "<p id='n1'>Site note</p>")
    assert "The text goes on\\*22." in body
    assert "Share" not in body and "Site note" not in body


def test_many_note_marks_are_read_at_once(capsys, tmp_path):
    marks = "".join(f"<p>Point {n} of the treaty<a href='#n{n}'>{n % 1000}</a>.</p>" for n in range(3000))
    notes = "".join(f"<li id='n{n}'>Note {n}.</li>" for n in range(3000))
    body = imported_body(capsys, tmp_path, page(f"{LEAD}{marks}<footer><ol>{notes}</ol></footer>"))
    assert "Note 2999." in body


def test_notes_kept_beside_the_site_s_copyright_come_in_the_page_s_order(capsys, tmp_path):
    """Each is moved alone, the copyright beside them staying out: in the order the page gives them, not in the
    order the text first marks them (a table's note marked above the text's first)."""
    marks = "<p>The table<a href='#n2'>2</a> shows the signatures.</p><p>The text goes on<a href='#n1'>1</a>.</p>"
    notes = "<footer><p id='n1'>1. The first note.</p><p id='n2'>2. The second note.</p><p>© Example News</p></footer>"
    body = imported_body(capsys, tmp_path, page(f"{LEAD}{marks}") + notes)
    assert "Example News" not in body
    assert body.index("The first note.") < body.index("The second note."), body


def test_notes_beside_the_site_s_copyright_are_read_at_once():
    """Each note's holders were read whole for words beside the notes, once per note: a page of notes and a
    copyright after them, under the importer's element cap, took 15 s of CPU."""
    count = page_tree.MAX_PAGE_ELEMENTS // 2 - 1000
    marks = "".join(f"<a href='#n{n}'>{n % 1000}</a>" for n in range(count))
    notes = "".join(f"<b id='n{n}'>Note {n}.</b>" for n in range(count))
    tree = lxml.html.fromstring(page(f"<p>{marks}</p>") + f"<footer>{notes}<p>© Example News</p></footer>")
    assert cpu_seconds(lambda: keep_the_articles_notes(tree.getroottree())) < 2, "quadratic in the notes"
    [article] = tree.xpath("//article")
    assert article.text_content().endswith(f"Note {count - 1}.") and "©" not in article.text_content()


def test_notes_each_started_by_an_empty_anchor_are_read_at_once():
    """Each mark's empty anchor took its holder's whole text to find the note it starts: a page of 4 MB, under the
    importer's cap, with 4,000 such notes took 30 s of CPU."""
    count = 4000
    marks = "".join(f"<a href='#n{n}'>{n % 1000}</a>" for n in range(count))
    notes = "".join(f"<a name='n{n}'></a>{n}. {'Przypis źródła. ' * 60}" for n in range(count))
    html = page(f"<p>{marks}</p>") + f"<div>{notes}</div>"
    assert len(html.encode()) < MAX_SOURCE_BYTES
    tree = lxml.html.fromstring(html)
    assert cpu_seconds(lambda: keep_the_articles_notes(tree.getroottree())) < 2, "quadratic in the notes"
    [article] = tree.xpath("//article")
    assert article.text_content().rstrip().endswith(f"{count - 1}. {'Przypis źródła. ' * 60}".rstrip())


@pytest.mark.parametrize(
    "notes",
    [
        "<footer><p>© 2025 Example News. All rights reserved.</p><ol><li id='n1'>{note}</li></ol></footer>",
        "<footer><nav><a href='/'>Home</a></nav><section><h2>Notes</h2><p><a name='n1'></a>{note}</p></section>"
        "<p>© 2025 Example News. All rights reserved.</p></footer>",
    ],
)
def test_notes_kept_in_the_site_s_furniture_come_without_the_furniture(capsys, tmp_path, notes):
    """The note's outermost holder outside the article was moved in whole: the site's footer, its copyright too."""
    note = "The depositary counts seventy-two signatures."
    article = f"<article>{LEAD}<p>The text goes on<a href='#n1'>1</a>.</p></article>"
    html = "<!doctype html><html lang='en'><head><title>Signing in Hanoi</title></head><body>"
    body = imported_body(capsys, tmp_path, html + article + notes.format(note=note))
    assert note in body
    assert "All rights reserved" not in body


@pytest.mark.parametrize("heading", ["<h2>Notes</h2>", "<h3>Przypisy</h3>"])
def test_notes_kept_in_the_site_s_footer_come_with_their_heading_and_without_the_footer_s(capsys, tmp_path, heading):
    """The heading right before the notes is theirs; the footer's other headings and words are the site's."""
    note = "The depositary counts seventy-two signatures."
    article = f"<article>{LEAD}<p>The text goes on<a href='#n1'>1</a>.</p></article>"
    footer = (
        "<footer><h2>About Example News</h2><p>Example News is an independent agency.</p>"
        f"{heading}<ol><li id='n1'>{note}</li></ol><p>© 2025 Example News. All rights reserved.</p></footer>"
    )
    html = "<!doctype html><html lang='en'><head><title>Signing in Hanoi</title></head><body>"
    body = imported_body(capsys, tmp_path, html + article + footer)
    title = heading[4:-5]
    assert f"\n## {title}\n" in body and body.index(title) < body.index(note), body
    assert "About Example News" not in body and "independent agency" not in body and "All rights" not in body


def test_the_article_s_notes_heading_is_kept_and_the_site_footer_s_dropped(capsys, tmp_path):
    note = "The depositary counts seventy-two signatures."
    article = f"<article>{LEAD}<p>The text goes on<a href='#n1'>1</a>.</p>"
    article += f"<footer><h2>Notes</h2><ol><li id='n1'>{note}</li></ol></footer></article>"
    site_footer = "<footer><h2>Site notes</h2><p>This site uses no cookies.</p></footer>"
    html = "<!doctype html><html lang='en'><head><title>Signing in Hanoi</title></head><body>"
    body = imported_body(capsys, tmp_path, html + article + site_footer)
    assert "\n## Notes\n" in body and note in body, body
    assert "Site notes" not in body and "cookies" not in body


def test_an_ordered_list_keeps_its_numbers(capsys, tmp_path):
    body = imported_body(capsys, tmp_path, page(f"{LEAD}<ol><li>First step.</li><li>Second step.</li></ol>"))
    assert "1. First step.\n2. Second step." in body


@pytest.mark.parametrize(
    "holder",
    [
        '<form method="post" action="./article.aspx" id="form1">{article}</form>',  # ASP.NET: one form, whole page
        "<div role='main'><a href='/2025/signing'>{article}</a></div>",  # a card whose whole article is a link
    ],
)
def test_the_article_s_own_footer_is_its_text_whatever_holds_the_article(capsys, tmp_path, holder):
    """An own footer is one with words that are no link or control of its own: the form or link that holds the
    whole article makes none of its footer's words a control."""
    correction = "Correction: an earlier version of this article gave the wrong number of signatories."
    article = f"<article>{LEAD}<footer><p>{correction}</p></footer></article>"
    html = "<!doctype html><html lang='en'><head><title>Signing in Hanoi</title></head><body>"
    body = imported_body(capsys, tmp_path, html + holder.format(article=article))
    assert correction in body


@pytest.mark.parametrize(
    ("items", "shown"),
    [
        ("<ol start='4'><li>Fourth.</li><li>Fifth.</li></ol>", [4, 5]),
        ("<ol><li value='7'>Seven.</li><li>Eight.</li></ol>", [7, 8]),
        ("<ol reversed><li>Three.</li><li>Two.</li><li>One.</li></ol>", [3, 2, 1]),
        ("<ol><li>One.</li><li>Two.</li></ol><ol><li>Uno.</li><li>Dos.</li></ol>", [1, 2, 1, 2]),
        ("<ol><li>Art one.<ol><li>Sub one.</li><li>Sub two.</li></ol></li><li>Art two.</li></ol>", [1, 1, 2, 2]),
    ],
)
def test_an_ordered_list_is_shown_with_the_numbers_its_page_shows(capsys, tmp_path, items, shown):
    """An item's number is the page's (`start`, `value`, `reversed`), as the archive's page renders it: a list
    after another, or nested in one, was run into one Markdown list, which numbers its items 1, 2, 3, 4."""
    body = imported_body(capsys, tmp_path, page(f"{LEAD}{items}"))
    html = markdown.render(markdown.parse(body))
    numbers = []
    for ordered in lxml.html.fragment_fromstring(html, create_parent="div").iter("ol"):
        numbers += range(int(ordered.get("start", "1")), int(ordered.get("start", "1")) + len(ordered))
    assert numbers == shown, body


@pytest.mark.parametrize(
    ("html", "paragraph"),
    [
        (
            "<p>Run the <code>make check</code> command before sending.</p>",
            "Run the make check command before sending.",
        ),
        (
            "<blockquote><p>Type <code>ratify()</code> twice, said the minister.</p></blockquote>",
            "> Type ratify() twice, said the minister.",
        ),
    ],
)
def test_code_inside_a_paragraph_is_its_text_not_a_paragraph_of_its_own(capsys, tmp_path, html, paragraph):
    """Only text shown as written (`<pre>`, with its `<code>` or not) is a block of its own."""
    body = imported_body(capsys, tmp_path, page(f"{LEAD}{html}<pre><code>  kept\n    as written</code></pre>"))
    assert f"\n{paragraph}\n" in body, body
    assert "```\n  kept\n    as written\n```" in body, body


def test_two_quotations_one_after_the_other_stay_two(capsys, tmp_path):
    """Each `<blockquote>` is a quotation of its own (two speakers), its paragraphs one quotation."""
    quotes = (
        "<blockquote><p>We signed today.</p><p>It is a good day.</p></blockquote>"
        "<blockquote><p>We will not sign.</p></blockquote>"
    )
    body = imported_body(capsys, tmp_path, page(f"{LEAD}{quotes}"))
    assert "> We signed today.\n>\n> It is a good day.\n\n> We will not sign.\n" in body, body
    html = markdown.render(markdown.parse(body))
    assert html.count("<blockquote>") == 2, html


LATE = "<p>Ministers of forty states stayed in Hanoi for the talks on the protocol that followed the signing.</p>"
# What a saved page holds after its body's or document's end: a browser reads it into the body (HTML's parsing
# rules go back "in body"), libxml2 dropped it with no word, and the article lost its paragraphs.
ENDS = {
    "</body>": "</body>",
    "</body> outside the article": "</article></body>",
    "</html>": "</html>",
    "</body></html>": "</article></body></html>",
    "</html><html>": "</body></html><html><body>",
    "</body><body>": "</body><body>",
    "in capitals, spaced": "</BODY ></HTML\n>",
    # An end tag's attributes are read as a start tag's: a `>` in quotes ends nothing. A pattern that took the first
    # `>` for the tag's end left `">` as text of the article.
    "an attribute holding a >": "</body a=\">\"></html b='>'>",
    "</html> twice, a body between": "</body></html><body><p>Talks went on.</p></body></html>",
}


@pytest.mark.parametrize("end", ENDS.values(), ids=ENDS.keys())
def test_text_after_the_pages_end_tags_is_imported_as_a_browser_shows_it(end, capsys, tmp_path):
    body = imported_body(capsys, tmp_path, page(LEAD + end + LATE))
    assert "Delegates of seventy-two states" in body and "Ministers of forty states" in body
    assert ">" not in body.replace("\n> ", "\n"), body  # no part of a tag left as text


@pytest.mark.parametrize(
    "end", ["</html>x", "</body>x", "</body a='>'>", "<title></html>", "</html><html><body>y</body>", "</html><!---->y"]
)
def test_a_page_as_large_as_the_importer_reads_of_end_tags_is_read_in_bounded_time(end, capsys, tmp_path):
    """What follows each `</html>` is a document element of its own to libxml2 (625,000 in 5 MB of `</html>x`), each
    moved into the body once, its text joined once."""
    html = page(LEAD) + end * ((MAX_SOURCE_BYTES - len(page(LEAD)) - 10) // len(end))
    bodies: list[str] = []
    assert cpu_seconds(lambda: bodies.append(imported_body(capsys, tmp_path, html))) < 5
    assert "Delegates of seventy-two states" in bodies[0]


def test_an_end_tag_written_in_a_title_or_a_text_area_is_their_text(capsys, tmp_path):
    """In a `<title>` and a `<textarea>` (text a browser shows as written, entities read), `</html>` is text, not a
    tag: read as the document's end by a pattern, it was made a space, and the title and the text lost it."""
    html = page(f"{LEAD}<p>Before the box.</p><textarea>Typed </html> into the box.</textarea><p>After it.</p>")
    source = tmp_path / "page.html"
    source.write_text(html.replace("<title>Signing in Hanoi", "<title>Why </body></html> is no end"), "utf-8")
    result = run_import(capsys, source, tmp_path / "content", *OPTIONS, "--lang", "en")
    assert result.code == 0, result.err
    text = result.path.read_text(encoding="utf-8")
    assert 'title: "Why </body></html> is no end"' in text, text
    assert "Typed \\</html> into the box." in body_of(result.path), body_of(result.path)


# What a saved page holds after `</html>` that a browser shows nothing of: libxml2 keeps each beside the document
# element, a comment, as comments are, the text of each a comment's.
UNSHOWN_AFTER_THE_END = {
    "a comment": "<!-- Page cached at 12:04 by WP Super Cache -->",
    "a CDATA section": "<![CDATA[ Page cached at 12:04 ]]>",
    "a processing instruction": "<?cache Page cached at 12:04 ?>",
}


@pytest.mark.parametrize("unshown", UNSHOWN_AFTER_THE_END.values(), ids=UNSHOWN_AFTER_THE_END.keys())
def test_what_follows_the_documents_end_and_no_browser_shows_is_left_out(unshown, capsys, tmp_path):
    """A comment after `</html>` (a cache's or a page saver's note, common in saved pages) is no text: read as the
    text of a document element after the first, it became a paragraph of the article."""
    body = imported_body(capsys, tmp_path, page(LEAD) + f"</body></html>\n{unshown}\n{LATE}\n{unshown}\n")
    assert "Delegates of seventy-two states" in body and "Ministers of forty states" in body, body
    assert "cached" not in body, body


def test_end_tags_that_never_close_are_read_at_once(capsys, tmp_path):
    """Each `</body` was searched for its `>` to the page's end: a page of 100,000 that never close (700 KB, under
    the importer's cap) took a minute of CPU, and one of 5 MB hours. A browser shows none of them."""
    html = page(LEAD) + "</body " * 100_000
    assert len(html.encode()) < MAX_SOURCE_BYTES
    bodies: list[str] = []
    assert cpu_seconds(lambda: bodies.append(imported_body(capsys, tmp_path, html))) < 5, "quadratic in the end tags"
    body = bodies[0]
    assert "Delegates of seventy-two states" in body and "</body" not in body
