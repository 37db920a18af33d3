"""A seeded synthetic bilingual corpus for benchmarks, in the archive's format and in stock Pelican's.

`python -m tools.bench.corpus 500 DIR` writes DIR/archive/articles/<year>/<key>.<lang>.md
(YAML front-matter, as content/ holds) and DIR/stock/<key>.<lang>.md (`Title:`/`Date:` lines,
as stock Pelican reads), N pairs of ~700-word articles: a Polish original and its English
translation, with headings, lists, captions, countries and dates spread over 2019-2025.
The same N and seed always give the same bytes. Nothing is written into content/.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from ..check import article_dirs

SEED = 2025
WORDS_PER_ARTICLE = 700
FIRST_DAY = date(2019, 1, 1)
DAYS = (date(2025, 12, 31) - FIRST_DAY).days  # no article dated after the build (archive_core.schema refuses it)


def _words(text: str) -> list[str]:
    return text.split()


POLISH = _words(
    "konwencja państwa podpis cyberprzestępczość współpraca ratyfikacja delegacja minister "
    "bezpieczeństwo międzynarodowy ceremonia prawo dowody elektroniczne ochrona danych "
    "prywatność organizacje społeczeństwo obywatelskie krytyka zgromadzenie ogólne rezolucja "
    "negocjacje komitet przewodnicząca sekretarz generalny ład łączność władze służby śledztwo "
    "wniosek pomoc prawna ekstradycja jurysdykcja przestępstwo oszustwo dziecko wykorzystywanie "
    "źródło żądanie dostęp usługodawca szyfrowanie dziennikarz prawa człowieka gwarancje "
    "zobowiązanie wejście w życie czterdzieści dziewięćdziesiąt dni główny sala Hanoi Wietnam "
    "Polska Unia Europejska Białoruś Łódź Gdańsk Kraków stanowisko głos sprzeciw poparcie "
    "ostrożność nadzór sąd niezależny proporcjonalność konieczność środki techniczne sieć "
    "infrastruktura krytyczna atak oprogramowanie wymuszenie okup kryptowaluty pranie pieniędzy "
    "był była było będą który która które także również jednak oraz gdzie kiedy dlaczego"
)
ENGLISH = _words(
    "convention states signature cybercrime cooperation ratification delegation minister "
    "security international ceremony law electronic evidence data protection privacy "
    "organisations civil society criticism general assembly resolution negotiations committee "
    "chair secretary general order connectivity authorities services investigation request "
    "legal assistance extradition jurisdiction offence fraud child exploitation source demand "
    "access provider encryption journalist human rights safeguards obligation entry into force "
    "forty ninety days main hall Hanoi Vietnam Poland European Union Belarus Lodz Gdansk Krakow "
    "position vote objection support caution oversight court independent proportionality "
    "necessity technical measures network critical infrastructure attack software extortion "
    "ransom cryptocurrency money laundering was were will be which also however and where when why"
)
COUNTRIES = _words(
    "AU AT BE BR BY CL CN CU CZ DE DZ EG ES EU FR GB GH GR IE IN IR JM JP KZ LA LU MA MY "
    "NG NL NO PE PH PL PT QA RU RW SA SK SI TH TR US UZ VN ZA"
)
TAGS_PL = ["ratyfikacja", "prawa człowieka", "dowody elektroniczne", "ceremonia", "negocjacje", "krytyka", "łącza"]
TAGS_EN = ["ratification", "human rights", "electronic evidence", "ceremony", "negotiations", "criticism", "links"]
PUBLISHERS = ["Wietnam+", "Help Net Security", "Rzeczpospolita", "The Record", "Euractiv", "Gazeta Wyborcza"]
HEADINGS_PL = ["Przebieg wydarzenia", "Stanowiska państw", "Głosy krytyczne", "Co dalej", "Tło negocjacji"]
HEADINGS_EN = ["How it went", "Positions of states", "Critical voices", "What comes next", "Background"]


@dataclass(frozen=True)
class Pair:
    index: int
    key: str
    day: date
    countries: tuple[str, ...]
    tag_indexes: tuple[int, ...]
    publisher: str
    # One text plan for both versions: (kind, sizes), so that they have the same structure.
    plan: tuple[tuple[str, int], ...]


def make_pairs(count: int, seed: int = SEED) -> list[Pair]:
    rng = random.Random(seed)  # noqa: S311 (reproducible test data)
    pairs = []
    for index in range(count):
        plan: list[tuple[str, int]] = [("p", rng.randint(40, 70))]
        words = plan[0][1]
        while words < WORDS_PER_ARTICLE:
            kind = rng.choices(["p", "h", "list", "caption", "quote"], weights=[10, 2, 1, 1, 1])[0]
            size = {"p": rng.randint(40, 90), "h": rng.randrange(5), "list": rng.randint(3, 5)}.get(kind, 18)
            plan.append((kind, size))
            words += size if kind == "p" else size * 8 if kind == "list" else 18 if kind != "h" else 3
        pairs.append(
            Pair(
                index=index,
                key=f"bench-article-{index:05d}",
                day=FIRST_DAY + timedelta(days=rng.randrange(DAYS)),
                countries=tuple(sorted(rng.sample(COUNTRIES, rng.randint(0, 4)))),
                tag_indexes=tuple(sorted(rng.sample(range(len(TAGS_PL)), rng.randint(0, 2)))),
                publisher=rng.choice(PUBLISHERS),
                plan=tuple(plan),
            )
        )
    return pairs


def _sentence(rng: random.Random, words: list[str], length: int) -> str:
    text = " ".join(rng.choice(words) for _ in range(length))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, words: list[str], length: int) -> str:
    sentences, left = [], length
    while left > 0:
        size = min(left, rng.randint(8, 18))
        sentences.append(_sentence(rng, words, size))
        left -= size
    return " ".join(sentences)


def body(pair: Pair, lang: str) -> str:
    """The Markdown body; its rare word (`zq<index>x`) lets a search find exactly this pair."""
    rng = random.Random(f"{pair.key}-{lang}")  # noqa: S311
    words = POLISH if lang == "pl" else ENGLISH
    headings = HEADINGS_PL if lang == "pl" else HEADINGS_EN
    credit = "(Zdjęcie: Jan Kowalski/PAP)" if lang == "pl" else "(Photo: Jan Kowalski/PAP)"
    blocks = []
    for number, (kind, size) in enumerate(pair.plan):
        if kind == "p":
            text = _paragraph(rng, words, size)
            blocks.append(f"{text} zq{pair.index}x" if number == 0 else text)
        elif kind == "h":
            blocks.append(f"## {headings[size]}")
        elif kind == "list":
            blocks.append("\n".join(f"- {_sentence(rng, words, 8)}" for _ in range(size)))
        elif kind == "caption":
            blocks.append(f"::: caption\n{_sentence(rng, words, 14)} {credit}\n:::")
        else:
            quote = _sentence(rng, words, 18)
            blocks.append(f"„{quote}” – powiedział." if lang == "pl" else f'"{quote}," he said.')
    return "\n\n".join(blocks) + "\n"


def title(pair: Pair, lang: str) -> str:
    if lang == "pl":
        return f"Konwencja z Hanoi: głosy państw i łączność w sieci, część {pair.index + 1}"
    return f"Hanoi Convention: voices of states and connectivity online, part {pair.index + 1}"


def archive_file(pair: Pair, lang: str) -> str:
    tags = TAGS_PL if lang == "pl" else TAGS_EN
    lines = [
        "---",
        f'title: "{title(pair, lang)}"',
        f"date: {pair.day.isoformat()}",
        f"lang: {lang}",
        f"translation_key: {pair.key}",
        f"countries: [{', '.join(pair.countries)}]",
    ]
    if pair.tag_indexes:
        lines.append(f"tags: [{', '.join(tags[i] for i in pair.tag_indexes)}]")
    lines += ["source:", f"  url: https://example.org/bench/{pair.index}", f'  publisher: "{pair.publisher}"']
    if lang == "en":
        lines += ["translation:", "  from: pl", '  by: "benchmark generator"']
    return "\n".join([*lines, "---", "", body(pair, lang)])


def stock_file(pair: Pair, lang: str) -> str:
    """The same article for stock Pelican: metadata lines, then the same Markdown body."""
    tags = TAGS_PL if lang == "pl" else TAGS_EN
    lines = [f"Title: {title(pair, lang)}", f"Date: {pair.day.isoformat()}", f"Lang: {lang}", f"Slug: {pair.key}"]
    if pair.tag_indexes:
        lines.append(f"Tags: {', '.join(tags[i] for i in pair.tag_indexes)}")
    return "\n".join([*lines, "", body(pair, lang)])


@cache
def _layout():
    from archive_core.layout import Layout  # from plugins/, which importing tools.check puts on the path

    return Layout.of(article_dirs())


def article_file(target: Path, pair: Pair, lang: str) -> Path:
    """Where the archive's copy of `pair` in `lang` is written under `target` (ARTICLE_PATHS' first folder)."""
    return target / "archive" / _layout().article_path(pair.day.year, pair.key, lang)


def write_corpus(count: int, target: Path, seed: int = SEED) -> Path:
    """Write (or reuse, when already complete) the corpus of `count` pairs under `target`."""
    stamp = target / "corpus.done"
    generator = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    first = article_file(target, make_pairs(1)[0], "pl")
    expected = f"pairs={count} seed={seed} generator={generator} first={first.relative_to(target)}\n"
    if stamp.exists() and stamp.read_text() == expected:
        return target
    shutil.rmtree(target, ignore_errors=True)
    for pair in make_pairs(count, seed):
        (target / "stock").mkdir(parents=True, exist_ok=True)
        for lang in ("pl", "en"):
            path = article_file(target, pair, lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(archive_file(pair, lang), encoding="utf-8")
            (target / "stock" / f"{pair.key}.{lang}.md").write_text(stock_file(pair, lang), encoding="utf-8")
    stamp.write_text(expected)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pairs", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    write_corpus(args.pairs, args.target, args.seed)
    print(f"{args.pairs} pairs in {args.target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
