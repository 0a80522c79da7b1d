"""The automated campaign player: the game's AI with the chapter's objectives in mind, playing seat 0 from its own
public world and view like any AI seat. `autoplay --campaign` and the chapter tests use it to show that every
chapter can be won in its time; `passive_orders` is the player who does nothing, who must lose.

On top of the hard AI's judgement (`game.core.ai`), for the objectives still open (`PlayerView.chapter`):
- a heat limit (heat_below), a night of arrests ahead (survive, within SURVIVE_WINDOW days) or a chapter that
  forbids arrest (stay_free): it counts itself hot, sells off and lies low, that much earlier;
- a quality to cut (cut) or parts to install (upgrades) that its lathe does not give: it buys the part that
  raises its grade most per ruble (keeping the price of a master if it has none) and installs it;
- masters to own or a genre to sell (masters, sold with a genre): it buys the master that is missing, and cuts
  the wanted genre first;
- records to sell at one buyer (sold at a site): it takes every record that buyer wants there;
- films to gather: it scavenges;
- a rank to reach on the last evening: in the last HOARD_TURNS evenings it buys nothing more.
It never informs (a campaign player has enough to fear) and makes no trade offers. When the AI would stand still
with records to sell (a watcher beside the buyer makes every step look dearer than waiting), it walks on anyway.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from game.content.models import Objective
from game.core import ai
from game.core.ai import routes, values
from game.core.ai.difficulty import HARD, Difficulty
from game.core.commands import BuyMaster, BuyPart, CutRecords, Orders, Scavenge, SellRecords
from game.core.grid import UNREACHABLE, Point
from game.core.lathe import PartInstance
from game.core.objectives import chapter_of
from game.core.state import KOPECKS, PlayerState
from game.core.view import PlayerView
from game.core.world import World

SURVIVE_WINDOW = 10  # days before a survive objective's date from which heat is kept low
SURVIVE_HEAT = 20
STAY_FREE_HEAT = 40
HEAT_LIMIT_MARGIN = 12
QUALITY_MARGIN = 0.02
HOARD_TURNS = 10  # evenings before the end from which a player judged by rank buys nothing more
HOARD_RESERVE = 100_000  # rubles "kept back": no part or second master is worth it any more


def passive_orders(world: World, view: PlayerView) -> Orders:
    """The player who never does anything."""
    return Orders()


def open_objectives(world: World, view: PlayerView) -> list[Objective]:
    """The chapter's objectives still open in this view."""
    spec, chapter = chapter_of(world.level), view.chapter
    if spec is None or chapter is None:
        return []
    return [o for o, s in zip(spec.objectives, chapter.objectives, strict=True) if s.status == "open"]


def chapter_orders(world: World, view: PlayerView, base: Difficulty = HARD) -> Orders:
    """Tonight's orders for seat 0 of a campaign chapter (module docstring)."""
    me = view.player
    if not me.free or view.over:
        return Orders()
    wanted = open_objectives(world, view)
    level = _tuned(world, view, wanted, base)
    goal = _objective_goal(world, view, wanted, level)
    if goal is None:
        orders = ai.decide(world, view, level)
        if not orders.path and orders.action is None and orders.stop is None and me.records:
            orders = ai.decide(world, view, dataclasses.replace(level, route_aware=False))  # never wait for ever
        return _prefer_genre(orders, me, wanted)
    target, action = goal
    danger = routes.danger_map(world, view, level.patrol_cost) if me.records else {}
    path = routes.plan_path(world, me.pos, target, world.level.rules.move_allowance, danger)
    end = path[-1] if path else me.pos
    return Orders(path=path, action=action if end == target else None, stance="bribe" if me.records else "run")


def _tuned(world: World, view: PlayerView, wanted: list[Objective], base: Difficulty) -> Difficulty:
    """The AI's judgement with the heat it lets itself reach lowered for the objectives (module docstring)."""
    raid_heat = world.level.rules.raid_heat
    limits = [raid_heat]
    today = dt.date.fromisoformat(view.date)
    for o in wanted:
        if o.kind == "heat_below":
            limits.append(o.amount - HEAT_LIMIT_MARGIN)
        elif o.kind == "survive" and o.by is not None and (o.by - today).days <= SURVIVE_WINDOW:
            limits.append(SURVIVE_HEAT)
        elif o.kind == "stay_free":
            limits.append(STAY_FREE_HEAT)
    hot_margin = max(base.hot_margin, raid_heat - min(limits))
    tuned = dataclasses.replace(base, informs=False, offers=False, hot_margin=hot_margin)
    if any(o.kind == "rank" for o in wanted) and values.turns_left(world, view) <= HOARD_TURNS:
        tuned = dataclasses.replace(tuned, upgrades=False, reserve=HOARD_RESERVE)  # money counts now, not parts
    return tuned


def _objective_goal(world: World, view: PlayerView, wanted: list[Objective],
                    level: Difficulty) -> tuple[Point, object] | None:
    me = view.player
    if me.heat >= world.level.rules.raid_heat - level.hot_margin:
        return None  # hot: the AI's own cooling down comes first
    kinds = {o.kind: o for o in wanted}
    for o in wanted:
        if o.kind == "sold" and o.site is not None:
            goal = _supply(world, view, o)
            if goal is not None:
                return goal
    if len(me.records) >= level.sell_at or (me.records and not sum(me.films.values())):
        return None  # records to sell first: the AI knows where
    quality = kinds.get("cut")
    upgrades = kinds.get("upgrades")
    need = (quality.quality or 0.0) + QUALITY_MARGIN if quality is not None else None
    if upgrades is not None or (need is not None and _best_grade(world, me) < need):
        goal = _part_goal(world, view, need)
        if goal is not None:
            return goal
    genres = [o.genre for o in wanted if o.kind == "sold" and o.genre is not None]
    owned = {m.genre for m in me.masters}
    missing_genre = next((g for g in genres if g not in owned), None)
    if missing_genre is not None or ("masters" in kinds and len(me.masters) < kinds["masters"].amount):
        goal = _master_goal(world, view, missing_genre)
        if goal is not None:
            return goal
    if "films" in kinds and sum(me.films.values()) < kinds["films"].amount:
        hospitals = [s for s in world.level.sites if s.kind == "hospital"]
        nearest = _nearest(world, me.pos, hospitals)
        if nearest is not None:
            return nearest, Scavenge()
    return None


def _nearest(world: World, start: Point, sites: list) -> Point | None:
    dist = world.city.distances(start)
    found = [(dist[s.at[1]][s.at[0]], s.id, values.tile(s)) for s in sites]
    found = [f for f in found if f[0] != UNREACHABLE]
    return min(found)[2] if found else None


def _best_grade(world: World, me: PlayerState) -> float:
    if not me.masters:
        return 0.0
    film = values.best_film(world, me)
    source = max(m.source_quality for m in me.masters)
    lathe = dict(me.lathe)
    for spare in me.spares:  # a spare already bought counts: it will be installed
        slot = world.parts[spare.part_id].slot
        if values.lathe_grade(world, {**lathe, slot: spare}, film, source) > values.lathe_grade(world, lathe, film, source):
            lathe[slot] = spare
    return values.lathe_grade(world, lathe, film, source)


def _part_goal(world: World, view: PlayerView, need: float | None) -> tuple[Point, object] | None:
    """The part that raises the grade most per ruble, at the contact that sells it, if it can be paid for."""
    me = view.player
    film = values.best_film(world, me)
    source = max((m.source_quality for m in me.masters), default=0.8)
    now = values.lathe_grade(world, me.lathe, film, source)
    if any(values.lathe_grade(world, {**me.lathe, world.parts[s.part_id].slot: s}, film, source) > now
           for s in me.spares):
        return None  # a better part is in hand: the AI goes home and installs it
    keep = 0 if me.masters else min((world.masters[m].price for ms in view.masters_for_sale.values() for m in ms
                                     if m in world.masters), default=0) * KOPECKS
    best: tuple[float, str, str] | None = None
    for site in world.level.sites:
        if site.kind != "contact":
            continue
        for part_id in site.parts:
            part = world.parts.get(part_id)
            if part is None or part.price * KOPECKS + keep > me.money:
                continue
            grade = values.lathe_grade(world, {**me.lathe, part.slot: PartInstance(part_id)}, film, source)
            if grade <= now * 1.03:
                continue
            reaches = need is not None and grade >= need
            score = (1.0 if reaches else 0.0, (grade - now) / max(1, part.price))
            if best is None or score > best[0]:
                best = (score, part_id, site.id)  # type: ignore[assignment]
    if best is None:
        return None
    return values.tile(world.sites[best[2]]), BuyPart(part=best[1])


def _master_goal(world: World, view: PlayerView, genre: str | None) -> tuple[Point, object] | None:
    """The best master on offer (of `genre` when one is wanted) that the player can afford and lacks."""
    me = view.player
    owned = {m.master_id for m in me.masters}
    best: tuple[float, str, str] | None = None
    for site_id, offered in sorted(view.masters_for_sale.items()):
        for master_id in offered:
            master = world.masters.get(master_id)
            if master is None or master_id in owned or master.price * KOPECKS > me.money:
                continue
            if genre is not None and master.genre != genre:
                continue
            worth = values.master_worth(world, view, me, master_id)
            if best is None or (worth, master_id) > best[:2]:
                best = (worth, master_id, site_id)
    if best is None:
        return None
    return values.tile(world.sites[best[2]]), BuyMaster(master=best[1])


def _supply(world: World, view: PlayerView, o: Objective) -> tuple[Point, object] | None:
    """Take the records the objective's buyer wants there, once there are a few (or nothing left to cut)."""
    me = view.player
    site = world.sites[o.site]  # type: ignore[index]
    demand = view.demand.get(site.id, {})
    fit = [r for r in me.records if demand.get(r.genre, 0.0) > 0 and r.quality >= site.min_quality
           and (o.genre is None or r.genre == o.genre)]
    enough = len(fit) >= 3 or (fit and not sum(me.films.values()))
    if not enough:
        return None
    return values.tile(site), SellRecords(records=[r.id for r in fit])


def _prefer_genre(orders: Orders, me: PlayerState, wanted: list[Objective]) -> Orders:
    """Cut the genre a sold objective asks for, when the AI would cut another."""
    genres = [o.genre for o in wanted if o.kind == "sold" and o.genre is not None]
    master = next((m for g in genres for m in me.masters if m.genre == g), None)
    if master is None:
        return orders
    swap = {}
    if isinstance(orders.action, CutRecords) and orders.action.master not in (None, master.master_id):
        swap["action"] = orders.action.model_copy(update={"master": master.master_id})
    if orders.stop is not None and isinstance(orders.stop.action, CutRecords) \
            and orders.stop.action.master not in (None, master.master_id):
        swap["stop"] = orders.stop.model_copy(update={"action": orders.stop.action.model_copy(
            update={"master": master.master_id})})
    return orders.model_copy(update=swap) if swap else orders
