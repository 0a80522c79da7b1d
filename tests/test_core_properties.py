"""Invariants of the simulation under random orders (hypothesis): money never negative, heat and reputation in
0-100, nobody inside a wall, records appear only by cutting and leave only by selling, confiscation or wear,
refused orders change nothing, and the fog of war never shows a hidden unit."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.core.commands import (
    BuyMaster,
    BuyPart,
    CutRecords,
    Inform,
    InstallPart,
    LieLow,
    Orders,
    Scavenge,
    SellPart,
    SellRecords,
)
from game.core.hashing import state_hash
from game.core.rng import Streams
from game.core.state import OwnedMaster
from game.core.view import VIEW_RADIUS, player_view, report_for
from game.session.session import LocalSession

STEPS = [(0, -1), (1, 0), (0, 1), (-1, 0)]
LOSS_KINDS = {"confiscated", "arrested", "raid"}

actions = st.one_of(
    st.none(),
    st.just(Scavenge()),
    st.builds(BuyMaster, master=st.sampled_from(["m_saints", "m_cumparsita", "m_radio_blues", "nope"])),
    st.builds(BuyPart, part=st.sampled_from(["sapphire_stylus", "punched_hole", "cutting_head"])),
    st.builds(SellPart, spare=st.integers(0, 3)),
    st.builds(SellRecords, records=st.lists(st.integers(1, 30), min_size=1, max_size=6)),
    st.builds(CutRecords, films=st.dictionaries(st.sampled_from(["chest", "hand", "skull"]), st.integers(1, 4),
                                                min_size=1, max_size=2),
              master=st.sampled_from(["m_saints", "m_radio_blues", None]), record=st.none()),
    st.builds(CutRecords, films=st.just({"chest": 1}), record=st.integers(1, 8)),
    st.builds(InstallPart, spare=st.integers(0, 2)),
    st.just(LieLow()),
    st.builds(Inform, target=st.integers(0, 2)),
)


@st.composite
def orders_for(draw, start):
    path = []
    here = start
    for _ in range(draw(st.integers(0, 9))):
        dx, dy = draw(st.sampled_from(STEPS))
        here = (here[0] + dx, here[1] + dy)
        path.append(here)
    return Orders(path=path, action=draw(actions), stance=draw(st.sampled_from(["run", "bribe", "surrender"])))


def _check_invariants(session: LocalSession) -> None:
    world, state = session.world, session.state
    for p in state.players:
        assert p.money >= 0
        assert 0 <= p.heat <= 100 and 0 <= p.reputation <= 100
        assert world.city.is_walkable(p.pos)
        assert all(n >= 0 for n in p.films.values())
    for patrol in state.patrols:
        assert world.city.is_walkable(patrol.pos)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), seed=st.integers(0, 2**32))
def test_invariants_under_random_orders(tiny_level, catalog, data, seed):
    session = LocalSession(tiny_level, catalog, 3, seed, humans=(0, 1))
    world, state = session.world, session.state
    for p in state.players[:2]:
        # a kit that exercises every rule: a master at home, films, records in the pocket (cut the real way),
        # one record nearly worn out, and anywhere from no money to plenty
        p.money = data.draw(st.integers(0, 400 * 100))
        p.masters = [OwnedMaster("m_saints", "saints_go_marching", "Saints", "swing", 0.9)]
        p.films = {"chest": 8, "hand": 2}
        CutRecords(films={"chest": 4}, master="m_saints").apply(world, state, Streams(seed, {}), p)
        p.records[0].plays = p.records[0].profile.max_plays - 1
    for _ in range(data.draw(st.integers(3, 10))):
        before_ids = {p.index: {r.id for r in p.records} for p in session.state.players}
        next_id = session.state.next_record_id
        submitted: dict[int, Orders] = {}
        for index in (0, 1):
            orders = data.draw(orders_for(session.state.players[index].pos))
            before = state_hash(session.state)
            reason = session.submit(index, orders)
            assert state_hash(session.state) == before, "checking orders changed the state"
            if reason is None:
                submitted[index] = orders
            else:
                assert isinstance(reason, str) and reason
        report = session.end_turn()
        _check_invariants(session)
        created = set(range(next_id, session.state.next_record_id))
        for p in session.state.players:
            after = {r.id for r in p.records}
            gained = after - before_ids[p.index]
            assert gained <= created, "a record appeared without being cut"
            lost = before_ids[p.index] - after
            if not lost:
                continue
            kinds = {e.kind for e in report.events if e.player == p.index}
            if kinds & LOSS_KINDS:
                continue
            order = session.file.turns[-1].orders[p.index]
            action = order.action
            sold = set(action.records) if isinstance(action, SellRecords) else set()
            worn = {action.record} if isinstance(action, CutRecords) and action.record is not None else set()
            assert lost <= sold | worn, f"records {lost - sold - worn} vanished"


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 2**32), turns=st.integers(1, 12))
def test_fog_of_war_never_shows_a_hidden_unit(tiny_level, catalog, seed, turns):
    session = LocalSession(tiny_level, catalog, 3, seed)
    for _ in range(turns):
        report = session.end_turn()
    world, state = session.world, session.state
    for index in range(3):
        me = state.players[index]
        view = player_view(world, state, index)
        for unit in view.units:
            assert unit.pos in view.visible
            dx, dy = unit.pos[0] - me.pos[0], unit.pos[1] - me.pos[1]
            assert dx * dx + dy * dy <= VIEW_RADIUS * VIEW_RADIUS
            if unit.kind == "informer":
                assert unit.id in me.known_informers
        filtered = report_for(world, state, report, index)
        assert all(e.player in (None, index) for e in filtered.events)
        for step in filtered.steps:
            own = step.get(f"p{index}")
            for uid, pos in step.items():
                if uid == f"p{index}":
                    continue
                assert own is not None
                assert world.city.can_see(own, pos, VIEW_RADIUS) or pos == own
                if world.patrol_specs.get(uid) and world.patrol_specs[uid].kind == "informer":
                    assert uid in me.known_informers
