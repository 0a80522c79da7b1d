"""LAN games between real processes on 127.0.0.1: a dedicated server, `bot` clients, a dropped bot, a crashed
server resumed from its autosave. Hashes are compared between host, clients and an offline replay; never with
fixed values (the rules' numbers are still being tuned)."""

from __future__ import annotations

import json

from tests.test_net_support import Proc, bot_views, server_views, short_level, start_server

LEVEL = "levels/skirmish/vasilievsky_1953.json"


def _replay_hash(tmp, save) -> str:
    replay = Proc(tmp, "replay", str(save))
    assert replay.finish(60) == 0, replay.lines
    return replay.wait_line(r"^hash ([0-9a-f]{32})$").group(1)


def _bot(tmp, port: int, name: str, *extra: str) -> Proc:
    return Proc(tmp, "bot", f"127.0.0.1:{port}", "--name", name, "--timeout", "120", *extra)


def test_dedicated_server_three_bots_and_an_ai_seat_play_to_the_end(tmp_path):
    level = short_level(tmp_path, LEVEL, turns=12)
    save = tmp_path / "game.json"
    server, port = start_server(tmp_path, "--level", str(level), "--seats", "4", "--ai-fill", "--min-players", "3",
                                "--seed", "21", "--save", str(save))
    bots = [_bot(tmp_path, port, name) for name in ("Lev", "Zoya", "Gleb")]
    try:
        for bot in bots:
            assert bot.finish(90) == 0, bot.lines[-10:]
        assert server.finish(30) == 0
    finally:
        for p in (server, *bots):
            p.kill()
    start = server.wait_line(r"start: seed 21, seats: (.*);")
    assert start.group(1).count("(AI)") == 1  # three people and one AI seat
    final = server.wait_line(r"final state ([0-9a-f]{32})").group(1)
    hosted = server_views(server)
    played = len(json.loads(save.read_text())["turns"])
    assert played >= 12
    assert {turn for turn, _seat in hosted} == set(range(played + 1))  # the opening view and one per evening
    for bot in bots:
        seat = int(bot.wait_line(r"joined seat (\d)").group(1))
        received = bot_views(bot)
        assert received == {turn: digest for (turn, s), digest in hosted.items() if s == seat}
        assert not bot.matching("DESYNC")
        assert bot.wait_line(r"^hash ([0-9a-f]{32})$").group(1) == final
    assert _replay_hash(tmp_path, save) == final


def test_a_killed_bot_loses_its_seat_to_the_ai_after_the_grace_period_and_takes_it_back(tmp_path):
    level = short_level(tmp_path, LEVEL, turns=30)
    save = tmp_path / "game.json"
    server, port = start_server(tmp_path, "--level", str(level), "--seats", "3", "--ai-fill", "--min-players", "3",
                                "--seed", "5", "--grace-seconds", "1", "--save", str(save))
    token = tmp_path / "zoya.token"
    lev = _bot(tmp_path, port, "Lev", "--think", "0.05")
    gleb = _bot(tmp_path, port, "Gleb", "--think", "0.05")
    zoya = _bot(tmp_path, port, "Zoya", "--think", "0.05", "--token-file", str(token))
    again = None
    try:
        seat = int(zoya.wait_line(r"joined seat (\d)").group(1))
        zoya.wait_line(r"^turn 3 view")
        zoya.kill()  # SIGKILL: no goodbye
        server.wait_line(rf"left: Zoya \(seat {seat}\)")
        taken = server.wait_line(rf"ai: Zoya \(seat {seat}\)", 10)
        ai_line = server.lines.index(taken.string)
        server.wait_line(r"^\S+ turn \d+ ", after=ai_line)  # the game went on without her
        again = _bot(tmp_path, port, "Zoya", "--think", "0.05", "--token-file", str(token))
        assert int(again.wait_line(r"joined seat (\d)").group(1)) == seat
        server.wait_line(rf"rejoin: Zoya \(seat {seat}\)")
        for bot in (lev, gleb, again):
            assert bot.finish(90) == 0, bot.lines[-10:]
        assert server.finish(30) == 0
    finally:
        for p in (server, lev, gleb, zoya, *([again] if again else [])):
            p.kill()
    resumed_turns = [int(m.group(1)) for m in again.matching(r"^turn (\d+) view [0-9a-f]{32} ok$")]
    played = len(json.loads(save.read_text())["turns"])
    assert resumed_turns and 3 < resumed_turns[0] < played and resumed_turns[-1] == played  # back mid-game, to the end
    final = server.wait_line(r"final state ([0-9a-f]{32})").group(1)
    assert again.wait_line(r"^hash ([0-9a-f]{32})$").group(1) == final
    assert _replay_hash(tmp_path, save) == final


def test_a_server_killed_mid_game_resumes_from_its_autosave_and_the_bots_rejoin(tmp_path):
    level = short_level(tmp_path, LEVEL, turns=24)
    save = tmp_path / "game.json"
    server, port = start_server(tmp_path, "--level", str(level), "--seats", "2", "--seed", "9", "--save", str(save))
    bots = [_bot(tmp_path, port, name, "--think", "0.05", "--reconnect", "30", "--token-file",
                 str(tmp_path / f"{name}.token")) for name in ("Lev", "Zoya")]
    resumed = None
    try:
        server.wait_line(r" turn 6 ")
        server.kill()  # SIGKILL mid-game
        announced = max(int(m.group(1)) for m in server.matching(r" turn (\d+) \d{4}-\d\d-\d\d: resolved"))
        before = json.loads(save.read_text())["turns"]
        assert len(before) >= announced + 1  # every evening a player saw resolved was saved first
        resumed, again = start_server(tmp_path, "--resume", str(save), port=port)
        assert again == port
        resumed.wait_line(rf"resumed: .* at turn {len(before)} ")
        for name in ("Lev", "Zoya"):
            resumed.wait_line(rf"rejoin: {name} ")
        for bot in bots:
            assert bot.finish(90) == 0, bot.lines[-10:]
        assert resumed.finish(30) == 0
    finally:
        for p in (server, *bots, *([resumed] if resumed else [])):
            p.kill()
    after = json.loads(save.read_text())["turns"]
    assert after[: len(before)] == before and len(after) >= 24  # nothing completed was lost or replayed differently
    final = resumed.wait_line(r"final state ([0-9a-f]{32})").group(1)
    for bot in bots:
        assert bot.matching("connection closed")  # it did see the crash
        assert bot.wait_line(r"^hash ([0-9a-f]{32})$").group(1) == final
    assert _replay_hash(tmp_path, save) == final
