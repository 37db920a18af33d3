"""Where each id of an article's text is in its other language version: paired where both texts show it, else
the other's top ("")."""

from __future__ import annotations

from archive_core.body_anchors import body_counterparts


def note(number: int) -> str:
    return f'<sup class="note-ref"><a href="#note-{number}" aria-label="Note {number}"></a></sup>'


def footnote(number: int, place: str = "") -> str:
    return f'<sup class="footnote-ref"><a href="#fn{number}" id="fnref{number}{place}">[{number}]</a></sup>'


def footnotes(count: int) -> str:
    items = "".join(f'<li id="fn{n}">x</li>' for n in range(1, count + 1))
    return f'<section class="footnotes"><ol>{items}</ol></section>'


PL = f'<p>Pierwszy.</p><h2 id="skala">Skala</h2><p>Anh{note(1)} i{footnote(1)}</p>{footnotes(1)}'
# The English version has a note and a footnote more, in its first paragraph: the numbers name other places.
EN = f'<p>First{note(1)}{footnote(1)}</p><h2 id="scale">Scale</h2><p>Anh{note(2)} and{footnote(2)}</p>{footnotes(2)}'


def test_notes_footnotes_and_headings_are_paired_by_their_place_in_the_text():
    assert body_counterparts(PL, EN) == {"skala": "scale", "note-1": "note-2", "fnref1": "fnref2", "fn1": "fn2"}
    assert body_counterparts(EN, PL) == {
        "scale": "skala", "note-1": "", "fnref1": "", "fn1": "", "note-2": "note-1", "fnref2": "fnref1", "fn2": "fn1",
    }  # fmt: skip


def test_a_mark_is_paired_only_where_the_blocks_agree():
    other = f'<p>Pierwszy.</p><h2 id="skala">Skala</h2><p>Anh{note(1)}{note(2)} i{footnote(1)}</p>{footnotes(1)}'
    assert body_counterparts(EN, other)["note-2"] == ""  # two notes against one: which is which is not known
    reordered = f'<h2 id="skala">Skala</h2><p>Pierwszy.</p><p>Anh{note(1)} i{footnote(1)}</p>{footnotes(1)}'
    assert body_counterparts(PL, reordered) == {"note-1": "", "fnref1": "", "fn1": ""}


def test_a_footnote_referred_to_from_two_places_needs_both_to_agree():
    two = f"<p>a{footnote(1)}</p><p>b{footnote(1, ':1')}</p>{footnotes(1)}"
    assert body_counterparts(two, two) == {}
    other = f"<p>a{footnote(1)}</p><p>b{footnote(2)}</p>{footnotes(2)}"
    assert body_counterparts(two, other) == {"fnref1:1": "fnref2", "fn1": ""}


def test_headings_of_outlines_that_differ_lead_to_the_top():
    assert body_counterparts('<h2 id="a">A</h2>', '<h3 id="b">B</h3>') == {"a": ""}
    assert body_counterparts("", "") == {}
