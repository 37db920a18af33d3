"""The reference files parse with common tools and say what a citation must: title, authors, date, URLs."""

from __future__ import annotations

import json
from datetime import date

import bibtexparser
import pytest
import rispy
from markupsafe import Markup
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from citations.formats import bibtex, csl_json, formatted, formatted_html, ris
from citations.references import Reference

TRICKY = 'Costs 100% & more: {braces}, under_scores, #hash, "quotes" and Łódź'


def reference(**changes) -> Reference:
    values = dict(
        key="signing-en",
        kind="article",
        lang="en",
        title=TRICKY,
        authors=("VNA/Vietnam+",),
        container="Hanoi Convention Archive",
        issued=date(2025, 10, 26),
        url="https://archive.example/en/2025/signing/",
        page_url="en/2025/signing/",
        original_url="https://www.example.vn/a%20b_c?x=1#top",
        original_accessed=date(2026, 11, 29),
        original_archived="https://web.archive.org/web/20261129/https://www.example.vn/a%20b_c",
        translator="the archive's editors (AI-assisted)",
        translated_from="pl",
    )
    values.update(changes)
    return Reference(**values)


def test_bibtex_parses_and_names_title_author_date_and_urls():
    library = bibtexparser.parse_string(bibtex(reference()))
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.entry_type == "online" and entry.key == "signing-en"
    fields = {field.key: field.value for field in entry.fields}
    assert "Łódź" in fields["title"] and r"100\% \& more" in fields["title"] and r"under\_scores" in fields["title"]
    assert fields["author"] == "{VNA/Vietnam+}"
    assert fields["date"] == "2025-10-26" and fields["year"] == "2025"
    assert fields["url"] == "https://archive.example/en/2025/signing/"
    assert "Original: https://www.example.vn/a\\%20b\\_c" in fields["note"]
    assert "accessed 2026-11-29" in fields["note"] and "archived copy" in fields["note"]
    assert fields["translator"] == "{the archive's editors (AI-assisted)}"


def bibtex_entry_length(text: str) -> int:
    """Where BibTeX ends the entry that opens `text`: at the brace that closes its first one. BibTeX counts every
    `{` and `}`, and knows no escape: `\\}` closes a brace as `}` does (pybtex refuses to write an unbalanced one)."""
    depth = 0
    for at, char in enumerate(text):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == "}" and depth == 0:
            return at + 1
    return -1


def latex_text(value: str) -> str:
    """A BibTeX field's value as LaTeX prints it."""
    macros = [MacroTextSpec("textbraceleft", "{"), MacroTextSpec("textbraceright", "}")]
    context = get_default_latex_context_db()
    context.add_context_category("braces", prepend=True, macros=macros)
    return LatexNodes2Text(latex_context=context).latex_to_text(value)


@pytest.mark.parametrize("label", ["One } brace", "{ opened", "Smiley :-}", "a \\ b } c {", "}{"])
def test_a_brace_in_a_label_is_its_text_and_never_ends_the_bibtex_entry(label):
    text = bibtex(reference(title=label, authors=(label,), translator=label))
    assert bibtex_entry_length(text) == len(text.rstrip())
    (entry,) = bibtexparser.parse_string(text).entries
    fields = {field.key: field.value for field in entry.fields}
    assert {latex_text(fields[name]) for name in ("title", "author", "translator")} == {label}


def test_ris_parses_and_names_title_author_date_and_urls():
    (entry,) = rispy.loads(ris(reference()))
    assert entry["type_of_reference"] == "NEWS"
    assert entry["title"] == TRICKY
    assert entry["authors"] == ["VNA/Vietnam+"]
    assert entry["year"] == "2025" and entry["date"] == "2025/10/26/"
    assert entry["urls"] == ["https://archive.example/en/2025/signing/"]
    assert "https://www.example.vn/a%20b_c?x=1#top" in entry["notes"][0]
    assert entry["language"] == "en"


def test_ris_keeps_one_record_per_line_even_with_line_breaks_in_the_title():
    (entry,) = rispy.loads(ris(reference(title="Two\nlines", kind="country", translator=None)))
    assert entry["title"] == "Two lines" and entry["type_of_reference"] == "ELEC"


def test_csl_json_is_an_item_list_with_dates_as_date_parts():
    (item,) = json.loads(csl_json(reference()))
    assert item["type"] == "article-newspaper" and item["title"] == TRICKY
    assert item["issued"] == {"date-parts": [[2025, 10, 26]]}
    assert item["author"] == [{"literal": "VNA/Vietnam+"}]
    assert item["archive_location"] == "https://www.example.vn/a%20b_c?x=1#top"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "“" + TRICKY.replace('"quotes"', "‘quotes’") + "”",
                "26 October 2025",
                "Translated from Polish by",
                "accessed 29 November 2026",
            ],
        ),
        (
            "pl",
            [
                "„" + TRICKY.replace('"quotes"', "«quotes»") + "”",
                "26 października 2025",
                "polski",
                "dostęp 29 listopada 2026",
            ],
        ),
    ],
)
def test_formatted_citation_in_the_page_language(lang, expected):
    catalogs = {
        "pl": {
            "“%(title)s”": "„%(title)s”",
            "Translated from %(language)s by %(translator)s": "Przekład (z: %(language)s): %(translator)s",
            "accessed %(date)s": "dostęp %(date)s",
        }
    }
    text = formatted(reference(lang=lang), lambda message: catalogs.get(lang, {}).get(message, message))
    for part in expected:
        assert part in text, text
    assert text.endswith(".")


@pytest.mark.parametrize(
    ("lang", "title", "quoted"),
    [
        (
            "pl",
            "„Bezpieczeństwo & prywatność”: <konwencja> pod lupą",
            "„«Bezpieczeństwo & prywatność»: <konwencja> pod lupą”",
        ),
        ("pl", 'Krytycy: rezolucja to "koń trojański"', "„Krytycy: rezolucja to «koń trojański»”"),
        ("pl", "Izrael i Palestyna: „שלום” i „سلام”", "„Izrael i Palestyna: «שלום» i «سلام»”"),
        ("en", 'Critics call it a "Trojan horse" and “a trap”', "“Critics call it a ‘Trojan horse’ and ‘a trap’”"),
        ("en", 'A 12" screen, “unpaired', '“A 12" screen, “unpaired”'),
    ],
)
def test_a_title_quoting_words_takes_the_inner_quotation_marks_of_the_page_language(lang, title, quoted):
    """A quotation inside the citation's own quotation marks: „„x”: y” reads as two openings, and an English
    reader expects “… ‘x’”; a mark with no partner is left as written."""
    catalog = {"“%(title)s”": "„%(title)s”"} if lang == "pl" else {}
    ref = reference(lang=lang, title=title)
    text = formatted(ref, lambda message: catalog.get(message, message))
    assert quoted in text, text
    html = formatted_html(ref, lambda message: catalog.get(message, message))
    assert html.striptags() == " ".join(text.split())
    assert json.loads(csl_json(ref))[0]["title"] == title  # the reference files keep the title as written


def test_a_country_page_names_the_archive_once():
    text = formatted(
        reference(kind="country", authors=("Hanoi Convention Archive",), translator=None), lambda message: message
    )
    assert text.count("Hanoi Convention Archive") == 1


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"authors": ("صحيفة المثال",), "title": "قمة هانوي 2025", "translator": "سمير المترجم."},
        {"authors": ("<script>alert(1)</script>", "A. B. & Co."), "title": "<b>x</b>", "translator": None},
    ],
)
def test_the_page_shows_the_citation_as_text_with_each_label_isolated(changes):
    """The HTML reads as the text to copy, with publisher, title and translator each in a `<bdi>`: an Arabic
    publisher and title, side by side, would swap places on the page."""
    ref = reference(**changes)
    html = formatted_html(ref, lambda message: message)
    assert html.striptags() == " ".join(formatted(ref, lambda message: message).split())
    assert "<script>" not in html and "<b>" not in html
    labels = [*ref.authors, ref.title.replace('"quotes"', "‘quotes’")] + (
        [ref.translator.rstrip(".")] if ref.translator else []
    )
    for label in labels:
        assert str(Markup("<bdi>{}</bdi>").format(label.rstrip("."))) in html


# A summary that would end a BibTeX field or start a comment, hold a LaTeX command, break a RIS record (a line that
# starts `ER  -` ends it) or lose its Polish letters.
HOSTILE_ABSTRACT = "Koniec} pola \\textbf{x} 100% zgody;\nER  - koniec rekordu\r\nTY  - JOUR\u2028Łódź, źdźbło"
ABSTRACT_AS_READ = "Koniec} pola \\textbf{x} 100% zgody; ER - koniec rekordu TY - JOUR Łódź, źdźbło"


def test_bibtex_gives_the_abstract_as_text_a_parser_reads_back():
    text = bibtex(reference(abstract=HOSTILE_ABSTRACT))
    assert bibtex_entry_length(text) == len(text.rstrip())
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    (entry,) = library.entries
    fields = {field.key: field.value for field in entry.fields}
    assert latex_text(fields["abstract"]) == ABSTRACT_AS_READ
    assert fields["title"].startswith("{Costs")  # the fields after it are read as fields


def test_ris_gives_the_abstract_on_one_line_and_the_record_ends_once():
    text = ris(reference(abstract=HOSTILE_ABSTRACT))
    (entry,) = rispy.loads(text)
    assert entry["abstract"] == ABSTRACT_AS_READ
    assert [line for line in text.splitlines() if line.startswith(("ER", "TY"))] == ["TY  - NEWS", "ER  -"]


def test_csl_json_gives_the_abstract_as_text():
    (item,) = json.loads(csl_json(reference(abstract=HOSTILE_ABSTRACT)))
    assert item["abstract"] == ABSTRACT_AS_READ


def test_a_reference_without_an_abstract_has_no_abstract_field():
    ref = reference(abstract=None)
    assert "abstract" not in bibtex(ref) and "\nAB  -" not in ris(ref) and "abstract" not in csl_json(ref)
