"""The host's rules without sockets (`HostSession`, time passed in): seats, lobby, readiness, the timer, the grace
period and the AI taking a seat, rejoin tokens, stay-in orders, the journaled autosave and resuming."""

from __future__ import annotations

import json

import pytest

from game.core.commands import LieLow, Orders
from game.session.autosave import journal_path
from game.session.host import HostConfig, HostSession, JoinRefused, seats_path
from game.session.replay import read_game_file


def _host(tiny_level, catalog, save=None, **config) -> HostSession:
    defaults = dict(game_name="night", seats=3, min_humans=2, seed=4)
    return HostSession(HostConfig(**{**defaults, **config}), tiny_level, catalog, save)


def _playing(tiny_level, catalog, save=None, **config) -> tuple[HostSession, list[str]]:
    host = _host(tiny_level, catalog, save, **config)
    tokens = [host.hello(name, config.get("password", ""), "", "", 0.0).token for name in ("Lev", "Zoya")]
    for seat in (0, 1):
        host.set_lobby_ready(seat, True)
    assert host.start_refusal() is None
    host.start(0.0)
    return host, tokens


def test_lobby_seats_people_in_order_and_starts_only_when_everyone_is_ready(tiny_level, catalog):
    host = _host(tiny_level, catalog)
    assert [host.hello(n, "", "", "", 0.0).seat for n in ("Lev", "Lev", "Zoya")] == [0, 1, 2]
    assert [s.name for s in host.seats] == ["Lev", "Lev 2", "Zoya"]
    with pytest.raises(JoinRefused) as full:
        host.hello("Gleb", "", "", "", 0.0)
    assert full.value.code == "full"
    host.leave(1, 1.0)
    assert not host.seats[1].human and host.hello("Gleb", "", "", "", 1.0).seat == 1
    assert host.start_refusal() == "not ready yet: Lev, Gleb, Zoya"
    for seat in range(3):
        host.set_lobby_ready(seat, True)
    assert host.start_refusal() is None


def test_without_ai_fill_every_seat_needs_a_person(tiny_level, catalog):
    host = _host(tiny_level, catalog, ai_fill=False, min_humans=1)
    host.hello("Lev", "", "", "", 0.0)
    host.set_lobby_ready(0, True)
    assert "1 of 3 here" in host.start_refusal()


def test_password_and_tokens_are_checked(tiny_level, catalog):
    host, tokens = _playing(tiny_level, catalog, password="jazz")
    with pytest.raises(JoinRefused) as wrong:
        host.hello("Eve", "blues", "", "", 0.0)
    assert wrong.value.code == "password"
    with pytest.raises(JoinRefused) as bad:
        host.hello("Eve", "jazz", "not-a-token", "", 0.0)
    assert bad.value.code == "token"
    assert host.hello("anyone", "jazz", tokens[1], "", 0.0).seat == 1  # the token, not the name, holds the seat


def test_a_newcomer_mid_game_takes_a_seat_the_ai_played_and_then_the_table_is_full(tiny_level, catalog):
    host, _ = _playing(tiny_level, catalog)
    assert host.seats[2].ai and not host.seats[2].human
    joined = host.hello("Gleb", "", "", "", 0.0)
    assert joined.seat == 2 and host.seats[2].kind == "human"
    assert host.seats[2].name == host.session.state.players[2].name  # the bootlegger keeps the name
    with pytest.raises(JoinRefused) as late:
        host.hello("Vera", "", "", "", 0.0)
    assert late.value.code == "started"


def test_the_evening_resolves_when_every_present_person_is_ready_or_the_timer_ends(tiny_level, catalog):
    host, _ = _playing(tiny_level, catalog, turn_seconds=30.0)
    assert host.seconds_left(10.0) == 20.0
    assert not host.due(1.0)
    assert host.end_turn(0, 0) is None
    assert not host.due(1.0)
    assert host.submit(0, 0, Orders()) == "you said you were ready; wait for the others"
    assert host.submit(1, 5, Orders()) == "those orders are for evening 5; this is evening 0"
    assert host.end_turn(1, 0) is None and host.due(1.0)
    host.resolve(1.0)
    assert host.turn == 1 and not any(s.ready for s in host.seats)
    assert not host.due(30.0) and host.due(31.0)  # nobody moved: the timer decides


def test_a_person_who_sent_nothing_stays_in_and_the_engine_checks_what_was_sent(tiny_level, catalog):
    host, _ = _playing(tiny_level, catalog)
    assert "not next to" in host.submit(0, 0, Orders(path=[(0, 0)]))
    host.resolve(0.0)
    logged = host.session.file.turns[0].orders
    assert logged[0] == Orders(action=LieLow()) and logged[1] == Orders(action=LieLow())


def test_a_dropped_seat_holds_the_evening_for_the_grace_period_then_the_ai_plays_it(tiny_level, catalog):
    host, tokens = _playing(tiny_level, catalog, grace_seconds=10.0)
    host.leave(1, 100.0)
    host.end_turn(0, 0)
    assert not host.due(105.0)  # Zoya is away but may come back
    assert host.expire_grace(105.0) == []
    assert host.expire_grace(110.0) == [1] and host.seats[1].kind == "ai"
    assert host.due(110.0)
    expected = host.session.ai_orders(1)
    host.resolve(110.0)
    assert host.session.file.turns[0].orders[1] == expected
    back = host.hello("Zoya", "", tokens[1], "", 200.0)
    assert back.returned and back.seat == 1 and host.seats[1].kind == "human"
    host.end_turn(0, 1)
    assert not host.due(200.0)  # she is back: the evening waits for her again


def test_no_evening_resolves_while_nobody_is_connected(tiny_level, catalog):
    host, _ = _playing(tiny_level, catalog, turn_seconds=5.0, grace_seconds=0.0)
    host.leave(0, 1.0)
    host.leave(1, 1.0)
    host.expire_grace(1.0)
    assert not host.due(100.0)


def test_resume_recovers_journaled_turns_skips_a_torn_line_and_keeps_the_tokens(tiny_level, catalog, tmp_path):
    save = tmp_path / "night.json"
    host, tokens = _playing(tiny_level, catalog, save=save)
    for turn in range(3):
        host.submit(0, turn, Orders(stance="bribe"))
        host.resolve(float(turn))
    host.flush_save()
    complete = read_game_file(save)
    assert len(complete.turns) == 3
    assert json.loads(seats_path(save).read_text())["table"][0]["token_hash"] != tokens[0]  # never the token itself
    # a crash after the journal line but before the game file was rewritten: the file holds one turn
    short = complete.model_copy(update={"turns": complete.turns[:1]})
    save.write_text(short.model_dump_json())
    with open(journal_path(save), "a", encoding="utf-8") as journal:
        journal.write('{"turn": 3, "orders": {"0": {"pa')  # torn by the crash
    resumed = HostSession.resume(save, 50.0)
    assert resumed.turn == 3 and resumed.phase == "playing"
    assert resumed.session.state_hash == host.session.state_hash
    assert read_game_file(save).turns == complete.turns
    assert all(s.human and not s.connected for s in resumed.seats[:2]) and resumed.seats[2].ai
    assert resumed.hello("Lev", "", tokens[0], "", 51.0).seat == 0
    assert resumed.hello("Gleb", "", "", "", 51.0).seat == 2  # a newcomer gets the AI's seat, not Zoya's
