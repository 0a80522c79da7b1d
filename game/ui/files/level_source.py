"""Where the UI gets levels from: `game.content.loader` when it is there, else plain JSON + the Level model.

The picker is lenient: a file the loader's semantic checks reject (for instance a master whose music track
is not installed yet) is still listed if it parses as a `Level`, so the player sees it; starting it is where
the game reports the problem."""

from __future__ import annotations

import json
from pathlib import Path

from game.content.models import Level

LEVELS_DIR = Path(__file__).resolve().parents[3] / "levels"
SKIRMISH_DIR = LEVELS_DIR / "skirmish"


def _parse(path: Path) -> Level | None:
    try:
        return Level.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def list_levels(folder: Path = SKIRMISH_DIR) -> list[tuple[Path, Level]]:
    """Every level in `folder` that loads (or at least parses), sorted by file name."""
    try:
        from game.content.loader import level_files
        from game.content.loader import list_levels as loader_list
    except ImportError:
        loaded: dict[Path, Level] = {}
        files = sorted(Path(folder).glob("*.json"))
    else:
        loaded = dict(loader_list(folder))
        files = level_files(folder)
    found = []
    for path in files:
        level = loaded.get(path) or _parse(path)
        if level is not None:
            found.append((path, level))
    return found


def load_level(path: Path) -> Level:
    """One level file; raises ValueError (or the loader's error) with a message on bad input."""
    level = _parse(Path(path))
    if level is not None:
        return level
    try:
        from game.content.loader import load_level as loader_load
    except ImportError:
        return Level.model_validate(json.loads(Path(path).read_text(encoding="utf-8")))
    return loader_load(path)
