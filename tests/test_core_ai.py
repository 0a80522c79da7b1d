"""The AI plays by the rules and plays well enough: it earns money in most seeds, beats doing nothing, and
every shipped level runs to its end under AI play."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.loader import load_level
from game.session.session import LocalSession

from .conftest import ROOT

SMALL = ROOT / "levels" / "skirmish" / "ligovka_nights.json"
SHIPPED = sorted((ROOT / "levels" / "skirmish").glob("*.json"))


def _play(level, catalog, seed: int, turns: int, humans=()) -> LocalSession:
    session = LocalSession(level, catalog, 2, seed, humans=humans)
    for _ in range(turns):
        if session.over:
            break
        session.end_turn()
    return session


def test_ai_ends_a_60_turn_skirmish_richer_in_most_seeds(catalog):
    level = load_level(SMALL)
    start = level.start.money * 100
    finals = [p.money for seed in range(1, 9) for p in _play(level, catalog, seed, 60).state.players]
    richer = sum(money > start for money in finals)
    assert richer >= 0.6 * len(finals), f"only {richer}/{len(finals)} AI bootleggers earned money: {finals}"


def test_doing_nothing_does_worse_than_the_ai(catalog):
    level = load_level(SMALL)
    idle, ai_money = [], []
    for seed in range(1, 7):
        session = _play(level, catalog, seed, 60, humans=(0,))  # seat 0 never gives orders
        idle.append(session.state.players[0].money)
        ai_money.append(session.state.players[1].money)
    assert all(m == level.start.money * 100 for m in idle)
    assert sum(ai_money) / len(ai_money) > level.start.money * 100
    assert sum(a > i for a, i in zip(ai_money, idle, strict=True)) >= 4


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: Path(p).stem)
def test_every_shipped_level_plays_to_the_end(catalog, path):
    level = load_level(path)
    session = LocalSession(level, catalog, level.players[1], seed=3)
    for _ in range(400):
        if session.over:
            break
        session.end_turn()
    assert session.over
    assert len(session.standings()) == level.players[1]
    sold = sum(1 for t in session.file.turns for o in t.orders.values()
               if o.action is not None and o.action.type == "sell_records")
    assert sold > 0, "nobody ever sold a record"


@pytest.mark.parametrize("name", ["vasilievsky_1953", "leningrad_1957"])
def test_ai_earns_a_living_on_the_bigger_maps_too(catalog, name):
    level = load_level(ROOT / "levels" / "skirmish" / f"{name}.json")
    seats = level.players[1]
    finals = []
    for seed in range(1, 6):
        session = LocalSession(level, catalog, seats, seed)
        for _ in range(60):
            session.end_turn()
        finals += [p.money for p in session.state.players]
    richer = sum(m > level.start.money * 100 for m in finals)
    assert richer >= 0.55 * len(finals), f"{name}: only {richer}/{len(finals)} AI seats earned money"
