"""The reader and the content contract, one behaviour per test."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from archive_core.articles import read_article
from archive_core.errors import ContentError

GOOD = """---
title: "Białoruś i Łódź"
date: 2025-10-26
lang: pl
translation_key: test-article
countries: [VN, NO, EU]
source:
  url: https://example.org/a
  publisher: Example
---

Pierwszy akapit, czyli lead.

## Śródtytuł

Drugi akapit z [linkiem]({filename}/articles/2025/other.pl.md).
"""


def write(tmp_path: Path, text: str, name: str = "a.pl.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(ContentError) as info:
        read_article(write(tmp_path, text))
    return str(info.value)


def test_reads_valid_article(tmp_path):
    doc = read_article(write(tmp_path, GOOD))
    assert doc.meta.title == "Białoruś i Łódź"
    assert doc.meta.date == datetime(2025, 10, 26)
    assert doc.meta.slug == "bialorus-i-lodz"  # transliterated: ł->l, ś->s
    assert doc.meta.countries == ("VN", "NO", "EU")  # NO is Norway, not False
    assert doc.summary_html == "<p>Pierwszy akapit, czyli lead.</p>\n"
    assert '<h2 id="srodtytul">Śródtytuł</h2>' in doc.html


def test_filename_links_survive_markdown_it_normalisation(tmp_path):
    doc = read_article(write(tmp_path, GOOD))
    assert 'href="{filename}/articles/2025/other.pl.md"' in doc.html


def test_tables_and_footnotes(tmp_path):
    doc = read_article(write(tmp_path, GOOD + "\n| a | b |\n|---|---|\n| 1 | 2 |\n\nNote[^1]\n\n[^1]: Foot.\n"))
    assert "<table>" in doc.html and 'class="footnotes"' in doc.html


@pytest.mark.parametrize(
    ("caption", "figcaption"),
    [
        ("Delegaci w Hanoi. (Zdjęcie: Pham Kien/VNA)", 'Delegaci w Hanoi. <span class="credit">'),
        ("Delegaci w Hanoi.(Zdjęcie: Pham Kien/VNA)", 'Delegaci w Hanoi.<span class="credit">'),
    ],
    ids=["space", "no-space"],
)
def test_caption_credit_keeps_the_text_as_written(tmp_path, caption, figcaption):
    doc = read_article(write(tmp_path, GOOD + f"\n::: caption\n{caption}\n:::\n"))
    assert f"<figcaption>{figcaption}(Zdjęcie: Pham Kien/VNA)</span></figcaption>" in doc.html


def test_raw_html_is_shown_as_text(tmp_path):
    doc = read_article(write(tmp_path, GOOD + "\n<script>alert(1)</script>\n\n<b onclick=x>hi</b>\n"))
    assert "<script>" not in doc.html and "<b " not in doc.html
    assert "&lt;script&gt;" in doc.html


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "vbscript:x"])
def test_unsafe_link_targets_are_refused_with_line(tmp_path, url):
    message = error_of(tmp_path, GOOD + f"\nA [bad link]({url}).\n")
    assert "a.pl.md:" in message and "body" in message and "not allowed" in message
    line = int(message.split(":")[1])
    assert (tmp_path / "a.pl.md").read_text().splitlines()[line - 1].startswith("A [bad link]")


def test_html_in_a_summary_is_shown_as_text(tmp_path):
    # A summary is Markdown with raw HTML off, as the body is (archive_core.summaries).
    doc = read_article(write(tmp_path, GOOD.replace("lang: pl", 'lang: pl\nsummary: "<b>x</b>"')))
    assert doc.summary_html == "<p>&lt;b&gt;x&lt;/b&gt;</p>\n"


@pytest.mark.parametrize(
    ("change", "field", "line"),
    [
        (("date: 2025-10-26", "date: 2025-02-30"), "date", 3),
        (("date: 2025-10-26", "date: 26.10.2025"), "date", 3),
        (("date: 2025-10-26\n", ""), "date", 2),
        (("lang: pl", "lang: de"), "lang", 4),
        (('title: "Białoruś i Łódź"', "title: 2025"), "title", 2),
        (("countries: [VN, NO, EU]", "countries: [VN, XX]"), "countries.1", 6),
        (("countries: [VN, NO, EU]", "countries: VN"), "countries", 6),
        (("url: https://example.org/a", "url: ftp://example.org/a"), "source.url", 8),
        (("url: https://example.org/a", "url: javascript:alert(1)"), "source.url", 8),
        (("url: https://example.org/a", "url: https://[example.org/a"), "source.url", 8),
        (("translation_key: test-article", "translation_key: ../../etc"), "translation_key", 5),
        (("translation_key: test-article", "translation_key: test-article\nslug: ../../../tmp/x"), "slug", 6),
        (("lang: pl", "lang: pl\ntitel: x"), "titel", 5),
        (("lang: pl", "lang: pl\ncorrections:\n  - date: 2024-10-27\n    change: x"), "corrections.0.date", 6),
    ],
)
def test_bad_front_matter_names_file_line_and_field(tmp_path, change, field, line):
    message = error_of(tmp_path, GOOD.replace(*change))
    assert message.startswith(f"{tmp_path / 'a.pl.md'}:{line}: {field}: "), message
    assert message.endswith(")"), "every error carries a hint in parentheses"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "empty"),
        ("no front matter\n", "does not start with a '---' line"),
        ("---\ntitle: x\n", "never closed"),
        ("---\ntitle: [unclosed\n---\n", "YAML error"),
        ("---\na: &x [1, 2]\nb: [*x, *x]\n---\n", "anchors and aliases"),
        ("---\n- a list\n---\n", "not a set of"),
    ],
)
def test_broken_files(tmp_path, text, expected):
    assert expected in error_of(tmp_path, text)


def test_a_correction_is_dated_after_the_original_was_published(tmp_path):
    corrected = GOOD.replace("lang: pl", "lang: pl\ncorrections:\n  - date: 2024-10-27\n    change: x")
    assert error_of(tmp_path, corrected).endswith(
        "corrections.0.date: 2024-10-27 is before the source was published (2025-10-26, the article's `date:`) "
        "(the archive reads and corrects an article after it is published: check both dates)"
    )
    assert read_article(write(tmp_path, corrected.replace("2024-10-27", "2025-10-26"))).meta.corrections


def test_binary_and_invalid_utf8_files(tmp_path):
    for data, expected in ((b"\x89PNG\r\n\x1a\n\x00\x00", "binary"), (b"---\ntitle: \xff\xfe\n---\n", "invalid UTF-8")):
        path = tmp_path / "b.pl.md"
        path.write_bytes(data)
        with pytest.raises(ContentError, match=expected):
            read_article(path)


def test_yaml_traps(tmp_path):
    doc = read_article(write(tmp_path, GOOD.replace("lang: pl", "lang: pl\ntags: [yes, no, 'on']")))
    assert doc.meta.tags == ("yes", "no", "on")  # YAML 1.2 booleans: only true/false
    message = error_of(tmp_path, GOOD.replace("lang: pl", "lang: pl\ntags: [true]"))
    assert "tags" in message


@pytest.mark.parametrize(
    ("body", "lead"),
    [
        ("Signed[^1] by 72 parties[^b].\n\n[^1]: In Hanoi.\n[^b]: The EU too.", "<p>Signed by 72 parties.</p>\n"),
        ("See [the footnote](#fn1) below[^1].\n\n[^1]: Note.", "<p>See the footnote below.</p>\n"),
        ("![The hall](https://example.org/x.png)\n\nThe hall was full.", "<p>The hall was full.</p>\n"),
        ("> The whole text is one quotation.", "<p>The whole text is one quotation.</p>\n"),
        ("- first point\n- second point", "<p>first point</p>\n"),
        ("::: caption\nA photo.\n:::\n\nThe lead.", "<p>The lead.</p>\n"),
        ("3 lutego 2026, godz. 10:15\n\nThe lead, on 3 February 2026.", "<p>The lead, on 3 February 2026.</p>\n"),
        ("*February 3, 2026*\n\nThe lead.", "<p>The lead.</p>\n"),
        ("Wilno, 14 stycznia 2026\n\nThe lead.", "<p>The lead.</p>\n"),
        ("WARSZAWA, 3 grudnia 2025 r. (PAP)\n\nThe lead.", "<p>The lead.</p>\n"),
    ],
    ids=[
        "footnotes",
        "link-to-own-footnote",
        "image-first",
        "only-a-quotation",
        "only-a-list",
        "caption-first",
        "a-date-line-first",
        "an-emphasised-date-line-first",
        "a-date-line-with-its-place-first",
        "a-date-line-with-its-place-and-agency-first",
    ],
)
def test_the_lead_is_the_first_paragraph_with_words_and_nothing_that_points_into_the_body(tmp_path, body, lead):
    # Listing pages and feeds show the lead away from its page: a footnote's `#fn1` or an image there would be
    # broken or out of place, and a body with no paragraph of its own left the lead empty.
    text = GOOD.split("---\n\n")[0] + "---\n\n" + body + "\n"
    doc = read_article(write(tmp_path, text.replace("https://example.org/x.png", "{static}/x.png")))
    assert doc.summary_html == lead


def test_a_link_to_a_part_of_the_page_that_is_not_there_is_refused_at_its_line(tmp_path):
    message = error_of(tmp_path, GOOD + "\nSee [the section](#background) and the note[^1].\n\n[^1]: [Up](#fnref1).\n")
    line = (GOOD + "\n").count("\n") + 1
    assert message.startswith(f"{tmp_path / 'a.pl.md'}:{line}: body: link target '#background' points to no part")
    assert "`## Rekordowa skala` is `#rekordowa-skala`" in message
    assert read_article(write(tmp_path, GOOD + "\nSee the note[^1] and [it](#fn1).\n\n[^1]: [Up](#fnref1).\n"))
    assert read_article(write(tmp_path, GOOD + "\nSee [below](#background).\n\n## Background\n\nText.\n"))


def test_every_heading_has_an_id_of_its_own_that_no_mark_of_the_page_has(tmp_path):
    """A part of a text can be linked to by its heading; an id the page gives itself (the skip link's `main`, a
    footnote's, a note's `note-1`) is never a heading's, nor are two headings' ids the same."""
    headings = ["Rekordowa skala", "Rekordowa skala", "Main", "fn1", "Note", "Note", "!!!", "Zażółć gęślą jaźń"]
    body = "Text[^1].\n\n" + "".join(f"## {heading}\n\nText.\n\n" for heading in headings) + "[^1]: A note.\n"
    html = read_article(write(tmp_path, GOOD + "\n" + body)).html
    ids = re.findall(r'<h2 id="([^"]*)">', html)
    assert ids == [
        "srodtytul",  # GOOD's own
        "rekordowa-skala",
        "rekordowa-skala-1",
        "main-section",
        "fn1-section",
        "note-section",
        "note-section-1",
        "section",
        "zazolc-gesla-jazn",
    ]
    all_ids = re.findall(r'\bid="([^"]*)"', html)
    assert len(all_ids) == len(set(all_ids))


def test_a_lead_of_a_text_pasted_as_one_paragraph_is_cut_after_its_80th_word(tmp_path):
    # Every listing page, feed entry and page head (description, Open Graph, JSON-LD, search summary) shows the lead:
    # one paragraph of 20,000 words made the home pages 168 KB and the article's head 600 KB.
    words = [f"word{n}" for n in range(20_000)]
    text = GOOD.split("---\n\n")[0] + "---\n\n*" + " ".join(words) + "*\n"
    doc = read_article(write(tmp_path, text))
    assert doc.summary_html == f"<p><em>{' '.join(words[:80])}…</em></p>\n"
    assert words[-1] in doc.html


def test_a_summary_is_bounded_as_the_lead_is_and_refused_at_its_line_beyond(tmp_path):
    # A summary is shown where the lead would be: every listing page, the feed entry, the page's head.
    summary = lambda words: GOOD.replace("lang: pl\n", f"lang: pl\nsummary: {' '.join(['słowo'] * words)}\n")  # noqa: E731
    assert read_article(write(tmp_path, summary(80))).meta.summary.count("słowo") == 80
    message = error_of(tmp_path, summary(81))
    assert message.startswith(f"{tmp_path / 'a.pl.md'}:5: summary: has 81 words, more than 80")
    assert "delete the line to use the lead paragraph" in message


def test_a_summary_of_two_paragraphs_is_refused_at_its_line(tmp_path):
    # Every listing shows the summary as one paragraph: the second ran into the first, as if one text.
    two = GOOD.replace("lang: pl\n", "lang: pl\nsummary: |\n  Pierwszy akapit.\n\n  Drugi akapit.\n")
    message = error_of(tmp_path, two)
    assert message.startswith(f"{tmp_path / 'a.pl.md'}:7: summary: is more than one paragraph (a blank line parts it)")
    assert "join the paragraphs into one" in message
    # So is any prose a page shows as one paragraph or in a sentence (a correction's reason), at the blank line.
    reason = "corrections:\n  - date: 2025-10-27\n    change: Poprawka.\n    reason: |\n      Jeden.\n\n      Dwa.\n"
    message = error_of(tmp_path, GOOD.replace("lang: pl\n", f"lang: pl\n{reason}"))
    assert message.startswith(f"{tmp_path / 'a.pl.md'}:10: corrections.0.reason: is more than one paragraph")
    folded = GOOD.replace("lang: pl\n", "lang: pl\nsummary: >\n  Jeden akapit\n  na dwóch liniach.\n")
    assert read_article(write(tmp_path, folded)).meta.summary.strip() == "Jeden akapit na dwóch liniach."


def test_an_editor_note_keeps_its_paragraphs(tmp_path):
    note = GOOD.replace("lang: pl\n", "lang: pl\neditor_note: |\n  Pierwszy akapit\n  uwagi.\n  \n\n  Drugi.\n")
    meta = read_article(write(tmp_path, note)).meta
    assert meta.editor_note_paragraphs == ("Pierwszy akapit\nuwagi.", "Drugi.")


def test_a_lead_written_without_spaces_is_cut_at_its_1000th_character(tmp_path):
    # Chinese, Japanese or a run of one letter is one word however long: 300,000 characters made the home pages 1 MB.
    head = GOOD.split("---\n\n")[0] + "---\n\n"
    doc = read_article(write(tmp_path, head + "条" * 300_000 + "\n"))
    assert doc.summary_html == f"<p>{'条' * 1000}…</p>\n"
    # Cut after the last word that ends within the bound, never between a letter and its combining mark.
    words = ["słowo" + "o" * 194] * 6  # 199 characters each: five end within 1,000 characters
    assert read_article(write(tmp_path, head + " ".join(words) + "\n")).summary_html == (
        f"<p>{' '.join(words[:5])}…</p>\n"
    )
    # A letter and its accent at the 1,000th and 1,001st characters: one that has no composed form (`é` is read as
    # the one character U+00E9, as every text is read composed).
    decomposed = "x" + "q\u0301" * 600
    assert read_article(write(tmp_path, head + decomposed + "\n")).summary_html == f"<p>{decomposed[:999]}…</p>\n"


def test_a_paragraph_of_no_word_is_never_the_lead(tmp_path):
    # A source's line of dashes, kept as text (`\---`), was the summary of every listing, feed entry and page head.
    head = GOOD.split("---\n\n")[0] + "---\n\n"
    body = "\\---\n\n• • •\n\n…\n\nx x x\n\n\\*\\*\\*\n\nThe real lead, in words.\n"
    assert read_article(write(tmp_path, head + body)).summary_html == "<p>The real lead, in words.</p>\n"


def test_a_summary_of_few_long_words_is_refused_at_its_line(tmp_path):
    summary = lambda chars: GOOD.replace("lang: pl\n", f"lang: pl\nsummary: {'条' * chars}\n")  # noqa: E731
    assert len(read_article(write(tmp_path, summary(1000))).meta.summary) == 1000
    message = error_of(tmp_path, summary(1001))
    assert message.startswith(f"{tmp_path / 'a.pl.md'}:5: summary: has 1001 characters, more than 1000")


def test_a_label_is_bounded_wherever_it_is(tmp_path):
    # A tag of 100,000 `!` is the topic `a` (punctuation makes no address), named in full on every page naming it.
    tag = GOOD.replace("countries:", f'tags: ["a{"!" * 100_000}"]\ncountries:')
    message = error_of(tmp_path, tag)
    assert message.startswith(f"{tmp_path / 'a.pl.md'}:6: tags.0: has 100001 characters, more than 500")
    assert "shorten it" in message
    url = lambda chars: GOOD.replace("https://example.org/a", "https://example.org/" + "a" * (chars - 20))  # noqa: E731
    assert read_article(write(tmp_path, url(2048))).meta.source.url.endswith("a" * 100)
    assert "source.url: has 2049 characters, more than 2048" in error_of(tmp_path, url(2049))
    publisher = GOOD.replace("publisher: Example", f"publisher: {'Example ' * 63}")
    assert "source.publisher: has 503 characters, more than 500" in error_of(tmp_path, publisher)


def test_a_title_longer_than_a_headline_is_refused_at_its_line(tmp_path):
    title = lambda chars: GOOD.replace('title: "Białoruś i Łódź"', f'title: "{"ł" * chars}"')  # noqa: E731
    assert len(read_article(write(tmp_path, title(300))).meta.title) == 300
    message = error_of(tmp_path, title(301))
    assert message.startswith(f"{tmp_path / 'a.pl.md'}:2: title: has 301 characters, more than 300")


@pytest.mark.parametrize(
    ("written", "offset"),
    [
        ('"2025-10-26T10:00:00+07:00:00"', 420),  # forms Python reads in a quoted date: stated with what it read
        ('"2025-10-26T10:00:00+0700"', 420),
        ('"2025-10-26T10:00:00-05:30"', -330),
        ('"2025-10-26T10:00:00Z"', 0),
        ("2025-10-26 10:00:00 +7", 420),  # a YAML timestamp
        ("2025-10-26T10:00:00", None),
    ],
)
def test_a_dates_offset_is_the_one_it_was_read_with(tmp_path, written, offset):
    # The feed, Open Graph and JSON-LD state the moment with it: `+07:00:00` was stated in the site's time zone.
    text = GOOD.replace("date: 2025-10-26", f"date: {written}")
    assert read_article(write(tmp_path, text)).meta.date_offset == offset


def test_an_offset_with_seconds_is_refused_at_its_line(tmp_path):
    message = error_of(tmp_path, GOOD.replace("date: 2025-10-26", 'date: "2025-10-26T10:00:00+07:00:30"'))
    assert message.startswith(f"{tmp_path / 'a.pl.md'}:3: date: the time zone offset in '2025-10-26T10:00:00+07:00:30'")
    assert "has seconds (write it in hours and minutes: +07:00)" in message


def _nested(kind: str, depth: int) -> str:
    if kind == "quotations":
        return ">" * depth + " the innermost\n"
    return (
        "".join(f"{'  ' * level}- level {level}\n" for level in range(depth - 1))
        + f"{'  ' * (depth - 1)}- the innermost\n"
    )


@pytest.mark.parametrize(("kind", "deepest_kept"), [("quotations", 19), ("lists", 9)])
def test_text_nested_deeper_than_the_page_holds_is_refused_at_its_line(tmp_path, kind, deepest_kept):
    # markdown-it reads nothing inside a block opened at its nesting limit, and dropped it silently: the text of a
    # quotation 20 deep, of a list 10 deep and the rest of the body after it.
    head = GOOD + "\n"
    kept = read_article(write(tmp_path, head + _nested(kind, deepest_kept) + "\nThe end.\n"))
    assert "the innermost" in kept.html and "The end." in kept.html
    message = error_of(tmp_path, head + _nested(kind, deepest_kept + 1) + "\nThe end.\n")
    line = head.count("\n") + 1 + (deepest_kept if kind == "lists" else 0)  # a list's innermost item is its last line
    assert message.startswith(f"{tmp_path / 'a.pl.md'}:{line}: body: nests quotations or lists too deep for the page")


@pytest.mark.parametrize(
    ("notes", "line", "message"),
    [
        ("[^1]: Never referred to.\n", 0, "has the footnote [^1], which the text never refers to"),
        ("[^Note]: Referred to as [^note].\n", 0, "has the footnote [^Note], which the text never refers to"),
        ("[^2]: First.\n\n[^2]: Second.\n", 0, "defines the footnote [^2] again on line"),
    ],
)
def test_a_footnote_the_page_would_not_show_is_refused_at_its_line(tmp_path, notes, line, message):
    # mdit-py-plugins keeps the last definition of a label and none the text does not refer to: the others were
    # dropped silently from a text kept verbatim.
    head = GOOD + "\nA claim[^2] and another[^1].\n\n" if "[^2]" in notes else GOOD + "\nA claim.\n\n"
    error = error_of(tmp_path, head + notes)
    assert error.startswith(f"{tmp_path / 'a.pl.md'}:{head.count(chr(10)) + 1 + line}: body: {message}"), error
    kept = read_article(write(tmp_path, GOOD + "\nA claim[^1], [^2].\n\n[^1]: One.\n[^2]: Two.\n"))
    assert "One." in kept.html and "Two." in kept.html


def test_a_table_row_with_more_cells_than_its_header_is_refused_at_its_line(tmp_path):
    # GFM drops the cells past the header's: their text was missing from the page. A `|` in a code span splits too.
    table = "| Country | Signed |\n|---|---|\n| Viet Nam | 2025 |\n| Kenya | `a|b` |\n"
    head = GOOD + "\n"
    error = error_of(tmp_path, head + table)
    line = head.count("\n") + 4
    assert error.startswith(f"{tmp_path / 'a.pl.md'}:{line}: body: has a table row of 3 cells under a header of 2")
    kept = read_article(write(tmp_path, head + table.replace("`a|b`", "`a\\|b`") + "| Chile | 2025 ||\n"))
    assert "<code>a|b</code>" in kept.html  # an empty cell past the header holds nothing to leave out


def test_a_link_definition_the_page_would_not_show_is_refused_at_its_line(tmp_path):
    # CommonMark keeps the first definition of a label and shows none: one no link uses, or a second one, was
    # dropped silently (a plain-text source's list of addresses, `[1]: https://...`, vanished from the page).
    head = GOOD + "\nThe [treaty][un] and [the press][1].\n\n[UN]: https://example.org/a\n[1]: https://example.org/b\n"
    line = head.count("\n")
    assert read_article(write(tmp_path, head)).html.count('href="https://example.org/') == 2
    unused = error_of(tmp_path, head + "[2]: https://example.org/c\n")
    assert unused.startswith(f"{tmp_path / 'a.pl.md'}:{line + 1}: body: defines the link [2], which no link uses")
    twice = error_of(tmp_path, head + "[un]: https://example.org/d\n")
    assert twice.startswith(f"{tmp_path / 'a.pl.md'}:{line + 1}: body: defines the link [un] again: links to it go")


def test_a_lead_counts_its_links_addresses_in_its_1000_characters(tmp_path):
    # 80 links to addresses of 20,000 characters made a lead of 1.6 MB, on every page that lists the article.
    head = GOOD.split("---\n\n")[0] + "---\n\n"
    links = " ".join(f"[word{n}](https://example.org/{'a' * 20_000})" for n in range(80))
    lead = read_article(write(tmp_path, head + links + "\n")).summary_html
    assert lead == f"<p>{' '.join(f'word{n}' for n in range(80))}</p>\n"  # too long to keep: their text stays
    short = " ".join(f"[word{n}](https://example.org/{n})" for n in range(10))
    assert read_article(write(tmp_path, head + short + "\n")).summary_html.count("<a href=") == 10
