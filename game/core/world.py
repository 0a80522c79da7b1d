"""The static side of a game: the level and catalog, indexed for the simulation. Never changes during play,
so it is not part of the state hash (the level's content is hashed once into the replay instead)."""

from __future__ import annotations

from dataclasses import InitVar, dataclass, field

from game.content.models import Catalog, FilmKind, Genre, Level, Master, Part, Patrol, Site
from game.core.grid import CityMap, Point

BUYER_KINDS = frozenset({"market", "buyer", "dance_hall"})


@dataclass
class World:
    level: Level
    catalog: Catalog
    shared_city: InitVar[CityMap | None] = None
    city: CityMap = field(init=False)
    sites: dict[str, Site] = field(init=False)
    genres: dict[str, Genre] = field(init=False)
    films: dict[str, FilmKind] = field(init=False)
    parts: dict[str, Part] = field(init=False)
    masters: dict[str, Master] = field(init=False)
    patrol_specs: dict[str, Patrol] = field(init=False)
    workshops: list[Site] = field(init=False)
    routes: dict[str, list[Point]] = field(init=False)
    sites_by_tile: dict[Point, Site] = field(init=False)

    def __post_init__(self, shared_city: CityMap | None) -> None:
        level, catalog = self.level, self.catalog
        self.city = shared_city if shared_city is not None else CityMap(level.map)
        self.sites = {s.id: s for s in level.sites}
        self.genres = {g.id: g for g in [*catalog.genres, *level.genres]}
        self.films = {f.id: f for f in catalog.films}
        self.parts = {p.id: p for p in [*catalog.parts, *level.parts]}
        self.masters = {m.id: m for m in level.masters}
        self.patrol_specs = {p.id: p for p in level.patrols}
        self.workshops = [s for s in level.sites if s.kind == "workshop"]
        self.routes = {p.id: self._walk_route(p) for p in level.patrols}
        self.sites_by_tile = {(s.at[0], s.at[1]): s for s in level.sites}

    def _walk_route(self, patrol: Patrol) -> list[Point]:
        """The looped tile-by-tile walk through a patrol's waypoints (shortest paths between them)."""
        points = [tuple(p) for p in patrol.route]
        if patrol.kind == "informer" or len(points) == 1:
            return [points[0]]
        tiles: list[Point] = [points[0]]
        for a, b in zip(points, points[1:] + points[:1], strict=True):
            tiles.extend(self.city.path(a, b))
        if len(tiles) > 1 and tiles[-1] == tiles[0]:
            tiles.pop()
        return tiles

    def site_at(self, p: Point) -> Site | None:
        return self.sites_by_tile.get(p)

    def buyers(self) -> list[Site]:
        return [s for s in self.level.sites if s.kind in BUYER_KINDS]

    def public(self, own_workshop: str) -> World:
        """The world as one player may know it: the map and the public sites, their own workshop, the masters,
        parts and rules, and nothing hidden (no patrols or informer posts, no other workshops, no calendar of
        events to come). Shares this world's map and its distance-field cache."""
        return World(public_level(self.level, own_workshop), self.catalog, self.city)


def evening_count(level: Level) -> int:
    """How many evenings the level's calendar has: the engine plays evenings from the start date, `days_per_turn`
    apart, until the date passes the end date (`resolve._calendar`)."""
    cal = level.calendar
    return (cal.end - cal.start).days // cal.days_per_turn + 1


def public_level(level: Level, own_workshop: str) -> Level:
    """`level` with what no player may know removed (see `World.public`)."""
    sites = [s for s in level.sites if s.kind != "workshop" or s.id == own_workshop]
    return level.model_copy(update={"sites": sites, "patrols": [], "events": []})
