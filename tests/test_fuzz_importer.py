"""Fuzzing the importer: random and mutated sources either import faithfully or fail with the importer's own error.

Each example runs the importer's entry point (`python -m tools.importer`, as `make import` does) on a fresh
source file and content folder, and checks one of two outcomes, within the CPU-time bound of tests/fuzzing.py:

- exit 0: one file written, which the build's reader accepts, and which keeps the source's text. Every
  non-empty line of a text source is in the article's body, in order, or is accounted for: its Source line,
  its title line, or a line reported as dropped (page residue) or replaced (a title line, by TITLE). Every
  text of a page's article is text of the page: nothing invented;
- exit 1: a message `path: field: message (hint)` naming the source, and nothing written.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive_core.articles import ArticleDocument, read_article
from archive_core.tests.effort import cpu_seconds
from archive_core.text import visible_text
from tools.importer import structure
from tools.importer.__main__ import main
from tools.importer.decoding import decode
from tools.importer.htmlpage import is_html

from .conftest import SEED
from .fuzzing import FRAGMENTS, TIME_BOUND_SECONDS, mutated
from .importer.helpers import content_folder, written_path

FIXTURES = Path(__file__).parent / "importer" / "fixtures"
NEWS_PAGE = (FIXTURES / "news-page.html").read_text(encoding="utf-8")
SEED_TEXT = SEED.read_text(encoding="utf-8")
URL = "https://example.org/article"

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Lines as found in raw articles, and lines that look like what the importer recognises.
SOURCE_LINES = [
    "Konwencja z Hanoi otwarta do podpisu",
    "Wietnam zobowiązuje się do pełnego, poważnego i odpowiedzialnego wypełniania zobowiązań.",
    "Seventy-two states signed the convention in Hanoi, sixty-four of them in the main hall.",
    "Minister wskazał na trzy ważne rezultaty, a mianowicie:",
    "pierwszy rezultat;", "drugi rezultat,", "trzeci rezultat.",
    "Delegaci w Hanoi. (Zdjęcie: Pham Kien/VNA)", "(Photo: Minh Son/Vietnam+)", "(TTXVN/Wietnam+)", "(PAP)",
    "Source: https://www.vietnamplus.vn/a-post1.vnp", "Źródło: https://example.org/b", "Source: javascript:alert(1)",
    "Source:", "Source: https://", "source : HTTPS://EXAMPLE.ORG/X y",
    "Komentarz (0)", "Udostępnij", "Facebook", "Tagi: Konwencja z Hanoi", "Read more",
    "„Cytat w cudzysłowie” – powiedział.", "- punkt listy", "• punkt", "* gwiazdka", "1. numer", "1) numer",
    "# nie nagłówek", "> nie cytat", "::: caption", ":::", "```", "~~~", "    wcięcie", "\t tab", "| a | b |",
    "|---|---|", "<script>alert(1)</script>", "<b>bold</b> &amp; &copy; &#x41;", "[link](javascript:x)",
    "![img](data:x)", "[^1]: przypis", "[a]: https://example.org", "***", "___", "===", "---", "a  ", "\\",
    "Białoruś, Łódź, RPA, UE, Wietnamu i Polska.", "ZAŻÓŁĆ GĘŚLĄ JAŹŃ", "żółw " * 40, "x" * 3000,
]  # fmt: skip
LINE_ENDS = ["\n", "\r\n", "\r", "\n\n", "\n \n", "\u2028", "\x85", "\x0b", "\x0c"]
ENCODINGS = ["utf-8", "utf-8-sig", "cp1250", "iso-8859-2", "utf-16"]


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str
    written: list[Path]


def run_importer(data: bytes, *options: str, name: str = "source.txt") -> Outcome:
    """`make import SRC=<data>` into a fresh content folder; its exit code, output and the files it wrote."""
    with tempfile.TemporaryDirectory() as folder:
        source, dest = Path(folder) / name, Path(folder) / "content"
        source.write_bytes(data)
        out, err = io.StringIO(), io.StringIO()
        codes: list[int] = []

        def run() -> None:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), content_folder(dest):
                codes.append(main([str(source), "--dest", str(dest), *options]))

        elapsed = cpu_seconds(run)
        [code] = codes
        assert elapsed < TIME_BOUND_SECONDS, f"took {elapsed:.2f} s of CPU time"
        written = sorted(p for p in dest.rglob("*") if p.is_file()) if dest.exists() else []
        outcome = Outcome(code, out.getvalue(), err.getvalue(), written)
        if code == 0:
            check_imported(source, data, outcome)
        else:
            check_refused(source, outcome)
        return outcome


def check_refused(source: Path, outcome: Outcome) -> None:
    assert outcome.code == 1, outcome
    assert outcome.written == [], "a refused import wrote files"
    assert outcome.out == ""
    first_line = outcome.err.splitlines()[0]
    assert re.match(rf"{re.escape(str(source))}(?::\d+)?: [\w.-]+: \S", first_line) or first_line.startswith(
        str(source.parent / "content")  # a clash with an existing file names that file
    ), outcome.err
    assert "nothing was written" in outcome.err
    assert "Traceback" not in outcome.err


def check_imported(source: Path, data: bytes, outcome: Outcome) -> None:
    assert outcome.written == [written_path(outcome.out)], outcome
    document = read_article(outcome.written[0])
    text = decode(source, data)
    if is_html(text):
        assert_nothing_invented(text, document)
    else:
        assert_every_line_kept(text, document, outcome.err)


def collapse(text: str) -> str:
    return " ".join(text.split())


def body_text(document: ArticleDocument) -> str:
    return collapse(lxml.html.fragment_fromstring(document.html, create_parent="div").text_content())


def assert_every_line_kept(text: str, document: ArticleDocument, err: str) -> None:
    """Each non-empty line of the source is in the body, in order, unless it is accounted for otherwise:
    the first Source line (the article's address), the title's line(s), or a line reported as dropped."""
    body = body_text(document)
    lines = [(number, line.strip()) for number, line in enumerate(text.split("\n"), start=1)]
    lines = without_source_line(lines)
    titles = title_texts(document, err)
    position = 0
    for number, raw_line in lines:
        line = collapse(raw_line)
        shown = visible_text(line, prose=False)  # a title holds no character a reader cannot see
        if not shown:  # nothing a reader could see
            continue
        title = next((t for t in titles if position == 0 and t.startswith(shown)), None)
        if title is not None:  # the title's line, or one line of a title wrapped over several
            titles = [title[len(shown) :].lstrip()] if title[len(shown) :].strip() else []
            continue
        titles = []
        if f":{number}: dropped page residue: " in err:
            continue
        bullet = structure.BULLET.fullmatch(line)
        if bullet:
            line = bullet.group(1)  # a bullet is a list item: the marker is structure
        found = body.find(line, position)
        assert found >= 0, f"line {number} lost or out of order: {line!r}"
        position = found + len(line)


def without_source_line(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines but the first "Source: URL" (or "Source:" and the URL on the next line)."""
    for index, (_, line) in enumerate(lines):
        if structure.source_url(line):
            return lines[:index] + lines[index + 1 :]
        following = lines[index + 1][1] if index + 1 < len(lines) else ""
        if structure.SOURCE_LABEL.fullmatch(line) and structure.source_url(f"{line} {following}"):
            return lines[:index] + lines[index + 2 :]
    return lines


def title_texts(document: ArticleDocument, err: str) -> list[str]:
    """The texts the source's first lines may have become: its title, or the title that TITLE replaced."""
    found = [collapse(document.meta.title)] if "title" not in document.meta.review else []
    replaced = re.search(r"the source's title ('.*'|\".*\") was replaced by TITLE", err)
    if replaced:
        found.append(visible_text(collapse(ast.literal_eval(replaced.group(1))), prose=False))
    return found


# Control characters are no text, and are dropped: C0 but tab and line ends, DEL and C1.
CONTROLS = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"


def assert_nothing_invented(page: str, document: ArticleDocument) -> None:
    """Every sentence of the article's paragraphs, headings, captions and list items is text of the page
    (spacing aside). Sentence by sentence: on broken markup, trafilatura may run paragraphs together."""
    page = re.sub(CONTROLS, "", page)
    page_tree = lxml.html.document_fromstring(page)
    # A script's or a style sheet's code is no text of the page: in `O<script>x()</script>fficials` a reader
    # reads `Officials`, which the page text must hold as one word.
    for part in (page_tree, *page_tree.itersiblings()):
        lxml.etree.strip_elements(part, "script", "style", with_tail=False)
    # What follows `</html>` libxml2 keeps in document elements after the root: text of the page all the same.
    text = "".join(part.text_content() for part in (page_tree, *page_tree.itersiblings()))
    page_text = re.sub(CONTROLS, "", re.sub(r"\s+", "", text))  # also those written `&#1;`
    tree = lxml.html.fragment_fromstring(document.html, create_parent="div")
    for element in tree.iter("p", "h2", "li", "figcaption"):
        for sentence in re.split(r"(?<=[.!?:;)”])\s+", element.text_content()):
            assert re.sub(r"\s+", "", sentence) in page_text, f"not in the page: {sentence!r}"


@pytest.fixture(scope="module", autouse=True)
def loaded_once():
    """The language model and the country-name pattern load on first use (about a second): not an example's cost."""
    outcome = run_importer(SEED_TEXT.encode(), "--date", "2025-10-26")
    assert outcome.code == 0, outcome.err


OPTIONS = st.sampled_from(
    [
        ("--date", "2025-10-26"),
        ("--date", "2025-10-26", "--source-url", URL),
        ("--date", "2025-10-26", "--source-url", URL, "--lang", "pl", "--title", "Tytuł"),
        ("--date", "2025-10-26", "--source-url", URL, "--lang", "en"),
        (),
    ]
)


@st.composite
def raw_texts(draw) -> bytes:
    """Lines of articles and look-alikes, with random text between, line ends, a BOM, in one or mixed encodings."""
    pieces = draw(st.lists(st.sampled_from(SOURCE_LINES) | st.text(max_size=40), min_size=0, max_size=30))
    text = "".join(piece + draw(st.sampled_from(LINE_ENDS)) for piece in pieces)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    chunks = [text] if draw(st.booleans()) else [text[: len(text) // 2], text[len(text) // 2 :]]
    data = b"".join(chunk.encode(draw(st.sampled_from(ENCODINGS)), errors="replace") for chunk in chunks)
    return (b"\xef\xbb\xbf" if draw(st.booleans()) else b"") + data


@FUZZ
@given(data=raw_texts(), options=OPTIONS)
def test_random_raw_text(data, options):
    run_importer(data, *options)


@st.composite
def wrapped_texts(draw) -> bytes:
    """Paragraphs of article lines and random text, hard-wrapped at a random width, a blank line between them."""
    paragraphs = draw(st.lists(st.lists(st.sampled_from(SOURCE_LINES) | st.text(max_size=60), max_size=6), max_size=8))
    width = draw(st.integers(10, 120))
    text = "\n\n".join(textwrap.fill(" ".join(p), width, break_long_words=draw(st.booleans())) for p in paragraphs)
    return text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


@FUZZ
@given(data=wrapped_texts(), options=OPTIONS)
def test_hard_wrapped_text(data, options):
    run_importer(data, *options)


@FUZZ
@given(data=mutated(SEED_TEXT), options=OPTIONS)
def test_mutated_seed(data, options):
    run_importer(data, *options)


@FUZZ
@given(data=mutated(NEWS_PAGE), options=OPTIONS)
def test_mutated_saved_page(data, options):
    run_importer(data, *options, name="page.html")


def test_a_malformed_end_tag_is_a_comment_not_text():
    # Found by the fuzzing above: `</---` opens a bogus comment (HTML's rule); its text is no text of the page.
    page = NEWS_PAGE.encode() if isinstance(NEWS_PAGE, str) else NEWS_PAGE
    run_importer(page.replace(b"<h2>A long negotiation</h2>", b"<h2>A long negotiation</---"), name="page.html")


@pytest.mark.parametrize("code", ["<script>alert(1)</script>", "<style>p { color: red }</style>"])
def test_code_inside_a_word_is_no_text_of_the_page(code):
    # Found by fuzzing with more tags than FRAGMENTS holds: a reader of `O<script>...</script>fficials` reads
    # `Officials`, as the article does; the oracle took the code for text of the page and split the word.
    page = NEWS_PAGE.replace("<p>Officials", f"<p>O{code}fficials")
    assert run_importer(page.encode(), "--date", "2025-10-26", name="page.html").code == 0


@FUZZ
@given(data=st.binary(max_size=300), options=OPTIONS)
def test_random_bytes(data, options):
    run_importer(data, *options)


@FUZZ
@given(pieces=st.lists(st.sampled_from(FRAGMENTS) | st.sampled_from(SOURCE_LINES), max_size=40), options=OPTIONS)
def test_markup_fragments(pieces, options):
    run_importer("".join(pieces).encode(), *options)


# Large enough to show a cost that grows faster than the input; the reader parses about 10,000 short blocks a second.
PATHOLOGICAL = {
    "one-long-line": "Wietnam i Polska podpisały. " * 60_000,
    "no-spaces": "ą" * 1_000_000,
    "many-lines": "Wietnam podpisał konwencję.\n" * 10_000,
    "blank-lines": "\n" * 1_000_000 + "Ostatnie zdanie po polsku, które ma kilka słów.",
    "brackets": "(" * 200_000 + "Zdjęcie:" + ")" * 200_000,
    "source-lines": "Source: https://example.org/" + "a" * 100_000 + "\n" * 1000,
    "captions": "Zdjęcie podpisu. (Zdjęcie: X/Y)\n" * 5_000,
    "list": "Lista:\n" + "punkt;\n" * 10_000 + "koniec.",
    "country-names": "Wietnamu Białorusi RPA UE " * 30_000,
    "nested-html": "<html><body>" + "<div>" * 5_000 + "<p>Zdanie po polsku w głębi strony.</p>" + "</div>" * 5_000,
    "many-paragraphs": "<html><body><article>" + "<p>Wietnam podpisał konwencję w Hanoi.</p>" * 10_000,
}


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_sources_finish_in_time(text):
    run_importer(text.encode(), "--date", "2025-10-26", "--source-url", URL, "--lang", "pl")


def test_an_empty_source_is_refused():
    outcome = run_importer(b"", "--date", "2025-10-26", "--source-url", URL)
    assert outcome.code == 1 and "the source is empty" in outcome.err
