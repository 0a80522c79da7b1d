"""The simulation's rules one by one: commands and their refusals, formulas, movement, sight."""

from __future__ import annotations

import pytest

from game.core.commands import (
    BuyMaster,
    CutRecords,
    Inform,
    InstallPart,
    Orders,
    Scavenge,
    SellRecords,
)
from game.core.encounter import Encounter
from game.core.hashing import state_hash
from game.core.lathe import PartInstance
from game.core.market import price_at_demand, taste_factor
from game.core.presets import preset_profile
from game.core.resolve import resolve_turn
from game.core.rng import Streams
from game.core.setup import new_game
from game.core.state import KOPECKS, OwnedMaster, Record


@pytest.fixture
def game(tiny_level, catalog):
    return new_game(tiny_level, catalog, 2, seed=5)


def test_path_through_a_building_is_refused_and_changes_nothing(game):
    world, state = game
    me = state.players[0]
    before = state_hash(state)
    orders = Orders(path=[(1, 0), (1, 1)])  # (1, 1) is a building
    reason = orders.check(world, state, me)
    assert reason is not None and "building" in reason and "step 2" in reason
    assert state_hash(state) == before


def test_path_must_be_contiguous_and_within_the_allowance(game):
    world, state = game
    me = state.players[0]
    assert "not next to" in Orders(path=[(2, 0)]).check(world, state, me)
    long_walk = [(x, 0) for x in range(1, 10)]
    assert "you can walk 8" in Orders(path=long_walk).check(world, state, me)


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        (Scavenge(), "no hospital"),
        (BuyMaster(master="m_saints"), "no contact"),
        (SellRecords(records=[1]), "no buyer"),
        (Inform(target=1), "no militia station"),
    ],
)
def test_actions_refused_in_the_wrong_place(game, action, expected):
    world, state = game
    before = state_hash(state)
    reason = Orders(action=action).check(world, state, state.players[0])
    assert reason is not None and expected in reason
    assert state_hash(state) == before


def test_cutting_needs_the_workshop_films_and_a_source(game):
    world, state = game
    me = state.players[0]
    assert "choose one source" in CutRecords(films={"chest": 1}).check(world, state, me, me.pos)
    assert "not 5" in CutRecords(films={"chest": 5}, master="m_saints").check(world, state, me, me.pos)
    assert "do not have that master" in CutRecords(films={"chest": 1}, master="m_saints").check(world, state, me, me.pos)
    assert "workshop" in CutRecords(films={"chest": 1}, master="m_saints").check(world, state, me, (4, 4))


def test_buying_a_master_costs_its_price_and_refuses_when_poor(game):
    world, state = game
    me = state.players[0]
    sailor = (9, 6)
    assert BuyMaster(master="m_saints").check(world, state, me, sailor) is None
    me.money = 10 * KOPECKS
    assert "costs 60 rub" in BuyMaster(master="m_saints").check(world, state, me, sailor)
    me.money = 100 * KOPECKS
    me.pos = sailor
    BuyMaster(master="m_saints").apply(world, state, Streams(1, {}), me)
    assert me.money == 40 * KOPECKS and [m.master_id for m in me.masters] == ["m_saints"]
    assert "already have" in BuyMaster(master="m_saints").check(world, state, me, sailor)


def test_cutting_makes_records_wears_parts_and_uses_films(game):
    world, state = game
    me = state.players[0]
    me.pos, me.money = (9, 6), 100 * KOPECKS
    BuyMaster(master="m_saints").apply(world, state, Streams(1, {}), me)
    me.pos = (0, 0)
    cut = CutRecords(films={"chest": 2}, master="m_saints")
    assert cut.check(world, state, me, me.pos) is None
    cut.apply(world, state, Streams(1, {}), me)
    assert len(me.records) == 2 and me.films["chest"] == 0
    assert [r.id for r in me.records] == [1, 2] and state.next_record_id == 3
    assert me.lathe["cutter"].condition == pytest.approx(1.0 - 2 * world.parts["sewing_needle"].wear_per_cut)
    assert me.records[0].profile.film_kind == "chest" and me.records[0].profile.generation == 1


def test_a_copy_of_a_copy_is_worse_and_wears_its_source(game):
    world, state = game
    me = state.players[0]
    me.pos, me.money = (9, 6), 100 * KOPECKS
    BuyMaster(master="m_saints").apply(world, state, Streams(1, {}), me)
    me.pos = (0, 0)
    me.films = {"chest": 4}
    CutRecords(films={"chest": 1}, master="m_saints").apply(world, state, Streams(1, {}), me)
    original = me.records[0]
    CutRecords(films={"chest": 2}, record=original.id).apply(world, state, Streams(1, {}), me)
    copy_ = me.records[-1]
    assert copy_.profile.generation == 2 and copy_.profile.parent is not None
    assert copy_.quality < original.quality
    assert original.plays == 2


def test_installing_a_better_part_swaps_it_with_the_old_one(game):
    world, state = game
    me = state.players[0]
    me.spares = [PartInstance("sapphire_stylus")]
    InstallPart(spare=0).apply(world, state, Streams(1, {}), me)
    assert me.lathe["cutter"].part_id == "sapphire_stylus"
    assert [p.part_id for p in me.spares] == ["sewing_needle"]


def test_price_formula_and_demand_memory(game):
    world, state = game
    # dance hall: taste 0.45 by default, so the quality factor is (0.7 - 0.6 x 0.45) + (1.0 + 2.5 x 0.45) x q
    demand = state.sites["dance_hall"].demand_for("swing")
    expected = round(18 * 100 * 1.3 * demand * ((0.7 - 0.6 * 0.45) + (1.0 + 2.5 * 0.45) * 0.5) * (0.8 + 0.4 * 0.5))
    assert price_at_demand(world, "dance_hall", "swing", demand, 0.5, 50) == expected
    good = price_at_demand(world, "dance_hall", "swing", demand, 0.7, 50)
    bad = price_at_demand(world, "dance_hall", "swing", demand, 0.1, 50)
    assert good > 2 * bad
    me = state.players[0]
    me.pos, me.money = (9, 6), 100 * KOPECKS
    BuyMaster(master="m_saints").apply(world, state, Streams(1, {}), me)
    me.pos = (0, 0)
    me.films = {"chest": 3}
    CutRecords(films={"chest": 3}, master="m_saints").apply(world, state, Streams(1, {}), me)
    me.pos = (15, 6)
    before = state.sites["dance_hall"].demand["swing"]
    SellRecords(records=[1, 2, 3]).apply(world, state, Streams(1, {}), me)
    assert state.sites["dance_hall"].demand["swing"] == pytest.approx(before * 0.92**3)
    assert not me.records


def test_price_follows_quality_over_the_whole_range_and_more_so_for_connoisseurs():
    for taste in (0.2, 0.45, 0.75):
        prices = [taste_factor(taste, q / 10) for q in range(11)]
        assert all(b > a for a, b in zip(prices, prices[1:], strict=False))
    junk, clean = 0.1, 0.85
    street = taste_factor(0.2, clean) / taste_factor(0.2, junk)
    connoisseur = taste_factor(0.75, clean) / taste_factor(0.75, junk)
    assert street > 1.8 and connoisseur > 3.5 > street


def test_encounter_formulas():
    calm = Encounter("militia", heat=0, load=2, in_cover=False, pressure=1.0, money=10_000, stance="run")
    hot = Encounter("militia", heat=80, load=2, in_cover=False, pressure=1.0, money=10_000, stance="run")
    assert calm.slip_chance() == pytest.approx(0.6 - 0.02)
    assert hot.slip_chance() < calm.slip_chance()
    covered = Encounter("militia", 0, 2, True, 1.0, 10_000, "run")
    assert covered.slip_chance() == pytest.approx(calm.slip_chance() + 0.2)
    assert calm.bribe_asked() == (3 + 2 + 0) * 100
    assert hot.bribe_asked() == (3 + 2 + 20) * 100
    assert hot.arrest_chance(failed_attempt=True) == pytest.approx(0.1 + 80 / 150 + 0.02 + 0.15)
    komsomol = Encounter("komsomol", 90, 10, False, 1.0, 0, "surrender")
    assert komsomol.arrest_chance(True) == 0.0
    assert calm.sentence() == 3 and hot.sentence() == 3 + 0 + 4
    assert Encounter("militia", 0, 9.6, False, 1.0, 0, "run").sentence() == 3 + 2
    poor = Encounter("militia", 0, 2, False, 1.0, 300, "surrender")
    assert poor.fine() == 300


def test_refused_orders_in_a_turn_become_staying_put(game):
    world, state = game
    report = resolve_turn(world, state, {0: Orders(path=[(1, 0), (1, 1)])})
    assert state.players[0].pos == (0, 0)
    assert any(e.kind == "refused" and e.player == 0 for e in report.events)


def test_sight_is_blocked_by_buildings_and_halved_in_courtyards(game):
    world, _ = game
    city = world.city
    assert city.can_see((0, 0), (0, 4), 5)
    assert not city.can_see((0, 2), (2, 2), 5)  # a building between
    assert city.is_cover((2, 2))
    assert not city.can_see((2, 0), (2, 2), 3.9)  # into the courtyard: radius halved, and walls


def test_informer_is_spotted_close_up_and_raises_heat_when_it_notices(tiny_level, catalog):
    noticed = 0
    for seed in range(30):
        world, state = new_game(tiny_level, catalog, 1, seed=seed)
        me = state.players[0]
        me.heat = 60  # a known face: the notice roll is likely, not certain
        me.records = [Record(1, "saints_go_marching", "Saints", "swing", preset_profile("gramophone"))]
        state.next_record_id = 2
        report = resolve_turn(world, state, {0: Orders(path=[(x, 0) for x in range(1, 8)])})
        kinds = [e.kind for e in report.events]
        assert "informer_spotted" in kinds and "informer_1" in me.known_informers
        if "watched" in kinds:
            noticed += 1
            assert me.heat == 60 + 8 - 3
        else:
            assert me.heat == 60 - 3
    assert 10 < noticed < 30  # notice chance (0.08 + 60/120 + 0.02) = 0.6


def test_a_record_copied_to_its_last_play_wears_out(game):
    world, state = game
    me = state.players[0]
    me.masters = []
    me.records = [Record(1, "saints_go_marching", "Saints", "swing", preset_profile("gramophone"))]
    me.records[0].plays = me.records[0].profile.max_plays - 1
    state.next_record_id = 2
    me.films = {"chest": 2}
    assert "wear out" in CutRecords(films={"chest": 2}, record=1).check(world, state, me, me.pos)
    message = CutRecords(films={"chest": 1}, record=1).apply(world, state, Streams(1, {}), me)
    assert "worn out" in message
    assert [r.id for r in me.records] == [2]


def test_previews_match_what_the_orders_then_do(tiny_level, catalog):
    from game.core.preview import cut_preview, plan_path, sale_preview
    from game.core.view import player_view

    world, state = new_game(tiny_level, catalog, 1, seed=8)
    me = state.players[0]
    me.masters = [OwnedMaster("m_saints", "saints_go_marching", "Saints", "swing", 0.9)]
    me.films = {"chest": 3}
    predicted = cut_preview(world, player_view(world, state, 0), "chest", master="m_saints", count=3)
    CutRecords(films={"chest": 3}, master="m_saints").apply(world, state, Streams(1, {}), me)
    assert me.records[0].quality == pytest.approx(predicted.grade)
    assert me.records[0].profile == predicted.profile
    assert [r.quality for r in me.records] == pytest.approx(list(predicted.grades))
    assert predicted.grades[0] > predicted.grades[-1]  # the needle wears as it cuts
    me.pos = (15, 6)
    view = player_view(world, state, 0)
    listed = [r.id for r in reversed(me.records)]  # not inventory order: the sale follows the list
    expected = sale_preview(world, view, "dance_hall", listed)
    money, reputation, heat = me.money, me.reputation, me.heat
    SellRecords(records=listed).apply(world, state, Streams(1, {}), me)
    assert me.money - money == expected.total > 0
    assert me.reputation - reputation == expected.outcome.reputation
    assert me.heat - heat == expected.outcome.heat > 0
    now, later = plan_path(world, player_view(world, state, 0), (0, 11))
    assert len(now) == 8 and now[-1] != (0, 11) and later[-1] == (0, 11)
