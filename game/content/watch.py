"""Hot reload for modders: notice when a level file (or any file of its mod) changes, and load it again.

`LevelWatch.poll()` is cheap when nothing changed (a stat of each watched file); after a change it loads the
level the way the game does (`modset.playable_level`) and hands back either the new level or every problem,
so the game can keep the old level running and show what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.content.errors import ContentError, Problem
from game.content.modfolder import scan
from game.content.modload import ModLevel
from game.content.modset import mod_folder_of, playable_level


@dataclass(frozen=True)
class Reload:
    """The outcome of a reload: the level (None if it is broken now) and the problems found."""

    level: ModLevel | None
    problems: list[Problem] = field(default_factory=list)


class LevelWatch:
    """Watches one level file, and every file of the mod it belongs to."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.folder = mod_folder_of(self.path)
        self.stamp = self._stamp()

    def _files(self) -> list[Path]:
        if self.folder is None:
            return [self.path]
        return [self.folder / rel for rel in scan(self.folder).files]

    def _stamp(self) -> tuple[tuple[str, int, int], ...]:
        stamps = []
        for path in self._files():
            try:
                info = path.stat()
            except OSError:
                continue
            stamps.append((str(path), info.st_mtime_ns, info.st_size))
        return tuple(stamps)

    def load(self) -> Reload:
        """Load the level now."""
        try:
            return Reload(playable_level(self.path))
        except ContentError as exc:
            return Reload(None, exc.problems)

    def poll(self) -> Reload | None:
        """None while nothing changed; after a change, the reloaded level or its problems."""
        stamp = self._stamp()
        if stamp == self.stamp:
            return None
        self.stamp = stamp
        return self.load()
