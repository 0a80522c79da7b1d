"""Black-market prices and demand.

price (kopecks) = base_price x 100 x site price_factor x demand x (0.4 + 1.35 x quality) x (0.8 + 0.4 x reputation / 100)

- demand: per buyer site and genre, 1.0 normal; 0 means nobody there buys that genre.
- each record sold multiplies that site's demand for its genre by 0.92 (the street fills up);
- every turn demand recovers 10 % of the gap to its base demand (which events move);
- every turn each buyer site has a 4 % chance of a glut (demand x 0.45) or a shortage (demand x 1.8, at most 4.0)
  in one of its genres, drawn from the "market" stream.
"""

from __future__ import annotations

from game.core.rng import Streams
from game.core.state import KOPECKS, GameState
from game.core.world import World

SALE_DEMAND_FACTOR = 0.92
RECOVERY_RATE = 0.10
SHOCK_CHANCE = 0.04
MAX_DEMAND = 4.0
HISTORY_LENGTH = 30


def quality_factor(quality: float) -> float:
    """Even a scratchy record sells (0.4 at quality 0); a clean one fetches a premium (1.75 at quality 1)."""
    return 0.4 + 1.35 * quality


def reputation_factor(reputation: int) -> float:
    """0.8 for an unknown seller, 1.2 for a famous one."""
    return 0.8 + 0.4 * reputation / 100


def price_at_demand(world: World, site_id: str, genre: str, demand: float, quality: float, reputation: int) -> int:
    """Kopecks for one record of `genre` at `site_id` when its demand there is `demand` (module docstring)."""
    base = world.genres[genre].base_price * KOPECKS
    factor = world.sites[site_id].price_factor
    return round(base * factor * demand * quality_factor(quality) * reputation_factor(reputation))


def record_price(world: World, state: GameState, site_id: str, genre: str, quality: float, reputation: int) -> int:
    """Kopecks a buyer at `site_id` pays now for one record."""
    demand = state.sites[site_id].demand.get(genre, 0.0)
    return price_at_demand(world, site_id, genre, demand, quality, reputation)


def sale_total(world: World, site_id: str, demand: dict[str, float], records: list[tuple[str, float]],
               reputation: int) -> int:
    """Kopecks for selling `records` ((genre, quality) in order) one after another at `site_id`, each sale
    lowering its genre's demand by SALE_DEMAND_FACTOR: what `SellRecords` will pay, for previews."""
    demand = dict(demand)
    total = 0
    for genre, quality in records:
        total += price_at_demand(world, site_id, genre, demand.get(genre, 0.0), quality, reputation)
        demand[genre] = round(demand.get(genre, 0.0) * SALE_DEMAND_FACTOR, 6)
    return total


def register_sale(state: GameState, site_id: str, genre: str) -> None:
    demand = state.sites[site_id].demand
    demand[genre] = round(demand[genre] * SALE_DEMAND_FACTOR, 6)


def end_of_turn(world: World, state: GameState, streams: Streams) -> None:
    """Demand recovery, random gluts and shortages, and the price-history sample (quality 0.5, reputation 50)."""
    for site in world.buyers():
        site_state = state.sites[site.id]
        for genre in sorted(site_state.demand):
            base = site_state.base_demand[genre]
            current = site_state.demand[genre]
            site_state.demand[genre] = round(current + RECOVERY_RATE * (base - current), 6)
        if site_state.demand and streams.chance("market", SHOCK_CHANCE):
            genre = streams.choice("market", sorted(site_state.demand))
            name = world.genres[genre].name
            if streams.chance("market", 0.5):
                site_state.demand[genre] = round(site_state.demand[genre] * 0.45, 6)
                state.news.append(f"{site.name}: the street is flooded with {name} records; prices fall.")
            else:
                site_state.demand[genre] = round(min(MAX_DEMAND, site_state.demand[genre] * 1.8), 6)
                state.news.append(f"{site.name}: everyone is asking for {name}; prices soar.")
        for genre in sorted(site_state.demand):
            history = state.price_history.setdefault(f"{site.id}:{genre}", [])
            history.append(record_price(world, state, site.id, genre, 0.5, 50))
            del history[:-HISTORY_LENGTH]
