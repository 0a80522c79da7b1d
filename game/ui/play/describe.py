"""The one place an engine Action is put into words for buttons, menus and the plan: known actions get a phrase
with their price or preview, any other (a new action the engine adds) gets a readable form of its own fields, so
new actions show up in the action menu without UI changes."""

from __future__ import annotations

from typing import Any

from game.core.commands import (
    BuyMaster,
    BuyPart,
    CutRecords,
    Inform,
    InstallPart,
    LieLow,
    Scavenge,
    SellPart,
    SellRecords,
    rubles,
)
from game.core.preview import sale_preview
from game.core.view import PlayerView
from game.core.world import World


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _generic(action: Any) -> str:
    """'Offer trade (target 2, price 300)' from an action's `type` and fields."""
    kind = str(getattr(action, "type", type(action).__name__)).replace("_", " ")
    fields = getattr(action, "model_dump", lambda: {})()
    args = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in fields.items() if k != "type" and v not in (None, [], {}))
    return f"{kind[:1].upper()}{kind[1:]}" + (f" ({args})" if args else "")


def describe_action(world: World, view: PlayerView, action: Any, site_id: str | None = None) -> str:
    """An engine Action in a few words, with the price or preview where the engine gives one."""
    me = view.player
    if action is None:
        return "nothing (just walk)"
    if isinstance(action, Scavenge):
        return "Scavenge X-ray films"
    if isinstance(action, BuyMaster):
        m = world.masters.get(action.master)
        return f"Buy master '{m.title}' ({m.price} rub)" if m else f"Buy master {action.master}"
    if isinstance(action, BuyPart):
        p = world.parts.get(action.part)
        return f"Buy {p.name} ({p.price} rub)" if p else f"Buy part {action.part}"
    if isinstance(action, SellPart):
        if action.spare < len(me.spares) and me.spares[action.spare].part_id in world.parts:
            return f"Sell spare {world.parts[me.spares[action.spare].part_id].name}"
        return "Sell a spare part"
    if isinstance(action, SellRecords):
        ids = [r.id for r in me.records] if action.records == "all" else list(action.records)
        text = f"Sell {_plural(len(ids), 'record')}"
        if site_id is not None:
            text += f" (about {rubles(sale_preview(world, view, site_id, ids).total)})"
        return text
    if isinstance(action, CutRecords):
        title = next((m.title for m in me.masters if m.master_id == action.master), None)
        if title is None and action.record is not None:
            title = f"record #{action.record}"
        return f"Cut {_plural(action.count, 'record')} of '{title}'"
    if isinstance(action, InstallPart):
        if action.spare < len(me.spares) and me.spares[action.spare].part_id in world.parts:
            return f"Install {world.parts[me.spares[action.spare].part_id].name}"
        return "Install a spare part"
    if isinstance(action, Inform):
        name = next((r.name for r in view.rivals if r.index == action.target), f"player {action.target}")
        return f"Inform on {name}"
    if isinstance(action, LieLow):
        return "Lie low for the evening"
    return _generic(action)
