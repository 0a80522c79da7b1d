"""Starting a skirmish: load the level through the content loader, make the local session, open the game view.
A level that does not load gets an error card with the loader's message (file, place, problem), never a
traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.ui.scenes.dialog import Dialog


def new_session(level_path: Path, rivals: int, seed: int, difficulty: str = "normal") -> Any:
    """A LocalSession on the level with the AI rivals at `difficulty` (easy, normal, hard; see
    `game.core.ai.difficulty`); raises the loader's ContentError, or OSError/ValueError, on a bad file."""
    from game.content.modset import playable_level
    from game.session.session import LocalSession

    found = playable_level(Path(level_path))  # a mod's level plays with the mod's catalog
    return LocalSession(found.level, found.catalog, 1 + rivals, seed, humans=(0,), level_path=str(level_path),
                        difficulty=difficulty)


def start_skirmish(app: Any, level_path: Path, rivals: int, seed: int, difficulty: str = "normal") -> None:
    """The App's `on_start_skirmish` hook: push the game view (with the briefing) or an error card."""
    try:
        session = new_session(level_path, rivals, seed, difficulty)
    except Exception as exc:  # noqa: BLE001 - any bad level becomes a message
        app.push(Dialog("This city cannot be opened", str(exc) or type(exc).__name__, width=720))
        return
    from game.ui.play.game_view import GameViewScene

    app.push(GameViewScene(session, 0, show_intro=True))
