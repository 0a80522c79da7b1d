"""What each tile kind means, and the one walking search that content checks, the city generator and the
engine all use.

Tile kinds: street and bridge (open), courtyard (open; cover: a watcher's sight radius is halved looking
in), building (blocks movement and sight), water (blocks movement, not sight).
Walking is between 4-neighbours (up, right, down, left); a distance counts tiles walked.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

Point = tuple[int, int]

WALKABLE = frozenset({"street", "courtyard", "bridge"})
OPAQUE = frozenset({"building"})
COVER = frozenset({"courtyard"})
NEIGHBOURS: tuple[Point, ...] = ((0, -1), (1, 0), (0, 1), (-1, 0))
UNREACHABLE = -1


class WalkGraph:
    """The walkable tiles of a map as a graph, built once: each tile's walkable 4-neighbours (up, right, down,
    left) by flat index y x width + x, so a search is a tight loop over lists."""

    def __init__(self, walkable: Sequence[Sequence[bool]]) -> None:
        self.height = len(walkable)
        self.width = len(walkable[0]) if self.height else 0
        w, h = self.width, self.height
        self.neighbours: list[tuple[int, ...]] = [
            tuple((y + dy) * w + x + dx for dx, dy in NEIGHBOURS
                  if 0 <= x + dx < w and 0 <= y + dy < h and walkable[y + dy][x + dx])
            for y in range(h) for x in range(w)]

    def distances(self, target: Point) -> list[list[int]]:
        """Walking distance from every tile to `target` (breadth-first; UNREACHABLE where there is no way);
        `target` itself counts as 0 even when it cannot be walked."""
        w = self.width
        flat = [UNREACHABLE] * (w * self.height)
        start = target[1] * w + target[0]
        flat[start] = 0
        queue = [start]
        neighbours = self.neighbours
        for here in queue:  # the list grows as the search goes: a queue without popping
            d = flat[here] + 1
            for there in neighbours[here]:
                if flat[there] == UNREACHABLE:
                    flat[there] = d
                    queue.append(there)
        return [flat[y * w:(y + 1) * w] for y in range(self.height)]


def walk_distances(walkable: Sequence[Sequence[bool]], target: Point) -> list[list[int]]:
    """Walking distance from every tile to `target` (breadth-first over walkable tiles; UNREACHABLE where
    there is no way). `walkable[y][x]` says whether tile (x, y) can be walked; `target` itself counts as 0
    even when it cannot. (For many searches on one map, keep a `WalkGraph`.)"""
    return WalkGraph(walkable).distances(target)


def reachable(walkable: Sequence[Sequence[bool]], start: Point) -> set[Point]:
    """Every tile reachable on foot from `start` (empty if `start` is not walkable)."""
    if not walkable[start[1]][start[0]]:
        return set()
    field = walk_distances(walkable, start)
    return {(x, y) for y, row in enumerate(field) for x, d in enumerate(row) if d != UNREACHABLE}


def regions(walkable: Sequence[Sequence[bool]]) -> list[list[int]]:
    """A label per tile: tiles with the same label >= 0 are reachable from each other on foot; UNREACHABLE for
    tiles that cannot be walked. One pass over the map (the same 4-neighbour walking as above)."""
    height = len(walkable)
    width = len(walkable[0]) if height else 0
    label = [[UNREACHABLE] * width for _ in range(height)]
    count = 0
    for sy in range(height):
        for sx in range(width):
            if not walkable[sy][sx] or label[sy][sx] != UNREACHABLE:
                continue
            label[sy][sx] = count
            queue = deque([(sx, sy)])
            while queue:
                x, y = queue.popleft()
                for dx, dy in NEIGHBOURS:
                    nx, ny = x + dx, y + dy
                    if 0 <= nx < width and 0 <= ny < height and walkable[ny][nx] and label[ny][nx] == UNREACHABLE:
                        label[ny][nx] = count
                        queue.append((nx, ny))
            count += 1
    return label
