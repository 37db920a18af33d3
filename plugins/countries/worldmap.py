"""The world map's outlines, from the vendored @svg-maps/world data (see data/README.md).

Its paths use only relative moveto/lineto (`m`) and closepath (`z`). They are
turned into absolute points, rounded to 1/SCALE of a map unit, and written
back as integers in a viewBox SCALE times larger: a third of the size, with
no visible change. Any other path item stops the build, so that a newer
map file cannot be drawn wrongly.
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, pairwise
from pathlib import Path

from archive_core import countries

MAP_FILE = Path(__file__).resolve().parent / "data" / "world.svg"
# The outlines of MAP_FILE as `draw` makes them (0.4-1.4 s of every build): drawn once, by `write_drawn`
# (`PYTHONPATH=plugins python -m countries.worldmap`), and used only while MAP_FILE's hash matches.
DRAWN_FILE = MAP_FILE.with_name("world.drawn.json")
SCALE = 4
_SVG = "{http://www.w3.org/2000/svg}"
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_COMMAND = re.compile(r"([A-DF-Za-df-z])")  # a path command: any letter but the exponent's e


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
    """The map drawn from `path`; for the vendored map, read from DRAWN_FILE when it was drawn from these bytes."""
    data = path.read_bytes()
    if path == MAP_FILE and (drawn := _read_drawn(hashlib.sha256(data).hexdigest())) is not None:
        return drawn
    return draw(data)


def _read_drawn(source_sha256: str) -> WorldMap | None:
    try:
        stored = json.loads(DRAWN_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if stored.get("source_sha256") != source_sha256 or stored.get("scale") != SCALE:
        return None
    return WorldMap(stored["view_box"], tuple(Outline(*outline) for outline in stored["outlines"]))


def write_drawn() -> Path:
    """Draw the vendored map and keep the result in DRAWN_FILE (after a change to the map or to `scaled_path`)."""
    data = MAP_FILE.read_bytes()
    world = draw(data)
    stored = {
        "source": MAP_FILE.name,
        "source_sha256": hashlib.sha256(data).hexdigest(),
        "scale": SCALE,
        "view_box": world.view_box,
        "outlines": [[o.map_id, o.label, o.d] for o in world.outlines],
    }
    DRAWN_FILE.write_text(json.dumps(stored, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return DRAWN_FILE


def draw(data: bytes) -> WorldMap:
    root = ET.fromstring(data)  # noqa: S314 (a vendored file of this repository, not input)
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
    for xs, ys in _rings(d):
        points = [(round(px * SCALE), round(py * SCALE)) for px, py in zip(xs, ys, strict=True)]
        kept = [p for p, previous in zip(points, [None, *points], strict=False) if p != previous]
        if len(kept) < 3:
            continue  # smaller than the rounding: invisible at any size the site shows
        steps = " ".join(f"{bx - ax} {by - ay}" for (ax, ay), (bx, by) in pairwise(kept))
        steps = steps.replace(" -", "-")  # a minus sign separates numbers by itself
        rings.append(f"M{kept[0][0]} {kept[0][1]}l{steps}z")
    return "".join(rings)


def _rings(d: str) -> list[tuple[list[float], list[float]]]:
    """Each closed ring's absolute points, as x and y lists: the relative steps summed in order."""
    rings: list[tuple[list[float], list[float]]] = []
    ring: tuple[list[float], list[float]] | None = None
    x = y = start_x = start_y = 0.0
    for item in _COMMAND.split(d):
        if item in ("z", "Z"):
            if ring:
                rings.append(ring)
            ring, x, y = None, start_x, start_y
        elif item == "m":
            ring = None
        elif item.isalpha():
            raise ValueError(f"{MAP_FILE.name}: path command {item!r} is not supported (only m and z)")
        elif numbers := [float(n) for n in _NUMBER.findall(item)]:
            if len(numbers) % 2:
                raise ValueError(f"{MAP_FILE.name}: a path has an odd count of coordinates")
            xs = list(accumulate(numbers[0::2], initial=x))[1:]
            ys = list(accumulate(numbers[1::2], initial=y))[1:]
            x, y = xs[-1], ys[-1]
            if ring is None:
                ring, start_x, start_y = ([], []), xs[0], ys[0]
            ring[0].extend(xs)
            ring[1].extend(ys)
    if ring:
        rings.append(ring)
    return rings


if __name__ == "__main__":
    print(write_drawn())
