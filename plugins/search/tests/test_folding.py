from search.folding import (
    UNSPACED,
    WORD,
    ascii_form,
    folded_terms,
    has_letter_to_fold,
    needs_folding,
    pagefind_fold,
    unspaced_words,
)


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


def test_runs_of_scripts_written_without_spaces_get_their_words():
    """Pagefind splits a Polish page at spaces: `公约` inside `河内公约签署仪式` was found by nothing."""
    assert folded_terms("Agencja pisała o 河内公约签署仪式 i ハノイ条約.") == [
        "pisala", "ハノイ", "仪式", "公约", "条約", "河内", "签署"
    ]  # fmt: skip
    assert folded_terms("x 河内公约𠀀签署 y") == ["公约", "河内", "签署", "𠀀"]  # ICU counts UTF-16 units
    assert folded_terms("北京 and 公约") == []  # each one word already
    assert has_letter_to_fold("Agencja 公约") and not has_letter_to_fold("Agencja")


def test_letter_by_letter_finds_exactly_the_words_that_need_folding():
    # Every character of the Latin, Greek, Cyrillic and symbol blocks, alone and inside a word,
    # and words made of a letter plus combining marks: the letter test answers as the word test does.
    samples = [chr(code) for code in range(0x80, 0x3000)] + ["l\u0301", "o\u0338", "Ł\u0328ódź", "a\u0300b", "ǿ"]
    for sample in samples:
        for text in (sample, f"x{sample}y", f"{sample} Hanoi"):
            expected = any(needs_folding(word) for word in WORD.findall(text) if not word.isascii()) or not (
                UNSPACED.containsNone(text)  # Thai: its runs may split into words
            )
            assert has_letter_to_fold(text) is expected, repr(text)


def test_words_are_those_of_the_whole_text_whatever_parts_them():
    # Words are found in the runs between spaces that hold a letter outside ASCII: the same words as in the whole
    # text, with punctuation, no-break spaces, separators and markup between them.
    text = "Łódź,Białoruś\u00a0Kraków\x1cŁeba;(Gdańsk)\u2028Wrocław—Hanoi_ł x.Łowicz 河内公约签署仪式,Łomża"
    expected = {ascii_form(word) for word in WORD.findall(text) if needs_folding(word)}
    expected |= set(unspaced_words("河内公约签署仪式"))
    assert folded_terms(text) == sorted(expected)
    assert "lowicz" in expected and "hanoi_l" in expected
