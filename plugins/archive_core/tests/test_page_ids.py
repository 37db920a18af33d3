"""The ids of one text's headings in its other version: mapped where the outlines agree, never guessed."""

from __future__ import annotations

from archive_core.page_ids import counterpart_anchors

EN = '<h2 id="sources">Sources</h2><p>x</p><h3 id="where-it-is-kept">Where</h3>'
PL = '<h2 id="zrodla">Źródła</h2><p>x</p><h3 id="where-it-is-kept">Gdzie</h3>'


def test_the_headings_of_one_outline_are_mapped_where_their_ids_differ():
    assert counterpart_anchors(EN, PL) == {"sources": "zrodla"}
    assert counterpart_anchors(PL, EN) == {"zrodla": "sources"}


def test_outlines_that_differ_map_nothing():
    assert counterpart_anchors(EN, PL.replace("<h3", "<h2")) == {}
    assert counterpart_anchors(EN, '<h2 id="zrodla">Źródła</h2>') == {}
