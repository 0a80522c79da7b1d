"""The player's plan between turns: where to go, what to do there, what to do if stopped — and the engine
Orders for tonight that follow from it. A destination further than one evening's walk is kept across turns:
each evening the walk is re-planned from where the bootlegger stands (`plan_path`), and the action is
ordered only on the evening the walk reaches the destination. No rules here: paths, watched tiles and
checks all come from the engine. `PlanHistory` undoes changes to the plan before End Turn."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.core.commands import Orders
from game.core.grid import Point
from game.core.preview import plan_path, watched
from game.core.view import PlayerView
from game.core.world import World

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

    def clear(self) -> None:
        self.target, self.action = None, None
        self.tonight, self.later, self.watched, self.refusal = [], [], [], None

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

    def choice(self) -> tuple[Point | None, Any, str]:
        """What the player chose (destination, action, stance): what undo restores."""
        return (self.target, self.action, self.stance)

    def orders(self) -> Orders:
        """Tonight's Orders: the walk, the action only if the walk gets there tonight, and the stance."""
        action = self.action if (self.target is not None and not self.later) else None
        return Orders(path=list(self.tonight), action=action, stance=self.stance)  # type: ignore[arg-type]


class PlanHistory:
    """Earlier choices of tonight's plan, newest last; cleared when the evening is played."""

    def __init__(self, limit: int = 50) -> None:
        self.limit = limit
        self.stack: list[tuple[Point | None, Any, str]] = []

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
                plan.target, plan.action, plan.stance = choice
                return True
        return False

    def clear(self) -> None:
        self.stack = []
