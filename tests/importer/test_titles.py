"""A text's first line is its title when it reads as a headline: short, standing alone before the body, and ending
with a word, or as a question, an exclamation, an ellipsis or a quotation does."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_core.articles import read_article

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
