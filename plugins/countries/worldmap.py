"""The world map's outlines, from the vendored @svg-maps/world data (see data/README.md).

Its paths use only relative moveto/lineto (`m`) and closepath (`z`). They are
turned into absolute points, rounded to 1/SCALE of a map unit, and written
back as integers in a viewBox SCALE times larger: a third of the size, with
no visible change. Any other path item stops the build, so that a newer
map file cannot be drawn wrongly.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

from archive_core import countries

MAP_FILE = Path(__file__).resolve().parent / "data" / "world.svg"
SCALE = 4
_SVG = "{http://www.w3.org/2000/svg}"
_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


@dataclass(frozen=True)
class Outline:
    map_id: str  # the map's own id: `vn`, `xk`, `um-dq`
    label: str  # the map's English label, for reference only (pages use CLDR names)
    d: str


@dataclass(frozen=True)
class WorldMap:
    view_box: str
    outlines: tuple[Outline, ...]

    @staticmethod
    def code(outline: Outline) -> str | None:
        """The archive's code for an outline, or None for the map's other areas (`um-dq`, `go`)."""
        code = outline.map_id.upper()
        return code if countries.is_known(code) else None


@cache
def world_map(path: Path = MAP_FILE) -> WorldMap:
    root = ET.parse(path).getroot()  # noqa: S314 (a vendored file of this repository, not input)
    x, y, width, height = (float(v) for v in root.get("viewBox").split())
    view_box = " ".join(str(round(v * SCALE)) for v in (x, y, width, height))
    outlines = tuple(
        Outline(element.get("id"), element.get("aria-label", ""), scaled_path(element.get("d")))
        for element in root.iter(f"{_SVG}path")
    )
    return WorldMap(view_box, outlines)


def scaled_path(d: str) -> str:
    """`m 1.01,2 0.5,0 z` -> `M4 8l2 0z`: absolute start, integer steps, repeated points dropped."""
    rings = []
    for ring in _rings(d):
        points = [(round(px * SCALE), round(py * SCALE)) for px, py in ring]
        kept = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
        if len(kept) < 3:
            continue  # smaller than the rounding: invisible at any size the site shows
        steps = " ".join(f"{bx - ax} {by - ay}" for (ax, ay), (bx, by) in pairwise(kept))
        steps = steps.replace(" -", "-")  # a minus sign separates numbers by itself
        rings.append(f"M{kept[0][0]} {kept[0][1]}l{steps}z")
    return "".join(rings)


def _rings(d: str) -> list[list[tuple[float, float]]]:
    rings: list[list[tuple[float, float]]] = []
    ring: list[tuple[float, float]] | None = None
    x = y = start_x = start_y = 0.0
    tokens = _TOKEN.findall(d)
    i = 0
    while i < len(tokens):
        item = tokens[i]
        if item in "zZ":
            if ring:
                rings.append(ring)
            ring, x, y = None, start_x, start_y
            i += 1
        elif item == "m":
            ring = None
            i += 1
        elif item.isalpha():
            raise ValueError(f"{MAP_FILE.name}: path command {item!r} is not supported (only m and z)")
        else:
            x, y = x + float(item), y + float(tokens[i + 1])
            i += 2
            if ring is None:
                ring, start_x, start_y = [], x, y
            ring.append((x, y))
    if ring:
        rings.append(ring)
    return rings
