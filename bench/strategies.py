"""Scripted strategies for `bench/balance.py`. Each is a function (public world, own view) -> Orders: it sees
exactly what a person in that seat would, and plays through the same command API. Several are the game's own AI
with different judgement (its `Difficulty` knobs); the others are written out here.
"""

from __future__ import annotations

from dataclasses import replace

from game.core import ai
from game.core.ai.difficulty import HARD, NORMAL
from game.core.commands import BuyMaster, CutRecords, Inform, Orders, Scavenge, SellRecords
from game.core.informing import INFORM_COST, fresh_evidence
from game.core.market import sale_outcome
from game.core.view import PlayerView
from game.core.world import World

CAUTIOUS = replace(NORMAL, name="cautious", hot_margin=25, sell_at=4, patrol_cost=4.0, bribes=False)
BOLD = replace(NORMAL, name="bold", hot_margin=-100, sell_at=12, route_aware=False, bribes=True)
UPGRADE_FIRST = replace(NORMAL, name="upgrade_first", upgrade_payback=0.4, reserve=5)
AVOIDER = replace(NORMAL, name="patrol_avoider", patrol_cost=10.0)
QUALITY_FIRST = replace(NORMAL, name="quality_first", upgrade_payback=0.8, taste_weight=1.5)


def _ai(level):
    return lambda world, view: ai.decide(world, view, level)


def do_nothing(world: World, view: PlayerView) -> Orders:
    return Orders()


def _tile(site) -> tuple[int, int]:
    return (site.at[0], site.at[1])


def _walk(world: World, view: PlayerView, site) -> list[tuple[int, int]]:
    return world.city.path(view.player.pos, _tile(site), world.level.rules.move_allowance)


def _evidence_target(view: PlayerView) -> int | None:
    """A free rival the player may denounce tonight (own evidence, cooldown over)."""
    me = view.player
    for rival in sorted(view.rivals, key=lambda r: (-r.reputation, r.index)):
        if rival.free and fresh_evidence(view.turn, me, rival.index) is not None \
                and view.turn >= me.inform_cooldown.get(rival.index, 0) and me.money >= INFORM_COST:
            return rival.index
    return None


def only_inform(world: World, view: PlayerView) -> Orders:
    """Walks to the militia station to denounce whoever it has evidence on; otherwise watches the buyers, where
    rivals come carrying records."""
    target = _evidence_target(view)
    if target is not None:
        station = next(s for s in world.level.sites if s.kind == "militia_station")
        path = _walk(world, view, station)
        end = path[-1] if path else view.player.pos
        return Orders(path=path, action=Inform(target=target) if end == _tile(station) else None)
    buyers = world.buyers()
    watch = buyers[(view.turn // 3) % len(buyers)]
    return Orders(path=_walk(world, view, watch))


def informer_opening(world: World, view: PlayerView) -> Orders:
    """Informs on whoever it can during the first 20 evenings, then plays like the normal AI."""
    if view.turn < 20 and _evidence_target(view) is not None:
        return only_inform(world, view)
    return ai.decide(world, view, NORMAL)


def greedy(world: World, view: PlayerView) -> Orders:
    """The 'greedy script': the best-paying buyer, the most wanted genre, a bribe ready; no caution, no upgrades."""
    me = view.player
    home = _tile(world.sites[me.workshop])
    if me.records:
        best = max(world.buyers(), key=lambda s: (sale_outcome(
            world, s.id, view.demand.get(s.id, {}), [(r.id, r.genre, r.quality) for r in me.records],
            me.reputation).total, s.id))
        target, action = _tile(best), SellRecords(records="all")
    elif me.masters and sum(me.films.values()):
        kind = max(sorted(me.films), key=lambda k: me.films[k])
        master = max(me.masters, key=lambda m: (max(d.get(m.genre, 0.0) for d in view.demand.values())
                                               * world.genres[m.genre].base_price, m.master_id))
        target, action = home, CutRecords(films={kind: min(10, me.films[kind])}, master=master.master_id)
    elif not me.masters:
        options = [(max(d.get(world.masters[m].genre, 0.0) for d in view.demand.values())
                    * world.genres[world.masters[m].genre].base_price, m, site)
                   for site in world.level.sites if site.kind == "contact"
                   for m in view.masters_for_sale.get(site.id, []) if world.masters[m].price * 100 <= me.money]
        if not options:
            return Orders()
        _, master_id, site = max(options, key=lambda o: (o[0], o[1]))
        target, action = _tile(site), BuyMaster(master=master_id)
    else:
        hospital = min((s for s in world.level.sites if s.kind == "hospital"),
                       key=lambda s: (world.city.distance(me.pos, _tile(s)), s.id))
        target, action = _tile(hospital), Scavenge()
    path = world.city.path(me.pos, target, world.level.rules.move_allowance)
    end = path[-1] if path else me.pos
    return Orders(path=path, action=action if end == target else None, stance="bribe")


STRATEGIES = {
    "do_nothing": do_nothing,
    "only_inform": only_inform,
    "greedy": greedy,
    "cautious": _ai(CAUTIOUS),
    "upgrade_first": _ai(UPGRADE_FIRST),
    "patrol_avoider": _ai(AVOIDER),
    "quality_first": _ai(QUALITY_FIRST),
    "informer_opening": informer_opening,
}
STYLES = {"cautious": _ai(CAUTIOUS), "bold": _ai(BOLD), "quality_first": _ai(QUALITY_FIRST)}
HARD_AI = _ai(HARD)
