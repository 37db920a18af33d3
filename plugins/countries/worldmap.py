"""The world map's outlines, from the vendored @svg-maps/world data (see data/README.md), and a map of Europe.

Its paths use only relative moveto/lineto (`m`) and closepath (`z`). They are
turned into absolute points, simplified (Douglas-Peucker, by Shapely) to less
than a pixel at the width the page shows them, rounded to 1/scale of a map
unit and written back as integers in a viewBox scale times larger: a fifth of
the size, with no visible change. Any other path item stops the build, so that
a newer map file cannot be drawn wrongly.

Europe, where many small countries sit close together, gets a map of its own:
the outlines clipped to EUROPE, at INSET_SCALE. A country smaller than
DOT_BELOW map units in each direction (Andorra, Malta, Vatican City...) is also
drawn as a dot, so that it can be seen and clicked.
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

from archive_core import countries

MAP_FILE = Path(__file__).resolve().parent / "data" / "world.svg"
# The maps as `draw` makes them (drawing them was a large part of every build: docs/performance.md):
# drawn once, by `write_drawn` (`PYTHONPATH=plugins python -m countries.worldmap`), and used only while
# MAP_FILE's hash and the drawing parameters match.
DRAWN_FILE = MAP_FILE.with_name("world.drawn.json")
SCALE = 2
TOLERANCE = 0.5  # map units: the world map is about one map unit a pixel wide
EUROPE = (400.0, 175.0, 600.0, 380.0)  # map units: from Iceland and Portugal to Cyprus and the North Cape
INSET_SCALE = 4
INSET_TOLERANCE = 0.15
DOT_BELOW = 2.5  # map units
_SVG = "{http://www.w3.org/2000/svg}"
_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")


@dataclass(frozen=True)
class Outline:
    map_id: str  # the map's own id: `vn`, `xk`, `um-dq`
    label: str  # the map's English label, for reference only (pages use CLDR names)
    d: str
    dot: tuple[int, int] | None = None  # a small country: the centre of its dot, in the viewBox


@dataclass(frozen=True)
class WorldMap:
    view_box: str
    outlines: tuple[Outline, ...]
    europe_view_box: str = ""
    europe: tuple[Outline, ...] = ()  # the outlines that reach into EUROPE, clipped to it

    @staticmethod
    def code(outline: Outline) -> str | None:
        """The archive's code for an outline, or None for the map's other areas (`um-dq`, `go`)."""
        code = outline.map_id.upper()
        return code if countries.is_known(code) else None


@cache
def world_map(path: Path = MAP_FILE) -> WorldMap:
    """The maps drawn from `path`; for the vendored map, read from DRAWN_FILE when drawn from these bytes."""
    data = path.read_bytes()
    if path == MAP_FILE and (drawn := _read_drawn(hashlib.sha256(data).hexdigest())) is not None:
        return drawn
    return draw(data)


def _parameters() -> list:
    return [SCALE, TOLERANCE, list(EUROPE), INSET_SCALE, INSET_TOLERANCE, DOT_BELOW]


def _read_drawn(source_sha256: str) -> WorldMap | None:
    try:
        stored = json.loads(DRAWN_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if stored.get("source_sha256") != source_sha256 or stored.get("parameters") != _parameters():
        return None

    def outlines(rows):
        return tuple(Outline(i, label, d, tuple(dot) if dot else None) for i, label, d, dot in rows)

    return WorldMap(
        stored["view_box"], outlines(stored["outlines"]), stored["europe_view_box"], outlines(stored["europe"])
    )


def write_drawn() -> Path:
    """Draw the vendored map and keep the result in DRAWN_FILE (after a change to the map or to the drawing)."""
    data = MAP_FILE.read_bytes()
    world = draw(data)

    def rows(outlines):
        return [[o.map_id, o.label, o.d, list(o.dot) if o.dot else None] for o in outlines]

    stored = {
        "source": MAP_FILE.name,
        "source_sha256": hashlib.sha256(data).hexdigest(),
        "parameters": _parameters(),
        "view_box": world.view_box,
        "outlines": rows(world.outlines),
        "europe_view_box": world.europe_view_box,
        "europe": rows(world.europe),
    }
    DRAWN_FILE.write_text(json.dumps(stored, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return DRAWN_FILE


def draw(data: bytes) -> WorldMap:
    root = ET.fromstring(data)  # noqa: S314 (a vendored file of this repository, not input)
    x, y, width, height = (float(v) for v in root.get("viewBox").split())
    view_box = " ".join(str(round(v * SCALE)) for v in (x, y, width, height))
    left, top, right, bottom = EUROPE
    europe_view_box = f"0 0 {round((right - left) * INSET_SCALE)} {round((bottom - top) * INSET_SCALE)}"
    outlines, europe = [], []
    for element in root.iter(f"{_SVG}path"):
        map_id, label, d = element.get("id"), element.get("aria-label", ""), element.get("d")
        rings = _rings(d)
        dot = _dot(rings)
        outlines.append(Outline(map_id, label, _path(rings, SCALE, TOLERANCE), _scaled(dot, SCALE)))
        clipped = _path(rings, INSET_SCALE, INSET_TOLERANCE, EUROPE)
        inset_dot = _scaled(dot, INSET_SCALE, EUROPE)
        if clipped or inset_dot:
            europe.append(Outline(map_id, label, clipped, inset_dot))
    return WorldMap(view_box, tuple(outlines), europe_view_box, tuple(europe))


def _dot(rings: list[list[tuple[float, float]]]) -> tuple[float, float] | None:
    points = [point for ring in rings for point in ring]
    if not points:
        return None
    xs, ys = [px for px, _ in points], [py for _, py in points]
    if max(xs) - min(xs) >= DOT_BELOW or max(ys) - min(ys) >= DOT_BELOW:
        return None
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def _scaled(point, scale: int, frame=None) -> tuple[int, int] | None:
    if point is None:
        return None
    left, top = (frame[0], frame[1]) if frame else (0.0, 0.0)
    if frame and not (frame[0] <= point[0] <= frame[2] and frame[1] <= point[1] <= frame[3]):
        return None
    return round((point[0] - left) * scale), round((point[1] - top) * scale)


def scaled_path(d: str, scale: int = SCALE, tolerance: float = 0.0, frame=None) -> str:
    """`m 1.01,2 0.5,0 z` -> `M2 4l1 0z`: absolute start, integer steps, repeated points dropped.

    `tolerance`: simplify each ring first (map units); `frame` (left, top, right, bottom): clip
    the outline to it, with the frame's top left corner as the origin.
    """
    return _path(_rings(d), scale, tolerance, frame)


def _path(rings_in: list[list[tuple[float, float]]], scale: int, tolerance: float, frame=None) -> str:
    rings = []
    left, top = (frame[0], frame[1]) if frame else (0.0, 0.0)
    for ring in rings_in:
        for coords in _parts(ring, tolerance, frame):
            points = [(round((px - left) * scale), round((py - top) * scale)) for px, py in coords]
            kept = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
            if len(kept) > 1 and kept[-1] == kept[0]:
                kept.pop()
            if len(kept) < 3:
                continue  # smaller than the rounding: invisible at any size the site shows
            steps = " ".join(f"{bx - ax} {by - ay}" for (ax, ay), (bx, by) in pairwise(kept))
            steps = steps.replace(" -", "-")  # a minus sign separates numbers by itself
            rings.append(f"M{kept[0][0]} {kept[0][1]}l{steps}z")
    return "".join(rings)


def _parts(ring: list[tuple[float, float]], tolerance: float, frame) -> list[list[tuple[float, float]]]:
    """The ring, simplified, and clipped to `frame` (which may cut it into several)."""
    if len(ring) < 3:
        return []
    if frame is None and not tolerance:
        return [ring]
    # Here only: a build reads the drawn maps (DRAWN_FILE) and need not import Shapely and NumPy.
    from shapely.geometry import LinearRing, Polygon, box

    if frame is not None:
        xs, ys = [px for px, _ in ring], [py for _, py in ring]
        if max(xs) < frame[0] or min(xs) > frame[2] or max(ys) < frame[1] or min(ys) > frame[3]:
            return []
        shape = Polygon(ring)
        if not (frame[0] <= min(xs) and max(xs) <= frame[2] and frame[1] <= min(ys) and max(ys) <= frame[3]):
            shape = (shape if shape.is_valid else shape.buffer(0)).intersection(box(*frame))
        polygons = [geom for geom in getattr(shape, "geoms", [shape]) if isinstance(geom, Polygon)]
        rings = [list(polygon.exterior.coords) for polygon in polygons if not polygon.is_empty]
    else:
        rings = [ring]
    if tolerance:
        rings = [list(LinearRing(r).simplify(tolerance).coords) if len(r) >= 3 else r for r in rings]
    return rings


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


if __name__ == "__main__":
    print(write_drawn())
