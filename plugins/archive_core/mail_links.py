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
from urllib.parse import parse_qsl

from .provenance import is_http_url, same_host
from .shown_addresses import MAILTO, shown_mailboxes

# The name before `@` in the characters mail addresses are written with (RFC 5322's dot-atom, less those a link
# holds only %-escaped): no `,` (a second mailbox), `%` (a line end spelled `%0D%0A`), `?`, `#`.
_LOCAL_PART = r"[A-Za-z0-9!$&'*+=_~-]+(?:\.[A-Za-z0-9!$&'*+=_~-]+)*"
_MAILBOX = re.compile(rf"({_LOCAL_PART})@([A-Za-z0-9.-]+)")
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


def _same_mailbox(address: str) -> str:
    """`Press@WWW.UN.org.` -> `press@un.org`: two spellings of one mailbox compared as one (the host as DNS
    resolves it; the name's case too, which every mail service ignores)."""
    name, _, host = address.rpartition("@")
    return f"{name.lower()}@{same_host(host)}"
