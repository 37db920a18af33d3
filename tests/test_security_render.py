"""What rendered content may carry: no third-party resource, no relative address that would publish broken,
no inline style (the CSP blocks it), and every page kind checked by `make check` as the build reads it.
See docs/security.md.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from archive_core import markdown as render
from tools.check import check

from .conftest import ROOT, build_site
from .test_bad_input import GOOD

ARTICLE = "articles/2025/good-article.en.md"
BODY_LINE = GOOD.count("\n") + 1  # the first line appended to GOOD


def _problems(content, name: str, text: str) -> list[str]:
    (content / name).parent.mkdir(parents=True, exist_ok=True)
    (content / name).write_text(text, encoding="utf-8")
    return [str(p) for p in check(content) if p.severity == "error"]


THIRD_PARTY = [
    "![t](https://evil.example/pixel.png)",
    "![t](http://evil.example/pixel.png)",
    "![p](//evil.example/p.png)",
    "![p](HTTPS://EVIL.EXAMPLE/p.png)",
    "[r]\n\n![r][ref]\n\n[ref]: https://evil.example/r.png",  # refused where the image is
    "[![t](https://evil.example/badge.svg)](https://example.org/)",
]


@pytest.mark.parametrize("markdown", THIRD_PARTY)
def test_a_resource_from_another_site_is_refused(markdown, content_copy):
    path = content_copy / ARTICLE
    problems = _problems(content_copy, ARTICLE, GOOD + markdown + "\n")
    line = BODY_LINE + (2 if markdown.startswith("[r]") else 0)
    assert any(p.startswith(f"{path}:{line}: body:") and "loads from another site" in p for p in problems), problems


RELATIVE = ["![p](photo.png)", "[doc](notes.pdf)", "![x](../../sources/raw.txt)", "[a](/en/x/)",
            "[q](?page=2)", "[p](//example.org/page)",
            # a scheme and no host: a path of this site to a browser, or http://evil.example/ from https
            "[h](https:evil.example)", "[h](HTTP:evil.example/x)"]  # fmt: skip


@pytest.mark.parametrize("markdown", RELATIVE)
def test_a_relative_address_is_refused(markdown, content_copy):
    path = content_copy / ARTICLE
    problems = _problems(content_copy, ARTICLE, GOOD + markdown + "\n")
    assert any(p.startswith(f"{path}:{BODY_LINE}: body: link target") for p in problems), problems


# A link to a file of the site read as Pelican reads it: it replaces only the path, and keeps a scheme or host written
# before it, so each of these passed `make check` and was published as another site's image or link, or as a
# `javascript:` address (`{static}javascript:q/../../../x/g.pdf?0:alert(1)`, valid script); an absolute path that is
# not written plainly is no file Pelican finds, and the link was published as written, broken.
PUBLISHED_ELSEWHERE = {
    "an image of another site": ("![p]({static}//evil.example/x/g.png)", "address of evil.example"),
    "a file of another site": ("[r]({static}//evil.example/x/g.pdf)", "address of evil.example"),
    "an article of another site": ("[a]({filename}//evil.example/../articles/2025/x.en.md)", "address of evil.example"),
    "the home page of another site": ("[h]({index}//evil.example/)", "address of evil.example"),
    "a javascript: address": ("[c]({static}javascript:q/../../../x/g.pdf?0:alert(1))", "a javascript: address"),
    "a data: address": ("![d]({static}data:q/../../../x/g.png)", "a data: address"),
    "a path with a dot": ("[a]({filename}/articles/2025/./x.en.md)", "write /articles/2025/x.en.md"),
    "a path with a double slash": ("[r]({static}/x//g.pdf)", "write /x/g.pdf"),
}


@pytest.mark.parametrize(("markdown", "said"), PUBLISHED_ELSEWHERE.values(), ids=PUBLISHED_ELSEWHERE.keys())
def test_a_link_to_a_file_of_the_site_is_read_as_pelican_publishes_it(markdown, said, content_copy):
    (content_copy / "x").mkdir()
    for name in ("g.png", "g.pdf"):
        (content_copy / "x" / name).write_bytes(b"x")
    article = GOOD.replace("good-article", "x").replace("A good article", "X")
    (content_copy / "articles/2025/x.en.md").write_text(article, encoding="utf-8")
    path = content_copy / ARTICLE
    problems = _problems(content_copy, ARTICLE, GOOD + markdown + "\n")
    assert any(p.startswith(f"{path}:{BODY_LINE}: body: link ") and said in p for p in problems), problems


def test_what_the_site_can_carry_is_accepted(content_copy):
    text = GOOD + "[a](https://example.org/) [m](mailto:a@example.org) [f](#fn1)[^1] [s]({static}/sources/x.txt)\n"
    text += "[q]({static}/sources/x.txt?v=2#top) [r]({static}../../sources/x.txt) [i]({index})\n"
    text += "\n[^1]: A note.\n"
    (content_copy / "sources" / "x.txt").write_text("x", encoding="utf-8")
    assert _problems(content_copy, ARTICLE, text) == []


KITCHEN_SINK = """# Title

| left | centre | right | none |
|:-----|:------:|------:|------|
| 1    | 2      | 3     | 4    |

Text[^1] with *emphasis*, `code` and a [link](https://example.org/).

[^1]: A note.

::: caption
A caption (Photo: Someone)
:::

- a
- b

> quote
"""


@pytest.mark.parametrize(
    ("written", "href"),
    [
        ("https://xn--vietnamplu-v2i.vn/x", "https://xn--vietnamplu-v2i.vn/x"),  # never shown as `vietnamplu\u0455.vn`
        ("https://vietnamplu\u0455.vn/x", "https://xn--vietnamplu-v2i.vn/x"),  # the text as written, the link ASCII
        ("https://example.org/%C5%82%C3%B3d%C5%BA", "https://example.org/%C5%82%C3%B3d%C5%BA"),
    ],
)
def test_an_autolink_shows_its_address_as_written_and_links_its_ascii_host(written, href):
    html = render.render(render.parse(f"See <{written}>."))
    # Its text is its address (printed once) only when it writes the host as the link does.
    marked = ' class="shows-address"' if written.isascii() else ""
    assert html == f'<p>See <a href="{href}"{marked}>{written}</a>.</p>\n'


def test_the_renderer_never_writes_a_style_attribute():
    html = render.render(render.parse(KITCHEN_SINK))
    assert "style=" not in html
    assert 'class="align-left"' in html and 'class="align-center"' in html and 'class="align-right"' in html


def test_the_theme_styles_the_alignment_classes():
    css = (ROOT / "theme" / "static" / "css" / "site.css").read_text(encoding="utf-8")
    for side in ("left", "center", "right"):
        assert re.search(rf"\.align-{side}\s*\{{\s*text-align:\s*{side}", css)


ABOUT = "about/about.en.md"


@pytest.mark.parametrize(
    ("edit", "line", "expected"),
    [
        (lambda t: t + "\nx data-pagefind-ignore\n", None, "data-pagefind-"),
        (lambda t: t + "\nx \x1b y\n", None, "U+001B"),
        (lambda t: t.replace("\n---", "\ntitle: Again\n---", 1), 3, "title: is set twice"),
        (lambda t: t.replace("\n---", "\nx: " + "[" * 300_000 + "]" * 300_000 + "\n---", 1), 3, "nested more"),
        (lambda t: t + "\n![t](https://evil.example/p.png)\n", None, "loads from another site"),
        (lambda t: t + "\n[x](javascript:alert(1))\n", None, "is not allowed"),
        (lambda t: t + "\n[x]({filename}/articles/2025/a.en.md)\n", None, "{filename}"),  # nothing resolves it
        (lambda t: t + "\n[x](other.md)\n", None, "other.md"),
    ],
)
def test_the_about_pages_are_checked_as_the_build_reads_them(edit, line, expected, content_copy):
    path = content_copy / ABOUT
    text = path.read_text(encoding="utf-8")
    problems = [str(p) for p in check(content_copy)]
    assert not [p for p in problems if p.startswith(str(path))]
    path.write_text(edit(text), encoding="utf-8")
    problems = [str(p) for p in check(content_copy)]
    mine = [p for p in problems if p.startswith(f"{path}:{line}:" if line else f"{path}:")]
    assert any(expected in p for p in mine), problems


def test_a_file_of_the_about_folder_that_is_no_about_page_is_refused(content_copy):
    (content_copy / "about" / "about.de.md").write_text("---\ntitle: Über\n---\n", encoding="utf-8")
    problems = [str(p) for p in check(content_copy)]
    assert any(p.startswith(f"{content_copy / 'about' / 'about.de.md'}: file:") for p in problems), problems


def _attribute_names(html: str) -> set[str]:
    names: set[str] = set()

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            names.update(name for name, _ in attrs)

    Parser().feed(html)
    return names


# The language of a passage (WCAG 2.2 SC 3.1.2): `lang` and `dir` only, on a span or before a block.
HOSTILE_ATTRIBUTES = [
    ('x [a]{onclick="alert(1)"} y', 0, "'onclick'"),
    ('[a]{style="color:red"}', 0, "'style'"),
    ('[a]{href="javascript:alert(1)"}', 0, "'href'"),
    ("[a]{#top .hidden}", 0, "'id'"),
    ('[a]{lang=pl onmouseover="x"}', 0, "'onmouseover'"),
    ('\n{src="https://evil.example/p.png"}\nA paragraph.', 1, "'src'"),
    ("A paragraph\non two lines [a]{data-x=1}.", 1, "'data-x'"),
    ("[a]{lang=xx}", 0, "'xx' is not a language code"),
    ("[a]{lang=PL}", 0, "'PL' is not a language tag"),
    ('[a]{lang="pl\\" onclick=\\"x"}', 0, "is not a language tag"),
    ("[a]{lang=sr-Qqqq}", 0, "'Qqqq' is not a script code"),
    ("[a]{dir=up}", 0, "'up' is not a direction"),
    ("> A quote.\n>\n> {lang=pl}", 2, "no paragraph after it"),
    ("Last paragraph.\n\n{lang=pl}", 2, "no paragraph after it"),
]


@pytest.mark.parametrize(("markdown", "offset", "expected"), HOSTILE_ATTRIBUTES)
def test_an_attribute_other_than_a_passages_language_is_refused_at_its_line(markdown, offset, expected, content_copy):
    path = content_copy / ARTICLE
    problems = _problems(content_copy, ARTICLE, GOOD + markdown + "\n")
    assert any(p.startswith(f"{path}:{BODY_LINE + offset}: body:") and expected in p for p in problems), problems
    assert _attribute_names(render.render(render.parse(markdown))) <= {"lang", "dir"}


def test_a_passage_in_another_language_carries_its_lang(content_copy):
    marked = "Said [Dzień dobry]{lang=pl} and [سلام]{lang=ar dir=rtl}.\n\n{lang=vi}\n> Xin chào.\n"
    assert _problems(content_copy, ARTICLE, GOOD + marked) == []
    html = render.render(render.parse(marked))
    assert '<span lang="pl">Dzień dobry</span>' in html
    assert '<span lang="ar" dir="rtl">سلام</span>' in html
    assert '<blockquote lang="vi">' in html


# Markup that shows nothing: it passed, and the page held a link no reader could see or follow (its address lost
# to all but the markup), or a heading or note with no words. name: (markdown, its line after GOOD, message start)
SHOWS_NOTHING = {
    "a link with no text": ("Text.\n[](https://example.org/x) more", 1, "has a link with no text"),
    "a link on spaces": ("[  ](https://example.org/x)", 0, "has a link with no text"),
    "a link on a zero-width space": ("[\u200b](https://example.org/x)", 0, "has a link with no text"),
    "a link on an entity that draws nothing": ("[&#8203;](https://example.org/x)", 0, "has a link with no text"),
    "a link on an image with no description": ("[![]({static}/sources/x.png)](https://example.org/)", 0, "has a link"),
    "a heading with no text": ("Text.\n\n##\n\nMore.", 2, "has a heading with no text"),
    "a heading of a zero-width space": ("## \u200b", 0, "has a heading with no text"),
    "a footnote with no text": ("Text[^1].\n\n[^1]:\n", 2, "has a footnote with no text"),
    "an about page's link with no text": ("[](https://example.org/x)", None, "has a link with no text"),
}


@pytest.mark.parametrize("case", SHOWS_NOTHING.values(), ids=SHOWS_NOTHING.keys())
def test_markup_that_shows_nothing_is_refused_at_its_line(case, content_copy):
    markdown, offset, expected = case
    (content_copy / "sources" / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    if offset is None:  # the about page, where the same rules hold
        path = content_copy / ABOUT
        path.write_text(path.read_text(encoding="utf-8") + f"\n{markdown}\n", encoding="utf-8")
        problems = [str(p) for p in check(content_copy) if p.severity == "error"]
        assert any(p.startswith(f"{path}:") and f"body: {expected}" in p for p in problems), problems
        return
    problems = _problems(content_copy, ARTICLE, GOOD + markdown + "\n")
    path = content_copy / ARTICLE
    assert any(p.startswith(f"{path}:{BODY_LINE + offset}: body: {expected}") for p in problems), problems


def test_a_link_on_words_code_or_an_image_with_a_description_is_accepted(content_copy):
    (content_copy / "sources" / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    text = GOOD + "[`UNODC`](https://example.org/) [![Logo]({static}/sources/x.png)](https://example.org/)\n"
    assert _problems(content_copy, ARTICLE, text + "\n## `§ 2`\n\nText[^1].\n\n[^1]: *A* note.\n") == []


def _told_at(content, markdown: str, offset: int, said: str) -> list[str]:
    """The problems of GOOD with `markdown` after it that say `said` at the line `offset` after GOOD's last."""
    problems = _problems(content, ARTICLE, GOOD + markdown + "\n")
    return [p for p in problems if p.startswith(f"{content / ARTICLE}:{BODY_LINE + offset}: {said}")]


def _with_summary(content, summary: str) -> list[str]:
    """The problems of GOOD given `summary`, in single quotes."""
    return _problems(content, ARTICLE, GOOD.replace("source:", f"summary: '{summary}'\nsource:", 1))


# A link inside a link's text: CommonMark keeps an autolink (and the footnote plugin an inline note's mark) there, and
# the page held an `<a>` inside an `<a>`, which the Nu HTML checker refuses and a browser parts. Each passed.
# name: (markdown, its line after GOOD)
LINKS_INSIDE_LINKS = {
    "an autolink": ("\n[see <https://www.un.org/>](https://www.un.org/)", 1),
    "an e-mail autolink": ("\n[the press office, <press@un.org>](https://www.un.org/press)", 1),
    "an autolink in emphasis": ("\n[see **<https://www.un.org/>**](https://www.un.org/)", 1),
    "an autolink on the link's second line": ("\n[see the\n<https://www.un.org/>](https://www.un.org/)", 2),
    "an autolink in a reference link": ("\n[y <https://example.org/>][r]\n\n[r]: https://example.org/", 1),
    "an inline note's mark": ("\n[see ^[a note] here](https://www.un.org/)", 1),
}
INSIDE_A_LINK = "body: has a link inside a link's text"


@pytest.mark.parametrize("case", LINKS_INSIDE_LINKS.values(), ids=LINKS_INSIDE_LINKS.keys())
def test_a_link_inside_a_links_text_is_refused_at_its_line(case, content_copy):
    markdown, offset = case
    assert _told_at(content_copy, markdown, offset, INSIDE_A_LINK)
    html = render.render(render.parse(markdown))
    assert html.index("<a ", html.index("<a ") + 1) < html.index("</a>"), html  # published: a link inside another


def test_a_link_inside_a_links_text_is_refused_in_a_summary_and_an_about_page(content_copy):
    problems = _with_summary(content_copy, "See [the UN, <https://www.un.org/>](https://www.un.org/).")
    assert any(": summary: has a link inside a link's text" in p for p in problems), problems
    path = content_copy / ABOUT
    path.write_text(path.read_text(encoding="utf-8") + "\n[see <https://www.un.org/>](https://www.un.org/)\n")
    problems = [str(p) for p in check(content_copy) if p.severity == "error"]
    assert any(p.startswith(f"{path}:") and INSIDE_A_LINK in p for p in problems), problems


def test_links_beside_one_another_and_code_in_a_link_are_accepted(content_copy):
    text = GOOD + "\n[a](https://www.un.org/) <https://www.un.org/> [`https://www.un.org/`](https://www.un.org/)\n"
    assert _problems(content_copy, ARTICLE, text) == []


# Pelican reads the body's HTML for its links with a pattern (an attribute such as `src=`, a quote, `{static}`...) that
# took a quote inside a link's title or an image's description for an attribute's: `make check` passed these, and the
# build rewrote the text and published the image's own `{static}` address as written, its file never copied.
DESCRIPTION = "A photo, see src='{filename}/articles/2025/good-article.en.md' here"
TITLE = "see href='{static}/files/photo.png' or src='|filename|/articles/2025/x.en.md'"


def test_an_attribute_that_writes_a_link_to_a_file_of_the_site_is_its_text(content_copy, tmp_path):
    (content_copy / "files").mkdir()
    (content_copy / "files" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    body = f'![{DESCRIPTION}]({{static}}/files/photo.png)\n\n[x](https://example.org/ "{TITLE}")\n'
    assert _problems(content_copy, ARTICLE, GOOD + "\n" + body) == []
    site = build_site(tmp_path / "output", content_copy)
    page = (site / "en" / "2025" / "a-good-article" / "index.html").read_text(encoding="utf-8")
    assert '<img src="/files/photo.png"' in page and (site / "files" / "photo.png").is_file()
    for text in (DESCRIPTION, TITLE):  # as written, its quotes escaped as the templates escape them
        assert '="' + text.replace("'", "&#39;") + '"' in page, text


# A link Markdown reads as text: the page showed its brackets and address as written, the link gone with no word.
# name: (markdown, its line after GOOD)
UNREAD_LINKS = {
    "a note's mark in a link's text": ("\n[see the report[^1]](https://www.un.org/)\n\n[^1]: A note.", 1),
    "a space in the address": ("\n[the report](https://example.org/a report.pdf)", 1),
    "a parenthesis left open": ("\n[x](https://example.org/a_(b)", 1),
    "on an item's second line": ("\n- an item\n  [x](https://example.org/a b)", 2),
    "the second of two": ("\n[a](https://example.org/a) and\n[b](https://example.org/b c)", 2),
}
UNREAD = "body: holds a link that Markdown does not read as one"


@pytest.mark.parametrize("case", UNREAD_LINKS.values(), ids=UNREAD_LINKS.keys())
def test_a_link_markdown_reads_as_text_is_refused_at_its_line(case, content_copy):
    markdown, offset = case
    assert len(_told_at(content_copy, markdown, offset, UNREAD)) == 1


def test_a_link_markdown_reads_as_text_is_refused_in_a_summary(content_copy):
    problems = _with_summary(content_copy, "See [the report](https://example.org/a report.pdf).")
    assert any(": summary: holds a link that Markdown does not read as one" in p for p in problems), problems


def test_brackets_written_as_text_are_accepted(content_copy):
    text = GOOD + "\n\\[x\\](https://example.org/a b) \\[y](https://example.org/) `[z](https://example.org/a b)`\n"
    text += "\n[a](https://example.org/a) [b](<https://example.org/a b>) [c][d]\n\n[d]: https://example.org/d\n"
    assert _problems(content_copy, ARTICLE, text) == []
