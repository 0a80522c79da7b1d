"""The wire: message parsers under hypothesis (NaN, infinities, huge numbers, deep nesting, non-UTF-8, oversized),
the content a client accepts from a host, a hostile host, handshake refusals, and LAN discovery on 127.0.0.1."""

from __future__ import annotations

import contextlib
import json
import math
import socket
import threading
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from game.content.models import Level
from game.core.commands import Orders, Scavenge, SellRecords
from game.core.world import public_level
from game.net import GAME_VERSION, PROTOCOL_VERSION
from game.net.content import ContentRefused, check_public_level, check_scores, content_hash, score_files
from game.net.discovery import Announcement, Listener, parse_address
from game.net.limits import Limits, TokenBucket
from game.net.messages import (
    BadMessage,
    Bye,
    EndTurn,
    GameStart,
    Hello,
    LobbyReady,
    Ping,
    Say,
    StartGame,
    SubmitOrders,
    TurnStart,
    Welcome,
    parse_client,
    parse_host,
)
from game.session.remote import JoinError, RemoteSession
from tests.test_net_support import LOOPBACK, ROOT, in_process_host, short_level

JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(min_value=-(10**40), max_value=10**40),
              st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30)),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=40,
)
MESSAGE_LIKE = st.fixed_dictionaries(
    {"type": st.sampled_from(["hello", "orders", "end_turn", "say", "lobby_ready", "start", "ping", "bye", "nope"])},
    optional={k: JSON_VALUES for k in ("protocol", "version", "name", "turn", "seat", "orders", "ref", "text",
                                       "ready", "n", "token")},
)


def _frames():
    return st.one_of(
        st.binary(max_size=500),
        JSON_VALUES.map(lambda v: json.dumps(v).encode()),
        MESSAGE_LIKE.map(lambda v: json.dumps(v).encode()),
        st.integers(1, 20_000).map(lambda depth: b"[" * depth + b"]" * depth),
        st.integers(1, 20_000).map(lambda depth: b'{"a":' * depth + b"1" + b"}" * depth),
        st.sampled_from([b'{"type":"ping","n":NaN}', b'{"type":"ping","n":Infinity}', b'{"type":"ping","n":-Infinity}',
                         b'{"type":"ping","n":1e400}', b'{"type":"ping","n":' + b"9" * 5000 + b"}",
                         b'{"type":"say","text":"\xff\xfe"}', b"\xc3\x28", b'{"type":"say","text":"' + b"a" * 70_000 + b'"}']),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(frame=_frames())
def test_client_frames_parse_or_raise_bad_message_and_nothing_else(frame):
    try:
        message = parse_client(frame)
    except BadMessage as exc:
        assert str(exc)
        return
    # whatever passes is a well-formed, bounded message
    data = json.loads(message.model_dump_json())
    assert data["type"] in {"hello", "orders", "end_turn", "say", "lobby_ready", "start", "ping", "bye"}
    for value in data.values():
        assert not (isinstance(value, float) and not math.isfinite(value))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(frame=_frames())
def test_host_frames_parse_or_raise_bad_message_and_nothing_else(frame):
    with contextlib.suppress(BadMessage):
        parse_host(frame)


def test_every_client_message_round_trips():
    orders = Orders(path=[(3, 4)], action=SellRecords(records="all"), stance="bribe")
    for message in (Hello(protocol=1, version="0.1.0", name="Lev", password="p", token="t"), LobbyReady(ready=True),
                    StartGame(), Say(text="da"), SubmitOrders(turn=3, seat=1, orders=orders, ref=9),
                    EndTurn(turn=3, seat=1), Ping(n=4), Bye()):
        assert parse_client(message.model_dump_json().encode()) == message


def test_client_messages_are_strict_and_bounded():
    for frame, where in ((b'{"type":"end_turn","turn":"3","seat":0}', "turn"),
                         (b'{"type":"end_turn","turn":3,"seat":0,"extra":1}', "extra"),
                         (b'{"type":"end_turn","turn":3,"seat":99}', "seat"),
                         (b'{"type":"say","text":""}', "text"),
                         (b'{"type":"orders","turn":1,"seat":0,"orders":{"path":[[1e999,2]]}}', "path"),
                         (b'{"type":"hello","protocol":1,"version":"x","name":"' + b"n" * 30 + b'"}', "name")):
        with pytest.raises(BadMessage, match=where):
            parse_client(frame)


def test_token_bucket_meters_and_grants():
    bucket = TokenBucket(rate=2.0, burst=3, now=0.0)
    assert [bucket.take(0.0) for _ in range(4)] == [True, True, True, False]
    assert bucket.take(0.5) and not bucket.take(0.5)
    bucket.grant(5)
    assert sum(bucket.take(0.5) for _ in range(10)) == 5


# ---------------------------------------------------------------- content from the host


def test_a_public_level_passes_the_client_checks_and_a_full_one_does_not(tiny_level, catalog):
    own = next(s.id for s in tiny_level.sites if s.kind == "workshop")
    world = check_public_level(public_level(tiny_level, own), catalog)
    assert [s.id for s in world.workshops] == [own] and not world.patrol_specs
    with pytest.raises(ContentRefused, match="exactly your own workshop"):
        check_public_level(tiny_level, catalog)


@pytest.mark.parametrize("change, message", [
    (lambda d: d["sites"][3].update(demand={"jazz": float("nan")}), "not a finite number"),
    (lambda d: d["sites"][3].update(demand={"jazz": float("inf")}), "not a finite number"),
    (lambda d: d["map"].update(rows=["." * 300] * 4), "larger than"),
    (lambda d: d["sites"][3].update(at=[99, 99]), "outside"),
    (lambda d: d["sites"][4].update(masters=["m_nowhere"]), "unknown master"),
])
def test_hostile_levels_are_refused_with_the_reason(tiny_level, catalog, change, message):
    own = next(s.id for s in tiny_level.sites if s.kind == "workshop")
    data = json.loads(public_level(tiny_level, own).model_dump_json())
    change(data)
    try:
        level = Level.model_validate(data)
    except ValidationError as exc:  # the content models refuse it already (the frame would not even parse)
        assert "finite" in str(exc) and message == "not a finite number"
        return
    with pytest.raises(ContentRefused, match=message):
        check_public_level(level, catalog)


def test_scores_are_parsed_and_named_right(tiny_level):
    scores = score_files(tiny_level)
    assert scores and all(s["id"] == track for track, s in scores.items())
    check_scores(scores)
    track, good = next(iter(scores.items()))
    for bad, message in (({**good, "tempo": 0}, "not valid"), ({**good, "id": "other"}, "is 'other'"),
                         ({**good, "tempo": float("nan")}, "finite"), ({"id": track}, "not valid")):
        with pytest.raises(ContentRefused, match=message):
            check_scores({track: bad})


class FakeHost:
    """A hostile host on 127.0.0.1: answers a hello with the frames given."""

    def __init__(self, frames: list[bytes]) -> None:
        self.server = socket.create_server((LOOPBACK, 0))
        self.port = self.server.getsockname()[1]
        self.frames = frames
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        conn, _ = self.server.accept()
        conn.recv(65536)
        for frame in self.frames:
            conn.sendall(frame)
        time.sleep(2.0)
        conn.close()


def _welcome() -> bytes:
    return Welcome(protocol=PROTOCOL_VERSION, version=GAME_VERSION, seat=0, token="t", game="g",
                   phase="playing").model_dump_json().encode() + b"\n"


def _start_and_turn(tiny_level, catalog) -> tuple[GameStart, TurnStart]:
    from game.session.session import LocalSession

    session = LocalSession(tiny_level, catalog, 2, 1, humans=(0,))
    public = session.world_for(0).level
    scores = score_files(tiny_level)
    start = GameStart(seat=0, level=public, catalog=catalog, scores=scores, turn_seconds=0,
                      content_hash=content_hash(public.model_dump(mode="json"), catalog.model_dump(mode="json"), scores,
                                                {}))
    return start, TurnStart(turn=0, view=session.view(0))


def test_a_client_refuses_tampered_content_and_counts_a_view_that_does_not_match_its_hash(tiny_level, catalog):
    start, turn = _start_and_turn(tiny_level, catalog)
    tampered = start.model_copy(update={"content_hash": "0" * 32})
    host = FakeHost([_welcome(), tampered.model_dump_json().encode() + b"\n"])
    client = RemoteSession.join((LOOPBACK, host.port), "Lev")
    assert client.wait(lambda: client.closed is not None, 5)
    assert "cannot be used" in client.closed and client.world is None
    lying_view = turn.view.model_copy(update={"view_hash": "f" * 32})
    host = FakeHost([_welcome(), start.model_dump_json().encode() + b"\n",
                     turn.model_copy(update={"view": lying_view}).model_dump_json().encode() + b"\n"])
    client = RemoteSession.join((LOOPBACK, host.port), "Lev")
    assert client.wait(lambda: client.started, 5)
    assert client.desyncs == 1 and any("Desync" in n for n in client.notices)
    client.leave()


def test_a_client_drops_a_host_that_sends_garbage_or_too_much():
    host = FakeHost([_welcome(), b'{"type":"turn","turn":"x"}\n'])
    client = RemoteSession.join((LOOPBACK, host.port), "Lev")
    assert client.wait(lambda: client.closed is not None, 5)
    assert "invalid message" in client.closed
    host = FakeHost([_welcome(), b"x" * 5000 + b"\n"])
    client = RemoteSession.join((LOOPBACK, host.port), "Lev", limits=Limits(max_host_message=4096))
    assert client.wait(lambda: client.closed is not None, 5)
    assert "longer than 4096" in client.closed


# ---------------------------------------------------------------- handshake


def test_handshake_refusals_say_which_version_password_or_seat(tmp_path):
    level = short_level(tmp_path, "levels/skirmish/ligovka_nights.json", 5)
    thread, port = in_process_host(level, 2, 2, password="swing")
    try:
        raw = socket.create_connection((LOOPBACK, port), timeout=5)
        raw.sendall(json.dumps({"type": "hello", "protocol": 99, "version": GAME_VERSION, "name": "Old"}).encode() + b"\n")
        refused = json.loads(raw.makefile().readline())
        assert refused["code"] == "protocol" and "protocol 1" in refused["reason"] and "protocol 99" in refused["reason"]
        raw.close()
        raw = socket.create_connection((LOOPBACK, port), timeout=5)
        raw.sendall(json.dumps({"type": "hello", "protocol": 1, "version": "0.0.1", "name": "Old"}).encode() + b"\n")
        refused = json.loads(raw.makefile().readline())
        assert refused["code"] == "version" and GAME_VERSION in refused["reason"] and "0.0.1" in refused["reason"]
        raw.close()
        with pytest.raises(JoinError, match="password"):
            RemoteSession.join((LOOPBACK, port), "Lev", password="tango")
        with pytest.raises(JoinError, match="rejoin token"):
            RemoteSession.join((LOOPBACK, port), "Lev", password="swing", token="stolen")
        people = [RemoteSession.join((LOOPBACK, port), n, password="swing") for n in ("Lev", "Zoya")]
        with pytest.raises(JoinError, match="every seat is taken"):
            RemoteSession.join((LOOPBACK, port), "Gleb", password="swing")
        for p in people:
            p.leave()
    finally:
        thread.stop()
    with pytest.raises(JoinError, match="cannot connect"):
        RemoteSession.join((LOOPBACK, port), "Lev", timeout=3)


# ---------------------------------------------------------------- discovery


def test_parse_address():
    assert parse_address("192.168.1.5:4000", 1) == ("192.168.1.5", 4000)
    assert parse_address("myhost", 47630) == ("myhost", 47630)
    assert parse_address("[::1]:5000", 1) == ("::1", 5000)
    for bad in ("", ":80", "host:port", "host:70000"):
        with pytest.raises(ValueError):
            parse_address(bad, 1)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=3000), JSON_VALUES.map(lambda v: json.dumps(v).encode())))
def test_announcement_parser_rejects_junk(data):
    try:
        found = Announcement.model_validate_json(data)
    except ValueError:
        return
    assert 1 <= found.port <= 65535


def test_a_hosted_game_is_heard_on_loopback_and_junk_datagrams_are_ignored(tmp_path):
    listener = Listener((LOOPBACK, 0))
    level = short_level(tmp_path, "levels/skirmish/ligovka_nights.json", 5)
    from game.content.catalog import base_catalog
    from game.content.loader import load_level
    from game.net.hosting import ServerThread
    from game.session.host import HostConfig, HostSession

    host = HostSession(HostConfig("Friday night", seats=2, password="x"), load_level(level), base_catalog())
    thread = ServerThread(host, announce_to=(LOOPBACK, listener.port), address=LOOPBACK)
    port = thread.start()
    junk = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for datagram in (b"\xff" * 10, b"{}", b'{"game":"bone-music"}', b"x" * 4000):
        junk.sendto(datagram, (LOOPBACK, listener.port))
    try:
        end = time.monotonic() + 5
        while time.monotonic() < end and not listener.games():
            time.sleep(0.05)
        games = listener.games()
        assert len(games) == 1
        game = games[0]
        assert game.address == f"{LOOPBACK}:{port}"
        a = game.announcement
        assert (a.name, a.level, a.seats, a.players, a.password, a.phase, a.version, a.protocol) == (
            "Friday night", host.level.name, 2, 0, True, "lobby", GAME_VERSION, PROTOCOL_VERSION)
    finally:
        junk.close()
        thread.stop()
        listener.close()


def test_scavenge_orders_cross_the_wire_unchanged():
    orders = Orders(path=[(1, 2), (1, 3)], action=Scavenge())
    frame = SubmitOrders(turn=0, seat=0, orders=orders).model_dump_json().encode()
    assert parse_client(frame).orders == orders


def test_a_mod_level_arrives_with_its_scores_and_recordings_and_bad_recordings_are_refused(tmp_path):
    import base64

    from game.content.modset import playable_level
    from game.net.content import store_recordings
    from game.net.hosting import ServerThread
    from game.session.host import HostConfig, HostSession

    found = playable_level(ROOT / "mods" / "kolomna_nights" / "levels" / "kolomna_nights.json")
    config = HostConfig("mod night", seats=2, seed=1, music_dirs=[str(d) for d in found.music_dirs])
    thread = ServerThread(HostSession(config, found.level, found.catalog), address=LOOPBACK)
    port = thread.start()
    try:
        client = RemoteSession.join((LOOPBACK, port), "Lev", music_dir=tmp_path / "music")
        client.set_ready(True)
        assert client.wait(lambda: client.started, 10), client.closed
        folder = tmp_path / "music" / client.content_hash
        mod_music = found.music_dirs[0]
        assert (folder / "tape_waltz.wav").read_bytes() == (mod_music / "tape_waltz.wav").read_bytes()
        assert json.loads((folder / "kolomna_rumba.json").read_text()) == json.loads((mod_music / "kolomna_rumba.json").read_text())
        client.leave()
    finally:
        thread.stop()
    for bad, message in (({"wav": "not base64!"}, "not base64"),
                         ({"wav": base64.b64encode(b"RIFF0000WAVEjunk").decode()}, "not a PCM WAV")):
        with pytest.raises(ContentRefused, match=message):
            store_recordings({"bad_tape": bad}, tmp_path / "bad")
