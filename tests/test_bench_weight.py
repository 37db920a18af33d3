"""make bench weighs article pages, and only article pages: listings, country and topic pages have the same depth."""

from __future__ import annotations

from pathlib import Path

from tools.bench.run import article_weight, our_article_pages

from .fixture_archive import URL, file


def test_the_bench_weighs_every_polish_article_page_and_nothing_else(fixture_site: Path):
    polish = sorted(file(url) for (_key, lang), url in URL.items() if lang == "pl")
    assert sorted(str(page.relative_to(fixture_site)) for page in our_article_pages(fixture_site)) == polish


def test_the_weight_is_the_median_article_page_with_its_stylesheet(fixture_site: Path):
    pages = our_article_pages(fixture_site)
    weight = article_weight(fixture_site, pages)
    sizes = sorted(page.stat().st_size for page in pages)
    assert weight["html"] == sizes[len(sizes) // 2] and weight["largest_html"] == sizes[-1]
    assert weight["articles_weighed"] == len(pages)
    assert weight["css"] == (fixture_site / "theme" / "css" / "site.css").stat().st_size
