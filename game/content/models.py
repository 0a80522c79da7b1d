"""Typed content: the base catalog (genres, X-ray film kinds, lathe parts) and levels, as pydantic v2 models.

These models *are* the file formats: `levels/schema.json` is generated from them, and every loader error
carries the JSON path pydantic reports. Money in files is in whole rubles; the simulation uses kopecks.
Coordinates are `[x, y]` with x the column and y the row of the map, 0-based from the top-left.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from game.content.limits import MAX_LIST, MAX_MAP_SIDE, MAX_NAME, MAX_PLAYERS, MAX_ROUTE, MAX_STOCK, MAX_TEXT

SCHEMA_VERSION = 1

Id = Annotated[str, Field(pattern=r"^[a-z0-9_]+$", min_length=1, max_length=48, description="lower_snake_case id")]
Rubles = Annotated[int, Field(ge=0, le=1_000_000, description="whole rubles")]
Fraction = Annotated[float, Field(ge=0.0, le=1.0)]
Point = tuple[Annotated[int, Field(ge=0)], Annotated[int, Field(ge=0)]]
Stock = Annotated[int, Field(ge=0, le=MAX_STOCK)]
Demand = Annotated[float, Field(ge=0.0, le=10.0)]

TileKind = Literal["street", "building", "courtyard", "water", "bridge"]
Slot = Literal["motor", "platter", "cutter", "amplifier"]
SiteKind = Literal["hospital", "market", "buyer", "workshop", "contact", "dance_hall", "militia_station"]
PatrolKind = Literal["militia", "komsomol", "informer"]


class Strict(BaseModel):
    """Unknown fields are errors: a typo in a modder's file must not pass silently. Numbers are finite
    (NaN and Infinity are refused) and no text is longer than MAX_TEXT characters."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, str_max_length=MAX_TEXT)


# ---------------------------------------------------------------- catalog


class Genre(Strict):
    id: Id
    name: str
    base_price: Rubles = Field(description="price of a clean record at demand 1.0, rubles")
    risk: float = Field(1.0, ge=0.0, le=5.0, description="how much being caught with it angers the state")


class FilmKind(Strict):
    id: Id
    name: str
    description: str = ""
    diameter_in: float = Field(ge=5.0, le=12.0, description="disc diameter once cut and trimmed, inches")
    film_noise: float = Field(ge=0.0, le=1.0, description="surface hiss amplitude")
    crackle_rate: float = Field(ge=0.0, le=200.0, description="clicks per second")
    scratch_click: float = Field(ge=0.0, le=1.0, description="once-per-revolution click amplitude")
    max_plays: int = Field(ge=1, le=500)


class MotorStats(Strict):
    speed_error: float = Field(ge=-0.2, le=0.2, description="mean speed error while cutting; +0.02 turns 2 % fast, so the record plays 2 % slow")
    speed_drift: float = Field(0.0, ge=-0.2, le=0.2, description="speed at the start minus speed at the end of a side (a spring motor slows as it unwinds)")
    wow: float = Field(ge=0.0, le=0.1)
    flutter: float = Field(ge=0.0, le=0.1)


class PlatterStats(Strict):
    spindle_offset_mm: float = Field(ge=0.0, le=10.0)


class CutterStats(Strict):
    bandwidth_hz: float = Field(ge=500.0, le=20_000.0)
    low_cut_hz: float = Field(ge=10.0, le=500.0)
    groove_noise: float = Field(ge=0.0, le=1.0)
    tracing_distortion: float = Field(ge=0.0, le=1.0)


class AmplifierStats(Strict):
    gain: float = Field(ge=0.1, le=4.0)
    hum: float = Field(ge=0.0, le=1.0)
    distortion: float = Field(ge=0.0, le=1.0)


class Part(Strict):
    """A lathe part. Exactly the stats block matching `slot` must be given."""

    id: Id
    name: str
    slot: Slot
    description: str = ""
    price: Rubles
    wear_per_cut: float = Field(0.01, ge=0.0, le=1.0, description="condition lost per record cut (condition 1.0 = new)")
    motor: MotorStats | None = None
    platter: PlatterStats | None = None
    cutter: CutterStats | None = None
    amplifier: AmplifierStats | None = None


class LathePreset(Strict):
    id: Id
    name: str
    description: str = ""
    parts: dict[Slot, Id]


class Catalog(Strict):
    """The base content every level builds on (`levels/catalog.json`); mods may add to it."""

    schema_version: Literal[1] = SCHEMA_VERSION
    genres: list[Genre] = Field(max_length=MAX_LIST)
    films: list[FilmKind] = Field(max_length=MAX_LIST)
    parts: list[Part] = Field(max_length=MAX_LIST)
    presets: list[LathePreset] = Field(max_length=MAX_LIST, description="lathes from worst to best")


# ---------------------------------------------------------------- level


class MapSpec(Strict):
    legend: dict[str, TileKind] = Field(max_length=64, description="one character -> tile kind")
    rows: list[str] = Field(min_length=3, max_length=MAX_MAP_SIDE,
                            description="the map, one string per row, all the same length")


class Calendar(Strict):
    start: dt.date
    end: dt.date
    days_per_turn: int = Field(1, ge=1, le=31)


class Site(Strict):
    id: Id
    kind: SiteKind
    name: str
    at: Point
    description: str = ""
    # hospital
    films: dict[Id, Stock] = Field(default_factory=dict, max_length=MAX_LIST,
                                   description="hospital: film kind -> stock (refills to this)")
    # market / buyer / dance_hall
    demand: dict[Id, Demand] = Field(default_factory=dict, max_length=MAX_LIST,
                                     description="buyers: genre -> demand (1.0 = normal)")
    price_factor: float = Field(1.0, ge=0.1, le=10.0, description="buyers: multiplier on every price here")
    taste: float | None = Field(None, ge=0.0, le=1.0, description="buyers: how much quality matters to the price, "
                                "0 (anything that plays) to 1 (connoisseurs); default by kind: market 0.2, "
                                "dance hall 0.45, buyer 0.75")
    min_quality: float = Field(0.0, ge=0.0, le=1.0, description="buyers: records below this quality are refused")
    risk: float | None = Field(None, ge=0.0, le=5.0, description="buyers: how exposed selling here is (multiplies "
                               "the heat of a sale); default by kind: market 0.8, dance hall 1.5, buyer 1.0")
    # contact
    masters: list[Id] = Field(default_factory=list, max_length=MAX_LIST, description="contact: master ids on offer")
    parts: list[Id] = Field(default_factory=list, max_length=MAX_LIST, description="contact: part ids on offer")


class Master(Strict):
    """A forbidden original: a foreign disc, a radio recording, a tape."""

    id: Id
    track: Id = Field(description="track id in the music library (assets/music or a mod)")
    title: str
    genre: Id
    source_quality: Fraction
    price: Rubles
    available_from: dt.date | None = None


class Patrol(Strict):
    id: Id
    kind: PatrolKind
    route: list[Point] = Field(min_length=1, max_length=MAX_ROUTE, description="waypoints walked in order and looped; an informer uses only the first")
    speed: int = Field(1, ge=1, le=4, description="moves one tile every `speed` steps (1 = every step)")
    sight: int = Field(4, ge=1, le=12, description="sight radius in tiles (halved into courtyards)")


class StartingConditions(Strict):
    money: Rubles = 150
    reputation: int = Field(10, ge=0, le=100)
    heat: int = Field(0, ge=0, le=100)
    films: dict[Id, Stock] = Field(default_factory=dict, max_length=MAX_LIST)
    masters: list[Id] = Field(default_factory=list, max_length=MAX_LIST)
    lathe: dict[Slot, Id] = Field(description="the part installed in each of the four slots")


class DemandShift(Strict):
    genre: Id | Literal["all"]
    factor: float = Field(ge=0.0, le=10.0)


class Sweep(Strict):
    """A night of arrests (a scripted moment, like November 1950): every free bootlegger whose heat is at least
    `heat` is arrested at home, whatever they carry; their workshop is searched (one master stays hidden) and
    they are sentenced to `sentence` evenings."""

    heat: int = Field(ge=1, le=100, description="heat from which a bootlegger is on the militia's list")
    sentence: int = Field(ge=1, le=1000, description="evenings in custody")
    text: str = Field("", description="what the arrested player reads (default: a plain account)")


class Event(Strict):
    id: Id
    date: dt.date
    title: str
    text: str
    demand: list[DemandShift] = Field(default_factory=list, max_length=MAX_LIST)
    patrol_pressure: float | None = Field(None, ge=0.2, le=5.0, description="from this date: sight and encounter severity multiplier")
    masters_added: list[Id] = Field(default_factory=list, max_length=MAX_LIST)
    sweep: Sweep | None = Field(None, description="a night of arrests on this date (see Sweep)")


class Victory(Strict):
    mode: Literal["richest", "last_free", "coop"] = "richest"
    target_money: Rubles | None = None
    records_of_quality: tuple[Annotated[int, Field(ge=0, le=10_000)], Annotated[float, Field(ge=0.0, le=1.0)]] | None = None


class CodexEntry(Strict):
    """A Codex note: history the player can read in the Codex (a mod's `codex.json`, or a campaign chapter's)."""

    id: Id
    title: Annotated[str, Field(min_length=1, max_length=MAX_NAME)]
    years: str = Field("", max_length=MAX_NAME, description="when, in words: '1953', 'late 1940s'")
    text: str = Field(min_length=1, description="paragraphs separated by a blank line")


ObjectiveKind = Literal["money", "earned", "sold", "cut", "reputation", "upgrades", "masters", "films",
                        "stay_free", "heat_below", "survive", "outsell", "rank"]


class Objective(Strict):
    """One goal of a campaign chapter, judged by the engine every evening (`game.core.objectives`).

    Things to achieve, by the date `by` (default: the chapter's last evening): `money` (hold `amount` rubles),
    `earned` (`amount` rubles from sales and trades since the chapter began), `sold` (`amount` records sold,
    only those at `site` and of `genre` when given), `cut` (`amount` records cut of quality >= `quality`),
    `reputation` (reach `amount`), `upgrades` (install `amount` parts), `masters` (own `amount` masters at
    once), `films` (hold `amount` X-ray films at once).
    Things to keep until `by`: `stay_free` (never arrested), `heat_below` (heat under `amount` at the end of
    every evening). Judged on the date `by`: `survive` (be free that evening, whatever happens on it),
    `outsell` (have earned more than the rival in seat `rival`), `rank` (stand `amount` or better in the
    standings)."""

    id: Id
    kind: ObjectiveKind
    text: str = Field("", max_length=MAX_NAME, description="what the tracker says (default: written from the fields)")
    hint: str = Field("", description="how to go about it, shown when the player points at the objective")
    amount: int = Field(1, ge=0, le=1_000_000, description="rubles, records, parts, reputation or heat, by kind")
    quality: Fraction | None = Field(None, description="cut: the least quality (0-1) that counts")
    genre: Id | None = Field(None, description="sold: only records of this genre count")
    site: Id | None = Field(None, description="sold: only sales at this buyer count")
    rival: int | None = Field(None, ge=1, le=MAX_PLAYERS - 1, description="outsell: the rival's seat (1 = the first "
                              "of the chapter's rivals)")
    by: dt.date | None = Field(None, description="the deadline (achieve) or the last day (keep); default: the end")
    optional: bool = Field(False, description="a bonus: the chapter is won without it, and lost not for missing it")


class Rival(Strict):
    """An AI bootlegger in a chapter (seat 1, 2, ... in this order)."""

    name: Annotated[str, Field(min_length=1, max_length=MAX_NAME)]
    skill: Literal["easier", "same", "harder"] = Field(
        "same", description="its AI level relative to the difficulty the player chose (easy, normal, hard)")


class Chapter(Strict):
    """What makes a level a campaign chapter: the objectives, who else is in the city, how it can be lost,
    and what winning it adds to the game (a Codex note, the tracks of its era in the booth)."""

    era: str = Field("", max_length=MAX_NAME, description="when, in words, for the Campaign screen: 'late 1946'")
    player: str = Field("Lev", min_length=1, max_length=MAX_NAME, description="the player's bootlegger's name")
    objectives: list[Objective] = Field(min_length=1, max_length=32)
    rivals: list[Rival] = Field(default_factory=list, max_length=MAX_PLAYERS - 1)
    bankruptcy: bool = Field(True, description="lost when the player has no master, no records and too little "
                             "money for the cheapest master on offer")
    won: str = Field("", description="the debriefing's first line when the chapter is won")
    lost: str = Field("", description="the debriefing's first line when it is lost")
    film: Id = Field("chest", description="the X-ray film kind of the chapter's picture on the Campaign screen")
    codex: CodexEntry | None = Field(None, description="a Codex note the chapter adds once it is won")
    tracks: list[Id] = Field(default_factory=list, max_length=MAX_LIST, description="tracks the booth's shelf adds "
                             "once the chapter is won, besides every track dated up to the chapter's last year")


class Rules(Strict):
    move_allowance: int = Field(8, ge=1, le=40, description="tiles a bootlegger may walk per turn")
    raid_heat: int = Field(50, ge=1, le=100, description="heat from which the militia may raid a workshop")
    workshops: Literal["shuffled", "in_order"] = Field(
        "shuffled", description="how seats get workshops: a seeded shuffle (rivals cannot tell who lives where), "
        "or in the listed order (seat 0 gets the first workshop; campaigns)")


class Level(Strict):
    schema_version: Literal[1] = SCHEMA_VERSION
    id: Id
    name: str
    kind: Literal["skirmish", "campaign"] = "skirmish"
    description: str = ""
    briefing: str = ""
    debriefing: str = ""
    players: tuple[Annotated[int, Field(ge=1, le=MAX_PLAYERS)], Annotated[int, Field(ge=1, le=MAX_PLAYERS)]] = Field(
        (2, 2), description="[min, max] players")
    calendar: Calendar
    rules: Rules = Rules()
    map: MapSpec
    sites: list[Site] = Field(max_length=MAX_LIST)
    masters: list[Master] = Field(max_length=MAX_LIST)
    patrols: list[Patrol] = Field(default_factory=list, max_length=MAX_LIST)
    start: StartingConditions
    events: list[Event] = Field(default_factory=list, max_length=MAX_LIST)
    victory: Victory = Victory()
    chapter: Chapter | None = Field(None, description="campaign chapters: objectives, rivals, what winning adds")
    genres: list[Genre] = Field(default_factory=list, max_length=MAX_LIST, description="genres added to the catalog's")
    parts: list[Part] = Field(default_factory=list, max_length=MAX_LIST, description="parts added to the catalog's")
