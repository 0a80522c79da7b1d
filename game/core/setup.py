"""A new game from a level: players at their workshops with the level's starting kit, patrols at the start of
their routes, hospitals stocked, buyers at their listed demand, and events dated on or before the start applied.

Seats get workshops by a seeded shuffle of all the level's workshops (the "setup" stream), so nobody can tell
from their seat number where a rival lives; a level with `rules.workshops = "in_order"` (a campaign) gives seat i
the i-th workshop. A campaign chapter's objectives are set up too (see `objectives`)."""

from __future__ import annotations

from game.content.models import Catalog, Level
from game.core import objectives
from game.core.lathe import preset_lathe
from game.core.resolve import apply_event
from game.core.rng import Streams
from game.core.state import KOPECKS, GameState, OwnedMaster, PatrolState, PlayerState, SiteState
from game.core.world import World

DEFAULT_NAMES = ("Lev", "Zoya", "Arkady", "Nina", "Boris", "Vera", "Gleb", "Tamara")


def new_game(level: Level, catalog: Catalog, players: int, seed: int, names: list[str] | None = None) -> tuple[World, GameState]:
    """World and initial state for `players` bootleggers (module docstring: who gets which workshop)."""
    world = World(level, catalog)
    if not 1 <= players <= len(world.workshops):
        raise ValueError(f"level '{level.id}' has {len(world.workshops)} workshops; cannot seat {players} players")
    names = list(names or DEFAULT_NAMES)
    start = level.start
    rng: dict[str, int] = {}
    workshops = list(world.workshops)
    if level.rules.workshops == "shuffled":
        streams = Streams(seed, rng)
        for i in range(len(workshops) - 1, 0, -1):  # Fisher-Yates
            j = streams.randint("setup", 0, i)
            workshops[i], workshops[j] = workshops[j], workshops[i]
    player_states = []
    for i in range(players):
        workshop = workshops[i]
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
        genres = sorted(site.demand)
        sites[site.id] = SiteState(site.id, films=dict(sorted(site.films.items())),
                                   base_demand={g: site.demand[g] for g in genres},
                                   shock=dict.fromkeys(genres, 1.0), saturation=dict.fromkeys(genres, 1.0))
    state = GameState(seed=seed, turn=0, date=level.calendar.start, players=player_states, patrols=patrols,
                      sites=sites, rng=rng)
    for event in level.events:
        if event.date <= level.calendar.start:
            apply_event(world, state, event.id)
    objectives.start(world, state)
    return world, state
