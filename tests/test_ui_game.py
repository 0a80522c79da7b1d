"""The game view driven like a player would: posted mouse clicks at real widget and tile positions, key presses.
A skirmish on Ligovka Nights: walk to the hospital over evenings and scavenge, buy a master, cut at the workshop,
sell at the market; save, load back (same state hash), a damaged save, and play on to the standings."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from pathlib import Path

import pygame
import pytest

from game.core.commands import BuyMaster, CutRecords, Scavenge, SellRecords
from game.ui.files import saves
from game.ui.frame.app import App
from game.ui.play.action_menu import ActionMenu
from game.ui.play.game_view import GameViewScene
from game.ui.play.tutorial import TutorialOverlay
from game.ui.scenes.arrest import ArrestScene
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.dialog import Dialog
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.report import ReportScene
from game.ui.scenes.save_load import SaveLoadScene
from game.ui.scenes.skirmish import SkirmishSetupScene
from game.ui.scenes.standings import StandingsScene
from tests.support.driver import click, key, menu_app

ROOT = Path(__file__).resolve().parents[1]
LIGOVKA = ROOT / "levels" / "skirmish" / "ligovka_nights.json"


@pytest.fixture
def app(tmp_path, monkeypatch):
    yield from menu_app(tmp_path, monkeypatch)




def start_game(app: App) -> GameViewScene:
    """Menu -> Skirmish -> pick Ligovka Nights -> Start -> briefing -> tutorial, all by mouse."""
    click(app, app.top.button("Skirmish").rect.center)
    setup = app.top
    assert isinstance(setup, SkirmishSetupScene)
    index = next(i for i, (p, _lvl) in enumerate(setup.levels) if p.name == LIGOVKA.name)
    click(app, setup.list.row_rect(index).center)
    click(app, setup.start_button.rect.center)
    assert isinstance(app.top, BriefingScene)
    click(app, app.top.begin.rect.center)
    assert isinstance(app.top, TutorialOverlay)  # first play
    for _ in range(12):
        if not isinstance(app.top, TutorialOverlay):
            break
        click(app, app.top.next_button.rect.center)
    game = app.top
    assert isinstance(game, GameViewScene)
    assert app.settings.first_run is False
    return game


def menu_choose(app: App, predicate) -> None:
    """Click the action-menu entry whose action (or label) matches."""
    menu = app.top
    assert isinstance(menu, ActionMenu), type(menu)
    for (label, _cb, _tip), button in zip(menu.items, menu.buttons(), strict=True):
        if predicate(label):
            click(app, button.rect.center)
            return
    raise AssertionError(f"no entry matches in {[i[0] for i in menu.items]}")


def go(app: App, game: GameViewScene, tile: tuple[int, int], entry) -> None:
    """Click a tile on the map (centring the camera on it first) and pick an entry in the action menu."""
    game.map.centre_on(tile)
    click(app, game.map.to_screen(tile))
    assert game.plan.target == tile
    menu_choose(app, entry)


def end_turn(app: App, game: GameViewScene) -> None:
    """End Turn by mouse, skip the playback by click, answer encounter dialogs, read the paper, close arrests."""
    click(app, game.end_button.rect.center, frames=1)
    for _ in range(200):
        top = app.top
        if top is game and game.playback is None:
            return
        if isinstance(top, Dialog):  # encounters ("Go on"), no orders ("End the evening"): the first choice goes on
            click(app, top.buttons[0].rect.center, frames=1)
        elif isinstance(top, ReportScene):
            click(app, top.next_button.rect.center, frames=1)
        elif isinstance(top, ArrestScene):
            key(app, pygame.K_RETURN)
        elif isinstance(top, StandingsScene):
            return
        elif top is game:
            click(app, game.map.rect.center, frames=3)  # skip the playback
        else:
            raise AssertionError(f"unexpected scene {top}")
    raise AssertionError("the turn never finished")


def walk_until(app: App, game: GameViewScene, done, turns: int = 6) -> None:
    for _ in range(turns):
        end_turn(app, game)
        if done():
            return
    raise AssertionError("the plan did not get there")


def test_full_evening_loop_scavenge_buy_cut_sell(app):
    game = start_game(app)
    session, world = game.session, game.world
    me = lambda: session.view(0).player  # noqa: E731
    films0 = sum(me().films.values())
    hospital = next(s for s in world.level.sites if s.kind == "hospital")
    go(app, game, tuple(hospital.at), lambda label: label.startswith("Scavenge"))
    assert isinstance(game.plan.action, Scavenge) and game.plan.later  # more than one evening away
    assert game.plan.tonight and len(game.plan.tonight) == world.level.rules.move_allowance
    walk_until(app, game, lambda: sum(me().films.values()) > films0)
    assert me().pos == tuple(hospital.at)
    assert game.plan.target is None  # arrived and done: the plan is cleared

    radio = world.sites["radio_ham"]
    title = world.masters["m_maple_leaf"].title
    go(app, game, tuple(radio.at), lambda label: title in label)
    assert game.plan.action == BuyMaster(master="m_maple_leaf")
    walk_until(app, game, lambda: any(m.master_id == "m_maple_leaf" for m in me().masters))

    workshop = world.sites[me().workshop]
    go(app, game, tuple(workshop.at), lambda label: label.startswith("Cut"))
    assert isinstance(game.plan.action, CutRecords)
    walk_until(app, game, lambda: len(me().records) > 0)
    cut = len(me().records)

    market = world.sites["kuznechny"]
    money = me().money
    go(app, game, tuple(market.at), lambda label: label.startswith("Sell"))
    assert isinstance(game.plan.action, SellRecords)
    walk_until(app, game, lambda: len(me().records) < cut)
    assert me().money > money

    # the site panel opens from the action menu, and Esc closes it without choosing
    go(app, game, tuple(radio.at), lambda label: label.startswith("Open"))
    assert app.top is not game
    key(app, pygame.K_ESCAPE)
    assert app.top is game


def test_map_controls_pan_zoom_and_stance(app):
    game = start_game(app)
    m = game.map
    cam = list(m.cam)
    tile = m.tile
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=m.rect.center, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False, precise_x=0.0, precise_y=-1.0))
    app.run_frames(1)
    assert m.tile < tile
    key(app, pygame.K_EQUALS)
    assert m.tile == tile
    key(app, pygame.K_d)
    key(app, pygame.K_RIGHT)
    m.clamp()
    assert m.cam[0] >= cam[0]
    click(app, game.stance_buttons["bribe"].rect.center)
    assert game.plan.stance == "bribe"
    assert "Bribe" in game.stance_buttons["bribe"].tooltip
    # Enter ends the turn when no control has focus; with no orders it asks first (Esc: back to planning)
    turn = game.view.turn
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, Dialog) and "no orders" in app.top.title
    key(app, pygame.K_ESCAPE)
    assert app.top is game and game.view.turn == turn and game.playback is None
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)  # "End the evening"
    assert game.playback is not None or app.top is not game
    end_turn_finish = 0
    while app.top is not game or game.playback is not None:
        end_turn_finish += 1
        assert end_turn_finish < 400
        top = app.top
        if top is game:
            app.run_frames(5)
        else:
            key(app, pygame.K_RETURN)
    assert game.view.turn == turn + 1


def test_save_load_damaged_and_standings(app):
    game = start_game(app)
    hospital = next(s for s in game.world.level.sites if s.kind == "hospital")
    go(app, game, tuple(hospital.at), lambda label: label.startswith("Scavenge"))
    end_turn(app, game)
    end_turn(app, game)
    assert saves.slot_path(saves.AUTOSAVE).is_file()  # autosaved every evening
    # save into slot 1 by mouse
    click(app, game.tool_buttons["Save"].rect.center)
    scene = app.top
    assert isinstance(scene, SaveLoadScene)
    click(app, scene.list.row_rect(0).center)
    click(app, scene.act_button.rect.center)
    assert app.top is game and saves.slot_path("slot1").is_file()
    hash_before = game.session.state_hash
    # a damaged file in slot 2
    saves.slot_path("slot2").write_text('{"format": "bone-music-game", "version": 1, "seed": [', encoding="utf-8")
    click(app, game.tool_buttons["Load"].rect.center)
    scene = app.top
    assert isinstance(scene, SaveLoadScene)
    click(app, scene.list.row_rect(3).center)  # autosave, quick save, slot1, slot2
    click(app, scene.act_button.rect.center)
    assert isinstance(app.top, Dialog) and "slot2.json" in app.top.message
    key(app, pygame.K_RETURN)
    assert app.top is scene
    # load slot 1 back: same state
    click(app, scene.list.row_rect(2).center)
    click(app, scene.act_button.rect.center)
    loaded = app.top
    assert isinstance(loaded, GameViewScene) and loaded is not game
    assert loaded.session.state_hash == hash_before
    assert isinstance(app.scenes[0], MenuScene)
    # play on to the end of the season
    for _ in range(120):
        if isinstance(app.top, StandingsScene):
            break
        end_turn(app, loaded)
    standings = app.top
    assert isinstance(standings, StandingsScene)
    assert loaded.session.over and len(standings.table.rows) == 2
    click(app, standings.menu_button.rect.center)
    assert isinstance(app.top, MenuScene)


def test_bad_level_gives_an_error_card(app, tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"id": "broken", "name": "Broken"', encoding="utf-8")
    from game.ui.play.start import start_skirmish

    start_skirmish(app, bad, 1, 1)
    app.run_frames(1)
    assert isinstance(app.top, Dialog) and "broken.json" in app.top.message


def test_menu_load_lists_slots(app):
    click(app, app.top.button("Load").rect.center)
    assert isinstance(app.top, SaveLoadScene)
    assert not app.top.act_button.enabled  # nothing saved yet
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.top, MenuScene)


def test_game_screenshot(tmp_path):
    from game.cli.screenshot import render

    out = render("game", tmp_path / "game.png", (1280, 720), LIGOVKA)
    img = pygame.image.load(str(out))
    assert img.get_size() == (1280, 720)
    import numpy as np

    assert float(np.asarray(pygame.surfarray.array3d(img), dtype=np.float32).std()) > 10
