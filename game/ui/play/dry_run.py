"""What an order would do to your own state, worked out by the engine's own `check` and `apply` on a copy of what
you know (your player state and the site's demand as the street tells it): the exact records a cut makes as the
parts wear record by record, the money and reputation a sale brings, the wear of every part.

Only for actions that need nothing hidden and no dice (`DRY_RUNS`): everything else returns None, and the UI
says less rather than guess. Never touches the real state. When `game.core.preview` offers a preview for an
action, the UI uses that instead."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass

from game.core.commands import BuyMaster, BuyPart, CutRecords, InstallPart, SellPart, SellRecords
from game.core.grid import Point
from game.core.rng import Streams
from game.core.state import GameState, PlayerState, Record, SiteState
from game.core.view import PlayerView
from game.core.world import World

DRY_RUNS = (CutRecords, SellRecords, BuyMaster, BuyPart, SellPart, InstallPart)


@dataclass(frozen=True)
class DryRun:
    """The player before and after, and the engine's sentence for what happened."""

    before: PlayerState
    after: PlayerState
    text: str

    @property
    def new_records(self) -> list[Record]:
        old = {r.id for r in self.before.records}
        return [r for r in self.after.records if r.id not in old]

    @property
    def money(self) -> int:
        return self.after.money - self.before.money

    @property
    def reputation(self) -> int:
        return self.after.reputation - self.before.reputation


def dry_run(world: World, view: PlayerView, action: object, at: Point) -> DryRun | None:
    """`action` done at tile `at` by the player of `view`, on copies; None if refused or not dry-runnable."""
    if not isinstance(action, DRY_RUNS):
        return None
    before = copy.deepcopy(view.player)
    player = copy.deepcopy(view.player)
    player.pos = at
    site = world.site_at(at)
    sites = {}
    if site is not None:
        sites[site.id] = SiteState(site.id, demand=dict(view.demand.get(site.id, {})))
    next_id = 1 + max((r.id for r in player.records), default=0)
    state = GameState(seed=0, turn=view.turn, date=dt.date.fromisoformat(view.date), players=[player], patrols=[],
                      sites=sites, rng={}, next_record_id=next_id)
    try:
        if action.check(world, state, player, at) is not None:
            return None
        text = action.apply(world, state, Streams(0, {}), player)
    except (KeyError, IndexError, ValueError, AttributeError):  # it needed something only the host knows
        return None
    return DryRun(before, player, text)


def sale_reputation(world: World, view: PlayerView, site_id: str, record_ids: list[int]) -> dict[int, int]:
    """What each record's sale alone does to reputation (record id -> change), from the engine's own sale."""
    site = world.sites[site_id]
    at = (site.at[0], site.at[1])
    out: dict[int, int] = {}
    for rid in record_ids:
        run = dry_run(world, view, SellRecords(records=[rid]), at)
        if run is not None:
            out[rid] = run.reputation
    return out
