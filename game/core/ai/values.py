"""What things are worth to an AI bootlegger, from its own view: records at each buyer, masters, lathe parts.

- A record's worth at a buyer is the engine's own price at the demand the player knows of (`market`).
- A master's worth is the price its records would fetch at the best buyer for its genre, with the player's own
  lathe and best film, times the records it can expect to sell in the rest of the season (0.6 an evening, at
  most 30), less what it costs.
- A part's worth is the price gained per record by the better grade, over the records the season still holds.
"""

from __future__ import annotations

from game.content.models import Site
from game.core.grid import Point
from game.core.lathe import PartInstance, cut_profile
from game.core.market import buys, price_at_demand
from game.core.profile import quality_grade
from game.core.state import KOPECKS, PlayerState
from game.core.view import PlayerView
from game.core.world import World

RECORDS_PER_TURN = 0.6
MAX_SEASON_RECORDS = 30
HOME_DISCOUNT = 40  # tiles


def tile(site: Site) -> Point:
    return (site.at[0], site.at[1])


def turns_left(world: World, view: PlayerView) -> int:
    import datetime as dt

    cal = world.level.calendar
    days = (cal.end - dt.date.fromisoformat(view.date)).days
    return max(0, days // cal.days_per_turn + 1)


def season_records(world: World, view: PlayerView) -> int:
    """How many more records the player can expect to cut and sell this season."""
    return min(MAX_SEASON_RECORDS, round(RECORDS_PER_TURN * max(0, turns_left(world, view) - 2)))


def best_film(world: World, me: PlayerState) -> str:
    """The film kind the player has most of (else the catalog's first): what its next records will be cut on."""
    held = [k for k in sorted(me.films) if me.films[k] > 0 and k in world.films]
    if held:
        return max(held, key=lambda k: (me.films[k], k))
    return "chest" if "chest" in world.films else next(iter(world.films))


def lathe_grade(world: World, lathe: dict[str, PartInstance], film: str, source_quality: float) -> float:
    return quality_grade(cut_profile(lathe, world.parts, world.films[film], source_quality))


def record_value(world: World, view: PlayerView, site: Site, genre: str, quality: float) -> int:
    """Kopecks this buyer would pay now for one record (0 if they would not take it)."""
    demand = view.demand.get(site.id, {}).get(genre, 0.0)
    if not buys(site, demand, quality):
        return 0
    return price_at_demand(world, site.id, genre, demand, quality, view.player.reputation)


def genre_value(world: World, view: PlayerView, genre: str, quality: float) -> int:
    """The best price any buyer pays for a record of this genre and quality."""
    return max((record_value(world, view, s, genre, quality) for s in world.buyers()), default=0)


def home_value(world: World, view: PlayerView, genre: str, quality: float) -> float:
    """What a record of this genre and quality is worth to someone who cuts at home and walks to sell it: each
    buyer's price discounted for the walk from the workshop (halved at HOME_DISCOUNT tiles), the best of them."""
    home = tile(world.sites[view.player.workshop])
    best = 0.0
    for site in world.buyers():
        distance = world.city.distance(home, tile(site))
        if distance >= 0:
            best = max(best, record_value(world, view, site, genre, quality) / (1 + distance / HOME_DISCOUNT))
    return best


def turn_value(world: World, view: PlayerView, me: PlayerState) -> float:
    """Kopecks an evening of the player's trade is worth, roughly: what they sell in an evening on average, at the
    price their best master's records fetch near home. The price of a walk that earns nothing."""
    if not me.masters:
        return 0.0
    film = best_film(world, me)
    return RECORDS_PER_TURN * max(home_value(world, view, m.genre, lathe_grade(world, me.lathe, film, m.source_quality))
                                  for m in me.masters)


def master_worth(world: World, view: PlayerView, me: PlayerState, master_id: str, source_factor: float = 1.0,
                 price: int | None = None) -> float:
    """Kopecks a master (or a dub of it, at `source_factor`) would bring in over the season, less `price`
    (kopecks; default its shop price) (module docstring)."""
    master = world.masters[master_id]
    quality = lathe_grade(world, me.lathe, best_film(world, me), master.source_quality * source_factor)
    per_record = home_value(world, view, master.genre, quality)
    owned_genres = {m.genre for m in me.masters}
    share = 0.5 if master.genre in owned_genres else 1.0  # the same genre saturates the same buyers
    cost = master.price * KOPECKS if price is None else price
    return per_record * season_records(world, view) * share - cost


def upgrade_gain(world: World, view: PlayerView, me: PlayerState, part: PartInstance) -> float:
    """Kopecks over the season from putting `part` in its slot instead of what is there."""
    lathe = me.lathe
    slot = world.parts[part.part_id].slot
    master = max(me.masters, key=lambda m: (m.source_quality, m.master_id), default=None)
    if master is None:
        return 0.0
    film = best_film(world, me)
    before = lathe_grade(world, lathe, film, master.source_quality)
    after = lathe_grade(world, {**lathe, slot: part}, film, master.source_quality)
    gain = home_value(world, view, master.genre, after) - home_value(world, view, master.genre, before)
    return gain * season_records(world, view)
