"""Black-market prices, demand, what a sale does to the seller, and buyers' errands.

Price of one record (kopecks):

    price = base_price x 100 x site price_factor x demand x taste_factor(taste, quality) x reputation_factor(rep)

- taste_factor(t, q) = (0.7 - 0.6 t) + (1.0 + 2.5 t) x q: what a buyer pays for quality q (0-1). A street
  market (taste t = 0.2) pays 0.58 + 1.5 q: a scratchy record still sells, a clean one fetches 3x as much; a
  connoisseur (t = 0.75, the stilyagi on the Brod) pays 0.25 + 2.9 q: 7x as much for a clean record as for junk.
  Buyers below their `min_quality` do not buy at all. Tastes default by kind (market 0.2, dance hall 0.45,
  buyer 0.75) and a level may set them per site.
- reputation_factor(rep) = 0.8 + 0.4 x rep / 100: an unknown seller gets 0.8, a famous one 1.2.
- demand: per buyer site and genre, base x shock x saturation (see `SiteState`). Each record sold multiplies that
  genre's saturation there by 0.92; saturation recovers 10 % of its gap to 1 every turn, and so does a shock.
  Each buyer site has a 4 % chance a turn of a glut (shock x 0.45) or a shortage (shock x 1.8, demand at most 4).

What a sale does to the seller (shown before selling by `preview.sale_preview`):
- reputation: each record counts (q - expectation) x 12 with expectation = 0.05 + 0.35 t (a market expects 0.12,
  the Brod 0.31): good records make a name, junk sold to people who know better loses it. The sum is rounded and
  capped at +-6 a sale.
- heat: 1.0 x the genre's risk x the site's risk per record (dance halls 1.5, markets 0.8, buyers 1.0), rounded:
  selling is being seen. Heat cools by 3 an evening (12 lying low), so a big seller must lie low now and then or
  the militia come (raids from the level's raid heat, 50 by default).

Errands: every turn each buyer site with no open errand asks, with 6 % chance, for 3-6 records of a genre it buys,
of at least a quality, within 8 turns; the first to deliver them in one sale gets a bonus of half their price and
+3 reputation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from game.content.models import Site
from game.core.rng import Streams
from game.core.state import KOPECKS, Errand, GameState, SiteState
from game.core.world import World

R = TypeVar("R")
SALE_SATURATION = 0.92
RECOVERY_RATE = 0.10
SHOCK_CHANCE = 0.04
GLUT, SHORTAGE = 0.45, 1.8
MAX_DEMAND = 4.0
HISTORY_LENGTH = 30
REPUTATION_PER_QUALITY = 12.0
REPUTATION_CAP = 6
SALE_HEAT = 1.0
ERRAND_CHANCE = 0.06
ERRAND_TURNS = 8
ERRAND_BONUS = 0.5
ERRAND_REPUTATION = 3
DEFAULT_TASTE = {"market": 0.2, "dance_hall": 0.45, "buyer": 0.75}
DEFAULT_SITE_RISK = {"market": 0.8, "dance_hall": 1.5, "buyer": 1.0}


def taste(site: Site) -> float:
    """How much a buyer cares about quality, 0 (anything that plays) to 1 (connoisseurs)."""
    return site.taste if site.taste is not None else DEFAULT_TASTE.get(site.kind, 0.5)


def site_risk(site: Site) -> float:
    """How exposed selling at this site is (multiplies the heat of a sale)."""
    return site.risk if site.risk is not None else DEFAULT_SITE_RISK.get(site.kind, 1.0)


def taste_factor(t: float, quality: float) -> float:
    """(0.7 - 0.6 t) + (1.0 + 2.5 t) x quality (module docstring)."""
    return (0.7 - 0.6 * t) + (1.0 + 2.5 * t) * quality


def expectation(t: float) -> float:
    """The quality a buyer of taste t takes as a fair record: 0.05 + 0.35 t."""
    return 0.05 + 0.35 * t


def reputation_factor(reputation: int) -> float:
    """0.8 for an unknown seller, 1.2 for a famous one."""
    return 0.8 + 0.4 * reputation / 100


def buys(site: Site, demand: float, quality: float) -> bool:
    """Whether a buyer takes a record: someone there wants the genre and it is good enough for them."""
    return demand > 0.0 and quality >= site.min_quality


def price_at_demand(world: World, site_id: str, genre: str, demand: float, quality: float, reputation: int) -> int:
    """Kopecks for one record of `genre` at `site_id` when its demand there is `demand` (module docstring)."""
    site = world.sites[site_id]
    base = world.genres[genre].base_price * KOPECKS
    return round(base * site.price_factor * demand * taste_factor(taste(site), quality) * reputation_factor(reputation))


@dataclass(frozen=True)
class SaleOutcome:
    """What selling records one after another at a site pays and does: `prices` per record in order (kopecks),
    the reputation and heat change, and which records the buyer refuses (below their quality, or unwanted)."""

    prices: tuple[int, ...]
    reputation: int
    heat: int
    refused: tuple[int, ...] = ()
    sold: tuple[int, ...] = ()  # the ids of the records bought, in the order of `prices`

    @property
    def total(self) -> int:
        return sum(self.prices)


def sale_outcome(world: World, site_id: str, demand: dict[str, float], records: list[tuple[int, str, float]],
                 reputation: int) -> SaleOutcome:
    """Selling `records` ((id, genre, quality) in the listed order) at `site_id`, each sale lowering its genre's
    demand by SALE_SATURATION. The same loop prices the real sale and the preview."""
    site = world.sites[site_id]
    t = taste(site)
    demand = dict(demand)
    prices: list[int] = []
    sold: list[int] = []
    refused: list[int] = []
    rep = 0.0
    heat = 0.0
    for record_id, genre, quality in records:
        d = demand.get(genre, 0.0)
        if not buys(site, d, quality):
            refused.append(record_id)
            continue
        prices.append(price_at_demand(world, site_id, genre, d, quality, reputation))
        sold.append(record_id)
        demand[genre] = round(d * SALE_SATURATION, 6)
        rep += (quality - expectation(t)) * REPUTATION_PER_QUALITY
        heat += SALE_HEAT * world.genres[genre].risk * site_risk(site)
    rep_change = max(-REPUTATION_CAP, min(REPUTATION_CAP, round(rep)))
    return SaleOutcome(tuple(prices), rep_change, round(heat), tuple(refused), tuple(sold))


def best_first(world: World, demand: dict[str, float], records: list[R]) -> list[R]:
    """`records` (anything with `id`, `genre`, `quality`) in the order "sell the best" sells them: by base price x
    demand x (0.1 + quality), the most valuable first (ties by id)."""
    return sorted(records, key=lambda r: (-world.genres[r.genre].base_price * demand.get(r.genre, 0.0)
                                          * (0.1 + r.quality), r.id))


def register_sale(site_state: SiteState, genre: str) -> None:
    site_state.saturation[genre] = round(site_state.saturation[genre] * SALE_SATURATION, 6)


def public_price(world: World, state: GameState, site_id: str, genre: str, quality: float, reputation: int) -> int:
    """The price the street talks about (public demand: no one's private sales in it)."""
    demand = state.sites[site_id].public_demand_for(genre)
    return price_at_demand(world, site_id, genre, demand, quality, reputation)


def end_of_turn(world: World, state: GameState, streams: Streams) -> None:
    """Saturation and shocks recover, random gluts and shortages, new errands, and the price-history sample
    (the public price of a quality-0.5 record from a seller of reputation 50)."""
    for site in world.buyers():
        site_state = state.sites[site.id]
        for genre in sorted(site_state.base_demand):
            for factors in (site_state.saturation, site_state.shock):
                factors[genre] = round(factors[genre] + RECOVERY_RATE * (1.0 - factors[genre]), 6)
        if site_state.base_demand and streams.chance("market", SHOCK_CHANCE):
            genre = streams.choice("market", sorted(site_state.base_demand))
            name = world.genres[genre].name
            base = max(site_state.base_demand[genre], 1e-6)
            if streams.chance("market", 0.5):
                site_state.shock[genre] = round(site_state.shock[genre] * GLUT, 6)
                state.news.append(f"{site.name}: the street is flooded with {name} records; prices fall.")
            else:
                site_state.shock[genre] = round(min(MAX_DEMAND / base, site_state.shock[genre] * SHORTAGE), 6)
                state.news.append(f"{site.name}: everyone is asking for {name}; prices soar.")
        for genre in sorted(site_state.base_demand):
            history = state.price_history.setdefault(f"{site.id}:{genre}", [])
            history.append(public_price(world, state, site.id, genre, 0.5, 50))
            del history[:-HISTORY_LENGTH]
    _errands(world, state, streams)


def _errands(world: World, state: GameState, streams: Streams) -> None:
    state.errands = [e for e in state.errands if e.expires > state.turn + 1]
    busy = {e.site for e in state.errands}
    for site in world.buyers():
        site_state = state.sites[site.id]
        wanted = sorted(g for g in site_state.base_demand if site_state.base_demand[g] > 0)
        if site.id in busy or not wanted or not streams.chance("errand", ERRAND_CHANCE):
            continue
        genre = streams.choice("errand", wanted)
        count = streams.randint("errand", 3, 6)
        min_quality = round(max(site.min_quality, expectation(taste(site))), 2)
        price = price_at_demand(world, site.id, genre, site_state.base_demand[genre], min_quality, 50)
        errand = Errand(state.next_errand_id, site.id, genre, count, min_quality,
                        bonus=round(ERRAND_BONUS * price * count), reputation=ERRAND_REPUTATION,
                        expires=state.turn + 1 + ERRAND_TURNS)
        state.next_errand_id += 1
        state.errands.append(errand)
        state.news.append(f"{site.name} is asking for {count} {world.genres[genre].name} records of quality "
                          f"{round(min_quality * 100)} or better within {ERRAND_TURNS} evenings.")


def errand_met(errand: Errand, site_id: str, sold: list[tuple[str, float]]) -> bool:
    """Whether one sale at `site_id` of `sold` ((genre, quality)) delivers `errand`."""
    if errand.site != site_id:
        return False
    return sum(1 for genre, q in sold if genre == errand.genre and q >= errand.min_quality) >= errand.count
