"""A client written from docs/PROTOCOL.md alone (sockets, json and hashlib; nothing from the game's code) plays a
whole game against a dedicated server process on 127.0.0.1, checking every view and the content hash the way
the page says, and ending on the host's final state hash."""

from __future__ import annotations

import hashlib
import json
import socket
import tomllib

from tests.test_net_support import ROOT, Proc, short_level, start_server

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def view_hash_of(line: str) -> str:
    """PROTOCOL.md, "Checking a view": the raw text after "view": up to the first ,"view_hash":" plus }."""
    start = line.index('"view":') + len('"view":')
    end = line.index(',"view_hash":"')
    return hashlib.blake2b((line[start:end] + "}").encode("utf-8"), digest_size=16).hexdigest()


def content_hash_of(message: dict) -> str:
    text = json.dumps([message["level"], message["catalog"], message["scores"], message["recordings"]], sort_keys=True,
                      separators=(",", ":"), ensure_ascii=False)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def test_a_stranger_client_plays_a_game_from_the_protocol_page(tmp_path):
    level = short_level(tmp_path, "levels/skirmish/ligovka_nights.json", 8)
    server, port = start_server(tmp_path, "--level", str(level), "--seats", "2", "--ai-fill", "--seed", "3",
                                "--save", str(tmp_path / "game.json"))
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    stream = sock.makefile("r", encoding="utf-8", newline="\n")

    def send(message: dict) -> None:
        sock.sendall(json.dumps(message).encode("utf-8") + b"\n")

    try:
        send({"type": "hello", "protocol": 1, "version": VERSION, "name": "Stranger"})
        seat, workshop, evenings, refused, last_report = None, None, 0, None, None
        for line in stream:
            message = json.loads(line)
            kind = message["type"]
            if kind == "welcome":
                seat = message["seat"]
            elif kind == "lobby":
                send({"type": "lobby_ready", "ready": True})
            elif kind == "game":
                assert content_hash_of(message) == message["content_hash"]
                assert message["level"]["patrols"] == []
                workshop = next(s for s in message["level"]["sites"] if s["kind"] == "workshop")
            elif kind == "turn":
                view = message["view"]
                assert view_hash_of(line) == view["view_hash"]
                last_report = message["report"] or last_report
                if view["over"]:
                    continue
                if evenings == 1:  # a walk into the river: the engine's reason comes back
                    send({"type": "orders", "turn": message["turn"], "seat": seat, "ref": 99,
                          "orders": {"path": [[0, 0]]}})
                at_home = view["player"]["pos"] == workshop["at"]
                orders = {"action": {"type": "lie_low"}} if at_home else {}
                send({"type": "orders", "turn": message["turn"], "seat": seat, "ref": evenings, "orders": orders})
                send({"type": "end_turn", "turn": message["turn"], "seat": seat})
                evenings += 1
            elif kind == "checked":
                assert message["ok"] or message["ref"] == 99, message
                if message["ref"] == 99:
                    refused = message["reason"]
            elif kind == "over":
                assert [s["player"] for s in message["standings"]].count(seat) == 1
                break
            else:
                assert kind in ("table", "seat", "said", "pong"), message
    finally:
        sock.close()
        assert server.finish(30) == 0
    assert evenings >= 8 and refused and "not next to" in refused
    assert last_report["state_hash"] == server.wait_line(r"final state ([0-9a-f]{32})").group(1)
    replay = Proc(tmp_path, "replay", str(tmp_path / "game.json"))
    assert replay.finish(60) == 0
    assert replay.wait_line(r"^hash ([0-9a-f]{32})$").group(1) == last_report["state_hash"]
