"""Hard-wrapped plain text is joined into paragraphs; one paragraph per line (the seed's form) is kept."""

from __future__ import annotations

import textwrap

import pytest

from archive_core.articles import read_article
from tools.importer.decoding import decode
from tools.importer.wrapping import is_hard_wrapped

from ..conftest import SEED
from .helpers import FIXTURES, a_content_folder, as_imported, body_of, run_import
from .test_golden import COMMITTED, SEED_OPTIONS

URL = "https://www.vietnamplus.vn/le-mo-ky-cong-uoc-ha-noi-dau-an-lich-su-va-khat-vong-hop-tac-toan-cau-post1072958.vnp"
HARD_WRAPPED_BODY = """\
Po dwóch dniach aktywnej i efektywnej pracy (25 i 26 października) w Hanoi zakończyła się ceremonia podpisania \
Konwencji Narodów Zjednoczonych przeciwko cyberprzestępczości.

## Rekordowa skala

Odpowiedź ta ma zasięg globalny – bierze w niej udział 19 krajów Azji i Pacyfiku oraz 12 krajów Ameryki Łacińskiej.

::: caption
Wietnamski minister bezpieczeństwa publicznego Luong Tam Quang podpisuje Konwencję Narodów Zjednoczonych. \
(Zdjęcie: Pham Kien/VNA)
:::

Minister wskazał na dwa ważne, wspólne rezultaty, a mianowicie:

- Konwencja z Hanoi jest historycznym krokiem strategicznym, tworzącym podstawy prawne dla współpracy \
międzynarodowej i szanującym suwerenność narodową;
- obecność wielu krajów świadczy o solidarności.

Rozmowy trwały od 2019 r., a ich przebieg opisano jako wzorzec dla innych: przykład współpracy w regionie \
Azji-Pacyfiku, z udziałem Wietnamu.

(TTXVN/Wietnam+)
"""


def numbered_lines(path):
    text = decode(path, path.read_bytes())
    return list(enumerate(text.split("\n"), start=1))


def test_hard_wrapped_paragraphs_are_joined(capsys, tmp_path):
    result = run_import(capsys, FIXTURES / "hard-wrapped.txt", tmp_path, "--date", "2025-10-26")
    assert result.code == 0, result.err
    assert body_of(result.path) == "\n" + HARD_WRAPPED_BODY
    meta = read_article(result.path).meta
    assert meta.title == "Konwencja z Hanoi otwarta do podpisu"  # the first block, one short line
    assert meta.source.url == URL  # "Source:" with the address wrapped onto the next line
    assert meta.source.publisher == "TTXVN/Wietnam+"
    assert "hard-wrapped.txt:33: dropped page residue: 'Udostępnij'" in result.err


@pytest.mark.parametrize("width", [60, 72, 100])
def test_the_seed_wrapped_at_any_width_imports_as_the_committed_article(capsys, tmp_path, width):
    paragraphs = [line for line in SEED.read_text(encoding="utf-8").split("\n") if line.strip()]
    wrapped = "\n\n".join(textwrap.fill(p, width, break_long_words=False, break_on_hyphens=False) for p in paragraphs)
    dest = a_content_folder(tmp_path / "out")  # with the data the committed article was imported with
    source = dest / "sources" / SEED.name  # kept as the raw copy, as the seed is
    source.parent.mkdir(parents=True)
    source.write_text(wrapped + "\n", encoding="utf-8")
    assert is_hard_wrapped(numbered_lines(source))
    result = run_import(capsys, source, dest, *SEED_OPTIONS)
    assert result.code == 0, result.err
    assert result.path.read_bytes() == as_imported(COMMITTED)


@pytest.mark.parametrize(
    "path",
    [SEED, *sorted(FIXTURES.glob("*.txt"))],
    ids=lambda path: path.name,
)
def test_one_paragraph_per_line_is_not_taken_for_wrapped_text(path):
    assert is_hard_wrapped(numbered_lines(path)) is (path.name == "hard-wrapped.txt")


def test_without_blank_lines_each_line_stays_a_paragraph(capsys, tmp_path):
    """Blocks between blank lines are what wrapped paragraphs look like; without them nothing is joined."""
    source = tmp_path / "lines.txt"
    source.write_text(f"Pierwsze zdanie artykułu o konwencji,\nktóre trwa w drugiej linii.\nSource: {URL}\n")
    result = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26", "--lang", "pl")
    assert result.code == 0, result.err
    assert body_of(result.path) == "\nPierwsze zdanie artykułu o konwencji,\n\nktóre trwa w drugiej linii.\n"


@pytest.mark.parametrize("lone", ["*", " *", "-", "•", "* * *", "—", "***"])
def test_a_line_without_a_word_is_never_joined_to_its_neighbours(capsys, tmp_path, lone):
    """A lone marker or a separator is text of its own: joining it to the next line made a list item of it
    (`*` over `gwiazdka` became `- gwiazdka`, the `*` lost), and it is no evidence that a text is wrapped."""
    source = tmp_path / "lone.txt"
    source.write_text(
        f"Tytuł artykułu o konwencji\n\nPierwszy akapit tekstu o konwencji.\n\n{lone}\ngwiazdka\n\nDrugi akapit.\n",
        encoding="utf-8",
    )
    assert not is_hard_wrapped(numbered_lines(source))
    result = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26", "--lang", "pl", "--source-url", URL)
    assert result.code == 0, result.err
    body = body_of(result.path)
    assert "gwiazdka" in body and "- gwiazdka" not in body
    assert lone.strip().replace("*", r"\*") in body or lone.strip() in body


def test_a_line_without_a_word_inside_a_wrapped_text_stays_its_own_block(capsys, tmp_path):
    wrapped = textwrap.fill("Pierwszy akapit tekstu o konwencji, " * 6, 50)
    source = tmp_path / "wrapped.txt"
    source.write_text(f"Tytuł artykułu o konwencji\n\n{wrapped}\n\n*\ngwiazdka\n\n{wrapped}\nSource: {URL}\n")
    assert is_hard_wrapped(numbered_lines(source))
    result = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26", "--lang", "pl")
    assert result.code == 0, result.err
    body = body_of(result.path)
    assert "\n\\*\n\n" in body and "gwiazdka" in body and "- gwiazdka" not in body
