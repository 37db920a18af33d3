"""Polish or English? py3langid (langid.py's model of 97 languages) decides.

All of the model's languages compete, so that a German or a meaningless text is not forced
into Polish or English; the answer counts only when the model is sure of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from archive_core.locales import LANGUAGES

MIN_WORDS = 5  # fewer words than this are too short to tell
MIN_PROBABILITY = 0.9
# How much of a text the model reads: a text's language is told by its first paragraphs, and the model's time grows
# with the text (0.85 s for 4.5 MB, read up to three times an import). Its sureness also falls as a text repeats
# itself: a Polish sentence repeated to 4.6 MB was Polish at 0.07, and the import refused; to 5,000 characters, 0.99.
SAMPLE_CHARS = 5_000
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Guess:
    """The model's best language for a text (an ISO 639 code), and how sure it is (0 to 1)."""

    code: str
    probability: float

    @property
    def sure(self) -> bool:
        return self.probability >= MIN_PROBABILITY


@cache
def _identifier() -> LanguageIdentifier:
    """The model, loaded once (about a second); its own instance, not py3langid's shared global."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> Guess | None:
    """The most likely language of `text`, or None when it has too few words to tell."""
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    code, probability = _identifier().rank(text[:SAMPLE_CHARS])[0]
    return Guess(code, probability)


# How likely a language must be to be named among those a text may be in, when the model is sure of none.
NAMED_PROBABILITY = 0.05


def other_languages(text: str) -> tuple[str, ...]:
    """The languages (ISO 639 codes) a text surely in none of the archive's may be in, likeliest first, where the
    model is sure of none of them (`Russian or Bulgarian`: the two together are sure, pl and en are not); else ()."""
    if len(_WORD.findall(text)) < MIN_WORDS:
        return ()
    ranked = _identifier().rank(text[:SAMPLE_CHARS])
    if sum(probability for code, probability in ranked if code in LANGUAGES) > 1 - MIN_PROBABILITY:
        return ()
    return tuple(code for code, probability in ranked if probability >= NAMED_PROBABILITY)


def detect_language(text: str) -> str | None:
    """`pl` or `en`; None when the text is too short, ambiguous, or in another language."""
    guess = identify(text)
    return guess.code if guess and guess.sure and guess.code in LANGUAGES else None
