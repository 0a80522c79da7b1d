"""What one player may know: the fog-of-war view the UI draws and the host sends to a client.

A player sees the tiles within VIEW_RADIUS of their bootlegger with a clear line of sight (buildings block it),
their own full state, public facts about rivals (name, reputation, in custody or free, arrests), rivals and
patrols only where they stand on a seen tile (informers only once spotted), every public site (a rival's
workshop only while in sight), market demand (word of the street), and the city news.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.core.grid import Point
from game.core.report import TurnEvent, TurnReport
from game.core.state import GameState, PlayerState
from game.core.world import World

VIEW_RADIUS = 6


@dataclass(frozen=True)
class UnitSighting:
    id: str  # "p<index>" for bootleggers, the patrol id for patrols
    kind: str  # "bootlegger", "militia", "komsomol", "informer"
    pos: Point
    sight: int = 0
    alert: bool = False


@dataclass(frozen=True)
class RivalInfo:
    index: int
    name: str
    reputation: int
    free: bool
    arrests: int


@dataclass
class PlayerView:
    player: PlayerState
    turn: int
    date: str
    over: bool
    visible: set[Point]
    units: list[UnitSighting]
    rivals: list[RivalInfo]
    sites: list[str]
    demand: dict[str, dict[str, float]]
    price_history: dict[str, list[int]]
    patrol_pressure: float
    news: list[str] = field(default_factory=list)


def visible_tiles(world: World, player: PlayerState) -> set[Point]:
    return world.city.visible_tiles(player.pos, VIEW_RADIUS) if player.free else set()


def player_view(world: World, state: GameState, index: int) -> PlayerView:
    me = state.players[index]
    seen = visible_tiles(world, me)
    units = [
        UnitSighting(f"p{p.index}", "bootlegger", p.pos)
        for p in state.players
        if p.index != index and p.free and p.pos in seen
    ]
    for patrol in state.patrols:
        hidden_informer = patrol.kind == "informer" and patrol.id not in me.known_informers
        if patrol.pos in seen and not hidden_informer:
            units.append(UnitSighting(patrol.id, patrol.kind, patrol.pos, world.patrol_specs[patrol.id].sight,
                                      patrol.alert_turns > 0))
    rival_workshops = {p.workshop for p in state.players if p.index != index}
    sites = [
        s.id for s in world.level.sites
        if s.id not in rival_workshops or (s.at[0], s.at[1]) in seen
    ]
    return PlayerView(
        player=me,
        turn=state.turn,
        date=state.date.isoformat(),
        over=state.over,
        visible=seen,
        units=units,
        rivals=[RivalInfo(p.index, p.name, p.reputation, p.free, p.arrests) for p in state.players if p.index != index],
        sites=sites,
        demand={sid: dict(s.demand) for sid, s in state.sites.items() if s.demand},
        price_history={k: list(v) for k, v in state.price_history.items()},
        patrol_pressure=state.patrol_pressure,
        news=list(state.news),
    )


def report_for(world: World, state: GameState, report: TurnReport, index: int) -> TurnReport:
    """The turn report as player `index` may see it: their own events and public news, and at each step only the
    units on tiles their bootlegger could see at that step (hidden informers never)."""
    own_id = f"p{index}"
    steps: list[dict[str, Point]] = []
    known = set(state.players[index].known_informers)
    informers = {pid for pid, spec in world.patrol_specs.items() if spec.kind == "informer"}
    for positions in report.steps:
        me = positions.get(own_id)
        seen = world.city.visible_tiles(me, VIEW_RADIUS) if me is not None else set()
        steps.append({
            uid: pos for uid, pos in positions.items()
            if uid == own_id or (pos in seen and (uid not in informers or uid in known))
        })
    events: list[TurnEvent] = [e for e in report.events if e.player in (None, index)]
    return TurnReport(report.turn, report.date, events, steps, report.state_hash)
