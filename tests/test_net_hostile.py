"""Hostile peers against a live host on 127.0.0.1: random bytes, truncated, oversized and deeply nested frames,
valid JSON of the wrong shape, NaN and huge numbers, orders for other seats, floods, a thousand idle
connections and a slow-loris. The host stays up, honest players' evenings still resolve, and the engine's
invariants and the replay hold."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.net import GAME_VERSION, PROTOCOL_VERSION
from game.net.limits import Limits
from game.session.remote import RemoteSession
from tests.test_net_support import LOOPBACK, in_process_host, play_with_ai, short_level

LIMITS = Limits(max_message=8 * 1024, rate=20, burst=30, per_address=40, connections=60, handshake_seconds=1.0,
                idle_seconds=3.0, bad_messages=5)
HELLO = {"type": "hello", "protocol": PROTOCOL_VERSION, "version": GAME_VERSION, "name": "Mallory"}


class Raw:
    """A raw TCP peer that can send anything and read what the host answers."""

    def __init__(self, port: int, hello: bool = False, token: str = "") -> None:
        self.sock = socket.create_connection((LOOPBACK, port), timeout=5)
        self.buffer = b""
        if hello or token:
            self.send({**HELLO, "token": token})

    def send(self, data: dict | bytes) -> None:
        """Send, unless the host has already hung up (it may close a hostile peer while it is still sending)."""
        raw = data if isinstance(data, bytes) else json.dumps(data).encode() + b"\n"
        with contextlib.suppress(ConnectionResetError, BrokenPipeError):
            self.sock.sendall(raw)

    def messages(self, timeout: float = 3.0, until: str | None = None) -> list[dict]:
        """Messages until the host closes, `until` (a message type) arrives, or `timeout` passes."""
        got: list[dict] = []
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            while b"\n" in self.buffer:
                line, self.buffer = self.buffer.split(b"\n", 1)
                got.append(json.loads(line))
                if until is not None and got[-1]["type"] == until:
                    return got
            self.sock.settimeout(max(0.01, end - time.monotonic()))
            try:
                chunk = self.sock.recv(65536)
            except (TimeoutError, ConnectionError):
                break
            if not chunk:
                break
            self.buffer += chunk
        return got

    def closed_with(self, timeout: float = 5.0) -> str:
        """The reason of the host's `closing` (or `refused`) message; fails if the connection stays open."""
        for message in self.messages(timeout):
            if message["type"] in ("closing", "refused"):
                return message["reason"]
        raise AssertionError("the host did not close the connection with a reason")

    def close(self) -> None:
        self.sock.close()


def _seat_token(port: int) -> str:
    """Join as a newcomer (the host gives a seat the AI played) and keep its rejoin token for later peers."""
    peer = Raw(port, hello=True)
    token = peer.messages(5, until="welcome")[-1]["token"]
    peer.close()
    return token


def _honest_game(tmp_path, seats=4, humans=2, turns=40):
    level = short_level(tmp_path, "levels/skirmish/vasilievsky_1953.json", turns)
    save = tmp_path / "game.json"
    thread, port = in_process_host(level, seats, humans, save=save, limits=LIMITS, grace=1.0)
    players = [RemoteSession.join((LOOPBACK, port), name, limits=LIMITS) for name in ("Lev", "Zoya")[:humans]]
    for p in players:
        p.set_ready(True)
    assert all(p.wait(lambda p=p: p.started, 10) for p in players)
    return thread, port, players, save


def _check_engine(thread, save) -> None:
    from game.session.session import LocalSession

    session = thread.server.host.session
    world, state = session.engine_world, session.state
    for p in state.players:
        assert p.money >= 0 and 0 <= p.heat <= 100 and 0 <= p.reputation <= 100
        assert world.city.is_walkable(p.pos)
        assert all(n >= 0 for n in p.films.values())
    thread.server.host.flush_save()
    assert LocalSession.from_file(save).state_hash == session.state_hash


def test_hostile_frames_floods_and_idle_connections_never_stop_the_game(tmp_path):
    thread, port, players, save = _honest_game(tmp_path)
    stop = threading.Event()
    honest = threading.Thread(target=play_with_ai, args=(players, stop, 120), daemon=True)
    honest.start()
    try:
        turn_before = players[0].turn
        token = _seat_token(port)
        # slow-loris, before and after the handshake: a byte every 0.3 s never completes a message in time
        lorises = {"before": Raw(port), "after": Raw(port, token=_seat_token(port))}
        lorises["after"].messages(2, until="turn")
        trickle = threading.Thread(target=_trickle, args=(list(lorises.values()), 0.3, 16), daemon=True)
        trickle.start()
        # a frame over the size limit: closed with the reason
        big = Raw(port, token=token)
        big.send(b'{"type":"say","text":"' + b"x" * (LIMITS.max_message + 10) + b'"}\n')
        assert "longer than" in big.closed_with()
        # random bytes, non-UTF-8, deep nesting, wrong shapes, NaN and huge numbers: an error each, then closed
        junk = Raw(port, token=token)
        for frame in (b"\xff\xfe\x00garbage", b"[" * 3000 + b"]" * 3000, b'{"type":"orders","turn":NaN}',
                      b'{"type":"orders","turn":1e999,"seat":0,"orders":{}}', b'{"type":"ping","n":' + b"9" * 400 + b"}",
                      b'"just a string"', b'{"type":"lobby_ready","ready":"yes"}'):
            junk.send(frame + b"\n")
        answers = junk.messages(3)
        errors = [m for m in answers if m["type"] == "error"]
        assert len(errors) >= LIMITS.bad_messages - 1, answers
        assert any(m["type"] == "closing" and "invalid messages" in m["reason"] for m in answers)
        # a flood: closed for the rate
        flood = Raw(port, token=token)
        for _ in range(200):
            flood.send({"type": "ping", "n": 1})
        assert "too many messages" in flood.closed_with()
        # truncated frame, then the peer vanishes
        cut = Raw(port)
        cut.send(json.dumps(HELLO).encode()[:20])
        cut.close()
        # a thousand connections that never speak: beyond the limits they are refused at once, the rest time out
        idle: list[socket.socket] = []
        refused = 0
        for _ in range(1000):
            try:
                idle.append(socket.create_connection((LOOPBACK, port), timeout=2))
            except OSError:
                refused += 1
        trickle.join(10)
        assert "no hello in time" in lorises["before"].closed_with()
        assert "no message for too long" in lorises["after"].closed_with()
        # honest players went on meanwhile
        assert players[0].wait(lambda: players[0].turn >= turn_before + 3 or players[0].over, 30), players[0].closed
        assert len(thread.server.conns) <= LIMITS.connections
        time.sleep(LIMITS.handshake_seconds + 0.3)
        answers = [_read_some(s) for s in idle]
        for s in idle:
            s.close()
        turned_away = sum(1 for a in answers if b"too many connections" in a or b"the host is full" in a)
        timed_out = sum(1 for a in answers if b"no hello in time" in a)
        assert turned_away > 0 and timed_out > 0
        assert turned_away + timed_out + refused == 1000  # each one refused at once or closed at the deadline
        honest.join(150)
        assert all(p.over for p in players), [p.closed for p in players]
        assert len(thread.server.conns) <= len(players)  # every hostile connection is gone
    finally:
        stop.set()
        for p in players:
            p.leave()
        thread.stop()
    _check_engine(thread, save)


def _trickle(peers: list[Raw], pause: float, count: int) -> None:
    """Each peer sends the start of a message one byte at a time."""
    text = b'{"type":"say","text":"' + b"a" * count
    for byte in text[:count]:
        for peer in peers:
            with contextlib.suppress(OSError):
                peer.sock.sendall(bytes([byte]))
        time.sleep(pause)


def _read_some(sock: socket.socket) -> bytes:
    sock.settimeout(0.02)
    try:
        return sock.recv(4096)
    except OSError:
        return b""


def test_orders_for_another_seat_are_refused_and_change_nothing(tmp_path):
    thread, port, players, save = _honest_game(tmp_path, seats=3, humans=1)
    victim = players[0]
    try:
        mallory = Raw(port, hello=True)  # takes a seat the AI has played from the start
        seat = mallory.messages(5, until="turn")[0]["seat"]
        assert seat != victim.seat
        host = thread.server.host
        before = dict(host.session.pending)
        mallory.send({"type": "orders", "turn": host.turn, "seat": victim.seat, "ref": 7,
                      "orders": {"action": {"type": "lie_low"}}})
        mallory.send({"type": "end_turn", "turn": host.turn, "seat": victim.seat})
        answers = mallory.messages(3, until="error")
        checked = next(m for m in answers if m["type"] == "checked")
        assert checked["ok"] is False and f"not seat {victim.seat}" in checked["reason"]
        assert host.session.pending == before and not host.seats[victim.seat].ready
        # orders the engine refuses come back with the engine's own reason
        mallory.send({"type": "orders", "turn": host.turn, "seat": seat, "ref": 8, "orders": {"path": [[0, 0]]}})
        refusal = next(m for m in mallory.messages(3, until="checked") if m["type"] == "checked")
        assert refusal["ok"] is False and "not next to" in refusal["reason"]
        mallory.close()
    finally:
        for p in players:
            p.leave()
        thread.stop()


FRAMES = st.one_of(
    st.binary(max_size=300),
    st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20)),
                 lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
                 max_leaves=30).map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries({"type": st.sampled_from(["orders", "end_turn", "say", "lobby_ready", "start", "hello", "ping"]),
                           "turn": st.one_of(st.integers(), st.floats(), st.text(max_size=3)),
                           "seat": st.integers(-5, 70),
                           "orders": st.dictionaries(st.sampled_from(["path", "action", "stop", "offers", "accept",
                                                                      "stance"]),
                                                     st.one_of(st.integers(), st.lists(st.lists(st.integers(), max_size=3),
                                                                                       max_size=5),
                                                               st.text(max_size=5)), max_size=4)}
                          ).map(lambda v: json.dumps(v).encode()),
)


def test_any_frame_gets_an_answer_or_a_reason_and_the_host_stays_up(tmp_path):
    level = short_level(tmp_path, "levels/skirmish/vasilievsky_1953.json", 20)
    thread, port = in_process_host(level, 4, 1, limits=Limits(per_address=500, connections=600, rate=1000, burst=1000))
    honest = RemoteSession.join((LOOPBACK, port), "Lev")
    honest.set_ready(True)
    assert honest.wait(lambda: honest.started, 10)
    token = _seat_token(port)  # a seat for the probes, taken back with its token each time

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(frame=FRAMES)
    def probe(frame: bytes) -> None:
        peer = Raw(port, token=token)
        peer.send(frame.replace(b"\n", b" ") + b"\n")
        peer.send({"type": "ping", "n": 5})
        answers = peer.messages(3, until="pong")
        peer.close()
        kinds = [m["type"] for m in answers]
        assert kinds[0] == "welcome"
        assert "pong" in kinds or "closing" in kinds  # it answered the frame and read on, or said why it stopped

    try:
        probe()
        from game.net.messages import Ping, Pong

        honest.poll()
        honest.link.send(Ping(n=9))
        pongs: list = []
        assert honest.wait(lambda: bool(pongs.extend(m for m in honest._backlog if isinstance(m, Pong)) or pongs), 3)
        assert honest.closed is None
    finally:
        honest.leave()
        thread.stop()
