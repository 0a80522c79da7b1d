"""The strategy's rules one by one: informing needs evidence and has a price, raids leave a way back, lying low is
staying in, patrols never stop anyone from beyond a bootlegger's own sight, trades, a stop on the way, errands,
early victory and ties, fair and hidden starts, and the bugs the strategy issue found."""

from __future__ import annotations

import datetime as dt

import pytest

from game.content.loader import load_level
from game.core import informing
from game.core.commands import (
    BuyMaster,
    CutRecords,
    Inform,
    LieLow,
    Offer,
    Orders,
    Scavenge,
    SellRecords,
    Stop,
)
from game.core.fairness import start_warnings
from game.core.hashing import state_hash
from game.core.presets import preset_profile
from game.core.preview import actions_at, sale_preview
from game.core.raids import raid
from game.core.resolve import resolve_turn
from game.core.rng import Streams
from game.core.setup import new_game
from game.core.standings import standings
from game.core.state import KOPECKS, Evidence, OwnedMaster, Record
from game.core.view import player_view
from game.session.session import LocalSession

from .conftest import ROOT

STATION = (5, 10)
HOSPITAL = (4, 4)
SKIRMISH = sorted((ROOT / "levels" / "skirmish").glob("*.json"))


@pytest.fixture
def game(tiny_level, catalog):
    return new_game(tiny_level, catalog, 2, seed=5)


def _record(i: int, genre: str = "swing", preset: str = "gramophone") -> Record:
    return Record(i, "saints_go_marching", "Saints", genre, preset_profile(preset))


# ------------------------------------------------------------------ informing


def test_informing_needs_evidence_the_informer_saw(game):
    world, state = game
    me = state.players[0]
    reason = Inform(target=1).check(world, state, me, STATION)
    assert reason is not None and "nothing on" in reason
    me.evidence = [Evidence(1, "carrying", turn=0)]
    assert Inform(target=1).check(world, state, me, STATION) is None
    state.turn = informing.EVIDENCE_TURNS + 1  # a street sighting goes stale
    assert "nothing on" in Inform(target=1).check(world, state, me, STATION)
    me.evidence = [Evidence(1, "workshop", turn=0)]  # an address does not
    assert Inform(target=1).check(world, state, me, STATION) is None


def test_informing_costs_money_has_a_cooldown_and_the_victim_learns_of_it(game):
    world, state = game
    me, rival = state.players
    me.evidence = [Evidence(1, "carrying", turn=0)]
    me.pos = STATION
    report = resolve_turn(world, state, {0: Orders(action=Inform(target=1))})
    assert me.money == 150 * KOPECKS - informing.INFORM_COST
    assert me.evidence == []  # a street sighting is used up
    assert any(e.player == 1 and "militia" in e.text for e in report.events), "the victim is told"
    assert rival.stats.denounced == 1 and me.stats.informs == 1
    me.evidence = [Evidence(1, "workshop", turn=0)]
    assert "wait" in Inform(target=1).check(world, state, me, STATION)
    me.money = 0
    state.turn = me.inform_cooldown[1]
    assert "costs" in Inform(target=1).check(world, state, me, STATION)


def test_informing_is_a_gamble_believed_disbelieved_or_found_out(tiny_level, catalog):
    outcomes = {"believed": 0, "disbelieved": 0, "found_out": 0}
    for seed in range(60):
        world, state = new_game(tiny_level, catalog, 2, seed=seed)
        me, rival = state.players
        me.heat = 30
        me.evidence = [Evidence(1, "carrying", turn=0)]
        me.pos = STATION
        text = Inform(target=1).apply(world, state, Streams(seed, {}), me)
        if rival.heat >= informing.INFORM_HEAT:
            outcomes["believed"] += 1
        else:
            outcomes["disbelieved"] += 1
            assert me.heat == 30 + informing.DISBELIEF_HEAT and "did not believe" in text
        if me.reputation < 10:
            outcomes["found_out"] += 1
            assert me.index in rival.grudges
    p = informing.believe_chance(30, Evidence(1, "carrying", 0))
    assert 0.5 * p * 60 < outcomes["believed"] < 1.5 * p * 60
    assert outcomes["disbelieved"] > 5 and outcomes["found_out"] > 5


def test_a_believed_address_brings_a_raid_that_keeps_one_master_hidden(game):
    world, state = game
    me, rival = state.players
    rival.masters = [OwnedMaster("m_saints", "saints", "Saints", "swing", 0.9),
                     OwnedMaster("m_radio_blues", "blues", "Blues", "jazz", 0.45)]
    rival.films = {"chest": 5}
    rival.money = 20 * KOPECKS
    taken = raid(rival)
    assert [m.master_id for m in rival.masters] == ["m_saints"], "the best master stays under the floorboards"
    assert rival.films == {"chest": 0} and "stayed hidden" in taken
    assert rival.money == 10 * KOPECKS, "the fine is at most half the money in the house"
    rival.pos = HOSPITAL  # and the way back: films from any archive, the lathe and the hidden master
    assert Scavenge().check(world, state, rival, HOSPITAL) is None


def test_evidence_is_seen_with_ones_own_eyes(game):
    world, state = game
    me, rival = state.players
    rival.records = [_record(1)]
    rival.pos = (4, 0)  # four tiles along the open street from seat 0's workshop at (0, 0)
    resolve_turn(world, state, {})
    assert any(e.target == 1 and e.kind == "carrying" for e in me.evidence)
    assert not any(e.target == 0 and e.kind == "carrying" for e in rival.evidence), "seat 0 carried nothing"


# ------------------------------------------------------------------ risk


def test_lying_low_means_staying_in_at_the_workshop(game):
    world, state = game
    me = state.players[0]
    assert Orders(path=[(1, 0)], action=LieLow()).check(world, state, me) is not None
    there_and_back = Orders(path=[(1, 0), (0, 0)], action=LieLow())
    assert "staying in" in there_and_back.check(world, state, me)
    me.pos = HOSPITAL
    assert "own workshop" in Orders(action=LieLow()).check(world, state, me)
    me.pos, me.heat = (0, 0), 50
    resolve_turn(world, state, {0: Orders(action=LieLow())})
    assert me.heat == 50 - 12


def test_no_patrol_stops_anyone_from_beyond_a_bootleggers_own_sight(tiny_level, catalog):
    stopped = 0
    for seed in range(40):
        world, state = new_game(tiny_level, catalog, 1, seed=seed)
        state.patrol_pressure = 2.0  # sight 3 x 2 = 6 would reach, but only up to the view radius
        me = state.players[0]
        me.heat = 90
        me.records = [_record(i) for i in range(1, 20)]
        state.next_record_id = 20
        me.pos = (15, 4)
        world.patrol_specs["militia_1"] = world.patrol_specs["militia_1"].model_copy(update={"sight": 5})
        world.routes["militia_1"] = [(15, 11)]  # it stands 7 tiles down the open street: in line, beyond 6
        state.patrols = [p for p in state.patrols if p.id == "militia_1"]
        state.patrols[0].pos, state.patrols[0].route_index = (15, 11), 0
        assert world.city.can_see((15, 11), (15, 4), 10)
        report = resolve_turn(world, state, {})
        stopped += any(e.kind in ("confiscated", "arrested", "bribed", "slipped") for e in report.events)
    assert stopped == 0


def test_genre_risk_weighs_the_load(catalog):
    from game.core.encounter import contraband_load

    genres = {g.id: g for g in catalog.genres}
    tango = [_record(i, "tango") for i in range(10)]
    emigre = [_record(i, "emigre") for i in range(10)]
    assert contraband_load(emigre, genres) > 2 * contraband_load(tango, genres)


# ------------------------------------------------------------------ quality, selling, errands


def test_a_connoisseur_refuses_junk_and_a_sale_moves_reputation_by_quality(tiny_level, catalog):
    level = tiny_level.model_copy(update={"sites": [
        s.model_copy(update={"min_quality": 0.3, "taste": 0.9}) if s.id == "dance_hall" else s
        for s in tiny_level.sites]})
    world, state = new_game(level, catalog, 1, seed=1)
    me = state.players[0]
    me.pos = (15, 6)
    me.records = [_record(1), _record(2, preset="telefunken")]
    state.next_record_id = 3
    assert "will not take" in SellRecords(records=[1, 2]).check(world, state, me, me.pos)
    view = player_view(world, state, 0)
    preview = sale_preview(world, view, "dance_hall", [2])
    assert preview.outcome.reputation > 0
    reputation = me.reputation
    SellRecords(records=[2]).apply(world, state, Streams(1, {}), me)
    assert me.reputation == reputation + preview.outcome.reputation
    market = sale_preview(world, player_view(world, state, 0), "haymarket", [1])
    assert market.outcome.reputation <= 0, "junk sold as junk at a street market costs little or nothing"


def test_selling_all_takes_the_most_valuable_first_up_to_the_limit(game):
    world, state = game
    me = state.players[0]
    me.pos = (15, 6)
    me.records = [_record(1, "tango"), _record(2, "swing", "telefunken"), _record(3, "jazz")]
    state.next_record_id = 4
    order = SellRecords(records="all", limit=1)
    assert order.check(world, state, me, me.pos) is None
    order.apply(world, state, Streams(1, {}), me)
    assert sorted(r.id for r in me.records) == [1, 3], "the clean swing record went first"


def test_an_errand_pays_its_bonus_to_the_first_who_delivers(game):
    from game.core.state import Errand

    world, state = game
    me = state.players[0]
    state.errands = [Errand(1, "dance_hall", "swing", 2, 0.0, bonus=500, reputation=3, expires=10)]
    me.pos = (15, 6)
    me.records = [_record(1), _record(2)]
    state.next_record_id = 3
    view = player_view(world, state, 0)
    preview = sale_preview(world, view, "dance_hall", [1, 2])
    money = me.money
    SellRecords(records=[1, 2]).apply(world, state, Streams(1, {}), me)
    assert me.money - money == preview.total == preview.outcome.total + 500
    assert state.errands == [] and me.stats.errands == 1


# ------------------------------------------------------------------ fuller evenings


def test_a_stop_on_the_way_then_the_evenings_action(tiny_level, catalog):
    world, state = new_game(tiny_level, catalog, 1, seed=2)
    me = state.players[0]
    me.masters = [OwnedMaster("m_saints", "saints_go_marching", "Saints", "swing", 0.9)]
    me.films = {}
    me.pos = HOSPITAL
    path = world.city.path(HOSPITAL, (0, 0))
    orders = Orders(path=path, stop=Stop(at=0, action=Scavenge()),
                    action=CutRecords(films={"chest": 1}, master="m_saints"))
    before = state_hash(state)
    assert orders.check(world, state, me) is None, "the cut is checked as it will be after the scavenge"
    assert state_hash(state) == before
    report = resolve_turn(world, state, {0: orders})
    kinds = [e.text for e in report.events if e.player == 0 and e.kind == "action"]
    assert len(kinds) == 2 and "carried off" in kinds[0] and "cut 1 record" in kinds[1]
    twice = Orders(stop=Stop(at=0, action=CutRecords(films={"chest": 1}, master="m_saints")),
                   action=CutRecords(films={"chest": 1}, master="m_saints"))
    assert "one cutting session" in twice.check(world, state, me)


def test_trade_moves_records_and_money_and_leaves_evidence_both_ways(tiny_level, catalog):
    session = LocalSession(tiny_level, catalog, 2, seed=3, humans=(0, 1))
    seller, buyer = session.state.players
    seller.records = [_record(1), _record(2)]
    session.state.next_record_id = 3
    assert session.submit(0, Orders(offers=[Offer(to=1, records=[7], price=100)])) is not None
    assert session.submit(0, Orders(offers=[Offer(to=1, records=[1, 2], price=30 * KOPECKS)])) is None
    session.end_turn()
    offer = session.view(1).offers[0]
    assert [r.id for r in offer.records] == [1, 2] and offer.buyer == 1
    money = (seller.money, buyer.money)
    assert session.submit(1, Orders(accept=[offer.id])) is None
    session.end_turn()
    assert [r.id for r in buyer.records] == [1, 2] and seller.records == []
    assert (seller.money, buyer.money) == (money[0] + 30 * KOPECKS, money[1] - 30 * KOPECKS)
    assert any(e.target == 0 for e in buyer.evidence) and any(e.target == 1 for e in seller.evidence)
    assert "no offer" in Orders(accept=[offer.id]).check(session.engine_world, session.state, buyer)


def test_a_master_changes_hands_as_a_dub(tiny_level, catalog):
    session = LocalSession(tiny_level, catalog, 2, seed=3, humans=(0, 1))
    seller, buyer = session.state.players
    seller.masters = [OwnedMaster("m_saints", "saints_go_marching", "Saints", "swing", 0.9)]
    session.submit(0, Orders(offers=[Offer(to=1, master="m_saints", price=0)]))
    session.end_turn()
    session.submit(1, Orders(accept=[session.view(1).offers[0].id]))
    session.end_turn()
    assert [m.master_id for m in seller.masters] == ["m_saints"]
    assert buyer.masters[0].source_quality == pytest.approx(0.9 * 0.9)


# ------------------------------------------------------------------ bugs found


def test_an_event_on_the_start_date_is_applied_once(tiny_level, catalog):
    event = tiny_level.events[0].model_copy(update={"date": tiny_level.calendar.start})
    level = tiny_level.model_copy(update={"events": [event]})
    world, state = new_game(level, catalog, 1, seed=1)
    once = state.sites["haymarket"].base_demand["jazz"]
    assert once == pytest.approx(1.2 * 1.5)
    resolve_turn(world, state, {})
    assert state.sites["haymarket"].base_demand["jazz"] == pytest.approx(once)


def test_an_event_fires_on_its_date_and_not_before(tiny_level, catalog):
    world, state = new_game(tiny_level, catalog, 1, seed=1)
    voa = next(e for e in tiny_level.events if e.id == "voa")
    while state.date < voa.date - dt.timedelta(days=1):
        resolve_turn(world, state, {})
    assert state.sites["haymarket"].base_demand["jazz"] == pytest.approx(1.2)
    resolve_turn(world, state, {})
    assert state.date == voa.date and state.sites["haymarket"].base_demand["jazz"] == pytest.approx(1.8)


def test_masters_released_by_events_can_be_bought_by_a_person(tiny_level, catalog):
    world, state = new_game(tiny_level, catalog, 1, seed=1)
    state.masters_on_offer.append("m_radio_blues")
    sailor = (9, 6)
    site = world.site_at(sailor)
    world.sites["sailor"] = site.model_copy(update={"masters": ["m_saints"]})
    world.sites_by_tile[sailor] = world.sites["sailor"]
    view = player_view(world, state, 0)
    assert "m_radio_blues" in view.masters_for_sale["sailor"]
    offered = [a.master for a in actions_at(world, view, sailor) if isinstance(a, BuyMaster)]
    assert "m_radio_blues" in offered
    assert BuyMaster(master="m_radio_blues").check(world, state, state.players[0], sailor) is None


def test_the_view_does_not_reveal_sales_at_sites_out_of_sight(tiny_level, catalog):
    world, state = new_game(tiny_level, catalog, 2, seed=1)
    rival = state.players[1]
    rival.pos = (12, 10)
    rival.records = [_record(1)]
    state.next_record_id = 2
    public = player_view(world, state, 0).demand["haymarket"]
    SellRecords(records=[1]).apply(world, state, Streams(1, {}), rival)
    assert player_view(world, state, 0).demand["haymarket"] == public, "seat 0 cannot see the Haymarket"
    assert player_view(world, state, 1).demand["haymarket"]["swing"] < public["swing"], "the seller can"


def test_the_watched_event_does_not_name_an_informer_nobody_spotted(tiny_level, catalog):
    for seed in range(40):
        world, state = new_game(tiny_level, catalog, 1, seed=seed)
        me = state.players[0]
        me.heat, me.records = 80, [_record(i) for i in range(1, 9)]
        state.next_record_id = 9
        informer = next(p for p in state.patrols if p.kind == "informer")
        me.pos = (informer.pos[0] - 3, informer.pos[1])  # in its sight, too far to spot it
        report = resolve_turn(world, state, {})
        for event in report.events:
            if event.kind == "watched":
                assert event.patrol is None and event.pos == me.pos
                return
    pytest.fail("the informer never noticed anyone")


# ------------------------------------------------------------------ ending and standings


def test_reaching_the_target_money_ends_the_game_and_ranks_first(tiny_level, catalog):
    level = tiny_level.model_copy(update={"victory": tiny_level.victory.model_copy(update={"target_money": 200})})
    world, state = new_game(level, catalog, 2, seed=1)
    state.players[1].money = 500 * KOPECKS
    state.players[0].money = 210 * KOPECKS
    resolve_turn(world, state, {})
    assert state.over and state.winner == 1
    assert [s.player for s in standings(world, state)][0] == 1


def test_records_of_quality_is_a_goal(tiny_level, catalog):
    level = tiny_level.model_copy(update={"victory": tiny_level.victory.model_copy(
        update={"records_of_quality": (2, 0.05)})})
    world, state = new_game(level, catalog, 2, seed=1)
    me = state.players[1]
    me.pos = (15, 0)
    me.masters = [OwnedMaster("m_saints", "saints_go_marching", "Saints", "swing", 0.9)]
    me.films = {"chest": 2}
    resolve_turn(world, state, {1: Orders(action=CutRecords(films={"chest": 2}, master="m_saints"))})
    assert state.over and state.winner == 1


def test_equal_money_is_an_equal_rank_and_coop_is_one_team(tiny_level, catalog):
    world, state = new_game(tiny_level, catalog, 3, seed=1)
    ranks = [s.rank for s in standings(world, state)]
    assert ranks == [1, 1, 1]
    state.players[2].money += 1
    assert [(s.player, s.rank) for s in standings(world, state)] == [(2, 1), (0, 2), (1, 2)]
    coop = tiny_level.model_copy(update={"victory": tiny_level.victory.model_copy(update={"mode": "coop"})})
    world, state = new_game(coop, catalog, 3, seed=1)
    state.players[2].money += 500
    assert {s.rank for s in standings(world, state)} == {1}


# ------------------------------------------------------------------ starts


def test_workshops_are_dealt_by_the_seed_and_hidden_from_rivals(catalog):
    level = load_level(ROOT / "levels" / "skirmish" / "vasilievsky_1953.json")
    first = {new_game(level, catalog, 2, seed=s)[1].players[0].workshop for s in range(1, 12)}
    assert len(first) >= 3, "seat 0 does not always get the same workshop"
    session = LocalSession(level, catalog, 2, seed=1)
    public = session.world_for(0)
    assert [s.id for s in public.level.sites if s.kind == "workshop"] == [session.state.players[0].workshop]


def test_campaign_levels_can_deal_workshops_in_order(tiny_level, catalog):
    assert tiny_level.rules.workshops == "in_order"
    assert [p.workshop for p in new_game(tiny_level, catalog, 3, seed=9)[1].players] == ["ws_a", "ws_b", "ws_c"]


@pytest.mark.parametrize("path", SKIRMISH, ids=lambda p: p.stem)
def test_shipped_levels_have_fair_starts(path, catalog):
    assert start_warnings(load_level(path), catalog) == []


def test_an_unfair_level_gets_a_warning(catalog):
    level = load_level(ROOT / "levels" / "skirmish" / "ligovka_nights.json")
    near = [s.model_copy(update={"at": (6, 11)}) if s.id == "ws_attic" else s for s in level.sites]  # by the fence
    warnings = start_warnings(level.model_copy(update={"sites": near}), catalog)
    assert warnings and "unfair starts" in warnings[0]


def test_what_a_player_believes_refuses_what_the_engine_refuses(catalog):
    """The engine's checks run on a state built from the view alone agree with the real state on every action the
    menu offers, everywhere on the map (the knowledge a LAN client checks its orders with)."""
    from game.core.knowledge import refusal

    level = load_level(ROOT / "levels" / "skirmish" / "ligovka_nights.json")
    session = LocalSession(level, catalog, 2, seed=6)
    for _ in range(25):
        session.end_turn()
    me = session.state.players[0]
    me.masters.append(OwnedMaster("m_saints", "saints_go_marching", "Saints", "swing", 0.8))
    me.films["chest"] = 4
    me.records.append(_record(900))
    session._views = {}
    world, view = session.world, session.view(0)
    checked = 0
    for site in world.level.sites:
        tile = (site.at[0], site.at[1])
        for action in actions_at(world, view, tile) + [BuyMaster(master=m) for m in world.masters]:
            real = action.check(session.engine_world, session.state, me, tile)
            if site.kind == "hospital" and site.id not in view.hospital_stock:
                continue  # stock out of sight is assumed there
            assert (refusal(world, view, action, tile) is None) == (real is None), (site.id, action, real)
            checked += 1
    assert checked > 20
