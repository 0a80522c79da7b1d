"""Patrol movement. Each step a patrol whose turn it is (every `speed` steps) moves one tile:

- an informer never moves;
- an alerted patrol (it saw contraband) walks toward the sighting, then searches the tiles within 3 of it at
  random ("patrol" stream), for 2 turns; every tile it walks off its route is kept in a trail;
- when the alert ends it walks its trail back to the route, then resumes its looped route.
"""

from __future__ import annotations

from game.core.grid import Point
from game.core.rng import Streams
from game.core.state import PatrolState
from game.core.world import World

ALERT_TURNS = 2
SEARCH_RADIUS = 3


def move_patrol(world: World, patrol: PatrolState, step: int, streams: Streams) -> None:
    spec = world.patrol_specs[patrol.id]
    if spec.kind == "informer" or step % spec.speed:
        return
    if patrol.alert_turns > 0 and patrol.alert_target is not None:
        nxt = _toward(world, patrol.pos, patrol.alert_target, streams)
        if nxt != patrol.pos:
            patrol.trail.append(patrol.pos)
            patrol.pos = nxt
    elif patrol.trail:
        patrol.pos = patrol.trail.pop()
    else:
        route = world.routes[patrol.id]
        patrol.route_index = (patrol.route_index + 1) % len(route)
        patrol.pos = route[patrol.route_index]


def _toward(world: World, here: Point, target: Point, streams: Streams) -> Point:
    """One step closer to `target` (squared distance, first best in neighbour order); at the target, a random
    step that stays within SEARCH_RADIUS of it."""
    options = list(world.city.neighbours(here))
    if not options:
        return here

    def dist2(p: Point) -> int:
        return (p[0] - target[0]) ** 2 + (p[1] - target[1]) ** 2

    best = min(options, key=dist2)
    if dist2(best) < dist2(here):
        return best
    near = [p for p in options if max(abs(p[0] - target[0]), abs(p[1] - target[1])) <= SEARCH_RADIUS]
    return streams.choice("patrol", near) if near else here


def raise_alert(patrol: PatrolState, at: Point) -> None:
    patrol.alert_turns = ALERT_TURNS
    patrol.alert_target = at


def end_of_turn(patrols: list[PatrolState]) -> None:
    for patrol in patrols:
        if patrol.alert_turns > 0:
            patrol.alert_turns -= 1
            if patrol.alert_turns == 0:
                patrol.alert_target = None
