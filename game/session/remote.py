"""A LAN game seen from one seat: the session the game view, the lobby and `bot` drive when someone else hosts.

It has the interface of `LocalSession` that the UI uses (`world`, `view`, `report`, `standings`, `over`,
`submit`, `end_turn`), fed by a `ClientLink` on its own thread. Differences a caller must know:
- `end_turn()` says "I am ready" and returns None; the evening resolves on the host when everyone is ready or
  the timer runs out, and `poll()` then reports a `TurnStart` (see `played`);
- `submit()` waits briefly (`answer_seconds`) for the host's check; a late answer arrives through `poll()` and
  updates `refusal`;
- every view is checked against its hash (`desyncs` counts failures) and the host's content against its checks.
Call `poll()` once a frame (it never blocks); it returns the host messages it applied, for the UI to react to.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from game.core.commands import Orders
from game.core.report import TurnReport
from game.core.standings import Standing
from game.core.view import PlayerView
from game.core.world import World
from game.net import DEFAULT_PORT, GAME_VERSION, PROTOCOL_VERSION
from game.net.client import ClientLink, LinkClosed
from game.net.content import (
    ContentRefused,
    check_public_level,
    check_scores,
    content_hash,
    store_recordings,
    store_scores,
)
from game.net.discovery import parse_address
from game.net.limits import Limits
from game.net.messages import (
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
)


class JoinError(Exception):
    """Joining failed: refused by the host (the reason says why: version, password, full...) or unreachable."""


class RemoteSession:
    remote = True  # the game view waits for the host instead of resolving turns itself

    def __init__(self, link: ClientLink, music_dir: Path | None = None, answer_seconds: float = 0.5) -> None:
        self.link = link
        self.music_dir = music_dir
        self.answer_seconds = answer_seconds
        self.seat = 0
        self.token = ""
        self.game_name = ""
        self.admin = False
        self.phase = "lobby"
        self.lobby: Lobby | None = None
        self.seats: list[SeatInfo] = []
        self.world: World | None = None  # type: ignore[assignment]
        self.content_hash = ""
        self.turn = 0
        self.ready = False  # "I am ready" sent for this evening
        self.played = 0  # evenings played back so far (TurnStart messages with a report)
        self.refusal: str | None = None  # the host's answer to the latest orders
        self.chat: list[Said] = []
        self.notices: list[str] = []
        self.closed: str | None = None  # why the connection ended (None while it is open)
        self.refused = False  # the host turned the hello down: trying again will not help
        self.on_leave: Callable[[], None] | None = None  # e.g. stop the server this process hosts
        self.desyncs = 0
        self.turn_seconds = 0.0
        self._deadline: float | None = None
        self._view: PlayerView | None = None
        self._report: TurnReport | None = None
        self._standings: list[Standing] = []
        self._winner: int | None = None
        self._over = False
        self._ref = 0
        self._answers: dict[tuple[int, str], str | None] = {}
        self._sent: dict[tuple[int, str], int] = {}  # (turn, orders JSON) -> ref of the orders message
        self._backlog: list[BaseModel] = []

    # ------------------------------------------------------------ joining

    @classmethod
    def join(cls, address: str | tuple[str, int], name: str, password: str = "", token: str = "", admin: str = "",
             timeout: float = 10.0, music_dir: Path | None = None, record: bool = False,
             limits: Limits | None = None, answer_seconds: float = 0.5) -> RemoteSession:
        """Connect, say hello and wait for the welcome; raises JoinError with the host's reason."""
        host, port = parse_address(address, DEFAULT_PORT) if isinstance(address, str) else address
        hello = Hello(protocol=PROTOCOL_VERSION, version=GAME_VERSION, name=name[:24] or "Bootlegger",
                      password=password[:64], token=token[:64], admin=admin[:64])
        session = cls(ClientLink(host, port, hello, limits=limits, record=record).start(), music_dir, answer_seconds)
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            session._pump(block=0.1)
            if session.token:  # welcomed (what came after, even the end of the link, is the caller's to see)
                return session
            if session.closed:
                raise JoinError(session.closed)
        session.link.close()
        raise JoinError(f"{host}:{port} did not answer in {timeout:g} s")

    def reconnect(self) -> None:
        """Open a new connection with this seat's token and carry on (without waiting: the welcome and the
        current evening arrive through `poll`; if it fails, `closed` says why again)."""
        old = self.link
        hello = old.hello.model_copy(update={"token": self.token})
        self.link = ClientLink(old.host, old.port, hello, old.limits, old.connect_timeout,
                               record=old.frames is not None).start()
        self.closed = None

    def leave(self) -> None:
        if self.closed is None:
            self.link.send(Bye())
        self.link.close()
        self.closed = self.closed or "left the game"
        if self.on_leave is not None:
            self.on_leave()
            self.on_leave = None

    # ------------------------------------------------------------ messages

    def poll(self) -> list[BaseModel]:
        """Apply every message that has arrived; returns them (never blocks)."""
        self._pump(block=0.0)
        done, self._backlog = self._backlog, []
        return done

    def _pump(self, block: float) -> None:
        timeout = block
        while True:
            try:
                item = self.link.inbox.get(timeout=timeout) if timeout > 0 else self.link.inbox.get_nowait()
            except queue.Empty:
                return
            timeout = 0.0
            if isinstance(item, LinkClosed):
                self.closed = self.closed or item.reason
                self.notices.append(f"Connection closed: {item.reason}")
                continue
            self._apply(item)
            self._backlog.append(item)

    def wait(self, until: Callable[[], bool], timeout: float) -> bool:
        """Apply messages until `until()` holds (True) or `timeout` seconds pass or the link closes (False)."""
        end = time.monotonic() + timeout
        while not until():
            if self.closed or time.monotonic() >= end:
                return until()
            self._pump(block=0.05)
        return True

    def _apply(self, message: BaseModel) -> None:
        if isinstance(message, Welcome):
            self.seat, self.token, self.game_name, self.admin = message.seat, message.token, message.game, message.admin
            self.phase = message.phase
        elif isinstance(message, Refused):
            self.closed, self.refused = f"refused: {message.reason}", True
        elif isinstance(message, Closing):
            self.closed = message.reason
        elif isinstance(message, Lobby):
            self.lobby, self.seats = message, list(message.seats)
        elif isinstance(message, GameStart):
            self._start(message)
        elif isinstance(message, TurnStart):
            self._turn(message)
        elif isinstance(message, Table):
            self.seats = list(message.seats)
            self._set_deadline(message.seconds_left)
        elif isinstance(message, Checked):
            key = next((k for k, ref in self._sent.items() if ref == message.ref), None) if message.turn == self.turn \
                else None
            if key is not None:
                self._answers[key] = message.reason
                self.refusal = message.reason
        elif isinstance(message, Said):
            self.chat.append(message)
            del self.chat[:-200]
        elif isinstance(message, SeatNews):
            words = {"left": "left the game", "returned": "is back", "joined": "joined the game",
                     "ai": "is away: the AI plays the seat"}
            self.notices.append(f"{message.name} {words[message.status]}.")
        elif isinstance(message, GameOver):
            self._standings = [s.standing() for s in message.standings]
            self._winner, self._over, self.phase = message.winner, True, "over"
        elif isinstance(message, Error):
            self.notices.append(f"The host says: {message.reason}")

    def _start(self, message: GameStart) -> None:
        level = message.level.model_dump(mode="json")
        catalog = message.catalog.model_dump(mode="json")
        recordings = {t: r.model_dump(mode="json") for t, r in message.recordings.items()}
        try:
            if content_hash(level, catalog, message.scores, recordings) != message.content_hash:
                raise ContentRefused("the level does not match its hash")
            world = check_public_level(message.level, message.catalog)
            check_scores(message.scores)
            if self.music_dir is not None and (message.scores or recordings):
                folder = self.music_dir / message.content_hash
                store_scores(message.scores, folder)
                store_recordings(recordings, folder)
                from game.audio.library import add_music_dir

                add_music_dir(folder)
        except ContentRefused as exc:
            self.closed = f"the host's game cannot be used: {exc}"
            self.link.close()
            return
        self.world, self.seat, self.content_hash = world, message.seat, message.content_hash
        self.turn_seconds = message.turn_seconds
        self.phase = "playing" if self.phase == "lobby" else self.phase

    def _turn(self, message: TurnStart) -> None:
        view = message.view
        if view.content_hash() != view.view_hash:
            self.desyncs += 1
            self.notices.append(f"Desync: the view of evening {message.turn} does not match its hash.")
        self._view, self.turn, self.ready, self.refusal = view, message.turn, False, None
        self._sent, self._answers = {}, {}
        if message.report is not None:
            self._report = message.report.report()
            self.played += 1
        self._set_deadline(message.seconds_left)

    def _set_deadline(self, seconds_left: float | None) -> None:
        self._deadline = None if seconds_left is None else time.monotonic() + seconds_left

    # ------------------------------------------------------------ the session interface

    @property
    def over(self) -> bool:
        return self._over

    @property
    def started(self) -> bool:
        return self.world is not None and self._view is not None

    def view(self, seat: int | None = None) -> PlayerView:
        """This seat's view of the evening (the only seat a client sees)."""
        if self._view is None:
            raise RuntimeError("the game has not started")
        return self._view

    def report(self, seat: int | None = None) -> TurnReport | None:
        return self._report

    def standings(self) -> list[Standing]:
        return list(self._standings)

    @property
    def winner(self) -> int | None:
        return self._winner

    def submit(self, seat: int, orders: Orders) -> str | None:
        """Send this evening's orders; the host's refusal reason if it answers within `answer_seconds`, else None
        (the answer then comes through `poll` into `refusal`)."""
        if seat != self.seat:
            return f"you play seat {self.seat}"
        if self._over:
            return "the game is over"
        if self.ready:
            return "you said you were ready; wait for the others"
        key = (self.turn, orders.model_dump_json())
        if key in self._answers:
            self.refusal = self._answers[key]
            return self.refusal
        self._ref += 1
        self._sent[key] = self._ref
        self.link.send(SubmitOrders(turn=self.turn, seat=self.seat, orders=orders, ref=self._ref))
        self.wait(lambda: key in self._answers, self.answer_seconds)
        return self._answers.get(key)

    def end_turn(self) -> None:
        """I am ready: the orders sent stand for this evening."""
        if not self.ready and not self._over:
            self.ready = True
            self.link.send(EndTurn(turn=self.turn, seat=self.seat))

    # ------------------------------------------------------------ lobby and table

    def set_ready(self, ready: bool) -> None:
        self.link.send(LobbyReady(ready=ready))

    def start_game(self) -> None:
        self.link.send(StartGame())

    def say(self, text: str) -> None:
        text = text.strip()[:300]
        if text:
            self.link.send(Say(text=text))

    def seconds_left(self) -> float | None:
        return None if self._deadline is None else max(0.0, self._deadline - time.monotonic())

    def waiting_for(self) -> list[str]:
        """Names of the people whose orders are not in yet this evening."""
        return [s.name for s in self.seats if s.kind == "human" and not s.ready and s.seat != self.seat]
