"""Are a level's starts fair? Measures of each workshop's position, and warnings when they differ a lot.

For each workshop (walking distances in tiles):
- hospital: to the nearest hospital; contact: to the nearest contact; buyers: the mean distance to the two
  nearest buyer sites;
- loop: a season's typical round, 2 x hospital + 2 x buyers + contact / 2 (films home, records out, now and then a
  master or a part);
- exposure: what the walks of that round pass: for each militia patrol or Komsomol brigade, the share of its route
  within 4 tiles of the walks (x 100), plus 50 for each informer post within 3 tiles of them.
`start_warnings` flags a level whose worst loop is more than 30 % longer than its best, or whose most exposed
walks pass more than 2.5 times the patrols of the least exposed (plus 40): `validate` prints these as
warnings, and the shipped levels are kept free of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.content.models import Catalog, Level
from game.core.grid import UNREACHABLE, Point
from game.core.world import World

LOOP_SPREAD = 1.3
EXPOSURE_SPREAD = 2.5
EXPOSURE_SLACK = 40
PATROL_NEAR = 4
INFORMER_NEAR = 3


@dataclass(frozen=True)
class StartMeasure:
    workshop: str
    hospital: int
    contact: int
    buyers: float
    loop: float
    exposure: int


def _tile(site) -> Point:
    return (site.at[0], site.at[1])


def _nearest(field: list[list[int]], tiles: list[Point]) -> int:
    distances = [field[y][x] for x, y in tiles if field[y][x] != UNREACHABLE]
    return min(distances) if distances else 9999


def start_measures(world: World) -> list[StartMeasure]:
    """One measure per workshop of the level, in the level's order."""
    level = world.level
    hospitals = [_tile(s) for s in level.sites if s.kind == "hospital"]
    contacts = [_tile(s) for s in level.sites if s.kind == "contact"]
    buyers = [_tile(s) for s in world.buyers()]
    measures = []
    for workshop in world.workshops:
        home = _tile(workshop)
        field = world.city.distance_field(home)
        hospital, contact = _nearest(field, hospitals), _nearest(field, contacts)
        reach = sorted((field[y][x], (x, y)) for x, y in buyers if field[y][x] != UNREACHABLE)[:2]
        buyer = sum(d for d, _ in reach) / len(reach) if reach else 9999.0
        stops = [t for _, t in reach] + [_closest(field, hospitals), _closest(field, contacts)]
        walks = {t for stop in stops if stop is not None for t in world.city.path(home, stop)}
        measures.append(StartMeasure(workshop.id, hospital, contact, round(buyer, 1),
                                     round(2 * hospital + 2 * buyer + contact / 2, 1), _exposure(world, walks)))
    return measures


def _closest(field: list[list[int]], tiles: list[Point]) -> Point | None:
    reach = [(field[y][x], (x, y)) for x, y in tiles if field[y][x] != UNREACHABLE]
    return min(reach)[1] if reach else None


def _exposure(world: World, walks: set[Point]) -> int:
    def near(tile: Point, r: int) -> bool:
        return any((tile[0] - x) ** 2 + (tile[1] - y) ** 2 <= r * r for x, y in walks)

    score = 0.0
    for patrol in world.level.patrols:
        route = world.routes[patrol.id]
        if patrol.kind == "informer":
            score += 50 * near(route[0], INFORMER_NEAR)
        else:
            score += 100 * sum(1 for t in route if near(t, PATROL_NEAR)) / len(route)
    return round(score)


def start_warnings(level: Level, catalog: Catalog) -> list[str]:
    """Plain-words warnings about unfair starts (module docstring); empty when the starts are fair. Only skirmish
    levels are judged: a campaign chapter gives the player a chosen start on purpose."""
    if level.kind != "skirmish":
        return []
    world = World(level, catalog)
    measures = start_measures(world)
    if len(measures) < 2:
        return []
    warnings = []
    loops = sorted(measures, key=lambda m: m.loop)
    if loops[-1].loop > LOOP_SPREAD * loops[0].loop:
        warnings.append(f"unfair starts: from workshop '{loops[-1].workshop}' a season's round of hospital, buyers "
                        f"and contact is {loops[-1].loop:.0f} tiles, from '{loops[0].workshop}' {loops[0].loop:.0f} "
                        f"(more than {round((LOOP_SPREAD - 1) * 100)} % apart)")
    exposed = sorted(measures, key=lambda m: m.exposure)
    if exposed[-1].exposure > EXPOSURE_SPREAD * exposed[0].exposure + EXPOSURE_SLACK:
        warnings.append(f"unfair starts: the walks from workshop '{exposed[-1].workshop}' pass patrols and informers "
                        f"worth {exposed[-1].exposure}, from '{exposed[0].workshop}' {exposed[0].exposure}")
    return warnings
