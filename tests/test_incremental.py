"""The devserver's incremental update writes the same site as a full build of the edited content."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from jinja2 import Template
from pelican.generators import ArticlesGenerator

from archive_core.errors import BuildFailed
from tools import fingerprint
from tools.bench.corpus import write_corpus
from tools.build import BuildError, build_if_changed
from tools.check import check
from tools.incremental import Rewritten, SelectiveWriter, Site, UpdateFailed

from .build_faults import FAULT_MARK
from .build_helpers import pages_snapshot as tree_snapshot
from .build_helpers import settings_file
from .conftest import ROOT, SETTINGS, build_site

PAIRS = 30


@pytest.fixture
def corpus(tmp_path) -> Path:
    return write_corpus(PAIRS, tmp_path / "corpus") / "archive"


@pytest.fixture
def site(corpus, tmp_path, monkeypatch) -> Site:
    monkeypatch.setenv("ARCHIVE_CONTENT", str(corpus))
    site = Site(SETTINGS, tmp_path / "incremental")
    site.full({"SEARCH_INDEX": False})  # the pages are compared; the index is the next full build's
    return site


def test_an_edited_article_gives_the_same_output_as_a_full_build(corpus, site, tmp_path):
    edited = sorted(corpus.rglob("*.pl.md"))[3]
    text = edited.read_text()
    edited.write_text(
        text.replace("\n---\n", "\nsummary: Nowe streszczenie, z łącznikiem.\n---\n", 1) + "\nNowe zdanie.\n"
    )
    updated = site.update([edited])
    assert updated is not None
    assert updated.kept > 0, "listing pages without the article were rendered again"
    full = build_site(tmp_path / "full", corpus)
    assert tree_snapshot(site.output) == tree_snapshot(full)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('publisher: "', 'publisher: "Edited '),  # the timeline, the citations and the listings show it
        ("url: https://example.org/", "url: https://example.org/edited/"),  # the citations' original URL
        ("\n---\n", "\neditor_note: Poprawiono pisownię.\n---\n"),
    ],
)
def test_an_edit_of_the_front_matter_in_place_gives_the_same_output_as_a_full_build(corpus, site, tmp_path, old, new):
    edited = sorted(corpus.rglob("*.pl.md"))[5]
    text = edited.read_text()
    assert old in text
    edited.write_text(text.replace(old, new, 1))
    assert site.update([edited]) is not None
    assert tree_snapshot(site.output) == tree_snapshot(build_site(tmp_path / "full", corpus))


def test_an_edit_of_the_body_alone_derives_nothing_again(corpus, site):
    """What plugins derive from every article's front-matter (archive_core.derived) is kept, not made again."""
    timeline = next(g for g in site.generators if type(g).__name__ == "TimelineGenerator")
    before = timeline.timelines
    edited = sorted(corpus.rglob("*.en.md"))[2]
    edited.write_text(edited.read_text() + "\nOne more sentence at the end.\n")
    assert site.update([edited]) is not None
    assert timeline.timelines is before
    edited.write_text(edited.read_text().replace("\n---\n", "\nsummary: A new summary.\n---\n", 1))
    assert site.update([edited]) is not None
    assert timeline.timelines is not before


def test_an_edit_that_moves_the_article_needs_a_full_build(corpus, site):
    edited = sorted(corpus.rglob("*.en.md"))[0]
    edited.write_text(edited.read_text().replace('title: "', 'title: "Moved: ', 1))  # the slug follows the title
    assert site.update([edited]) is None


def test_a_new_file_needs_a_full_build(corpus, site):
    new = corpus / "articles" / "2025" / "new-article.pl.md"
    new.write_text(sorted(corpus.rglob("*.pl.md"))[0].read_text())
    assert site.update([new]) is None


def test_an_edit_of_the_body_alone_leaves_every_listing_as_it_was(corpus, site, tmp_path):
    edited = sorted(corpus.rglob("*.pl.md"))[3]
    # Files written for another article (its citation files) are left as they are.
    key = next(a.translation_key for a in _articles(site) if a.source_path == str(edited))
    kept = next(a for a in _articles(site) if a.translation_key != key)
    other = {path: path.stat().st_mtime_ns for path in (site.output / kept.save_as).parent.glob("cite.*")}
    untouched = site.update([edited])  # the article's own pages, and the pages that list no article
    assert len(other) == 3 and all(path.stat().st_mtime_ns == mtime for path, mtime in other.items())
    listings = {path: path.stat().st_mtime_ns for path in site.output.glob("*/index.html")}  # the home pages
    edited.write_text(edited.read_text() + "\nZdanie dopisane na końcu, poza streszczeniem.\n")
    body = site.update([edited])
    assert listings and all(path.stat().st_mtime_ns == mtime for path, mtime in listings.items()), "written again"
    assert body is not None and untouched is not None
    # The listings, country pages and timeline (page and JSON) that show the article are kept...
    assert body.rendered == untouched.rendered
    full = build_site(tmp_path / "full", corpus)
    assert tree_snapshot(site.output) == tree_snapshot(full)
    # ...but not when what they show of it changes.
    edited.write_text(edited.read_text().replace("\n---\n", "\nsummary: Nowe streszczenie.\n---\n", 1))
    assert site.update([edited]).rendered > body.rendered


def _articles(site: Site) -> list:
    generator = next(g for g in site.generators if isinstance(g, ArticlesGenerator))
    return [*generator.articles, *generator.translations]


def test_an_edit_that_make_check_refuses_is_refused_and_not_served(corpus, site):
    # A link to an article that does not exist is a problem between files: the devserver checks them all.
    edited = sorted(corpus.rglob("*.pl.md"))[3]
    before = tree_snapshot(site.output)
    edited.write_text(edited.read_text() + "\nZob. [brak]({filename}/articles/2025/brak.pl.md).\n")
    with pytest.raises(BuildFailed) as refused:
        site.update([edited])
    assert [str(problem) for problem in refused.value.problems] == [str(problem) for problem in check(corpus)]
    assert "brak.pl.md" in str(refused.value)
    assert tree_snapshot(site.output) == before


@pytest.mark.parametrize("name", ["../escaped.html", "link/escaped.html"])
def test_the_update_writes_nothing_outside_the_served_folder(tmp_path, name):
    """The update writes into the served folder in place: its writer refuses what every build's writer refuses."""
    output, elsewhere = tmp_path / "output", tmp_path / "elsewhere"
    output.mkdir()
    elsewhere.mkdir()
    (output / "link").symlink_to(elsewhere)
    writer = SelectiveWriter(str(output), settings={"PAGINATED_TEMPLATES": {}}, affected=set(), relisted=set())
    with pytest.raises(BuildFailed, match="would be written outside the output folder"):
        writer.write_file(name, Template("<p>x</p>"), {"output_file": name})
    assert not list(tmp_path.rglob("escaped.html"))


class _Cyclic:
    def __init__(self) -> None:
        self.itself = self


def test_a_full_build_keeps_its_objects_out_of_the_collectors_passes_until_the_next(corpus, site):
    held = _Cyclic()  # an object alive during a full build, as the build's own are
    ref = weakref.ref(held)
    site.full({"SEARCH_INDEX": False})
    del held
    gc.collect()
    assert ref() is not None, "the collector still scans what the last full build left"
    site.full({"SEARCH_INDEX": False})
    gc.collect()
    assert ref() is None, "what the last full build left is never collected: a devserver's memory would grow"


def test_a_full_build_lets_the_last_full_builds_articles_go(site):
    """Pelican caches each article's rendered text class-wide, keyed on the article: a devserver that builds
    in full again and again would keep every article it ever read."""
    articles = next(g for g in site.generators if isinstance(g, ArticlesGenerator)).articles
    assert articles
    refs = [weakref.ref(article) for article in articles]
    del articles
    site.full({"SEARCH_INDEX": False})
    gc.collect()
    assert not [ref() for ref in refs if ref() is not None], "an article of the last full build is still held"


def test_the_devserver_keeps_the_articles_html_when_its_full_build_indexes(corpus, tmp_path, monkeypatch):
    """`make html` lets go of the articles' HTML when the index starts; the devserver renders again from them."""
    monkeypatch.setenv("ARCHIVE_CONTENT", str(corpus))
    site = Site(SETTINGS, tmp_path / "indexed")
    site.full({"SEARCH_INDEX": True})
    assert (site.output / "pagefind" / "pagefind-entry.json").is_file()
    articles = next(g for g in site.generators if isinstance(g, ArticlesGenerator)).articles
    assert articles and all(article.content for article in articles)


def fault_settings(folder: Path, fault: str) -> Path:
    return settings_file(
        folder,
        f"PLUGIN_PATHS = [{str(ROOT / 'tests')!r}]\nPLUGINS = [*PLUGINS, 'build_faults']\nBUILD_FAULT = {fault!r}\n",
    )


def test_a_build_again_in_the_same_process_stops_on_the_error_the_last_one_stopped_on(corpus, tmp_path, monkeypatch):
    """Pelican logs a warning once a process (its LimitFilter): the devserver's second full build of a link Pelican
    cannot resolve was not told it, counted no error, and published the link, broken."""
    monkeypatch.setenv("ARCHIVE_CONTENT", str(corpus))
    site = Site(fault_settings(tmp_path, "unresolved-link"), tmp_path / "incremental")
    for _ in range(2):
        with pytest.raises(BuildError, match=r"Unable to find '/articles/2025/nowhere\.en\.md'"):
            site.full({"SEARCH_INDEX": False})


def test_an_error_logged_during_an_update_is_counted_and_told_as_a_full_build_tells_it(corpus, tmp_path, monkeypatch):
    """A full build stops on an error logged while it renders (a link of the site Pelican cannot resolve: `make
    check` never saw it); the update wrote the page, said 'updated', and left output/'s fingerprint that of the full
    build until it had written every page."""
    settings = fault_settings(tmp_path, "unresolved-link-where-marked")
    monkeypatch.setenv("ARCHIVE_CONTENT", str(corpus))
    site = Site(settings, tmp_path / "incremental")
    site.full({"SEARCH_INDEX": False})
    assert fingerprint.recall(site.output, "fingerprint", 4096) is not None
    edited = sorted(corpus.rglob("*.pl.md"))[3]
    edited.write_text(edited.read_text() + f"\n{FAULT_MARK}\n")
    served = _files(site.output)
    with pytest.raises(UpdateFailed) as update:
        site.update([edited])
    assert not update.value.written
    assert _files(site.output) == served  # the pages it wrote put back as they were: the last good site's
    assert fingerprint.recall(site.output, "fingerprint", 4096) is None  # no record says so: `make html` builds
    with pytest.raises(BuildError) as full:
        build_if_changed(settings, tmp_path / "full", {"SEARCH_INDEX": False}, reuse=False)
    told = str(full.value).replace("during the build", "during the update")
    assert str(update.value) == told, (str(update.value), str(full.value))
    assert "1 error(s) logged during the update:\n  Unable to find '/articles/2025/nowhere.en.md'" in told


def test_the_devserver_tells_an_update_that_logged_an_error_as_failed_not_as_updated(
    corpus, tmp_path, monkeypatch, capsys
):
    from watchfiles import Change

    from tools.devserver import Served, on_change
    from tools.live_reload import Builds

    monkeypatch.setenv("ARCHIVE_CONTENT", str(corpus))
    served = Served(Site(fault_settings(tmp_path, "unresolved-link-where-marked"), tmp_path / "incremental"), Builds())
    served.site.full({"SEARCH_INDEX": False})
    version = served.builds.version
    edited = sorted(corpus.rglob("*.pl.md"))[3]
    edited.write_text(edited.read_text() + f"\n{FAULT_MARK}\n")
    capsys.readouterr()
    on_change(served, {(Change.modified, str(edited))})
    said = capsys.readouterr()
    assert "updated" not in said.out and "full rebuild" not in said.out, said.out
    assert "update failed: 1 error(s) logged during the update:\n  Unable to find" in said.err, said.err
    assert served.builds.version == version  # the open page is not reloaded as if it had been updated


def test_the_devserver_tells_an_update_that_failed_and_keeps_serving_as_after_a_full_build_that_did(
    corpus, tmp_path, monkeypatch, capsys
):
    """An exception raised while an edit was updated in place ended the devserver with a traceback; a full build's
    is told, and the devserver goes on serving."""
    from watchfiles import Change

    from tools.devserver import Served, on_change
    from tools.live_reload import Builds

    monkeypatch.setenv("ARCHIVE_CONTENT", str(corpus))
    served = Served(Site(fault_settings(tmp_path, "exception-where-marked"), tmp_path / "incremental"), Builds())
    served.site.full({"SEARCH_INDEX": False})
    edited = sorted(corpus.rglob("*.pl.md"))[3]
    edited.write_text(edited.read_text() + f"\n{FAULT_MARK}\n")
    before = _files(served.site.output)
    capsys.readouterr()
    on_change(served, {(Change.modified, str(edited))})
    said = capsys.readouterr().err
    assert "RuntimeError: fault injected by the tests" in said, said
    assert "update failed (the traceback above); still serving the last good site" in said, said
    # The pages written before the failure, the edited article's among them, were served as written, where
    # CONTRIBUTING says the page stays as it was: they are put back, all of them.
    assert _files(served.site.output) == before
    # No record says output/ is the full build's: it was rewritten, then put back (`make html` builds again).
    assert fingerprint.recall(served.site.output, "fingerprint", 4096) is None


def _files(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_an_article_edited_with_sed_in_place_is_updated_and_sed_s_own_file_is_not_told(site, corpus, capsys):
    """`sed -i` writes a file `sedXXXXXX` beside the article and renames it over it: the devserver told
    'changed: .../sedAbC123, ...; full rebuild' of a file no build reads, and rebuilt everything for one edit."""
    import subprocess
    import time

    from watchfiles import watch

    from tools.devserver import Served, on_change
    from tools.live_reload import Builds

    edited = sorted(corpus.rglob("*.pl.md"))[3]
    # Edited once the watcher runs (its first yield, as the devserver's `follow` waits for): an edit made on a
    # timer could come before a watcher started late on a busy machine, which then waited for it for ever.
    changes: set = set()
    edited_at: float | None = None
    for batch in watch(edited.parent, yield_on_timeout=True, rust_timeout=200):
        if batch:
            changes = batch
            break
        if edited_at is None:
            subprocess.run(["sed", "-i", "s/^---$/---/", str(edited)], timeout=60, check=True)
            edited_at = time.monotonic()
        assert time.monotonic() - edited_at < 60, "the watcher never reported sed's edit"
    assert any(Path(path).name.startswith("sed") for _, path in changes), changes  # what the watcher reports
    capsys.readouterr()
    on_change(Served(site, Builds()), changes)
    said = capsys.readouterr()
    assert "updated 1 article(s)" in said.out and "full rebuild" not in said.out and "sed" not in said.out, said


def test_what_an_update_wrote_is_put_back_and_what_cannot_be_is_named(tmp_path):
    """`Rewritten`: each file as it was before the update, a new one removed; one that cannot be written back (here a
    folder where the page was) is named, for the devserver to say which pages are served as the update wrote them."""
    page, new, lost = tmp_path / "page.html", tmp_path / "new.html", tmp_path / "lost.html"
    page.write_text("before")
    lost.write_text("before")
    rewritten = Rewritten()
    for path in (page, new, lost):
        rewritten.keep(str(path))
        path.write_text("after")
    lost.unlink()
    lost.mkdir()
    rewritten.keep(str(page))  # a second write of one page keeps what it held before the first
    assert rewritten.put_back() == [str(lost)]
    assert page.read_text() == "before" and not new.exists()


def test_the_folders_a_failed_update_made_are_removed_and_only_those(tmp_path):
    """`Rewritten`: a new page in a new folder (a new tag's, a new year's) is removed with the folders made for it,
    which the devserver would serve as empty listings; a folder that was there before stays, empty or not, and so
    does a new folder holding a file that could not be removed."""
    output = tmp_path / "output"
    (output / "kept-empty").mkdir(parents=True)
    new_page = output / "tag" / "new" / "index.html"
    in_old_folder = output / "kept-empty" / "deeper" / "index.html"
    rewritten = Rewritten()
    for path in (new_page, in_old_folder):
        rewritten.making(str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        rewritten.keep(str(path))
        path.write_text("after")
    assert rewritten.put_back() == []
    assert sorted(p.relative_to(output).as_posix() for p in output.rglob("*")) == ["kept-empty"]

    stuck = output / "year" / "2026" / "index.html"
    rewritten.making(str(stuck))
    stuck.parent.mkdir(parents=True)
    rewritten.keep(str(stuck))
    stuck.write_text("after")
    (stuck.parent / "written-by-another").write_text("x")  # not the update's: its folder is not empty, so it stays
    assert rewritten.put_back() == []
    assert sorted(p.relative_to(output).as_posix() for p in output.rglob("*")) == [
        "kept-empty",
        "year",
        "year/2026",
        "year/2026/written-by-another",
    ]


def test_the_devservers_writer_tells_the_folders_it_makes_before_it_makes_them(tmp_path):
    """`SelectiveWriter`: a page (each page of a listing) and a feed written in folders not there before; the update
    fails and is put back: no folder it made is left in output/."""
    output = tmp_path / "output"
    output.mkdir()
    writer = SelectiveWriter(str(output), {"RELATIVE_URLS": False, "SITEURL": ""}, affected=set(), relisted=set())
    writer.write_text("feeds/new/all.atom.xml", "<feed/>")

    class Page:
        def render(self, localcontext: dict) -> str:
            return "page"

    writer.write_file("tag/new/index.html", Page(), {}, article=None)
    written = {p.relative_to(output).as_posix() for p in output.rglob("*.*")}
    assert written == {"feeds/new/all.atom.xml", "tag/new/index.html"}
    assert writer.rewritten.put_back() == []
    assert list(output.iterdir()) == []
