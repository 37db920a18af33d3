"""The sitemap's heads kept between builds: a page that is the file read last time is not read again."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from publishing import heads
from publishing.heads import HeadCache, page_heads
from publishing.settings import SettingsError, check_settings
from publishing.sitemap import PageHead


def page(canonical: str, alternates: dict[str, str] | None = None) -> str:
    pairs = (alternates or {}).items()
    links = "".join(f'<link rel="alternate" hreflang="{lang}" href="{url}">' for lang, url in pairs)
    return f'<html><head><link rel="canonical" href="{canonical}">{links}</head><body>text</body></html>'


@pytest.fixture
def site(tmp_path: Path) -> Path:
    output = tmp_path / "output"
    (output / "pl" / "a").mkdir(parents=True)
    (output / "en" / "a").mkdir(parents=True)
    (output / "pl" / "a" / "index.html").write_text(page("/pl/a/", {"pl": "/pl/a/", "en": "/en/a/"}))
    (output / "en" / "a" / "index.html").write_text(page("/en/a/", {"pl": "/pl/a/", "en": "/en/a/"}))
    (output / "404.html").write_text('<html><head><meta name="robots" content="noindex"></head></html>')
    return output


@pytest.fixture
def reads(monkeypatch) -> list[Path]:
    """The pages whose head is read from the file (the real reader, counted)."""
    read: list[Path] = []
    real = heads.read_head_of

    def counted(path: Path) -> PageHead:
        read.append(path)
        return real(path)

    monkeypatch.setattr(heads, "read_head_of", counted)
    return read


def linked_copy(output: Path, to: Path) -> Path:
    """A build that took every page from `output` as it was: hard links, as `make html` after an edit makes them."""
    for path in output.rglob("*.html"):
        target = to / path.relative_to(output)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(path, target)
    return to


def test_a_page_taken_as_it_was_is_not_read_again_and_gives_the_same_head(site, tmp_path, reads):
    cache = HeadCache(tmp_path / "cache" / "heads")
    first = page_heads(site, cache)
    assert len(reads) == 3
    reads.clear()
    assert page_heads(linked_copy(site, tmp_path / "next"), cache) == first
    assert reads == []
    assert first == page_heads(site)  # without a cache


def test_a_page_rendered_again_copied_or_changed_in_place_is_read_again(site, tmp_path, reads):
    cache = HeadCache(tmp_path / "cache" / "heads")
    page_heads(site, cache)
    nxt = linked_copy(site, tmp_path / "next")
    rendered, copied, changed = nxt / "pl" / "a" / "index.html", nxt / "en" / "a" / "index.html", nxt / "404.html"
    rendered.unlink()
    rendered.write_text(page("/pl/b/"))  # a new file
    copied.unlink()
    shutil.copy2(site / "en" / "a" / "index.html", copied)  # the same bytes and times, another file
    stat = changed.stat()
    changed.write_text(page("/c/"))  # the same file, written into
    os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    reads.clear()
    found = page_heads(nxt, cache)
    assert sorted(reads) == sorted([rendered, copied, changed])
    assert [head.canonical for head in found] == ["/c/", "/en/a/", "/pl/b/"]


def test_a_cache_edited_swapped_or_reached_through_a_link_is_not_used(site, tmp_path, reads):
    folder = tmp_path / "cache"
    cache = HeadCache(folder / "heads")
    page_heads(site, cache)
    sealed = (folder / "heads").read_bytes()
    (folder / "heads").write_bytes(sealed.replace(b"/pl/a/", b"/pl/x/"))
    reads.clear()
    assert [head.canonical for head in page_heads(site, cache)][1:] == ["/en/a/", "/pl/a/"]
    assert len(reads) == 3  # the edited cache was a miss; the one written then holds
    reads.clear()
    moved = tmp_path / "moved"
    moved.symlink_to(folder, target_is_directory=True)
    page_heads(site, HeadCache(moved / "heads"))
    assert len(reads) == 3
    (folder / "heads").write_bytes(b"not json")
    reads.clear()
    page_heads(site, cache)
    assert len(reads) == 3


def test_no_cache_setting_means_no_cache_and_a_wrong_one_stops_at_start():
    assert heads.cache_of({}) is None
    assert heads.cache_of({"SITEMAP_HEAD_CACHE": ""}) is None
    assert heads.cache_of({"SITEMAP_HEAD_CACHE": "x/heads"}).path == Path(os.path.abspath("x/heads"))
    with pytest.raises(SettingsError, match="SITEMAP_HEAD_CACHE"):
        check_settings({"SITEMAP_HEAD_CACHE": 3})
