"""`play --level PATH --watch`: play a level while editing it. Once a second the level file (and every file of
its mod) is looked at; after a change the game starts again on the new level. A broken change shows its
problems and the old game goes on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.content.errors import Problem
from game.content.watch import LevelWatch, Reload
from game.ui.frame.app import App

CHECK_EVERY_S = 1.0
SHOWN_PROBLEMS = 12


def problems_text(problems: list[Problem]) -> str:
    """The first problems in full, and how many more there are."""
    lines = [p.full() for p in problems[:SHOWN_PROBLEMS]]
    if len(problems) > SHOWN_PROBLEMS:
        lines.append(f"... and {len(problems) - SHOWN_PROBLEMS} more (python3 main.py validate shows them all)")
    return "\n".join(lines)


class WatchingApp(App):
    """The App, plus a look at the watched level between frames."""

    def __init__(self, path: Path, rivals: int, seed: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.watch = LevelWatch(path)
        self.rivals, self.seed = rivals, seed
        self.waited = 0.0
        self.game: Any = None

    def begin(self) -> None:
        """Start on the level as it is now (or show why it cannot start, and wait for a fix)."""
        self.apply(self.watch.load(), first=True)

    def update(self, dt: float) -> None:
        super().update(dt)
        self.waited += dt
        if self.waited >= CHECK_EVERY_S:
            self.waited = 0.0
            reloaded = self.watch.poll()
            if reloaded is not None:
                self.apply(reloaded)

    def apply(self, reloaded: Reload, first: bool = False) -> None:
        from game.session.session import LocalSession
        from game.ui.play.game_view import GameViewScene
        from game.ui.scenes.dialog import Dialog

        name = self.watch.path.name
        if reloaded.level is None:
            self.notify(f"{name} has {len(reloaded.problems)} problem(s); still playing the last good version"
                        if not first else f"{name} cannot be played yet; fix it and save", "warning", 8.0)
            self.push(Dialog(f"{name} has problems", problems_text(reloaded.problems), width=900))
            return
        found = reloaded.level
        players = max(found.level.players[0], min(found.level.players[1], 1 + self.rivals))
        session = LocalSession(found.level, found.catalog, players, self.seed, humans=(0,), level_path=str(found.path))
        if self.game is not None:
            self.pop_to(GameViewScene)
            if isinstance(self.top, GameViewScene):
                self.pop()
        self.game = self.push(GameViewScene(session, 0, show_intro=first))
        if not first:
            self.notify(f"{name} changed: the game starts again on the new version")
