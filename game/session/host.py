"""The host's side of a LAN game, without sockets: the seats, the lobby, the evening's ready flags and timer,
and the engine (a `LocalSession`) that resolves the turns. `game.net.server` puts it behind TCP.

Seats. A game has `seats` bootleggers. In the lobby people take free seats in order; at the start every seat
without a person is played by the AI (`ai_fill`; without it every seat must be taken). A person who drops keeps
the seat for `grace_seconds`; then the AI plays it until they come back with their rejoin token, which works at
any time, also after a server restart (`resume`). A newcomer during the game takes a seat the AI has played from
the start, if there is one.

Turns. An evening resolves when every seat a person holds (connected, or away within the grace period) has said
"ready", or when the turn timer runs out; never while nobody is connected. A seat without orders stays in (lies
low at home, or stands where it is); a seat the AI plays gets the AI's orders. Every turn is autosaved: the
command log (`<save>`, the replay) and the seat table (`<save>.seats.json`, with hashes of the rejoin tokens).

Time is passed in (`now`, seconds on a monotonic clock), so this module never reads a clock.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.content.atomic import write_atomically
from game.content.models import Catalog, Level
from game.core.commands import LieLow, Orders
from game.core.report import TurnReport
from game.core.setup import DEFAULT_NAMES
from game.session.autosave import Autosave, recover
from game.session.replay import GameFileError
from game.session.session import LocalSession

Phase = Literal["lobby", "playing", "over"]
Difficulty = Literal["easy", "normal", "hard"]


@dataclass
class HostConfig:
    game_name: str
    seats: int
    ai_fill: bool = True
    difficulty: Difficulty = "normal"
    turn_seconds: float = 0.0  # 0: no timer
    password: str = ""
    grace_seconds: float = 60.0
    min_humans: int = 1  # people needed before a dedicated server starts on its own
    auto_start: bool = True  # False: the admin (the player hosting from the menu) starts the game
    seed: int | None = None
    level_path: str = ""
    music_dirs: list[str] = field(default_factory=list)


@dataclass
class Seat:
    index: int
    name: str = ""
    human: bool = False  # a person holds this seat (even while away)
    token_hash: str = ""
    connected: bool = False
    ready: bool = False  # lobby: ready to start; playing: orders in for this evening
    ai: bool = False  # the AI plays it now (playing only)
    dropped_at: float | None = None

    @property
    def kind(self) -> str:
        if self.human and not self.ai:
            return "human"
        return "ai" if self.ai else "open"


class JoinRefused(Exception):
    """A hello the host turns down; `code` is the protocol's refusal code."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code, self.reason = code, reason


@dataclass(frozen=True)
class Joined:
    seat: int
    token: str  # the rejoin token (only the joining client ever sees it)
    returned: bool  # took back a seat held before
    admin: bool


class _SeatFile(BaseModel):
    """The seat table beside an autosave (tokens stored as hashes)."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["bone-music-seats"] = "bone-music-seats"
    version: Literal[1] = 1
    game_name: str = Field(max_length=64)
    seats: int = Field(ge=1, le=16)
    ai_fill: bool
    difficulty: Difficulty
    turn_seconds: float = Field(ge=0, le=86_400)
    password_hash: str = ""
    grace_seconds: float = Field(ge=0, le=86_400)
    level_path: str = ""
    music_dirs: list[str] = Field(default_factory=list)
    table: list[dict[str, object]]


def _hash_secret(secret: str) -> str:
    return hashlib.blake2b(secret.encode("utf-8"), digest_size=16).hexdigest()


def seats_path(save: Path) -> Path:
    return save.with_name(save.name + ".seats.json")


class HostSession:
    def __init__(self, config: HostConfig, level: Level, catalog: Catalog, save_path: Path | None = None,
                 admin_secret: str = "") -> None:
        low, high = level.players
        workshops = sum(1 for s in level.sites if s.kind == "workshop")
        if not low <= config.seats <= min(high, workshops):
            raise ValueError(f"level '{level.id}' is for {low} to {min(high, workshops)} players, not {config.seats}")
        if not config.ai_fill and config.min_humans < config.seats:
            config.min_humans = config.seats
        self.config, self.level, self.catalog = config, level, catalog
        self.save_path = save_path
        self.admin_hash = _hash_secret(admin_secret) if admin_secret else ""
        self.password_hash = _hash_secret(config.password) if config.password else ""
        self.seats = [Seat(i) for i in range(config.seats)]
        self.phase: Phase = "lobby"
        self.session: LocalSession | None = None
        self.deadline: float | None = None
        self.last_resolve_s = 0.0  # engine time of the last turn (AI seats included)
        self.admin_seat: int | None = None
        self._file_head: str | None = None
        self.autosaver = Autosave(save_path) if save_path is not None else None
        self._journaled: int | None = None  # turns in the journal or the file (None: the game file not written yet)
        self._file_turns: list[str] = []

    # ------------------------------------------------------------ who is here

    def humans(self, connected_only: bool = False) -> list[Seat]:
        return [s for s in self.seats if s.human and (s.connected or not connected_only)]

    def _fresh_name(self, wanted: str, seat: int) -> str:
        taken = {s.name for s in self.seats if s.human and s.index != seat}
        name, n = wanted.strip() or f"Bootlegger {seat + 1}", 2
        base = name
        while name in taken:
            name, n = f"{base} {n}", n + 1
        return name

    def hello(self, name: str, password: str, token: str, admin: str, now: float) -> Joined:
        """Seat a player (or take back a seat with a token); raises JoinRefused."""
        if self.password_hash and not hmac.compare_digest(_hash_secret(password), self.password_hash):
            raise JoinRefused("password", "wrong password" if password else "this game needs a password")
        is_admin = bool(self.admin_hash) and hmac.compare_digest(_hash_secret(admin), self.admin_hash)
        joined = self._seat_for(name, token)
        if is_admin:
            self.admin_seat = joined.seat
        return Joined(joined.seat, joined.token, joined.returned, is_admin)

    def _seat_for(self, name: str, token: str) -> Joined:
        if token:
            digest = _hash_secret(token)
            seat = next((s for s in self.seats if s.human and hmac.compare_digest(s.token_hash, digest)), None)
            if seat is None:
                raise JoinRefused("token", "that rejoin token does not belong to a seat in this game")
            seat.connected, seat.ai, seat.dropped_at = True, False, None
            return Joined(seat.index, token, True, False)
        if self.phase == "over":
            raise JoinRefused("started", "this game is over")
        if self.phase == "lobby":
            seat = next((s for s in self.seats if not s.human), None)
        else:
            seat = next((s for s in self.seats if not s.human and s.ai), None)
        if seat is None:
            raise JoinRefused("full" if self.phase == "lobby" else "started",
                              "every seat is taken" if self.phase == "lobby"
                              else "the game has started and every seat has a player; come back with your token")
        token = secrets.token_urlsafe(18)
        seat.human, seat.connected, seat.ai, seat.ready, seat.dropped_at = True, True, False, False, None
        seat.token_hash = _hash_secret(token)
        if self.phase == "lobby":
            seat.name = self._fresh_name(name, seat.index)
        else:
            seat.name = self.session.state.players[seat.index].name if self.session else name
            self.write_seats()
        return Joined(seat.index, token, False, False)

    def leave(self, index: int, now: float) -> None:
        """The seat's connection closed: in the lobby the seat is free again; in play it waits (grace period)."""
        seat = self.seats[index]
        if self.phase == "lobby":
            self.seats[index] = Seat(index)
            return
        seat.connected, seat.dropped_at = False, now

    def expire_grace(self, now: float) -> list[int]:
        """Seats whose person has been away longer than the grace period: the AI takes them. Returns them."""
        taken = []
        for seat in self.seats:
            if seat.human and not seat.connected and not seat.ai and seat.dropped_at is not None \
                    and now - seat.dropped_at >= self.config.grace_seconds:
                seat.ai = True
                taken.append(seat.index)
        return taken

    # ------------------------------------------------------------ lobby

    def set_lobby_ready(self, index: int, ready: bool) -> None:
        if self.phase == "lobby":
            self.seats[index].ready = ready

    def start_refusal(self, by_admin: bool = False) -> str | None:
        """Why the game cannot start now, or None."""
        if self.phase != "lobby":
            return "the game has already started"
        people = self.humans()
        if len(people) < max(1, self.config.min_humans if not by_admin else 1):
            need = self.config.min_humans
            return f"waiting for players: {len(people)} of {need} here"
        if not self.config.ai_fill and len(people) < self.config.seats:
            return f"every seat needs a player (no AI): {len(people)} of {self.config.seats} here"
        waiting = [s.name for s in people if not s.ready and not (by_admin and self.admin_seat == s.index)]
        if waiting:
            return "not ready yet: " + ", ".join(waiting)
        return None

    def start(self, now: float) -> None:
        """Begin the game: the engine with every seat named, AI in the empty seats."""
        used = {s.name for s in self.seats if s.human}
        spare = iter(n for n in DEFAULT_NAMES if n not in used)
        for seat in self.seats:
            if not seat.human:
                seat.name = next(spare, f"Bootlegger {seat.index + 1}")
                seat.ai = True
            seat.ready = False
        seed = self.config.seed if self.config.seed is not None else secrets.randbelow(2**31)
        humans = tuple(s.index for s in self.seats if s.human)
        self.session = LocalSession(self.level, self.catalog, len(self.seats), seed, humans,
                                    [s.name for s in self.seats], self.config.level_path, self.config.difficulty)
        self.phase = "over" if self.session.over else "playing"
        self._new_turn(now)
        self.write_seats()
        self.autosave()

    # ------------------------------------------------------------ the evening

    @property
    def turn(self) -> int:
        return self.session.state.turn if self.session is not None else 0

    def submit(self, index: int, turn: int, orders: Orders) -> str | None:
        """Check and keep a seat's orders for `turn`; the engine's refusal reason, or None."""
        if self.phase != "playing" or self.session is None:
            return "the game is not running" if self.phase == "lobby" else "the game is over"
        if turn != self.turn:
            return f"those orders are for evening {turn}; this is evening {self.turn}"
        if self.seats[index].ready:
            return "you said you were ready; wait for the others"
        return self.session.submit(index, orders)

    def end_turn(self, index: int, turn: int) -> str | None:
        """The seat is ready for `turn`; a reason if that makes no sense now."""
        if self.phase != "playing":
            return "the game is not running"
        if turn != self.turn:
            return f"evening {turn} is not this evening ({self.turn})"
        self.seats[index].ready = True
        return None

    def waiting_for(self) -> list[Seat]:
        """Seats a person holds (here, or away within the grace period) whose orders are not in yet."""
        return [s for s in self.seats if s.human and not s.ai and not s.ready]

    def due(self, now: float) -> bool:
        """Whether the evening should resolve now."""
        if self.phase != "playing" or not self.humans(connected_only=True):
            return False
        if not self.waiting_for():
            return True
        return self.deadline is not None and now >= self.deadline

    def seconds_left(self, now: float) -> float | None:
        return None if self.deadline is None else max(0.0, round(self.deadline - now, 1))

    def _orders_for(self, seat: Seat) -> Orders:
        assert self.session is not None
        if seat.ai or not seat.human:
            return self.session.ai_orders(seat.index)
        if seat.index in self.session.pending:
            return self.session.pending[seat.index]
        stay_in = Orders(action=LieLow())
        player = self.session.state.players[seat.index]
        return stay_in if stay_in.check(self.session.engine_world, self.session.state, player) is None else Orders()

    def resolve(self, now: float) -> TurnReport:
        """Resolve the evening: every seat's orders (module docstring), the engine, the autosave."""
        assert self.session is not None and self.phase == "playing"
        started = time.perf_counter()
        orders = {seat.index: self._orders_for(seat) for seat in self.seats}
        self.session.pending = orders
        report = self.session.end_turn()
        self.last_resolve_s = time.perf_counter() - started
        if self.session.over:
            self.phase = "over"
        self._new_turn(now)
        self.autosave()
        return report

    def _new_turn(self, now: float) -> None:
        for seat in self.seats:
            seat.ready = False
        self.deadline = now + self.config.turn_seconds if self.config.turn_seconds > 0 else None

    def restart_timer(self, now: float) -> None:
        """After a pause with nobody connected, the evening's timer starts again."""
        if self.deadline is not None and now >= self.deadline:
            self._new_turn(now)

    # ------------------------------------------------------------ files

    def autosave(self) -> None:
        """Journal the latest turn before anyone sees the new evening; the full game file follows on a worker
        thread (see `game.session.autosave`). At the start of a game the file is written at once."""
        if self.autosaver is None or self.session is None:
            return
        turns = self.session.file.turns
        if self._journaled is None:
            self.autosaver.begin(self._file_text())
        elif len(turns) > self._journaled:
            self.autosaver.append_turn(len(turns) - 1, turns[-1])
            self.autosaver.write(self._file_text())
        self._journaled = len(turns)

    def flush_save(self) -> None:
        """Wait until the game file on disk holds every turn (game over, shutdown)."""
        if self.autosaver is not None:
            self.autosaver.flush()

    def _file_text(self) -> str:
        """The game file's JSON, built from cached parts: everything but the turns is fixed for the game and a
        logged turn never changes, so each is serialised once (the same text as `GameFile.model_dump_json`)."""
        assert self.session is not None
        game = self.session.file
        if self._file_head is None:
            self._file_head = game.model_dump_json(exclude={"turns"})[:-1]
        for turn in game.turns[len(self._file_turns):]:
            self._file_turns.append(turn.model_dump_json())
        return f'{self._file_head},"turns":[{",".join(self._file_turns)}]}}'

    def write_seats(self) -> None:
        """The seat table beside the save (atomic write), for `resume`."""
        if self.save_path is None:
            return
        c = self.config
        table = [{"index": s.index, "name": s.name, "human": s.human, "token_hash": s.token_hash} for s in self.seats]
        data = _SeatFile(game_name=c.game_name, seats=c.seats, ai_fill=c.ai_fill, difficulty=c.difficulty,
                         turn_seconds=c.turn_seconds, password_hash=self.password_hash, grace_seconds=c.grace_seconds,
                         level_path=c.level_path, music_dirs=c.music_dirs, table=table)
        path = seats_path(self.save_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data.model_dump_json(indent=1))

    @classmethod
    def resume(cls, save_path: Path, now: float, admin_secret: str = "") -> HostSession:
        """A game continued from its autosave: every completed turn re-resolved and checked (GameFileError on a
        damaged file), the seat table read back; people rejoin with their tokens within the grace period."""
        save_path = Path(save_path)
        try:
            seat_file = _SeatFile.model_validate_json(seats_path(save_path).read_bytes())
        except OSError as exc:
            raise GameFileError(f"{seats_path(save_path)}: cannot read the seat table: {exc.strerror or exc}") from None
        except ValidationError as exc:
            raise GameFileError(f"{seats_path(save_path)}: not a seat table: {exc.errors()[0]['msg']}") from None
        recover(save_path)
        session = LocalSession.from_file(save_path)
        if session.file.players != seat_file.seats or len(seat_file.table) != seat_file.seats:
            raise GameFileError(f"{seats_path(save_path)}: the seat table does not match {save_path}")
        config = HostConfig(game_name=seat_file.game_name, seats=seat_file.seats, ai_fill=seat_file.ai_fill,
                            difficulty=seat_file.difficulty, turn_seconds=seat_file.turn_seconds,
                            grace_seconds=seat_file.grace_seconds, level_path=seat_file.level_path,
                            music_dirs=list(seat_file.music_dirs), min_humans=1)
        host = cls(config, Level.model_validate(session.file.level), Catalog.model_validate(session.file.catalog),
                   save_path, admin_secret)
        host.password_hash = seat_file.password_hash
        host.session = session
        for seat, row in zip(host.seats, seat_file.table, strict=True):
            seat.name = str(row.get("name", ""))
            seat.human = bool(row.get("human", False))
            seat.token_hash = str(row.get("token_hash", ""))
            seat.ai = not seat.human
            seat.dropped_at = now if seat.human else None
        host.phase = "over" if session.over else "playing"
        host._new_turn(now)
        host.autosave()
        return host
