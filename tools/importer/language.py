"""Polish or English? The archive has two languages, so their most common words decide."""

from __future__ import annotations

import re

_COMMON_WORDS = {
    "pl": frozenset(
        {"i", "w", "z", "na", "się", "że", "do", "nie", "jest", "oraz", "to", "o", "przez", "od", "po", "dla", "jak"}
        | {"który", "która", "które", "był", "była", "są"}
    ),
    "en": frozenset(
        {"the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "by", "as", "it", "are", "from"}
        | {"this", "be", "has", "have"}
    ),
}
_MIN_WORDS = 5


def detect_language(text: str) -> str | None:
    """`pl`, `en`, or None when the text has too few common words of either language to tell."""
    words = re.findall(r"\w+", text.lower())
    scores = {lang: sum(word in common for word in words) for lang, common in _COMMON_WORDS.items()}
    best = max(scores, key=scores.__getitem__)
    others = [score for lang, score in scores.items() if lang != best]
    if scores[best] < _MIN_WORDS or scores[best] < 2 * max(others):
        return None
    return best
