"""The player's plan between turns: where to go, what to do there, what to do if stopped — and the engine
Orders for tonight that follow from it. A destination further than one evening's walk is kept across turns:
each evening the walk is re-planned from where the bootlegger stands (`plan_path`), and the action is
ordered only on the evening the walk reaches the destination. No rules here: paths, watched tiles and
checks all come from the engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.core.commands import (
    BuyMaster,
    BuyPart,
    CutRecords,
    Inform,
    InstallPart,
    LieLow,
    Orders,
    Scavenge,
    SellPart,
    SellRecords,
    rubles,
)
from game.core.grid import Point
from game.core.preview import plan_path, sale_preview, watched
from game.core.view import PlayerView
from game.core.world import World

STANCES: tuple[tuple[str, str], ...] = (("bribe", "Bribe"), ("run", "Run"), ("surrender", "Hand over"))


def describe_action(world: World, view: PlayerView, action: Any, site_id: str | None = None) -> str:
    """An engine Action in a few words, with the price or preview where the engine gives one."""
    me = view.player
    if isinstance(action, Scavenge):
        return "Scavenge X-ray films"
    if isinstance(action, BuyMaster):
        m = world.masters.get(action.master)
        return f"Buy master '{m.title}' ({m.price} rub)" if m else f"Buy master {action.master}"
    if isinstance(action, BuyPart):
        p = world.parts.get(action.part)
        return f"Buy {p.name} ({p.price} rub)" if p else f"Buy part {action.part}"
    if isinstance(action, SellPart):
        if action.spare < len(me.spares):
            return f"Sell spare {world.parts[me.spares[action.spare].part_id].name}"
        return "Sell a spare part"
    if isinstance(action, SellRecords):
        ids = [r.id for r in me.records] if action.records == "all" else list(action.records)
        n = len(ids)
        text = f"Sell {n} record{'s' if n != 1 else ''}"
        if site_id is not None:
            text += f" (about {rubles(sale_preview(world, view, site_id, ids).total)})"
        return text
    if isinstance(action, CutRecords):
        n = action.count
        title = next((m.title for m in me.masters if m.master_id == action.master), None)
        if title is None and action.record is not None:
            title = f"record #{action.record}"
        return f"Cut {n} record{'s' if n != 1 else ''} of '{title}'"
    if isinstance(action, InstallPart):
        if action.spare < len(me.spares):
            return f"Install {world.parts[me.spares[action.spare].part_id].name}"
        return "Install a spare part"
    if isinstance(action, Inform):
        name = next((r.name for r in view.rivals if r.index == action.target), f"player {action.target}")
        return f"Inform on {name}"
    if isinstance(action, LieLow):
        return "Lie low for the evening"
    return type(action).__name__


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

    def orders(self) -> Orders:
        """Tonight's Orders: the walk, the action only if the walk gets there tonight, and the stance."""
        action = self.action if (self.target is not None and not self.later) else None
        return Orders(path=list(self.tonight), action=action, stance=self.stance)  # type: ignore[arg-type]
