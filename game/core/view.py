"""What one player may know: the fog-of-war view the UI and the AI draw on and the host sends to a client.

A `PlayerView` is a serialisable snapshot (pydantic; JSON in and out) that holds everything a client draws and
nothing more:
- the player's own full state (a copy);
- the tiles within VIEW_RADIUS of their bootlegger with a clear line of sight (buildings block it);
- rivals and patrols standing on a seen tile, and the informers they have spotted (wherever they are);
- public facts about rivals (name, reputation, free or in custody, arrests);
- the sites they know: every public site, their own workshop and the rival workshops they have seen
  (`rival_workshops`; the public level a client gets has no other workshops);
- demand: exact at buyer sites they can see tonight (`demand_seen`); elsewhere what they remember seeing there,
  recovered toward what the street says by the market's own rule (10 % of the gap an evening), or, where they
  have never looked, what the street says (base and gluts/shortages, without rivals' sales); the public price
  history; the patrol pressure; the city news;
- masters each contact offers tonight (including those calendar events released); hospital stock where in sight;
- trade offers made to or by them, the buyers' open errands;
- in a campaign chapter, the player's own objectives as the engine judges them (`chapter`).
`view_hash` is the hash of everything else, so a client can prove it shows what the host sent.
"""

from __future__ import annotations

import copy
import hashlib
from typing import Annotated

from pydantic import BaseModel, ConfigDict, PlainSerializer

from game.content.models import Site
from game.core.commands import masters_for_sale
from game.core.grid import Point
from game.core.market import RECOVERY_RATE
from game.core.report import TurnEvent, TurnReport
from game.core.state import ChapterState, DemandSighting, Errand, GameState, PlayerState, TradeOffer
from game.core.world import World

VIEW_RADIUS = 6

TileSet = Annotated[frozenset[Point], PlainSerializer(lambda tiles: sorted(tiles), return_type=list[Point])]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class UnitSighting(_Model):
    id: str  # "p<index>" for bootleggers, the patrol id for patrols
    kind: str  # "bootlegger", "militia", "komsomol", "informer"
    pos: Point
    sight: int = 0  # the patrol's own sight radius in tiles (times the pressure, at most VIEW_RADIUS)
    alert: bool = False


class RivalInfo(_Model):
    index: int
    name: str
    reputation: int
    free: bool
    arrests: int


class PlayerView(BaseModel):
    model_config = ConfigDict(extra="forbid")

    seat: int
    player: PlayerState
    turn: int
    date: str
    over: bool
    winner: int | None = None
    visible: TileSet
    units: list[UnitSighting]
    rivals: list[RivalInfo]
    sites: list[str]
    rival_workshops: list[Site] = []
    demand: dict[str, dict[str, float]]
    demand_seen: list[str] = []
    price_history: dict[str, list[int]]
    patrol_pressure: float
    masters_for_sale: dict[str, list[str]] = {}
    hospital_stock: dict[str, dict[str, int]] = {}
    offers: list[TradeOffer] = []
    errands: list[Errand] = []
    news: list[str] = []
    chapter: ChapterState | None = None
    view_hash: str = ""

    def content_hash(self) -> str:
        """blake2b-128 of the view's JSON without the hash itself."""
        data = self.model_dump_json(exclude={"view_hash"})
        return hashlib.blake2b(data.encode(), digest_size=16).hexdigest()

    def rival_name(self, index: int) -> str:
        return next((r.name for r in self.rivals if r.index == index), f"player {index + 1}")


def visible_tiles(world: World, player: PlayerState) -> frozenset[Point]:
    return world.city.visible_tiles(player.pos, VIEW_RADIUS) if player.free else frozenset()


def patrol_sight(world: World, state: GameState, patrol_id: str) -> int:
    """A patrol's sight radius as a player may judge it: sight x pressure, never beyond VIEW_RADIUS."""
    return min(round(world.patrol_specs[patrol_id].sight * state.patrol_pressure), VIEW_RADIUS)


def player_view(world: World, state: GameState, index: int) -> PlayerView:
    me = state.players[index]
    seen = visible_tiles(world, me)
    units = [
        UnitSighting(id=f"p{p.index}", kind="bootlegger", pos=p.pos)
        for p in state.players
        if p.index != index and p.free and p.pos in seen
    ]
    for patrol in state.patrols:
        informer = patrol.kind == "informer"
        if (informer and patrol.id in me.known_informers) or (not informer and patrol.pos in seen):
            units.append(UnitSighting(id=patrol.id, kind=patrol.kind, pos=patrol.pos,
                                      sight=world.patrol_specs[patrol.id].sight, alert=patrol.alert_turns > 0))
    occupied = {p.workshop: p.index for p in state.players if p.index != index}
    rival_workshops = [world.sites[w] for w in me.known_workshops if w in occupied]
    sites = [s.id for s in world.level.sites if s.kind != "workshop" or s.id == me.workshop]
    sites += [s.id for s in rival_workshops]
    demand: dict[str, dict[str, float]] = {}
    demand_seen: list[str] = []
    for site in world.buyers():
        site_state = state.sites[site.id]
        if (site.at[0], site.at[1]) in seen:
            demand_seen.append(site.id)
            demand[site.id] = dict(site_state.demand)
        else:
            public = {g: site_state.public_demand_for(g) for g in site_state.base_demand}
            demand[site.id] = known_demand(public, me.demand_memory.get(site.id), state.turn)
    contacts = [s for s in world.level.sites if s.kind == "contact"]
    view = PlayerView(
        seat=index,
        player=copy.deepcopy(me),
        turn=state.turn,
        date=state.date.isoformat(),
        over=state.over,
        winner=state.winner,
        visible=frozenset(seen),
        units=units,
        rivals=[RivalInfo(index=p.index, name=p.name, reputation=p.reputation, free=p.free, arrests=p.arrests)
                for p in state.players if p.index != index],
        sites=sites,
        rival_workshops=rival_workshops,
        demand=demand,
        demand_seen=demand_seen,
        price_history={k: list(v) for k, v in state.price_history.items()},
        patrol_pressure=state.patrol_pressure,
        masters_for_sale={s.id: masters_for_sale(world, state, s) for s in contacts},
        hospital_stock={s.id: dict(state.sites[s.id].films) for s in world.level.sites
                        if s.kind == "hospital" and (s.at[0], s.at[1]) in seen},
        offers=[copy.deepcopy(o) for o in state.offers if index in (o.seller, o.buyer)],
        errands=[copy.deepcopy(e) for e in state.errands],
        news=list(state.news),
        chapter=copy.deepcopy(state.chapter) if state.chapter is not None and state.chapter.seat == index else None,
    )
    return view.model_copy(update={"view_hash": view.content_hash()})


def known_demand(public: dict[str, float], memory: DemandSighting | None, turn: int) -> dict[str, float]:
    """A buyer's demand as a player believes it: what they last saw there, recovered toward the street's word by
    RECOVERY_RATE an evening since (a remembered glut or a remembered sell-out fades), or the street's word."""
    if memory is None:
        return public
    keep = (1.0 - RECOVERY_RATE) ** max(0, turn - memory.turn)
    return {g: round(p + (memory.demand.get(g, p) - p) * keep, 6) for g, p in public.items()}


def report_for(world: World, state: GameState, report: TurnReport, index: int) -> TurnReport:
    """The turn report as player `index` may see it: their own events and public news, and at each step only the
    units on tiles their bootlegger could see at that step (informers only once spotted), with each shown unit's
    kind and sight radius in `units`. A bootlegger arrested during the evening still sees, for the rest of it, from
    where they were taken (so the playback shows who took them)."""
    own_id = f"p{index}"
    steps: list[dict[str, Point]] = []
    known = set(state.players[index].known_informers)
    informers = {pid for pid, spec in world.patrol_specs.items() if spec.kind == "informer"}
    taken_at = next((e.pos for e in report.events if e.player == index and e.kind == "arrested" and e.pos), None)
    for positions in report.steps:
        me = positions.get(own_id, taken_at)
        seen = world.city.visible_tiles(me, VIEW_RADIUS) if me is not None else frozenset()
        steps.append({
            uid: pos for uid, pos in positions.items()
            if uid == own_id or (uid in informers and uid in known) or (uid not in informers and pos in seen)
        })
    shown = sorted({uid for step in steps for uid in step if uid != own_id})
    units = {uid: ("bootlegger", 0) if uid not in world.patrol_specs
             else (world.patrol_specs[uid].kind, world.patrol_specs[uid].sight) for uid in shown}
    events: list[TurnEvent] = [e for e in report.events if e.player in (None, index)]
    return TurnReport(report.turn, report.date, events, steps, report.state_hash, units)
