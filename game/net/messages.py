"""Every message of the LAN protocol as a pydantic model; `docs/PROTOCOL.md` describes them for people.

A message is a JSON object with a `type`. Client messages are strict (no unknown fields, no type coercion,
bounded strings and numbers) because they come from anyone on the network; `parse_client` is the only way
into the host. Host messages carry the engine's own models (`Orders`, `PlayerView`, `Level`, `Catalog`) and
wire forms of the turn report and standings (`WireReport`, `WireStanding`) with their converters.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from game.content.models import Catalog, Level
from game.core.commands import Orders
from game.core.report import TurnEvent, TurnReport
from game.core.standings import Standing
from game.core.view import PlayerView

MAX_TURN = 100_000
MAX_SEAT = 63
Name = Annotated[str, Field(min_length=1, max_length=24)]
Secret = Annotated[str, Field(max_length=64)]
Point = tuple[int, int]


class _Message(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# ---------------------------------------------------------------- client -> host


class Hello(_Message):
    """The first message on a connection. `token` takes back a seat held before; `admin` is the secret of the
    player who hosts from the menu (it may start the game)."""

    type: Literal["hello"] = "hello"
    protocol: int = Field(ge=0, le=1_000_000)
    version: str = Field(max_length=32)
    name: Name
    password: Secret = ""
    token: Secret = ""
    admin: Secret = ""


class LobbyReady(_Message):
    type: Literal["lobby_ready"] = "lobby_ready"
    ready: bool


class StartGame(_Message):
    type: Literal["start"] = "start"


class Say(_Message):
    type: Literal["say"] = "say"
    text: str = Field(min_length=1, max_length=300)


class SubmitOrders(_Message):
    """This evening's orders for the sender's seat; `ref` comes back in the `checked` answer."""

    model_config = ConfigDict(extra="forbid", frozen=True)  # the engine's Orders model is checked by its own rules

    type: Literal["orders"] = "orders"
    turn: int = Field(ge=0, le=MAX_TURN, strict=True)
    seat: int = Field(ge=0, le=MAX_SEAT, strict=True)
    orders: Orders
    ref: int = Field(0, ge=0, le=2**31, strict=True)


class EndTurn(_Message):
    """"I am ready": the sender's orders for `turn` stand (none sent: the bootlegger stays in)."""

    type: Literal["end_turn"] = "end_turn"
    turn: int = Field(ge=0, le=MAX_TURN)
    seat: int = Field(ge=0, le=MAX_SEAT)


class Ping(_Message):
    type: Literal["ping"] = "ping"
    n: int = Field(0, ge=0, le=2**31)


class Bye(_Message):
    type: Literal["bye"] = "bye"


ClientMessage = Annotated[Hello | LobbyReady | StartGame | Say | SubmitOrders | EndTurn | Ping | Bye,
                          Field(discriminator="type")]
_client = TypeAdapter(ClientMessage)


class BadMessage(Exception):
    """A frame that is not a valid message; the text says where and what (for the `error` reply)."""


def parse_client(frame: bytes) -> Hello | LobbyReady | StartGame | Say | SubmitOrders | EndTurn | Ping | Bye:
    """Validate one client frame, or raise BadMessage with the first problem and its JSON path."""
    return _parse(_client, frame)


def _parse(adapter: TypeAdapter, frame: bytes) -> Any:
    if not frame.strip():
        raise BadMessage("an empty message")
    try:
        return adapter.validate_json(frame)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"]) or "$"
        raise BadMessage(f"{where}: {first['msg']}") from None
    except (ValueError, RecursionError) as exc:  # pragma: no cover - pydantic reports these as ValidationError
        raise BadMessage(f"not a message: {exc}") from None


# ---------------------------------------------------------------- host -> client


class SeatInfo(_Message):
    """One seat as everyone may see it. `kind`: "human" (a person holds it), "ai" (the AI plays it), "open"
    (lobby: free for the next player). `connected` is false while its person is away; `ready` is the lobby's
    ready flag or, in play, "orders in for this evening"."""

    seat: int = Field(ge=0, le=MAX_SEAT)
    name: str = Field(max_length=48)
    kind: Literal["human", "ai", "open"]
    connected: bool = False
    ready: bool = False
    colour: int = Field(ge=0, le=MAX_SEAT)


class Welcome(_Message):
    type: Literal["welcome"] = "welcome"
    protocol: int
    version: str
    seat: int
    token: str = Field(max_length=64)
    game: str = Field(max_length=64)
    phase: Literal["lobby", "playing", "over"]
    admin: bool = False
    idle_seconds: float = Field(60.0, gt=0, le=86_400)  # the host closes a connection silent this long: ping sooner


class Refused(_Message):
    """The handshake failed; the host closes the connection after this."""

    type: Literal["refused"] = "refused"
    code: Literal["protocol", "version", "password", "full", "token", "started", "name", "limit", "invalid"]
    reason: str = Field(max_length=500)


class Lobby(_Message):
    type: Literal["lobby"] = "lobby"
    game: str = Field(max_length=64)
    level: str = Field(max_length=200)
    level_id: str = Field(max_length=64)
    seats: list[SeatInfo] = Field(max_length=MAX_SEAT + 1)
    ai_fill: bool
    difficulty: Literal["easy", "normal", "hard"]
    turn_seconds: float = Field(ge=0, le=86_400)
    password: bool
    start_refusal: str | None = Field(None, max_length=300)  # why the game cannot start yet (None: it can)


class Recording(_Message):
    wav: str = Field(max_length=12 * 1024 * 1024, description="the WAV file, base64")
    meta: dict[str, Any] = Field(default_factory=dict, description="its .meta.json (title, genre...)")


class GameStart(_Message):
    """The game begins (or goes on, after a rejoin): the seat's public level, the catalog, the scores of the
    level's tracks and its recordings. `content_hash` is blake2b-128 of the canonical JSON of
    [level, catalog, scores, recordings]."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: Literal["game"] = "game"
    seat: int = Field(ge=0, le=MAX_SEAT, strict=True)
    level: Level
    catalog: Catalog
    scores: dict[Annotated[str, Field(pattern=r"^[a-z0-9_]{1,48}$")], dict[str, Any]] = Field(max_length=256)
    recordings: dict[Annotated[str, Field(pattern=r"^[a-z0-9_]{1,48}$")], Recording] = Field(default_factory=dict,
                                                                                          max_length=64)
    content_hash: str = Field(pattern=r"^[0-9a-f]{32}$")
    turn_seconds: float = Field(ge=0, le=86_400)


class WireEvent(_Message):
    kind: str = Field(max_length=32)
    text: str = Field(max_length=2000)
    player: int | None = None
    step: int = -1
    pos: Point | None = None
    patrol: str | None = Field(None, max_length=64)


class WireReport(_Message):
    """`TurnReport` on the wire (see `game.core.report`): already filtered for the receiving seat."""

    turn: int
    date: str = Field(max_length=10)
    events: list[WireEvent] = Field(max_length=2000)
    steps: list[dict[str, Point]] = Field(max_length=64)
    state_hash: str = Field(max_length=32)
    units: dict[str, tuple[str, int]] = Field(default_factory=dict)

    @classmethod
    def of(cls, report: TurnReport) -> WireReport:
        return cls(turn=report.turn, date=report.date, state_hash=report.state_hash, steps=report.steps,
                   units=report.units,
                   events=[WireEvent(kind=e.kind, text=e.text, player=e.player, step=e.step, pos=e.pos,
                                     patrol=e.patrol) for e in report.events])

    def report(self) -> TurnReport:
        events = [TurnEvent(e.kind, e.text, e.player, e.step, e.pos, e.patrol) for e in self.events]
        return TurnReport(self.turn, self.date, events, [dict(s) for s in self.steps], self.state_hash,
                          dict(self.units))


class WireStanding(_Message):
    rank: int
    player: int
    name: str = Field(max_length=48)
    money: int
    free: bool
    arrests: int

    @classmethod
    def of(cls, s: Standing) -> WireStanding:
        return cls(rank=s.rank, player=s.player, name=s.name, money=s.money, free=s.free, arrests=s.arrests)

    def standing(self) -> Standing:
        return Standing(self.rank, self.player, self.name, self.money, self.free, self.arrests)


class TurnStart(_Message):
    """A new evening for this seat: its view now and (after the first) the report of the evening just played."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: Literal["turn"] = "turn"
    turn: int
    view: PlayerView
    report: WireReport | None = None
    seconds_left: float | None = None


class Checked(_Message):
    """The answer to `orders`: accepted (they stand for this evening) or refused with the engine's reason."""

    type: Literal["checked"] = "checked"
    turn: int
    ref: int = 0
    ok: bool
    reason: str | None = Field(None, max_length=500)


class Table(_Message):
    """Who is at the table this evening and whose orders are in; sent whenever that changes."""

    type: Literal["table"] = "table"
    turn: int
    seats: list[SeatInfo] = Field(max_length=MAX_SEAT + 1)
    seconds_left: float | None = None


class SeatNews(_Message):
    """A player left, came back, or the AI took their seat."""

    type: Literal["seat"] = "seat"
    seat: int
    name: str = Field(max_length=48)
    status: Literal["joined", "left", "ai", "returned"]


class Said(_Message):
    type: Literal["said"] = "said"
    seat: int | None = None  # None: the host itself
    name: str = Field(max_length=48)
    text: str = Field(max_length=300)


class GameOver(_Message):
    type: Literal["over"] = "over"
    standings: list[WireStanding] = Field(max_length=MAX_SEAT + 1)
    winner: int | None = None


class Error(_Message):
    """A message the host did not accept (the connection stays open)."""

    type: Literal["error"] = "error"
    reason: str = Field(max_length=500)


class Closing(_Message):
    """The host closes this connection (a limit broken, the server stopping); the reason says which."""

    type: Literal["closing"] = "closing"
    reason: str = Field(max_length=500)


class Pong(_Message):
    type: Literal["pong"] = "pong"
    n: int = 0


HostMessage = Annotated[Welcome | Refused | Lobby | GameStart | TurnStart | Checked | Table | SeatNews | Said
                        | GameOver | Error | Closing | Pong, Field(discriminator="type")]
_host = TypeAdapter(HostMessage)


def parse_host(frame: bytes) -> Any:
    """Validate one host frame (the client's side), or raise BadMessage."""
    return _parse(_host, frame)
