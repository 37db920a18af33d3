"""A typed address is searched as the word the index holds for the source it is the address of, however either is
written: the search page's `addressWords` (theme/static/js/address-words.js, run by Node) and the index's
`archive_core.address_words` give the same word (docs/search-relevance.md, "An address")."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import playwright
import pytest

from archive_core.address_words import address_word, typed_address_word
from archive_core.tests.effort import cpu_seconds

SCRIPT = Path(__file__).resolve().parents[1] / "theme" / "static" / "js" / "address-words.js"
NODE = Path(playwright.__file__).parent / "driver" / "node"

# (a source's address as an article gives it, the same address as a reader may type it)
SAME = [
    ("https://www.un.org/en/x-y/", "https://www.un.org/en/x-y/#top"),
    ("https://www.un.org/en/x-y/", "HTTP://UN.ORG/en/x-y"),
    ("https://www.un.org/en/x-y/", "un.org/en/x-y"),
    # Percent-encoded and decoded, either way round, the escapes in either case.
    (
        "https://pl.wiki.example/wiki/Konwencja_o_cyberprzest%C4%99pczo%C5%9Bci",
        "pl.wiki.example/wiki/Konwencja_o_cyberprzestępczości",
    ),
    (
        "https://pl.wiki.example/wiki/Konwencja_o_cyberprzest%C4%99pczo%C5%9Bci",
        "https://pl.wiki.example/wiki/konwencja_o_cyberprzest%c4%99pczo%c5%9bci",
    ),
    ("https://en.wiki.example/wiki/Żółw_błotny", "https://en.wiki.example/wiki/%C5%BB%C3%B3%C5%82w_b%C5%82otny"),
    ("https://en.wiki.example/wiki/Zo\u0301lw", "https://en.wiki.example/wiki/Zólw"),  # decomposed, composed
    # A host in punycode (as the build asks a source to write it) and as a reader reads it.
    ("https://xn--d-uga0v4h.example/komunikat", "https://łódź.example/komunikat"),
    ("https://xn--d-uga0v4h.example/komunikat", "https://ŁÓDŹ.example/komunikat"),
    ("https://xn--d-uga0v4h.example/komunikat", "https://XN--D-UGA0V4H.example/komunikat"),
    ("https://www.bücher.example/a", "https://xn--bcher-kva.example/a"),
    # A port is not the source's.
    ("https://un.org/a?id=7", "https://un.org:443/a?id=7"),
    ("https://un.org/a", "https://un.org/a?utm_source=x"),  # a query added to track readers: tried without it
    # A host that is an IP address (as `is_http_url` takes one): IPv4 in dotted decimal, IPv6 in brackets however
    # it is written (its letters' case, its zeros left out or not).
    ("http://192.0.2.1/a", "192.0.2.1/a"),
    ("http://192.0.2.1/a", "http://192.0.2.1:8080/a"),
    ("http://[2001:db8::1]/a", "[2001:DB8:0:0::1]/a"),
    ("http://[2001:db8::1]/a", "http://[2001:db8::0:1]:8080/a#x"),
    ("https://[::ffff:192.0.2.1]/a", "[::ffff:c000:201]/a"),
    # An escape that is not one stays as written, on both sides.
    ("https://un.org/100%", "https://un.org/100%"),
    ("https://un.org/a%C4", "https://un.org/a%C4"),
]


def js_words(typed: list[str], tmp_path: Path) -> list[list[str]]:
    """`addressWords` of each of `typed`, as the search page computes them."""
    shutil.copyfile(SCRIPT, tmp_path / "address-words.mjs")
    (tmp_path / "run.mjs").write_text(
        'import { addressWords } from "./address-words.mjs";\n'
        f"console.log(JSON.stringify({json.dumps(typed)}.map((each) => addressWords(each))));\n"
    )
    done = subprocess.run(
        [str(NODE), str(tmp_path / "run.mjs")], capture_output=True, text=True, timeout=60, check=True
    )
    return json.loads(done.stdout)


def test_the_search_page_and_the_index_write_an_address_as_the_same_word(tmp_path):
    words = js_words([typed for _, typed in SAME], tmp_path)
    for (source, typed), found in zip(SAME, words, strict=True):
        assert found, f"{typed!r}: not taken for an address"
        assert found[0] == typed_address_word(typed), f"{typed!r}: the search page and Python differ"
        assert address_word(source) in found, f"{typed!r} is not searched as {source!r} is held: {found}"


@pytest.mark.parametrize(
    ("domain", "held", "not_held"),
    [
        ("un.org", ["https://un.org/", "https://www.un.org/en", "https://news.un.org/x"], ["https://un.organic.net/"]),
        ("www.un.org", ["https://un.org/x", "https://news.un.org/x"], ["https://sun.org/", "https://un.org.pl/"]),
        ("łódź.example", ["https://xn--d-uga0v4h.example/"], ["https://xn--d-uga0v4h.examples/"]),
        ("un.org/en", ["https://un.org/en/x"], ["https://news.un.org/en"]),
        # A path is the start of its own and the paths under it, never of a longer segment: a reader who types a
        # section (`un.org/en/hanoi`) does not mean `un.org/en/hanoi-convention` (until search27 it found it).
        (
            "un.org/en/hanoi",
            ["https://un.org/en/hanoi", "https://un.org/en/hanoi/", "https://un.org/en/hanoi/x"],
            [
                "https://un.org/en/hanoi-convention-signing-ceremony",
                "https://un.org/en/hanoiconvention",
                "https://un.org/en/hanoi.html",
            ],
        ),
        ("un.org/en/", ["https://un.org/en/x"], ["https://un.org/english/x", "https://un.org/enx"]),
        # A query is whole: `?id=7` is not `?id=70`.
        ("un.org/a?id=7", ["https://un.org/a?id=7"], ["https://un.org/a?id=70", "https://un.org/a/id7"]),
        # Cut short with an ellipsis, as a post or a chat shows a long link: the segments before the cut one.
        ("un.org/en/hanoi-conv…", ["https://un.org/en/hanoi-convention-signing-ceremony"], ["https://un.org/fr/x"]),
        ("un.org/en/hanoi-conv...", ["https://un.org/en/hanoi-convention-signing-ceremony"], ["https://un.org/fr/x"]),
        # `www.` is left out of a site's name, never out of a name of two labels: `www.org` is no top-level domain.
        ("www.org", ["https://www.org/x"], ["https://un.org/", "https://www.un.org/"]),
    ],
)
def test_a_domain_is_the_start_of_its_own_and_its_subdomains_words_only(tmp_path, domain, held, not_held):
    typed = js_words([domain], tmp_path)[0][0]  # the whole first (then, with a query, without it)
    assert typed == typed_address_word(domain)
    for source in held:
        assert address_word(source).startswith(typed), f"{domain!r} does not find {source!r}"
    for source in not_held:
        assert not address_word(source).startswith(typed), f"{domain!r} finds {source!r}"


def test_a_word_that_is_no_address_is_not_searched_as_one(tmp_path):
    # A host of no letter or figure would be the word every address begins with.
    typed = ["konwencja", "79/243", "e-mail", "U.N.", "[:]", "[.]/x"]
    assert js_words(typed, tmp_path) == [[] for _ in typed]


def test_ip_addresses_are_told_apart_by_every_figure():
    # `1::` and `::1` have the same figures; a domain's word is not the start of an IP address's.
    words = [address_word(url) for url in ("http://[1::]/", "http://[::1]/", "http://[::1:0]/", "http://192.0.2.1/")]
    assert len(set(words)) == len(words), words
    assert not address_word("http://192.0.2.10/").startswith(typed_address_word("192.0.2.1"))


# Paths no source writes, as a reader may paste them: each side reads them alike (the path cut at its `/` before
# it is decoded, `.` and `..` segments of no letter, left out as empty ones are).
HOSTILE_PATHS = [
    "un.org" + "/a" * 10_000,  # 10,000 segments
    "un.org/" + "a" * 999 + "/b",  # a segment as long as its three figures count
    "un.org//en///x",
    "un.org/./en/../x",
    "un.org/en%2Fx/y",
    "un.org/en%2fx%2F%2F/y?a=%2F",
    "un.org/" + "ę" * 200 + "/x",  # 200 letters, 800 figures held
    "un.org/" + "ę" * 300 + "/x?" + "q" * 1_200,  # a segment and a query held by their first 999 figures
]


def test_the_search_page_and_the_index_read_hostile_paths_alike(tmp_path):
    words = js_words(HOSTILE_PATHS, tmp_path)
    for typed, found in zip(HOSTILE_PATHS, words, strict=True):
        assert found and found[0] == typed_address_word(typed), f"{typed[:40]!r}: the search page and Python differ"


# A pasted word ending in a long run of punctuation (or of `/`, or of `...-`): the punctuation after an address and an
# ellipsis that cut it short were each searched for from every place in the run, to its end (the square of its
# length: 40,000 `-` took the search page 1.7 s, 200,000 a minute).
LONG_ENDS = {
    "dashes": "un.org/a" + "-" * 60_000 + "x",
    "slashes": "un.org" + "/" * 60_000 + "x",
    "ellipses": "un.org/a" + "...-" * 15_000 + "x",
    "ellipses at the end": "un.org/a" + "...-" * 15_000,
}


@pytest.mark.parametrize("typed", LONG_ENDS.values(), ids=LONG_ENDS.keys())
def test_a_typed_word_ending_in_a_long_run_of_punctuation_is_read_in_linear_time(tmp_path, typed):
    shutil.copyfile(SCRIPT, tmp_path / "address-words.mjs")
    (tmp_path / "run.mjs").write_text(
        'import { addressWords } from "./address-words.mjs";\n'
        f"const typed = {json.dumps(typed)};\n"
        "const start = performance.now();\nconst words = addressWords(typed);\n"
        "console.log(JSON.stringify([performance.now() - start, words]));\n"
    )
    done = subprocess.run(
        [str(NODE), str(tmp_path / "run.mjs")], capture_output=True, text=True, timeout=120, check=True
    )
    milliseconds, words = json.loads(done.stdout)
    assert milliseconds < 1_000, f"the search page took {milliseconds:.0f} ms"
    held: list[str] = []
    assert cpu_seconds(lambda: held.append(typed_address_word(typed))) < 1
    assert words[:1] == held


def test_a_segment_longer_than_its_three_figures_count_is_the_start_of_no_other_segments_word(tmp_path):
    """A segment's length is written in three figures: one of 1,000 letters or more wrote four (`1000`), and a typed
    segment of 100 letters starting with `0` was the start of its word (`100` `0aaa…` against `1000` `aaa…`)."""
    typed = "un.org/0" + "a" * 99
    source = "https://un.org/" + "a" * 99 + "100" + "b" * 898
    assert js_words([typed], tmp_path)[0][0] == typed_address_word(typed)
    assert not address_word(source).startswith(typed_address_word(typed))
    # A segment longer is held by its first letters, as many as three figures count, alike on both sides.
    assert address_word(source + "/x").startswith(typed_address_word("un.org/" + "a" * 99 + "100" + "b" * 2_000))
