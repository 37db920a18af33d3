"""The fixture archive (tests/fixtures/content, described in its README): what its pages must be.

Written out by hand, not computed: the behaviour tests compare the build against these.
"""

from __future__ import annotations

from .conftest import FIXTURE

URL = {
    ("negotiations-open", "pl"): "/pl/2023/rozpoczynaja-sie-negocjacje-konwencji/",
    ("negotiations-open", "en"): "/en/2023/negotiations-on-the-convention-begin/",
    ("committee-approves-draft", "pl"): "/pl/2024/komitet-zatwierdza-projekt-konwencji/",
    ("civil-society-concerns", "en"): "/en/2024/civil-society-groups-voice-concerns/",
    ("signing-in-hanoi", "pl"): "/pl/2025/konwencja-podpisana-w-hanoi/",
    ("signing-in-hanoi", "en"): "/en/2025/convention-signed-in-hanoi/",
    ("lodz-conference", "pl"): "/pl/2025/konferencja-o-konwencji-w-lodzi/",
    ("first-ratification", "en"): "/en/2026/france-ratifies-the-convention/",
    ("first-ratification", "pl"): "/pl/2026/francja-ratyfikuje-konwencje/",
    ("signature-count-grows", "pl"): "/pl/2026/rosnie-liczba-sygnatariuszy/",
    ("signature-count-grows", "en"): "/en/2026/the-number-of-signatories-grows/",
}
# The pair with headings, a list and captions, made from a raw source.
PL_ARTICLE = URL["signing-in-hanoi", "pl"]
EN_ARTICLE = URL["signing-in-hanoi", "en"]
RAW_SOURCE = FIXTURE / "sources" / "signing-in-hanoi.pl.txt"
# Each home page, newest first: its own articles, and those with no version in its language.
HOME = {
    "pl": [
        URL["signature-count-grows", "pl"],
        URL["first-ratification", "pl"],
        URL["lodz-conference", "pl"],
        URL["signing-in-hanoi", "pl"],
        URL["civil-society-concerns", "en"],  # only in English
        URL["committee-approves-draft", "pl"],
        URL["negotiations-open", "pl"],
    ],
    "en": [
        URL["signature-count-grows", "en"],
        URL["first-ratification", "en"],
        URL["lodz-conference", "pl"],  # only in Polish
        URL["signing-in-hanoi", "en"],
        URL["civil-society-concerns", "en"],
        URL["committee-approves-draft", "pl"],  # only in Polish
        URL["negotiations-open", "en"],
    ],
}


def file(url: str) -> str:
    """`pl/2025/x/index.html` for `/pl/2025/x/`."""
    return url.strip("/") + "/index.html"
