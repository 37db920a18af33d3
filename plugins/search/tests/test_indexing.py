import asyncio
import threading
import time
from pathlib import Path

import pytest

from search import indexing as search_indexing
from search.indexing import (
    PageToIndex,
    _run_in_own_loop,
    build_planned_index,
    build_search_index,
    has_attribute,
    index_runs,
    pages_to_index,
    plan_index,
    write_documents,
)
from search.pagefind_compat import (
    STABLE_LOOKS_APART,
    IndexStopped,
    PagefindFailed,
    bundle_complete,
    empty_files,
    result_url,
    verify_bundle,
    wait_for_writes,
)
from search.rendering import BODY_MARKER, page_text, with_folded_meta

PAGE = """<!doctype html><html lang="pl"><head><title>T</title></head><body>
<nav>Główne</nav>
<main data-pagefind-body><h1>Łódź</h1><p>Zdanie<br>z <img src="x.png" alt=""> Białorusią.</p>
<div hidden data-pagefind-ignore><span data-pagefind-filter="Kraj">Białoruś</span></div>
<script>var ł = 1;</script></main>
<footer>tłumaczenia</footer></body></html>"""


def test_the_indexed_text_is_the_marked_region_only():
    assert " ".join(page_text(PAGE).split()) == "Łódź Zdanie z Białorusią."


def test_a_site_that_marks_no_region_is_indexed_whole_body(tmp_path):
    # As Pagefind does: without a data-pagefind-body anywhere, every page's <body> is indexed.
    plain = "<html lang='en'><body><nav>Menu</nav><main>Text</main><script>x</script></body></html>"
    assert " ".join(page_text(plain, whole_body=True).split()) == "Menu Text"
    (tmp_path / "a.html").write_text(plain)
    (tmp_path / "fragment.html").write_text("<p>no html element: Pagefind skips it</p>")
    assert [(page.path, page.lang) for page in pages_to_index(tmp_path)] == [("a.html", "en")]
    (tmp_path / "b.html").write_text(PAGE)
    assert [page.path for page in pages_to_index(tmp_path)] == ["b.html"]  # once one page marks its region


def test_folded_terms_go_into_an_invisible_meta_in_the_head():
    html = with_folded_meta(PAGE, ["bialorusia", "lodz"])
    assert '<meta data-pagefind-meta="folded[content]" content="bialorusia lodz"></head>' in html
    assert with_folded_meta(PAGE, []) == PAGE


def test_result_urls_are_those_pagefind_gives_the_pages():
    output = Path("/site")
    assert result_url(output, output / "pl/2025/slug/index.html") == "/pl/2025/slug/"
    assert result_url(output, output / "en/page.html") == "/en/page.html"


def test_indexing_waits_for_pagefinds_background_writes(tmp_path):
    # Pagefind answers WriteFiles with files created but, now and then, not yet written.
    bundle = tmp_path / "pagefind"
    (bundle / "index").mkdir(parents=True)
    (bundle / "pagefind.js").write_text("js")
    entry = bundle / "pagefind-entry.json"
    entry.touch()
    assert empty_files(bundle) == [entry]
    writer = threading.Timer(0.2, lambda: entry.write_text('{"languages": {}}'))
    writer.start()
    _run_in_own_loop(wait_for_writes(bundle))  # the tests may run inside Playwright's event loop
    assert empty_files(bundle) == []
    writer.join()


def test_a_complete_bundle_is_not_waited_for_and_one_missing_or_cut_is(tmp_path, monkeypatch):
    # With the pages of each language known, the wait ends at the first look that finds every file Pagefind's
    # entry and metadata name whole: the size of every file looked at twice, 50 ms apart, is for when they are not.
    site = tmp_path / "site"
    site.mkdir()
    for name, word in (("a.html", "Łódź"), ("b.html", "Hanoi"), ("c.html", "Wietnam")):
        (site / name).write_text(PAGE.replace("Łódź", word), encoding="utf-8")
    bundle = build_search_index(site).bundle
    slept: list[float] = []
    real_sleep = asyncio.sleep

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        await real_sleep(seconds)

    monkeypatch.setattr(asyncio, "sleep", sleep)
    _run_in_own_loop(wait_for_writes(bundle, {"pl": 3}))
    assert slept == []
    assert not bundle_complete(bundle, {"pl": 4}), "an entry that does not count the run's pages"
    fragment = next(bundle.glob("fragment/*"))
    whole = fragment.read_bytes()
    fragment.write_bytes(whole[: len(whole) // 2])
    assert not bundle_complete(bundle, {"pl": 3}), "a fragment cut short"
    fragment.unlink()
    assert not bundle_complete(bundle, {"pl": 3}), "a fragment the metadata names, not there"
    started = time.perf_counter()
    _run_in_own_loop(wait_for_writes(bundle, {"pl": 3}))  # then sizes that do not change, as before
    assert slept and time.perf_counter() - started >= STABLE_LOOKS_APART
    fragment.write_bytes(whole)
    assert bundle_complete(bundle, {"pl": 3})


def _page(path: str, lang: str) -> PageToIndex:
    return PageToIndex(path, lang, "")


def test_one_pagefind_run_per_language_over_the_folders_of_its_indexed_pages():
    pages = [
        _page("pl/2025/a/index.html", "pl"),
        _page("pl/kraje/wietnam/index.html", "pl"),
        _page("en/2024/b/index.html", "en"),
        _page("en/index.html", "en"),  # a page right under en/: the whole folder is read
        PageToIndex("pl/os-czasu/index.html#event", "pl", "<html></html>", "/pl/os-czasu/#event"),
    ]
    runs = index_runs(pages)
    # Only the folders with indexed pages: not pl/page/2/, a listing Pagefind would read only to leave out.
    assert [run.folders for run in runs] == [("en",), ("pl/2025", "pl/kraje")]
    assert [len(run.records) for run in runs] == [0, 1]


def test_languages_sharing_a_folder_are_indexed_in_one_run():
    runs = index_runs([_page("2025/a/index.html", "pl"), _page("2025/b/index.html", "en")])
    assert [run.folders for run in runs] == [("",)]


@pytest.mark.parametrize(
    ("html", "found"),
    [
        (b"<main data-pagefind-body>", True),
        (b'<main class="x" data-pagefind-body class=y>', True),
        (b'<div data-pagefind-body="">', True),
        (b"<main\ndata-pagefind-body\n>", True),
        (b'<a href="/en/2025/data-pagefind-body/">x</a>', False),
        (b"<p>data-pagefind-body</p>", False),
        (b'<meta content="x data-pagefind-body y">', False),
        (b"<x title='a data-pagefind-body'>", False),
        (b"<p>a &lt;b data-pagefind-body&gt;</p>", False),
    ],
)
def test_the_body_marker_counts_only_as_an_attribute(html, found):
    assert has_attribute(b"<!doctype html><html><body>" + html, BODY_MARKER.encode()) is found


def test_a_bundle_with_a_file_cut_short_is_refused_by_name(tmp_path):
    # Pagefind 1.5.2 can end with a file of its bundle cut short (issue #1271): the build must fail.
    site = tmp_path / "site"
    site.mkdir()
    for name, word in (("a.html", "Łódź"), ("b.html", "Hanoi")):
        (site / name).write_text(PAGE.replace("Łódź", word), encoding="utf-8")
    bundle = build_search_index(site).bundle
    verify_bundle(bundle)  # as Pagefind wrote it
    for victim in (next(bundle.glob("fragment/*")), bundle / "pagefind.js", next(bundle.glob("wasm.*"))):
        whole = victim.read_bytes()
        victim.write_bytes(whole[: len(whole) // 2])
        with pytest.raises(PagefindFailed, match=rf"{victim.name}: Pagefind wrote this file incompletely"):
            verify_bundle(bundle)
        victim.write_bytes(whole)
    (bundle / "stray.txt").write_text("?")
    with pytest.raises(PagefindFailed, match=r"stray\.txt: a file Pagefind .* does not write"):
        verify_bundle(bundle)


def test_documents_indexed_apart_are_checked_as_a_builds_index_is(tmp_path):
    # The devserver's overlay (`overlay.py`) is written by `write_documents`: a file of its bundle that is not
    # whole is refused too, and the overlay in place is kept (the staging folder is dropped).
    documents = [PageToIndex("a.html", "pl", PAGE, url="/pl/a/")]
    bundle = tmp_path / "overlay"
    write_documents(documents, bundle)
    verify_bundle(bundle)
    fragment = next(bundle.glob("fragment/*"))
    (bundle / "fragment" / ("pl_0000000.pf_fragment")).write_bytes(fragment.read_bytes()[:10])  # not Pagefind's
    with pytest.raises(PagefindFailed, match=r"pl_0000000\.pf_fragment: Pagefind wrote this file incompletely"):
        write_documents(documents, bundle)


def a_site_of_two_languages(output: Path) -> Path:
    for lang in ("pl", "en"):
        (output / lang / "a").mkdir(parents=True)
        (output / lang / "a" / "index.html").write_text(PAGE.replace('lang="pl"', f'lang="{lang}"'), encoding="utf-8")
    return output


def test_a_stop_before_pagefinds_next_run_ends_the_index_before_it_starts(tmp_path):
    # The build has stopped (`search.abandon_index`) between two runs, one per language: no run starts after it.
    plan = plan_index(a_site_of_two_languages(tmp_path / "output"), per_language=True)
    assert len(plan.runs) == 2
    plan.stop.set()
    with pytest.raises(IndexStopped, match="before Pagefind's next run"):
        build_planned_index(plan)
    assert not (tmp_path / "output" / "pagefind").exists()


def test_a_stop_once_pagefind_has_written_leaves_the_bundle_as_it_is(tmp_path, monkeypatch):
    # Stopped while the last run writes: its bundle is not put in canonical order, a rewrite of every file for
    # a build that is gone (a real Pagefind run; the stop comes as the bundle is checked, its last step).
    plan = plan_index(a_site_of_two_languages(tmp_path / "output"), per_language=False)
    checked = search_indexing.pagefind_compat.verify_bundle

    def stopped_meanwhile(bundle: Path) -> None:
        checked(bundle)
        plan.stop.set()

    monkeypatch.setattr(search_indexing.pagefind_compat, "verify_bundle", stopped_meanwhile)
    with pytest.raises(IndexStopped, match="canonical order"):
        build_planned_index(plan)


def test_an_abandoned_index_is_waited_for_no_longer_than_its_limit(tmp_path, monkeypatch):
    # An index whose thread does not come back (a step that does not look at the stop) holds neither the failed
    # build nor, as a daemon, the process's exit.
    import search

    monkeypatch.setattr(search, "ABANDON_WAIT", 0.5)
    indexing = search._Indexing.__new__(search._Indexing)
    indexing.plan = plan_index(a_site_of_two_languages(tmp_path / "output"))
    indexing.thread = threading.Thread(target=threading.Event().wait, args=(60,), daemon=True)
    indexing.done = threading.Event()  # never set: the thread does not come back
    indexing.thread.start()
    started = time.monotonic()
    indexing.abandon()
    assert time.monotonic() - started < 5
    assert indexing.plan.stop.is_set()
