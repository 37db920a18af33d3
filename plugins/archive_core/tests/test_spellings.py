import pytest

from archive_core.spellings import american_spelling, american_spellings


def test_the_american_spellings_of_the_british_words_of_an_english_text_each_once():
    text = (
        "Organisations organised the programme; the Centre's defence of their behaviour was analysed, travelled "
        "and catalogued. The organisations' judgement."
    )
    assert american_spellings(text, "en").split() == [
        "organizations",
        "organized",
        "program",
        "center",
        "defense",
        "behavior",
        "analyzed",
        "traveled",
        "judgment",
    ]


def test_words_with_no_british_ending_and_pages_in_other_languages_have_none():
    assert american_spellings("Your hour: four were called, the wise rise. Convention signed in Hanoi.", "en") == ""
    assert american_spellings("Organisation", "pl") == ""


# Words a news article writes whose British-looking ending is none: each was given another English word as its
# American spelling, which found the page for a query of that word (`scored` for a page of `investigators scoured`).
NO_AMERICAN_FORM = {
    "scoured": "scored",
    "scouring": "scoring",
    "timbre": "timber",
    "notre": "noter",
    "stalled": "staled",
    "stalling": "staling",
    "flour": "flor",
    "detours": "detors",
    "contour": "contor",
    "devoured": "devored",
}


@pytest.mark.parametrize(("word", "other_word"), NO_AMERICAN_FORM.items())
def test_a_word_whose_ending_is_no_british_spelling_has_no_american_one(word, other_word):
    assert american_spelling(word) == "", other_word
    assert american_spellings(f"Investigators {word} the logs.", "en") == ""
