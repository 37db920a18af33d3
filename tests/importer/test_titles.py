"""A text's first line is its title when it reads as a headline: short, standing alone before the body, and ending
with a word, or as a question, an exclamation, an ellipsis or a quotation does; where the importer makes a title of
the text instead, its note says what it was made of, and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_core.articles import read_article
from tools.importer.importer import derive_title

from .helpers import body_of, run_import

URL = "https://www.example.org/hanoi"
LEAD = (
    "Polska podpisała w sobotę w Hanoi konwencję ONZ o cyberprzestępczości, jako jedno z 72 państw, "
    "które zrobiły to pierwszego dnia ceremonii."
)
BODY = "Ratyfikacja wymaga jeszcze zgody Sejmu, co według ministerstwa może potrwać do końca przyszłego roku."
ENGLISH_LEAD = (
    "Seventy-two states signed the UN convention against cybercrime in Hanoi on Saturday, the first day the "
    "treaty was open for signature."
)
ENGLISH_BODY = "Ratification will need the consent of parliaments, which several governments said could take years."


def import_text(capsys, folder: Path, text: str, *options: str):
    source = folder / "source.txt"
    source.write_text(text, encoding="utf-8")
    given = ("--date", "2025-10-26", "--source-url", URL, "--publisher", "PAP", *options)
    result = run_import(capsys, source, folder / "content", *given)
    assert result.code == 0, result.err
    return result


@pytest.mark.parametrize(
    ("headline", "lead", "body"),
    [
        ("Czy Polska ratyfikuje konwencję z Hanoi?", LEAD, BODY),
        ("Konwencja z Hanoi podpisana!", LEAD, BODY),
        ("Konwencja z Hanoi: koniec anonimowości w sieci?!", LEAD, BODY),
        ("Konwencja podpisana. Co dalej?", LEAD, BODY),
        ("Konwencja z Hanoi podpisana, a co z prywatnością…", LEAD, BODY),
        ("Konwencja z Hanoi podpisana, a co z prywatnością...", LEAD, BODY),
        ("Minister: „Czy to koniec anonimowości?”", LEAD, BODY),
        ("Minister: „Podpiszemy konwencję”", LEAD, BODY),
        ("Minister: »Podpiszemy konwencję«", LEAD, BODY),
        ("Minister: «Czy to koniec anonimowości?»", LEAD, BODY),
        ("Will the Hanoi Convention end online anonymity?", ENGLISH_LEAD, ENGLISH_BODY),
        ("Convention signed in Hanoi!", ENGLISH_LEAD, ENGLISH_BODY),
        ('Minister: "Is this the end of anonymity?"', ENGLISH_LEAD, ENGLISH_BODY),
        ("Minister: “We will sign”", ENGLISH_LEAD, ENGLISH_BODY),
    ],
)
def test_a_headline_ending_as_a_question_an_exclamation_or_a_quotation_is_the_title(
    capsys, tmp_path, headline, lead, body
):
    """A headline ending with `?` was taken for the lead: the title was made of it and marked for review, with a
    note saying the source had no title line, and the summary every listing shows was the headline too."""
    result = import_text(capsys, tmp_path, f"{headline}\n\n{lead}\n\n{body}\n")
    meta = read_article(result.path).meta
    assert (meta.title, meta.summary, meta.review) == (headline, lead, ())
    assert body_of(result.path).lstrip().startswith(lead)
    assert "review" not in result.err


def test_a_headline_wrapped_with_its_text_is_the_title_too(capsys, tmp_path):
    text = (
        "Czy Polska ratyfikuje konwencję z Hanoi?\n\n"
        "Polska podpisała w sobotę w Hanoi konwencję ONZ o\ncyberprzestępczości, jako jedno z 72 państw, które\n"
        "zrobiły to pierwszego dnia ceremonii.\n\n"
        "Ratyfikacja wymaga jeszcze zgody Sejmu, co według\nministerstwa może potrwać do końca przyszłego roku.\n"
    )
    meta = read_article(import_text(capsys, tmp_path, text).path).meta
    assert (meta.title, meta.summary) == ("Czy Polska ratyfikuje konwencję z Hanoi?", LEAD)


@pytest.mark.parametrize("question", ["Co dalej?", "Dlaczego?", "Kiedy ratyfikacja?!", "„Czy to koniec?”"])
def test_a_short_question_in_the_body_stays_a_paragraph(capsys, tmp_path, question):
    """A question between paragraphs (an interviewer's, a rhetorical one) is the text's, not a subheading."""
    result = import_text(capsys, tmp_path, f"Konwencja z Hanoi podpisana\n\n{LEAD}\n\n{question}\n\n{BODY}\n")
    body = body_of(result.path)
    assert f"\n\n{question}\n\n" in body and "## " not in body
    assert "<h2" not in read_article(result.path).html


def test_a_question_opening_a_text_with_nothing_longer_after_it_is_no_title(capsys, tmp_path):
    """A question standing before shorter lines is the text's first paragraph, not a headline over it."""
    question = "Czy Polska ratyfikuje konwencję z Hanoi, którą podpisała w sobotę razem z 71 innymi państwami?"
    result = import_text(capsys, tmp_path, f"{question}\n\nTak.\n\nTak twierdzi ministerstwo.\n", "--lang", "pl")
    meta = read_article(result.path).meta
    assert meta.review == ("title",) and meta.summary == question
    assert body_of(result.path).lstrip().startswith(question)
    assert "as a question, an exclamation or a quotation does, and no longer paragraph follows it" in result.err


def test_a_title_made_of_a_lead_opening_with_a_question_is_its_first_sentence_and_said_so(capsys, tmp_path):
    """The derived title was the lead up to its first `. `: a lead opening with a question gave a title of its two
    first sentences, and the note said it was the first."""
    lead = (
        "Czy Polska ratyfikuje konwencję z Hanoi? Rząd nie podjął jeszcze decyzji, choć podpisał ją w sobotę, "
        "razem z 71 innymi państwami, pierwszego dnia ceremonii w stolicy Wietnamu."
    )
    result = import_text(capsys, tmp_path, f"{lead}\n\n{BODY}\n")
    meta = read_article(result.path).meta
    assert (meta.title, meta.summary, meta.review) == ("Czy Polska ratyfikuje konwencję z Hanoi?", lead, ("title",))
    assert (
        "review: title was guessed, as the text's first line is no headline (it is longer than a headline, "
        "150 characters): it is the first sentence of the lead (up to the first `.`, `?`, `!` or `…` before a capital "
        "or a quotation)"
    ) in result.err


def test_a_title_cut_from_a_long_sentence_is_said_to_be_cut(capsys, tmp_path):
    result = import_text(capsys, tmp_path, f"{LEAD}\n\n{BODY}\n")
    meta = read_article(result.path).meta
    assert meta.title.endswith("…") and len(meta.title) <= 101 and meta.review == ("title",)
    assert "ends with `.`, as a sentence, a list item or a credit does" in result.err
    assert (
        "it is the lead, which is one sentence, cut at a word to at most 100 characters and ended with `…`"
        in result.err
    )


def test_a_title_made_of_a_text_without_a_paragraph_names_what_it_was_made_of(capsys, tmp_path):
    items = "• Pierwszy punkt: Polska podpisała konwencję w Hanoi.\n• Drugi punkt: ratyfikacja przez Sejm.\n"
    result = import_text(capsys, tmp_path, items, "--lang", "pl")
    meta = read_article(result.path).meta
    assert (meta.title, meta.review) == ("Pierwszy punkt: Polska podpisała konwencję w Hanoi", ("title",))
    assert (
        "(it is a list item): it is the text's first list item (the text has no lead: no paragraph of words but a date "
        "line or a byline), which is one sentence"
    ) in result.err
    assert "the lead" not in result.err


def test_a_title_made_of_a_saved_page_without_one_says_the_page_names_none(capsys, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        f'<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8"></head><body><article><p>{LEAD}</p>'
        f"<p>{BODY}</p></article></body></html>",
        encoding="utf-8",
    )
    result = run_import(capsys, page, tmp_path / "content", "--date", "2025-10-26", "--source-url", URL)
    assert result.code == 0, result.err
    assert read_article(result.path).meta.review == ("title",)
    assert "title was guessed, as the page names no title: it is the lead, which is one sentence, cut" in result.err


def test_a_title_made_of_a_lead_opened_by_a_date_line_says_it_is_without_it(capsys, tmp_path):
    text = f"Hanoi (PAP) - Polska podpisała w sobotę konwencję. {BODY}\n\n{LEAD}\n"
    result = import_text(capsys, tmp_path, text, "--lang", "pl")
    assert read_article(result.path).meta.title == "Polska podpisała w sobotę konwencję"
    assert "it is the first sentence of the lead after the date line opening it" in result.err


@pytest.mark.parametrize(
    ("lead", "title"),
    [
        (
            "Yahoo! announced on Monday that it backs the convention. The company said so in Hanoi.",
            "Yahoo! announced on Monday that it backs the convention",
        ),
        (
            "Shares of Yahoo! Japan rose after the convention was signed. Analysts were surprised.",
            "Shares of Yahoo! Japan rose after the convention was signed",
        ),
        ("Jeopardy! host Ken Jennings read the convention aloud. It took an hour.", None),
        ("U.S. officials signed the convention in Hanoi on Saturday. Others did not.", None),
        ("The U.S. State Department welcomed the convention. Others did not.", None),
        ("Dr. Nguyen opened the ceremony, said Mr. Smith of Acme Inc. on Saturday. Others did not.", None),
        ("Rektor Uniwersytetu im. Adama Mickiewicza, prof. Nowak, był w Hanoi. Inni nie.", None),
        ("Czy Polska ratyfikuje konwencję? Rząd nie podjął decyzji.", "Czy Polska ratyfikuje konwencję?"),
        ("Konwencja podpisana! „To historyczny dzień” – powiedział minister.", "Konwencja podpisana!"),
        ("Konwencja podpisana… i co dalej? Rząd nie wie.", "Konwencja podpisana… i co dalej?"),
    ],
)
def test_a_title_made_of_the_lead_ends_where_its_first_sentence_does(lead, title):
    """`Yahoo! announced…` was given the title `Yahoo!`: a `!`, `?` or `.` ends a sentence before a capital or a
    quotation only, and not after a name written with it, an initial (`U.S.`) or an abbreviation (`Dr.`, `im.`)."""
    assert derive_title(lead, "the lead")[0] == (title or lead.rsplit(". ", 1)[0])
