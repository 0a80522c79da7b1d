"""The strategy rules of issue 7 from the game window, driven by posted mouse and key events under SDL's dummy
drivers: a black-market trade made in seat 0's window and accepted in seat 1's (money, records and a dub move), an
offer that lapses, a stop on the way (added on the map, shown, undone, resolved; a refused evening explained),
sell the best N with an errand delivered, the militia panel's evidence and reasons, a denunciation in the
victim's paper, the skirmish difficulty reaching the session and the save list, Help's ways to win and lose."""

from __future__ import annotations

import copy
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import pytest

from game.core.commands import BuyPart, Inform, InstallPart, Offer, Orders, SellRecords, Stop
from game.core.informing import believe_chance, fresh_evidence
from game.core.lathe import cut_profile, preset_lathe
from game.core.market import price_at_demand, taste
from game.core.profile import quality_grade
from game.core.raids import RAID_FINE
from game.core.resolve import LIE_LOW_DECAY
from game.core.state import KOPECKS, Errand
from game.core.trade import DUB_QUALITY
from game.ui.files import saves
from game.ui.frame.app import App
from game.ui.play.action_menu import ActionMenu
from game.ui.play.game_view import GameViewScene
from game.ui.play.stops import stop_actions
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.dialog import Dialog
from game.ui.scenes.help import HelpScene, rule_sections
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.panels import open_site_panel
from game.ui.scenes.report import ReportScene
from game.ui.scenes.skirmish import SkirmishSetupScene
from game.ui.scenes.trade import TradeScene
from game.ui.scenes.turn_report import articles_for
from tests.support.driver import click
from tests.support.equipped import equipped_session
from tests.support.trading import new_master, offer_from_seat_1, two_seat_session


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    a = App(size=(1280, 720), fullscreen=False, save_settings=False)
    a.settings.first_run = False
    pygame.event.clear()
    a.push(MenuScene())
    a.run_frames(1)
    yield a
    pygame.event.clear()



def type_text(app: App, text: str) -> None:
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    app.run_frames(1)


def open_game(app: App, session, seat: int) -> GameViewScene:
    game = GameViewScene(session, seat, show_intro=False)
    app.push(game)
    app.run_frames(2)
    return game


def play_evening(app: App, game: GameViewScene) -> ReportScene:
    """End Turn by mouse, skip the playback, answer dialogs; return the paper (still open)."""
    click(app, game.end_button.rect.center, frames=1)
    for _ in range(300):
        top = app.top
        if isinstance(top, ReportScene):
            return top
        if isinstance(top, Dialog):
            click(app, top.buttons[0].rect.center, frames=1)
        elif top is game:
            click(app, game.map.rect.center, frames=3)
        else:
            raise AssertionError(f"unexpected scene {top}")
    raise AssertionError("the evening never ended")


def article(paper: ReportScene, headline: str) -> str:
    return next((a.body for a in paper.articles if a.headline == headline), "")


def click_tile(app: App, game: GameViewScene, tile: tuple[int, int]) -> None:
    game.map.centre_on(tile)
    app.run_frames(1)
    click(app, game.map.to_screen(tile))


def menu_button(app: App, starts: str):
    menu = app.top
    assert isinstance(menu, ActionMenu), type(menu)
    return next(b for item, b in zip(menu.items, menu.buttons(), strict=True) if item[0].startswith(starts))


# ---------------------------------------------------------------- the black market
def test_a_trade_made_in_one_window_is_accepted_in_the_other(app):
    session = two_seat_session()
    seller, buyer = session.state.players[0], session.state.players[1]
    dub = new_master(session, seller=0, buyer=1)
    records = [r.id for r in seller.records[:2]]
    money = (seller.money, buyer.money)
    # seat 0's window: the Black market, two records and a dub for 30 rub
    game = open_game(app, session, 0)
    click(app, game.trade_button.rect.center)
    scene = app.top
    assert isinstance(scene, TradeScene)
    assert not scene.add_button.enabled and "something to trade" in scene.add_reason.text
    for i in (0, 1):
        click(app, scene.records_list.row_rect(i).center)
    while scene.master_choice.value != dub:
        click(app, scene.master_choice._arrows()[1].center, frames=1)
    click(app, scene.price_input.rect.center)
    type_text(app, "30")
    assert "evidence" in scene.add_reason.text  # records and a master leave evidence on both sides
    click(app, scene.add_button.rect.center)
    offer = Offer(to=1, records=records, master=dub, price=30 * KOPECKS)
    assert scene.offers == [offer] and len(scene.tonight_list.rows) == 1
    click(app, scene.done_button.rect.center)
    assert app.top is game and game.plan.offers == (offer,)
    assert session.pending[0].offers == [offer]  # submitted with tonight's orders, checked by the engine
    assert any(text.startswith("Trade: 1 offer made") for text, _r, _c in game._orders_lines()[0])
    paper = play_evening(app, game)
    assert "You offered" in article(paper, "On the black market")
    click(app, paper.next_button.rect.center)
    assert game.plan.offers == ()  # an offer is for one evening
    app.pop()
    # seat 1's window: the offer is waiting, with what it is worth; accept it
    other = open_game(app, session, 1)
    assert "1 offer to you" in other.trade_button.label
    click(app, other.trade_button.rect.center)
    scene = app.top
    assert isinstance(scene, TradeScene) and len(scene.incoming) == 1
    detail = scene.offer_detail.text
    assert f"{DUB_QUALITY:.0%}" in detail and "quality" in detail and "Trust has a price" in detail
    before_seller = copy.deepcopy(session.view(0))
    click(app, scene.accept_button.rect.center)
    filed = scene.incoming[0].id
    assert scene.accept == [filed] and scene.accept_button.label == "Don't accept"
    click(app, scene.done_button.rect.center)
    assert session.pending[1].accept == [filed]
    paper = play_evening(app, other)
    assert "You bought" in article(paper, "On the black market")
    # money, records and the dub moved; each side now holds evidence on the other
    assert seller.money == money[0] + 30 * KOPECKS and buyer.money == money[1] - 30 * KOPECKS
    assert {r.id for r in buyer.records} >= set(records) and not {r.id for r in seller.records} & set(records)
    bought = next(m for m in buyer.masters if m.master_id == dub)
    kept = next(m for m in seller.masters if m.master_id == dub)
    assert bought.source_quality == pytest.approx(kept.source_quality * DUB_QUALITY)
    assert fresh_evidence(session.state.turn, seller, 1) is not None and fresh_evidence(session.state.turn, buyer, 0)
    # the seller's paper tells them the offer was taken
    seller_paper = articles_for(session.world, session.report(0), session.view(0), 0, before=before_seller)
    black_market = next(a.body for a in seller_paper if a.headline == "On the black market")
    assert "took your offer" in black_market


def test_an_offer_nobody_takes_lapses_and_the_paper_says_so():
    session = two_seat_session()
    before = copy.deepcopy(session.view(0))
    offer = offer_from_seat_1(session)
    mine = [a for a in articles_for(session.world, session.report(0), session.view(0), 0, before=before)
            if a.headline == "On the black market"]
    assert mine and "Open the Black market" in mine[0].body and "45.00 rub" in mine[0].body
    before_1 = copy.deepcopy(session.view(1))
    session.submit(0, Orders())  # seat 0 ignores it
    session.end_turn()
    told = next(a.body for a in articles_for(session.world, session.report(1), session.view(1), 1, before=before_1)
                if a.headline == "On the black market")
    assert "Nothing came of your offer" in told and "lapsed" in told
    assert all(r in {x.id for x in session.state.players[1].records} for r in offer.records)


# ---------------------------------------------------------------- a stop on the way
def test_a_stop_on_the_way_is_added_on_the_map_shown_undone_and_resolved(app):
    session = equipped_session(turns=1)
    me = session.state.players[0]
    spare = me.spares[0].part_id
    game = open_game(app, session, 0)
    market = next(s for s in session.world.level.sites if s.kind == "market")
    click_tile(app, game, (market.at[0], market.at[1]))
    click(app, menu_button(app, "Just walk").rect.center)
    start = me.pos
    click_tile(app, game, start)  # the workshop, where the walk starts: a stop before setting out
    assert app.top.title.startswith("On tonight's walk")
    click(app, menu_button(app, "On the way: Install").rect.center)
    assert game.plan.orders().stop == Stop(at=0, action=InstallPart(spare=0))
    assert session.pending[0].stop == Stop(at=0, action=InstallPart(spare=0))
    lines = [text for text, _r, _c in game._orders_lines()[0]]
    assert any(text.startswith("Stop: Install") for text in lines)
    click(app, game.undo_button.rect.center)
    assert game.plan.stop_tile is None and session.pending[0].stop is None
    click_tile(app, game, start)
    click(app, menu_button(app, "On the way: Install").rect.center)
    paper = play_evening(app, game)
    assert "You installed" in " ".join(a.body for a in paper.articles)
    assert me.lathe[session.world.parts[spare].slot].part_id == spare
    assert me.pos != start  # and walked on
    click(app, paper.next_button.rect.center)
    assert game.plan.stop_tile is None  # done


def test_the_evening_is_judged_after_the_stop_and_the_reason_is_shown(app):
    session = equipped_session(turns=1)
    world, me = session.engine_world, session.state.players[0]
    radio, station = world.sites["radio_ham"], world.sites["station"]
    me.pos = (radio.at[0], radio.at[1])
    dear = max(radio.parts, key=lambda p: world.parts[p].price)
    me.money = world.parts[dear].price * KOPECKS + 5 * KOPECKS  # after the part, 5 rub: less than informing costs
    session._views = {}
    game = open_game(app, session, 0)
    click_tile(app, game, (station.at[0], station.at[1]))
    click(app, menu_button(app, "Just walk").rect.center)
    click_tile(app, game, me.pos)
    click(app, menu_button(app, f"Stop at {radio.name}").rect.center)  # the contact's panel, as a stop
    panel = app.top
    index = panel.part_ids.index(dear)
    click(app, panel.parts_list.row_rect(index).center)
    assert panel.buy_part_button.enabled  # affordable on its own
    click(app, panel.buy_part_button.rect.center)
    assert app.top is game and game.plan.stop_action == BuyPart(part=dear)
    click(app, game.action_button.rect.center)  # the action at the end of the walk: judged after the stop
    click(app, menu_button(app, "Inform on").rect.center)
    assert game.plan.refusal == Orders(path=game.plan.tonight, action=Inform(target=1),
                                       stop=Stop(at=0, action=BuyPart(part=dear))).check(world, session.state, me)
    assert "costs 10 rub" in game.plan.refusal
    assert any(text.startswith("Refused:") for text, _r, _c in game._orders_lines()[0])
    # the militia panel, opened for the end of the walk, judges from the view after the stop
    game.open_site("station")
    panel = app.top
    assert not panel.inform_button.enabled and "costs 10 rub" in panel.inform_button.reason


def test_stop_menu_disables_what_the_engine_refuses(app):
    session = equipped_session(turns=1)
    world, me = session.engine_world, session.state.players[0]
    radio, station = world.sites["radio_ham"], world.sites["station"]
    me.pos = (radio.at[0], radio.at[1])
    me.money = 5 * KOPECKS
    session._views = {}
    game = open_game(app, session, 0)
    click_tile(app, game, (station.at[0], station.at[1]))
    click(app, menu_button(app, "Just walk").rect.center)
    click_tile(app, game, me.pos)
    first = stop_actions(session.world, session.view(0), me.pos)[0]
    reason = first.check(world, session.state, me, me.pos)  # the engine's own check, on its own state
    button = menu_button(app, "On the way: Buy")
    assert not button.enabled and reason and f"Not possible: {reason}" in button.tooltip


# ---------------------------------------------------------------- selling and errands
def test_sell_the_best_n_and_an_errand_delivered(app):
    session = equipped_session(turns=1)
    view = session.view(0)
    site_id = next(s for s in view.demand if sum(view.demand[s].get(r.genre, 0) > 0 for r in view.player.records) >= 3)
    genre = max({r.genre for r in view.player.records if view.demand[site_id].get(r.genre, 0) > 0},
                key=lambda g: sum(r.genre == g for r in view.player.records))
    errand = Errand(99, site_id, genre, 2, 0.0, bonus=1234, reputation=3, expires=session.state.turn + 5)
    session.state.errands.append(errand)
    session._views = {}
    got = []
    panel = open_site_panel(app, session, 0, site_id, got.append)
    app.run_frames(2)
    assert "12.34 rub" in " ".join(str(getattr(w, "text", "")) for w in panel.widgets)
    while panel.best_n != 2:
        click(app, panel.best_stepper._arrows()[0 if panel.best_n > 2 else 1].center, frames=1)
    ranked = [r.id for r in SellRecords(records="all").chosen(session.engine_world, session.state,
                                                              session.state.players[0], session.engine_world.sites[site_id])]
    assert set(panel.selected_ids()) == set(ranked[:2])  # the best two are ticked to show which
    delivers = "delivers the errand" in panel.errand_label.text
    click(app, panel.best_button.rect.center)
    assert got == [SellRecords(records="all", limit=2)]
    me = session.state.players[0]
    site = session.engine_world.sites[site_id]
    me.pos = (site.at[0], site.at[1])  # stand at the buyer
    assert session.submit(0, Orders(action=got[0])) is None
    before = len(me.records)
    session.end_turn()
    sold = [e.text for e in session.report(0).events if e.kind == "action"]
    assert len(me.records) == before - 2 and "sold 2 records" in sold[0]
    assert not {r.id for r in me.records} & set(ranked[:2])  # the engine sold the two the panel showed
    assert ("errand is done" in sold[0]) == delivers


def test_a_new_errand_is_in_the_paper_and_on_the_map(app):
    session = equipped_session(turns=1)
    before = copy.deepcopy(session.view(0))
    site = next(s for s in session.world.level.sites if s.kind == "market")
    genre = sorted(site.demand)[0]
    session.state.errands.append(Errand(77, site.id, genre, 4, 0.3, bonus=4000, reputation=3,
                                        expires=session.state.turn + 8))
    session._views = {}
    view = session.view(0)
    paper = articles_for(session.world, session.report(0), view, 0, before=before)
    wanted = next(a for a in paper if a.kicker == "Wanted")
    assert "40.00 rub" in wanted.body and "4 " in wanted.body and site.name in wanted.body
    game = open_game(app, session, 0)
    assert (site.at[0], site.at[1]) in game._errand_tiles()
    assert "★" in game._map_tip((site.at[0], site.at[1])) and "40.00 rub" in game._map_tip((site.at[0], site.at[1]))


# ---------------------------------------------------------------- informing
def test_militia_panel_lists_evidence_odds_and_reasons(app):
    session = equipped_session(turns=1)
    me = session.state.players[0]
    panel = open_site_panel(app, session, 0, "station", lambda a: None)
    app.run_frames(1)
    assert panel.rivals_list.rows[0][1] == "workshop" and panel.rivals_list.rows[0][3] == "yes"
    evidence = fresh_evidence(session.state.turn, me, 1)
    assert f"{believe_chance(me.heat, evidence):.0%}" in panel.odds.text
    assert panel.inform_button.enabled
    app.pop()
    me.inform_cooldown[1] = session.state.turn + 4
    session._views = {}
    panel = open_site_panel(app, session, 0, "station", lambda a: None)
    assert panel.rivals_list.rows[0][2].startswith("wait 4") and panel.rivals_list.rows[0][3] == "✕ no"
    assert not panel.inform_button.enabled and "wait 4 evenings" in panel.inform_button.reason
    app.pop()
    me.evidence, me.inform_cooldown = [], {}
    session._views = {}
    panel = open_site_panel(app, session, 0, "station", lambda a: None)
    assert panel.rivals_list.rows[0][1] == "none" and "nothing on" in panel.inform_button.reason


def test_the_victim_reads_about_the_denunciation_in_the_paper():
    session = two_seat_session()
    world, state = session.engine_world, session.state
    informer = state.players[1]
    station = world.sites["station"]
    informer.pos = (station.at[0], station.at[1])
    informer.evidence = [e for e in informer.evidence if e.target != 0]
    from game.core import informing

    informing.record_sighting(state, informer, 0, "carrying")
    session._views = {}
    before = copy.deepcopy(session.view(0))
    assert session.submit(1, Orders(action=Inform(target=0))) is None
    session.end_turn()
    paper = articles_for(session.world, session.report(0), session.view(0), 0, before=before)
    named = next(a for a in paper if a.headline == "Your name was given to the militia")
    assert named.kind == "danger" and "militia" in named.body and "Lying low" in named.body
    if 1 in state.players[0].grudges:  # word got out: the paper names them
        assert named.body.startswith(informer.name) or f"it was {informer.name}" in named.body
    else:
        assert "Nobody says who" in named.body


# ---------------------------------------------------------------- skirmish set-up, saves, Help
def test_skirmish_difficulty_reaches_the_session_and_the_save_list(app):
    app.push(SkirmishSetupScene())
    scene = app.top
    app.run_frames(1)
    index = next(i for i, (p, _lvl) in enumerate(scene.levels) if p.name == "ligovka_nights.json")
    click(app, scene.list.row_rect(index).center)
    click(app, scene.difficulty_choice._arrows()[1].center)
    assert scene.difficulty == "hard" and "errands" in scene.difficulty_words.text
    click(app, scene.start_button.rect.center)
    assert isinstance(app.top, BriefingScene)
    game = next(s for s in app.scenes if isinstance(s, GameViewScene))
    assert game.session.difficulty[1] == "hard"
    saves.save(game.session, "slot1")
    assert saves.read_info("slot1").difficulty == "hard"
    loaded, _seat = saves.load(saves.slot_path("slot1"))
    assert loaded.difficulty[1] == "hard"


def test_help_names_three_ways_to_win_and_ways_to_lose_with_the_engines_numbers(app):
    session = equipped_session(turns=0, equip=False)
    world = session.world
    sections = dict(rule_sections(world))
    win, lose = sections["Ways to win"], sections["Ways to lose"]
    assert all(f"{n}. " in win for n in (1, 2, 3))
    # the quality example, priced here by the engine's own functions
    preset = next(p for p in world.catalog.presets if p.id == "workshop")
    offered = [m for s in world.level.sites if s.kind == "contact" for m in s.masters]
    master = world.masters[max(offered, key=lambda m: (world.masters[m].source_quality, m))]
    grade = quality_grade(cut_profile(preset_lathe(preset.parts), world.parts, world.films["chest"],
                                      master.source_quality))
    connoisseur = max(world.buyers(), key=lambda s: (taste(s), s.id))
    price = price_at_demand(world, connoisseur.id, master.genre, 1.0, grade, world.level.start.reputation)
    assert f"{price // 100}.{price % 100:02d} rub" in win and connoisseur.name in win
    assert f"cools {LIE_LOW_DECAY}" in win and f"{DUB_QUALITY:.0%}" in win
    assert f"{RAID_FINE // 100}.00 rub" in lose and "Informing that backfires" in lose
    assert str(world.level.rules.raid_heat) in lose
    app.push(HelpScene(world))
    app.run_frames(1)
    assert [t for t, _ in app.top.sections][:2] == ["Ways to win", "Ways to lose"]
    app.resize((1024, 576))  # the smallest window: the whole of each still shows (smaller type), none clipped
    app.run_frames(1)
    for index in (0, 1):
        app.top.select(index)
        assert not app.top.text.clipped
    for title in ("A stop on the way", "Black market", "Errands"):
        assert title in sections


def test_a_rival_workshop_you_have_seen_is_drawn_and_explained(app):
    session = equipped_session(turns=1)  # seat 0 knows seat 1's workshop
    view = session.view(0)
    assert view.rival_workshops and view.rival_workshops[0].id not in session.world.sites
    game = open_game(app, session, 0)
    app.render()
    site = view.rival_workshops[0]
    assert "rival's workshop" in game._map_tip((site.at[0], site.at[1]))


def test_a_stop_in_the_middle_of_the_walk(app):
    session = equipped_session(turns=1)
    world, me = session.engine_world, session.state.players[0]
    hospital, fence = world.sites["hospital"], world.sites["fence"]
    full = [me.pos, *world.city.path(me.pos, (hospital.at[0], hospital.at[1]))]
    at_fence = full.index((fence.at[0], fence.at[1]))
    me.pos = full[at_fence - 3]  # three tiles before the fence
    session._views = {}
    game = open_game(app, session, 0)
    click_tile(app, game, (hospital.at[0], hospital.at[1]))
    click(app, menu_button(app, "Just walk").rect.center)
    click_tile(app, game, (fence.at[0], fence.at[1]))
    assert app.top.title == f"On tonight's walk: {fence.name}"
    part = world.parts[me.spares[0].part_id].name
    click(app, menu_button(app, f"On the way: Sell spare {part}").rect.center)
    assert session.pending[0].stop is not None and session.pending[0].stop.at == 3
    assert game._orders_lines()[0][3][1] == "after 3 tiles"
    home = world.sites[me.workshop]
    game.plan_to((home.at[0], home.at[1]), menu=False)  # a walk the other way does not pass the stop: it goes
    assert game.plan.stop_tile is None and session.pending[0].stop is None
    click(app, game.undo_button.rect.center)  # and comes back with the walk
    assert session.pending[0].stop is not None and session.pending[0].stop.at == 3
    spares = len(me.spares)
    paper = play_evening(app, game)
    assert f"You sold a {part}" in " ".join(a.body for a in paper.articles)
    assert len(me.spares) == spares - 1 and me.pos != (fence.at[0], fence.at[1])
