"""A whole file is checked as bytes, a value as text: the two scans refuse the same characters."""

from __future__ import annotations

import sys

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
