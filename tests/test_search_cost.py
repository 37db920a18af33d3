"""What a query costs the reader's browser: the requests it makes, counted in real Chromium on a real Pagefind index
of articles written here (docs/search-relevance.md, "Cost at scale")."""

from __future__ import annotations

import time
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from .test_search_queries import PL, built_and_served, titles_shown

pytestmark = pytest.mark.browser

# Six words of twelve letters, each held, each of whose seven cuts into two parts of three letters or more a page of its
# own writes apart (`kaz orowiemitu`): each cut found loads that page's text (a fragment).
WORDS = ("kazorowiemit", "pelunatriska", "sobremiatula", "dukoranisept", "wimelustrako", "tonagribelus")
SHORTEST_PART = 3
WHOLE = "Artykuł testowy cost-00"  # the page that writes the six words; then a page for each cut, in order


def cuts(word: str) -> list[tuple[str, str]]:
    return [(word[:at], word[at:]) for at in range(SHORTEST_PART, len(word) - SHORTEST_PART + 1)]


def article(key: str, text: str) -> str:
    return "\n".join(
        [
            "---",
            f'title: "Artykuł testowy {key}"',  # not a word of the query
            "date: 2025-03-01",
            "lang: pl",
            f"translation_key: {key}",
            "source:",
            f"  url: https://example.org/test-fixture/cost/{key}",
            "  publisher: Przykładowa Agencja (fikstura testowa)",
            "---",
            "",
            f"FIKSTURA TESTOWA. {text}.",
            "",
        ]
    )


@pytest.fixture(scope="module")
def cuts_served(tmp_path_factory):
    content = tmp_path_factory.mktemp("cost") / "content"
    folder = content / "articles" / "2025"
    folder.mkdir(parents=True)
    texts = [" ".join(WORDS)] + [f"{first} {second}" for word in WORDS for first, second in cuts(word)]
    for number, text in enumerate(texts):
        (folder / f"cost-{number:02d}.pl.md").write_text(article(f"cost-{number:02d}", text), encoding="utf-8")
    yield from built_and_served(tmp_path_factory, content, "cost")


def fragments_loaded(page, base_url: str, query: str) -> list[str]:
    """The pages' texts (fragments) the search page loads to search `query`, each once."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{base_url}{PL}?q={quote(query)}")
    titles_shown(page)
    return sorted({url for url in requests if "/pagefind/fragment/" in url})


def test_the_ways_to_cut_the_words_of_a_query_are_bounded(page, cuts_served):
    # 42 ways to cut the six words, each found on a page of its own: each was a search and a fragment loaded. Now at
    # most SPLIT_CUTS (20) for the query: the first two words' fourteen; the next word's seven are more than are left.
    loaded = fragments_loaded(page, cuts_served.base_url, " ".join(WORDS))
    assert len(loaded) <= 20, len(loaded)
    assert titles_shown(page) == [WHOLE]


def test_a_word_alone_is_cut_every_way(page, cuts_served):
    # Its first way that a page writes apart: the page that writes it as one, then the page that writes it so.
    loaded = fragments_loaded(page, cuts_served.base_url, WORDS[-1])
    first_cut = 1 + (len(WORDS) - 1) * len(cuts(WORDS[-1]))
    assert titles_shown(page) == [WHOLE, f"Artykuł testowy cost-{first_cut:02d}"]
    assert len(loaded) <= len(cuts(WORDS[-1])) + 2, len(loaded)  # each way, the page found, the page that holds it


# A word typed as one that a page writes as two (`kazoro wiemitu`), on an archive where more than twenty pages write the
# two apart, each many times: the pages of the two words searched, the best scored twenty held none that writes them
# next to each other, and nothing was found.
APART = ("kazoro", "wiemitu")
PAGES_APART = 25


@pytest.fixture(scope="module")
def apart_served(tmp_path_factory):
    content = tmp_path_factory.mktemp("apart") / "content"
    folder = content / "articles" / "2025"
    folder.mkdir(parents=True)
    first, second = APART
    texts = [f"{first} {second}"] + [f"{first} sta {second} {first} nowi {second} {first}"] * PAGES_APART
    for number, text in enumerate(texts):
        (folder / f"apart-{number:02d}.pl.md").write_text(article(f"apart-{number:02d}", text), encoding="utf-8")
    yield from built_and_served(tmp_path_factory, content, "apart")


def test_a_word_alone_is_found_where_a_page_writes_it_as_two_among_many_that_write_them_apart(page, apart_served):
    fragments_loaded(page, apart_served.base_url, "".join(APART))
    assert titles_shown(page) == ["Artykuł testowy apart-00"]


# A query pasted whole: a word of thousands of letters (a line of text with its spaces lost, a hash), a passage of two
# hundred words with a day in figures in each sentence. Each answers within READER_WAIT of Enter, on a page whose
# Pagefind is loaded, and finds what it should. A word was cut every way however long (a 1,200-letter word was 1,195
# phrase searches), and a passage's days each way a page may write them (2^20 ways for twenty days, all made before
# eight were kept).
READER_WAIT = 4.0  # seconds
LONG_WORD_LETTERS = 5_000
PASTED_WORDS = 200
DAYS = 20
CYBER = "cyberprzestępczość"
SENTENCES = (  # ten words each
    "Dnia {day} eksperci spotkali się w Wiedniu, omawiając projekt konwencji.",
    "Dnia {day} delegacje zgłosiły uwagi do przepisów o ochronie danych.",
    "Dnia {day} sekretariat rozesłał państwom nowy tekst, a organizacje protestowały.",
    "Dnia {day} przewodniczący zaproponował kompromis w sprawie wymiany dowodów elektronicznych.",
)
CONSONANTS = "bcdfghjklmnprstwz"


def chronicle_text() -> str:
    """Twenty sentences, each with a day of October 2025 in figures (`1.10.2025`), and one more."""
    days = (SENTENCES[day % len(SENTENCES)].format(day=f"{day}.10.2025") for day in range(1, DAYS + 1))
    return " ".join([*days, "Kolejne posiedzenie zaplanowano na listopad w Nowym Jorku."])


def long_word() -> str:
    """CYBER and consonants, which begin no word of the fixture's, LONG_WORD_LETTERS letters in all."""
    letters = (CONSONANTS[(at * at + at // 7) % len(CONSONANTS)] for at in range(LONG_WORD_LETTERS - len(CYBER)))
    return CYBER + "".join(letters)


def dated_article(key: str, day: str, text: str) -> str:
    return article(key, text).replace("date: 2025-03-01", f"date: {day}")


@pytest.fixture(scope="module")
def pasted_served(tmp_path_factory):
    content = tmp_path_factory.mktemp("pasted") / "content"
    folder = content / "articles" / "2025"
    folder.mkdir(parents=True)
    pages = {"chronicle": dated_article("chronicle", "2025-10-21", chronicle_text())}
    pages["cyber"] = article("cyber", f"Raport o zjawisku, jakim jest {CYBER} w Europie")
    for day in range(1, DAYS + 1):  # a page dated each day the chronicle writes
        pages[f"day-{day:02d}"] = dated_article(f"day-{day:02d}", f"2025-10-{day:02d}", "Posiedzenie komitetu")
    for key, text in pages.items():
        (folder / f"{key}.pl.md").write_text(text, encoding="utf-8")
    yield from built_and_served(tmp_path_factory, content, "pasted")


def seconds_to_answer(page, base_url: str, query: str) -> float:
    """From Enter to the results shown, on a search page whose Pagefind has answered a query already."""
    page.goto(f"{base_url}{PL}?q=komitetu")
    titles_shown(page)
    box = page.locator("#site-search-query")
    box.fill(query)
    started = time.monotonic()
    box.press("Enter")
    titles_shown(page)
    return time.monotonic() - started


def test_a_word_of_thousands_of_letters_answers_within_a_bound(page, pasted_served):
    assert seconds_to_answer(page, pasted_served.base_url, long_word()) < READER_WAIT
    # Searched as its longest start a page holds, as any word no page holds is.
    assert titles_shown(page) == ["Artykuł testowy cyber"]
    expect(page.locator("#search-status")).to_contain_text(f"{CYBER}…")


def test_a_pasted_passage_of_days_answers_within_a_bound(page, pasted_served):
    passage = " ".join(chronicle_text().split()[:PASTED_WORDS])
    assert seconds_to_answer(page, pasted_served.base_url, passage) < READER_WAIT
    assert titles_shown(page)[:1] == ["Artykuł testowy chronicle"]
