"""Each kind of input found in the wild, and each kind of bad input."""

from __future__ import annotations

import codecs
import dataclasses
import re
import unicodedata
from pathlib import Path

import lxml.html
import pytest

from archive_core.articles import read_article
from tools.check import check
from tools.importer import __main__ as command
from tools.importer.decoding import decode, normalize

from .helpers import FIXTURES, body_of, content_folder, run_import, written_files

URL = "https://www.vietnamplus.vn/le-mo-ky-cong-uoc-ha-noi-dau-an-lich-su-va-khat-vong-hop-tac-toan-cau-post1072958.vnp"


def test_crlf_line_ends(capsys, tmp_path):
    assert b"\r\n" in (FIXTURES / "crlf.txt").read_bytes()
    result = run_import(capsys, FIXTURES / "crlf.txt", tmp_path, "--date", "2025-10-26")
    assert result.code == 0, result.err
    text = result.path.read_text(encoding="utf-8")
    assert "\r" not in text
    doc = read_article(result.path)
    assert doc.meta.title == "Konwencja z Hanoi otwarta do podpisu"  # a title line, not the lead
    assert "## Rekordowa skala i międzynarodowy konsensus\n" in text
    assert "::: caption\nWietnamski minister" in text and '<span class="credit">' in doc.html
    assert doc.meta.source.publisher == "TTXVN/Wietnam+"


def test_bom_no_break_and_trailing_spaces(capsys, tmp_path):
    assert (FIXTURES / "bom.txt").read_bytes().startswith(b"\xef\xbb\xbf")
    result = run_import(capsys, FIXTURES / "bom.txt", tmp_path, "--date", "2025-10-26")
    assert result.code == 0, result.err
    text = result.path.read_text(encoding="utf-8")
    assert "\ufeff" not in text and "\u00a0" not in text
    assert all(line == line.rstrip() for line in text.splitlines())
    assert read_article(result.path).meta.title == "Konwencja z Hanoi otwarta do podpisu"
    assert "(25 i 26 października) w Hanoi zakończyła" in text


@pytest.mark.parametrize(
    ("written", "imported"),
    [
        ("علی\u200cرضا", "علی\u200cرضا"),  # Persian: the non-joiner is spelling, the name looks otherwise without it
        ("\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f468\u200d\U0001f469\u200d\U0001f467"),  # one emoji
        ("क्\u200dष", "क्\u200dष"),  # Devanagari: the joiner chooses the letter's form
        ("Ali\u200cReza", "AliReza"),  # between Latin letters: left by a web page
        ("Hanoi\u200d ", "Hanoi "),
        ("\u200cعلی", "علی"),
        ("وزیر \u200c علی", "وزیر  علی"),  # beside a space
    ],
)
def test_joiners_are_kept_where_a_script_spells_with_them(written, imported):
    """The importer dropped every zero-width non-joiner and joiner, as the invisible characters web pages leave:
    a Persian name written with one was imported spelled otherwise, and an emoji of a family became three."""
    assert normalize(written) == imported


WIDE_ENCODINGS = (
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE),
    ("utf-32-be", codecs.BOM_UTF32_BE),
)


@pytest.mark.parametrize("with_bom", [True, False], ids=["bom", "no-bom"])
@pytest.mark.parametrize(("encoding", "bom"), WIDE_ENCODINGS, ids=[e for e, _ in WIDE_ENCODINGS])
def test_utf16_and_utf32_give_the_same_article_as_utf8(capsys, tmp_path, encoding, bom, with_bom):
    text = (FIXTURES / "bom.txt").read_bytes().removeprefix(codecs.BOM_UTF8).decode("utf-8")
    wide = tmp_path / "wide.txt"
    wide.write_bytes((bom if with_bom else b"") + text.encode(encoding))
    utf8 = run_import(capsys, FIXTURES / "bom.txt", tmp_path / "utf8", "--date", "2025-10-26")
    result = run_import(capsys, wide, tmp_path / "wide", "--date", "2025-10-26")
    assert result.code == 0, result.err
    assert result.path.relative_to(tmp_path / "wide") == utf8.path.relative_to(tmp_path / "utf8")
    assert result.path.read_bytes() == utf8.path.read_bytes()


def test_binary_with_nul_bytes_is_still_refused(capsys, tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    result = run_import(capsys, binary, tmp_path / "out", "--date", "2025-10-26")
    assert result.code != 0
    assert "photo.txt: file: the source is binary, not text" in result.err
    assert written_files(tmp_path / "out") == []


def test_windows_1250_keeps_polish_letters(capsys, tmp_path):
    raw = (FIXTURES / "windows-1250.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    result = run_import(capsys, FIXTURES / "windows-1250.txt", tmp_path, "--date", "2025-10-26")
    assert result.code == 0, result.err
    expected = (FIXTURES / "windows-1250.expected.txt").read_text(encoding="utf-8").splitlines()
    doc = read_article(result.path)
    assert doc.meta.title == expected[0]
    body = body_of(result.path)
    for line in expected[1:-1]:
        assert line in body
    assert "ą, ć, ę, ł, ń, ó, ś, ź, ż" in body and "ZAŻÓŁĆ GĘŚLĄ JAŹŃ" in body


def test_page_residue_is_dropped_and_reported(capsys, tmp_path):
    result = run_import(capsys, FIXTURES / "residue.txt", tmp_path, "--date", "2025-10-26")
    assert result.code == 0, result.err
    body = body_of(result.path)
    for residue in ("Komentarz", "Udostępnij", "Facebook", "Tagi:", "Source:"):
        assert residue not in body
    assert body.rstrip().endswith("(TTXVN/Wietnam+)")
    assert "residue.txt:11: dropped page residue: 'Komentarz (0)'" in result.err
    assert "residue.txt:7: dropped page residue: 'Udostępnij'" in result.err


def test_derived_title_is_marked_for_review_and_make_check_warns(capsys, tmp_path):
    result = run_import(capsys, FIXTURES / "residue.txt", tmp_path, "--date", "2025-10-26")
    meta = read_article(result.path).meta
    assert meta.review == ("title",)
    assert meta.title.startswith("Po dwóch dniach aktywnej i efektywnej pracy")
    assert (
        "warning: review: title was guessed, as the text's first line is no headline (it is longer than a headline, "
        "150 characters): it is the lead, which is one sentence, cut at a word to at most 100 characters"
    ) in result.err
    problems = [p for p in check(tmp_path) if p.field == "review"]
    assert [(p.path, p.severity) for p in problems] == [(str(result.path), "warning")]
    assert "title" in str(problems[0])


def test_saved_html_news_page(capsys, tmp_path):
    result = run_import(capsys, FIXTURES / "news-page.html", tmp_path)  # no options: all from the page
    assert result.code == 0, result.err
    assert result.path.name == "un-cybercrime-convention-opens-for-signature-in-hanoi.en.md"
    doc = read_article(result.path)
    meta = doc.meta
    assert meta.title == "UN cybercrime convention opens for signature in Hanoi"
    assert meta.date.date().isoformat() == "2025-10-26"
    assert meta.lang == "en"
    assert meta.source.url == "https://news.example.org/world/hanoi-convention-signing"
    assert meta.source.publisher == "Example News"
    assert meta.countries == ("BY", "EU", "VN", "ZA")
    assert not meta.review
    body = body_of(result.path)
    assert "## A long negotiation" in body
    assert "::: caption\nDelegates at the signing ceremony in Hanoi. (Photo: Minh Son/Vietnam+)\n:::" in body
    assert "- forty instruments of ratification" in body
    assert "24 December 2024" in body  # &nbsp; became a space
    for furniture in ("Home", "Related", "Comments", "Log in", "All rights reserved", "Share"):
        assert furniture not in body
    # The byline is the article's, not the site's (CONTRIBUTING.md): kept above the lead, never its summary.
    assert body.lstrip().startswith("By Jane Doe, 26 October 2025\n\nSeventy-two states signed")
    assert meta.summary.startswith("Seventy-two states signed")
    assert "cdn.example.net" not in result.path.read_text(encoding="utf-8")


def test_options_override_the_page(capsys, tmp_path):
    result = run_import(
        capsys, FIXTURES / "news-page.html", tmp_path,
        "--date", "2025-10-27", "--title", "Another title", "--source-url", "https://example.org/x",
        "--publisher", "Agency", "--lang", "en",
    )  # fmt: skip
    assert "warning: title: the source's title 'UN cybercrime convention" in result.err
    meta = read_article(result.path).meta
    assert (meta.title, meta.date.day, meta.source.url, meta.source.publisher) == (
        "Another title", 27, "https://example.org/x", "Agency"
    )  # fmt: skip


def test_markdown_characters_in_the_source_stay_text(capsys, tmp_path):
    source = tmp_path / "marks.txt"
    lines = [
        "Tytuł z *gwiazdkami* i [nawiasami](javascript:alert(1)) w środku",
        "1. To nie jest lista, lecz zdanie z numerem i znakami # _podkreślenia_ & &amp; <b>.",
        "- Ten myślnik też był w tekście źródłowym, a zdanie jest dość długie, żeby nie być śródtytułem.",
        "::: caption",
        "Ostatnie zdanie w Wietnamie.",
        f"Source: {URL}",
    ]
    source.write_text("\n".join(lines), encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26")
    assert result.code == 0, result.err
    doc = read_article(result.path)
    assert doc.meta.title == lines[0]
    assert "<ol" not in doc.html and "<em>" not in doc.html and "<a " not in doc.html and "<figure" not in doc.html
    shown = "1. To nie jest lista, lecz zdanie z numerem i znakami # _podkreślenia_ &amp; &amp;amp; &lt;b&gt;"
    assert f"<p>{shown}.</p>" in doc.html
    assert "<ul>" in doc.html  # a bullet in the source is a list item
    assert ">::: caption</" in doc.html


def test_a_raw_copy_whose_name_raw_cannot_take_is_told_its_name(capsys, tmp_path):
    # It was told it was not in sources/, where it was.
    dest = tmp_path / "content"
    (dest / "sources").mkdir(parents=True)
    source = dest / "sources" / "Podpisanie w Hanoi.txt"
    lead = "Wietnam podpisał konwencję w Hanoi 25 października 2025 roku, a inne państwa wkrótce poszły w jego ślady."
    source.write_text(f"Podpisanie w Hanoi\n\n{lead}\n\nSource: {URL}\n", encoding="utf-8")
    result = run_import(capsys, source, dest, "--date", "2025-10-26", "--publisher", "VietnamPlus")
    assert result.code == 0, result.err
    assert "rename it sources/podpisanie-w-hanoi.txt and import it from there" in result.err
    assert "not in" not in result.err


@pytest.mark.parametrize("marks", ["---", "* * *", "• • •", "---\ntitle: Evil\n---"])
def test_a_line_of_marks_above_the_text_is_kept_and_never_its_summary(capsys, tmp_path, marks):
    # A source's line of dashes (as front-matter writes it) above the lead was imported as `summary: "\\---"`,
    # shown on every listing, feed entry and page head; it stays text of the body.
    source = tmp_path / "marks.txt"
    lead = "Wietnam podpisał konwencję w Hanoi 25 października 2025 roku, a inne państwa wkrótce poszły w jego ślady."
    source.write_text(f"Podpisanie w Hanoi\n\n{marks}\n\n{lead}\n\nSource: {URL}\n", encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26", "--publisher", "VietnamPlus")
    assert result.code == 0, result.err
    doc = read_article(result.path)
    assert doc.meta.summary == lead
    assert marks.split("\n")[0].replace("\\", "") in body_of(result.path).replace("\\", "")
    assert [p for p in check(tmp_path / "out") if p.severity == "error" and p.path == str(result.path)] == []


@pytest.mark.parametrize(
    "line",
    ["[1]: https://www.un.org/en/report", "https://www.un.org/en/report", "www.un.org/en", "{lang=en}", "***", "2025"],
)
def test_a_short_line_that_is_an_address_a_mark_or_no_words_is_not_a_heading(capsys, tmp_path, line):
    """A short line not ending as a sentence is taken for a subheading; an address, a reference line of the source,
    a Markdown mark or a line without a letter is none: `## https://...` made a heading of a source's reference."""
    source = tmp_path / "refs.txt"
    text = [
        "Konwencja z Hanoi otwarta do podpisu",
        "Pierwsze zdanie artykułu o konwencji, dość długie, by być akapitem tekstu.",
        line,
        "Ostatnie zdanie artykułu, które kończy tekst jak należy.",
        f"Source: {URL}",
    ]
    source.write_text("\n".join(text), encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26")
    assert result.code == 0, result.err
    assert "<h2" not in read_article(result.path).html
    assert "## " not in body_of(result.path)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"  \n\r\n", "the source is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary, not text"),
        ("undecodable.txt", bytes(range(128, 256)) * 4, "encoding cannot be recognised"),
        ("korean.txt", b"\x81\x8d\x8f\x90\x9d" * 50, "not Polish or English text"),
    ],
)
def test_bad_files_exit_non_zero_and_write_nothing(capsys, tmp_path, name, data, message):
    source = tmp_path / name
    source.write_bytes(data)
    result = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26", "--source-url", URL)
    assert result.code == 1
    assert f"{name}: file: " in result.err and message in result.err and "nothing was written" in result.err
    assert result.out == "" and written_files(tmp_path / "out") == []


@pytest.mark.parametrize(
    "head",
    [
        '<link rel="canonical" href="/world/hanoi">',
        '<base href="https://news.example.org/"><link rel="canonical" href="x">',
    ],
)
def test_a_saved_page_without_an_address_of_its_own_is_told_where_a_page_names_it(capsys, tmp_path, head):
    page = (FIXTURES / "news-page.html").read_text(encoding="utf-8")
    page = re.sub(r'<meta property="og:url"[^>]*>|<link rel="canonical"[^>]*>', "", page).replace(
        "<head>", f"<head>{head}"
    )
    source = tmp_path / "page.html"
    source.write_text(page, encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26")
    assert result.code == 1
    assert "page.html: source.url: the source has no address: the page names no whole https:// address" in result.err
    assert "Source: https://" not in result.err and "SOURCE_URL=https://" in result.err


def test_missing_source_url_says_how_to_give_it(capsys, tmp_path):
    result = run_import(capsys, FIXTURES / "no-source.txt", tmp_path, "--date", "2025-10-26")
    assert result.code == 1
    assert "no-source.txt: source.url: the source has no address" in result.err
    assert "SOURCE_URL=https://" in result.err
    assert written_files(tmp_path) == []
    given = run_import(capsys, FIXTURES / "no-source.txt", tmp_path, "--date", "2025-10-26", "--source-url", URL)
    assert given.code == 0 and read_article(given.path).meta.source.url == URL


def test_missing_date_says_how_to_give_it(capsys, tmp_path):
    result = run_import(capsys, FIXTURES / "crlf.txt", tmp_path)
    assert result.code == 1
    assert "crlf.txt: date: the source does not give its publication date (give it: make import DATE=YYYY-MM-DD)" in (
        result.err
    )
    assert written_files(tmp_path) == []


def test_an_invalid_option_is_refused_before_writing(capsys, tmp_path):
    result = run_import(capsys, FIXTURES / "crlf.txt", tmp_path, "--date", "2025-10-26", "--slug", "Not A Slug")
    assert result.code == 1
    assert "crlf.txt: slug: the imported article would be invalid" in result.err
    assert written_files(tmp_path) == []


def test_every_invalid_option_is_refused_at_once(capsys, tmp_path):
    result = run_import(
        capsys, FIXTURES / "crlf.txt", tmp_path, "--date", "2025-10-26", "--slug", "Not A Slug", "--key", "Not A Key"
    )
    assert result.code == 1
    assert "crlf.txt: translation_key: the imported article would be invalid" in result.err
    assert "crlf.txt: slug: the imported article would be invalid" in result.err
    assert written_files(tmp_path) == []


def test_a_missing_source_file(capsys, tmp_path):
    result = run_import(capsys, tmp_path / "nope.txt", tmp_path / "out")
    assert result.code == 1 and "nope.txt: file: cannot be read" in result.err


def test_a_language_that_cannot_be_told_must_be_given(capsys, tmp_path):
    source = tmp_path / "numbers.txt"
    source.write_text(f"Hanoi, 25-26.10.2025: 72 / 64.\nUNODC, ONZ, UE.\nSource: {URL}\n", encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26")
    told = "lang: cannot tell the source's language (give the one it is written in: make import LANG=pl or LANG=en)"
    assert result.code == 1 and told in result.err
    given = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26", "--lang", "pl")
    assert given.code == 0 and read_article(given.path).meta.lang == "pl"


def test_a_short_english_text_whose_language_cannot_be_told_is_offered_lang_en(capsys, tmp_path):
    """A UN press release's few lines are too short to tell: the hint offered LANG=pl alone."""
    source = tmp_path / "press.txt"
    source.write_text(
        f"Convention opens for signature\n\nOctober 25, 2025\n\nGENEVA — Delegates gathered.\n\nSource: {URL}\n",
        encoding="utf-8",
    )
    result = run_import(capsys, source, tmp_path / "out")
    assert result.code == 1 and "make import LANG=pl or LANG=en)" in result.err, result.err
    given = run_import(capsys, source, tmp_path / "out", "--lang", "en")
    assert given.code == 0 and read_article(given.path).meta.lang == "en", given.err


def test_control_characters_in_a_saved_page_do_not_lose_the_article(capsys, tmp_path):
    """Found by fuzzing: lxml refuses them, and trafilatura then gave up on the whole page."""
    page = (FIXTURES / "news-page.html").read_text(encoding="utf-8")
    source = tmp_path / "page.html"
    source.write_text(page.replace("<figcaption>", "<figcaption>\x01").replace("<p>Seventy", "<p>\x0bSeventy"))
    result = run_import(capsys, source, tmp_path / "out")
    assert result.code == 0, result.err
    body = body_of(result.path)
    assert "::: caption\nDelegates at the signing ceremony in Hanoi. (Photo: Minh Son/Vietnam+)\n:::" in body
    assert "\nSeventy-two states signed" in body


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("~~~", "<p>~~~</p>"),  # would open a fenced code block
        ("~~~ Konwencja z Hanoi", "<p>~~~ Konwencja z Hanoi</p>"),
        ("2025-02-30", "<p>2025-02-30</p>"),  # as a translation_key, YAML would read an impossible date
    ],
    ids=["tilde-fence", "tilde-fence-with-text", "impossible-date"],
)
def test_lines_found_by_fuzzing_stay_text(capsys, tmp_path, line, shown):
    source = tmp_path / "line.txt"
    source.write_text(f"{line}\nSource: {URL}\n", encoding="utf-8")
    options = ("--date", "2025-10-26", "--lang", "pl", "--key", "line", "--slug", "line")
    result = run_import(capsys, source, tmp_path / "out", *options)
    assert result.code == 0, result.err
    assert shown in read_article(result.path).html


def test_characters_a_reader_cannot_see_leave_the_imported_title(capsys, tmp_path):
    """A title is one visible line (archive_core.text): C1 controls go, NEL and the Unicode line separators
    become spaces, a direction override goes; the body keeps the source's text."""
    title = "Konwencja\x7f z\x85 Hanoi\u2028otwarta\u2029do \u202epodpisu\x9f"
    source = tmp_path / "title.txt"
    source.write_text(f"{title}\nPierwsze zdanie artykułu.\nSource: {URL}\n", encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26", "--lang", "pl")
    assert result.code == 0, result.err
    assert 'title: "Konwencja z Hanoi otwarta do podpisu"' in result.path.read_text(encoding="utf-8")
    assert read_article(result.path).meta.title == "Konwencja z Hanoi otwarta do podpisu"


def test_a_title_given_with_an_invisible_character_is_refused(capsys, tmp_path):
    """What the contributor types is checked as it is: nothing of it is dropped silently."""
    source = tmp_path / "title.txt"
    source.write_text(f"Tytuł\nPierwsze zdanie artykułu.\nSource: {URL}\n", encoding="utf-8")
    given = ("--title", "Konwencja\u200bz Hanoi", "--date", "2025-10-26", "--lang", "pl")
    result = run_import(capsys, source, tmp_path / "out", *given)
    assert result.code == 1 and "title:" in result.err and "U+200B" in result.err, result.err


def test_a_title_typed_decomposed_is_the_source_s_title_and_written_composed(capsys, tmp_path):
    """A macOS terminal passes `Zażółć` decomposed: it was told "the source's title was replaced by TITLE", the same
    title, and written decomposed, where every other text the importer writes is composed."""
    source = tmp_path / "title.txt"
    title = "Zażółć gęślą jaźń"
    source.write_text(f"{title}\nPierwsze zdanie artykułu.\nSource: {URL}\n", encoding="utf-8")
    given = ("--title", unicodedata.normalize("NFD", title), "--date", "2025-10-26", "--lang", "pl")
    result = run_import(capsys, source, tmp_path / "out", *given)
    assert result.code == 0, result.err
    assert "replaced by TITLE" not in result.err, result.err
    assert f'title: "{title}"' in result.path.read_text(encoding="utf-8")


def test_a_page_saved_as_xhtml_is_read_as_a_page(capsys, tmp_path):
    """An XML declaration before the doctype: the page was taken for plain text (its markup imported as words),
    and lxml refuses a declared encoding in text already decoded."""
    page = (FIXTURES / "news-page.html").read_text(encoding="utf-8")
    source = tmp_path / "page.xhtml.html"
    source.write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + page, encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "out")
    assert result.code == 0, result.err
    assert read_article(result.path).meta.title == "UN cybercrime convention opens for signature in Hanoi"
    body = body_of(result.path)
    assert "## A long negotiation" in body and "<" not in body and "xml" not in body


@pytest.mark.parametrize("depth", [300, 2000, 3000])
def test_a_page_nested_deeper_than_the_parser_reads_is_refused_not_cut(capsys, tmp_path, depth):
    # libxml2 reads elements 256 deep and dropped, with no error, what was deeper and the rest of the article.
    page = (FIXTURES / "news-page.html").read_text(encoding="utf-8")
    deep = "<div>" * depth + "<p>A paragraph deep in the page's markup.</p>" + "</div>" * depth
    source = tmp_path / "page.html"
    source.write_text(page.replace("<p>Seventy", deep + "\n<p>Seventy", 1), encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "out")
    if depth <= 2048:
        assert result.code == 0, result.err
        body = body_of(result.path)
        assert "A paragraph deep in the page's markup." in body and "\nSeventy-two states signed" in body
    else:
        line = page[: page.index("<p>Seventy")].count("\n") + 1
        assert result.code == 1 and written_files(tmp_path / "out") == []
        assert f"{source}:{line}: file: nests its elements deeper than the HTML parser reads" in result.err


def test_text_no_reader_of_the_page_sees_is_not_imported(capsys, tmp_path):
    # trafilatura kept the text of a <template> and of an element marked `hidden`, as the source's words.
    unseen = (
        "<p hidden>Hidden: a quote never shown.</p><template><p>Template: a quote never shown.</p></template>"
        '<p style="color: red; DISPLAY : none !important">Styled out: a quote never shown.</p>'
        "<dialog><p>Dialog: a quote never shown.</p></dialog>"
        "<p>Shown, with <span hidden>hidden: </span>its own words.</p>"
        '<p hidden="until-found">Found by a search of the page, so shown.</p>'
    )
    page = (FIXTURES / "news-page.html").read_text(encoding="utf-8").replace("<p>Viet Nam", unseen + "<p>Viet Nam")
    source = tmp_path / "page.html"
    source.write_text(page, encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "out")
    assert result.code == 0, result.err
    body = body_of(result.path)
    assert "never shown" not in body, body
    assert "\nShown, with its own words.\n" in body and "Found by a search of the page" in body
    assert "\nViet Nam, the host country" in body


def test_text_the_pages_own_style_sheet_hides_is_not_imported(capsys, tmp_path):
    """A box the page's <style> hides (`.promo {display: none}`, a teaser for subscribers) was imported as the
    source's words; a rule only for print or small screens (`@media`) hides nothing a reader of the page sees, and a
    selector no engine reads (`p::before`, `a[`) is passed over."""
    style = (
        "<style>/* site */ .promo, .teaser > p { color: red; display : none !important }"
        " #subscribe{visibility:hidden} @media print { .shown-on-screen { display: none } }"
        " p::before { display: none } a[ { display: none } .other { display: block }</style>"
    )
    unseen = (
        '<div class="promo"><p>Promo: subscribe for one euro.</p></div>'
        '<div class="teaser"><p>Teaser: subscribe for one euro.</p></div>'
        '<p id="subscribe">Subscribe: for one euro.</p>'
        '<p class="shown-on-screen">Shown on screen, left out of print.</p>'
    )
    page = (FIXTURES / "news-page.html").read_text(encoding="utf-8").replace("</head>", style + "</head>", 1)
    source = tmp_path / "page.html"
    source.write_text(page.replace("<p>Viet Nam", unseen + "<p>Viet Nam"), encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "out")
    assert result.code == 0, result.err
    body = body_of(result.path)
    assert "one euro" not in body, body
    assert "\nShown on screen, left out of print.\n" in body and "\nViet Nam, the host country" in body


@pytest.mark.parametrize(
    ("style", "classes"),
    [
        # Bootstrap's and Tailwind's responsive utilities: hidden on a phone, shown on a wider screen.
        (
            "<style>.d-none{display:none!important}@media (min-width:768px){.d-md-block{display:block!important}}"
            "</style>",
            "d-none d-md-block",
        ),
        (r"<style>.hidden{display:none}@media (min-width:768px){.md\:block{display:block}}</style>", "hidden md:block"),
        # A later rule of the sheet shows what an earlier one hides.
        ("<style>.box{display:none} .box.open{display:block}</style>", "box open"),
        ("<style>.note{visibility:hidden} .note.open{visibility:visible}</style>", "note open"),
        ("<style>.box{display:none} .box:not(.closed){display:block}</style>", "box"),
    ],
)
def test_text_a_rule_of_the_pages_style_sheet_shows_is_imported(capsys, tmp_path, style, classes):
    """A rule that hides an element hides it from every reader only where no rule of the sheet shows it again:
    on a screen of some width (`@media`) or by a later rule."""
    page = (FIXTURES / "news-page.html").read_text(encoding="utf-8").replace("</head>", style + "</head>", 1)
    shown = f'<p class="{classes}">Shown on a wider screen: the minister spoke.</p>'
    source = tmp_path / "page.html"
    source.write_text(page.replace("<p>Viet Nam", shown + "<p>Viet Nam"), encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "out")
    assert result.code == 0, result.err
    assert "\nShown on a wider screen: the minister spoke.\n" in body_of(result.path)


@pytest.mark.parametrize(
    "style",
    [
        "<style>@media (min-width:768px){.promo{display:block}} .promo{display:none}</style>",  # earlier
        "<style>#main .promo{display:none} .promo{display:block}</style>",  # less specific
        "<style>.promo{display:none!important} .promo{display:block}</style>",  # not important
    ],
)
def test_text_a_rule_ranked_below_the_one_that_hides_it_shows_is_not_imported(capsys, tmp_path, style):
    page = (FIXTURES / "news-page.html").read_text(encoding="utf-8").replace("</head>", style + "</head>", 1)
    page = page.replace("<body", "<body id='main'", 1)
    source = tmp_path / "page.html"
    source.write_text(page.replace("<p>Viet Nam", '<p class="promo">Promo: one euro.</p><p>Viet Nam'), encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "out")
    assert result.code == 0, result.err
    assert "one euro" not in body_of(result.path)


@pytest.mark.parametrize("encoding", ["iso-8859-2", "cp1250"])
@pytest.mark.parametrize(
    "text",
    [
        "Źródło: Śląsk podpisał, a ścieżka ratyfikacji jest długa. Żółta łódź płynęła po jeziorze, ąę.",
        "Żółta łódź płynęła po jeziorze przez dwie godziny, a ministrowie rozmawiali.",  # short: no ś, ź, ą
    ],
    ids=["long", "short"],
)
def test_polish_in_either_legacy_encoding_keeps_its_letters(capsys, tmp_path, encoding, text):
    # charset-normalizer read ISO-8859-2 as ISO-8859-3 (`źródło` as `ĵród³o`) or as Windows-1250 (`łódź` as `łódĽ`),
    # and a short Windows-1250 text as Windows-1252: every byte decoded, in Latin letters, the letters wrong. A page
    # that names another charset than its bytes' changes nothing.
    page = f'<html><head><meta charset="utf-8"><title>Polska podpisała</title></head><body><article><p>{text}</p>'
    for name, data in [("source.txt", f"Polska podpisała\n\n{text}\n"), ("page.html", page + "</article></html>")]:
        source = tmp_path / name
        source.write_bytes(data.encode(encoding))
        options = ("--date", "2025-10-26", "--source-url", "https://www.example.org/a", "--lang", "pl", "--force")
        result = run_import(capsys, source, tmp_path / "out", *options)
        assert result.code == 0, result.err
        assert text in body_of(result.path)


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1252", "The ministers of España and of Perú met. ¿Qué pasa?, asked José Peña, and the señora answered."),
        ("cp1250", "Česká republika podepsala úmluvu o kyberkriminalitě; přistoupení bude následovat, řekl ministr."),
        ("cp1250", "Magyarország aláírta az egyezményt. A miniszter szerint ez fontos lépés, ő így gondolja."),
    ],
    ids=["spanish-names", "czech", "hungarian"],
)
def test_a_legacy_encoding_guessed_right_is_kept(tmp_path, encoding, text):
    # Read as Polish's encodings instead, these came out as `Espańa`, `żQué`, `kyberkriminalitì`: the check of the
    # guess for Polish text (above) must not take a right guess for another language's letters.
    assert decode(tmp_path / "source.txt", f"{text}\n".encode(encoding)).strip() == text


@pytest.mark.parametrize("encoding", ["iso-8859-2", "cp1250"])
def test_polish_guessed_as_another_encoding_than_the_latin_ones_keeps_its_letters(tmp_path, encoding):
    # charset-normalizer guesses Windows-1257 (Baltic) here: `podpisa³a konwencjź`, `æe to waæny`.
    text = "Polska podpisała konwencję w Hanoi; minister powiedział, że to ważny krok dla bezpieczeństwa."
    assert decode(tmp_path / "source.txt", f"{text}\n".encode(encoding)).strip() == text


@pytest.mark.parametrize("form", ["text", "html entities"])
def test_a_source_written_with_decomposed_accents_is_imported_composed(form, capsys, tmp_path):
    """A page saved with its accents decomposed (NFD: `o` then U+0302, as macOS and some publishers' systems write
    them) reads as the composed text, and was imported as it was: its countries were not found (`Côte d’Ivoire`,
    `Curaçao`), and a search typed with composed letters did not find its words."""
    words = "Delegacje z Côte d’Ivoire i z Curaçao podpisały konwencję w Hanoi."
    decomposed = unicodedata.normalize("NFD", words)
    assert decomposed != words
    if form == "text":
        source = tmp_path / "source.txt"
        source.write_text(f"Konwencja podpisana\n\n{decomposed}\n\nŹródło: {URL}\n", encoding="utf-8")
    else:
        escaped = "".join(ch if ord(ch) < 0x300 else f"&#x{ord(ch):x};" for ch in decomposed)
        source = tmp_path / "source.html"
        source.write_text(
            f'<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8"><title>Konwencja podpisana</title>'
            f'<link rel="canonical" href="{URL}"></head><body><article><h1>Konwencja podpisana</h1>'
            f"<p>{escaped}</p><p>{escaped}</p></article></body></html>",
            encoding="utf-8",
        )
    result = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26", "--source-url", URL)
    assert result.code == 0, result.err
    text = result.path.read_text(encoding="utf-8")
    assert words in text and unicodedata.normalize("NFC", text) == text
    assert read_article(result.path).meta.countries == ("CI", "CW")


NEWS_PAGE = (FIXTURES / "news-page.html").read_text(encoding="utf-8")
VIET_NAM_LINE = next(line for line in NEWS_PAGE.splitlines() if line.startswith("<p>Viet Nam"))


def import_news_page(capsys: pytest.CaptureFixture[str], tmp_path: Path, old: str, new: str) -> Path:
    """The path of the article imported from the fixture news page with `old` replaced by `new`."""
    assert old in NEWS_PAGE
    source = tmp_path / "page.html"
    source.write_text(NEWS_PAGE.replace(old, new), encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "out")
    assert result.code == 0, result.err
    return result.path


@pytest.mark.parametrize(
    "broken",
    [
        "<p>Viet Nam, <the host country, signed first.</p>",  # an unknown tag eats the rest as its attributes
        "<p>Viet Nam, <span>the host country, signed first.",  # never closed
        "<p>Viet Nam, <b>the host country, <i>signed first.",
        "<p>Viet Nam, <font color=red>the host country, signed first.</p>",
    ],
)
def test_a_paragraph_left_open_ends_where_a_block_begins(capsys, tmp_path, broken):
    """As in a browser, a block starts after a paragraph left open, never inside it: libxml2 read the heading
    and paragraphs after `<p>Viet Nam, <the host ...>` as inside it, and trafilatura flattened them into one
    paragraph, `Viet Nam, The General Assembly adopted...`, with the heading moved after it."""
    path = import_news_page(capsys, tmp_path, VIET_NAM_LINE, broken)
    paragraphs = [text for text in body_of(path).split("\n\n") if text.strip()]
    assert paragraphs.index("## A long negotiation") + 1 == paragraphs.index(
        "The General Assembly adopted the convention without a vote on 24 December 2024."
    )
    assert not any("Viet Nam" in text and "General Assembly" in text for text in paragraphs)


def import_short_page(capsys: pytest.CaptureFixture[str], tmp_path: Path, body: str) -> Path:
    """The path of the article imported from a page of a titled head, a lead paragraph and `body`: a page so
    short that trafilatura keeps all the text it finds."""
    lead = "Seventy-two states signed the United Nations Convention against Cybercrime in Hanoi on Sunday."
    source = tmp_path / "page.html"
    source.write_text(f"<!DOCTYPE html><html><head><title>Code</title></head><body><p>{lead}</p>{body}", "utf-8")
    result = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26", "--source-url", URL, "--lang", "en")
    assert result.code == 0, result.err
    return result.path


def article_text(path: Path) -> str:
    """The imported article's text as its page shows it: markup and Markdown's escapes read."""
    return lxml.html.fragment_fromstring(read_article(path).html, create_parent="div").text_content()


@pytest.mark.parametrize("tag", ["xmp", "plaintext"])
def test_text_a_page_shows_as_written_keeps_its_characters(capsys, tmp_path, tag):
    """A browser shows what follows `<xmp>` and `<plaintext>` as written, markup and entities too. Written out
    for the browser-rules parser, its `<` and `&` were escaped, and that parser reads these elements' text
    unescaped: `&lt;b&gt;` and `&amp;amp;` were imported, and after `<plaintext>` the end tags written after
    it were imported as text, `</plaintext></body></html>` two or three times over (found by fuzzing)."""
    shown = "Code as written: <b>bold</b> &amp; 1 &lt; 2."
    end = "" if tag == "plaintext" else f"</{tag}></h2></body>"
    text = article_text(import_short_page(capsys, tmp_path, f"<h2><{tag}>{shown}{end}"))
    assert shown in text, text
    assert text.count("<") == shown.count("<") and text.count("&") == shown.count("&"), text


@pytest.mark.parametrize(
    "unrendered",
    [
        "<iframe>a frame's fallback: never shown</iframe>",
        "<noembed>never shown</noembed>",
        "<noframes>never shown</noframes>",
        "<title>a second title: never shown</title>",
        "<datalist><option>a suggestion: never shown</option></datalist>",
        "<ruby>漢<rp>(never shown)</rp><rt>kan</rt></ruby>",
    ],
)
def test_text_browsers_never_render_is_not_imported(capsys, tmp_path, unrendered):
    """What HTML's rendering rules never draw (a frame's fallback text; what a browser's own style sheet hides)
    is no text of the source. On a page trafilatura finds short, it kept all of it, and a frame's fallback text
    came out escaped (`&lt;b&gt;`): written out for the browser-rules parser, it is read back unescaped."""
    # In a span: libxml2 ends a paragraph at a `<title>`, a browser does not, and trafilatura loses the words
    # after it, outside any paragraph.
    path = import_short_page(capsys, tmp_path, f"<p>Before <span>{unrendered}</span> after.")
    text = article_text(path)
    assert "never shown" not in text and "Before" in text and "after." in text, text
    assert read_article(path).meta.title == "Code"


@pytest.mark.parametrize(
    "loose",
    [
        "<article>Viet Nam, the host country, signed first. Ministers attended.</article>",
        "<section>Viet Nam, the host country, signed first. <b>Ministers</b> attended.<br></section>",
        "<main><h3>Hosts</h3>Viet Nam, the host country, signed first. Ministers attended.</main>",
        # An inline element alone, only spaces around it (a live blog entry's `<strong>Update</strong>` label).
        "<section>\n<strong>Viet Nam, the host country,</strong>\n<p>signed first. Ministers attended.</p></section>",
        # A browser ends the paragraph where a table begins: the words after it stand outside any paragraph.
        "<p>Viet Nam, the host country, <table><tr><td>1</td></tr></table>signed first. Ministers attended.</p>",
    ],
)
def test_text_outside_any_paragraph_is_imported(capsys, tmp_path, loose):
    """A page shows text that stands in an article, a section, a cell or the body outside any paragraph, and
    trafilatura left it out, with no word said: the sentence after a table, or a page that writes its text
    between `<br>`s, was missing from what was written."""
    path = import_news_page(capsys, tmp_path, VIET_NAM_LINE, loose)
    text = " ".join(article_text(path).split())
    assert "Viet Nam, the host country," in text and "signed first. Ministers attended." in text, text
    assert text.index("signed first.") < text.index("The General Assembly adopted"), text


@pytest.mark.parametrize("name", ["source.txt", "page.html"])
def test_no_control_character_is_imported(capsys, tmp_path, name):
    """DEL and the C1 controls are no text either: the importer dropped the C0 ones only, so a page's DEL was
    imported in a paragraph and dropped in text trafilatura read by another path (found by fuzzing), and a C1
    control, invisible, went into the body as it was; so did a control a page writes as an entity (`&#x7f;`).
    NEL (U+0085) parts the words it stands between, as a space does. The noncharacters (U+FDD0, U+1FFFE), which
    HTML forbids as well, go too."""
    words = "Viet Nam, the host\x7f country, signed\x80 first.\x85Ministers\x9f attend\ufdd0ed\U0001fffe."
    lead = "Seventy-two states signed the United Nations Convention against Cybercrime in Hanoi on Sunday."
    escaped = words.replace("host\x7f", "host&#x7f;").replace("signed\x80", "signed&#1;")
    page = f"<!DOCTYPE html><html><head><title>Code</title></head><body><p>{lead}</p><p>{words}</p><p>{escaped}"
    source = tmp_path / name
    source.write_text(page + f"<textarea>{words}" if name == "page.html" else f"Code\n\n{lead}\n\n{words}\n", "utf-8")
    result = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26", "--source-url", URL, "--lang", "en")
    assert result.code == 0, result.err
    body = body_of(result.path)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufdd0\U0001fffe]", body), ascii(body)
    assert body.count("Viet Nam, the host country, signed first.") == (3 if name == "page.html" else 1), body
    assert body.count("Ministers attended.") == body.count("Viet Nam") and "first.Ministers" not in body, body


@pytest.mark.parametrize(
    "caption",
    [
        "<figcaption><script>",  # left open: the rest of the page is its code (found by fuzzing)
        "<figcaption><script>var code = 'no caption';</script><style>p { x: 'no caption' }</style>",
    ],
    ids=["script-left-open", "script-and-style"],
)
def test_code_in_a_figure_caption_is_not_imported(capsys, tmp_path, caption):
    """A figure's caption is made a paragraph from its text, and that took a script's or a style sheet's code
    inside it for the caption's words (trafilatura drops the code everywhere else)."""
    body = body_of(import_news_page(capsys, tmp_path, "<figcaption>", caption))
    assert "no caption" not in body and "</p>" not in body, body
    if "</script>" in caption:
        assert "Delegates at the signing ceremony in Hanoi." in body and "\nOfficials recalled" in body, body
    else:
        assert "Delegates" not in body, body


def test_an_import_says_what_is_left_to_do(capsys, tmp_path):
    """A newcomer's import printed only the file's name: CONTRIBUTING.md's next steps (compare the text with the
    page, list the raw copy in content/sources/README.md, `make check`) were nowhere in what they read."""
    sources = tmp_path / "sources"
    sources.mkdir()
    page = sources / "news-page.html"
    page.write_bytes((FIXTURES / "news-page.html").read_bytes())
    result = run_import(capsys, page, tmp_path)
    assert result.code == 0, result.err
    [line] = [line for line in result.out.splitlines() if line.startswith("next:")]
    assert "`news-page.html`" in line and "sources/README.md" in line and "make check" in line
    assert result.path.name in line
    again = run_import(capsys, page, tmp_path)  # unchanged: nothing is left to do that this import made
    assert not [line for line in (again.out + again.err).splitlines() if line.startswith("next:")]


def test_every_import_option_is_one_the_command_line_gives(monkeypatch, tmp_path):
    """ImportOptions held `no_title`, which no option gave and nothing read: an option is what the editor gives."""
    given: list[command.ImportOptions] = []

    class Taken(Exception):
        pass

    def convert(src, options, dest):
        given.append(options)
        raise Taken

    monkeypatch.setattr(command, "convert", convert)
    (tmp_path / "sources").mkdir()
    source = tmp_path / "sources" / "hanoi.txt"
    source.write_text("Konwencja\n\nTekst.\n", encoding="utf-8")
    with content_folder(tmp_path), pytest.raises(Taken):
        command.main([
            str(source), "--dest", str(tmp_path), "--date", "2025-10-26", "--title", "T", "--lang", "pl",
            "--source-url", "https://example.org/a", "--publisher", "P", "--key", "k", "--slug", "s", "--note", "N",
            "--translated-from", "de", "--translated-by", "DeepL",
        ])  # fmt: skip
    [options] = given
    unset = [f.name for f in dataclasses.fields(options) if getattr(options, f.name) == f.default]
    assert unset == []


@pytest.mark.parametrize("close", ["---", "..."])
def test_a_text_opening_with_a_yaml_front_matter_is_refused_at_its_line(capsys, tmp_path, close):
    """A file written for a site (another site's Markdown, an article of the archive) was imported as the text: its
    fields were published as the article's first paragraphs, `title:` and `date:` joined as a subheading."""
    source = tmp_path / "post.md"
    source.write_text(
        f"---\ntitle: Konwencja w Hanoi\ndate: 2025-10-25\ntags:\n  - ONZ\n{close}\n\nKonwencja w Hanoi\n\n"
        f"W Hanoi otwarto do podpisu konwencję o cyberprzestępczości.\n\nSource: {URL}\n",
        encoding="utf-8",
    )
    result = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26")
    assert result.code == 1 and written_files(tmp_path / "out") == []
    assert f"{source}:1: file: opens with a YAML front matter (lines 1-6)" in result.err, result.err
    assert "giving its fields as TITLE=, DATE=, SOURCE_URL=" in result.err


@pytest.mark.parametrize(
    "opening",
    [
        "---\nHanoi: konwencja otwarta do podpisu\n---\n\n",  # one line between two rules: a text's
        "---\n\n",  # a rule alone
        "---\nKonwencja w Hanoi\nDrugi wiersz: dalej\n---\n\n",  # prose
        # An interview's questions and answers, a speaker's words, a header's lines, between two rules: a text's.
        "---\nQ: Co zmienia konwencja?\nA: Pozwala prosić o dowody.\n---\n\n",
        "---\nKowalski: Konwencja jest ważna.\n\nNowak: Zgadzam się.\n---\n\n",
        "---\nDate: 25 October 2025\nContact: press@un.org\n---\n\n",
    ],
)
def test_a_text_opening_with_a_rule_is_imported_with_it(capsys, tmp_path, opening):
    source = tmp_path / "article.txt"
    source.write_text(
        f"{opening}Konwencja podpisana w Hanoi\n\nW Hanoi otwarto do podpisu konwencję o cyberprzestępczości, "
        f"którą podpisały delegacje wielu państw.\n\nSource: {URL}\n",
        encoding="utf-8",
    )
    result = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26", "--lang", "pl")
    assert result.code == 0, result.err


def test_pelican_s_link_markers_and_template_marks_in_a_text_are_shown_as_written(capsys, tmp_path):
    """A text naming `{filename}` or `|static|` was refused, at its line, with a hint on writing links: the source's
    own words, which the import cannot change. Shown in a code span, as `make check` takes them, they read as
    written."""
    source = tmp_path / "article.txt"
    line = (
        "Szablon z {filename}/plik.md, {static}/obraz.png, |filename|x, {attach}y, {{ zmienna }} i {% if x %} "
        "oraz {# uwaga #} zostaje w tekście."
    )
    source.write_text(f"Znaczniki szablonów w tekście\n\n{line}\n\nDrugi akapit.\n\nSource: {URL}\n", encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26", "--lang", "pl")
    assert result.code == 0, result.err
    shown = lxml.html.fragment_fromstring(read_article(result.path).html, create_parent="div").text_content()
    assert line in shown
    assert [problem for problem in check(tmp_path / "out") if problem.field == "body"] == []
