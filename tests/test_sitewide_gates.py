"""The site-wide gates can fail: each one, on a small broken site, finds what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from .sitewide import (
    AXE_TAGS,
    HASHED_PER_KIND,
    bounded_sample,
    broken_links,
    hreflang_problems,
    missing_page_kinds,
    page_kind,
    vnu_messages,
    wider_than_a_phone,
)

HEAD = '<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>t</title>{links}</head>'


def write_page(
    site: Path, url: str, body: str, lang: str = "en", alternates: dict[str, str] | None = None, head: str = ""
) -> Path:
    links = head + "".join(f'<link rel="alternate" hreflang="{k}" href="{v}">' for k, v in (alternates or {}).items())
    path = site / url.lstrip("/") / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEAD.format(lang=lang, links=links) + f"<body><main id='main'>{body}</main></body></html>")
    return path


def test_broken_links_and_anchors_are_found(tmp_path):
    write_page(
        tmp_path, "/en/", '<a href="/en/a/#main">ok</a> <a href="/en/gone/">x</a> <a href="/en/a/#nowhere">y</a>'
    )
    write_page(
        tmp_path, "/en/a/", '<a href="../">up</a> <a href="https://example.org/">out</a> <img src="/x.png" alt="">'
    )
    found = broken_links(tmp_path)
    assert len(found) == 3, found
    assert any("/en/gone/" in f for f in found) and any("nowhere" in f for f in found)
    assert any("/x.png" in f for f in found)


def test_one_sided_hreflang_is_found(tmp_path):
    both = {"en": "/en/a/", "pl": "/pl/a/", "x-default": "/en/a/"}
    write_page(tmp_path, "/en/a/", "", "en", both)
    write_page(tmp_path, "/pl/a/", "", "pl", {"pl": "/pl/a/", "x-default": "/pl/a/"})
    problems = hreflang_problems(tmp_path)
    assert any("/en/a/: hreflang pl -> /pl/a/ is not reciprocal" in p for p in problems), problems


def test_the_html_checker_reports_errors_even_beside_a_known_gap(tmp_path):
    csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'bogus-keyword'"
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
    path = write_page(tmp_path, "/en/", "<p><div>x</p>", head=meta)
    messages = [m["message"] for m in vnu_messages(tmp_path, [path])]
    assert any("bogus-keyword" in m for m in messages), messages
    assert len(messages) >= 2, messages


@pytest.mark.browser
def test_axe_reports_wcag_violations(page):
    page.set_content(
        '<!doctype html><html><head><title>t</title></head><body><main><p style="color:#bbb;background:#fff">'
        'faint</p><img src="data:," ><a href="/x"></a></main></body></html>'
    )
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    ids = {v["id"] for v in Axe().run(page, options=options).response["violations"]}
    assert {"color-contrast", "image-alt", "link-name", "html-has-lang"} <= ids, ids


def test_a_page_wider_than_a_phone_is_found(page):
    word = "Supercalifragilisticexpialidociouspublishinghouse"
    page.set_content(
        f"<!doctype html><html><body><p>fits</p><dl style='display:grid'><dd>{word}</dd></dl></body></html>"
    )
    assert wider_than_a_phone(page) == [f'<dd class="">: {word}']
    page.set_content(f"<!doctype html><html><body><p style='overflow-wrap:anywhere'>{word}</p></body></html>")
    assert wider_than_a_phone(page) == []


def test_the_html_checker_also_checks_stylesheets(tmp_path):
    path = write_page(tmp_path, "/en/", "<p>x</p>")
    (tmp_path / "site.css").write_text("p { colr: red; }\n", encoding="utf-8")
    messages = [m["message"] for m in vnu_messages(tmp_path, [path])]
    assert any("colr" in m for m in messages), messages


def test_a_year_page_is_not_taken_for_an_article_page():
    urls = {"/", "/pl/", "/en/", "/pl/kraje/", "/en/countries/", "/pl/os-czasu/", "/en/timeline/"}
    urls |= {"/pl/2025/", "/pl/2025/page/2/", "/en/2025/", "/en/2025/page/2/", "/pl/2025/konwencja/"}
    assert missing_page_kinds(urls, {"pl", "en"}) == ["no en article page"]
    assert missing_page_kinds(urls | {"/en/2025/the-convention/"}, {"pl", "en"}) == []
    assert missing_page_kinds(urls, {"pl"}) == []  # no article in English: its pages list the Polish ones


def archive_urls(articles: int) -> list[str]:
    """The addresses of an archive of `articles` pairs over eight years, with a country page per article."""
    urls = ["/", "/404.html", "/pl/", "/en/", "/pl/kraje/", "/en/countries/", "/pl/os-czasu/", "/en/timeline/"]
    for n in range(articles):
        year = 2019 + n % 8
        urls += [f"/pl/{year}/artykul-{n}/", f"/en/{year}/article-{n}/", f"/pl/kraje/kraj-{n}/"]
        urls += [f"/pl/{year}/", f"/en/{year}/", f"/pl/{year}/page/{1 + n // 40}/", f"/pl/page/{1 + n // 20}/"]
    return sorted(set(urls))


def test_the_bounded_sample_has_every_kind_and_does_not_grow_with_the_archive():
    small, large = archive_urls(50), archive_urls(5000)
    assert page_kind("/pl/2019/") == page_kind("/pl/2026/") and page_kind("/pl/2019/a/") == page_kind("/pl/2026/b/")
    for urls in (small, large):
        sample = bounded_sample(urls)
        assert {page_kind(url) for url in sample} == {page_kind(url) for url in urls}
        assert {"/pl/2019/artykul-0/", max(url for url in urls if url.startswith("/pl/2026/artykul"))} <= sample
    kinds = len({page_kind(url) for url in large})
    assert len(bounded_sample(large)) <= kinds * (2 + HASHED_PER_KIND) < len(large) / 100
    assert bounded_sample(large) == bounded_sample(list(reversed(large)))  # the same pages, in any order read
