"""Which countries an article mentions: CLDR names (Babel), the Polish cases of its Polish names (polish_cases), plus
the forms in the content folder's data/country-names.yaml: the folder the article is imported into (DEST), whose
file `make check` reads. And the names in it that look like a state's but hold none of those (`Republic of Korea`
where no form gives it), which the importer tells, for their code to be added by hand."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from archive_core import countries, paths
from archive_core.country_names import CountryForms, names_to_codes, parse_country_names
from archive_core.data import load_data, recording, with_yaml_problems
from archive_core.errors import ContentError
from archive_core.layout import COUNTRY_NAMES_FILE
from archive_core.text import line_of

from . import ROOT
from .decoding import composed
from .polish_cases import case_forms

COUNTRY_NAMES = ROOT / "content" / COUNTRY_NAMES_FILE


def load_country_forms(path: Path = COUNTRY_NAMES) -> tuple[CountryForms, ...]:
    """The file's records (archive_core.country_names); ContentError telling every problem of the file, at its
    line, as `make check` tells them: what the YAML reading found in its values among its records' problems."""
    # a data file that is not there means none: CLDR's names alone; there as `make check` finds it, in its capitals
    if not paths.named_as_written(path.parent.parent, path):
        return ()
    with recording() as data_files:
        try:
            records, problems = parse_country_names(load_data(path, path.parent.parent))  # inside content/
        except ContentError as exc:  # the file cannot be read at all
            records, problems = (), list(exc.problems)
    problems = with_yaml_problems(data_files.values(), problems)
    if problems:
        raise ContentError(*problems)
    return records


# An apostrophe is one, however typed: `Côte d'Ivoire` is CLDR's `Côte d’Ivoire`, `Democratic People’s Republic of
# Korea` the file's `Democratic People's ...`. One character for one, so that what is found keeps its place.
_APOSTROPHES = str.maketrans("’‘ʼ′", "''''")


def _folded(text: str) -> str:
    return text.translate(_APOSTROPHES)


# Places whose names hold a country's but that are no country (the island of New Guinea, of PG and ID; Northern
# Ireland, of GB; states of the US; the Niger's delta, in NG): found as the longer names they are, they name none
# (NO_COUNTRY), and the country inside them is not proposed. Their Polish cases are made as the countries' are.
_NOT_COUNTRIES = (
    "New Guinea", "Nowa Gwinea", "Northern Ireland", "Irlandia Północna", "New Mexico", "Nowy Meksyk", "New Jersey",
    "Niger Delta",
)  # fmt: skip
NO_COUNTRY = ""


@cache
def _names(path: Path) -> dict[str, str]:
    """Every name form, its apostrophes folded -> its country code: every name the archive knows a country by
    (country_names.names_to_codes), the one table the search and the `countries:` hint read too. A name that folds
    into another country's names neither. The names of `_NOT_COUNTRIES` -> NO_COUNTRY."""
    found: dict[str, set[str]] = {}
    for name, code in names_to_codes(load_country_forms(path)).items():
        found.setdefault(_folded(name), set()).add(code)
    named = {name: codes.pop() for name, codes in found.items() if len(codes) == 1}
    # Then the case forms the Polish declension makes of CLDR's Polish names (`Rumunii`): one a name already is, or
    # one made for two countries, names neither by it.
    made: dict[str, set[str]] = {}
    for code in sorted(countries.known_codes()):
        for name in (countries.country_name(code, "pl"), *countries.other_country_names(code, "pl")):
            for form in case_forms(unicodedata.normalize("NFC", name)):
                made.setdefault(_folded(form), set()).add(code)
    known = named.keys() | found.keys()
    places = {_folded(form): NO_COUNTRY for place in _NOT_COUNTRIES for form in (place, *case_forms(place))}
    return {
        **{form: codes.pop() for form, codes in made.items() if len(codes) == 1 and form not in known},
        **{form: code for form, code in places.items() if form not in known},
        **named,
    }


@cache
def _pattern(path: Path) -> re.Pattern[str]:
    alternatives = sorted(_names(path), key=len, reverse=True)  # longest first: "Republika Południowej Afryki"
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, alternatives)) + r")(?!\w)")


# The word of a state's name that says what kind of state it is (`Republic of Korea`, `Kyrgyz Republic`, `Kingdom of
# Bhutan`, `Republika Korei`, `Królestwo Niderlandów`: each case of the Polish ones). Not `Federation`, `Union`,
# `Commonwealth` nor `State`: organisations are named with them too (`International Federation of Journalists`).
_ENGLISH_STATE_WORD = re.compile(r"Republic|Kingdom|Principality|Duchy|Sultanate")
_STATE_WORD = re.compile(
    _ENGLISH_STATE_WORD.pattern
    + r"|Republik[aięą]|Republice|Królestw(?:o|a|u|em|ie)|Księstw(?:o|a|u|em|ie)|Sułtanat(?:u|owi|em)?|Sułtanacie"
    r"|Rzeczpospolit(?:a|ej|ą)|Rzeczypospolit(?:ej|ą)|Rzecząpospolitą"
)
# A word before it that makes a longer name of it: an adjective written with a capital (`Democratic People's`,
# `Kyrgyz`, `Islamic`; `Ludowo-Demokratycznej`, `Koreańska`, `Wielkie`), not a title or a preposition
# (`President`, `Prezydent`, `Ambasada`, `W`).
_QUALIFIER = re.compile(
    r"[A-Z][\w'-]*(?:ic|an|ese|ish|al|ist|ite|ive|ed|ch|yz|ak|ao|ab)|People(?:'s|s)?"
    r"|[A-ZĄĆĘŁŃÓŚŹŻ][\w-]*(?:sk|ck|dzk|lk|n|w|cz)(?:a|ej|ą|ie|e|iego|ego|iemu|emu|im|ym)"
)
# The adjectives of states' names, which make a longer name of a state word wherever they stand: where a capital says
# nothing of a word (opening a sentence or a line, in a headline's title case: `Historic Republic of Korea visit`,
# `Annual Republic of Korea–Vietnam forum`), only they do (`Democratic Peoples Republic of Korea`, as DPRK misspelt).
_STATE_ADJECTIVE = re.compile(
    r"(?:Democratic|People(?:'s|s)?|Popular|Federal|Federative|Islamic|Arab|Socialist|United|Hashemite|Bolivarian"
    r"|Plurinational|Cooperative|Grand|Great|Ludowo-Demokratyczn|Demokratyczn|Federaln|Islamsk|Arabsk"
    r"|Socjalistyczn|Zjednoczon|Wielki|Wielk)(?:a|ej|ą|ie|e|iego|ego|iemu|emu|im|ym)?"
)
# A headline's title case: at least this many words of more than three letters, each with a capital.
_TITLE_CASE_WORDS = 3
# The English state word that names no state the importer does not know, before or after a word: a state called a
# Kingdom is the United Kingdom, or is named by its country's name after `of` (`Kingdom of Bhutan`, `Hashemite Kingdom
# of Jordan`: a known name, found); another is none (`Magic Kingdom`, `Animal Kingdom`, `Kingdom of Heaven`).
_KINGDOM = "Kingdom"
_WORD = re.compile(r"[^\W\d_](?:[\w-]|'(?=\w))*")
# How many words with a capital a state's name takes before and after its state word: `Lao People's Democratic`,
# `of Great Britain and Northern Ireland`.
_NAME_WORDS = 5
# How many of the names the importer knows none of it tells, the first in the text; then how many more there are.
TOLD_NAMES = 10


@dataclass(frozen=True)
class Unknown:
    """A name that looks like a state's, which no name the importer knows covers, as the text writes it; and the
    known name it ends with, with its code (`Democratic Peoples Republic of Korea`: KR's `Republic of Korea`)."""

    name: str
    start: int  # where the text read writes it first
    ending: tuple[str, str] | None = None  # (code, name)


@dataclass(frozen=True)
class Found:
    codes: tuple[str, ...]  # sorted
    unknown: tuple[Unknown, ...] = ()  # in the text's order, each once


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str


Match = tuple[int, int, str]  # a known name's start and end in the text, and its code


def detect(text: str, path: Path = COUNTRY_NAMES) -> tuple[str, ...]:
    """The sorted codes of the countries named in `text`: `Wietnamu`, `Belarus`, `UE` -> BY, EU, VN."""
    return read(text, path).codes


def read(text: str, path: Path = COUNTRY_NAMES) -> Found:
    """The countries named in `text`, and the names in it that look like a state's but that no name the importer knows
    covers (`Republic of X`, `X Republic`, `Republika X`, `Królestwo X`): the person importing is told them.

    A known name that starts with its state word (`Republic of Korea`) after an adjective of a longer name
    (`Democratic Peoples Republic of Korea`, as no known name writes it) names another state: not taken, but told.
    Where the adjective's capital says nothing of it (it opens a sentence or a line, or a headline's title case has
    it), only an adjective of states' names makes one (`Historic Republic of Korea visit` names KR)."""
    written = composed(text)
    names = _names(path)
    reading = _Reading(
        _folded(written), [(m.start(), m.end(), names[m.group(1)]) for m in _pattern(path).finditer(_folded(written))]
    )
    words = reading.words
    # Each state word's index -> the index of its name's first word: its own, or its first adjective's.
    states = {index: reading.name_start(index) for index, word in enumerate(words) if _STATE_WORD.fullmatch(word.text)}
    opening = {at for index, first in states.items() for at in range(first, index + 1)}
    not_taken: set[Match] = set()
    unknown: dict[str, Unknown] = {}
    for index, first in states.items():
        word = words[index]
        known = reading.known(word.start, word.end)
        if known and known[0] < word.start:  # inside a longer known name: `Czech Republic`
            continue
        if known:
            if first < index:  # `Democratic Peoples` before `Republic of Korea`
                not_taken.add(known)
                name = written[words[first].start : known[1]]
                unknown.setdefault(name, Unknown(name, words[first].start, (known[2], written[known[0] : known[1]])))
            continue
        last = reading.name_end(index, opening)
        start, end = words[first].start, words[last].end
        if (first, last) != (index, index) and not reading.known(start, end) and word.text != _KINGDOM:
            unknown.setdefault(written[start:end], Unknown(written[start:end], start))
    codes = sorted({match[2] for match in reading.matches if match not in not_taken and match[2] != NO_COUNTRY})
    return Found(tuple(codes), tuple(unknown.values()))


class _Reading:
    """A text's words, and the known names found in it: in the text's order, none within another."""

    def __init__(self, text: str, matches: list[Match]) -> None:
        self.text = text
        self.matches = matches
        self._starts = [match[0] for match in matches]
        self.words = [_Word(match.start(), match.end(), match.group()) for match in _WORD.finditer(text)]
        self._telling = _capitals_telling(text, self.words)

    def known(self, start: int, end: int) -> Match | None:
        """A known name found in the text from `start` to `end`, or across either end."""
        at = bisect_left(self._starts, end) - 1
        return self.matches[at] if at >= 0 and self.matches[at][1] > start else None

    def joined(self, before: int, after: int) -> bool:
        """The words at `before` and `after` are one after the other in a line, parted by spaces alone."""
        between = self.text[self.words[before].end : self.words[after].start]
        return bool(between) and between.isspace() and "\n" not in between

    def name_start(self, index: int) -> int:
        """The index of the first word of the state's name whose state word is at `index`: of the adjectives right
        before it that no known name holds (`Democratic Peoples Republic`; `Vietnamese` is a name of Viet Nam), or
        its own. Another state word is none, and a name takes a few at most."""
        first = index
        while index - first < _NAME_WORDS and first > 0 and self.joined(first - 1, first):
            word = self.words[first - 1]
            if (
                _STATE_WORD.fullmatch(word.text)
                or not self._qualifies(first - 1, self.words[index].text)
                or self.known(word.start, word.end)
            ):
                break
            first -= 1
        return first

    def _qualifies(self, at: int, state_word: str) -> bool:
        """The word at `at` is an adjective of the name of the state whose state word is `state_word`: one of states'
        names (`_STATE_ADJECTIVE`); or, where its capital tells it is part of a name (`_capitals_telling`), one
        shaped as an adjective, a Kingdom's aside."""
        text = self.words[at].text
        if _STATE_ADJECTIVE.fullmatch(text):
            return True
        return state_word != _KINGDOM and self._telling[at] and bool(_QUALIFIER.fullmatch(text))

    def name_end(self, index: int, opening: set[int]) -> int:
        """The index of the last word of the state's name whose state word is at `index`: the words with a capital
        after it, in Polish (`Republika Federalna Niemiec`, `Republika Trynidadu i Tobago`), or after `of` in English
        (`Kingdom of the Netherlands`, `of Great Britain and Northern Ireland`), up to the `opening` of another
        state's name (`Sułtanat Omanu i Królestwo Bahrajnu`, `Republic of the Congo and the Democratic Republic ...`
        are two). `index` itself when none."""
        words = self.words
        english = bool(_ENGLISH_STATE_WORD.fullmatch(words[index].text))
        links = {"of", "the", "and"} if english else {"i"}
        if english and not (index + 1 < len(words) and words[index + 1].text == "of"):
            return index
        last, capitals = index, 0
        for at in range(index + 1, len(words)):
            if capitals == _NAME_WORDS or at in opening or not self.joined(at - 1, at):
                break
            if words[at].text[0].isupper():
                last, capitals = at, capitals + 1
            elif words[at].text not in links:
                break
        return last


def _capitals_telling(text: str, words: list[_Word]) -> list[bool]:
    """Whether each of `words` of `text` has a capital that tells it is part of a name: not opening a sentence or a
    line (`Annual Republic of Korea talks`), in a line not in a headline's title case (`Makes Historic Republic of
    Korea Visit`)."""
    telling: list[bool] = []
    line: list[int] = []  # the indexes of the words of the line read

    def end_line() -> None:
        long = [words[at].text for at in line if len(words[at].text) > 3]
        if len(long) >= _TITLE_CASE_WORDS and all(word[0].isupper() for word in long):
            for at in line:
                telling[at] = False
        line.clear()

    for index, word in enumerate(words):
        between = text[words[index - 1].end if index else 0 : word.start]
        if "\n" in between:
            end_line()
        line.append(index)
        telling.append(index > 0 and "\n" not in between and not any(mark in between for mark in ".?!…:"))
    end_line()
    return telling


def told(unknown: tuple[Unknown, ...], source: str, path: Path = COUNTRY_NAMES) -> str:
    """What the importer says of the names that look like a state's that it knows none of: each at its line of the
    source (where the source, read as the article's text is, writes it so), so that its country's code is added by
    hand."""
    text = composed(source)
    starts = {each.name: each.start for each in read(text, path).unknown}
    named = []
    for each in unknown[:TOLD_NAMES]:
        where = [f"line {line_of(text, starts[each.name])}"] if each.name in starts else []
        if each.ending:
            code, name = each.ending
            where.append(
                f"it ends with {code}'s name `{name}`, not taken for {code}: the words before it make it another name"
            )
        named.append(f"`{each.name}`" + (f" ({'; '.join(where)})" if where else ""))
    if len(unknown) > TOLD_NAMES:
        named.append(f"and {len(unknown) - TOLD_NAMES} more")
    return (
        "may lack a country: the text names what looks like a state's name, but is none the importer knows (CLDR's "
        f"names, the forms of data/country-names.yaml): {', '.join(named)}; add the code of the country each names, "
        "if it names one, to `countries:`, and the form, with its source, to data/country-names.yaml"
    )
