from search.folding import folded_terms, needs_folding, pagefind_fold


def test_words_with_letters_pagefind_cannot_fold_get_an_ascii_form():
    assert folded_terms("Minister Białorusi w Łodzi: włączenie; Łódź.") == ["bialorusi", "lodz", "lodzi", "wlaczenie"]


def test_words_pagefind_folds_itself_get_nothing():
    assert pagefind_fold("wlączenie") == "wlaczenie"
    assert not needs_folding("wlączenie")
    assert folded_terms("Hanoi, Wietnam, gęś, żmija, ĆWICZENIE") == []


def test_other_unfoldable_latin_letters_are_folded_too():
    assert folded_terms("Đà Nẵng, Ørsted, Straße") == ["da", "orsted", "strasse"]


def test_other_scripts_are_left_alone():
    assert folded_terms("Минск 北京") == []
