"""Links whose text is their own address: marked, so that paper prints the address once."""

from __future__ import annotations

import pytest

from archive_core import markdown
from archive_core.markdown import parse, unsafe_links
from archive_core.provenance import another_site_shown
from archive_core.shown_addresses import shown_hosts, shows_its_address
from archive_core.tests.effort import cpu_seconds


@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("example.org/a", "https://example.org/a/"),  # no scheme, a trailing slash
        ("http://example.org/a/", "https://example.org/a"),  # another scheme
        ("Example.ORG/a", "https://example.org/a"),  # a host's case
        ("example.org/łódź", "https://example.org/%C5%82%C3%B3d%C5%BA"),  # a path as a reader writes it
        ("example.org/a?b=1#c", "https://example.org/a?b=1#c"),
    ],
)
def test_a_text_that_writes_the_address_shows_it(text, href):
    assert shows_its_address(text, href)


@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("the report", "https://example.org/a"),
        ("example.org", "https://example.org/a"),  # the host alone: the address is printed after it
        ("example.org/a", "https://example.org/b"),
        ("vietnamplu\u0455.vn/x", "https://xn--vietnamplu-v2i.vn/x"),  # printed, the ASCII host shows the look-alike
        ("a@example.org", "mailto:a@example.org"),  # never printed after its text anyway
        ("", "https://example.org/"),
        ("[::1", "https://example.org/"),
    ],
)
def test_other_words_or_another_address_do_not(text, href):
    assert not shows_its_address(text, href)


def test_the_renderer_marks_every_link_whose_text_is_its_address_and_no_other():
    body = (
        "<https://example.org/a>, [example.org/b](https://example.org/b/), "
        "[*example.org/c*](https://example.org/c) and [c](https://example.org/c)."
    )
    html = markdown.render(markdown.parse(body))
    assert html.count('class="shows-address"') == 2
    assert '<a href="https://example.org/a" class="shows-address">' in html
    assert '<a href="https://example.org/b/" class="shows-address">' in html


# A port is written in ASCII digits: `٨٠` is 80 to str.isdecimal(), to no browser. After a host, it still leaves the
# host what a reader reads; it shows no more than the host alone (a file's name, an abbreviation stay words).
@pytest.mark.parametrize(
    ("text", "hosts"),
    [
        ("index.sh:443", ["index.sh"]),
        ("index.sh:٤٤٣", []),
        ("see m.in:８０ there", []),
        ("see m.in:80 there", ["m.in"]),
        ("example.org:٨٠", ["example.org"]),
        ("see example.org:x there", ["example.org"]),
    ],
)
def test_a_port_is_written_in_ascii_digits(text, hosts):
    assert shown_hosts(text) == hosts


# A host ends where a character no host holds begins: what follows it (`—see`, `’s`, a fullwidth `：80`) leaves the host
# what a reader reads. Punctuation drawn like an address's (`：`, `／`, `．`) is read as it; what no one sees (a soft
# hyphen, a zero-width space, kept in the verbatim body) is not read at all.
@pytest.mark.parametrize(
    ("text", "hosts"),
    [
        ("un.org：80", ["un.org"]),
        ("see un.org／x there", ["un.org"]),
        ("un．org", ["un.org"]),
        ("see un.org™ now", ["un.org"]),  # a mark NFKC writes in letters (`TM`) is no part of the host
        ("来自上海。中国", []),  # a full stop to a reader of Chinese
        ("see un.org—the UN", ["un.org"]),
        ("un.org’s report", ["un.org"]),
        ("un.org\\x", ["un.org"]),
        ("un.o\u00adrg", ["un.org"]),
        ("un.org\u200bx", []),  # read `un.orgx`: no such top-level domain
        ("see m.in.—x there", []),  # still an abbreviation, and a file's name still a file's
        ("README.md’s first line", []),
        ("see m.in:８０ there", []),
    ],
)
def test_a_host_is_read_up_to_what_no_host_holds(text, hosts):
    assert shown_hosts(text) == hosts


# A user name before the host (`https://www.un.org@evil.example/`) is what a reader reads as the site: refused in a
# link's address, it showed the site it names in a link's text, which compared only the host after it.
@pytest.mark.parametrize(
    ("text", "hosts"),
    [
        ("https://un.org@evil.example/", ["un.org"]),
        ("see www.un.org@evil.example there", ["www.un.org"]),
        ("https://un.org:pw@evil.example/x", ["un.org"]),
        ("https://press@un.org/", ["un.org"]),  # a user name that writes no host: the host is what is read
    ],
)
def test_a_user_name_written_as_a_host_is_the_host_shown(text, hosts):
    assert shown_hosts(text) == hosts


# A top-level domain of other letters is written in them (`рф`) or in its ASCII form (`xn--p1ai`), which is no word.
@pytest.mark.parametrize(
    ("text", "hosts"),
    [
        ("see bank.xn--p1ai/login now", ["bank.xn--p1ai"]),
        ("xn--e1afmkfd.xn--p1ai", ["xn--e1afmkfd.xn--p1ai"]),
        ("see bank.рф/login now", ["bank.рф"]),
        ("see bank.xn--nosuchtld/login now", []),
    ],
)
def test_a_top_level_domain_in_its_ascii_form_is_one(text, hosts):
    assert shown_hosts(text) == hosts


# A top-level domain written with letters of another alphabet drawn as its own (`un.оrg`, a Cyrillic `о`; `сom`, a
# Cyrillic `с`) is what a reader reads: it was taken for no top-level domain, and the text for no address.
@pytest.mark.parametrize(
    ("text", "hosts"),
    [
        ("see un.\u043erg/x now", ["un.\u043erg"]),
        ("bank.\u0441om", ["bank.\u0441om"]),
        ("see un.\u03bfrg now", ["un.\u03bfrg"]),  # a Greek omicron
        ("see Node.j\u0455 now", []),  # a look-alike of a word that is no top-level domain stays a word
    ],
)
def test_a_top_level_domain_in_look_alike_letters_is_read_as_it_looks(text, hosts):
    assert shown_hosts(text) == hosts


# An address after a word and a mark with no space between (`UN:un.org`, `UN—un.org`, `PAP/un.org`) is read as one
# all the same: only a word's start was read, and such a text showed no address. A word that shows one already shows
# no more (`un.org—evil.example` shows un.org, on a link to evil.example too), nor does a word of no address.
@pytest.mark.parametrize(
    ("text", "hosts"),
    [
        ("UN:un.org", ["un.org"]),
        ("see the UN—un.org/x now", ["un.org"]),
        ("PAP/un.org", ["un.org"]),
        ("«UN»:www.un.org", ["www.un.org"]),
        ("un.org—evil.example", ["un.org"]),
        ("Node.js/v2:beta", []),
        ("see m.in.:e.g. now", []),
        # an e-mail address shows its host, a site a reader takes the link to be of, never the name before its `@`
        ("e-mail:biuro@pap.pl", ["pap.pl"]),
        ("biuro@pap.pl", ["pap.pl"]),
        ("write to press.office@un.org", ["un.org"]),  # `.office` is a top-level domain: the name's part is no host
        ("press.office@un.org", ["un.org"]),
        ("write to mailto:press@un.org", ["un.org"]),
        ("biuro@pap.md", []),  # a file's name after `@` (`shown_addresses.FILE_EXTENSIONS`), as a host alone
    ],
)
def test_an_address_after_a_word_and_a_mark_is_read(text, hosts):
    assert shown_hosts(text) == hosts


def test_a_mailto_links_text_shows_no_host_of_its_mailboxes():
    """A `mailto:` link writes to the mailbox its text shows (`mail_links.mailto_problem`): its host is no site."""
    assert shown_hosts("press@un.org", mailboxes=False) == []
    assert shown_hosts("press@un.org at www.un.org", mailboxes=False) == ["www.un.org"]


def test_a_word_of_many_marks_is_read_in_linear_time():
    """Each address after a mark is read up to its host and what may follow it, not to the word's end."""
    texts = ["a:" * 200_000 + "un.org", "a.b|" * 100_000, "see " + "|m.in" * 100_000]  # m.in: a call each
    assert cpu_seconds(lambda: [shown_hosts(text) for text in texts]) < 3


# (words, the link's target, the host told as another site's or None): one rule for a body's link and a source's
# title or publisher, which are the text of a link to the source on every page. A body refused the first while a
# source's publisher passed with it; a publisher passed the public suffixes.
SITE_SHOWN = [
    ("un.org", "https://press.un.org/", None),  # a site under the one shown: the same owner
    ("www.un.org", "https://un.org/x", None),
    ("press@un.org", "https://press.un.org/contact", None),
    ("the UN press office, un.org", "https://press.un.org/", None),
    ("press.un.org", "https://un.org/", "press.un.org"),  # the site above: not the page the words show
    ("un.org", "https://un.org.evil.example/", "un.org"),  # a host that merely ends with the letters shown
    ("github.io", "https://evil.github.io/", "github.io"),  # a public suffix: its sites have as many owners
    ("co.uk", "https://evil.co.uk/", "co.uk"),
    ("CO.UK.", "https://evil.co.uk/", "co.uk"),
    ("公司.cn", "https://evil.xn--55qx5d.cn/", "公司.cn"),  # a suffix in letters outside ASCII, written either way
    ("xn--55qx5d.cn", "https://evil.xn--55qx5d.cn/", "xn--55qx5d.cn"),
    ("政府.香港", "https://evil.xn--mxtq1m.xn--j6w193g/", "政府.香港"),
    ("bücher.example", "https://shop.xn--bcher-kva.example/", None),  # a site in such letters: its own
    ("faß.de", "https://fass.de/", "faß.de"),  # `ß` is no `ss` in a host (IDNA 2008): another site
    ("faß.de", "https://xn--fa-hia.de/", None),
]


@pytest.mark.parametrize(("words", "url", "told"), SITE_SHOWN)
def test_a_body_link_and_a_sources_label_show_a_site_by_one_rule(words, url, told):
    assert another_site_shown(words, url) == told
    body = f"[{words}]({url})"
    problems = [link.message for link in unsafe_links(parse(body), body)]
    host = url.split("/")[2]
    assert problems == ([] if told is None else [f"shows the address of {told} as its text, and goes to {host}"])
