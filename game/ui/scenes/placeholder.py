"""GameStartPlaceholder: what Start in the skirmish set-up shows until the game view exists."""

from __future__ import annotations

from pathlib import Path

from game.ui.scenes.coming_soon import ComingSoonScene


class GameStartPlaceholder(ComingSoonScene):
    """Names the chosen level, rivals and seed, so the hook's arguments are visible."""

    name = "game_placeholder"

    def __init__(self, level_path: Path, rivals: int, seed: int) -> None:
        super().__init__(
            "The game view",
            f"A skirmish on '{Path(level_path).stem}' against {rivals} AI rival{'s' if rivals != 1 else ''}, seed {seed}, "
            "would start here.",
        )
        self.level_path, self.rivals, self.seed = Path(level_path), rivals, seed
