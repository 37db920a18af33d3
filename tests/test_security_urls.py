"""Addresses in content parse strictly or are refused: no spaces, control characters, credentials, bad hosts
or ports reach a page (one `is_http_url` for articles and every data file). See docs/security.md."""

from __future__ import annotations

import re

import pytest

from archive_core.provenance import WAYBACK, WEB_ARCHIVES, archived_copy_problem, is_http_url
from tools.check import check
from tools.front_matter_docs import ARCHIVED_URL

from .test_bad_input import good
from .test_security_text import _edit

REFUSED = [
    "https://exa mple.org/a b",
    "https://press.un .org/a",
    "https://example.org/a b",
    "https://example.org/\ttab",
    "https://example.org/\x7f",
    "https://user:pass@example.org/",
    "https://user@example.org/",
    "https://user:pass@[v1.fe80::a+en1]:0/",
    "https://[fe80::1%25en0]/",
    "https://example.org:0/",
    "https://example.org:99999/",
    "https://example.org:/",
    "https://[example.org/",
    "https://999.1.1.1/",
    "https://-bad-.example.org/",
    "https://exa_mple.org/",
    "https://example/",
    'https://example.org/"onmouseover',
    "https://example.org/<script>",
    "javascript://example.org/%0aalert(1)",
    "ftp://example.org/",
    "//example.org/",
]
ACCEPTED = [
    "https://press.un.org/en/2024/ga12671.doc.htm",
    "https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/XVIII-16.en.xml",
    "https://www.vietnamplus.vn/le-mo-post1072958.vnp?x=1#y",
    "http://[2001:db8::1]:8080/a",
    "https://1.2.3.4/",
    "https://0x7f.example.org/",  # a name: its last label is not a number
    "https://123.example.org/",
    "https://xn--e1afmkfd.xn--p1ai/",  # пример.рф, as readers are shown it
    "https://example.org/łódź",  # letters outside ASCII in the path show no other site
    "https://example.org:443/",
]


def assert_refused_as_source_url(url: str, content_copy, hint: str = "") -> None:
    """`url` is refused by `is_http_url`, and by `make check` at its line as an article's `source.url`."""
    assert not is_http_url(url)
    path = content_copy / "articles/2025/good-article.en.md"
    path.write_text(good("https://example.org/a", url), encoding="utf-8")
    problems = [str(p) for p in check(content_copy)]
    assert any(p.startswith(f"{path}:8: source.url:") and hint in p for p in problems), problems


# Hosts a browser reads as an IPv4 address other than the one shown (the URL Standard's "ends in a number"):
# each reaches a machine while the page shows what looks like a name or another number.
NUMBERS_AS_HOSTS = [
    "https://127.1/",  # 127.0.0.1
    "https://0x7f.0.0.1/",  # 127.0.0.1
    "https://2130706433./",  # 127.0.0.1
    "https://press.un.org.0x7f000001/",  # 127.0.0.1, for a reader who stops at press.un.org
    "https://1.2.3.4.5/",  # no address at all to a browser
    "https://example.123/",
]


@pytest.mark.parametrize("url", NUMBERS_AS_HOSTS)
def test_a_host_a_browser_reads_as_another_number_is_refused(url, content_copy):
    assert_refused_as_source_url(url, content_copy)


@pytest.mark.parametrize("url", REFUSED)
def test_an_address_that_does_not_parse_strictly_is_refused(url):
    assert not is_http_url(url)


@pytest.mark.parametrize("url", ACCEPTED)
def test_a_real_address_is_accepted(url):
    assert is_http_url(url)


@pytest.mark.parametrize(
    ("name", "pattern", "new"),
    [
        ("data/timeline/signing-hanoi.yaml", r"url: \S+", 'url: "https://press.un .org/a b"'),
        ("data/countries.yaml", r"url: \S+", "url: https://user:pass@example.org/a"),
    ],
)
def test_refused_in_data_files_at_their_line(name, pattern, new, content_copy):
    name, text, line = _edit(name, pattern, new)
    (content_copy / name).write_text(text, encoding="utf-8")
    problems = [str(p) for p in check(content_copy)]
    assert any(p.startswith(f"{content_copy / name}:{line}:") for p in problems), problems


def test_refused_in_an_article_at_its_line(content_copy):
    path = content_copy / "articles/2025/good-article.en.md"
    path.write_text(good("https://example.org/a", "https://exa mple.org/a"), encoding="utf-8")
    problems = [str(p) for p in check(content_copy)]
    assert any(p.startswith(f"{path}:8: source.url:") for p in problems), problems


# A source's `archived:` copy is shown on every page as its "archived copy", and named one by the open data and
# citations: any address passed, a page of the contributor's own site or one made to look like the source. It is one
# a public web archive keeps (`provenance.WEB_ARCHIVES`), refused at its line and field otherwise.
NO_ARCHIVED_COPY = {
    "https://evil.example/web/20261129/https://www.un.org/x": "is kept by evil.example, which is no public web",
    "https://web.archive.org.evil.example/web/2026/x": "is kept by web.archive.org.evil.example, which is no",
    "https://archive.org/details/un-report": "is kept by archive.org, which is no public web archive",
    "https://ia800.us.archive.org/1/items/x/x.pdf": "is kept by ia800.us.archive.org, which is no public",
    "https://web.archive.org/": "is the archive's home page, not its copy of the source",
    "https://archive.org/web/": "is the archive's home page, not its copy of the source",  # the Wayback Machine's
    "https://archive.org/webfiles/x.pdf": "is kept by archive.org, which is no public web archive",
}
ARCHIVED_COPIES = [f"https://{host}/web/20261129/https://www.un.org/x" for host in WEB_ARCHIVES] + [
    "https://www.webcitation.org/6abcDEF",
    "https://archive.ph/AbCd1",
    # The Wayback Machine's copies as the Internet Archive writes them too, refused though a web archive keeps them
    "https://web.archive.org/web/2025*/example.org",
    "https://wayback.archive.org/web/20110101000000/https://www.un.org/x",
    "https://archive.org/web/20261129/https://www.un.org/x",
    "http://archive.org/wait/20261129/https://www.un.org/x",
    "https://www.archive.org/web/20261129/https://www.un.org/x",
    # The national web archives' copies, each in the form its archive writes them (all were refused as "no public
    # web archive"): the UK Government Web Archive, the Library of Congress, Iceland's (now and before), Estonia's,
    # Portugal's.
    "https://webarchive.nationalarchives.gov.uk/ukgwa/20250225172715/https://www.gov.uk/x",
    "https://webarchive.loc.gov/all/20140511165905/http://www.cdc.gov/x",
    "https://vefsafn.is/is/20190118152842/http://www.ordid.is/forsida/",
    "http://wayback.vefsafn.is/wayback/20110318105639/http://www.example.is/x",
    "https://veebiarhiiv.digar.ee/a/20131014091520/http://rakvere.kovtp.ee/en_GB/twin-cities",
    "https://arquivo.pt/wayback/19980205082901/http://www.caleida.pt/saramago/",
]


@pytest.mark.parametrize("copy", NO_ARCHIVED_COPY)
def test_an_archived_copy_no_web_archive_keeps_is_refused_at_its_line(copy, content_copy):
    path = content_copy / "articles/2025/good-article.en.md"
    text = good("  publisher: Example\n", f"  publisher: Example\n  archived: {copy}\n")
    path.write_text(text, encoding="utf-8")
    line = text[: text.index("archived:")].count("\n") + 1
    problems = [str(p) for p in check(content_copy) if p.path == str(path)]
    told = f"{path}:{line}: source.archived: {NO_ARCHIVED_COPY[copy]}"
    assert any(p.startswith(told) and "perma.cc" in p for p in problems), problems  # the hint names the archives
    name, text, line = _edit("data/timeline/signing-hanoi.yaml", r"(?<=\n    )accessed: \S+", "", below=1)
    text = text.replace("\n    \n", f"\n    accessed: 2026-11-29\n    archived: {copy}\n", 1)
    (content_copy / name).write_text(text, encoding="utf-8")
    problems = [str(p) for p in check(content_copy) if p.path == str(content_copy / name)]
    assert any(f":{line}: sources.0.archived: " in p and NO_ARCHIVED_COPY[copy] in p for p in problems), problems


def test_an_archived_copy_a_web_archive_keeps_is_accepted(content_copy):
    path = content_copy / "articles/2025/good-article.en.md"
    for copy in ARCHIVED_COPIES:
        path.write_text(good("  publisher: Example\n", f"  publisher: Example\n  archived: {copy}\n"), "utf-8")
        assert [str(p) for p in check(content_copy) if p.path == str(path)] == [], copy
    assert archived_copy_problem(f"{WAYBACK}20261129/https://www.un.org/x") is None  # the lookups the pages offer


def test_the_json_schema_takes_the_archived_copies_make_check_takes():
    pattern = re.compile(ARCHIVED_URL["pattern"])
    assert [copy for copy in ARCHIVED_COPIES if not pattern.search(copy)] == []
    assert [
        copy for copy in NO_ARCHIVED_COPY if pattern.search(copy) and "home page" not in NO_ARCHIVED_COPY[copy]
    ] == []


# The same test for a link in an article's or about page's body (as markdown-it writes its href: percent-escaped,
# an internationalized host in its `xn--` form). Each passed: a reader hovering over the first sees `www.un.org`.
BODY_LINKS = {
    "credentials before the host": "[UN](https://www.un.org@evil.example/x)",
    "credentials in an autolink": "<https://www.un.org@evil.example/x>",
    "a user and password": "[x](https://user:pass@example.org/)",
    "an escaped backslash before the at sign": "[x](https://example.org\\@evil.example/)",
    "a host read as 127.0.0.1": "[x](https://press.un.org.0x7f000001/)",
    "a short IPv4 address": "[x](http://127.1/)",
    "a port out of range": "[x](https://example.org:99999/)",
    "an IPv6 address not closed": "[x](http://[::1/)",
}


@pytest.mark.parametrize("link", BODY_LINKS.values(), ids=BODY_LINKS.keys())
def test_a_link_in_a_body_is_an_address_as_strict_as_any_other(link, content_copy):
    path = content_copy / "articles/2025/good-article.en.md"
    text = good("https://example.org/a", "https://example.org/a")
    path.write_text(f"{text}\n{link}\n", encoding="utf-8")
    line = text.count("\n") + 2
    problems = [str(p) for p in check(content_copy) if p.severity == "error"]
    assert any(p.startswith(f"{path}:{line}: body: link target") and "is not an address" in p for p in problems), (
        problems
    )


def test_a_link_in_a_body_to_a_real_address_is_accepted(content_copy):
    path = content_copy / "articles/2025/good-article.en.md"
    links = " ".join(f"[{n}]({url})" for n, url in enumerate(ACCEPTED)) + " [v](https://vietnamplu\u0455.vn/a)"
    path.write_text(good("https://example.org/a", "https://example.org/a") + f"\n{links}\n", encoding="utf-8")
    assert [str(p) for p in check(content_copy) if p.severity == "error"] == []


# An address refused for what it holds is told what that is, wherever it is written: the hint was "give the full
# https://... address" to a writer who had (a user name before the host, a port out of range), and a body link was
# told a list of every reason there is.
OUTSIDE_ASCII = "its host has letters outside ASCII ("
REASONS = {
    "https://www.un.org@evil.example/x": "what comes before '@' is a user name or password, which a link hides, "
    "and the host is evil.example: write the page's address without it",
    "https://example.org:99999/": "its port, '99999', is not a number from 1 to 65535",
    "https://127.1/": "its host, 127.1, ends in a number, which a browser reads as an IPv4 address",
    "https://example/": "its host, example, is no site's whole name (it has no dot)",
    "https://-bad-.example.org/": "its host, -bad-.example.org, is no site's name",
    "https://[fe80::1%25en0]/": "its IPv6 host names a network interface of the reader's own machine",
    "https://example.org/a b": "it holds ' ', which an address holds only %-escaped",
    "https://[example.org/": "its host cannot be read",
    # Hosts with letters outside ASCII, which can pass for other sites (IDN homographs): told the ASCII form the
    # archive shows readers.
    "https://vietnamplu\u0455.vn/a": f"{OUTSIDE_ASCII}U+0455 CYRILLIC SMALL LETTER DZE), which can pass for others: "
    "write it as xn--vietnamplu-v2i.vn,",
    "https://ex\u0430mple.org/": f"{OUTSIDE_ASCII}U+0430 CYRILLIC SMALL LETTER A), which can pass for others: "
    "write it as xn--exmple-4nf.org,",
    "https://пример.рф/": f"{OUTSIDE_ASCII}U+043F CYRILLIC SMALL LETTER PE, U+0440 CYRILLIC SMALL LETTER ER, U+0438 "
    "CYRILLIC SMALL LETTER I, U+043C CYRILLIC SMALL LETTER EM, U+0435 CYRILLIC SMALL LETTER IE, U+0444 CYRILLIC "
    "SMALL LETTER EF), which can pass for others: write it as xn--e1afmkfd.xn--p1ai,",
    "https://łódź.pl/": f"{OUTSIDE_ASCII}U+0142 LATIN SMALL LETTER L WITH STROKE, U+00F3 LATIN SMALL LETTER O WITH "
    "ACUTE, U+017A LATIN SMALL LETTER Z WITH ACUTE), which can pass for others: write it as xn--d-uga0v4h.pl,",
}


@pytest.mark.parametrize("url", REASONS)
def test_a_refused_address_is_told_why_wherever_it_is(url, content_copy):
    assert_refused_as_source_url(url, content_copy, f"({REASONS[url]}")
    name, text, line = _edit("data/timeline/signing-hanoi.yaml", r"(?<=url: )\S+", f'"{url}"')
    (content_copy / name).write_text(text, encoding="utf-8")
    problems = [str(p) for p in check(content_copy) if p.path == str(content_copy / name)]
    assert any(p.startswith(f"{content_copy / name}:{line}:") and f"({REASONS[url]}" in p for p in problems), problems
    # markdown-it writes a link's address with these %-escaped, and a host outside ASCII in its xn-- form (the
    # form the hint asks for): no longer this one.
    if " " in url or "[" in url or not url.isascii():
        return
    path = content_copy / "articles/2025/good-article.en.md"
    text = good("https://example.org/a", "https://example.org/a")
    path.write_text(f"{text}\n[x](<{url}>)\n", encoding="utf-8")
    problems = [str(p) for p in check(content_copy) if p.path == str(path)]
    assert any(f"is not an address the archive links to ({REASONS[url]}" in p for p in problems), problems


# A link whose text is written as an address shows a reader one site and took them to another: what a user name
# before the host does (`https://www.un.org@evil.example/`), refused already, done with the link's text.
SHOWING_ANOTHER_SITE = {
    "[https://www.un.org/](https://evil.example/x)": "www.un.org as its text, and goes to evil.example",
    "[www.un.org/en](https://evil.example/x)": "www.un.org as its text, and goes to evil.example",
    "[https://press.un.org/a](https://press.un.org.evil.example/a)": "press.un.org as its text, and goes to press",
    # its title, the tooltip a reader hovering over it reads
    '[Read](https://evil.example/x "https://www.un.org/")': "www.un.org as its title, and goes to evil.example",
    # an image's description: the link's name to a screen reader, and what shows where the image does not load
    "[![www.un.org]({static}/sources/x.png)](https://evil.example/x)": "www.un.org as its text, and goes to evil",
    "[See ![the UN logo, www.un.org]({static}/sources/x.png)](https://evil.example/x)": "www.un.org as its text",
    # written with no scheme nor `www.`, in capitals, in a sentence, emphasized, escaped: an address all the same
    "[un.org/x](https://evil.example/)": "un.org as its text, and goes to evil.example",
    "[UN.ORG](https://evil.example/)": "un.org as its text, and goes to evil.example",
    "[the UN page, www.un.org](https://evil.example/)": "www.un.org as its text, and goes to evil.example",
    "[more on gov.pl/cyfryzacja](https://evil.example/)": "gov.pl as its text, and goes to evil.example",
    "[**un.org**](https://evil.example/)": "un.org as its text, and goes to evil.example",
    "[un&#46;org/x](https://evil.example/)": "un.org as its text, and goes to evil.example",
    # a file's name is no address, but with a path, a port, a scheme or `www.` it is one
    "[setup.py/x](https://evil.example/)": "setup.py as its text, and goes to evil.example",
    "[https://readme.md](https://evil.example/)": "readme.md as its text, and goes to evil.example",
    "[see www.setup.py](https://evil.example/)": "www.setup.py as its text, and goes to evil.example",
    "[index.sh:443](https://evil.example/)": "index.sh as its text, and goes to evil.example",
    # a mailbox, which a reader takes the link to be of: its host is the site shown
    "[press@un.org](https://evil.example/)": "shows the mailbox press@un.org as its text, and goes to evil.example",
    "[press@un.org](https://un.org.evil.example/)": "un.org as its text, and goes to un.org.evil.example",
    "[press@press.un.org](https://un.org/)": "press.un.org as its text, and goes to un.org",
    "[write to mailto:press@un.org](https://evil.example/)": "un.org as its text, and goes to evil.example",
    '[Write to us](https://evil.example/ "press@un.org")': "un.org as its title, and goes to evil.example",
    "[![press@un.org]({static}/sources/x.png)](https://evil.example/x)": "un.org as its text, and goes to evil",
}
SHOWING_ITS_OWN_SITE = [
    '[Read](https://www.un.org/x "The UN page, www.un.org")',  # a title showing its own site
    "[https://www.un.org/a](https://un.org/b)",  # one site, with or without `www.`
    "[HTTPS://UN.ORG/](https://un.org/)",
    "[un.org/report](https://www.un.org/report)",
    "[*un.org/report*](https://www.un.org/report)",
    "[a report by example.org on un.org](https://example.org/r)",  # one of the sites it shows
    "[Node.js](https://nodejs.org/)",  # words, not addresses: no such top-level domain
    "[m.in. the UN, e.g. its press office](https://example.org/un)",  # abbreviations, not hosts
    # file names, whose extensions are top-level domains too (Moldova's, Paraguay's, St Helena's), wherever they go
    "[README.md](https://github.com/example/archive/blob/main/README.md)",
    "[setup.py](https://example.org/setup)",
    "[run `index.sh` first](https://example.org/run)",
    "[pelican.conf.py](https://example.org/conf)",
    "[press@un.org](https://www.un.org/press)",  # a mailbox of the site it goes to
    "[write to press@un.org](https://press.un.org/en/contact)",  # or of the organization whose site it goes to
    "[write to press@un.org](mailto:press@un.org)",  # the mailbox it writes to (`mail_links`)
]


def _refused_in_a_body_and_a_summary(content, link: str, said: str) -> None:
    """`link` is refused at its line in an article's body, and in its summary, shown on every listing."""
    path = content / "articles/2025/good-article.en.md"
    text = good("https://example.org/a", "https://example.org/a")
    path.write_text(f"{text}\n{link}\n", encoding="utf-8")
    line = text.count("\n") + 2
    problems = [str(p) for p in check(content) if p.path == str(path)]
    assert any(p.startswith(f"{path}:{line}: body: link target") and said in p for p in problems), problems
    path.write_text(text.replace("\n---\n", f"\nsummary: 'See {link}.'\n---\n", 1), encoding="utf-8")
    problems = [str(p) for p in check(content) if p.path == str(path)]
    assert any(": summary: " in p and said in p for p in problems), problems


@pytest.mark.parametrize("link", SHOWING_ANOTHER_SITE)
def test_a_link_showing_another_sites_address_is_refused_at_its_line(link, content_copy):
    _refused_in_a_body_and_a_summary(content_copy, link, SHOWING_ANOTHER_SITE[link])


def test_a_mailbox_on_a_link_to_a_site_is_told_as_a_mailbox_with_its_mailto_link(content_copy):
    """`[unodc@un.org](https://www.unodc.org/contact)` was told "shows the address of un.org", and its hint to write
    the address it goes to never said how to link the mailbox itself."""
    said = "shows the mailbox unodc@un.org as its text, and goes to www.unodc.org"
    _refused_in_a_body_and_a_summary(content_copy, "[unodc@un.org](https://www.unodc.org/contact)", said)
    _refused_in_a_body_and_a_summary(content_copy, "[unodc@un.org](https://www.unodc.org/)", "`mailto:unodc@un.org`")


def _errors_of_a_body_of(content, links: list[str]) -> list[str]:
    """The errors of the article whose body is `links`, one after another."""
    path = content / "articles/2025/good-article.en.md"
    text = good("https://example.org/a", "https://example.org/a")
    path.write_text(f"{text}\n{' '.join(links)}\n", encoding="utf-8")
    return [str(p) for p in check(content) if p.path == str(path) and p.severity == "error"]


def test_a_link_showing_its_own_site_or_words_is_accepted(content_copy):
    assert _errors_of_a_body_of(content_copy, SHOWING_ITS_OWN_SITE) == []


# A `mailto:` link is one mailbox a reader sees, as strict as an http(s) address: each of these passed `make check`
# unread (only its scheme was), and was published as written.
MAIL_LINKS_REFUSED = {
    "a hidden copy": ("[the editor](mailto:editor@example.org?bcc=spy@evil.example)", "fills in the message (bcc)"),
    "another recipient": ("[the editor](mailto:editor@example.org?cc=x@evil.example)", "fills in the message (cc)"),
    "a message written for the reader": ("[x](mailto:a@example.org?body=Send%20it)", "fills in the message (body)"),
    "two mailboxes": ("[x](mailto:a@example.org,b@evil.example)", "is not one mailbox"),
    "header lines spelled as escapes": ("[x](mailto:%0D%0ABcc:%20b@evil.example)", "is not one mailbox"),
    "a line end in the subject": ("[x](mailto:a@example.org?subject=a%0D%0ABcc:b@evil.example)", "a line end"),
    "no mailbox": ("[x](mailto:)", "is not one mailbox"),
    "a script's text as a mailbox": ("[x](mailto:javascript:alert(1))", "is not one mailbox"),
    "a host that is no site's name": ("[x](mailto:a@localhost)", "localhost, which is no site's name"),
    "a host read as a number": ("[x](mailto:a@127.0.0.1)", "127.0.0.1, which is no site's name"),
    "another mailbox shown": ("[press@un.org](mailto:attacker@evil.example)", "shows the mailbox press@un.org"),
    "another mailbox shown in code": ("[`press@un.org`](mailto:a@evil.example)", "shows the mailbox press@un.org"),
    # a name in letters outside ASCII (RFC 6531) is one mailbox, but not one that passes for another
    "a name in two alphabets": ("[press@un.org](mailto:рress@un.org)", "mixes letters of different alphabets"),
    "an invisible character in a name": ("[x](mailto:a%E2%80%8Bb@un.org)", "U+200B ZERO WIDTH SPACE, which is no"),
    "an escape of no UTF-8 letter": ("[x](mailto:%C5@un.org)", "whose %-escapes are no UTF-8 letters"),
    "another mailbox shown, told as read": ("[press@un.org](mailto:łukasz@un.org)", "and writes to łukasz@un.org"),
    # a letter drawn as another of the same alphabet, or of none: passed the alphabets' check, shown as it wrote
    "a wide letter in a name": ("[ｐress@un.org](mailto:ｐress@un.org)", "whose 'ｐ' is drawn as 'p'"),
    "a mathematical letter in a name": ("[𝐩ress@un.org](mailto:𝐩ress@un.org)", "whose '𝐩' is drawn as 'p'"),
    "a numeral in a name": ("[ⅰnfo@un.org](mailto:ⅰnfo@un.org)", "whose 'ⅰ' is drawn as 'i'"),
}
MAIL_LINKS_ACCEPTED = [
    "[the press office](mailto:press@un.org)",
    "[press@un.org](mailto:Press@UN.org)",  # one mailbox, in other letters' case
    "<press@un.org>",
    "<mailto:press@un.org>",
    "[write to us](mailto:press@un.org?subject=The%20convention)",
    "[PRESS](MAILTO:press@un.org)",
    "[Mailto:press@un.org](mailto:press@un.org)",  # the scheme written as a sentence's first word
    # internationalized mailboxes (RFC 6531), refused as "not one mailbox": a name in letters outside ASCII, a host
    # in them (written as its `xn--` form), in either letter case
    "[łukasz@example.pl](mailto:łukasz@example.pl)",
    "[Łukasz@łódź.pl](mailto:łukasz@łódź.pl)",
    "[дмитрий@example.ru](mailto:дмитрий@example.ru)",
]


@pytest.mark.parametrize(("link", "said"), MAIL_LINKS_REFUSED.values(), ids=MAIL_LINKS_REFUSED.keys())
def test_a_mail_link_is_one_mailbox_the_reader_sees(link, said, content_copy):
    _refused_in_a_body_and_a_summary(content_copy, link, said)


def test_a_mail_link_to_one_mailbox_is_accepted(content_copy):
    assert _errors_of_a_body_of(content_copy, MAIL_LINKS_ACCEPTED) == []


# A source's title or publisher is the text of the link to it on every page that cites it: one writing another site's
# address (`www.un.org` on a link to example.org) passed, as a body's `[www.un.org](https://evil.example/)` may not.
# name: (file, pattern, replacement)
SOURCES_SHOWING_ANOTHER_SITE = {
    "an event source's title": (
        "data/timeline/signing-hanoi.yaml",
        r'title: "Activities of Secretary-General[^"]*"',
        'title: "https://treaties.un.org/Pages/ViewDetails.aspx"',
    ),
    "an event source's publisher": (
        "data/timeline/signing-hanoi.yaml",
        r"publisher: United Nations Treaty Collection \(the depositary\)",
        "publisher: www.vietnamplus.vn",
    ),
    "an event source's publisher, a mailbox": (
        "data/timeline/signing-hanoi.yaml",
        r"publisher: United Nations Treaty Collection \(the depositary\)",
        "publisher: press@vietnamplus.vn",
    ),
    "a country source's publisher": (
        "data/countries.yaml",
        r"publisher: Verdragenbank[^\n]*",
        "publisher: treaties.un.org",
    ),
}


@pytest.mark.parametrize(("name", "pattern", "new"), SOURCES_SHOWING_ANOTHER_SITE.values(),
                         ids=SOURCES_SHOWING_ANOTHER_SITE.keys())  # fmt: skip
def test_a_source_named_by_another_sites_address_is_refused_at_its_line(name, pattern, new, content_copy):
    name, text, line = _edit(name, pattern, new)
    (content_copy / name).write_text(text, encoding="utf-8")
    problems = [str(p) for p in check(content_copy)]
    assert any(p.startswith(f"{content_copy / name}:{line}:") and "shows the address of" in p for p in problems), (
        problems
    )


def test_an_articles_publisher_or_a_publishers_name_writing_another_site_is_refused(content_copy):
    path = content_copy / "articles/2025/good-article.en.md"
    path.write_text(good("publisher: Example", "publisher: www.un.org"), encoding="utf-8")
    problems = [str(p) for p in check(content_copy) if p.path == str(path)]
    assert any(": source.publisher: shows the address of www.un.org" in p for p in problems), problems
    publishers = content_copy / "data" / "publishers.yaml"
    publishers.write_text(publishers.read_text(encoding="utf-8").replace("name: Example Network", "name: un.org"))
    problems = [str(p) for p in check(content_copy) if p.path == str(publishers)]
    assert any(":3: www.example.net.name: shows the address of un.org" in p for p in problems), problems


def test_a_source_named_by_its_own_site_is_accepted(content_copy):
    path = content_copy / "articles/2025/good-article.en.md"
    text = good("https://example.org/a", "https://news.example.org/a").replace(
        "publisher: Example", "publisher: Example.org"
    )
    path.write_text(text, encoding="utf-8")  # a part of the site it names: news.example.org is example.org's
    assert [str(p) for p in check(content_copy) if p.path == str(path) and p.severity == "error"] == []
