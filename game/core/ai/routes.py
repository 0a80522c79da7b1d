"""How an AI bootlegger walks: tonight's path toward a goal, around the patrols it can see.

Danger is what the player's view shows: tiles a visible militia patrol or Komsomol brigade could see within the
next step (the engine's line of sight, radius sight x pressure + 1 for the step it takes, at most the view
radius + 1), and tiles a spotted informer watches. Only a bootlegger carrying records has anything to fear.

The walk is a small Dijkstra over the tiles within tonight's allowance: a tile costs 1, plus PATROL_COST if a
patrol watches it, plus INFORMER_COST if an informer does (a patrol rolls once a turn to stop a bootlegger it sees,
so the cost of its area is spread over the few tiles a walk spends in it); the chosen end tile minimises (walking
distance left to the goal) + (danger paid on the way; standing still where a watcher looks pays it too). Because the costs are finite, a goal that can only be reached past a
watcher is still reached when waiting gains nothing: the AI never freezes in front of an informer who never moves.
"""

from __future__ import annotations

import heapq

from game.core.grid import UNREACHABLE, Point
from game.core.view import VIEW_RADIUS, PlayerView
from game.core.world import World

PATROL_COST = 1.5
INFORMER_COST = 0.3


def danger_map(world: World, view: PlayerView, patrol_cost: float = PATROL_COST) -> dict[Point, float]:
    """Tile -> the extra cost of standing there tonight, from the watchers in the view."""
    danger: dict[Point, float] = {}
    for unit in view.units:
        if unit.kind == "bootlegger":
            continue
        if unit.kind == "informer":
            cost, radius = INFORMER_COST, min(unit.sight * view.patrol_pressure, VIEW_RADIUS)
        else:
            cost, radius = patrol_cost, min(unit.sight * view.patrol_pressure, VIEW_RADIUS) + 1
        for tile in world.city.visible_tiles(unit.pos, radius):
            danger[tile] = danger.get(tile, 0.0) + cost
    return danger


def plan_path(world: World, start: Point, goal: Point, limit: int, danger: dict[Point, float]) -> list[Point]:
    """Tonight's walk (module docstring); [] when the goal is unreachable or standing still is best."""
    if not danger:
        return world.city.path(start, goal, limit)
    goal_field = world.city.distance_field(goal)
    if goal_field[start[1]][start[0]] == UNREACHABLE:
        return []
    best_cost: dict[Point, float] = {start: 0.0}
    steps: dict[Point, int] = {start: 0}
    came: dict[Point, Point] = {}
    queue: list[tuple[float, int, Point]] = [(0.0, 0, start)]
    while queue:
        cost, n, here = heapq.heappop(queue)
        if cost > best_cost.get(here, float("inf")) or n >= limit:
            continue
        for nxt in world.city.neighbours(here):
            c = cost + 1.0 + danger.get(nxt, 0.0)
            if c < best_cost.get(nxt, float("inf")):
                best_cost[nxt] = c
                steps[nxt] = n + 1
                came[nxt] = here
                heapq.heappush(queue, (c, n + 1, nxt))

    def score(tile: Point) -> tuple[float, int, Point]:
        left = goal_field[tile[1]][tile[0]]
        paid = best_cost[tile] - steps[tile] + (danger.get(tile, 0.0) if tile == start else 0.0)
        return (left + paid, steps[tile], tile)

    end = min((t for t in best_cost if goal_field[t[1]][t[0]] != UNREACHABLE), key=score)
    path: list[Point] = []
    while end != start:
        path.append(end)
        end = came[end]
    path.reverse()
    return path
