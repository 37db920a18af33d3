"""Each feature plugin stands alone: the archive builds without it, and search works on a plain Pelican site.

Builds run in processes of their own: Pelican connects a plugin's signals
for good once it is loaded, so a plugin cannot be left out of a later build
in the same process.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .browser import serve
from .build_helpers import run_build, settings_file
from .conftest import FIXTURE, ROOT
from .fixture_archive import EN_ARTICLE, PL_ARTICLE, file
from .sitewide import broken_links

# A plugin turned off, and pages of the fixture archive that only it writes.
FEATURES = {
    "timeline": ["pl/os-czasu/index.html", "en/timeline.json"],
    "countries": ["pl/kraje/index.html", "en/countries/vietnam/index.html"],
    "search": ["pl/szukaj/index.html", "pagefind/pagefind-entry.json"],
    "publishing": ["sitemap.xml", "robots.txt", "404.html", "pl/feed.atom.xml"],
    "about": ["pl/o-archiwum/index.html", "en/about/index.html"],
    "citations": ["pl/kraje/wietnam/cite.bib", f"{EN_ARTICLE.strip('/')}/cite.ris"],
    "open_data": ["data/countries.csv", "data/articles.json"],
    "annotations": [],
    "years": ["pl/2025/index.html", "en/2025/index.html"],
    "topics": ["pl/tematy/index.html", "en/topics/index.html"],
    "related": [],
}
LINKS_TO = {
    "timeline": "/pl/os-czasu/",
    "countries": "/pl/kraje/",
    "search": "/pl/szukaj/",
    "about": "/pl/o-archiwum/",
    "years": "/pl/2025/",
    "topics": "/pl/tematy/",
}


def test_with_every_plugin_the_fixture_archive_has_each_feature_page(fixture_site):
    """What the builds below must not write is there when the plugin is on: their test can fail."""
    assert [path for pages in FEATURES.values() for path in pages if not (fixture_site / path).is_file()] == []
    home = (fixture_site / "pl" / "index.html").read_text(encoding="utf-8")
    assert [url for url in LINKS_TO.values() if f'="{url}"' not in home] == []  # a link, or the search form


@pytest.mark.parametrize("plugin", FEATURES)
def test_the_archive_builds_without_each_feature_plugin(plugin, tmp_path):
    settings = settings_file(
        tmp_path, f"PLUGINS = [name for name in PLUGINS if name != {plugin!r}]\nSEARCH_INDEX = False\n"
    )
    output = tmp_path / "output"
    result = run_build(FIXTURE, output, settings)
    assert result.returncode == 0, result.stderr
    assert (output / file(PL_ARTICLE)).is_file()
    assert not [path for path in FEATURES[plugin] if (output / path).exists()]
    # No page links to what is not there (the search index itself is left out on purpose: SEARCH_INDEX).
    assert [link for link in broken_links(output) if "/pagefind/" not in link] == []
    if plugin in LINKS_TO:
        assert f'="{LINKS_TO[plugin]}"' not in (output / "pl" / "index.html").read_text(encoding="utf-8")


PLAIN_SETTINGS = """\
AUTHOR = "Someone"
SITENAME = "A plain Pelican site"
SITEURL = ""
TIMEZONE = "Europe/Warsaw"
DEFAULT_LANG = "en"
PLUGIN_PATHS = [{plugins!r}]
PLUGINS = ["search"]
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
"""
PLAIN_ARTICLES = {
    "lodz.rst": "A trip to Łódź\n##############\n\n:date: 2025-10-26\n:category: travel\n\n"
    "The delegation from Białoruś stopped in Łódź on the way to Hanoi.\n",
    "hanoi.rst": "Signing in Hanoi\n################\n\n:date: 2025-10-25\n:category: news\n\n"
    "The convention was opened for signature in Hanoi.\n",
}


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory) -> Path:
    """A site of two reStructuredText articles, Pelican's default theme, and no plugin of the archive but search."""
    root = tmp_path_factory.mktemp("plain")
    content = root / "content"
    content.mkdir()
    for name, text in PLAIN_ARTICLES.items():
        (content / name).write_text(text, encoding="utf-8")
    settings = root / "pelicanconf.py"
    settings.write_text(PLAIN_SETTINGS.format(plugins=str(ROOT / "plugins")), encoding="utf-8")
    output = root / "output"
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", str(settings), "-o", str(output)],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": ""},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def fragments(site: Path) -> dict[str, dict]:
    """Pagefind's record of each page it indexed, by URL."""
    found = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[data["url"]] = data
    return found


def test_search_indexes_a_plain_pelican_site_with_its_letters_folded(plain_site: Path):
    entry = json.loads((plain_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = sorted(path for path in plain_site.rglob("*.html") if "pagefind" not in path.parts)
    assert entry["languages"]["en"]["page_count"] == len(pages) > 2  # the default theme marks no region: all pages
    article = fragments(plain_site)["/a-trip-to-lodz.html"]
    assert "The delegation from Białoruś stopped in Łódź" in article["content"]
    assert article["meta"]["folded"] == "bialorus lodz"  # what a reader typing "Lodz" finds the page by
    assert "bialorus" not in (plain_site / "a-trip-to-lodz.html").read_text(encoding="utf-8").split("<body")[1]


@pytest.mark.browser
def test_a_reader_of_the_plain_site_finds_lodz_by_typing_lodz(plain_site: Path, page):
    for served in serve(plain_site):
        page.goto(f"{served.base_url}/index.html")
        urls = page.evaluate(
            """async query => {
                const pagefind = await import("/pagefind/pagefind.js");
                const found = await pagefind.search(query);
                return Promise.all(found.results.map(async result => (await result.data()).url));
            }""",
            "Lodz",
        )
        # The article, and the default theme's listings that show it (no page marks a region of its own).
        assert "/a-trip-to-lodz.html" in urls and "/signing-in-hanoi.html" not in urls
