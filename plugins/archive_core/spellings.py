"""The American spellings of the British words an English page writes, as hidden search terms of the page.

The archive's English is British (`organisation`, `behaviour`, `centre`, `defence`, `travelled`, `catalogue`,
`analyse`, `programme`); a reader who writes American English types `organization`. Pagefind finds a word by its stem
and its start only: the two spellings differ before their stems end, and where no page holds the American word the
search page's typo correction finds the British one, but a page that holds its start (`organizacji`, the Polish
page's stand-in in the English index) takes the query as held, and the English pages were not found. The rules are
the regular differences the Oxford and Merriam-Webster dictionaries list as British and American spellings of one
word (Wikipedia, "American and British English spelling differences"). A rule that also changes a word that is not
such a pair (`promise`: `promize`) adds a hidden word no reader types: harmless.
"""

from __future__ import annotations

import re
from functools import cache

# A British ending, after a start of two letters or more (`wise`, `hour`, `called` are left alone), and its
# American form.
_RULES = (
    (re.compile(r"^([a-z]{3,})is(e|es|ed|ing|ation|ations|er|ers)$"), r"\1iz\2"),  # organise, organisation
    (re.compile(r"^([a-z]{2,})ys(e|es|ed|ing)$"), r"\1yz\2"),  # analyse, paralysed
    (re.compile(r"^([a-z]{2,})our(s|ed|ing|able|ably|ite|ites|ful)?$"), r"\1or\2"),  # behaviour, favourite
    (re.compile(r"^([a-z]{2,}[tb])re(s)?$"), r"\1er\2"),  # centre, fibres
    (re.compile(r"^([a-z]*(?:fen|licen|preten))ce(s)?$"), r"\1se\2"),  # defence, licences
    (re.compile(r"^([a-z]{2,}[aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),  # travelled, labelling, counsellor's start
    (re.compile(r"^([a-z]{2,}og)ue(s)?$"), r"\1\2"),  # catalogue, dialogues
    (re.compile(r"^(program)me(s)?$"), r"\1\2"),
    (re.compile(r"^(judg|acknowledg)ement(s)?$"), r"\1ment\2"),
)
# Words with such an ending that is no British spelling, and their forms (`scoured`, `stalling`): the rules made of
# them another English word (`scored`, `scoring`, `timber`, `staled`, `noter` from Notre), which found their pages for
# a query of that word, or a word no dictionary lists as their American form (`flor`, `detor`, `devored`).
_NO_AMERICAN_FORM = (
    "scour", "flour", "detour", "contour", "devour", "velour", "amour", "paramour", "troubadour", "timbre", "notre",
    "stall",
)  # fmt: skip
# Only a word with one of the British endings is looked at: most words of a page have none.
_MIGHT_CHANGE = re.compile(r"is|ys|our|re|ce|ll|ogue|mme|gement")
_WORD = re.compile(r"[A-Za-z]+")


@cache
def american_spelling(word: str) -> str:
    """`organization` for `organisation` (in lower case), or "" for a word with no British ending."""
    if not _MIGHT_CHANGE.search(word) or word.startswith(_NO_AMERICAN_FORM):
        return ""
    for pattern, american in _RULES:
        changed = pattern.sub(american, word)
        if changed != word:
            return changed
    return ""


BRITISH = "en"  # the language of the pages whose words have American spellings: the archive's English


def american_spellings(text: str, lang: str = BRITISH) -> str:
    """The American spellings of the words of `text` that have a British ending, each once, space-separated; none
    for a page in another language."""
    if lang != BRITISH:
        return ""
    words = dict.fromkeys(word.lower() for word in _WORD.findall(text))
    return " ".join(dict.fromkeys(changed for word in words if (changed := american_spelling(word))))
