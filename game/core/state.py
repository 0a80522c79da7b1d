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


@dataclass(frozen=True)
class Evidence:
    """What a player has seen with their own eyes that the militia would act on: `kind` "carrying" (the rival
    in the street with records, on `turn`) or "workshop" (the rival's workshop, known for good)."""

    target: int
    kind: str
    turn: int


@dataclass
class PlayerStats:
    """Counters for the end-of-game table, objectives and the balance benchmark."""

    records_cut: int = 0
    records_sold: int = 0
    records_lost: int = 0  # confiscated by patrols or found in a raid
    records_worn: int = 0  # played to death as the source of copies
    earned: int = 0  # kopecks from sales and trades
    informs: int = 0
    denounced: int = 0  # times this player was named to the militia
    raids: int = 0
    upgrades: int = 0  # parts installed
    trades: int = 0
    errands: int = 0
    cut_qualities: list[int] = field(default_factory=list)  # grade of each record cut, in thousandths
    sold_at: dict[str, int] = field(default_factory=dict)  # "site:genre" -> records sold there


@dataclass
class DemandSighting:
    """A buyer's demand as the player last saw it (at the end of `turn`): see `view.known_demand`."""

    turn: int
    demand: dict[str, float]


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
    known_workshops: list[str] = field(default_factory=list)  # rival workshops this player has seen
    evidence: list[Evidence] = field(default_factory=list)
    inform_cooldown: dict[int, int] = field(default_factory=dict)  # target -> first turn they may be named again
    grudges: list[int] = field(default_factory=list)  # rivals known to have informed on this player
    demand_memory: dict[str, DemandSighting] = field(default_factory=dict)  # buyer site -> what was last seen there
    lying_low: bool = False
    stats: PlayerStats = field(default_factory=PlayerStats)

    @property
    def free(self) -> bool:
        return self.sentence == 0

    @property
    def contraband(self) -> int:
        """How much forbidden music is carried in the street: the records (masters stay hidden at home)."""
        return len(self.records)


def add_heat(player: PlayerState, amount: float) -> None:
    """Heat changes by `amount` (rounded), kept within 0-100."""
    player.heat = max(0, min(100, player.heat + round(amount)))


def add_reputation(player: PlayerState, amount: int) -> None:
    """Reputation changes by `amount`, kept within 0-100."""
    player.reputation = max(0, min(100, player.reputation + amount))


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
    """What changes at a site: a hospital's film stock, a buyer's demand per genre.

    A buyer's demand for a genre is base x shock x saturation: `base_demand` is moved by calendar events,
    `shock` by the street's gluts and shortages (both public: the city talks about them), and `saturation` by
    the records sold there (private: only someone watching the site knows it). See `game.core.market`."""

    id: str
    films: dict[str, int] = field(default_factory=dict)
    base_demand: dict[str, float] = field(default_factory=dict)
    shock: dict[str, float] = field(default_factory=dict)
    saturation: dict[str, float] = field(default_factory=dict)

    def demand_for(self, genre: str) -> float:
        """Today's demand for `genre` (0.0 where nobody buys it)."""
        if genre not in self.base_demand:
            return 0.0
        return round(self.base_demand[genre] * self.shock[genre] * self.saturation[genre], 6)

    def public_demand_for(self, genre: str) -> float:
        """What the street says the demand is: base x shock, without the sales nobody else saw."""
        if genre not in self.base_demand:
            return 0.0
        return round(self.base_demand[genre] * self.shock[genre], 6)

    @property
    def demand(self) -> dict[str, float]:
        return {g: self.demand_for(g) for g in self.base_demand}


@dataclass
class TradeOffer:
    """An offer from one bootlegger to another, made in the seller's orders and answered in the buyer's orders
    the next evening. `records` are the offered records as they were when offered (so the buyer can judge them),
    `master` a master id (the buyer gets a dub: see `trade`), `spare` one of the seller's spare parts; `price`
    kopecks the buyer pays."""

    id: int
    seller: int
    buyer: int
    turn: int  # the turn it was made; it can be accepted on the next turn only
    records: list[Record] = field(default_factory=list)
    master: str | None = None
    spare: PartInstance | None = None
    price: int = 0


@dataclass
class Errand:
    """A buyer's public request: `count` records of `genre` of at least `min_quality`, delivered in one sale
    at `site` before turn `expires`; the first to deliver gets `bonus` kopecks and `reputation` on top."""

    id: int
    site: str
    genre: str
    count: int
    min_quality: float
    bonus: int
    reputation: int
    expires: int


@dataclass
class ObjectiveStatus:
    """How one campaign objective stands (see `game.core.objectives`): `status` "open", "met" or "failed",
    `progress` 0-1, `value` the figures in words ("3 of 5"), `turn` the evenings played when it was met or failed
    (-1: open)."""

    id: str
    text: str
    status: str = "open"
    progress: float = 0.0
    value: str = ""
    turn: int = -1
    optional: bool = False


@dataclass
class ChapterState:
    """A campaign chapter's standing for the player in `seat`: each objective, and the result ("" while it
    is played, "won" or "lost", with the reason it was lost)."""

    seat: int
    objectives: list[ObjectiveStatus]
    result: str = ""
    reason: str = ""


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
    offers: list[TradeOffer] = field(default_factory=list)
    errands: list[Errand] = field(default_factory=list)
    next_record_id: int = 1
    next_offer_id: int = 1
    next_errand_id: int = 1
    price_history: dict[str, list[int]] = field(default_factory=dict)  # "site:genre" -> kopecks per turn
    news: list[str] = field(default_factory=list)  # this turn's city headlines
    notes: list[tuple[int, str]] = field(default_factory=list)  # (player, line) for reports, drained every turn
    over: bool = False
    winner: int | None = None  # set when a player reaches the level's target before the end date
    chapter: ChapterState | None = None  # a campaign chapter's objectives (None outside the campaign)
