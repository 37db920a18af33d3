"""Annotations: checked against the source text, marked in the HTML without changing a word of it."""

from __future__ import annotations

import re
import unicodedata

import pytest

from archive_core.annotations import NotPlaced, apply, check
from archive_core.errors import ContentError
from archive_core.frontmatter import SplitDocument
from archive_core.schema import Annotation

BODY = 'Ms Mmamiloko Kubayi said: "there is no better place".\n\nThe minister & "his" team\nsaid it twice: twice.\n'
HTML = (
    "<p>Ms Mmamiloko Kubayi said: &quot;there is no better place&quot;.</p>\n"
    '<p>The minister &amp; "his" team\nsaid it twice: twice.</p>\n'
)


def doc(body: str = BODY) -> SplitDocument:
    return SplitDocument(path="a.en.md", yaml_text="annotations: []\n", body=body, body_line=4)


def test_a_sic_note_keeps_the_text_and_adds_the_marker_and_a_numbered_link():
    notes = (Annotation("Mmamiloko", "Her name is Mmamoloko.", "sic"),)
    check(notes, doc(), HTML)
    html, (note,) = apply(HTML, notes)
    assert 'Mmamiloko<sup class="note-ref sic">' in html
    assert '<a href="#note-1" aria-label="Note 1"></a></sup>' in html
    assert note.number == 1 and note.anchor == "note-1"
    assert html.count("Mmamiloko") == 1
    text = re.sub(r"<[^>]+>", "", html)
    assert text == re.sub(r"<[^>]+>", "", HTML)  # not a character of the text added


def test_passages_with_quotes_ampersands_and_line_breaks_are_found_and_numbered_in_text_order():
    notes = (
        Annotation('The minister & "his" team said', "Translator's note.", "translation"),
        Annotation('said: "there is no better place"', "Spoken in English.", "quote"),
    )
    check(notes, doc(), HTML)
    html, found = apply(HTML, notes)
    assert [note.kind for note in found] == ["quote", "translation"]
    assert 'said: &quot;there is no better place&quot;<sup class="note-ref">' in html
    assert 'The minister &amp; "his" team\nsaid<sup class="note-ref">' in html


@pytest.mark.parametrize(
    ("text", "message"),
    [("Mmamoloko", "is not in the article's text"), ("twice", "is 2 times in the article's text")],
)
def test_a_passage_not_found_once_is_an_error_naming_the_annotation(text, message):
    with pytest.raises(ContentError) as error:
        check((Annotation("Kubayi", "ok", "editor"), Annotation(text, "note", "editor")), doc(), HTML)
    assert error.value.problem.field == "annotations.1.text"
    assert message in error.value.problem.message


def test_a_passage_split_by_emphasis_in_the_html_is_not_dropped_silently():
    with pytest.raises(NotPlaced) as error:
        apply("<p>The <em>minister</em> said.</p>", (Annotation("The minister said", "n", "editor"),))
    assert error.value.index == 0


def test_text_inside_a_tag_is_never_annotated():
    html, _ = apply('<p><a href="https://x.example/Kubayi">Kubayi</a></p>', (Annotation("Kubayi", "n", "editor"),))
    assert 'href="https://x.example/Kubayi"' in html
    assert 'Kubayi</a><sup class="note-ref">' in html


@pytest.mark.parametrize(("body_form", "passage_form"), [("NFD", "NFC"), ("NFC", "NFD")])
def test_a_passage_is_found_whether_its_accents_are_composed_or_not(body_form, passage_form):
    """A Vietnamese source pasted decomposed, its passage typed composed: they look the same, and are the same
    text to Unicode; the note is placed, and the text keeps its own form."""
    body = unicodedata.normalize(body_form, "Ông Nguyễn Văn Ất nói.\n")
    page = f"<p>{body.strip()}</p>\n"
    notes = (Annotation(unicodedata.normalize(passage_form, "Nguyễn Văn Ất"), "A note.", "editor"),)
    check(notes, doc(body), page)
    placed, _ = apply(page, notes)
    assert placed.startswith(f"<p>{unicodedata.normalize(body_form, 'Ông Nguyễn Văn Ất')}<sup")


def test_an_article_without_notes_has_its_text_left_unread(monkeypatch):
    """Most articles have no notes: checking them reads neither the body nor the HTML."""
    from archive_core import annotations

    def read(*_args: object) -> None:
        raise AssertionError("the text was read for no note")

    monkeypatch.setattr(annotations, "_plain", read)
    monkeypatch.setattr(annotations._Rendered, "read", read)
    assert annotations.passage_problems((), doc(), HTML, None) == []
    assert annotations.passage_problems(iter(()), doc(), HTML, None) == []
