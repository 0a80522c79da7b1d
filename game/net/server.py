"""The host behind sockets: an asyncio TCP server around a `HostSession` (docs/PROTOCOL.md is the contract).

Every connection has its own reader coroutine; nothing a peer does can block another: writes never wait (bytes
go to the transport's buffer; a peer that lets more than `max_unsent` bytes pile up is dropped), reads are bounded
by the handshake deadline and the idle timeout, every frame by the size limit and the token bucket, and every
message is validated (`parse_client`) and checked for ownership before it reaches the engine. The engine runs on
the loop's thread; a turn resolves as soon as the last order is in (or on the ticker, for timers and grace
periods). Plain log lines go to `log`.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from game.net import GAME_VERSION, PROTOCOL_VERSION
from game.net.content import content_hash, recording_files, score_files
from game.net.discovery import Announcement, Announcer
from game.net.framing import FrameError, encode, read_frame
from game.net.limits import Limits, TokenBucket
from game.net.messages import (
    BadMessage,
    Bye,
    Checked,
    Closing,
    EndTurn,
    Error,
    GameOver,
    GameStart,
    Hello,
    Lobby,
    LobbyReady,
    Ping,
    Pong,
    Refused,
    Said,
    Say,
    SeatInfo,
    SeatNews,
    StartGame,
    SubmitOrders,
    Table,
    TurnStart,
    Welcome,
    WireReport,
    WireStanding,
    parse_client,
)
from game.session.host import HostSession, JoinRefused

TICK_SECONDS = 0.1


@dataclass
class TurnStats:
    """One resolved evening as the host measured it (milliseconds, bytes)."""

    turn: int
    resolve_ms: float  # the engine: orders of AI seats, resolution
    views_ms: float  # the engine: every connected seat's view and its filtered report
    save_ms: float  # the autosave (written before any view goes out; part of the overhead)
    overhead_ms: float  # "last order in -> every view written" but the engine's parts: save, JSON, sockets
    bytes_per_client: dict[int, int] = field(default_factory=dict)


class Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, limits: Limits, now: float) -> None:
        self.reader, self.writer = reader, writer
        peer = writer.get_extra_info("peername")
        self.addr: str = peer[0] if peer else "?"
        self.limits = limits
        self.bucket = TokenBucket(limits.rate, limits.burst, now)
        self.seat: int | None = None
        self.admin = False
        self.bad = 0
        self.closed = False
        self.close_reason: str | None = None
        self.sent = 0

    def send_bytes(self, data: bytes) -> None:
        if self.closed:
            return
        self.writer.write(data)
        self.sent += len(data)
        if self.writer.transport.get_write_buffer_size() > self.limits.max_unsent:
            self.close("too slow: the host's messages are not being read")

    def send(self, message: BaseModel) -> None:
        self.send_bytes(encode(message))

    def close(self, reason: str | None = None) -> None:
        if self.closed:
            return
        if reason is not None:
            with contextlib.suppress(Exception):
                self.writer.write(encode(Closing(reason=reason)))
        self.closed = True
        self.close_reason = reason
        with contextlib.suppress(Exception):
            self.writer.close()


def _clean(text: str) -> str:
    """Chat and names without control characters (no terminal tricks in the host's log or other screens)."""
    return "".join(ch for ch in text if unicodedata.category(ch)[0] != "C").strip()


class GameServer:
    def __init__(self, host: HostSession, limits: Limits | None = None, log: Callable[[str], None] = print,
                 announce_to: tuple[str, int] | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.host = host
        self.limits = limits or Limits()
        self.log = log
        self.clock = clock
        self.announce_to = announce_to
        self.conns: set[Connection] = set()
        self.by_seat: dict[int, Connection] = {}
        self.per_address: Counter[str] = Counter()
        self.stats: list[TurnStats] = []
        self.over = asyncio.Event()
        self.port = 0
        self._server: asyncio.base_events.Server | None = None
        self._tasks: list[asyncio.Task] = []
        self._announcer: Announcer | None = None
        self._last_in = 0.0
        self._content: dict[int, bytes] = {}  # each seat's encoded `game` message

    # ------------------------------------------------------------ life cycle

    async def start(self, address: str = "0.0.0.0", port: int = 0) -> int:
        self._server = await asyncio.start_server(self._handle, address, port, limit=self.limits.max_message + 1)
        self.port = self._server.sockets[0].getsockname()[1]
        self._tasks.append(asyncio.create_task(self._ticker()))
        if self.announce_to is not None:
            self._announcer = Announcer(self.announce_to, self._announcement)
            await self._announcer.start()
        c = self.host.config
        self.log(f"listening on {address}:{self.port}: game \"{c.game_name}\", level {self.host.level.id}, "
                 f"{c.seats} seats, {self.host.phase}")
        return self.port

    async def close(self, reason: str = "the server is shutting down") -> None:
        self.host.flush_save()
        if self._announcer is not None:
            self._announcer.close()
        for task in self._tasks:
            task.cancel()
        for conn in list(self.conns):
            conn.close(reason)
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2.0)

    def _announcement(self) -> Announcement:
        c = self.host.config
        return Announcement(name=c.game_name, level=self.host.level.name, version=GAME_VERSION,
                            protocol=PROTOCOL_VERSION, port=self.port, seats=c.seats,
                            players=len(self.host.humans(connected_only=True)), password=bool(self.host.password_hash),
                            phase=self.host.phase)

    # ------------------------------------------------------------ connections

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        conn = Connection(reader, writer, self.limits, self.clock())
        if len(self.conns) >= self.limits.connections or self.per_address[conn.addr] >= self.limits.per_address:
            conn.send(Refused(code="limit", reason="too many connections from your address"
                              if self.per_address[conn.addr] >= self.limits.per_address else "the host is full"))
            conn.close()
            return
        self.conns.add(conn)
        self.per_address[conn.addr] += 1
        try:
            if await self._handshake(conn):
                await self._serve(conn)
        except (ConnectionError, OSError):
            pass
        finally:
            self._drop(conn)

    async def _next(self, conn: Connection, timeout: float) -> bytes | None:
        """The next frame within `timeout` seconds; None (after closing with the reason) if there is none."""
        try:
            frame = await asyncio.wait_for(read_frame(conn.reader, self.limits.max_message), timeout)
        except TimeoutError:
            conn.close("no message for too long" if conn.seat is not None else "no hello in time")
            return None
        except FrameError as exc:
            conn.close(f"{exc} (the limit is {self.limits.max_message} bytes)")
            return None
        if frame is None:
            conn.close()
            return None
        if not conn.bucket.take(self.clock()):
            conn.close(f"too many messages (more than {self.limits.rate:g} a second)")
            return None
        return frame

    async def _handshake(self, conn: Connection) -> bool:
        frame = await self._next(conn, self.limits.handshake_seconds)
        if frame is None:
            return False
        try:
            hello = parse_client(frame)
        except BadMessage as exc:
            return self._refuse(conn, "invalid", f"the first message must be a valid hello: {exc}")
        if not isinstance(hello, Hello):
            return self._refuse(conn, "invalid", f"the first message must be a hello, not {hello.type}")
        if hello.protocol != PROTOCOL_VERSION:
            return self._refuse(conn, "protocol", f"this host speaks protocol {PROTOCOL_VERSION}; your game speaks "
                                f"protocol {hello.protocol}: use the same version of Bone Music ({GAME_VERSION})")
        if hello.version != GAME_VERSION:
            return self._refuse(conn, "version", f"this host runs Bone Music {GAME_VERSION}; you have "
                                f"{_clean(hello.version)[:32]}: install the same version")
        name = _clean(hello.name)[: self.limits.name_chars]
        if not name:
            return self._refuse(conn, "name", "a name needs at least one visible character")
        try:
            joined = self.host.hello(name, hello.password, hello.token, hello.admin, self.clock())
        except JoinRefused as exc:
            return self._refuse(conn, exc.code, exc.reason)
        old = self.by_seat.get(joined.seat)
        if old is not None and old is not conn:
            old.seat = None
            old.close("you joined again from another connection")
        conn.seat, conn.admin = joined.seat, joined.admin
        self.by_seat[joined.seat] = conn
        seat = self.host.seats[joined.seat]
        conn.send(Welcome(protocol=PROTOCOL_VERSION, version=GAME_VERSION, seat=joined.seat, token=joined.token,
                          game=self.host.config.game_name[:64], phase=self.host.phase, admin=joined.admin,
                          idle_seconds=self.limits.idle_seconds))
        self.log(f"{'rejoin' if joined.returned else 'join'}: {seat.name} (seat {joined.seat}) from {conn.addr}")
        if self.host.phase == "lobby":
            self._lobby_changed()
        else:
            self.host.restart_timer(self.clock())
            self._send_game(conn)
            self._broadcast(SeatNews(seat=joined.seat, name=seat.name,
                                     status="returned" if joined.returned else "joined"), but=conn)
            self._broadcast_table()
        return True

    def _refuse(self, conn: Connection, code: str, reason: str) -> bool:
        self.log(f"refused: {conn.addr}: {reason}")
        conn.send(Refused(code=code, reason=reason))  # type: ignore[arg-type]
        conn.close()
        return False

    async def _serve(self, conn: Connection) -> None:
        while not conn.closed:
            frame = await self._next(conn, self.limits.idle_seconds)
            if frame is None:
                return
            try:
                message = parse_client(frame)
            except BadMessage as exc:
                self._bad(conn, str(exc))
                continue
            try:
                self._dispatch(conn, message)
            except Exception as exc:  # noqa: BLE001 - a bug must cost one message, never the host
                self.log(f"error: seat {conn.seat} ({conn.addr}): {message.type}: {exc!r}")
                conn.send(Error(reason=f"the host could not handle that {message.type} message"))

    def _bad(self, conn: Connection, reason: str) -> None:
        conn.bad += 1
        if conn.bad >= self.limits.bad_messages:
            conn.close(f"too many invalid messages (last: {reason})")
        else:
            conn.send(Error(reason=reason[:500]))

    def _drop(self, conn: Connection) -> None:
        if not conn.closed:
            conn.close()
        if conn in self.conns:
            self.conns.discard(conn)
            self.per_address[conn.addr] -= 1
            if self.per_address[conn.addr] <= 0:
                del self.per_address[conn.addr]
        seat = conn.seat
        if seat is None or self.by_seat.get(seat) is not conn:
            return
        del self.by_seat[seat]
        name = self.host.seats[seat].name
        reason = conn.close_reason
        self.log(f"left: {name} (seat {seat}){': ' + reason if reason else ''}")
        self.host.leave(seat, self.clock())
        if self.host.phase == "lobby":
            self._lobby_changed()
        else:
            self._broadcast(SeatNews(seat=seat, name=name, status="left"))
            self._broadcast_table()

    # ------------------------------------------------------------ messages

    def _dispatch(self, conn: Connection, message: BaseModel) -> None:
        seat = conn.seat
        assert seat is not None
        if isinstance(message, Ping):
            conn.send(Pong(n=message.n))
        elif isinstance(message, Bye):
            conn.close("bye")
        elif isinstance(message, Say):
            text = _clean(message.text)[: self.limits.chat_chars]
            if text:
                self.log(f"chat: {self.host.seats[seat].name}: {text}")
                self._broadcast(Said(seat=seat, name=self.host.seats[seat].name, text=text))
        elif isinstance(message, LobbyReady):
            if self.host.phase != "lobby":
                self._bad(conn, "the lobby is closed: the game has started")
                return
            self.host.set_lobby_ready(seat, message.ready)
            self._lobby_changed()
        elif isinstance(message, StartGame):
            if not conn.admin:
                self._bad(conn, "only the player hosting the game can start it")
                return
            reason = self.host.start_refusal(by_admin=True)
            if reason:
                conn.send(Error(reason=f"cannot start: {reason}"))
                return
            self._start()
        elif isinstance(message, SubmitOrders):
            self._orders(conn, seat, message)
        elif isinstance(message, EndTurn):
            if message.seat != seat:
                self._bad(conn, f"you play seat {seat}, not seat {message.seat}")
                return
            reason = self.host.end_turn(seat, message.turn)
            if reason:
                conn.send(Error(reason=reason))
                return
            self._last_in = time.perf_counter()
            if self.host.due(self.clock()):
                self._resolve()
            else:
                self._broadcast_table()
        elif isinstance(message, Hello):
            self._bad(conn, "hello was already said on this connection")

    def _orders(self, conn: Connection, seat: int, message: SubmitOrders) -> None:
        if message.seat != seat:
            conn.send(Checked(turn=message.turn, ref=message.ref, ok=False,
                              reason=f"you command seat {seat} only, not seat {message.seat}"))
            self._bad(conn, f"orders for seat {message.seat} from seat {seat}")
            return
        reason = self.host.submit(seat, message.turn, message.orders)
        conn.send(Checked(turn=message.turn, ref=message.ref, ok=reason is None, reason=reason))

    # ------------------------------------------------------------ broadcasting

    def _broadcast(self, message: BaseModel, but: Connection | None = None) -> None:
        data = encode(message)
        for conn in list(self.by_seat.values()):
            if conn is not but:
                conn.send_bytes(data)

    def seat_infos(self) -> list[SeatInfo]:
        return [SeatInfo(seat=s.index, name=s.name[:48], kind=s.kind, ready=s.ready,  # type: ignore[arg-type]
                         connected=s.connected or (self.host.phase != "lobby" and s.kind == "ai"), colour=s.index)
                for s in self.host.seats]

    def _lobby_message(self) -> Lobby:
        c = self.host.config
        return Lobby(game=c.game_name[:64], level=self.host.level.name[:200], level_id=self.host.level.id,
                     seats=self.seat_infos(), ai_fill=c.ai_fill, difficulty=c.difficulty, turn_seconds=c.turn_seconds,
                     password=bool(self.host.password_hash), start_refusal=self.host.start_refusal(by_admin=True))

    def _lobby_changed(self) -> None:
        if self.host.phase != "lobby":
            return
        if self.host.config.auto_start and self.host.start_refusal() is None:
            self._start()
            return
        self._broadcast(self._lobby_message())

    def _broadcast_table(self) -> None:
        if self.host.phase == "lobby":
            return
        self._broadcast(Table(turn=self.host.turn, seats=self.seat_infos(),
                              seconds_left=self.host.seconds_left(self.clock())))

    def _start(self) -> None:
        self.host.start(self.clock())
        session = self.host.session
        assert session is not None
        names = ", ".join(f"{s.name}{' (AI)' if s.ai else ''}" for s in self.host.seats)
        for conn in list(self.by_seat.values()):
            self._send_game(conn)
        views = " ".join(f"{seat}:{session.view(seat).view_hash}" for seat in sorted(self.by_seat))
        self.log(f"start: seed {session.file.seed}, seats: {names}; views of turn {self.host.turn}: {views}")
        self._broadcast_table()

    def _send_game(self, conn: Connection) -> None:
        """The content, the current evening and (after the end) the standings, for a seat (re)joining a game."""
        session = self.host.session
        assert session is not None and conn.seat is not None
        if conn.seat not in self._content:
            public = session.world_for(conn.seat).level
            level = public.model_dump(mode="json")
            catalog = session.engine_world.catalog.model_dump(mode="json")
            music = [Path(d) for d in self.host.config.music_dirs]
            scores, recordings = score_files(self.host.level, music), recording_files(self.host.level, music)
            self._content[conn.seat] = encode(GameStart(
                seat=conn.seat, level=public, catalog=session.engine_world.catalog, scores=scores,
                recordings=recordings, content_hash=content_hash(level, catalog, scores, recordings),
                turn_seconds=self.host.config.turn_seconds))
        conn.send_bytes(self._content[conn.seat])
        conn.send(TurnStart(turn=self.host.turn, view=session.view(conn.seat),
                            seconds_left=self.host.seconds_left(self.clock())))
        if self.host.phase == "over":
            conn.send(self._game_over())

    def _game_over(self) -> GameOver:
        session = self.host.session
        assert session is not None
        return GameOver(standings=[WireStanding.of(s) for s in session.standings()], winner=session.state.winner)

    # ------------------------------------------------------------ turns

    async def _ticker(self) -> None:
        while True:
            await asyncio.sleep(TICK_SECONDS)
            try:
                self._tick()
            except Exception as exc:  # noqa: BLE001 - the host logs and goes on; a bug must not stop the game
                self.log(f"error: {exc!r}")

    def _tick(self) -> None:
        now = self.clock()
        for seat in self.host.expire_grace(now):
            name = self.host.seats[seat].name
            self.log(f"ai: {name} (seat {seat}) did not come back in time; the AI plays the seat")
            self._broadcast(SeatNews(seat=seat, name=name, status="ai"))
            self._broadcast_table()
        if self.host.due(now):
            self._last_in = time.perf_counter()
            self._resolve()

    def _resolve(self) -> None:
        """Resolve the evening and send every connected seat its report and new view (module docstring)."""
        host = self.host
        session = host.session
        assert session is not None
        started = self._last_in or time.perf_counter()
        report = host.resolve(self.clock())
        resolve_ms = host.last_resolve_s * 1000
        saved = time.perf_counter()
        save_ms = (saved - started) * 1000 - resolve_ms
        views = {seat: session.view(seat) for seat in sorted(self.by_seat)}
        reports = {seat: session.report(seat) for seat in views}
        views_ms = (time.perf_counter() - saved) * 1000
        left = host.seconds_left(self.clock())
        over = encode(self._game_over()) if host.phase == "over" else b""
        outgoing: dict[int, bytes] = {}
        for seat, view in views.items():
            filtered = reports[seat]
            assert filtered is not None
            outgoing[seat] = encode(TurnStart(turn=host.turn, view=view, report=WireReport.of(filtered),
                                              seconds_left=left)) + over
        for seat, data in outgoing.items():  # every message is ready before the first goes out
            conn = self.by_seat[seat]
            conn.bucket.grant(self.limits.per_turn)
            conn.send_bytes(data)
        total_ms = (time.perf_counter() - started) * 1000  # every view is out
        sent = {seat: len(data) for seat, data in outgoing.items()}
        self._broadcast_table()
        stats = TurnStats(report.turn, resolve_ms, views_ms, save_ms,
                          max(0.0, total_ms - resolve_ms - views_ms), sent)
        self.stats.append(stats)
        self._last_in = 0.0
        per_client = sum(sent.values()) / max(1, len(sent))
        view_hashes = " ".join(f"{seat}:{view.view_hash}" for seat, view in views.items())
        self.log(f"turn {report.turn} {report.date}: resolved in {resolve_ms:.1f} ms, views {views_ms:.1f} ms, "
                 f"host {stats.overhead_ms:.1f} ms (save {save_ms:.1f}); {per_client / 1000:.1f} kB a client; "
                 f"state {report.state_hash}; views of turn {host.turn}: {view_hashes}")
        if over:
            table = "; ".join(f"{s.rank}. {s.name} {s.money // 100} rub" for s in session.standings())
            self.log(f"over: {table}; final state {session.state_hash}")
            host.flush_save()
            self.over.set()
