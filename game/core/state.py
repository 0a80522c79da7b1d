"""The mutable game state: everything that changes during play, and nothing that does not (see `World`).

Money is in kopecks (int). Heat and reputation are ints 0-100. Lists are kept in a defined order (players by
index, patrols by level order, records by id), so iteration and the state hash never depend on hashing order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from game.core.grid import Point
from game.core.lathe import PartInstance
from game.core.profile import CutProfile, quality_grade

KOPECKS = 100  # kopecks per ruble


@dataclass
class Record:
    """One cut bone record. `profile` is how it was cut; `plays` how often it has been played since."""

    id: int
    track: str
    title: str
    genre: str
    profile: CutProfile
    plays: int = 0

    @property
    def quality(self) -> float:
        return quality_grade(self.profile, self.plays)


@dataclass
class OwnedMaster:
    """A master the player owns (a foreign disc or tape); cutting from it does not use it up."""

    master_id: str
    track: str
    title: str
    genre: str
    source_quality: float


@dataclass
class PlayerState:
    index: int
    name: str
    workshop: str  # site id
    pos: Point
    money: int  # kopecks
    reputation: int
    heat: int
    films: dict[str, int]  # film kind -> sheets (kept at the workshop: not contraband)
    masters: list[OwnedMaster]  # hidden at the workshop: found only by a raid
    records: list[Record]  # carried: contraband in the street
    lathe: dict[str, PartInstance]  # slot -> installed part
    spares: list[PartInstance]
    sentence: int = 0  # turns left in custody; 0 = free
    arrests: int = 0
    known_informers: list[str] = field(default_factory=list)
    lying_low: bool = False

    @property
    def free(self) -> bool:
        return self.sentence == 0

    @property
    def contraband(self) -> int:
        """How much forbidden music is carried in the street: the records (masters stay hidden at home)."""
        return len(self.records)


@dataclass
class PatrolState:
    id: str
    kind: str
    pos: Point
    route_index: int = 0
    alert_turns: int = 0  # turns left searching near `alert_target`
    alert_target: Point | None = None
    trail: list[Point] = field(default_factory=list)  # tiles walked off the route, to walk back


@dataclass
class SiteState:
    """What changes at a site: a hospital's film stock, a buyer's demand per genre."""

    id: str
    films: dict[str, int] = field(default_factory=dict)
    demand: dict[str, float] = field(default_factory=dict)
    base_demand: dict[str, float] = field(default_factory=dict)  # what demand recovers toward


@dataclass
class GameState:
    seed: int
    turn: int
    date: dt.date
    players: list[PlayerState]
    patrols: list[PatrolState]
    sites: dict[str, SiteState]
    rng: dict[str, int]
    patrol_pressure: float = 1.0
    masters_on_offer: list[str] = field(default_factory=list)  # master ids released by events
    next_record_id: int = 1
    price_history: dict[str, list[int]] = field(default_factory=dict)  # "site:genre" -> kopecks per turn
    news: list[str] = field(default_factory=list)  # this turn's city headlines
    over: bool = False
