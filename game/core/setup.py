"""A new game from a level: players at their workshops with the level's starting kit, patrols at the start of
their routes, hospitals stocked, buyers at their listed demand, and events dated on or before the start applied."""

from __future__ import annotations

from game.content.models import Catalog, Level
from game.core.lathe import preset_lathe
from game.core.resolve import apply_event
from game.core.state import KOPECKS, GameState, OwnedMaster, PatrolState, PlayerState, SiteState
from game.core.world import World

DEFAULT_NAMES = ("Lev", "Zoya", "Arkady", "Nina", "Boris", "Vera", "Gleb", "Tamara")


def new_game(level: Level, catalog: Catalog, players: int, seed: int, names: list[str] | None = None) -> tuple[World, GameState]:
    """World and initial state for `players` bootleggers (player i takes the i-th workshop)."""
    world = World(level, catalog)
    if not 1 <= players <= len(world.workshops):
        raise ValueError(f"level '{level.id}' has {len(world.workshops)} workshops; cannot seat {players} players")
    names = list(names or DEFAULT_NAMES)
    start = level.start
    player_states = []
    for i in range(players):
        workshop = world.workshops[i]
        masters = [world.masters[m] for m in start.masters]
        player_states.append(
            PlayerState(
                index=i,
                name=names[i] if i < len(names) else f"Bootlegger {i + 1}",
                workshop=workshop.id,
                pos=(workshop.at[0], workshop.at[1]),
                money=start.money * KOPECKS,
                reputation=start.reputation,
                heat=start.heat,
                films={k: start.films[k] for k in sorted(start.films)},
                masters=[OwnedMaster(m.id, m.track, m.title, m.genre, m.source_quality) for m in masters],
                records=[],
                lathe=preset_lathe(start.lathe),
                spares=[],
            )
        )
    patrols = [PatrolState(p.id, p.kind, world.routes[p.id][0]) for p in level.patrols]
    sites: dict[str, SiteState] = {}
    for site in level.sites:
        demand = {g: site.demand[g] for g in sorted(site.demand)}
        sites[site.id] = SiteState(site.id, films=dict(sorted(site.films.items())), demand=dict(demand),
                                   base_demand=dict(demand))
    state = GameState(seed=seed, turn=0, date=level.calendar.start, players=player_states, patrols=patrols,
                      sites=sites, rng={})
    for event in level.events:
        if event.date <= level.calendar.start:
            apply_event(world, state, event.id)
    return world, state
