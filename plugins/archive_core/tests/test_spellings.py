from archive_core.spellings import american_spellings


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
