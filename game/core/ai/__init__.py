"""Rival bootleggers. The AI plays by the same rules as a person and from the same knowledge: `decide` gets the
public world of its seat (the map and public sites; no patrol routes, informer posts or rival workshops) and its
own `PlayerView`, and returns `Orders`, which the engine checks like any other. It uses no randomness, so it never
touches the state's random streams: a replay, which records the orders and not the AI, reproduces the same hashes.

Each evening, first that applies (see `difficulty` for what each level does and skips):
1. hot (heat >= raid_heat - hot_margin): sell off the records carried (a raid that finds them at home means
   arrest), then stay in at the workshop and lie low; at home, it also lies low until heat is back under
   raid_heat - hot_margin - 15;
2. a spare part better than the installed one: install it at home;
3. a rival who informed on it and on whom it has evidence (retaliation), or for the hard AI the best-known
   rival whose workshop it knows while its own heat is low: inform at the militia station;
4. records to sell (`sell_at`, or nothing left to cut): the buyer paying most for them (the engine's prices at
   the demand it knows of; errands' bonuses for the hard AI), less walking and the heat of selling there;
5. a master and films: cut at home (the master worth most, the films that give the best grade);
6. no master, or money to spare and a master worth more than it costs over the rest of the season: buy it;
7. a lathe part that pays back 1.3 times over the rest of the season, keeping a reserve: buy it;
8. fewer than 3 films: scavenge at the nearest hospital not known to be empty;
9. otherwise go home (and lie low there).
With `stops`, an action available where it stands (install or cut at home, sell at a buyer, scavenge at a
hospital) is done before setting out, and the goal is chosen as if it were done. Offers made to it are accepted
when what it gets is worth 1.25 times the price. It walks around the patrols it can see (`routes`).
"""

from __future__ import annotations

import copy

from game.core.ai import routes, values
from game.core.ai.difficulty import DIFFICULTIES, NORMAL, Difficulty
from game.core.commands import (
    MAX_CUT_PER_TURN,
    Action,
    BuyMaster,
    BuyPart,
    CutRecords,
    Inform,
    InstallPart,
    LieLow,
    Offer,
    Orders,
    Scavenge,
    SellRecords,
    Stop,
)
from game.core.encounter import contraband_load
from game.core.grid import UNREACHABLE, Point
from game.core.informing import INFORM_COST, fresh_evidence
from game.core.lathe import PartInstance, cut_profile
from game.core.market import best_first, sale_outcome, taste
from game.core.state import KOPECKS, PlayerState, Record
from game.core.view import PlayerView
from game.core.world import World

__all__ = ["DIFFICULTIES", "Difficulty", "decide"]

WALK_COST = 60  # kopecks a tile of walking is worth
HEAT_COST = 40  # kopecks a point of heat is worth
COOL_BAND = 15
MAX_MASTERS = 3
OFFER_EVERY = 8
BOLD_EVERY = 3
BOLD_TURN_FACTOR = 0.15
MARGINAL = 0.6  # a sale stops where a record would fetch less than this share of the first one
SATURATED = 0.75  # a second master is worth buying once the best demand for the genres it has falls below this


def decide(world: World, view: PlayerView, difficulty: str | Difficulty = "normal") -> Orders:
    """This turn's orders for the AI seat whose view this is (module docstring)."""
    level = DIFFICULTIES.get(difficulty, NORMAL) if isinstance(difficulty, str) else difficulty
    me = view.player
    if not me.free or view.over:
        return Orders()
    return _Brain(world, view, level).orders()


class _Brain:
    def __init__(self, world: World, view: PlayerView, level: Difficulty) -> None:
        self.world, self.view, self.level = world, view, level
        self.me = view.player
        self.home = values.tile(world.sites[self.me.workshop])
        self.dist = world.city.distances(self.me.pos)
        self.raid_heat = world.level.rules.raid_heat
        self.reserve = level.reserve * KOPECKS

    # ------------------------------------------------------------------ the evening

    def orders(self) -> Orders:
        me, level = self.me, self.level
        stop_action, after = self._stop_here() if level.stops else (None, me)
        target, action = self._goal(after)
        if stop_action is not None and isinstance(action, LieLow) and target != me.pos:
            action = None
        carrying = bool(after.records)
        patrol_cost = level.patrol_cost * (BOLD_TURN_FACTOR if self._bold_turn() else 1.0)
        danger = routes.danger_map(self.world, self.view, patrol_cost) if carrying and level.route_aware else {}
        allowance = self.world.level.rules.move_allowance
        path = [] if isinstance(action, LieLow) else routes.plan_path(self.world, me.pos, target, allowance, danger)
        end = path[-1] if path else me.pos
        if end != target:
            action = None
        stop = Stop(at=0, action=stop_action) if stop_action is not None else None
        if stop is None and level.stops:
            stop = self._stop_on_the_way(path, after, action)
        if stop is not None and action is not None and type(action) is type(stop_action) \
                and isinstance(action, CutRecords | Scavenge | Inform):
            action = None
        return Orders(path=path, action=action, stop=stop, stance=self._stance(after),
                      accept=self._accept() if level.trades else [],
                      offers=self._offers() if level.offers else [])

    def _bold_turn(self) -> bool:
        """One evening in BOLD_EVERY it walks on past the patrols it sees: waiting for a patrol that never
        leaves is no plan (and the AI keeps no memory of how long it has waited)."""
        return (self.view.turn + self.me.index) % BOLD_EVERY == 0

    def _stop_on_the_way(self, path: list[Point], me: PlayerState, action: Action | None) -> Stop | None:
        """Something useful at a site the walk passes: films at a hospital, or a sale the end of the walk is
        not for."""
        for i, tile in enumerate(path[:-1] if action is not None else path):
            site = self.world.site_at(tile)
            if site is None:
                continue
            if site.kind == "hospital" and sum(me.films.values()) < 8 and self._stock_known(site.id) != 0 \
                    and not isinstance(action, Scavenge):
                return Stop(at=i + 1, action=Scavenge())
            if site.kind in ("market", "buyer", "dance_hall") and len(me.records) >= 3 \
                    and not isinstance(action, SellRecords):
                outcome = self._sale(site.id, me)
                if outcome.total > 0 and len(outcome.prices) >= 3:
                    return Stop(at=i + 1, action=self._sell(outcome))
        return None

    def _stance(self, me: PlayerState) -> str:
        if not self.level.bribes or not me.records:
            return "run"
        load = contraband_load(me.records, self.world.genres)
        bribe = (3 + load + me.heat / 4) * self.view.patrol_pressure * KOPECKS
        cargo = sum(values.genre_value(self.world, self.view, r.genre, r.quality) for r in me.records)
        return "bribe" if me.money >= bribe and cargo > 2 * bribe else "run"

    # ------------------------------------------------------------------ a stop before setting out

    def _stop_here(self) -> tuple[Action | None, PlayerState]:
        """An action worth doing where the bootlegger stands, and the player as it would be afterwards."""
        me, world = self.me, self.world
        if self._hot(me):
            return None, me
        site = world.site_at(me.pos)
        if site is None:
            return None, me
        if site.id == me.workshop:
            spare = self._best_spare(me)
            if spare is not None:
                return InstallPart(spare=spare), _installed(world, me, spare)
            cut = self._cut_order(me)
            if cut is not None and len(me.records) < 3 * MAX_CUT_PER_TURN:
                return cut, self._after_cut(me, cut)
        elif site.kind in ("market", "buyer", "dance_hall") and me.records:
            outcome = self._sale(site.id, me)
            if outcome.total > 0 and len(outcome.prices) >= min(3, len(me.records)):
                return self._sell(outcome), _sold(me, outcome)
        elif site.kind == "hospital" and sum(me.films.values()) < 10 and self._stock_known(site.id) != 0:
            after = copy.deepcopy(me)
            kind = next(iter(sorted(site.films)), "chest")
            after.films[kind] = after.films.get(kind, 0) + 6
            return Scavenge(), after
        return None, me

    def _after_cut(self, me: PlayerState, cut: CutRecords) -> PlayerState:
        after = copy.deepcopy(me)
        master = next(m for m in me.masters if m.master_id == cut.master)
        for kind, n in sorted(cut.films.items()):
            profile = cut_profile(me.lathe, self.world.parts, self.world.films[kind], master.source_quality)
            after.films[kind] -= n
            after.records += [Record(-1 - i, master.track, master.title, master.genre, profile) for i in range(n)]
        return after

    # ------------------------------------------------------------------ the goal

    def _hot(self, me: PlayerState) -> bool:
        return me.heat >= self.raid_heat - self.level.hot_margin

    def _goal(self, me: PlayerState) -> tuple[Point, Action | None]:
        level = self.level
        at_home = me.pos == self.home
        if self._hot(me):
            if me.records:
                sale = self._best_sale(me)
                if sale is not None:
                    return sale
            return self.home, LieLow() if at_home else None
        if at_home and me.heat >= self.raid_heat - level.hot_margin - COOL_BAND and not me.records:
            return self.home, LieLow()
        spare = self._best_spare(me)
        if spare is not None:
            return self.home, InstallPart(spare=spare)
        inform = self._inform(me)
        if inform is not None:
            return inform
        films = sum(me.films.values())
        if me.records and (len(me.records) >= level.sell_at or not me.masters or films == 0):
            sale = self._best_sale(me)
            if sale is not None:
                return sale
        cut = self._cut_order(me)
        if cut is not None:
            return self.home, cut
        purchase = self._master_to_buy(me)
        if purchase is not None:
            return purchase
        upgrade = self._part_to_buy(me) if level.upgrades else None
        if upgrade is not None:
            return upgrade
        if films < 3:
            hospital = self._nearest([s for s in self.world.level.sites if s.kind == "hospital"
                                      and self._stock_known(s.id) != 0])
            if hospital is not None:
                return values.tile(hospital), Scavenge()
        if me.records:
            sale = self._best_sale(me)
            if sale is not None:
                return sale
        return self.home, LieLow() if at_home else None

    def _stock_known(self, site_id: str) -> int | None:
        """Films a hospital holds, if the player can see it tonight (None: unknown)."""
        stock = self.view.hospital_stock.get(site_id)
        return None if stock is None else sum(stock.values())

    def _distance(self, p: Point) -> int:
        return self.dist[p[1]][p[0]]

    def _nearest(self, sites: list) -> object | None:
        reachable = [(self._distance(values.tile(s)), s.id, s) for s in sites]
        reachable = [r for r in reachable if r[0] != UNREACHABLE]
        return min(reachable)[2] if reachable else None

    # ------------------------------------------------------------------ selling

    def _sale(self, site_id: str, me: PlayerState):
        """What selling here would bring: the records in the order the engine sells "all", cut off where the
        street fills up (a record worth less than MARGINAL x the first is kept for another buyer)."""
        demand = self.view.demand.get(site_id, {})
        ordered = best_first(self.world, demand, me.records)
        outcome = sale_outcome(self.world, site_id, demand, [(r.id, r.genre, r.quality) for r in ordered],
                               me.reputation)
        if not outcome.prices:
            return outcome
        keep = 1 + sum(1 for p in outcome.prices[1:] if p >= MARGINAL * outcome.prices[0])
        if keep == len(outcome.prices):
            return outcome
        taken = [r for r in ordered if r.id not in set(outcome.refused)][:keep]
        return sale_outcome(self.world, site_id, demand, [(r.id, r.genre, r.quality) for r in taken], me.reputation)

    def _sell(self, outcome) -> SellRecords:
        return SellRecords(records="all", limit=len(outcome.prices))

    def _best_sale(self, me: PlayerState) -> tuple[Point, Action] | None:
        best: tuple[float, str, int] | None = None
        for site in self.world.buyers():
            distance = self._distance(values.tile(site))
            if distance == UNREACHABLE:
                continue
            outcome = self._sale(site.id, me)
            if not outcome.prices:
                continue
            if self.level.weighs_value:
                score = outcome.total * (1 + self.level.taste_weight * taste(site)) - WALK_COST * distance \
                    - HEAT_COST * outcome.heat
                if self.level.errands:
                    score += self._errand_bonus(site.id, me)
            else:
                score = -distance
            if best is None or (score, site.id) > best[:2]:
                best = (score, site.id, len(outcome.prices))
        if best is None:
            return None
        return values.tile(self.world.sites[best[1]]), SellRecords(records="all", limit=best[2])

    def _errand_bonus(self, site_id: str, me: PlayerState) -> int:
        from game.core.market import errand_met

        sold = [(r.genre, r.quality) for r in me.records]
        return sum(e.bonus for e in self.view.errands if errand_met(e, site_id, sold))

    # ------------------------------------------------------------------ cutting

    def _cut_order(self, me: PlayerState) -> CutRecords | None:
        if not me.masters or not sum(me.films.values()):
            return None
        film = values.best_film(self.world, me)
        master = max(me.masters, key=lambda m: (values.genre_value(
            self.world, self.view, m.genre,
            values.lathe_grade(self.world, me.lathe, film, m.source_quality)), m.master_id))
        return CutRecords(films=self._films_to_cut(me, master.source_quality), master=master.master_id)

    def _films_to_cut(self, me: PlayerState, source_quality: float) -> dict[str, int]:
        """Up to MAX_CUT_PER_TURN sheets, the kinds that give the best grade first."""
        kinds = sorted((k for k in me.films if me.films[k] > 0 and k in self.world.films),
                       key=lambda k: (-values.lathe_grade(self.world, me.lathe, k, source_quality), k))
        chosen: dict[str, int] = {}
        room = MAX_CUT_PER_TURN
        for kind in kinds:
            n = min(me.films[kind], room)
            if n:
                chosen[kind] = n
                room -= n
        return chosen

    # ------------------------------------------------------------------ buying

    def _contacts(self) -> list:
        return [s for s in self.world.level.sites if s.kind == "contact"
                and self._distance(values.tile(s)) != UNREACHABLE]

    def _master_to_buy(self, me: PlayerState) -> tuple[Point, Action] | None:
        owned = {m.master_id for m in me.masters}
        if me.masters and (not self.level.weighs_value or len(me.masters) >= MAX_MASTERS
                           or self._best_demand({m.genre for m in me.masters}) >= SATURATED):
            return None
        best: tuple[float, str, str] | None = None
        for site in self._contacts():
            for master_id in self.view.masters_for_sale.get(site.id, []):
                master = self.world.masters.get(master_id)
                if master is None or master_id in owned:
                    continue
                spare_money = me.money - (self.reserve if me.masters else 0)
                if master.price * KOPECKS > spare_money:
                    continue
                if self.level.weighs_value:
                    worth = values.master_worth(self.world, self.view, me, master_id)
                    if me.masters and worth <= 0:
                        continue
                    score = worth - WALK_COST * self._distance(values.tile(site))
                else:
                    score = -master.price * KOPECKS - self._distance(values.tile(site))
                if best is None or (score, master_id, site.id) > best:
                    best = (score, master_id, site.id)
        if best is None:
            return None
        return values.tile(self.world.sites[best[2]]), BuyMaster(master=best[1])

    def _best_demand(self, genres: set[str]) -> float:
        """The best demand the player knows of for any of `genres`, relative to that buyer's base."""
        return max((d.get(g, 0.0) for d in self.view.demand.values() for g in genres), default=0.0)

    def _part_to_buy(self, me: PlayerState) -> tuple[Point, Action] | None:
        if not me.masters:
            return None
        best: tuple[float, str, str] | None = None
        per_turn = values.turn_value(self.world, self.view, me)
        allowance = self.world.level.rules.move_allowance
        for site in self._contacts():
            trip = (self._distance(values.tile(site)) + self.world.city.distance(values.tile(site), self.home)) / allowance
            for part_id in site.parts:
                part = self.world.parts.get(part_id)
                if part is None or part.price * KOPECKS + self.reserve > me.money:
                    continue
                gain = values.upgrade_gain(self.world, self.view, me, PartInstance(part_id)) - trip * per_turn
                if gain < self.level.upgrade_payback * part.price * KOPECKS:
                    continue
                score = gain / max(part.price * KOPECKS, 1) - self._distance(values.tile(site)) / 100
                if best is None or (score, part_id, site.id) > best:
                    best = (score, part_id, site.id)
        if best is None:
            return None
        return values.tile(self.world.sites[best[2]]), BuyPart(part=best[1])

    def _best_spare(self, me: PlayerState) -> int | None:
        if not me.masters or not me.spares:
            return None
        master = max(me.masters, key=lambda m: (m.source_quality, m.master_id))
        film = values.best_film(self.world, me)
        current = values.lathe_grade(self.world, me.lathe, film, master.source_quality)
        best: tuple[float, int] | None = None
        for i, part in enumerate(me.spares):
            slot = self.world.parts[part.part_id].slot
            grade = values.lathe_grade(self.world, {**me.lathe, slot: part}, film, master.source_quality)
            if grade > current * 1.03 and (best is None or grade > best[0]):
                best = (grade, i)
        return None if best is None else best[1]

    # ------------------------------------------------------------------ informing and trading

    def _inform(self, me: PlayerState) -> tuple[Point, Action] | None:
        level = self.level
        if not (level.retaliates or level.informs) or me.heat >= 30 or me.money < INFORM_COST + self.reserve:
            return None
        station = self._nearest([s for s in self.world.level.sites if s.kind == "militia_station"])
        if station is None:
            return None
        rivals = {r.index: r for r in self.view.rivals if r.free}
        targets = [t for t in me.grudges if t in rivals] if level.retaliates else []
        if level.informs and me.heat < 20:
            leaders = sorted(rivals.values(), key=lambda r: (-r.reputation, r.index))
            targets += [r.index for r in leaders[:1]
                        if any(e.target == r.index and e.kind == "workshop" for e in me.evidence)]
        turn = self.view.turn
        for target in targets:
            if fresh_evidence(turn, me, target) and turn >= me.inform_cooldown.get(target, 0):
                return values.tile(station), Inform(target=target)
        return None

    def _accept(self) -> list[int]:
        me, world, view = self.me, self.world, self.view
        accepted: list[int] = []
        budget = me.money - self.reserve
        owned = {m.master_id for m in me.masters}
        for offer in sorted(view.offers, key=lambda o: o.id):
            if offer.buyer != me.index or offer.turn != view.turn - 1 or offer.price > budget:
                continue
            worth = sum(values.genre_value(world, view, r.genre, r.quality) for r in offer.records)
            if offer.master is not None:
                if offer.master in owned or offer.master not in world.masters:
                    continue
                worth += max(0.0, values.master_worth(world, view, me, offer.master, 0.9, price=0))
            if offer.spare is not None and offer.spare.part_id in world.parts:
                worth += max(0.0, values.upgrade_gain(world, view, me, offer.spare))
            if worth >= 1.25 * offer.price and worth > 0:
                accepted.append(offer.id)
                budget -= offer.price
        return accepted

    def _offers(self) -> list[Offer]:
        me, view = self.me, self.view
        if not me.masters or (view.turn + me.index) % OFFER_EVERY:
            return []
        rivals = sorted((r for r in view.rivals if r.free), key=lambda r: (-r.reputation, r.index))
        if not rivals:
            return []
        master = max(me.masters, key=lambda m: (m.source_quality, m.master_id))
        price = round(self.world.masters[master.master_id].price * 0.7) * KOPECKS \
            if master.master_id in self.world.masters else 30 * KOPECKS
        return [Offer(to=rivals[0].index, master=master.master_id, price=price)]


def _installed(world: World, me: PlayerState, spare: int) -> PlayerState:
    after = copy.deepcopy(me)
    part = after.spares.pop(spare)
    slot = world.parts[part.part_id].slot
    after.spares.append(after.lathe[slot])
    after.lathe[slot] = part
    return after


def _sold(me: PlayerState, outcome) -> PlayerState:
    after = copy.deepcopy(me)
    gone = set(outcome.sold)
    after.records = [r for r in after.records if r.id not in gone]
    after.money += outcome.total
    return after
