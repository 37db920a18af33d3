"""An event that states the convention's figures must state the ones convention.yaml records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from archive_core.snapshot import take

EVENT = """\
id: signing
kind: signing
date: 2025-10-25
title: {pl: Podpisanie, en: Signing}
description:
  pl: Depozytariusz liczy {total} podpisy, {states} państw i UE.
  en: The depositary counts {total} signatures, {states} states and the EU.
sources:
  - url: https://treaties.un.org/doc/x.xml
    publisher: United Nations Treaty Collection
    accessed: 2026-11-29
figures: [hanoi_signatures]
"""
CONVENTION = """\
as_of: 2026-11-29
hanoi_signatures: {total: 72, states: 71, organisations: 1}
sources: [https://treaties.un.org/doc/x.xml]
"""


def check_timeline(folder: Path) -> list:
    """Every problem of a content folder of events (and convention.yaml), as make check reports them."""
    return list(take(folder).problems)


def write(folder: Path, total: str, states: str, convention: bool = True) -> None:
    (folder / "data" / "timeline").mkdir(parents=True)
    (folder / "data" / "timeline" / "signing.yaml").write_text(
        EVENT.replace("{total}", total).replace("{states}", states), "utf-8"
    )
    if convention:
        (folder / "data" / "convention.yaml").write_text(CONVENTION, "utf-8")


def test_figures_that_agree_pass(tmp_path):
    write(tmp_path, "72", "71")
    assert check_timeline(tmp_path) == []


def test_a_figure_that_disagrees_fails_in_each_language(tmp_path):
    write(tmp_path, "73", "71")
    problems = check_timeline(tmp_path)
    assert sorted((p.field, p.line) for p in problems) == [("description.en", 7), ("description.pl", 6)]
    assert "does not give 72" in problems[0].message
    assert date(2026, 11, 29)  # as_of is read without complaint


def test_figures_without_a_convention_file_are_an_error(tmp_path):
    write(tmp_path, "72", "71", convention=False)
    (problem,) = check_timeline(tmp_path)
    assert problem.field == "figures"


def test_a_refused_convention_file_is_not_called_missing(tmp_path):
    """convention.yaml there but wrong: its own problem is reported, never "there is no data/convention.yaml"."""
    write(tmp_path, "72", "71")
    path = tmp_path / "data" / "convention.yaml"
    path.write_text(path.read_text("utf-8").replace("total: 72", "total: -5"), "utf-8")
    (problem,) = check_timeline(tmp_path)
    assert problem.path == str(path) and "total" in problem.field


def test_an_unknown_figure_is_an_error(tmp_path):
    write(tmp_path, "72", "71")
    path = tmp_path / "data" / "timeline" / "signing.yaml"
    path.write_text(path.read_text("utf-8").replace("[hanoi_signatures]", "[parties]"), "utf-8")
    (problem,) = check_timeline(tmp_path)
    assert problem.field == "figures.0" and "'parties' is not a known figure" in problem.message
