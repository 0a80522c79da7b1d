"""A stop on the way: the evening's second action, at a site tonight's walk passes (or where the bootlegger
stands before setting out). What may be done there comes from the engine (`preview.actions_at`, without lying
low, which is a whole evening); whether it is possible from the engine's check on what the player knows
(`knowledge.refusal`); and the whole evening, stop and last action together, from `Orders.check` when the plan is
submitted. The evening's last action is judged on the view as it will be after the stop (`knowledge.view_after`).
"""

from __future__ import annotations

from typing import Any

from game.core import knowledge
from game.core.commands import LieLow
from game.core.grid import Point
from game.core.preview import actions_at
from game.core.view import PlayerView
from game.core.world import World
from game.ui.play.describe import describe_action
from game.ui.play.plan import Plan


def stop_actions(world: World, view: PlayerView, tile: Point) -> list[Any]:
    """The engine's actions at `tile` that can be a stop on the way."""
    return [a for a in actions_at(world, view, tile) if not isinstance(a, LieLow)]


def refusal(world: World, view: PlayerView, action: Any, tile: Point) -> str | None:
    """The engine's reason `action` at `tile` would be refused, judged from the player's view (None: possible)."""
    try:
        return knowledge.refusal(world, view, action, tile)
    except Exception as exc:  # noqa: BLE001 - a check must never take the game view down
        return str(exc) or type(exc).__name__


def view_at_end(world: World, view: PlayerView, plan: Plan) -> PlayerView:
    """The view the evening's last action is chosen from: after the stop, if tonight's walk makes it."""
    if plan.stop_at() is None or plan.stop_tile is None:
        return view
    if refusal(world, view, plan.stop_action, plan.stop_tile) is not None:
        return view
    try:
        return knowledge.view_after(world, view, plan.stop_action, plan.stop_tile)
    except Exception:  # noqa: BLE001 - fall back to the view as it is
        return view


def stop_line(world: World, view: PlayerView, plan: Plan) -> tuple[str, str, str] | None:
    """The side panel's line for the stop: (text, right-hand note, tooltip), or None without a stop."""
    if plan.stop_tile is None or plan.stop_action is None:
        return None
    site = world.site_at(plan.stop_tile)
    where = site.name if site is not None else f"({plan.stop_tile[0]}, {plan.stop_tile[1]})"
    what = describe_action(world, view, plan.stop_action, site.id if site else None)
    at = plan.stop_at()
    if at is None:
        when, words = "not tonight", "on an evening your walk passes it (tonight's does not)"
    elif at == 0:
        when, words = "first", "before you set out"
    else:
        when, words = f"after {at} tiles", f"when the walk has gone {at} tiles"
    tip = (f"A second action on the way: {what} at {where}, {words}. The action at the end of the walk is judged as "
           "it will be after it. Click the site again to change or remove the stop; Undo takes it back.")
    return f"Stop: {what} · {where}", when, tip
