"""archive_core.output.TextDocument: a text file written as it is, made only when it is written."""

from __future__ import annotations

import json

from archive_core.output import TextDocument, records_json


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


def test_records_json_is_the_same_data_with_a_record_a_line():
    rows = [{"title": "Konwencja „hanojska”\u2028", "tags": ["a", "b"], "n": 1}, {"title": "x", "nested": {"k": None}}]
    data = {"title": "Archive", "licence": {"name": "CC"}, "articles": rows, "empty": [], "none": None}
    text = records_json(data)
    assert json.loads(text) == data
    lines = text.split("\n")  # not splitlines(): U+2028 is not a line end of JSON
    assert [json.loads(line.strip().rstrip(",")) for line in lines if line.startswith("    ")] == rows
    assert "Konwencja „hanojska”" in text  # not escaped
    assert text.endswith("}\n")
    assert json.loads(records_json({})) == {}
