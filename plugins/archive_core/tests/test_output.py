"""archive_core.output.TextDocument: a text file written as it is, made only when it is written."""

from __future__ import annotations

from archive_core.output import TextDocument


def test_a_text_document_is_written_as_it_is_with_one_final_newline():
    assert TextDocument("@misc{x}").render({}) == "@misc{x}\n"
    assert TextDocument("TY  - NEWS\n").render({}) == "TY  - NEWS\n"


def test_a_text_document_made_by_a_function_is_made_only_when_rendered():
    calls = []

    def make() -> str:
        calls.append(1)
        return "[]"

    document = TextDocument(make)
    assert calls == []  # linked from the last build, or written by another process: never made here
    assert document.render({}) == "[]\n"
    assert calls == [1]
