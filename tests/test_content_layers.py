"""The content layer stands on its own, and what it repeats of other layers stays equal to them."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from game.content.citygen import City, CitySpec
from game.content.loader import load_level
from game.content.tiles import UNREACHABLE, WALKABLE, reachable, regions, walk_distances

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "game" / "content"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", sorted(CONTENT.glob("*.py")), ids=lambda p: p.name)
def test_content_is_the_bottom_layer(path: Path) -> None:
    """No module of game.content imports the engine, the UI, sessions or pygame (audio only for checking
    scores with the synthesizer's own parser, in music.py)."""
    for module in imported_modules(path):
        assert not module.startswith(("game.core", "game.ui", "game.session", "game.net", "pygame")), module
        if module.startswith("game.audio"):
            assert path.name == "music.py" and module in ("game.audio.score", "game.audio.patterns"), module


def test_content_never_loads_the_engine_and_validate_never_loads_pygame() -> None:
    code = ("import sys; from game.content import modset, bundle, watch; "
            "bad = [m for m in sys.modules if m.startswith(('game.core', 'game.ui', 'pygame'))]; "
            "from game.cli import validate; "
            "bad += [m for m in sys.modules if m.startswith(('game.ui', 'pygame'))]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_one_walkable_set_and_one_search_for_engine_and_checks(tiny_level) -> None:
    from game.core.grid import CityMap

    city = CityMap(tiny_level.map)
    rows = [[tiny_level.map.legend[ch] in WALKABLE for ch in row] for row in tiny_level.map.rows]
    assert city.walkable == rows
    start = next((x, y) for y, row in enumerate(rows) for x, ok in enumerate(row) if ok)
    assert city.distance_field(start) == walk_distances(rows, start)
    field = city.distance_field(start)
    walk = reachable(rows, start)
    assert walk == {(x, y) for y in range(city.height) for x in range(city.width) if field[y][x] != UNREACHABLE}
    label = regions(rows)
    assert walk == {(x, y) for y in range(city.height) for x in range(city.width)
                    if label[y][x] == label[start[1]][start[0]]}


@pytest.mark.parametrize("name, spec", [
    ("ligovka_nights", CitySpec(24, 18, seed=1955, block=(3, 5), rivers=((0.55, 2, 3),), meander=False,
                                park_chance=0.05)),
    ("vasilievsky_1953", CitySpec(48, 36, seed=1953, block=(4, 7), rivers=((0.12, 2, 3), (0.64, 4, 2)),
                                  park_chance=0.06)),
])
def test_generator_still_makes_the_shipped_cities(name: str, spec: CitySpec) -> None:
    """The shipped maps came from citygen (their JSON is the source of truth now); the generator, with the
    shared search, still makes them tile for tile."""
    assert City(spec).rows() == load_level(ROOT / "levels" / "skirmish" / f"{name}.json").map.rows


def test_score_names_match_the_synthesizer() -> None:
    from typing import get_args

    from game.audio.patterns import DRUM_PATTERNS
    from game.audio.synth import MIX
    from game.content.scoremodel import BassStyle, CompStyle, DrumStyle, Instrument

    assert set(get_args(Instrument)) == set(MIX)
    assert set(get_args(DrumStyle)) == {*DRUM_PATTERNS, "none"}
    import numpy as np

    from game.audio.patterns import bass_line, comping
    from game.audio.score import Chord

    bars = [[Chord.parse("C")], [Chord.parse("G7")]]
    for style in get_args(BassStyle):
        notes = bass_line(style, bars, 4, "upright_bass", 0.0, np.random.default_rng(1))
        assert bool(notes) == (style != "none"), style
    for style in get_args(CompStyle):
        notes = comping(style, bars, 4, "piano", 0.0, np.random.default_rng(1))
        assert bool(notes) == (style != "none"), style


def test_shipped_scores_fit_the_score_model() -> None:
    from game.content.music import check_music_folder

    checked = check_music_folder(ROOT / "assets" / "music")
    assert not checked.problems and len(checked.tracks) == len(list((ROOT / "assets" / "music").glob("*.json")))


def test_buyer_kinds_match_the_engine() -> None:
    from game.content.lint import BUYERS
    from game.core.world import BUYER_KINDS

    assert BUYERS == BUYER_KINDS


def test_game_version_matches_the_package() -> None:
    from game.content.versions import GAME_VERSION, in_range

    assert tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"] == GAME_VERSION
    assert in_range("0.1.0", ">=0.1, <1") and not in_range("1.0", ">=0.1, <1") and in_range("2", "==2.0.0")
