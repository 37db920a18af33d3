"""What a `mailto:` link of a body or a summary may be: one mailbox, as strict as an http(s) address.

A `mailto:` address is no page: a reader's mail program opens a message to it, filled as the address says. It
passed with no test of what it held, where an http(s) address passes `provenance.is_http_url`: a link could
write to more people than it shows (`mailto:editor@example.org?bcc=x@evil.example`, `mailto:a@x.org,b@y.org`,
header lines spelled `%0D%0A`), write the message for its reader (`?body=`), go to no mailbox (`mailto:`), to a
host that is no site's name, or show one mailbox as its text and write to another
(`[press@un.org](mailto:attacker@evil.example)`), as a link may not show one site and go to another
(`markdown._shows_another_site`). A `mailto:` link is one mailbox, `name@host`, its host a name `is_http_url`
takes (in the ASCII form the link is written in: `normalizeLink`), and at most a subject.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qsl, unquote

import icu

from .provenance import is_http_url, same_host
from .shown_addresses import MAILTO, shown_mailboxes

# The name before `@` in the characters mail addresses are written with (RFC 5322's dot-atom, less those a link
# holds only %-escaped): no `,` (a second mailbox), `%` (a line end spelled `%0D%0A`), `?`, `#`. A name in letters
# outside ASCII too (RFC 6531: `łukasz@example.pl`) is written in a link as markdown-it writes it, each such letter
# as its UTF-8 bytes %-escaped; only those may be escaped (`%C5%82`, never `%2C` nor `%0D`).
_NAME_CHARACTER = r"(?:[A-Za-z0-9!$&'*+=_~-]|%[89A-Fa-f][0-9A-Fa-f])"
_LOCAL_PART = rf"{_NAME_CHARACTER}+(?:\.{_NAME_CHARACTER}+)*"
_MAILBOX = re.compile(rf"({_LOCAL_PART})@([A-Za-z0-9.-]+)")
# What a name's letters outside ASCII may be: letters, their marks and digits (no space, no invisible character, no
# mark drawn as `@` or `.`), of one script with the Latin letters they stand among (ICU's restriction level: `рress`,
# its `р` Cyrillic, passes for `press`).
_LETTER_CATEGORIES = ("L", "M", "N")
_SPOOF_CHECKER = icu.SpoofChecker()
_SPOOF_CHECKER.setChecks(icu.USpoofChecks.RESTRICTION_LEVEL)
# What a `mailto:` address may say besides its mailbox: the subject a reader sees before sending.
_QUERY_KEYS = frozenset({"subject"})
_CONTROL = re.compile("[\x00-\x1f\x7f]")
_NUMBER = re.compile("[0-9]+")  # a host's last label: an IPv4 address, no name mail is sent to
HINT = "link to one mailbox, mailto:name@host, with at most a subject: mailto:name@host?subject=..."


def mailto_problem(url: str, text: str) -> tuple[str, str] | None:
    """Why the `mailto:` link `url`, whose text a reader reads as `text`, may not be carried: (message, hint)."""
    address, _, query = url[len(MAILTO) :].partition("?")
    mailbox = _MAILBOX.fullmatch(address)
    if mailbox is None:
        return "is not one mailbox (name@host)", HINT
    if problem := _name_problem(mailbox.group(1)):
        return problem
    address = _read(address)
    host = mailbox.group(2)
    if not is_http_url(f"https://{host}/") or _NUMBER.fullmatch(host.rstrip(".").rpartition(".")[2]):
        return f"writes to {host}, which is no site's name", HINT
    fields = parse_qsl(query, keep_blank_values=True)
    keys = [key.lower() for key, _ in fields]
    if others := sorted(set(keys) - _QUERY_KEYS):
        return f"fills in the message ({', '.join(others)}), which its reader does not see before clicking", HINT
    if len(keys) > 1:
        return "gives its subject more than once", HINT
    if any(_CONTROL.search(value) for _, value in fields):
        return "writes a line end or a control character into the message's subject", HINT
    shown = shown_mailboxes(text)
    if shown and _same_mailbox(address) not in map(_same_mailbox, shown):
        return (
            f"shows the mailbox {shown[0]} as its text, and writes to {address}",
            "write the mailbox it writes to as its text, or words that write no address",
        )
    return None


def _read(address: str) -> str:
    """A mailbox as a reader reads it: its name's %-escaped letters as letters (`%C5%82ukasz@x.pl`: `łukasz@x.pl`)."""
    name, _, host = address.rpartition("@")
    return f"{unicodedata.normalize('NFC', unquote(name))}@{host}"


def _name_problem(name: str) -> tuple[str, str] | None:
    """Why a mailbox's name, as a link writes it, is none a reader can read as written: (message, hint), or None."""
    try:
        read = unquote(name, errors="strict")
    except UnicodeDecodeError:
        return "writes to a name whose %-escapes are no UTF-8 letters", HINT
    others = [char for char in read if not char.isascii()]
    if strange := [char for char in others if unicodedata.category(char)[0] not in _LETTER_CATEGORIES]:
        return (
            f"writes to a name holding U+{ord(strange[0]):04X} {unicodedata.name(strange[0], '?')}, which is no letter",
            "a mailbox's name holds letters (of any alphabet), digits and . _ - + only: write it as its owner gives it",
        )
    if stand_ins := [char for char in others if unicodedata.normalize("NFKC", char) != char]:
        # A letter of Unicode's compatibility forms draws another (`ｐ`, `𝐩`, `ⅰ` for `p`, `p`, `i`), of the same
        # alphabet (Latin) or of none (a mathematical letter's is Common): `ｐress` passed for `press`.
        return (
            f"writes to the name {read!r}, whose {stand_ins[0]!r} is drawn as "
            f"{unicodedata.normalize('NFKC', stand_ins[0])!r} and can pass for another name",
            "write the name in the letters its owner gives it, not their wide, mathematical or numeral forms",
        )
    if others and _SPOOF_CHECKER.check(read):
        return (
            f"writes to the name {read!r}, which mixes letters of different alphabets and can pass for another",
            "write the name in the letters its owner gives it, each of one alphabet (a Cyrillic `р` passes for `p`)",
        )
    return None


def _same_mailbox(address: str) -> str:
    """`Press@WWW.UN.org.` -> `press@un.org`: two spellings of one mailbox compared as one (the host as DNS
    resolves it; the name's case too, which every mail service ignores)."""
    name, _, host = _read(address).rpartition("@")
    return f"{name.lower()}@{same_host(host)}"
