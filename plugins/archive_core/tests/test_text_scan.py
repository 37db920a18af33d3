"""A whole file is checked as bytes, a value as text: the two scans refuse the same characters."""

from __future__ import annotations

import sys
from collections.abc import Callable

from archive_core.paths import MAX_FILE_BYTES
from archive_core.tests.effort import cpu_seconds
from archive_core.text import bytes_problem, text_problem


def test_the_bytes_scan_and_the_text_scan_refuse_the_same_code_points():
    refused_as_text = {code for code in range(sys.maxunicode + 1) if _text_refuses(code)}
    refused_as_bytes = {code for code in range(sys.maxunicode + 1) if _bytes_refuse(code)}
    assert refused_as_text == refused_as_bytes, sorted(refused_as_text ^ refused_as_bytes)[:10]
    assert {0xFDD0, 0xFDEF, 0xFFFE, 0x1FFFF, 0x10FFFE, 0x92, 0x7F, 0x1B} <= refused_as_text
    assert not {0xFDCF, 0xFDF0, 0xFFFD, 0x1FFFD, 0xA0, 0x142} & refused_as_text


def _text_refuses(code: int) -> bool:
    return 0xD800 <= code <= 0xDFFF or text_problem(f"a{chr(code)}b") is not None


def _bytes_refuse(code: int) -> bool:
    if 0xD800 <= code <= 0xDFFF:  # no UTF-8 file holds one: it does not decode
        return True
    problem = bytes_problem(f"a{chr(code)}b".encode())
    return problem is not None and problem.offset == 1


def test_a_file_of_prose_is_scanned_at_the_cost_of_a_few_passes_over_its_bytes():
    """The noncharacters' pattern starts with a class of bytes, which the regular expression engine tries at every
    byte: a file holding none of the bytes a noncharacter starts with is not searched by it. Bounded against a
    pass of `bytes.lower` over the same bytes, one of the few passes the scan makes."""
    line = "Zażółć gęślą jaźń — „cytat” i [odnośnik](https://example.org/ścieżka).\n".encode()
    data = line * (MAX_FILE_BYTES // len(line))

    def best(work: Callable[[], object]) -> float:
        return min(cpu_seconds(work) for _ in range(7))

    assert bytes_problem(data) is None
    assert best(lambda: bytes_problem(data)) < 15 * best(data.lower)
