"""Content crafted to make the archive's own code work quadratically or worse: a regular expression that
backtracks, a search repeated for each link. Each case took from 6 s to minutes before its fix, and grows
with the file (a file may hold 2,000,000 bytes); each now takes well under its limit, generous for a
loaded machine. See docs/security.md.
"""

from __future__ import annotations

import io
import re
import shutil
from collections import deque
from pathlib import Path

import pytest
from mdit_py_plugins.anchors.index import unique_slug

from archive_core import annotations, body_cost, errors, frontmatter, markdown, schema
from archive_core.articles import parse_article, read_article
from archive_core.body_checks import structure_problems
from archive_core.errors import ContentError, Problem
from archive_core.links import UNREACHABLE, linked_unreachable
from archive_core.page_ids import heading_id
from archive_core.tests.effort import cpu_seconds
from tools.check import check
from tools.importer import countries
from tools.importer.htmlpage import is_html

from .conftest import FIXTURE, build_site
from .importer.helpers import FIXTURES, run_import, written_files

ARTICLE = "articles/2025/signing-in-hanoi.en.md"


def test_a_caption_of_spaces_renders_at_once():
    """`\\s*` at the start of the credit's pattern: 40,000 spaces and tabs took 17 s."""
    body = "::: caption\nA photo" + " \t" * 40_000 + "of the hall\n:::\n"
    assert cpu_seconds(lambda: markdown.render(markdown.parse(body))) < 3


def test_a_caption_keeps_its_credit():
    html = markdown.render(markdown.parse("::: caption\nThe hall  (Photo: A. B./Example)\n:::\n"))
    assert 'The hall  <span class="credit">(Photo: A. B./Example)</span>' in html


def test_many_links_in_one_paragraph_are_placed_at_once():
    """Each link's line was searched from its paragraph's first line, every line unescaped again: 5,000
    references on lines of their own took 25 s, 10,000 took 73 s."""
    count = 5_000
    definitions = "".join(f"[r{i}]: https://example.org/{i}\n" for i in range(count))
    uses = "".join(f"[r{i}] and [s](https://example.org/s{i})\n" for i in range(count))
    body = f"{definitions}\n{uses}[bad](&#106;avascript:alert(1))\n"
    tokens = markdown.parse(body)

    def links():
        return markdown.unsafe_links(tokens, body), markdown.site_links(tokens, body)

    assert cpu_seconds(links) < 3
    [unsafe] = markdown.unsafe_links(tokens, body)
    assert unsafe.line == body.count("\n")  # the last line, where it is written


def test_many_headings_of_one_title_get_their_ids_at_once():
    """Two headings of one title are told apart (`a`, `a-1`...): each was tried from `-1` again (mdit-py-plugins'
    anchors plugin), and 8,000 headings `## A` took 10 s to render; a file of 2 MB of them, hours."""
    body = "## A\n\n" * 20_000
    assert cpu_seconds(lambda: markdown.render(markdown.parse(body))) < 3


def test_headings_are_told_apart_as_the_anchors_plugin_tells_them():
    titles = ["A", "A", "A 1", "A", "A-2", "A", "Main", "Main", "Note", "Note", "B", "A-1-1", "A 1", "A"]
    taken: set[str] = set()
    expected = [unique_slug(heading_id(title), taken) for title in titles]
    html = markdown.render(markdown.parse("".join(f"## {title}\n\n" for title in titles)))
    assert re.findall(r'<h2 id="([^"]+)"', html) == expected


def test_one_address_linked_many_times_on_one_line_is_placed_at_once():
    """Each link's line was found by counting its address on the line again: 20,000 images of one file on one line
    (540 KB) took 15 s, and the 2,000,000 bytes a file holds, minutes."""
    body = "Photos: " + "![a]({static}/files/a.png) " * 20_000
    tokens = markdown.parse(body)
    assert cpu_seconds(lambda: markdown.site_links(tokens, body)) < 3
    assert {link.line for link in markdown.site_links(tokens, body)} == {1}


def test_many_refused_links_on_one_line_are_placed_at_once():
    """Each link is placed by its position (`markdown.Lines.place`): its block's line ends indexed once, where its
    line starts on the body's line found once for each line, however many links a line holds."""
    body = "Read: " + "[x](javascript:a) [y](https://e.org/a) " * 20_000 + "\nand [z](javascript:a)\n"
    tokens = markdown.parse(body)
    found: list = []
    assert cpu_seconds(lambda: found.extend(markdown.unsafe_links(tokens, body))) < 3
    assert [link.line for link in found[-2:]] == [1, 2]
    assert body[found[-1].offset :].startswith("javascript:a)\n")


def test_many_links_in_one_paragraph_are_rendered_at_once():
    """Each link's text was read from a copy of the rest of its paragraph: 20,000 links in one took 18 s."""
    body = "".join(f"<https://example.org/{i}> and [a](https://example.org/a) " for i in range(10_000))
    assert cpu_seconds(lambda: markdown.render(markdown.parse(body))) < 3


def test_a_reference_is_refused_where_it_is_used():
    body = "Text.\n\nSee [the page][p]\nand more.\n\n[p]: javascript:alert(1)\n"
    [unsafe] = markdown.unsafe_links(markdown.parse(body), body)
    assert unsafe.line == 3


def test_many_links_to_one_anchor_are_checked_at_once(content_copy):
    """Each link's fragment was searched for in the whole target page: 10,000 links took 59 s, 20,000 247 s."""
    path = content_copy / ARTICLE
    link = f"[x]({{filename}}/{ARTICLE}#no-such-part) "
    path.write_text(path.read_text(encoding="utf-8") + "\n" + link * 10_000 + "\n", encoding="utf-8")
    problems: list = []
    assert cpu_seconds(lambda: problems.extend(check(content_copy))) < 20
    assert any("points to #no-such-part, which is not on that page" in str(p) for p in problems)


def test_a_folder_of_many_files_no_link_reaches_is_told_at_once(content_copy):
    """Each file's name to give went through the names of its folder before its own: a folder of 1,500 photos named
    `IMG 0001.jpg` took 32 s, each file more costing more."""
    (content_copy / "files").mkdir()
    for number in range(2_000):
        (content_copy / "files" / f"IMG {number:04d}.jpg").write_bytes(b"x")
    problems: list = []
    assert cpu_seconds(lambda: problems.extend(check(content_copy))) < 10
    hints = {p.hint for p in problems if p.path.endswith(".jpg")}
    assert len(hints) == 2_000 and any("such as files/img-1999.jpg" in hint for hint in hints), sorted(hints)[:3]


def test_a_link_s_problem_is_read_for_the_file_it_names_at_once(tmp_path):
    """`points to (.+), a name with .+, which...` read each problem of a link: a link written with `points to , a
    name with ` 2,000 times took 39 s, twice as many 312 s."""
    url = "{static}/" + "points to , a name with x" * 2_000
    problem = Problem("a.md", 1, "body", f"link {url!r} points to a file that does not exist", "")
    told = Problem("a.md", 2, "body", f"link 'x' points to files/a b.pdf, a name with ' ', {UNREACHABLE}", "")
    found: set = set()
    assert cpu_seconds(lambda: found.update(linked_unreachable([problem, told], tmp_path))) < 2
    assert found == {str(tmp_path / "files" / "a b.pdf")}


def test_a_file_of_empty_lines_is_refused_at_once(content_copy):
    """`^\\s+raw:` spans line ends: for an article that cannot be read, its `raw:` line was looked for from
    each line of a run of empty lines; 100,000 took 25 s, 200,000 100 s."""
    path = content_copy / "articles/2025/empty-lines.en.md"
    path.write_text("x" + "\n" * 100_000, encoding="utf-8")
    problems: list = []
    assert cpu_seconds(lambda: problems.extend(check(content_copy))) < 10
    assert any(p.path == str(path) and p.severity == "error" for p in problems), problems


def test_a_page_of_comments_is_told_from_html_at_once():
    """With `<!--.*?-->`, a comment could span several: 25 empty comments before text took 6 s, each one
    more doubling it (`make import` of such a page hung)."""
    assert cpu_seconds(lambda: is_html("<!---->" * 28 + "text")) < 2
    assert not is_html("<!---->" * 280 + "text")
    assert is_html("<!-- a -->\n<!-- b --> <!DOCTYPE html><html>")
    assert is_html("<!--<!DOCTYPE html><!-- b --><body>")  # a comment left open: a page all the same
    assert not is_html("<!-- a --> text <html>")


def test_a_page_of_more_elements_than_a_news_page_holds_is_refused_at_once(capsys, tmp_path):
    """trafilatura's reading of a page grows as the square of its elements (its XPath searches): 40,000
    paragraphs of one link each (1.2 MB) took 22 s, the 5 MB a page may hold minutes; `make import` hung."""
    page = (FIXTURES / "news-page.html").read_text(encoding="utf-8")
    source = tmp_path / "page.html"
    source.write_text(page.replace("</article>", '<p><a href="/x">w</a> x y</p>\n' * 40_000 + "</article>"))
    run = None

    def work():
        nonlocal run
        run = run_import(capsys, source, tmp_path / "out", "--lang", "en")

    assert cpu_seconds(work) < 5
    assert run.code == 1 and "nothing was written" in run.err
    assert "page.html: file: holds 80,045 elements, more than a news page holds (20,000)" in run.err
    assert written_files(tmp_path / "out") == []


def test_a_page_of_as_many_elements_as_a_news_page_holds_is_imported(capsys, tmp_path):
    page = (FIXTURES / "news-page.html").read_text(encoding="utf-8")
    source = tmp_path / "page.html"
    source.write_text(page.replace("</article>", "<p>w x y</p>\n" * (20_000 - 45) + "</article>"))
    run = run_import(capsys, source, tmp_path / "out", "--lang", "en")
    assert run.code == 0, run.err


def test_a_paragraph_of_many_wrapped_lines_is_imported_at_once(capsys, tmp_path):
    """Each line joined to a hard-wrapped paragraph looked at, and copied, the whole text before it: a paragraph
    of 40,000 short lines took 43 s to join."""
    source = tmp_path / "wrapped.txt"
    source.write_text("Konwencja z Hanoi\n\n" + "słowo-\nx\n" * 20_000 + "\nKoniec tekstu.\n", encoding="utf-8")
    run = None

    def work():
        nonlocal run
        options = ("--date", "2025-10-26", "--lang", "pl", "--source-url", "https://example.org/a")
        run = run_import(capsys, source, tmp_path / "out", *options)

    assert cpu_seconds(work) < 5
    assert run.code == 0, run.err
    [article] = written_files(tmp_path / "out")
    assert "\n" + " ".join(["słowo-x"] * 20_000) + "\n" in article.read_text(encoding="utf-8")  # hyphens kept


def test_many_marked_passages_are_read_at_once():
    """The attributes plugin's span rule copies the rest of the paragraph at each `[...]`: 150,000
    `[a]{lang=pl}` (1,800,000 bytes) took 25 s, twice as many four times as long; now about 8 s, linear."""
    body = "[a]{lang=pl}" * 150_000
    assert cpu_seconds(lambda: structure_problems(markdown.parse(body), body)) < 18


def test_the_first_refused_attribute_of_many_spans_is_found_at_its_line():
    body = "[b]{lang=pl} " * 20_000 + "\n\n[c]{onclick=x}\n"
    tokens = markdown.parse(body)
    assert cpu_seconds(lambda: structure_problems(tokens, body)) < 3
    [problem] = structure_problems(tokens, body)
    assert problem.line == 3 and "'onclick'" in problem.message


def _annotated(count: int) -> str:
    """An article with `count` notes, each on a word of its own."""
    words = " ".join(f"passage{n:05d}x" for n in range(count))
    notes = "".join(f'  - text: "passage{n:05d}x"\n    kind: editor\n    note: "N."\n' for n in range(count))
    return f"---\ntitle: Notes\ndate: 2025-10-26\nlang: en\ntranslation_key: notes\nannotations:\n{notes}" + (
        f"source:\n  url: https://example.org/n\n  publisher: Example\n---\n\n{words}.\n"
    )


def test_many_notes_on_a_text_of_many_tags_are_checked_and_placed_at_once():
    """Each note's passage was searched for run by run of the text between tags, each run a search of its own:
    100 notes on a text of 200,000 tags took 40 s to check, and as long again to place in the build."""
    text = _annotated(100)
    doc = frontmatter.split(text, "notes.en.md")
    notes = schema.validate(frontmatter.load_with_nodes(doc)[0], doc).annotations
    html = f"<p>{doc.body.strip()}</p>\n<p>" + "<em>x</em> " * 100_000 + "</p>\n"
    assert cpu_seconds(lambda: annotations.check(notes, doc, html)) < 4
    placed: list = []
    assert cpu_seconds(lambda: placed.append(annotations.apply(html, notes))) < 4
    marked, numbered = placed[0]
    assert marked.count('class="note-ref"') == len(numbered) == 100 and "passage00099x<sup" in marked


def test_more_notes_than_a_page_holds_are_refused_at_their_line(tmp_path):
    """16,000 notes on a text of 250 KB took `make check` 114 s: their number is bounded."""
    path = tmp_path / "articles" / "2025" / "notes.en.md"
    path.parent.mkdir(parents=True)
    path.write_text(_annotated(101), encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        read_article(path, tmp_path)
    assert str(refused.value).startswith(f"{path}:7: annotations: has 101 notes, more than 100")


BASE_60 = "1" + ":1" * 300_000  # a number in base 60 to YAML 1.1, as `1:30:00` is 5400


@pytest.mark.parametrize("line", [f"title: {BASE_60}", f"countries: [{BASE_60}]", f"tags: [!!int '{BASE_60}']"])
def test_a_number_of_many_base_60_parts_is_refused_at_its_line_at_once(line, tmp_path):
    """PyYAML computes a base-60 number part by part on a value that grows with the text: `1:1:1...` of 80,000
    parts took 2 s, of 300,000 (600 KB) 30 s, of the 1,000,000 a file holds minutes, before it was refused."""
    path = tmp_path / "articles" / "2025" / "numbers.en.md"
    path.parent.mkdir(parents=True)
    path.write_text(f"---\n{line}\n---\n\nA text.\n", encoding="utf-8")
    refused: list[ContentError] = []

    def read() -> None:
        with pytest.raises(ContentError) as error:
            read_article(path, tmp_path)
        refused.append(error.value)

    assert cpu_seconds(read) < 3
    assert f"{path}:2: " in str(refused[0]) and "cannot be read as a number (int)" in str(refused[0])


def test_many_empty_footnotes_are_refused_at_once():
    """The line of a footnote with no text is searched for in the whole text: once, for all of them."""
    body = "".join(f"Text[^{n}].\n\n" for n in range(20_000)) + "".join(f"[^{n}]:\n\n" for n in range(20_000))
    tokens = markdown.parse(body)
    problems: list = []
    assert cpu_seconds(lambda: problems.extend(structure_problems(tokens, body))) < 3
    assert [(p.line, p.message) for p in problems] == [
        (40_001 + 2 * n, "has a footnote with no text") for n in range(20_000)
    ]


def test_many_refused_attributes_and_empty_links_of_one_paragraph_are_each_found_at_their_line():
    """Each is searched for from the line of the one before: a paragraph of 20,000 is read once."""
    body = "Text\n" + "[a]{onclick=x} [](https://example.org/)\n" * 20_000
    tokens = markdown.parse(body)
    problems: list = []
    assert cpu_seconds(lambda: problems.extend(structure_problems(tokens, body))) < 3
    assert [p.line for p in problems] == [line for line in range(2, 20_002) for _ in range(2)]


def test_many_unread_links_and_links_inside_links_of_one_paragraph_are_each_found_at_their_line():
    """Each `](` shown as text is looked for in the paragraph after the last: 20,000 of them, and as many autolinks
    inside a link's text, escaped brackets among them, are read once."""
    body = "Text\n" + "[a](https://a.org/x y) \\[b](https://b.org/) [c <https://c.org/>](https://www.c.org/)\n" * 20_000
    tokens = markdown.parse(body)
    problems: list = []
    assert cpu_seconds(lambda: problems.extend(structure_problems(tokens, body))) < 3
    assert sorted(p.line for p in problems) == [line for line in range(2, 20_002) for _ in range(2)]


def refused_in_cpu_seconds(path: Path, content: Path) -> tuple[float, list[Problem]]:
    """The CPU seconds reading the article at `path` took, and the problems it was refused for."""
    refused: list[list[Problem]] = []

    def read() -> None:
        with pytest.raises(ContentError) as error:
            read_article(path, content)
        refused.append(error.value.problems)

    seconds = cpu_seconds(read)
    return seconds, refused[0]


def test_a_front_matter_of_many_bad_items_is_told_each_in_linear_time(tmp_path):
    """Every problem is told: each at its line from one composition of the front-matter, each field's parts
    looked up in sets, so that 5,000 bad items do not take 5,000 readings of 20,000 lines."""
    count = 5_000
    items = "".join(f"  - {n}\n" for n in range(count))
    steps = "".join(f"  - from: {n}\n    to: vi\n    by: ...\n" for n in range(count))
    path = tmp_path / "articles" / "2025" / "many.en.md"
    path.parent.mkdir(parents=True)
    path.write_text(
        f"---\ntitle: Many\ndate: 2025-10-26\nlang: en\ntranslation_key: many\ntags:\n{items}"
        f"translation_chain:\n{steps}source:\n  url: https://example.org/n\n  publisher: Example\n---\n\nText.\n",
        encoding="utf-8",
    )
    seconds, problems = refused_in_cpu_seconds(path, tmp_path)
    assert seconds < 10
    assert [problem.field for problem in problems[:2]] == ["tags.0", "tags.1"]
    assert len(problems) == 3 * count  # a tag a number, a step's `from` a number, and its `by` left `...`


@pytest.mark.parametrize("item", ["!!null x", "!!float 1"])
def test_a_front_matter_of_tagged_items_is_read_and_told_in_bounded_time(tmp_path, item):
    """As many tagged items as a YAML text may hold values, in lists of as many items as a list may have: each is
    judged by the pass that tells a tag making a value of another kind than its text (`yaml_tags._retyped`), each
    found told once, in the file's order."""
    inner = "[" + ", ".join([item] * 9_000) + "]"
    lists = "".join(f"  - {inner}\n" for _ in range(frontmatter.MAX_NODES // 9_002 - 1))
    path = tmp_path / "articles" / "2025" / "tagged.en.md"
    path.parent.mkdir(parents=True)
    head = "---\ntitle: Tagged\ndate: 2025-10-26\nlang: en\ntranslation_key: tagged\n"
    path.write_text(f"{head}translation_chain:\n{lists}---\n\nText.\n", encoding="utf-8")
    seconds, problems = refused_in_cpu_seconds(path, tmp_path)
    assert seconds < 5
    tagged = [problem for problem in problems if "is tagged" in problem.message]
    assert len(tagged) == (lists.count(item) if item == "!!null x" else 0), problems[:3]  # `!!float 1` is a number
    assert [problem.line for problem in problems] == sorted(problem.line for problem in problems), problems[:3]


@pytest.mark.parametrize(
    ("item", "field"),
    [("x", "k9"), ("- x", "k4"), ("!!null x", "k9"), ("[x, x, x, x, x, x, x, x, x, x]", "k0")],
)
def test_a_front_matter_of_more_values_than_a_yaml_text_may_hold_is_refused_before_it_is_read(item, field):
    """A file's worth (2 MB) of list items, in lists of fewer items than a list may have: composing, checking
    (each item against the others of its list) and reading them took 7 s, and 200,000 `!!null x` were told as
    as many problems. Refused at the first value over the limit, before any node is made."""
    one = f"- {item}\n" * 5_000
    lists = "".join(f"k{n}:\n{one}" for n in range(1_990_000 // len(one)))
    text = f'---\ntitle: "A"\ndate: 2025-10-27\nlang: en\ntranslation_key: a\n{lists}---\n\nA.\n'
    seconds, problems = _refused(text)
    assert seconds < 2
    [refused] = problems
    assert refused.field == field, refused
    assert refused.message.startswith(f"holds more than {frontmatter.MAX_NODES:,} values"), refused
    lines = text.split("\n")
    assert lines[refused.line - 1].startswith(("- ", "k")), refused  # an item, or a key of the field it is in


SOURCE = "source:\n  url: https://example.org/a\n  publisher: Example\n"


def test_a_file_of_many_problems_is_told_by_its_first_and_counted():
    """A file may hold tens of thousands of problems (a value each): all are found and counted, the first of each
    file told, then how many more, so that one file does not bury the others under 200,000 lines."""
    items = "".join(f"  - {n}\n" for n in range(5_000))
    text = f'---\ntitle: "A"\ndate: 2025-10-27\nlang: en\ntranslation_key: a\ntags:\n{items}{SOURCE}---\n\nA.\n'
    with pytest.raises(ContentError) as refused:
        parse_article(text.encode(), "content/articles/2025/a.en.md")
    assert len(refused.value.problems) == 5_000
    shown = str(refused.value).split("\n")
    assert len(shown) == errors.TOLD_PER_FILE + 1
    assert shown[0].startswith("content/articles/2025/a.en.md:7: tags.0: ")
    assert shown[-1].startswith(f"content/articles/2025/a.en.md: file: and {5_000 - errors.TOLD_PER_FILE:,} more")
    other = Problem("content/articles/2025/b.en.md", 3, "title", "is missing")
    stream = io.StringIO()
    errors.report([*refused.value.problems, other], stream)
    assert stream.getvalue().split("\n")[:-1] == [*shown, str(other)]


CORRECTED_MANY_TIMES = """---
title: "Corrected many times"
date: 2025-10-27
lang: en
translation_key: corrected-many-times
source:
  url: https://example.org/corrected
  publisher: Example Agency
corrections:
{corrections}---

A text.
"""
PAGE_NUMBERS = re.compile(r'<nav class="pagination page-numbers".*?</nav>', re.DOTALL)
PAGE_NUMBER_LINK = re.compile(r'<a (?:aria-current="page" )?href="(/en/about/(?:page/\d+/)?)"')


def test_a_listing_of_many_pages_gives_each_page_a_bounded_number_of_page_links(tmp_path):
    """Every page of a paginated listing linked to every other: the corrections log, grown by one article of 20,000
    corrections (800 KB), was 400 pages a language of 800 links each, 57 MB, built in 43 s; 40,000, 140 s."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    corrections = "".join(f"  - date: 2025-10-28\n    change: change {i}\n" for i in range(6_000))
    article = content / "articles" / "2025" / "corrected-many-times.en.md"
    article.write_text(CORRECTED_MANY_TIMES.format(corrections=corrections), encoding="utf-8")
    site = build_site(tmp_path / "output", content)
    log = {f"/{p.parent.relative_to(site).as_posix()}/" for p in (site / "en" / "about").rglob("index.html")}
    assert len(log) >= 6_000 / 50
    reached, queue = {"/en/about/"}, deque(["/en/about/"])
    while queue:
        html = Path(site, queue.popleft().lstrip("/"), "index.html").read_text(encoding="utf-8")
        navs = PAGE_NUMBERS.findall(html)
        assert len(navs) == 2 and all(len(PAGE_NUMBER_LINK.findall(nav)) <= 25 for nav in navs)
        for url in set(PAGE_NUMBER_LINK.findall(navs[0])) - reached:
            reached.add(url)
            queue.append(url)
    assert reached == log  # every page of the log is reached through the page links


def _refused(text: str) -> tuple[float, tuple]:
    """The CPU time the article `text` takes to be refused, and its problems."""
    problems: list = []

    def read():
        with pytest.raises(ContentError) as refused:
            parse_article(text.encode(), "content/articles/2025/a.en.md")
        problems.extend(refused.value.problems)

    return cpu_seconds(read), tuple(problems)


def test_a_front_matter_of_many_unknown_keys_is_told_each_at_its_line():
    """Each key's line was searched for from the mapping's first key: 8,000 unknown keys (72 KB) took 4 s,
    100,000 (a file of 1 MB) minutes (`frontmatter._value_of`). As many as a mapping may have are each told."""
    count = 300 - 4  # and title, date, lang, translation_key
    keys = "".join(f"k{i}: v\n" for i in range(count))
    text = f'---\ntitle: "A"\ndate: 2025-10-27\nlang: en\ntranslation_key: a\n{keys}---\n\nText.\n'
    seconds, problems = _refused(text)
    assert seconds < 3
    unknown = [p for p in problems if p.message == "is not a known field"]
    assert len(unknown) == count and unknown[-1].line == 6 + count - 1 and unknown[-1].field == f"k{count - 1}"


def test_a_front_matter_of_more_keys_than_a_mapping_may_have_is_refused_at_once():
    """Each unknown key is looked up among the fields it might have meant: 100,000 took `make check` 17 s (more
    than a YAML text may hold values now: as many keys as it may hold are refused here)."""
    keys = "".join(f"k{i}: v\n" for i in range(frontmatter.MAX_NODES // 2 - 10))
    text = f'---\ntitle: "A"\ndate: 2025-10-27\nlang: en\ntranslation_key: a\n{keys}---\n\nText.\n'
    seconds, problems = _refused(text)
    assert seconds < 3
    [refused] = problems
    assert (refused.line, refused.field) == (2 + 300, "front-matter")
    assert refused.message.startswith(f"has {frontmatter.MAX_NODES // 2 - 6:,} keys, more than the 300 a mapping")


def test_a_data_record_of_more_keys_than_a_mapping_may_have_is_refused_at_once(content_copy):
    """The same in the data files: 8,000 unknown keys in one record of people.yaml took 7 s, 100,000 a minute."""
    path = content_copy / "data/people.yaml"
    keys = "".join(f"  k{i}: v\n" for i in range(frontmatter.MAX_NODES // 2 - 1_000))
    path.write_text(
        path.read_text(encoding="utf-8").replace("- name: Anh Fixturova\n", f"- name: Anh Fixturova\n{keys}", 1)
    )
    problems: list = []
    assert cpu_seconds(lambda: problems.extend(check(content_copy))) < 5
    [refused] = [p for p in problems if p.path == str(path)]
    assert refused.line == 2 + 300 and "keys, more than the 300 a mapping may have" in refused.message, refused


# name: (a body's text, what its refusal says, the line of the text where the first one over the cap is)
HOSTILE_BODIES = {
    "brackets": ("[" * 1_000_000, "more than 20,000 '['", 1),
    "images": ("![" * 500_000, "more than 20,000 '['", 1),
    "footnote marks": ("[^" * 500_000, "more than 20,000 '['", 1),
    "emphasis": ("*a_" * 330_000, "more than 20,000 emphasis marks", 1),
    "table cells": ("|a" * 20_000 + "\n" + "|-" * 20_000 + "\n" + "|a" * 20_000 + "\n", "more than 20,000 '|'", 2),
    "lines": ("a\n" * 500_000, "more than 50,000 lines", None),  # the body's line 50,001
}


@pytest.mark.parametrize("name", HOSTILE_BODIES)
@pytest.mark.parametrize("page", ["articles/2025/signing-in-hanoi.en.md", "about/about.en.md"])
def test_a_body_of_more_markup_than_a_page_needs_is_refused_before_it_is_read(name, page, content_copy):
    """markdown-it-py tries each `[` as a link, each `*` as emphasis, each line as a block: a body of 1 MB of `[`
    took `make check` 20 s, of `![` 23 s, of `*a` 7 s, and a file may hold 2 MB. Each is counted first."""
    body, said, over = HOSTILE_BODIES[name]
    path = content_copy / page
    text = path.read_text(encoding="utf-8")
    path.write_text(f"{text}\nThe rest:\n\n{body}\n", encoding="utf-8")
    body_line = text.split("\n").index("---", 1) + 2
    problems: list = []
    assert cpu_seconds(lambda: problems.extend(check(content_copy))) < 5
    [refused] = [p for p in problems if p.path == str(path)]
    assert said in refused.message and refused.field == "body"
    assert refused.line == (body_line + 50_000 if over is None else text.count("\n") + 3 + over), refused


def test_a_long_article_with_a_table_of_a_few_thousand_cells_is_read_and_one_over_the_cap_is_told_what_to_do():
    """A long article (9,000 words, 500 links and footnotes) with a table of every UN member state is read at once;
    a table of 3,000 rows (21,000 `|`) is refused, and the hint says what to do with a table, not to split a text
    that `holds a few hundred at most`."""
    head = '---\ntitle: "A"\ndate: 2025-10-27\nlang: en\ntranslation_key: a\n'
    head += "source:\n  url: https://example.org/a\n  publisher: Example\n---\n\n"
    sentence = "The *delegates* met in Hanoi to sign the [convention](https://example.org/a_b) on cybercrime.[^{}] "
    text = "".join(sentence.format(at) * 5 + "\n\n" for at in range(100)) + "".join(
        f"[^{at}]: Note {at}.\n" for at in range(100)
    )
    header = "| State | Signed | Ratified | Notes | Source | Link |\n|---|---|---|---|---|---|\n"

    def table(rows: int) -> str:
        return header + "".join(
            f"| State {at} | 2025-10-25 | no | _pending_ | UN | [x](https://example.org/{at}) |\n" for at in range(rows)
        )

    assert cpu_seconds(lambda: parse_article(f"{head}{text}\n{table(193)}".encode(), "a.en.md")) < 3
    with pytest.raises(ContentError) as refused:
        parse_article(f"{head}{text}\n{table(3_000)}".encode(), "a.en.md")
    [problem] = refused.value.problems
    assert "more than 20,000 '|'" in problem.message and "{static}/" in problem.hint, problem


def test_a_summary_of_more_markup_than_a_summary_needs_is_refused_before_it_is_read():
    """A summary is Markdown too, read before the body's caps apply: `summary:` of 1.8 MB of `[` took 37 s to be
    told it shows no word, of `&` 6 s. One longer as written than any summary needs is refused unread."""
    for markup in ("[", "&"):
        summary = markup * 1_800_000
        text = f'---\ntitle: "A"\ndate: 2025-10-27\nlang: en\ntranslation_key: a\nsummary: "{summary}"\n---\n\nA.\n'
        seconds, problems = _refused(text)
        assert seconds < 3, markup
        [refused] = [problem for problem in problems if problem.field == "summary"]
        assert refused.line == 6 and refused.message.startswith("is 1,800,000 characters long as written, more than")
    folded = "\n  ".join(["A summary of words."] * 1_200)  # 24,000 characters: the 20,001st on the file's line 1,007
    text = f'---\ntitle: "A"\ndate: 2025-10-27\nlang: en\ntranslation_key: a\nsummary: >-\n  {folded}\n---\n\nA.\n'
    [refused] = [problem for problem in _refused(text)[1] if problem.field == "summary"]
    assert refused.line == 7 + 20_000 // len("A summary of words. "), refused


def test_a_problem_quoting_a_long_value_is_told_in_a_line_of_bounded_length():
    """A note's passage not in the text was quoted whole: a passage of 900 KB made an error line of 900 KB."""
    passage = "a" * 900_000
    text = (
        f'---\ntitle: "A"\ndate: 2025-10-27\nlang: en\ntranslation_key: a\nannotations:\n  - text: "{passage}"\n'
        "    kind: editor\n    note: x\nsource:\n  url: https://example.org/a\n  publisher: Example\n---\n\nText.\n"
    )
    [problem] = _refused(text)[1]
    shown = str(problem)
    assert len(shown) < 10_000 and "characters not shown) …" in shown
    assert shown.startswith("content/articles/2025/a.en.md:7: annotations.0.text: 'aaa")
    assert shown.endswith(
        "aaa' is not in the article's text (quote a passage of the text exactly, long enough to "
        "occur once, without Markdown marks; or delete this item of `annotations:` if its note is not of this text)"
    )


def test_a_problem_naming_a_long_key_is_told_in_a_line_of_bounded_length():
    """The field a problem names was shown whole: a key of 900 KB (`? "aaa..."`, which YAML takes of any length)
    made an error line of 900 KB, its message bounded."""
    key = "k" * 900_000
    text = (
        f'---\ntitle: "A"\ndate: 2025-10-27\nlang: en\ntranslation_key: a\nsource:\n  url: https://example.org/a\n'
        f'  publisher: Example\n  ? "{key}"\n  : v\n---\n\nText.\n'
    )
    [problem] = _refused(text)[1]
    shown = str(problem)
    assert len(shown) < 10_000 and "characters not shown) …" in shown
    assert shown.startswith("content/articles/2025/a.en.md:10: source.kkk")
    assert shown.endswith("kkk: is not a known key (known keys: accessed, archived, publisher, raw, url)")


def test_a_list_of_more_items_than_a_list_may_have_is_refused_at_once():
    """Each item is checked and told: `countries: [[], [], ...]` of 300,000 items (900 KB) took 10 s (more than a
    YAML text may hold values now: as many items as it may hold are refused here)."""
    count = frontmatter.MAX_NODES - 20
    text = (
        f'---\ntitle: "A"\ndate: 2025-10-27\nlang: en\ntranslation_key: a\ncountries: [{"[], " * count}]\n---\n\nA.\n'
    )
    seconds, problems = _refused(text)
    assert seconds < 3
    [refused] = problems
    assert (refused.line, refused.field) == (6, "countries")
    assert refused.message.startswith(f"has {count:,} items, more than the 10,000 a list may have")


# Each took markdown-it-py 4 to 16 s in a body of 1.9 MB, under every cap of `body_cost.MARKUP_CAPS`.
# `[a](a\\)a…`: an escaped `)` closes nothing, and each address is read on through 32 more `(` (8 s).
COSTLY_MARKUP = [
    *["<", "!", "{", "\\", "&#1;", "``x`", "<a@b", "[a](" + "a" * 95, "![a](" + "a" * 94],
    "[a](a\\)" + "a" * 93,
]


@pytest.mark.parametrize("unit", COSTLY_MARKUP)
def test_a_body_of_costly_markup_is_refused_before_markdown_it_reads_it(unit, content_copy):
    path = content_copy / ARTICLE
    text = path.read_text(encoding="utf-8") + "\n"
    path.write_text(text + unit * ((1_900_000 - len(text)) // len(unit)) + "\n", encoding="utf-8")
    problems: list = []
    assert cpu_seconds(lambda: problems.extend(check(content_copy))) < 3
    [refused] = [p for p in problems if p.path == str(path) and p.field == "body"]
    assert refused.severity == "error" and refused.line == text.count("\n") + 1, str(refused)
    assert "more than an article's page needs" in refused.message


def test_a_body_of_prose_as_long_as_a_file_holds_is_read_as_an_article(content_copy):
    """Prose holds one markup character in fifty or fewer: the caps refuse no article, however long."""
    path = content_copy / ARTICLE
    text = path.read_text(encoding="utf-8")
    prose = (FIXTURE / "articles/2025/lodz-conference.pl.md").read_text(encoding="utf-8")
    prose = prose.split("---\n", 2)[2]
    path.write_text(text + prose * ((1_900_000 - len(text)) // len(prose.encode())), encoding="utf-8")
    assert [p for p in check(content_copy) if p.path == str(path) and p.severity == "error"] == []


# Links whose addresses markdown-it takes or reads to the line's end: the cases a count of addresses written
# apart from markdown-it's own `parseLinkDestination` told otherwise than markdown-it reads them.
ADDRESSES = {
    "an address in <> holding spaces and parentheses": "[a](<x (y) z>)\n",
    "an escaped parenthesis": "[a](x\\(y)\n",
    "nested parentheses": "[a](x(y(z))w)\n",
    "an escaped closing parenthesis, never closed": "[a](x\\)(y\n",
    "a line end inside an address in <>": "[a](<x y\nz>)\n",
    "a line end inside parentheses": "[a](x(y\nz))\n",
    "spaces and a line end before the address": "[a]( \n <x y>)\n",
}


@pytest.mark.parametrize("body", ADDRESSES.values(), ids=ADDRESSES.keys())
def test_a_link_address_is_counted_as_markdown_it_reads_it(body):
    """An address markdown-it takes for a link's is read once, as the rest of the body: not counted. One it does not
    take is counted as far as it read it: to the line's end."""
    is_link = any(token.type == "link_open" for token in markdown.markdown().parseInline(body)[0].children)
    assert (body_cost.address_offset_past(body, 0) is None) == is_link
    if not is_link:
        read = body.index("\n") + 1 - (body.index("](") + 2)  # the line's end included
        assert body_cost.address_offset_past(body, read) is None
        assert body_cost.address_offset_past(body, read - 1) == body.index("](")


def test_a_body_of_links_markdown_it_reads_once_is_read_whatever_their_addresses():
    """Addresses markdown-it closes, in <>, with nested or escaped parentheses, are not read again: a body of them
    as long as a file holds is not refused."""
    link = "[a](<x (y) " + "a" * 200 + ">)[b](x(y(" + "b" * 200 + "))w)[c](x\\(" + "c" * 200 + ")"
    body = link * (1_900_000 // len(link))
    problems: list = []
    doc = frontmatter.SplitDocument("content/articles/2025/a.en.md", "", body, 10)
    assert cpu_seconds(lambda: problems.append(body_cost.markup_problem(doc))) < 3
    assert problems == [None]


def test_a_text_of_many_names_like_a_state_s_is_read_at_once():
    """Each state word looked back over the adjectives before it, and each known name found: a text of 5,000
    `Republic`s (each an adjective of the next, as `Republic` ends as `Democratic` does) took 10 s to read."""
    text = "Republic " * 50_000 + "Democratic " * 50_000 + "Republic of Korea. " + "Polska Republic of Xx " * 50_000
    found = None

    def work():
        nonlocal found
        found = countries.read(text)

    assert cpu_seconds(work) < 3
    assert found.codes == ("PL",) and [each.name for each in found.unknown] == [
        "Democratic Democratic Democratic Democratic Democratic Republic of Korea",
        "Republic of Xx",
    ]
