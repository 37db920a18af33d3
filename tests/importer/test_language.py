"""Language detection with py3langid: Polish, English, and what cannot be told."""

from __future__ import annotations

import pytest

from tools.importer.language import MIN_PROBABILITY, detect_language, identify

from ..conftest import SEED
from .helpers import FIXTURES, run_import

POLISH = "Wietnam zobowiązuje się do pełnego, poważnego i odpowiedzialnego wypełniania zobowiązań."
POLISH_WITHOUT_DIACRITICS = "Wietnam zobowiazuje sie do pelnego, powaznego i odpowiedzialnego wypelniania zobowiazan."
ENGLISH = "Viet Nam commits to fully implementing the obligations of the convention."
GERMAN = "Die Konvention wurde in Hanoi von zweiundsiebzig Staaten unterzeichnet, darunter auch Deutschland."
URL = "https://example.org/article"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (SEED.read_text(encoding="utf-8"), "pl"),
        (POLISH, "pl"),
        (POLISH_WITHOUT_DIACRITICS, "pl"),  # typed without Polish letters: still Polish
        (ENGLISH, "en"),
        ((FIXTURES / "news-page.html").read_text(encoding="utf-8"), "en"),
    ],
    ids=["seed", "polish", "polish-ascii", "english", "english-page"],
)
def test_polish_and_english_are_told_apart(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Konwencja z Hanoi",  # a few words are too short to tell, even if they look Polish
        "Hanoi convention opens",
        "Hanoi, 25-26.10.2025: 72 / 64. UNODC, ONZ, UE.",
        "asdkj qwe zxcm qwpeoi lkjh mnbv",
    ],
    ids=["empty", "short-pl", "short-en", "numbers-and-acronyms", "nonsense"],
)
def test_too_short_or_ambiguous_text_is_not_guessed(text):
    assert detect_language(text) is None


def test_another_language_is_neither_polish_nor_english():
    guess = identify(GERMAN)
    assert guess is not None and guess.code == "de" and guess.probability >= MIN_PROBABILITY
    assert detect_language(GERMAN) is None


def test_detection_is_deterministic():
    mixed = f"{POLISH} {ENGLISH} {POLISH}"
    assert len({identify(mixed) for _ in range(20)}) == 1


def test_a_source_in_another_language_must_be_given_a_language(capsys, tmp_path):
    source = tmp_path / "german.txt"
    source.write_text(f"{GERMAN}\n{GERMAN}\nSource: {URL}\n", encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26")
    assert result.code == 1
    expected = "german.txt: lang: the source reads as German (de), not Polish or English (give it: make import LANG=pl)"
    assert expected in result.err
