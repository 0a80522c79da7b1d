"""Mods in the real game window (SDL dummy drivers): the Mods screen turns mods on and off and shows their
errors, enabled mods' levels are in Skirmish and start with their catalog, their notes are in the Codex and
their tracks in the music library; `play --level --watch` starts again when the level changes."""

from __future__ import annotations

import json
import os
import shutil
import time

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from pathlib import Path

import pygame
import pytest

from game.content.modset import read_state
from game.ui.files import mods
from game.ui.frame.app import App
from game.ui.scenes.menu import MenuScene
from tests.support.driver import key

from .modkit import KOLOMNA, edit, new_mod, read, write


@pytest.fixture
def player(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A player's folders: Kolomna and a broken skeleton installed in the mods folder, nothing enabled."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = mods.mods_folder()
    shutil.copytree(KOLOMNA, folder / "kolomna_nights")
    broken = new_mod(folder, "broken_city", "Broken City")
    level = broken / "levels" / "broken_city.json"
    data = read(level)
    data["sites"][3]["demand"]["jazz"] = float("nan")
    write(level, data)
    mods.reload()
    yield folder
    monkeypatch.undo()
    mods.reload()


@pytest.fixture
def app(player: Path) -> App:
    a = App(size=(1280, 720), fullscreen=False, save_settings=False)
    pygame.event.clear()
    a.push(MenuScene())
    a.run_frames(1)
    yield a
    pygame.event.clear()



def open_mods(app: App):
    menu = app.top
    menu.open("Mods")
    app.run_frames(1)
    assert app.top.name == "mods"
    return app.top


def test_mods_screen_lists_and_switches_mods(app: App, player: Path) -> None:
    scene = open_mods(app)
    assert [m.id for m in scene.installed] == ["broken_city", "kolomna_nights"]
    assert scene.list.rows[1] == ("Kolomna Nights", "1.1.0", "off")
    scene.select(1)
    key(app, pygame.K_SPACE)  # turn Kolomna on
    assert read_state()[0].enabled == ["kolomna_nights"]
    assert scene.list.rows[1][2] == "on" and scene.toggle_widget.value
    assert [m.id for m in mods.current().active()] == ["kolomna_nights"]
    key(app, pygame.K_SPACE)  # and off again
    assert read_state()[0].enabled == [] and mods.current().active() == []


def test_a_broken_mod_shows_every_error_in_full_and_is_not_loaded(app: App) -> None:
    scene = open_mods(app)
    scene.select(0)
    assert scene.list.rows[0][2] == "1 error"
    scene.toggle(True)
    assert "broken_city" in mods.current().enabled and mods.current().active() == []
    notes = scene.notes()
    assert notes[0].where == "$.sites[3].demand.jazz" and "NaN" in notes[0].message
    texts = [w.text for w in scene.widgets if hasattr(w, "text")]
    assert any("broken_city.json" in t and "$.sites[3].demand.jazz" in t and "What to do:" in t for t in texts)
    assert any("on but has errors" in n.text for n in app.notices)
    app.run_frames(1)  # and it draws


def test_enabled_mod_levels_are_in_skirmish_and_start_with_their_catalog(app: App) -> None:
    from game.ui.play.start import new_session
    from game.ui.scenes.skirmish import SkirmishSetupScene

    mods.set_enabled("kolomna_nights", True)
    app.push(SkirmishSetupScene())
    names = [level.name for _, level in app.top.levels]
    assert "Kolomna Nights" in names
    path = next(p for p, level in app.top.levels if level.name == "Kolomna Nights")
    session = new_session(path, 1, 5)
    assert "naval_cutter" in session.world.parts and "rumba" in session.world.genres
    mods.set_enabled("kolomna_nights", False)
    app.push(SkirmishSetupScene())
    assert "Kolomna Nights" not in [level.name for _, level in app.top.levels]


def test_enabled_mods_add_codex_notes_and_music(app: App) -> None:
    from game.audio.library import list_tracks
    from game.ui.scenes.codex import CodexScene

    assert "kolomna" not in {e.id for e in CodexScene().entries}
    mods.set_enabled("kolomna_nights", True)
    assert {"kolomna", "dk_pervoi_pyatiletki"} <= {e.id for e in CodexScene().entries}
    tracks = {t.id: t for t in list_tracks()}
    assert tracks["kolomna_rumba"].kind == "score" and tracks["tape_waltz"].kind == "wav"
    assert tracks["tape_waltz"].title == "A waltz off a reel-to-reel tape"


def test_watch_starts_again_on_a_changed_level_and_keeps_playing_a_broken_one(player: Path) -> None:
    from game.ui.play.game_view import GameViewScene
    from game.ui.play.hot_reload import CHECK_EVERY_S, WatchingApp

    level = player / "kolomna_nights" / "levels" / "kolomna_nights.json"
    app = WatchingApp(level, 1, 3, size=(960, 540), fullscreen=False, save_settings=False)
    app.push(MenuScene())
    app.begin()
    first = app.game
    assert isinstance(first, GameViewScene) and first.session.world.level.name == "Kolomna Nights"

    def touch() -> None:
        later = time.time_ns() + 10**9
        os.utime(level, ns=(later, later))

    edit(level, name="Kolomna Nights, again")
    touch()
    app.update(CHECK_EVERY_S)
    assert app.game is not first and app.game.session.world.level.name == "Kolomna Nights, again"
    assert sum(isinstance(s, GameViewScene) for s in app.scenes) == 1
    good = app.game
    edit(level, players=[3, 2])
    touch()
    app.update(CHECK_EVERY_S)
    assert app.game is good and app.top.name == "dialog"  # the problems, over the game that goes on
    assert "min <= max" in app.top.message
    app.run_frames(1)
    pygame.event.clear()


def test_watch_needs_a_level(capsys: pytest.CaptureFixture[str]) -> None:
    import main

    assert main.main(["play", "--watch"]) == 2
    assert "--watch needs --level" in capsys.readouterr().out


def test_mods_screen_survives_a_mods_folder_it_cannot_read(app: App, player: Path) -> None:
    (player / "kolomna_nights" / "mod.json").write_text(json.dumps({"id": 5}), encoding="utf-8")
    mods.reload()
    scene = open_mods(app)
    assert scene.list.rows[1][2].endswith("error") or scene.list.rows[1][2].endswith("errors")
    app.run_frames(1)
