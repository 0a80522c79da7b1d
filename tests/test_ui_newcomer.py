"""A newcomer's first five evenings, driven from the menu by posted mouse clicks and key presses on the default
settings: the skirmish opens on the small map, the game is saved before the first evening, the first-steps guide
plans each walk, and every evening the paper's ledger names each of the player's figures that changed; the
workshop shows the spread of a cut before it is made, the market what a sale does to reputation. Plus the safety
rails: Esc never quits, quitting and overwriting ask, quick save has its own slot, the plan can be undone."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import dataclasses
import json

import pygame
import pytest

from game.core.commands import BuyMaster, CutRecords, Scavenge
from game.core.report import TurnEvent, TurnReport
from game.ui.files import saves
from game.ui.frame.app import App
from game.ui.play.action_menu import ActionMenu
from game.ui.play.game_view import GameViewScene
from game.ui.play.playback import TurnPlayback
from game.ui.play.tutorial import TutorialOverlay
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.dialog import Dialog
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.panels.workshop import WorkshopPanel
from game.ui.scenes.report import ReportScene
from game.ui.scenes.save_load import SaveLoadScene
from game.ui.scenes.settings_scene import SettingsScene
from game.ui.scenes.skirmish import SkirmishSetupScene
from tests.support.driver import click, key, menu_app

LEDGER_LABELS = {"money": "Money", "reputation": "Reputation", "heat": "Heat", "films": "X-ray films",
                 "records": "Records carried", "masters": "Masters"}


@pytest.fixture
def app(tmp_path, monkeypatch):
    yield from menu_app(tmp_path, monkeypatch)




def start_default_game(app: App) -> GameViewScene:
    """Menu -> Skirmish -> Start with the defaults -> briefing -> tutorial, by mouse."""
    click(app, app.top.button("Skirmish").rect.center)
    setup = app.top
    assert isinstance(setup, SkirmishSetupScene)
    areas = [len(lvl.map.rows) * len(lvl.map.rows[0]) for _p, lvl in setup.levels]
    assert setup.index == 0 and areas[0] == min(areas)  # the small map is the default
    assert "first game" in setup.list.rows[0][1]
    click(app, setup.start_button.rect.center)
    assert isinstance(app.top, BriefingScene)
    click(app, app.top.begin.rect.center)
    while isinstance(app.top, TutorialOverlay):
        click(app, app.top.next_button.rect.center)
    game = app.top
    assert isinstance(game, GameViewScene) and game.tracker is not None
    return game


def play_evening(app: App, game: GameViewScene) -> tuple[ReportScene, object, object]:
    """End Turn by mouse; answer any dialog; return the evening paper (still open), the view before and after."""
    before = game.view
    click(app, game.end_button.rect.center, frames=1)
    for _ in range(300):
        top = app.top
        if isinstance(top, ReportScene):
            return top, before, game.view
        if isinstance(top, Dialog):  # "no orders?" or a patrol: the first choice goes on
            click(app, top.buttons[0].rect.center, frames=1)
        elif top is game:
            click(app, game.map.rect.center, frames=3)  # skip the animation
        else:
            raise AssertionError(f"unexpected scene {top}")
    raise AssertionError("the evening never ended")


def close_paper(app: App, game: GameViewScene, paper: ReportScene) -> None:
    click(app, paper.next_button.rect.center)
    while app.top is not game:  # an arrest card, say
        key(app, pygame.K_RETURN)


def follow_guide(app: App, game: GameViewScene, step: int, choose) -> None:  # noqa: ANN001
    """Click first step `step` in the guide and pick the action-menu entry `choose` accepts."""
    click(app, game.tracker.row_rect(step).center)
    menu = app.top
    assert isinstance(menu, ActionMenu), type(menu)
    for (label, _cb, _tip), button in zip(menu.items, menu.buttons(), strict=True):
        if choose(label):
            click(app, button.rect.center)
            return
    raise AssertionError(f"nothing to choose in {[i[0] for i in menu.items]}")


def ledger_article(paper: ReportScene) -> str:
    return next((a.body for a in paper.articles if a.headline == "Your ledger"), "")


def assert_every_change_explained(paper: ReportScene, before, after, game: GameViewScene) -> None:  # noqa: ANN001
    """Each of the player's figures that changed has its ledger line in the paper and a mark in the HUD."""
    b, a = before.player, after.player
    figures = {"money": (b.money, a.money), "reputation": (b.reputation, a.reputation), "heat": (b.heat, a.heat),
               "films": (sum(b.films.values()), sum(a.films.values())), "records": (len(b.records), len(a.records)),
               "masters": (len(b.masters), len(a.masters))}
    text = ledger_article(paper)
    for key_, (old, new) in figures.items():
        if old != new:
            line = next(line for line in game.ledger if line.key == key_)
            assert line.sentence in text, f"{key_} changed {old} -> {new} but the paper says: {text!r}"
            assert f"{LEDGER_LABELS[key_]} " in line.sentence and "→" in line.sentence
            if key_ != "heat":
                assert line.causes, f"{key_} changed with no cause given"
    for slot, part in a.lathe.items():
        if b.lathe.get(slot) != part:
            assert any(line.key == f"part:{slot}" for line in game.ledger), f"the {slot} changed unexplained"


def test_a_newcomers_first_five_evenings(app):
    game = start_default_game(app)
    assert saves.slot_path(saves.AUTOSAVE).is_file()  # saved before the first evening
    world = game.world
    follow_guide(app, game, 0, lambda label: label.startswith("Scavenge"))
    assert isinstance(game.plan.action, Scavenge)
    target = game.plan.target
    hospitals = [(s.at[0], s.at[1]) for s in world.level.sites if s.kind == "hospital"]
    me = game.view.player.pos
    assert target == min(hospitals, key=lambda h: world.city.distance(me, h))  # the nearest one

    seen_films = seen_master = seen_cut = False
    for _evening in range(5):
        paper, before, after = play_evening(app, game)
        assert_every_change_explained(paper, before, after, game)
        if sum(after.player.films.values()) > sum(before.player.films.values()):
            seen_films = True
            assert "carried off" in ledger_article(paper)
        if len(after.player.masters) > len(before.player.masters):
            seen_master = True
            assert "bought the master" in ledger_article(paper) and "Money" in ledger_article(paper)
        if len(after.player.records) > len(before.player.records):
            seen_cut = True
            assert "condition" in ledger_article(paper)  # the wear of the lathe, told
        close_paper(app, game, paper)
        # the HUD keeps last evening's changes with their causes until the next one
        for line in game.ledger:
            if line.key in ("money", "reputation", "films", "records", "masters", "heat"):
                assert any(line.sentence in getattr(w, "tooltip", "") for w in game.widgets), line.key
        if game.plan.target is None:  # arrived: on to the next first step
            step = game.steps.current()
            if step is None or step.key in ("listen", "sell"):
                continue
            index = [g.text for g in game.steps.goals()].index(step.text)
            if step.key == "master":
                follow_guide(app, game, index, lambda label: label.startswith("Buy master"))
                assert isinstance(game.plan.action, BuyMaster)
            elif step.key == "cut":
                follow_guide(app, game, index, lambda label: label.startswith("Open"))
                panel = app.top
                assert isinstance(panel, WorkshopPanel)
                assert panel.cut_summary.text.startswith(f"{sum(s.value for s in panel.steppers.values())} record")
                assert "(of 100)" in panel.cut_summary.tooltip and panel.cut_wear.text.startswith(("Wear:", "No wear"))
                click(app, panel.cut_button.rect.center)
                assert app.top is game and isinstance(game.plan.action, CutRecords)
    assert game.view.turn == 5
    assert seen_films and game.steps.done >= {"scavenge"}  # the guide ticked what was done
    assert seen_master or game.plan.action is not None
    if seen_cut:
        assert "cut" in game.steps.done


def test_esc_never_quits_and_quitting_asks(app):
    game = start_default_game(app)
    key(app, pygame.K_ESCAPE)
    pause = app.top
    assert isinstance(pause, Dialog) and pause.title == "Paused"
    key(app, pygame.K_ESCAPE)  # Esc again: resume, not quit
    assert app.top is game
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_RETURN)  # Enter on the pause card: resume too
    assert app.top is game
    key(app, pygame.K_ESCAPE)
    click(app, app.top.button("Quit to menu").rect.center)
    sure = app.top
    assert isinstance(sure, Dialog) and "Quit" in sure.title
    key(app, pygame.K_ESCAPE)
    assert app.top is game
    key(app, pygame.K_ESCAPE)
    click(app, app.top.button("Quit to menu").rect.center)
    key(app, pygame.K_RETURN)  # the focus starts on "Stay"
    assert app.top is game
    key(app, pygame.K_ESCAPE)
    click(app, app.top.button("Quit to menu").rect.center)
    click(app, app.top.button("Quit to menu").rect.center)
    assert isinstance(app.top, MenuScene)


def test_settings_open_in_a_game_and_keys_are_shown_where_they_apply(app):
    game = start_default_game(app)
    key(app, pygame.K_ESCAPE)
    click(app, app.top.button("Settings").rect.center)
    assert isinstance(app.top, SettingsScene)
    bindings = dict(app.settings.key_bindings, booth="k")
    app.apply_settings(dataclasses.replace(app.settings, key_bindings=bindings), persist=False)
    key(app, pygame.K_ESCAPE)
    assert app.top is game
    assert "(K)" in game.tool_buttons["Booth"].tooltip and "(F1)" in game.tool_buttons["Help"].tooltip
    key(app, pygame.K_F1)
    assert app.top.name == "help"


def test_quick_save_has_its_own_slot_and_quick_load_asks(app):
    game = start_default_game(app)
    saves.slot_path("slot1").parent.mkdir(parents=True, exist_ok=True)
    saves.slot_path("slot1").write_text("mine", encoding="utf-8")
    key(app, pygame.K_F9)
    assert app.top is game  # nothing to load yet: a notice, no card
    key(app, pygame.K_F5)
    assert saves.slot_path(saves.QUICKSAVE).is_file() and saves.slot_path("slot1").read_text() == "mine"
    key(app, pygame.K_F9)
    assert isinstance(app.top, Dialog) and "quick save" in app.top.title
    key(app, pygame.K_ESCAPE)
    assert app.top is game
    key(app, pygame.K_F9)
    key(app, pygame.K_RETURN)
    loaded = app.top
    assert isinstance(loaded, GameViewScene) and loaded is not game
    assert loaded.session.state_hash == game.session.state_hash


def test_saving_over_a_slot_asks_first(app):
    game = start_default_game(app)
    saves.slot_path("slot1").parent.mkdir(parents=True, exist_ok=True)
    saves.save(game.session, "slot1")
    old = saves.slot_path("slot1").read_text()
    game.session.end_turn()
    click(app, game.tool_buttons["Save"].rect.center)
    scene = app.top
    assert isinstance(scene, SaveLoadScene)
    scene.list.select(0)
    click(app, scene.act_button.rect.center)
    assert isinstance(app.top, Dialog) and "Save over Slot 1" in app.top.title
    key(app, pygame.K_RETURN)  # the focus is on Cancel
    assert app.top is scene and saves.slot_path("slot1").read_text() == old
    click(app, scene.act_button.rect.center)
    click(app, app.top.button("Save over it").rect.center)
    assert app.top is game and saves.slot_path("slot1").read_text() != old


def test_the_planned_evening_can_be_undone(app):
    game = start_default_game(app)
    world = game.world
    hospital = next((s.at[0], s.at[1]) for s in world.level.sites if s.kind == "hospital")
    market = next((s.at[0], s.at[1]) for s in world.level.sites if s.kind == "market")
    game.plan_to(hospital, menu=False)
    game.set_stance("bribe")
    game.plan_to(market, menu=False)
    assert game.plan.target == market
    key(app, pygame.K_z, pygame.KMOD_CTRL)
    assert game.plan.target == hospital and game.plan.stance == "bribe"
    click(app, game.undo_button.rect.center)
    assert game.plan.stance == "run"
    key(app, pygame.K_z)
    assert game.plan.target is None and not game.plan.tonight
    assert not game.undo_button.enabled


def test_no_orders_asks_and_dont_ask_again_sticks(app):
    game = start_default_game(app)
    turn = game.view.turn
    key(app, pygame.K_RETURN)
    sure = app.top
    assert isinstance(sure, Dialog) and "no orders" in sure.title
    click(app, sure.button("Don't ask again").rect.center)
    assert app.settings.confirm_end_turn is False
    for _ in range(200):
        if isinstance(app.top, ReportScene):
            break
        if isinstance(app.top, Dialog):
            click(app, app.top.buttons[0].rect.center)
        else:
            app.run_frames(5)
    assert game.view.turn == turn + 1
    assert json.loads(app.settings_file.read_text())["confirm_end_turn"] is False


def test_a_still_evening_is_not_animated_and_the_paper_can_close_itself(app):
    moving = TurnReport(0, "1955-09-01", [], [{"p0": (1, 1), "m1": (4, 4)}, {"p0": (1, 1), "m1": (4, 5)}])
    still = TurnReport(0, "1955-09-01", [], [{"p0": (1, 1), "m1": (4, 4)}, {"p0": (1, 1), "m1": (4, 4)}])
    seen = TurnReport(0, "1955-09-01", [TurnEvent("watched", "Someone saw", 0, step=1, pos=(1, 1))],
                      still.steps)
    start = {"p0": (1, 1), "m1": (4, 4)}
    assert TurnPlayback(still, start).still
    assert not TurnPlayback(moving, start).still and not TurnPlayback(seen, start).still
    assert not TurnPlayback(still, {"p0": (1, 1)}).still  # someone came into view
    closed = []
    paper = ReportScene("date", [], on_continue=lambda: closed.append(True), auto_close=1.0)
    app.push(paper)
    app.run_frames(90)
    assert closed == [True]
    closed.clear()
    paper = ReportScene("date", [], on_continue=lambda: closed.append(True), auto_close=1.0)
    app.push(paper)
    key(app, pygame.K_LSHIFT)  # the player is reading: it stays
    app.run_frames(90)
    assert closed == [] and app.top is paper
