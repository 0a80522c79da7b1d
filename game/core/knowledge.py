"""What a player believes the game to be: a `GameState` built from their own view alone, so the engine's own
`check`s can judge an order before it is sent, for a person at a remote seat as for the AI or a local player.

It holds the player's own state (a copy), rivals as public shells (name, reputation, free or not), every buyer's
demand as the player knows it, hospital stock where seen (elsewhere assumed to be there: the archive is checked
when the orders resolve), the masters each contact offers tonight, the offers and errands the player can see, and
the date. Patrols, rivals' goods and everything else unseen are simply absent. A check that passes here may still
be refused by the host, whose state is the truth; one refused here would be refused there too, except where the
player's knowledge is stale (demand, stock)."""

from __future__ import annotations

import copy
import datetime as dt

from game.core.state import GameState, PlayerState, SiteState
from game.core.view import PlayerView
from game.core.world import World

UNKNOWN_STOCK = 1  # a film assumed to be in an archive the player cannot see tonight


def believed_state(world: World, view: PlayerView) -> GameState:
    me = copy.deepcopy(view.player)
    players: list[PlayerState] = []
    rivals = {r.index: r for r in view.rivals}
    for index in range(len(view.rivals) + 1):
        if index == view.seat:
            players.append(me)
            continue
        rival = rivals[index]
        players.append(PlayerState(index=index, name=rival.name, workshop="", pos=(0, 0), money=0,
                                   reputation=rival.reputation, heat=0, films={}, masters=[], records=[], lathe={},
                                   spares=[], sentence=0 if rival.free else 1, arrests=rival.arrests))
    sites: dict[str, SiteState] = {}
    for site in world.level.sites:
        if site.kind == "hospital":
            stock = view.hospital_stock.get(site.id, dict.fromkeys(site.films, UNKNOWN_STOCK))
            sites[site.id] = SiteState(site.id, films=dict(stock))
        elif site.id in view.demand:
            demand = view.demand[site.id]
            sites[site.id] = SiteState(site.id, base_demand=dict(demand), shock=dict.fromkeys(demand, 1.0),
                                       saturation=dict.fromkeys(demand, 1.0))
        else:
            sites[site.id] = SiteState(site.id)
    on_offer = sorted({m for site_id, masters in view.masters_for_sale.items() for m in masters
                       if site_id in world.sites and m not in world.sites[site_id].masters})  # released by events
    return GameState(seed=0, turn=view.turn, date=dt.date.fromisoformat(view.date), players=players, patrols=[],
                     sites=sites, rng={}, patrol_pressure=view.patrol_pressure, masters_on_offer=on_offer,
                     offers=copy.deepcopy(view.offers), errands=copy.deepcopy(view.errands), over=view.over)


def refusal(world: World, view: PlayerView, action, at: tuple[int, int]) -> str | None:  # action: commands.Action
    """Why the engine would refuse `action` at `at`, judged from what the player knows (module docstring)."""
    state = believed_state(world, view)
    return action.check(world, state, state.players[view.seat], at)


def view_after(world: World, view: PlayerView, action, at: tuple[int, int]) -> PlayerView:  # action: commands.Action
    """The player's view with their own state as it would be after `action` at `at` (the stop on the way), judged
    from what they know, so the evening's last action can be chosen and checked as the engine will check it
    (`Orders.check`). Random outcomes (films found) are a guess from a stream the player does not share."""
    from game.core.commands import _after

    state = believed_state(world, view)
    _scratch, me = _after(world, state, state.players[view.seat], action, at)
    me.pos = view.player.pos
    return view.model_copy(update={"player": me})
