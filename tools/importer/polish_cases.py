"""The Polish case forms of a country's name, made from CLDR's nominative (`Rumunia` -> `Rumunii`, `Rumunię`,
`Rumunią`; `Gwinea Równikowa` -> `Gwinei Równikowej`; `Papua-Nowa Gwinea` -> `Papui-Nowej Gwinei`), for the importer
to find a country however a Polish text inflects its name.

Made by the regular declensions (feminine in -a, masculine in a consonant, neuter in -o, plural in -y, and the
adjectives agreeing with them), not by a dictionary: a form the rules make wrongly (`Nigeru` for `Nigru`) is mostly
a word no text writes, and finds nothing (not always: `Węgrów` for `Węgier` is a town's name, and is not made); so
where Polish hesitates both forms are made (`Izraela`, `Czadu`; `Nigru`, `Nigeru`). A name the rules do not cover
(plurals in -e such as `Seszele`, names in brackets, abbreviated ones, indeclinable ones such as `Mali`, `Peru`,
`Chile`) gives no form: the forms of data/country-names.yaml are the dictionary's, and come first.
"""

from __future__ import annotations

import re
from itertools import product

# The cases a name is written in besides the nominative: genitive, dative, accusative, instrumental, locative.
CASES = ("gen", "dat", "acc", "ins", "loc")

# A stem's last consonant(s) -> the stem before -e of the locative (and the feminine dative): `Litwa` -> `Litwie`,
# `Kanada` -> `Kanadzie`, `Dominika` -> `Dominice`, `Egipt` -> `Egipcie`. Longest first.
_SOFTENED = (
    ("st", "ści"), ("zd", "ździ"), ("sł", "śl"), ("ch", "sz"), ("k", "c"), ("g", "dz"), ("r", "rz"), ("ł", "l"),
    ("t", "ci"), ("d", "dzi"), ("n", "ni"), ("m", "mi"), ("s", "si"), ("z", "zi"), ("w", "wi"), ("b", "bi"),
    ("p", "pi"), ("f", "fi"),
)  # fmt: skip
# Stems that are soft or hardened already: their locative ends in -i/-y (feminine) or -u (masculine).
_SOFT = ("l", "j", "cz", "sz", "rz", "ż", "c", "dz", "ń", "ś", "ź", "ć")
_VELAR = ("k", "g", "ch")
_VOWELS = "aąeęioóuy"

# Adjectives, as written in a country's name, by what they agree with: feminine singular (`Północna`,
# `Równikowa`, `Saudyjska`, `Nowa`, `Wielka`), masculine singular (`Południowy`, `Wschodni`), plural (`Arabskie`,
# `Zjednoczone`, `Owcze`, `Mniejsze`).
_FEMININE_ADJECTIVE = re.compile(r"\w*(?:sk|ck|zk|ow|cn|zn|ln|dn|wn|rn|lk)a")
_MASCULINE_ADJECTIVE = re.compile(r"\w*(?:(?:sk|ck|zk|ow|cn|zn|ln|dn|wn|rn)y|ni)")
_PLURAL_ADJECTIVE = re.compile(r"\w*(?:ski|cki|zki|ow|on|cz|sz|n)e")

Forms = dict[str, tuple[str, ...]]  # case -> the forms of one word in it
# Forms the declension makes that are the nominative of a Polish noun of their own, whose country's nominative is none
# (`Toga`, Togo's genitive: a judge's toga; `Konga`, Kongo's: the drum), a sentence's first word written so: not made.
# (`Katarze`, `Komorach`, `Kubą` are made: `Katar`, `Komory`, `Kuba` are CLDR's names and those words alike.)
_WORDS_OF_THEIR_OWN = frozenset({"Toga", "Konga"})


def case_forms(name: str) -> tuple[str, ...]:
    """The forms of the country's name `name` (CLDR's nominative) in the other cases, each once; none for a name the
    rules do not cover. Parts joined by ` i ` or `-` are each declined (`Bośni i Hercegowiny`, `Papui-Nowej Gwinei`),
    and a form with a hyphen is made with a space too (`Papui Nowej Gwinei`), as texts write it."""
    if not re.fullmatch(r"[^\W\d_]+(?:(?: i |[ -])[^\W\d_]+)*", name):  # brackets, dots, apostrophes: not read
        return ()
    pieces = re.split(r"( i |-)", name)  # the parts, and what joins them
    declined = [pieces[at] if at % 2 else _part_forms(pieces[at]) for at in range(len(pieces))]
    if not any(isinstance(part, dict) for part in declined):
        return ()
    found: dict[str, None] = {}
    for case in CASES:
        choices = [(part,) if isinstance(part, str) else part[case] for part in declined]
        for words in product(*choices):
            form = "".join(words)
            if form != name and form not in _WORDS_OF_THEIR_OWN:
                found[form] = None
                found[form.replace("-", " ")] = None
    return tuple(found)


def _part_forms(part: str) -> Forms | str:
    """Each case's forms of one part of a name (words parted by spaces): its head noun, the adjectives before it,
    and those right after it that agree with it, declined; the rest kept (`Republika Zielonego Przylądka`). The part
    itself, unchanged, when it has no head the rules decline."""
    words = part.split(" ")
    # `Polska` alone is a noun, however shaped; `Sri` before `Lanka` is kept as it is.
    head = next(
        (at for at, word in enumerate(words) if _noun(word) and (len(words) == 1 or not _is_adjective(word))), None
    )
    if head is None:
        return part
    gender, noun = _noun(words[head]) or ("", {})
    after = head + 1
    while after < len(words) and _adjective(words[after], gender):
        after += 1
    declined = [_adjective(word, gender) or _kept(word) for word in words[:head]] + [noun]
    declined += [_adjective(word, gender) for word in words[head + 1 : after]]
    if any(forms is None for forms in declined):
        return part
    kept = " ".join(words[after:])
    forms: Forms = {}
    for case in CASES:
        if case == "gen" and gender == "pl" and len(words) == 1:
            # A name of one plural noun gives no genitive: its -ów is the nominative of Polish towns (Węgrów, Komorów,
            # Czechów: a text naming one was taken to name Hungary, the Comoros, Czechia), and most such names' is
            # another (`Węgier`, `Czech`, `Chin`, `Niemiec`: data/country-names.yaml's). `Stanów Zjednoczonych`: none.
            forms[case] = ()
            continue
        combined = (" ".join(chosen) for chosen in product(*(each[case] for each in declined)))
        forms[case] = tuple(f"{form} {kept}" if kept else form for form in combined)
    return forms


def _kept(word: str) -> Forms | None:
    """A word before a name's head that is no adjective (`Sri` of `Sri Lanka`), the same in every case; None for a
    noun the rules decline, which makes the name one they do not read."""
    return None if _noun(word) else dict.fromkeys(CASES, (word,))


def _is_adjective(word: str) -> bool:
    return any(pattern.fullmatch(word) for pattern in (_FEMININE_ADJECTIVE, _MASCULINE_ADJECTIVE, _PLURAL_ADJECTIVE))


def _noun(word: str) -> tuple[str, Forms] | None:
    """The gender (`f`, `m`, `n`, `pl`) and case forms of the noun `word`; None for one the rules do not decline: an
    abbreviation (`SRA`), one in -i, -u, -e, -um (`Mali`, `Peru`, `Chile`, `Terytorium`), a vowel's -y (`Jersey`)."""
    if len(word) < 3 or not word[0].isupper() or word.isupper() or word.endswith("um"):
        return None
    last = word[-1]
    if last == "a":
        return "f", _feminine(word[:-1])
    if last == "o":
        return "n", _neuter(word[:-1])
    if last == "y" and word[-2] not in _VOWELS:
        stem = word[:-1]
        return "pl", {"gen": (stem + "ów",), "dat": (stem + "om",), "acc": (word,), "ins": (stem + "ami",),
                      "loc": (stem + "ach",)}  # fmt: skip
    if last.isalpha() and last not in _VOWELS:
        return "m", _masculine(word)
    return None


def _feminine(stem: str) -> Forms:
    """`Rumuni|a`, `Gwine|a`, `Papu|a`: -i; `Litw|a`: -y, -ie; `Dominik|a`: -i, -ce; `Angol|a`, `Kambodż|a`: -i, -y."""
    if stem[-1] in _VOWELS or stem.endswith("j"):  # Rumunia, Francja, Gwinea, Papua
        oblique = (stem,) if re.search(f"[^{_VOWELS}]ni$", stem) else (stem + "i",)  # Bośnia: Bośni
        return {"gen": oblique, "dat": oblique, "acc": (stem + "ę",), "ins": (stem + "ą",), "loc": oblique}
    if stem.endswith(_SOFT):
        oblique = (stem + ("i" if stem.endswith(("l", "j")) else "y"),)
        return {"gen": oblique, "dat": oblique, "acc": (stem + "ę",), "ins": (stem + "ą",), "loc": oblique}
    genitive = (stem + ("i" if stem.endswith(("k", "g")) else "y"),)
    locative = (_softened(stem) + "e",)
    return {"gen": genitive, "dat": locative, "acc": (stem + "ę",), "ins": (stem + "ą",), "loc": locative}


def _masculine(word: str) -> Forms:
    """`Wietnam`: -u (-a), -owi, -em, -ie; `Irak`: -iem, -u; `Nepal`: -u; `Niger`: `Nigru` too (the e that drops)."""
    stems = (word, word[:-2] + word[-1]) if re.search(f"[^{_VOWELS}]er$", word) else (word,)
    forms: dict[str, list[str]] = {case: [] for case in CASES}
    for stem in stems:
        forms["gen"] += [stem + "u", stem + "a"]
        forms["dat"].append(stem + "owi")
        forms["acc"].append(word)
        forms["ins"].append(stem + ("iem" if stem.endswith(("k", "g")) else "em"))
        forms["loc"].append(stem + "u" if stem.endswith(_SOFT + _VELAR) else _softened(stem) + "e")
    return {case: tuple(dict.fromkeys(each)) for case, each in forms.items()}


def _neuter(stem: str) -> Forms:
    """`Marok|o`: -a, -u, -iem, -u; `Kosow|o`: -a, -u, -em, -ie."""
    velar = stem.endswith(_VELAR)
    return {
        "gen": (stem + "a",),
        "dat": (stem + "u",),
        "acc": (stem + "o",),
        "ins": (stem + ("iem" if stem.endswith(("k", "g")) else "em"),),
        "loc": (stem + "u",) if velar or stem.endswith(_SOFT) else (_softened(stem) + "e",),
    }


def _softened(stem: str) -> str:
    """The stem before the -e of a locative: `Litw` -> `Litwi`, `Kanad` -> `Kanadzi`, `Dominik` -> `Dominic`."""
    for hard, soft in _SOFTENED:
        if stem.endswith(hard):
            return stem[: -len(hard)] + soft
    return stem


def _adjective(word: str, gender: str) -> Forms | None:
    """The case forms of the adjective `word` agreeing with a noun of `gender`; None when it is no such adjective."""
    velar = word[:-1].endswith(("k", "g"))  # Saudyjska -> Saudyjskiej
    if gender == "f" and _FEMININE_ADJECTIVE.fullmatch(word):
        stem = word[:-1] + ("i" if velar else "")
        return {"gen": (stem + "ej",), "dat": (stem + "ej",), "acc": (word[:-1] + "ą",), "ins": (word[:-1] + "ą",),
                "loc": (stem + "ej",)}  # fmt: skip
    if gender in ("m", "n") and _MASCULINE_ADJECTIVE.fullmatch(word):
        stem = word[:-1] if word.endswith("y") else word  # Południow|y, Wschodni
        one = stem + ("" if stem.endswith("i") else "y")
        return {"gen": (stem + "ego",), "dat": (stem + "emu",), "acc": (word,), "ins": (one + "m",),
                "loc": (one + "m",)}  # fmt: skip
    if gender == "pl" and _PLURAL_ADJECTIVE.fullmatch(word):
        stem = word[:-2] if word.endswith("ie") else word[:-1]  # Arabsk|ie, Zjednoczon|e
        ending = "i" if word.endswith("ie") else "y"
        return {"gen": (stem + ending + "ch",), "dat": (stem + ending + "m",), "acc": (word,),
                "ins": (stem + ending + "mi",), "loc": (stem + ending + "ch",)}  # fmt: skip
    return None
