"""The vendored world map: outlines read, rounded, and matched to the archive's country codes."""

from __future__ import annotations

import hashlib

import pytest

from countries.worldmap import SCALE, scaled_path, world_map


def test_relative_path_becomes_integer_steps_in_a_scaled_viewbox():
    assert scaled_path("m 1,2 0.5,0 0,0.5 -0.5,0 z") == "M4 8l2 0 0 2-2 0z"
    assert world_map().view_box == f"0 0 {1010 * SCALE} {666 * SCALE}"


def test_a_second_ring_starts_from_the_first_rings_start():
    assert scaled_path("m 1,1 1,0 0,1 z m 2,0 1,0 0,1 z") == "M4 4l4 0 0 4zM12 4l4 0 0 4z"


def test_rings_smaller_than_the_rounding_are_dropped():
    assert scaled_path("m 1,1 0.01,0 0,0.01 z") == ""


def test_an_unsupported_path_command_stops_the_build():
    with pytest.raises(ValueError, match="path command 'c' is not supported"):
        scaled_path("m 1,1 c 1,1 2,2 3,3 z")


def test_the_map_has_the_archives_countries():
    world = world_map()
    codes = {world.code(outline) for outline in world.outlines}
    assert {"VN", "BY", "ZA", "PL", "US", "XK"} <= codes
    assert None in codes  # the map's areas that are not ISO countries, such as `um-dq`
    assert all(outline.d.startswith("M") for outline in world.outlines if outline.d)


def test_the_drawn_map_kept_in_the_repository_is_the_vendored_map_drawn_now():
    # The build reads world.drawn.json instead of drawing world.svg again; after a change to the
    # map or to the drawing, `PYTHONPATH=plugins python -m countries.worldmap` writes it again.
    from countries.worldmap import MAP_FILE, _read_drawn, draw

    data = MAP_FILE.read_bytes()
    kept = _read_drawn(hashlib.sha256(data).hexdigest())
    assert kept is not None, "world.drawn.json is missing or was drawn from another world.svg"
    assert kept == draw(data)
    assert world_map() == kept


def test_a_map_drawn_from_other_bytes_is_not_taken_from_the_kept_file():
    from countries.worldmap import _read_drawn

    assert _read_drawn(hashlib.sha256(b"another map").hexdigest()) is None
