"""Plot build time against corpus size from `make bench` results: `python -m tools.bench.plot RESULTS.json OUT.svg`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

plt.rcParams["svg.hashsalt"] = "hanoi-archive"  # the same results give the same SVG bytes
plt.rcParams["svg.fonttype"] = "none"


def plot(results: dict, target: Path) -> None:
    rows = [size["summary"] for size in results["sizes"]]
    pages = [row["pairs"] * 2 for row in rows]
    figure, axes = plt.subplots(figsize=(6, 3.6))
    series = [
        ("stock Pelican + Pagefind CLI", "stock_plus_pagefind_s", "s-"),
        ("stock Pelican", "stock_cold_s", "^-"),
        ("this archive, cold" + (" (search included)" if rows[-1]["search_included"] else ""), "ours_cold_s", "o-"),
        ("this archive, one edit (devserver)", "ours_incremental_s", "d-"),
    ]
    for label, key, style in series:
        axes.plot(pages, [row[key] for row in rows], style, label=label)
    axes.set_xlabel("article pages (two per pair)")
    axes.set_ylabel("wall time, s")
    axes.set_title(f"Build time, {results['machine']['cores']} cores")
    axes.grid(alpha=0.3)
    axes.legend(fontsize="small")
    figure.tight_layout()
    figure.savefig(target, metadata={"Date": None})


def main(argv: list[str] | None = None) -> int:
    source, target = (Path(a) for a in (argv or sys.argv[1:]))
    plot(json.loads(source.read_text()), target)
    print(f"plot: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
