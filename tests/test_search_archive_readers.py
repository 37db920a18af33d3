"""An archive as its readers will search it: invented articles in both languages among many that mention the same
things once, and the queries readers type (Polish inflections and spellings without Polish letters, English plurals,
a country in the other language, an organisation by its acronym and its full name, a day written three ways, a
phrase, a typo, a query that finds nothing), in real Chromium on a real Pagefind index (docs/search-relevance.md,
"Findings on an archive of many articles, seventh audit")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .test_search_queries import EN, PL, built_and_served, titles_found

pytestmark = pytest.mark.browser

COUNTRY_NAMES = Path(__file__).resolve().parents[1] / "content" / "data" / "country-names.yaml"
FILLER_PAIRS = 60  # articles that mention the convention, Vietnam and the UN once each

# key: (date, countries, {lang: (title, text)}); the first language is the original.
ARTICLES = {
    "signing": (
        "2025-10-25",
        ["VN"],
        {
            "pl": (
                "Konwencja ONZ o cyberprzestępczości podpisana w Hanoi",
                "W Hanoi przedstawiciele 72 państw podpisali 25 października 2025 r. konwencję Organizacji Narodów "
                "Zjednoczonych przeciwko cyberprzestępczości. Biuro Narodów Zjednoczonych ds. Narkotyków i "
                "Przestępczości (UNODC) przygotowało ceremonię. Konwencja wejdzie w życie po ratyfikacji przez 40 "
                "państw. Wietnam był gospodarzem uroczystości.",
            ),
            "en": (
                "UN cybercrime convention signed in Hanoi",
                "In Hanoi, representatives of 72 states signed the United Nations Convention against Cybercrime on "
                "25 October 2025. The United Nations Office on Drugs and Crime (UNODC) prepared the ceremony. The "
                "convention enters into force after 40 ratifications. Vietnam hosted the ceremony.",
            ),
        },
    ),
    "ratification": (
        "2026-01-15",
        ["VN"],
        {
            "pl": (
                "Wietnam ratyfikuje konwencję",
                "Zgromadzenie Narodowe Wietnamu ratyfikowało konwencję jako pierwsze państwo. Rząd w Hanoi "
                "zapowiedział nowe przepisy o dowodach elektronicznych.",
            ),
            "en": (
                "Vietnam ratifies the convention",
                "Vietnam's National Assembly ratified the convention, the first state to do so. The government in "
                "Hanoi announced new rules on electronic evidence.",
            ),
        },
    ),
    "ngos": (
        "2025-11-04",
        [],
        {
            "en": (
                "Rights organisations criticise the treaty",
                "Human rights organisations and digital rights groups warned that the treaty allows surveillance "
                "without safeguards. Several NGOs asked parliaments not to ratify it.",
            ),
            "pl": (
                "Organizacje praw człowieka krytykują traktat",
                "Organizacje praw człowieka i grupy broniące praw cyfrowych ostrzegły, że traktat pozwala na "
                "inwigilację bez zabezpieczeń. Kilka organizacji pozarządowych zaapelowało do parlamentów, by go nie "
                "ratyfikowały.",
            ),
        },
    ),
    "europol": (
        "2026-02-03",
        ["DE"],
        {
            "pl": (
                "Europol rozbił sieć oszustów inwestycyjnych",
                "Agencja Unii Europejskiej ds. Współpracy Organów Ścigania (Europol) wraz z niemiecką policją "
                "zatrzymała dziewięć osób podejrzanych o oszustwa na kryptowalutach.",
            ),
        },
    ),
    "kenya": (
        "2026-02-20",
        ["KE"],
        {
            "en": (
                "Kenya's parliament debates data protection",
                "Members of parliament in Nairobi debated amendments to the data protection act and the powers of "
                "the police to request data from telecommunications companies.",
            ),
        },
    ),
}


def article(key: str, lang: str, original: str, day: str, countries: list[str], title: str, text: str) -> str:
    lines = [
        "---",
        f'title: "{title}"',
        f"date: {day}",
        f"lang: {lang}",
        f"translation_key: {key}",
        f"countries: [{', '.join(countries)}]",
        "source:",
        f"  url: https://example.org/test-fixture/readers/{key}",
        "  publisher: Przykładowa Agencja (fikstura testowa)",
    ]
    if lang != original:
        lines += ["translation:", f"  from: {original}", "  by: Redakcja"]
    return "\n".join([*lines, "---", "", f"FIKSTURA TESTOWA, tekst zmyślony. {text}", ""])


FILLER = {
    "pl": (
        "Przegląd wiadomości numer {n}",
        "Komisja omówiła budżet i sprawy bieżące. Wspomniano także konwencję, Wietnam i ONZ. Posiedzenie "
        "zakończyło się o godzinie {n}.",
    ),
    "en": (
        "News digest number {n}",
        "The committee discussed the budget and current affairs. The convention, Vietnam and the UN were also "
        "mentioned. The meeting closed at {n} o'clock.",
    ),
}


def write_content(root: Path) -> Path:
    folder = root / "articles"
    for year in ("2025", "2026"):
        (folder / year).mkdir(parents=True)
    for key, (day, countries, versions) in ARTICLES.items():
        original = next(iter(versions))
        for lang, (title, text) in versions.items():
            page = article(key, lang, original, day, countries, title, text)
            (folder / day[:4] / f"{key}.{lang}.md").write_text(page, encoding="utf-8")
    for n in range(FILLER_PAIRS):
        day = f"2025-{1 + n % 9:02d}-{1 + n % 28:02d}"
        for lang, (title, text) in FILLER.items():
            page = article(f"digest-{n:02d}", lang, "pl", day, [], title.format(n=n), text.format(n=n))
            (folder / day[:4] / f"digest-{n:02d}.{lang}.md").write_text(page, encoding="utf-8")
    (root / "data").mkdir()
    shutil.copyfile(COUNTRY_NAMES, root / "data" / "country-names.yaml")
    return root


@pytest.fixture(scope="module")
def archive_served(tmp_path_factory):
    content = write_content(tmp_path_factory.mktemp("archive-readers") / "content")
    yield from built_and_served(tmp_path_factory, content, "archive-readers")


SIGNING = {PL: ARTICLES["signing"][2]["pl"][0], EN: ARTICLES["signing"][2]["en"][0]}
RATIFICATION = {PL: ARTICLES["ratification"][2]["pl"][0], EN: ARTICLES["ratification"][2]["en"][0]}
NGOS = {PL: ARTICLES["ngos"][2]["pl"][0], EN: ARTICLES["ngos"][2]["en"][0]}
EUROPOL = ARTICLES["europol"][2]["pl"][0]
KENYA = ARTICLES["kenya"][2]["en"][0]


@pytest.mark.parametrize(
    ("path", "query", "first"),
    [
        # Polish inflections, and without Polish letters.
        *[(PL, query, SIGNING[PL]) for query in ("konwencja", "konwencji", "konwencje", "konwencję", "Hanoi")],
        (PL, "Hanoju", SIGNING[PL]),  # an inflected form no page writes: searched as its held start, `Hano…`
        (PL, "cyberprzestepczosc", SIGNING[PL]),
        (PL, "organizacje pozarzadowe", NGOS[PL]),
        (PL, "organizacji pozarządowych", NGOS[PL]),
        (PL, "dowodów elektronicznych", RATIFICATION[PL]),
        # A country in either language: its page first.
        *[(PL, query, "Wietnam") for query in ("Wietnam", "Wietnamie", "Wietnamu", "Vietnam", "Vietnamese")],
        (PL, "Germany", "Niemcy"),
        (EN, "Wietnamie", "Vietnam"),
        (EN, "Kenia", "Kenya"),
        (EN, "Niemcy", "Germany"),
        # English plurals and spellings.
        (EN, "conventions", SIGNING[EN]),
        (EN, "treaties", NGOS[EN]),
        (EN, "ratifications", RATIFICATION[EN]),
        (EN, "organizations", NGOS[EN]),
        (EN, "NGOs", NGOS[EN]),
        (EN, "human-rights", NGOS[EN]),
        (EN, "data-protection", KENYA),
        # An organisation by its acronym and its full name, as the page writes both.
        *[(PL, query, SIGNING[PL]) for query in ("ONZ", "UNODC", "Organizacji Narodów Zjednoczonych")],
        (PL, "organizacja narodow zjednoczonych", SIGNING[PL]),
        (PL, "Agencja Unii Europejskiej ds. Współpracy Organów Ścigania", EUROPOL),
        *[
            (EN, query, SIGNING[EN])
            for query in ("UNODC", "United Nations", "United Nations Office on Drugs and Crime")
        ],
        # A day written three ways (and the English orders).
        *[(PL, query, SIGNING[PL]) for query in ("25 października 2025", "25.10.2025", "2025-10-25")],
        (PL, "25 pazdziernika 2025", SIGNING[PL]),
        *[(EN, query, SIGNING[EN]) for query in ("25 October 2025", "October 25, 2025", "25/10/2025", "10/25/2025")],
        (EN, "2025-10-25", SIGNING[EN]),
        # An acronym: the article titled with it, not the Polish stand-in whose hidden `named_countries` holds some
        # twenty words beginning with it (`Unia`, `Unii`, `Union`, `unijny`…), Pagefind's 131.8 against 1.4 (search28).
        (EN, "UN", SIGNING[EN]),
        # A phrase.
        (PL, '"podpisali 25 października"', SIGNING[PL]),
        (PL, "„prawa człowieka”", NGOS[PL]),
        (EN, '"electronic evidence"', RATIFICATION[EN]),
    ],
)
def test_what_readers_type_finds_the_article_they_mean_first(page, archive_served, path, query, first):
    found = titles_found(page, archive_served.base_url, path, query)
    assert found[:1] == [first], f"{query!r} on {path}: {found[:4]}"


@pytest.mark.parametrize(
    ("path", "query", "first", "searched"),
    [
        # Two letters swapped past the first four: taken as held (a page's word shares all but the last four letters
        # a stemmer may cut), and Pagefind searched its longest indexed start: two pages of 63, not the country's.
        (PL, "Wietanm", "Wietnam", "Wietnam"),
        (PL, "Weitnam", "Wietnam", "Wietnam"),
        # Two letters swapped before half of the word: no start of half of it held, nothing found.
        (EN, "Hanio", SIGNING[EN], "Hanoi"),
        (EN, "Hanio convention", SIGNING[EN], "Hanoi convention"),
        # Found, saying nothing of the typo; shown in the reader's case, not the page's (`Konwencja` opens a sentence).
        (PL, "konwencaj", SIGNING[PL], "konwencja"),
    ],
)
def test_a_typo_of_a_word_a_page_writes_is_searched_as_that_word(page, archive_served, path, query, first, searched):
    found = titles_found(page, archive_served.base_url, path, query)
    assert found[:1] == [first], f"{query!r} on {path}: {found[:4]}"
    expect(page.locator("#search-status")).to_contain_text(f": {searched}.")


@pytest.mark.parametrize(
    ("path", "query", "status"),
    [
        (PL, "xyzzy", "Brak wyników dla xyzzy. Spróbuj mniej słów, innych słów albo innych ich form."),
        (EN, "xyzzy", "No results for xyzzy. Try fewer words, other words, or other forms of them."),
        # The other language's name of an organisation no page here writes: the other language's search is offered.
        (
            PL,
            "United Nations",
            "Brak wyników dla United Nations. Spróbuj mniej słów, innych słów albo innych ich form.",
        ),
    ],
)
def test_a_query_that_finds_nothing_says_so_and_offers_the_other_languages_search(
    page, archive_served, path, query, status
):
    assert titles_found(page, archive_served.base_url, path, query) == []
    expect(page.locator("#search-status")).to_contain_text(status)
    other = page.locator("#search-other-language a")
    expect(other).to_be_visible()
    assert f"q={query.replace(' ', '+')}" in other.get_attribute("href")
