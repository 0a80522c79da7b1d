"""The engine's judgement of a campaign chapter (`game.core.objectives`) and its night of arrests
(`game.core.sweeps`), on the tiny test level made a chapter: each kind of objective met, kept or failed on the
right evening, won and lost chapters end the game, the view shows the objectives to the player only, and a
chapter's game replays to the same hash."""

from __future__ import annotations

import datetime as dt

import pytest

from game.content.models import Chapter, Event, Objective, Rival, Sweep
from game.core import objectives
from game.core.commands import Orders
from game.core.profile import CutProfile
from game.core.state import KOPECKS, OwnedMaster, Record
from game.session.session import LocalSession

START = dt.date(1955, 9, 1)


def chapter_level(tiny_level, *goals: Objective, rivals: int = 0, events: tuple[Event, ...] = (), **extra):
    spec = Chapter(objectives=list(goals), rivals=[Rival(name=f"Rival {i + 1}") for i in range(rivals)], **extra)
    return tiny_level.model_copy(update={"kind": "campaign", "chapter": spec,
                                         "events": [*tiny_level.events, *events]})


def session_of(level, catalog, players: int = 1) -> LocalSession:
    names = ["Lev", *(f"Rival {i}" for i in range(1, players))]
    return LocalSession(level, catalog, players, seed=5, humans=tuple(range(players)), names=names)


def evening(session: LocalSession) -> None:
    """One evening in which nobody does anything."""
    session.end_turn()


def status(session: LocalSession, index: int = 0):
    chapter = session.state.chapter
    assert chapter is not None
    return chapter.objectives[index]


def test_an_objective_to_achieve_is_met_the_evening_it_is_reached_and_stays_met(tiny_level, catalog):
    level = chapter_level(tiny_level, Objective(id="rich", kind="money", amount=200),
                          Objective(id="late", kind="reputation", amount=90, by=START + dt.timedelta(days=20)),
                          bankruptcy=False)
    session = session_of(level, catalog)
    evening(session)
    assert status(session).status == "open" and status(session).value == "150 rub of 200 rub"
    assert status(session).progress == pytest.approx(0.75)
    session.state.players[0].money = 250 * KOPECKS
    evening(session)
    assert status(session).status == "met" and status(session).turn == 2, "met after the second evening"
    assert not session.over, "one objective of two is not the chapter"
    session.state.players[0].money = 0
    evening(session)
    assert status(session).status == "met", "a met objective stays met"
    notes = [e.text for e in session.report(0).events if e.kind == "note"]
    assert not notes, "nothing new to say"


def test_all_required_objectives_met_win_the_chapter_and_end_the_game(tiny_level, catalog):
    level = chapter_level(tiny_level, Objective(id="films", kind="films", amount=2),
                          Objective(id="bonus", kind="reputation", amount=99, optional=True))
    session = session_of(level, catalog)
    evening(session)
    chapter = session.state.chapter
    assert chapter.result == "won" and session.over and session.state.winner == 0
    assert chapter.objectives[1].status == "open", "an optional objective stands as it was"
    notes = [e.text for e in session.report(0).events if e.kind == "note"]
    assert any("Objective met" in n for n in notes) and any("chapter is won" in n for n in notes)
    assert session.submit(0, Orders()) == "the game is over"


def test_an_objective_to_achieve_fails_once_its_date_has_passed(tiny_level, catalog):
    by = START + dt.timedelta(days=2)
    level = chapter_level(tiny_level, Objective(id="earn", kind="earned", amount=100, by=by))
    session = session_of(level, catalog)
    for _ in range(3):
        assert not session.over
        evening(session)
    assert session.state.date == by + dt.timedelta(days=1)
    assert status(session).status == "failed" and session.state.chapter.result == "lost"
    assert session.over and session.state.winner is None
    assert "Earn 100 rub from sales by 3 Sep 1955: failed" in session.state.chapter.reason


def test_heat_over_the_limit_fails_a_heat_objective_that_evening(tiny_level, catalog):
    level = chapter_level(tiny_level, Objective(id="cool", kind="heat_below", amount=30))
    session = session_of(level, catalog)
    session.state.players[0].heat = 36  # the evening's cooling (3) leaves 33
    evening(session)
    assert status(session).status == "failed" and session.state.chapter.result == "lost"


def test_heat_under_the_limit_to_the_last_day_meets_it(tiny_level, catalog):
    by = START + dt.timedelta(days=1)
    level = chapter_level(tiny_level, Objective(id="cool", kind="heat_below", amount=30, by=by))
    session = session_of(level, catalog)
    session.state.players[0].heat = 31
    evening(session)  # 28 after cooling
    assert status(session).status == "open"
    evening(session)
    assert status(session).status == "met" and session.state.chapter.result == "won"


def test_an_arrest_fails_stay_free(tiny_level, catalog):
    level = chapter_level(tiny_level, Objective(id="free", kind="stay_free"))
    session = session_of(level, catalog)
    evening(session)
    assert status(session).status == "open"
    session.state.players[0].arrests = 1
    evening(session)
    assert status(session).status == "failed" and session.over


def sweep_event(day: dt.date, heat: int = 30, sentence: int = 20) -> Event:
    return Event(id="arrests", date=day, title="Arrests", text="At night.", sweep=Sweep(heat=heat, sentence=sentence))


def test_a_sweep_takes_everyone_at_or_over_its_heat_and_nobody_under(tiny_level, catalog):
    day = START + dt.timedelta(days=1)
    level = chapter_level(tiny_level, Objective(id="free", kind="survive", by=day + dt.timedelta(days=1)),
                          rivals=2, events=(sweep_event(day, heat=30),))
    session = session_of(level, catalog, players=3)
    profile = CutProfile(film_kind="chest")
    for player, heat in zip(session.state.players, (32, 33, 60), strict=True):
        player.heat = heat
        player.records = [Record(100 + player.index, "la_cumparsita", "La Cumparsita", "tango", profile)]
        player.masters = [OwnedMaster("m_saints", "saints_go_marching", "Saints", "swing", 0.9),
                          OwnedMaster("m_cumparsita", "la_cumparsita", "Cumparsita", "tango", 0.8)]
    evening(session)  # heat cools by 3 (29, 30, 57); the sweep dated the next day falls in this night
    lev, one, two = session.state.players
    arrested = [e.player for e in session.last_report.events if e.kind == "arrested"]
    assert arrested == [1, 2], "30 is on the line, 29 is under it"
    assert lev.free and lev.records and len(lev.masters) == 2 and lev.arrests == 0 and lev.heat == 29
    assert not one.free and not two.free
    assert two.sentence == 20 and two.records == [] and len(two.masters) == 1 and two.heat == 40
    assert two.masters[0].master_id == "m_saints", "the best master stays hidden under the floorboards"
    assert two.stats.records_lost == 1 and two.arrests == 1 and two.reputation == lev.reputation - 5


def test_surviving_the_sweep_meets_the_objective_and_being_taken_loses_the_chapter(tiny_level, catalog):
    day = START + dt.timedelta(days=1)
    for heat, result in ((5, "won"), (50, "lost")):
        level = chapter_level(tiny_level, Objective(id="survive", kind="survive", by=day + dt.timedelta(days=1)),
                              events=(sweep_event(day, heat=30),))
        session = session_of(level, catalog)
        session.state.players[0].heat = heat
        while not session.over:
            evening(session)
        assert session.state.chapter.result == result
        assert session.state.turn == 3, "judged after the evening dated `by`"


def test_outsell_and_rank_are_judged_on_their_date(tiny_level, catalog):
    by = START + dt.timedelta(days=1)
    for mine, theirs, result in ((500, 400, "won"), (400, 500, "lost")):
        level = chapter_level(tiny_level, Objective(id="beat", kind="outsell", rival=1, by=by),
                              Objective(id="top", kind="rank", amount=1, by=by), rivals=1)
        session = session_of(level, catalog, players=2)
        session.state.players[0].stats.earned = mine * KOPECKS
        session.state.players[1].stats.earned = theirs * KOPECKS
        session.state.players[0].money = mine * KOPECKS  # the standings go by money
        session.state.players[1].money = theirs * KOPECKS
        evening(session)
        assert status(session).status == "open", "not judged before its date"
        evening(session)
        assert session.state.chapter.result == result
        assert status(session).value == f"you {mine} rub, Rival 1 {theirs} rub"


def test_no_master_no_records_and_too_little_money_is_bankruptcy(tiny_level, catalog):
    for bankruptcy, over in ((True, True), (False, False)):
        level = chapter_level(tiny_level, Objective(id="rich", kind="money", amount=500), bankruptcy=bankruptcy)
        session = session_of(level, catalog)
        session.state.players[0].money = 10 * KOPECKS  # the cheapest master here costs 15
        evening(session)
        assert session.over is over
        if over:
            assert "no master" in session.state.chapter.reason


def test_the_view_shows_the_objectives_to_the_player_only(tiny_level, catalog):
    level = chapter_level(tiny_level, Objective(id="rich", kind="money", amount=500), rivals=1)
    session = session_of(level, catalog, players=2)
    assert session.view(0).chapter is not None and session.view(0).chapter.objectives[0].text == "Have 500 rub"
    assert session.view(1).chapter is None
    restored = type(session.view(0)).model_validate_json(session.view(0).model_dump_json())
    assert restored.chapter == session.view(0).chapter, "a LAN client gets the same objectives"
    skirmish = LocalSession(tiny_level, catalog, 2, seed=5)
    assert skirmish.state.chapter is None and skirmish.view(0).chapter is None


def test_a_campaign_level_without_a_chapter_section_plays_to_finish_first(tiny_level, catalog):
    level = tiny_level.model_copy(update={"kind": "campaign"})
    session = session_of(level, catalog, players=2)
    assert [o.text for o in session.state.chapter.objectives] == ["Finish first"]
    assert objectives.chapter_of(tiny_level) is None


def test_a_chapter_with_a_sweep_replays_to_the_same_hash(tmp_path, tiny_level, catalog):
    from game.session.chapter_player import chapter_orders

    day = START + dt.timedelta(days=4)
    level = chapter_level(tiny_level, Objective(id="earn", kind="earned", amount=5000),
                          rivals=2, events=(sweep_event(day, heat=1, sentence=3),))
    level = level.model_copy(update={"start": level.start.model_copy(update={"heat": 30})})  # all on the list
    session = LocalSession(level, catalog, 3, seed=11, humans=(0,))
    for _ in range(8):
        session.submit(0, chapter_orders(session.world_for(0), session.view(0)))
        session.end_turn()
    assert any(not p.free for p in session.state.players) or any(p.arrests for p in session.state.players)
    path = tmp_path / "chapter.json"
    session.save(path)
    loaded = LocalSession.from_file(path)
    assert loaded.state_hash == session.state_hash
    assert loaded.state.chapter == session.state.chapter
