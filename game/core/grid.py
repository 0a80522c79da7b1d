"""The city map: tiles, movement, line of sight and distance fields.

What tiles mean and how walking distances are searched live in `game.content.tiles` (one definition for the
content checks and the engine). Distances are in tiles of 4-neighbour movement; sight uses Euclidean distance
and a Bresenham line.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.content.models import MapSpec
from game.content.tiles import COVER, NEIGHBOURS, OPAQUE, UNREACHABLE, WALKABLE, Point, WalkGraph

__all__ = ["CityMap", "UNREACHABLE", "Point"]  # UNREACHABLE and Point are used across core and ui

SIGHT_CACHE = 50_000  # sight windows kept per map (each a frozenset of up to ~150 tiles)


class CityMap:
    """Static tiles of a level, with cached distance fields (BFS from a tile over walkable tiles)."""

    def __init__(self, spec: MapSpec) -> None:
        self.height = len(spec.rows)
        self.width = len(spec.rows[0])
        self.kinds: list[list[str]] = [[spec.legend[ch] for ch in row] for row in spec.rows]
        self.walkable: list[list[bool]] = [[k in WALKABLE for k in row] for row in self.kinds]
        self.opaque: list[list[bool]] = [[k in OPAQUE for k in row] for row in self.kinds]
        self._fields: dict[Point, list[list[int]]] = {}
        self._graph = WalkGraph(self.walkable)
        self._sight: dict[tuple[Point, float], frozenset[Point]] = {}

    def inside(self, p: Point) -> bool:
        return 0 <= p[0] < self.width and 0 <= p[1] < self.height

    def kind(self, p: Point) -> str:
        return self.kinds[p[1]][p[0]]

    def is_walkable(self, p: Point) -> bool:
        return self.inside(p) and self.walkable[p[1]][p[0]]

    def is_cover(self, p: Point) -> bool:
        return self.kinds[p[1]][p[0]] in COVER

    def neighbours(self, p: Point) -> Iterator[Point]:
        """Walkable 4-neighbours in a fixed order (up, right, down, left)."""
        x, y = p
        for dx, dy in NEIGHBOURS:
            q = (x + dx, y + dy)
            if self.is_walkable(q):
                yield q

    def line_of_sight(self, a: Point, b: Point) -> bool:
        """True if no building lies strictly between a and b on the Bresenham line."""
        x0, y0 = a
        x1, y1 = b
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        sx = 1 if x0 < x1 else -1
        sy = 1 if y0 < y1 else -1
        err = dx + dy
        opaque = self.opaque
        while True:
            if (x0, y0) != a and (x0, y0) != b and opaque[y0][x0]:
                return False
            if x0 == x1 and y0 == y1:
                return True
            e2 = 2 * err
            if e2 >= dy:
                err += dy
                x0 += sx
            if e2 <= dx:
                err += dx
                y0 += sy

    def can_see(self, watcher: Point, target: Point, radius: float) -> bool:
        """A watcher with sight `radius` sees `target`: within radius (halved if target is in a courtyard)
        and a clear line of sight."""
        if self.is_cover(target):
            radius = radius / 2
        dx, dy = watcher[0] - target[0], watcher[1] - target[1]
        if dx * dx + dy * dy > radius * radius:
            return False
        return self.line_of_sight(watcher, target)

    def visible_tiles(self, centre: Point, radius: float) -> frozenset[Point]:
        """Every tile `centre` can see (the fog-of-war window of one observer); the map never changes, so the
        answer is kept (up to SIGHT_CACHE windows)."""
        key = (centre, radius)
        seen = self._sight.get(key)
        if seen is None:
            if len(self._sight) >= SIGHT_CACHE:
                self._sight.clear()
            seen = self._sight[key] = frozenset(self._visible(centre, radius))
        return seen

    def _visible(self, centre: Point, radius: float) -> set[Point]:
        r = int(radius)
        seen: set[Point] = set()
        cx, cy = centre
        for y in range(max(0, cy - r), min(self.height, cy + r + 1)):
            for x in range(max(0, cx - r), min(self.width, cx + r + 1)):
                if self.can_see(centre, (x, y), radius):
                    seen.add((x, y))
        return seen

    def distance_field(self, target: Point) -> list[list[int]]:
        """Walking distance from every tile to `target` (UNREACHABLE where none), cached per target."""
        field = self._fields.get(target)
        if field is None:
            field = self._fields[target] = self.distances(target)
        return field

    def distances(self, start: Point) -> list[list[int]]:
        """Walking distance from `start` to every tile, by breadth-first search; not cached (for a searcher that
        stands somewhere new every turn). The same as `distance_field(start)`: walking is symmetric."""
        cached = self._fields.get(start)
        if cached is not None:
            return cached
        return self._graph.distances(start)

    def distance(self, a: Point, b: Point) -> int:
        """Walking distance from a to b, or UNREACHABLE."""
        return self.distance_field(b)[a[1]][a[0]]

    def path(self, start: Point, goal: Point, limit: int | None = None) -> list[Point]:
        """Shortest walking path from start to goal, excluding start, at most `limit` steps (empty if none)."""
        if not (self.is_walkable(start) and self.is_walkable(goal)):
            return []
        field = self.distance_field(goal)
        if field[start[1]][start[0]] == UNREACHABLE:
            return []
        path: list[Point] = []
        here = start
        while here != goal and (limit is None or len(path) < limit):
            d = field[here[1]][here[0]]
            here = next(q for q in self.neighbours(here) if field[q[1]][q[0]] == d - 1)
            path.append(here)
        return path
