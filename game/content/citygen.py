"""A deterministic generator of Leningrad-like city maps for skirmish levels (content tooling, not the game).

A city is a grid of blocks between streets (some streets wider: prospekts), most blocks with a courtyard-well
inside reached through an arch, a few squares and gardens; a river runs across with embankments and a few
bridges, canals cross the blocks with a bridge at every street. Everything walkable is connected (stray
courtyards are walled up), and sites and patrols are placed on reachable tiles. Same spec -> same city.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import Any

from game.content.tiles import WALKABLE, reachable

STREET, BUILDING, COURTYARD, WATER, BRIDGE = ".", "#", ",", "~", "="
LEGEND = {STREET: "street", BUILDING: "building", COURTYARD: "courtyard", WATER: "water", BRIDGE: "bridge"}
Point = tuple[int, int]


@dataclass(frozen=True)
class SiteSpec:
    """A site to place near (fx, fy) as fractions of the map; `extra` holds the kind's fields (films, demand...)."""

    id: str
    kind: str
    name: str
    near: tuple[float, float]
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CitySpec:
    width: int
    height: int
    seed: int
    block: tuple[int, int] = (5, 9)
    rivers: tuple[tuple[float, int, int], ...] = ()  # (y as a fraction, width, bridges), running west to east
    canals: tuple[tuple[float, int], ...] = ()  # (x as a fraction, width), running north to south
    avenue_every: int = 4
    park_chance: float = 0.08
    meander: bool = True


class City:
    """The generated map, mutable while it is built; `rows()` gives the level's map rows."""

    def __init__(self, spec: CitySpec) -> None:
        self.spec = spec
        self.rng = random.Random(spec.seed)
        self.w, self.h = spec.width, spec.height
        self.tiles = [[BUILDING] * self.w for _ in range(self.h)]
        self.xs: list[int] = []
        self.ys: list[int] = []
        self._streets()
        self._blocks()
        for fy, width, bridges in spec.rivers:
            self._river(fy, width, bridges)
        for fx, width in spec.canals:
            self._canal(fx, width)
        self._connect()

    # ------------------------------------------------------------ building the map

    def _lines(self, size: int) -> list[int]:
        """Street lines across one axis: borders are streets, every `avenue_every`-th is two tiles wide."""
        lo, hi = self.spec.block
        lines, pos, n = [], 0, 0
        while pos < size:
            lines.append(pos)
            if n % self.spec.avenue_every == self.spec.avenue_every - 1 and pos + 1 < size:
                pos += 1
                lines.append(pos)
            n += 1
            pos += self.rng.randint(lo, hi) + 1
            if size - pos <= lo:
                break
        if lines[-1] != size - 1:
            lines.append(size - 1)
        return lines

    def _streets(self) -> None:
        self.xs, self.ys = self._lines(self.w), self._lines(self.h)
        for x in self.xs:
            for y in range(self.h):
                self.tiles[y][x] = STREET
        for y in self.ys:
            for x in range(self.w):
                self.tiles[y][x] = STREET

    def _spans(self, lines: list[int]) -> list[tuple[int, int]]:
        return [(a + 1, b - 1) for a, b in zip(lines, lines[1:], strict=False) if b - a > 1]

    def _blocks(self) -> None:
        for x0, x1 in self._spans(self.xs):
            for y0, y1 in self._spans(self.ys):
                self._block(x0, y0, x1, y1)

    def _block(self, x0: int, y0: int, x1: int, y1: int) -> None:
        """A block: solid if small, a garden now and then, else buildings round a courtyard with an arch."""
        bw, bh = x1 - x0 + 1, y1 - y0 + 1
        rng = self.rng
        if bw >= 3 and bh >= 3 and rng.random() < self.spec.park_chance:
            for y in range(y0, y1 + 1):
                for x in range(x0, x1 + 1):
                    self.tiles[y][x] = COURTYARD
            return
        if bw < 5 or bh < 5:
            return
        inset = 2 if bw >= 8 and bh >= 8 else 1
        cx0, cy0, cx1, cy1 = x0 + inset, y0 + inset, x1 - inset, y1 - inset
        for y in range(cy0, cy1 + 1):
            for x in range(cx0, cx1 + 1):
                self.tiles[y][x] = COURTYARD
        side = rng.randrange(4)
        if side in (0, 2):
            ax = rng.randint(cx0, cx1)
            rng_y = range(y0, cy0) if side == 0 else range(cy1 + 1, y1 + 1)
            for y in rng_y:
                self.tiles[y][ax] = COURTYARD
        else:
            ay = rng.randint(cy0, cy1)
            rng_x = range(x0, cx0) if side == 3 else range(cx1 + 1, x1 + 1)
            for x in rng_x:
                self.tiles[ay][x] = COURTYARD

    def _river(self, fy: float, width: int, bridges: int) -> None:
        """A river west to east, meandering a little, with embankment streets and a few bridges."""
        centre = int(fy * self.h)
        tops: list[int] = []
        top = centre - width // 2
        for x in range(self.w):
            if x % 6 == 5 and self.spec.meander:
                top = max(centre - width // 2 - 1, min(centre - width // 2 + 1, top + self.rng.choice((-1, 0, 1))))
            tops.append(top)
            for y in range(top - 1, top + width + 1):
                if 0 <= y < self.h:
                    self.tiles[y][x] = WATER if top <= y < top + width else STREET
        crossings = [x for x in self.xs if 2 <= x < self.w - 2 and self.tiles[tops[x] + width // 2][x - 1] == WATER]
        chosen = self._spread(crossings, bridges)
        for x in chosen:
            for y in range(tops[x], tops[x] + width):
                self.tiles[y][x] = BRIDGE

    def _canal(self, fx: float, width: int) -> None:
        """A canal north to south with embankments and a bridge at every crossing street."""
        left = int(fx * self.w)
        for y in range(self.h):
            prev = left
            if y % 9 == 8 and y not in self.ys and self.spec.meander:
                left = max(int(fx * self.w) - 2, min(int(fx * self.w) + 2, left + self.rng.choice((-1, 0, 1))))
            lo, hi = min(prev, left), max(prev, left) + width  # water spans both positions on a bend
            for x in range(lo - 1, hi + 1):
                if not 0 <= x < self.w or self.tiles[y][x] in (WATER, BRIDGE):
                    continue
                inside = lo <= x < hi
                self.tiles[y][x] = (BRIDGE if y in self.ys else WATER) if inside else STREET

    @staticmethod
    def _spread(items: list[int], count: int) -> list[int]:
        if len(items) <= count:
            return items
        step = len(items) / count
        return [items[int(step * i + step / 2)] for i in range(count)]

    def _connect(self) -> None:
        """Wall up every walkable tile that cannot be reached from the middle of the city."""
        start = self.nearest((self.w // 2, self.h // 2), lambda t: t == STREET, set(), self.all_tiles())
        seen = self.reach(start)
        for y in range(self.h):
            for x in range(self.w):
                t = self.tiles[y][x]
                if LEGEND[t] in WALKABLE and (x, y) not in seen:
                    self.tiles[y][x] = WATER if t == BRIDGE else BUILDING
        self.reachable = seen

    # ------------------------------------------------------------ queries

    def all_tiles(self) -> set[Point]:
        return {(x, y) for y in range(self.h) for x in range(self.w)}

    def reach(self, start: Point) -> set[Point]:
        """Tiles reachable on foot from `start`, by the same search the engine uses."""
        return reachable([[LEGEND[t] in WALKABLE for t in row] for row in self.tiles], start)

    def nearest(self, target: Point, ok: Any, taken: set[Point], pool: set[Point]) -> Point:
        """The tile of `pool` closest to target (ties: top-left first) whose character passes `ok`."""
        tx, ty = target
        best = min((p for p in pool if p not in taken and ok(self.tiles[p[1]][p[0]])),
                   key=lambda p: ((p[0] - tx) ** 2 + (p[1] - ty) ** 2, p[1], p[0]))
        return best

    def doorstep(self, p: Point) -> bool:
        """A street tile with a building beside it (a door to knock on)."""
        x, y = p
        return any(0 <= q[0] < self.w and 0 <= q[1] < self.h and self.tiles[q[1]][q[0]] == BUILDING
                   for q in ((x, y - 1), (x + 1, y), (x, y + 1), (x - 1, y)))

    def rows(self) -> list[str]:
        return ["".join(r) for r in self.tiles]


def place_sites(city: City, specs: list[SiteSpec]) -> list[dict[str, Any]]:
    """Sites as level JSON objects, each on a reachable tile near its spot, at least 3 tiles from the others.
    Workshops go into courtyards (safehouses), the rest on doorsteps of streets."""
    taken: set[Point] = set()
    doorsteps = {p for p in city.reachable if city.doorstep(p)}
    yards = set(city.reachable)
    out = []
    for spec in specs:
        target = (int(spec.near[0] * (city.w - 1)), int(spec.near[1] * (city.h - 1)))
        if spec.kind == "workshop":
            at = city.nearest(target, lambda t: t == COURTYARD, taken, yards)
        else:
            at = city.nearest(target, lambda t: t == STREET, taken, doorsteps)
        for dx in range(-3, 4):
            for dy in range(-3, 4):
                taken.add((at[0] + dx, at[1] + dy))
        out.append({"id": spec.id, "kind": spec.kind, "name": spec.name, "at": [at[0], at[1]], **spec.extra})
    return out


def _loop(points: list[Point]) -> list[Point]:
    """Waypoints ordered by angle round their middle, first point kept first: a loop, not a zig-zag."""
    cx = sum(p[0] for p in points) / len(points)
    cy = sum(p[1] for p in points) / len(points)
    first, rest = points[0], sorted(points[1:], key=lambda p: (math.atan2(p[1] - cy, p[0] - cx), p))
    a0 = math.atan2(first[1] - cy, first[0] - cx)
    rest.sort(key=lambda p: ((math.atan2(p[1] - cy, p[0] - cx) - a0) % (2 * math.pi), p))
    return [first, *rest]


def make_patrols(city: City, sites: list[dict[str, Any]], rng_seed: int, militia_per_station: int,
                 komsomol_per_hall: int, informers: int) -> list[dict[str, Any]]:
    """Militia walking loops of crossroads out of each station, Komsomol brigades circling the dance halls,
    and informers standing near markets and buyers."""
    rng = random.Random(rng_seed)
    crossings = sorted((x, y) for x in city.xs for y in city.ys if (x, y) in city.reachable)
    patrols: list[dict[str, Any]] = []

    def near(centre: list[int], radius: int) -> list[Point]:
        return [p for p in crossings if abs(p[0] - centre[0]) <= radius and abs(p[1] - centre[1]) <= radius]

    for site in (s for s in sites if s.get("kind") == "militia_station"):
        pool = near(site["at"], 18) or crossings
        for k in range(militia_per_station):
            route = _loop([tuple(site["at"]), *rng.sample(pool, min(3, len(pool)))])
            patrols.append({"id": f"militia_{site['id']}_{k + 1}", "kind": "militia",
                            "route": [list(p) for p in route], "speed": rng.choice((1, 2, 2)), "sight": rng.choice((4, 5))})
    for site in (s for s in sites if s.get("kind") == "dance_hall"):
        pool = near(site["at"], 9) or crossings
        for k in range(komsomol_per_hall):
            route = _loop(rng.sample(pool, min(3, len(pool))))
            patrols.append({"id": f"komsomol_{site['id']}_{k + 1}", "kind": "komsomol",
                            "route": [list(p) for p in route], "speed": 1, "sight": 4})
    watched = [s for s in sites if s.get("kind") in ("market", "buyer", "hospital", "contact")]
    for k in range(informers):
        site = watched[k % len(watched)]
        x, y = site["at"]
        spot = city.nearest((x + rng.randint(-4, 4), y + rng.randint(-4, 4)), lambda t: t == STREET,
                            {(x, y)}, city.reachable)
        patrols.append({"id": f"informer_{k + 1}", "kind": "informer", "route": [list(spot)], "sight": 3})
    return patrols
