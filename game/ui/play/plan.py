"""The player's plan between turns: where to go, what to do there, one stop on the way, what to do if stopped,
tonight's trade offers and answers — and the engine Orders for tonight that follow from it. A destination
further than one evening's walk is kept across turns: each evening the walk is re-planned from where the
bootlegger stands (`plan_path`), and the action is ordered only on the evening the walk reaches the destination.
The stop is kept by its tile: it is ordered (`Stop(at=k)`, k = tiles walked before it, 0 = before setting out)
on the evening tonight's walk passes that tile. Offers and answers are for one evening. No rules here: paths,
watched tiles and checks all come from the engine. `PlanHistory` undoes changes to the plan before End Turn."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.core.commands import Offer, Orders, Stop
from game.core.grid import Point
from game.core.preview import plan_path, watched
from game.core.view import PlayerView
from game.core.world import World

Choice = tuple[Any, ...]  # (target, action, stance, stop tile, stop action, offers, accepted offer ids)
STANCES: tuple[tuple[str, str], ...] = (("bribe", "Bribe"), ("run", "Run"), ("surrender", "Hand over"))


@dataclass
class Plan:
    """What the player has chosen; `route()` turns it into tonight's walk for the current view."""

    target: Point | None = None
    action: Any = None
    stance: str = "run"
    tonight: list[Point] = field(default_factory=list)
    later: list[Point] = field(default_factory=list)
    watched: list[bool] = field(default_factory=list)
    refusal: str | None = None
    stop_tile: Point | None = None
    stop_action: Any = None
    offers: tuple[Offer, ...] = ()
    accept: tuple[int, ...] = ()
    start: Point | None = None  # where the bootlegger stands (set by `route`)

    def clear(self) -> None:
        """Forget the walk, the action and the stop (tonight's trade offers and answers stay)."""
        self.target, self.action, self.stop_tile, self.stop_action = None, None, None, None
        self.tonight, self.later, self.watched, self.refusal = [], [], [], None

    def stop_at(self) -> int | None:
        """Tiles walked before the stop tonight (0: before setting out), or None if tonight's walk misses it."""
        if self.stop_tile is None or self.stop_action is None or self.target is None:
            return None
        if self.stop_tile == self.start:
            return 0
        if self.stop_tile in self.tonight:
            return self.tonight.index(self.stop_tile) + 1
        return None

    def stop_tiles(self) -> list[Point]:
        """Where a stop may go tonight: where the bootlegger stands and every tile of tonight's walk (a stop at the
        destination itself is the action there)."""
        if self.target is None or self.start is None:
            return []
        return [t for t in [self.start, *self.tonight] if t != self.target or self.later]

    @property
    def arrives_tonight(self) -> bool:
        return self.target is not None and not self.later

    def evenings(self, allowance: int) -> int:
        """Evenings until the destination (1 = tonight, 0 = no destination)."""
        if self.target is None:
            return 0
        return 1 + -(-len(self.later) // max(1, allowance))

    def route(self, world: World, view: PlayerView) -> None:
        """Re-plan the walk from where the bootlegger stands now (after a turn, after being stopped...)."""
        self.start = view.player.pos
        if self.target is None or not view.player.free:
            self.tonight, self.later, self.watched = [], [], []
            return
        if self.target == view.player.pos:
            self.tonight, self.later, self.watched = [], [], []
            return
        self.tonight, self.later = plan_path(world, view, self.target)
        if not self.tonight and not self.later:
            self.target = None
        self.watched = watched(world, view, self.tonight)

    def choice(self) -> Choice:
        """What the player chose (destination, action, stance, stop, offers, answers): what undo restores."""
        return (self.target, self.action, self.stance, self.stop_tile, self.stop_action, self.offers, self.accept)

    def restore(self, choice: Choice) -> None:
        (self.target, self.action, self.stance, self.stop_tile, self.stop_action, self.offers,
         self.accept) = choice

    def orders(self) -> Orders:
        """Tonight's Orders: the walk, the action only if the walk gets there tonight, the stop if tonight's walk
        passes it, the stance, the offers and the answers."""
        action = self.action if (self.target is not None and not self.later) else None
        at = self.stop_at()
        stop = Stop(at=at, action=self.stop_action) if at is not None else None
        return Orders(path=list(self.tonight), action=action, stop=stop, stance=self.stance,  # type: ignore[arg-type]
                      offers=list(self.offers), accept=list(self.accept))

    def evening_played(self, arrived: bool) -> None:
        """After an evening: offers and answers were for it; the stop is done if tonight's walk passed it; the
        walk is done if the bootlegger `arrived` (or was taken)."""
        if self.stop_at() is not None:
            self.stop_tile, self.stop_action = None, None
        self.offers, self.accept = (), ()
        if arrived:
            self.clear()


class PlanHistory:
    """Earlier choices of tonight's plan, newest last; cleared when the evening is played."""

    def __init__(self, limit: int = 50) -> None:
        self.limit = limit
        self.stack: list[Choice] = []

    def remember(self, plan: Plan) -> None:
        """Call before changing `plan`."""
        if not self.stack or self.stack[-1] != plan.choice():
            self.stack.append(plan.choice())
            del self.stack[:-self.limit]

    def undo(self, plan: Plan) -> bool:
        """Put the previous choice back into `plan` (the walk is re-routed by the caller); False if none."""
        while self.stack:
            choice = self.stack.pop()
            if choice != plan.choice():
                plan.restore(choice)
                return True
        return False

    def clear(self) -> None:
        self.stack = []
