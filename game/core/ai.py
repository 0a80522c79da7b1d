"""Rival bootleggers. The AI plays by the same rules as a person: each turn it returns `Orders`, which the
engine checks like any other. It sees what its player sees (patrols in its view) and uses no randomness, so
it never touches the state's random streams: a replay, which records the orders and not the AI, reproduces
the same hashes.

Priorities, first that applies:
1. heat >= 55: go home and lie low; once home, stay in until heat is below 30;
2. a spare part better than the installed one: go home and install it;
3. records to sell (5+, or nothing left to cut): go to the buyer paying most for them, net of walking time;
4. a master and films: go home and cut (up to 10, the film kind with most sheets, the most valuable master);
5. no master: buy the master with the best demand x quality per ruble, halved at 20 tiles' walk;
6. money for an upgrade (keeping an 80 rub reserve) that pays for itself 1.5 times over in 30 records
   (the market's quality factor x the mean genre base price): buy the one with the best gain per ruble;
7. fewer than 2 films: scavenge at the nearest hospital with stock;
8. otherwise lie low at home.
While carrying records it walks around the tiles that visible patrols watch (their sight radius + 1, for
the step they take) and waits rather than step into one; if it already stands in one, it walks on.
"""

from __future__ import annotations

from game.content.models import Site
from game.core.commands import (
    MAX_CUT_PER_TURN,
    Action,
    BuyMaster,
    BuyPart,
    CutRecords,
    InstallPart,
    LieLow,
    Orders,
    Scavenge,
    SellRecords,
)
from game.core.grid import UNREACHABLE, Point
from game.core.lathe import PartInstance, cut_profile
from game.core.market import quality_factor, record_price
from game.core.profile import own_quality
from game.core.state import KOPECKS, GameState, PlayerState
from game.core.view import VIEW_RADIUS
from game.core.world import World

HOT = 55
COOL = 30
RESERVE = 80 * KOPECKS
UPGRADE_HORIZON = 30  # records an upgrade is expected to pay back over
WALK_COST = 15
DISTANCE_SCALE = 20  # tiles: a contact this far away is worth half as much as one next door  # kopecks of expected value lost per tile walked


def decide(world: World, state: GameState, index: int) -> Orders:
    """This turn's orders for AI player `index`."""
    me = state.players[index]
    if not me.free or state.over:
        return Orders()
    target, action = _goal(world, state, me)
    danger = _watched_tiles(world, state, me) if me.contraband else set()
    path = _plan(world, me.pos, target, world.level.rules.move_allowance, danger)
    end = path[-1] if path else me.pos
    if end != target and not isinstance(action, LieLow):
        action = None
    stance = "bribe" if len(me.records) >= 3 and me.money >= 20 * KOPECKS else "run"
    orders = Orders(path=path, action=action, stance=stance)
    if orders.check(world, state, me):
        orders = Orders(path=path, stance=stance)
        if orders.check(world, state, me):
            orders = Orders()
    return orders


def _tile(site: Site) -> Point:
    return (site.at[0], site.at[1])


def _goal(world: World, state: GameState, me: PlayerState) -> tuple[Point, Action]:
    home = _tile(world.sites[me.workshop])
    if me.heat >= HOT or (me.heat >= COOL and me.pos == home):
        return home, LieLow()
    spare = _best_spare(world, me)
    if spare is not None:
        return home, InstallPart(spare=spare)
    films = sum(me.films.values())
    if me.records and (len(me.records) >= 4 or not me.masters or films == 0):
        sale = _best_sale(world, state, me)
        if sale is not None:
            return sale
    if me.masters and films:
        master = max(me.masters, key=lambda m: (_genre_value(world, state, m.genre) * m.source_quality, m.master_id))
        return home, CutRecords(films=_films_to_cut(world, me), master=master.master_id)
    if not me.masters:
        purchase = _best_master(world, state, me)
        if purchase is not None:
            return purchase
    upgrade = _best_upgrade(world, me) if me.masters else None
    if upgrade is not None:
        return upgrade
    if films < 2:
        hospital = _nearest(world, me.pos, [s for s in world.level.sites if s.kind == "hospital"
                                            and sum(state.sites[s.id].films.values()) > 0])
        if hospital is not None:
            return _tile(hospital), Scavenge()
    return home, LieLow()


def _films_to_cut(world: World, me: PlayerState) -> dict[str, int]:
    """Up to MAX_CUT_PER_TURN sheets, the most durable film kinds first."""
    chosen: dict[str, int] = {}
    room = MAX_CUT_PER_TURN
    for kind in sorted(me.films, key=lambda k: (-world.films[k].max_plays, k)):
        n = min(me.films[kind], room)
        if n:
            chosen[kind] = n
            room -= n
    return chosen


def _nearest(world: World, here: Point, sites: list[Site]) -> Site | None:
    reachable = [(world.city.distance(here, _tile(s)), s.id, s) for s in sites]
    reachable = [r for r in reachable if r[0] != UNREACHABLE]
    return min(reachable)[2] if reachable else None


def _genre_value(world: World, state: GameState, genre: str) -> float:
    """Best demand for a genre at any buyer, times its base price."""
    best = max((s.demand.get(genre, 0.0) for s in state.sites.values()), default=0.0)
    return best * world.genres[genre].base_price


def _best_sale(world: World, state: GameState, me: PlayerState) -> tuple[Point, Action] | None:
    best: tuple[float, str, Point, list[int]] | None = None
    for site in world.buyers():
        distance = world.city.distance(me.pos, _tile(site))
        if distance == UNREACHABLE:
            continue
        demand = state.sites[site.id].demand
        ids = [r.id for r in me.records if demand.get(r.genre, 0.0) > 0]
        if not ids:
            continue
        value = sum(record_price(world, state, site.id, r.genre, r.quality, me.reputation)
                    for r in me.records if r.id in ids)
        score = value - WALK_COST * distance
        if best is None or (score, site.id) > (best[0], best[1]):
            best = (score, site.id, _tile(site), ids)
    if best is None:
        return None
    return best[2], SellRecords(records=best[3])


def _lathe_quality(world: World, lathe: dict[str, PartInstance]) -> float:
    return own_quality(cut_profile(lathe, world.parts, world.films["chest"] if "chest" in world.films
                                   else next(iter(world.films.values()))))


def _best_spare(world: World, me: PlayerState) -> int | None:
    current = _lathe_quality(world, me.lathe)
    best: tuple[float, int] | None = None
    for i, part in enumerate(me.spares):
        slot = world.parts[part.part_id].slot
        quality = _lathe_quality(world, {**me.lathe, slot: part})
        if quality > current * 1.05 and (best is None or quality > best[0]):
            best = (quality, i)
    return None if best is None else best[1]


def _best_upgrade(world: World, me: PlayerState) -> tuple[Point, Action] | None:
    current = _lathe_quality(world, me.lathe)
    mean_price = sum(g.base_price for g in world.genres.values()) / len(world.genres)
    best: tuple[float, str, Point, str] | None = None
    for site in world.level.sites:
        distance = world.city.distance(me.pos, _tile(site))
        if site.kind != "contact" or distance == UNREACHABLE:
            continue
        for part_id in site.parts:
            part = world.parts[part_id]
            if part.price * KOPECKS + RESERVE > me.money:
                continue
            quality = _lathe_quality(world, {**me.lathe, part.slot: PartInstance(part_id)})
            earned = (quality_factor(quality) - quality_factor(current)) * mean_price * UPGRADE_HORIZON
            if earned < 1.5 * part.price:
                continue
            gain = earned / max(part.price, 1) / (1 + distance / DISTANCE_SCALE)
            if best is None or (gain, part_id) > (best[0], best[1]):
                best = (gain, part_id, _tile(site), part_id)
    return None if best is None else (best[2], BuyPart(part=best[3]))


def _best_master(world: World, state: GameState, me: PlayerState) -> tuple[Point, Action] | None:
    best: tuple[float, str, Point] | None = None
    for site in world.level.sites:
        distance = world.city.distance(me.pos, _tile(site))
        if site.kind != "contact" or distance == UNREACHABLE:
            continue
        for master_id in [*site.masters, *state.masters_on_offer]:
            master = world.masters[master_id]
            if master.price * KOPECKS > me.money or (master.available_from and master.available_from > state.date):
                continue
            value = _genre_value(world, state, master.genre) * master.source_quality / max(master.price, 1)
            score = value / (1 + distance / DISTANCE_SCALE)
            if best is None or (score, master_id) > (best[0], best[1]):
                best = (score, master_id, _tile(site))
    return None if best is None else (best[2], BuyMaster(master=best[1]))


def _watched_tiles(world: World, state: GameState, me: PlayerState) -> set[Point]:
    """Tiles within sight radius of the patrols this player can see (a cautious square, no line of sight)."""
    watched: set[Point] = set()
    for patrol in state.patrols:
        if patrol.kind == "informer" and patrol.id not in me.known_informers:
            continue
        dx, dy = patrol.pos[0] - me.pos[0], patrol.pos[1] - me.pos[1]
        if dx * dx + dy * dy > VIEW_RADIUS * VIEW_RADIUS or not world.city.line_of_sight(me.pos, patrol.pos):
            continue
        r = world.patrol_specs[patrol.id].sight + 1
        px, py = patrol.pos
        watched.update((x, y) for x in range(px - r, px + r + 1) for y in range(py - r, py + r + 1))
    return watched


def _plan(world: World, start: Point, goal: Point, limit: int, danger: set[Point]) -> list[Point]:
    """Walk down the goal's distance field, preferring steps outside `danger`; sidestep (same distance) when the
    way on is watched, and stop rather than enter a watched tile."""
    field = world.city.distance_field(goal)
    if field[start[1]][start[0]] == UNREACHABLE:
        return []
    path: list[Point] = []
    here = start
    visited = {start}
    while here != goal and len(path) < limit:
        d = field[here[1]][here[0]]
        options = [q for q in world.city.neighbours(here) if field[q[1]][q[0]] == d - 1]
        safe = [q for q in options if q not in danger]
        if not safe and danger:
            safe = [q for q in world.city.neighbours(here)
                    if field[q[1]][q[0]] == d and q not in danger and q not in visited]
        if not safe:
            if danger and here not in danger:
                break  # wait where no patrol looks
            safe = options  # already watched: standing still is no safer than walking on
        here = safe[0]
        visited.add(here)
        path.append(here)
    return path


