"""Importing the seed (the archive's first source, as received; the tests keep their own copy in
tests/importer/fixtures/seed/), kept in the content folder's sources/, gives the expected article byte for byte
(tests/importer/fixtures/seed.expected.md: the article as first imported, pointing to its raw copy), and its page
shows every sentence of it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from archive_core.articles import read_article

from .. import invariants
from ..conftest import FIXTURE, ROOT, SEED, build_site
from .helpers import CONTENT, FIXTURES, a_content_folder, body_of, run_import, written_files

COMMITTED = FIXTURES / "seed.expected.md"
TITLE = "Ceremonia otwarcia do podpisu Konwencji z Hanoi: historyczny ślad i dążenie do globalnej współpracy"
NOTE = (
    "Źródło nie ma tytułu: tytuł jest przekładem tytułu wietnamskiego, odczytanego z adresu artykułu "
    "(„Le mo ky Cong uoc Ha Noi: dau an lich su va khat vong hop tac toan cau”). Tekst polski, tłumaczenie "
    "reportażu VietnamPlus, zachowano bez zmian, także pisownię nazwisk."
)
SEED_OPTIONS = (
    *("--date", "2025-10-26", "--title", TITLE, "--note", NOTE),
    *("--key", "hanoi-convention-signing-ceremony", "--slug", "otwarcie-konwencji-z-hanoi-do-podpisu"),
)


def raw_copy(dest: Path) -> Path:
    """The seed where a contributor keeps it: in the content folder's sources/."""
    copy = dest / "sources" / SEED.name
    if not copy.exists():
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SEED, copy)
    return copy


def import_seed(capsys, dest, *extra):
    """The seed imported into `dest`, a content folder with the data the committed article was imported with."""
    return run_import(capsys, raw_copy(a_content_folder(dest)), dest, *SEED_OPTIONS, *extra)


def test_seed_reproduces_the_committed_article(capsys, tmp_path):
    result = import_seed(capsys, tmp_path)
    assert result.code == 0, result.err
    assert result.path == tmp_path / "articles" / "2025" / "hanoi-convention-signing-ceremony.pl.md"
    assert result.path.read_bytes() == COMMITTED.read_bytes()
    data = [tmp_path / path.relative_to(CONTENT) for path in written_files(CONTENT)]
    assert written_files(tmp_path) == sorted([result.path, raw_copy(tmp_path), *data])
    assert f"raw: sources/{SEED.name}\n" in result.path.read_text(encoding="utf-8")


def test_a_source_outside_the_content_folder_has_no_raw_copy_and_the_importer_says_so(capsys, tmp_path):
    result = run_import(capsys, SEED, tmp_path, *SEED_OPTIONS)
    assert result.code == 0, result.err
    assert "raw:" not in result.path.read_text(encoding="utf-8")
    assert "warning: source.raw: not in" in result.err


def test_every_sentence_of_the_seed_is_on_its_built_page(capsys, tmp_path):
    """Imported into an archive (the fixture's) and built: the page a reader reads holds the whole source."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    assert import_seed(capsys, content).code == 0
    site = build_site(tmp_path / "output", content)
    assert invariants.seed_problems(content, site, raw_copy(content)) == []


def test_seed_metadata_comes_from_the_text(capsys, tmp_path):
    meta = read_article(import_seed(capsys, tmp_path).path).meta
    assert meta.source.publisher == "TTXVN/Wietnam+"  # the agency credit line
    assert meta.source.url.startswith("https://www.vietnamplus.vn/")  # the Source: line
    assert meta.countries == ("BY", "EU", "VN", "ZA")  # Białorusi, UE, Wietnamu, południowoafrykańska
    assert meta.lang == "pl"  # detected
    assert meta.summary.startswith("Po dwóch dniach aktywnej")  # the lead


def test_every_sentence_of_the_seed_is_in_the_output_in_order(capsys, tmp_path):
    body = body_of(import_seed(capsys, tmp_path).path)
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    article_lines = [line for line in lines if not line.startswith("Source:") and line != "Komentarz (0)"]
    sentences = [s for line in article_lines for s in re.split(r"(?<=[.!?”])\s+(?=[A-ZŁŚŻŹ„(])", line)]
    assert len(sentences) > len(article_lines) > 40
    position = 0
    for sentence in sentences:
        found = body.find(sentence, position)
        assert found >= 0, f"missing or out of order: {sentence!r}"
        position = found + len(sentence)
    assert "Source:" not in body and "Komentarz" not in body
    assert body.rstrip().endswith("(TTXVN/Wietnam+)")


def test_seed_structure_headings_captions_list(capsys, tmp_path):
    doc = read_article(import_seed(capsys, tmp_path).path)
    assert doc.html.count("<h2 id=") == 3
    assert doc.html.count('<figure class="caption">') == 4
    assert '<span class="credit">(Zdjęcie: Pham Kien/VNA)</span>' in doc.html
    assert doc.html.count("<li>") == 3


def test_importing_twice_gives_the_same_file(capsys, tmp_path):
    first = import_seed(capsys, tmp_path)
    content = first.path.read_bytes()
    second = import_seed(capsys, tmp_path)
    assert second.code == 0 and second.path == first.path
    assert second.out.startswith("unchanged, already imported: ") and "unchanged" not in first.out
    assert first.path.read_bytes() == content


def test_a_different_existing_file_is_not_overwritten_without_force(capsys, tmp_path):
    path = import_seed(capsys, tmp_path).path
    path.write_text(path.read_text(encoding="utf-8").replace("Wietnam zobowiązuje", "Edited"), encoding="utf-8")
    edited = path.read_bytes()
    refused = import_seed(capsys, tmp_path)
    assert refused.code == 1
    assert "already exists and differs" in refused.err and "FORCE=1" in refused.err
    assert path.read_bytes() == edited
    forced = import_seed(capsys, tmp_path, "--force")
    assert forced.code == 0 and path.read_bytes() == COMMITTED.read_bytes()


def test_make_import_ignores_the_locale_in_LANG(tmp_path):
    """`make import` passes its options through; the environment's LANG (a locale) is not the article's language."""
    source = raw_copy(a_content_folder(tmp_path))
    result = subprocess.run(
        ["make", "--no-print-directory", "import", f"SRC={source}", f"DEST={tmp_path}", "DATE=2025-10-26",
         f"TITLE={TITLE}", f"NOTE={NOTE}", "KEY=hanoi-convention-signing-ceremony",
         "SLUG=otwarcie-konwencji-z-hanoi-do-podpisu"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "ARCHIVE_CONTENT": str(tmp_path)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    written = tmp_path / "articles" / "2025" / "hanoi-convention-signing-ceremony.pl.md"
    said, next_step = result.stdout.splitlines()  # what it did, as `make new` says `created ...`; what is left
    assert said == f"imported {source} -> {written}"
    assert next_step.startswith(f"next: compare {written} with the source, word for word; ")
    assert written.read_bytes() == COMMITTED.read_bytes()
