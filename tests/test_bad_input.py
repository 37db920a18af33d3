"""Every kind of bad input is refused with the file named, and the last good output is kept."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from .build_helpers import leftovers, tree_snapshot
from .conftest import FIXTURE, build_site

NEW = "2025/good-article.en.md"  # where most cases put their bad file
GOOD = """---
title: "A good article"
date: 2025-10-27
lang: en
translation_key: good-article
countries: [VN]
source:
  url: https://example.org/a
  publisher: Example
---

Lead paragraph.
"""
BOMB = (
    "---\n"
    + "\n".join(
        [
            'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
            *(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]" for i in range(8)),
        ]
    )
    + "\n---\nText.\n"
)


def good(old: str = "", new: str = "") -> str:
    return GOOD.replace(old, new) if old else GOOD


# name: (file it is written to, its bytes or text, what the error says)
CASES: dict[str, tuple[str, str | bytes, str]] = {
    "broken YAML": (NEW, good("countries: [VN]", "countries: [VN"), "front-matter: YAML error"),
    "unclosed fence": (NEW, "---\ntitle: x\nlang: en\n\nText.\n", "is never closed"),
    "no fence": (NEW, "title: x\n\nText.\n", "does not start with a '---' line"),
    "empty file": (NEW, "", "file: the file is empty"),
    "blank file": (NEW, "\n  \n", "file: the file is empty"),
    "binary file": (NEW, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "file: the file is binary"),
    "invalid UTF-8": (NEW, good("Lead", "Le\xe9d").encode("latin-1"), "file: invalid UTF-8"),
    "missing title": (NEW, good('title: "A good article"\n'), "title: is missing"),
    "missing date": (NEW, good("date: 2025-10-27\n"), "date: is missing"),
    "missing lang": (NEW, good("lang: en\n"), "lang: is missing"),
    "missing translation_key": (NEW, good("translation_key: good-article\n"), "translation_key"),
    "missing source.url": (NEW, good("  url: https://example.org/a\n"), "source.url: is missing"),
    "a correction without its change": (
        NEW,
        good("lang: en\n", "lang: en\ncorrections:\n  - date: 2025-10-28\n    reason: a typo\n"),
        ":6: corrections.0.change: is missing (add `change: ...` to item 1 of `corrections:`)",
    ),
    "an annotation of an unknown kind": (
        NEW,
        good("lang: en\n", "lang: en\nannotations:\n  - text: Lead paragraph\n    kind: typo\n    note: x\n"),
        ":7: annotations.0.kind: must be one of sic, translation, quote, editor, not 'typo' (sic: the source's "
        "spelling kept; translation: a translator's note;",
    ),
    "title as a number": (
        NEW,
        good('"A good article"', "2025"),
        'title: is a number (write it as text in quotes: title: "2025")',
    ),
    "countries not a list": (
        NEW,
        good("[VN]", "VN"),
        "countries: is text, not a list (write it as a list: countries: [VN])",
    ),
    "source not a mapping": (
        NEW,
        good("source:\n  url: https://example.org/a\n  publisher: Example", "source: https://example.org/a"),
        "source: is text, not a mapping (write `source:` alone on its line, and under it, indented, `url: https://",
    ),
    "unknown field": (NEW, good("lang: en", "lang: en\nauthr: X"), "authr: is not a known field"),
    "topics, as other sites call tags": (
        NEW,
        good("lang: en", "lang: en\ntopics: [ratification]"),
        ":5: topics: is not a known field (did you mean `tags`?)",
    ),
    "the author, which the archive names as the publisher": (
        NEW,
        good("lang: en", "lang: en\nauthor: X"),
        ":5: author: is not a known field (the archive has no author field: name who published the original with "
        "`publisher:` under `source:`)",
    ),
    "impossible date": (NEW, good("2025-10-27", "2025-02-30"), "date: impossible date"),
    # Read as no value, it was told "is missing", the tag never named.
    "a title tagged as no value": (
        NEW,
        good('"A good article"', "!!null A good article"),
        ":2: title: is tagged !!null, which makes `A good article` no value, not text (tags are not allowed: delete "
        "!!null, and write the value as it is: `title: A good article`)",
    ),
    "date as text": (
        NEW,
        good("2025-10-27", "27.10.2025"),
        ":3: date: '27.10.2025' is not a date (write 2025-10-27: dates are YYYY-MM-DD)",
    ),
    "date written day first, either way a date": (
        NEW,
        good("2025-10-27", "05/10/2025"),
        "date: '05/10/2025' is not a date (write 2025-10-05 or 2025-05-10, whichever is meant: dates are YYYY-MM-DD)",
    ),
    "unknown language": (NEW, good("lang: en", "lang: de"), "lang: must be one of pl, en"),
    "unknown country": (NEW, good("[VN]", "[VN, XX]"), "countries.1: 'XX' is not a known country"),
    # Sark: CLDR names it in English, not in Polish; it passed the check and the build failed with a KeyError.
    "a country only one language names": (NEW, good("[VN]", "[VN, CQ]"), "countries.1: 'CQ' is not a known country"),
    "a country by its name": (
        NEW,
        good("[VN]", "[Vietnam, Niemcy]"),
        ":6: countries.0: 'Vietnam' is not a known country code (write VN: a country is its ISO 3166-1 alpha-2 code, "
        "in capitals, or EU)",
    ),
    "a country code in lower case": (
        NEW,
        good("[VN]", "[vn]"),
        "countries.0: 'vn' is not a known country code (write VN:",
    ),
    "the UK": (NEW, good("[VN]", "[UK]"), "countries.0: 'UK' is not a known country code (write GB:"),
    "ftp source URL": (NEW, good("https://example.org/a", "ftp://example.org/a"), "source.url"),
    "source URL without its scheme": (
        NEW,
        good("https://example.org/a", "www.example.org/a"),
        ":8: source.url: 'www.example.org/a' is not an http(s) address (give the full https://... address of the "
        "original: it has no scheme; write `https://` before it (`http://` where the site has no https))",
    ),
    "javascript source URL": (
        NEW,
        good("https://example.org/a", "javascript:alert(1)"),
        "source.url",
    ),
    "slug leaving the output folder": (
        NEW,
        good("lang: en", "lang: en\nslug: ../../../../tmp/escaped"),
        "slug: '../../../../tmp/escaped' is not a valid slug",
    ),
    "absolute slug": (NEW, good("lang: en", "lang: en\nslug: /etc/x"), "slug: '/etc/x' is not"),
    "translation_key leaving the folder": (
        NEW,
        good("translation_key: good-article", "translation_key: ../../x"),
        "translation_key: '../../x' is not a valid slug",
    ),
    "YAML alias bomb": (NEW, BOMB, "front-matter: YAML anchors and aliases"),
    "duplicate translation": (
        "2026/signing-in-hanoi.pl.md",  # placed by its date, so only the duplicate is wrong
        (FIXTURE / "articles" / "2025" / "signing-in-hanoi.pl.md")
        .read_text(encoding="utf-8")
        .replace("date: 2025-10-26", "date: 2026-01-02"),
        "signing-in-hanoi.pl.md:5: translation_key: 'signing-in-hanoi' in 'pl' is also used by",  # at its line
    ),
    "javascript: link in the body": (
        NEW,
        GOOD + "\n[x](javascript:alert(1))\n",
        "body: link target",
    ),
    "data: link in the body": (
        NEW,
        GOOD + "\n[x](data:text/html,<b>x</b>)\n",
        "body: link target",
    ),
    "vbscript: image in the body": (NEW, GOOD + "\n![x](vbscript:msgbox)\n", "body: link target"),
    "a caption never closed": (
        NEW,
        GOOD + "\n::: caption\nThe hall. (Photo: X/Y)\n\nThe text goes on.\n",
        ":14: body: has a `::: caption` that is never closed: all the text after it would be its caption (end the "
        "caption with a line `:::` right after its text)",
    ),
    "a caption of two paragraphs": (
        NEW,
        GOOD + "\n::: caption\nThe hall.\n\nThe text goes on.\n:::\n",
        ":14: body: has a `::: caption` that holds more than one paragraph",
    ),
    "a # heading in the body": (
        NEW,
        GOOD + "\n# Record scale\n\nText.\n",
        ":14: body: has a `#` heading, which would be a second title of the page (the page's title is the "
        "front-matter's `title:`; write a subheading as `## ...`)",
    ),
    # Pasted from a page whose subheadings are h3: valid for the check, then the page's outline went from the title
    # (h1) to an h3, which screen readers list as a gap and the Nu checker refuses.
    "a body whose first heading skips a level": (
        NEW,
        GOOD + "\n### Record scale\n\nText.\n",
        ":14: body: has a `###` heading right after the page's title, which skips a level of the page's outline "
        "(write it as `##`: each heading one level below the one before it, or any level above)",
    ),
    "a heading that skips a level after another": (
        NEW,
        GOOD + "\n## Record scale\n\nText.\n\n### Delegations\n\nText.\n\n##### Asia\n\nText.\n",
        ":22: body: has a `#####` heading right after a `###` heading, which skips a level of the page's outline "
        "(write it as `####`",
    ),
    "a heading underlined with = in the body": (
        NEW,
        GOOD + "\nRecord scale\n===\n\nText.\n",
        ":14: body: has a `#` heading",
    ),
    "link to a missing article": (
        NEW,
        GOOD + "\nSee [x]({filename}/articles/2025/missing.en.md).\n",
        "body: link '{filename}/articles/2025/missing.en.md' points to an article that is not in the archive",
    ),
    "two articles at one address": (
        "2025/other-article.pl.md",
        "---\ntitle: Inny\ndate: 2025-05-01\nlang: pl\ntranslation_key: other-article\n"
        "slug: konwencja-podpisana-w-hanoi\nsource:\n  url: https://example.org/o\n  publisher: P\n---\nTekst.\n",
        "other-article.pl.md:6: slug: 'konwencja-podpisana-w-hanoi' is also the address of",
    ),
    "two articles at one address, by a slug made from the title": (
        "2025/zz-other-article.pl.md",  # told as the fixture's article is
        "---\ntitle: Konwencja podpisana w Hanoi\ndate: 2025-05-01\nlang: pl\ntranslation_key: zz-other-article\n"
        "source:\n  url: https://example.org/o\n  publisher: P\n---\nTekst.\n",
        "zz-other-article.pl.md:2: title: makes the address 'konwencja-podpisana-w-hanoi', which is also the address"
        " of",  # the title's line
    ),
    "no source": (NEW, good("source:\n  url: https://example.org/a\n  publisher: Example\n"), "source: is missing"),
    "a scaffold left as it is": (
        NEW,
        good("url: https://example.org/a\n  publisher: Example", "url: https://...\n  publisher: ...").split("---\n\n")[
            0
        ]
        + "---\n",
        "source.url: is still the placeholder 'https://...'",
    ),
    "a title still to write": (NEW, good('"A good article"', '"..."'), "title: is still the placeholder '...'"),
    "an empty body": (NEW, GOOD.split("---\n\n")[0] + "---\n\n  \n", "body: is empty"),
    "no publisher, and none known for the site": (
        NEW,
        good("  publisher: Example\n"),
        "source.publisher: is missing (name who published the original (`publisher:` under `source:`), or add its "
        "site example.org to content/data/publishers.yaml)",
    ),
    "a raw copy that is not there": (
        NEW,
        good("  publisher: Example\n", "  publisher: Example\n  raw: sources/missing.txt\n"),
        "source.raw: 'sources/missing.txt' is not a file in the content folder's sources/",
    ),
    "a raw copy outside sources/": (
        NEW,
        good("  publisher: Example\n", "  publisher: Example\n  raw: ../../etc/passwd\n"),
        "source.raw: '../../etc/passwd' is not a file under sources/",
    ),
    "a field indented with a tab": (
        NEW,
        good("  url:", "\turl:"),
        ":8: front-matter: this line is indented with a tab, which YAML does not read as indentation (indent this "
        "line with 2 spaces, as the lines around it are)",
    ),
    "a translation from a language the archive does not have": (
        NEW,
        good("lang: en\n", "lang: en\ntranslation:\n  from: de\n  by: X\n"),
        "translation.from: must be the other archive language, not 'de' (`translation:` is only on a version "
        "translated from the archive's pl version; a text translated from a source in 'de' records that as "
        "`translation_chain: [{from: de, to: en, by: ...}]` instead)",
    ),
    "two versions, neither a translation": (
        "2025/signing-in-hanoi.en.md",  # the fixture's translation, its `translation:` deleted
        (FIXTURE / "articles" / "2025" / "signing-in-hanoi.en.md")
        .read_text(encoding="utf-8")
        .replace("translation:\n  from: pl\n  by: the fixture's authors\n", ""),
        "signing-in-hanoi.pl.md:5: translation: the 'en' version",  # on the version read last, naming the other
    ),
    "a Polish file, with its translation chain, marked as English": (
        "2025/good-article.pl.md",
        good("lang: en\n", "lang: en\ntranslation_chain:\n  - from: de\n    to: pl\n    by: X\n"),
        ":7: translation_chain.0.to: must be 'en', this file's language (the last step ends in this file's "
        "language; or correct `lang: en` if the file is in 'pl')",
    ),
    "a Polish file marked as English": (
        "2025/good-article.pl.md",
        GOOD,
        ":4: lang: is 'en', but the file's name good-article.pl.md says 'pl' (write `lang: pl` if the text is in "
        "'pl'; if it is in 'en', rename the file to good-article.en.md, in its folder)",
    ),
    "file in the wrong place": (
        "2025/other-name.en.md",
        GOOD,
        ":5: translation_key: 'good-article' is not the key the file is named by, 'other-name'",
    ),
    "not a Markdown file": ("2025/notes.txt", "draft", "file: is not a Markdown article"),
}


@pytest.fixture(scope="module")
def good_output(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("good") / "output", FIXTURE)


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_refused_and_the_last_good_output_kept(case, good_output, content_copy, tmp_path):
    name, data, expected = CASES[case]
    path = content_copy / "articles" / name
    path.parent.mkdir(exist_ok=True)
    write: Callable = path.write_bytes if isinstance(data, bytes) else path.write_text
    write(data)
    message = refused(good_output, content_copy, tmp_path)
    assert f"{path}:" in message or f"{path} " in message, message
    assert expected in message.replace(f"{content_copy}/", "content/"), message  # hints name the folder checked


def refused(good_output: Path, content: Path, tmp_path: Path) -> str:
    """The message of a build of `content` over a copy of the good output: it fails, the output is untouched."""
    output = tmp_path / "site" / "output"
    shutil.copytree(good_output, output)
    before = tree_snapshot(output)

    with pytest.raises(SystemExit) as failure:
        build_site(output, content)

    assert failure.value.code == 1
    assert tree_snapshot(output) == before
    assert leftovers(output) == []
    return str(failure.value)


def test_the_baseline_article_of_the_cases_builds(content_copy, tmp_path):
    (content_copy / "articles" / NEW).write_text(GOOD, encoding="utf-8")
    output = build_site(tmp_path / "output", content_copy)
    assert (output / "en" / "2025" / "a-good-article" / "index.html").is_file()


def test_a_file_saved_by_a_windows_editor_is_the_same_article(good_output, content_copy, tmp_path):
    # Not a mistake: a BOM and CRLF line ends (Notepad's UTF-8) are dropped on reading, and nothing else is.
    path = content_copy / "articles" / "2025" / "signing-in-hanoi.en.md"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    output = build_site(tmp_path / "output", content_copy)
    for page in ("en/2025/convention-signed-in-hanoi/index.html", "en/index.html", "en/feed.atom.xml"):
        assert (output / page).read_bytes() == (good_output / page).read_bytes(), page


def test_curated_data_that_contradicts_the_timeline_is_refused_and_the_last_good_output_kept(
    good_output, content_copy, tmp_path
):
    """Valid field by field, at odds with another file (archive_core.agreement): the build stops as `make check`."""
    path = content_copy / "data" / "countries.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "- code: PL\n  status: signed\n  date: 2025-10-25", "- code: PL\n  status: signed\n  date: 2025-11-03"
        ),
        "utf-8",
    )
    message = refused(good_output, content_copy, tmp_path)
    assert f"{path}:19: PL.date: 2025-11-03 is after the signing ceremony at Hanoi" in message, message
