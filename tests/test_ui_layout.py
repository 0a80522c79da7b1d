"""Every scene holds its layout at the extremes of window size (1024x576 up to 2560x1440) and UI scale (75 % to
200 %): rendered at each, no widget leaves the screen, overlaps another or spills out of its panel; a window
resized by the player re-lays out every scene and is remembered; a scale the window cannot hold is lowered."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import json

import pygame
import pytest

from game.ui.frame import settings as settings_mod
from game.ui.frame.app import App
from game.ui.look import theme
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.settings_scene import SettingsScene
from game.ui.widgets.button import Button
from game.ui.widgets.controls import Choice
from game.ui.widgets.label import Label
from tests.support.layout import EXTREMES, check_scene_at_extremes, layout_problems
from tests.support.screens import SCENES, SceneOptions


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"first_run": False}), encoding="utf-8")
    a = App(size=(1280, 720), fullscreen=False, settings_file=path, save_settings=False)
    pygame.event.clear()
    yield a
    pygame.event.clear()
    theme.set_scale(1.0)


@pytest.mark.parametrize("name", sorted(SCENES))
def test_every_scene_holds_its_layout_at_the_extremes(app, name):
    problems = check_scene_at_extremes(app, lambda: SCENES[name][1](SceneOptions()))
    assert set(problems) == {f"{w}x{h}@{s}" for (w, h), s in EXTREMES}
    bad = {config: found for config, found in problems.items() if found}
    assert not bad, f"{name}: {bad}"


def test_the_checker_sees_an_overlap_and_a_widget_off_screen(app):
    """The layout test can fail: two buttons on one spot, a label beyond the window edge."""
    scene = MenuScene()
    app.push(scene)
    scene.add(Button("A", None, (10, 10, 100, 40)))
    scene.add(Button("B", None, (60, 20, 100, 40)))
    scene.add(Label("far away", (app.size[0] - 20, 100, 200, 30)))
    found = layout_problems(scene)
    assert any("overlaps" in p and "'A'" in p and "'B'" in p for p in found)
    assert any("leaves the" in p and "far away" in p for p in found)


def test_a_scale_the_window_cannot_hold_is_lowered_and_said(app):
    app.push(MenuScene())
    app.apply_settings(settings_mod.Settings(ui_scale=2.0, window_size=(1280, 720), first_run=False), persist=False)
    assert theme.scale() == pytest.approx(1.25)  # 1280x720 holds a 1024x576 layout at 125 %
    app.push(SettingsScene())
    scale_choice = next(w for w in app.top.widgets if isinstance(w, Choice) and 2.0 in dict(w.options))
    assert dict(scale_choice.options)[2.0] == "200 % (window: 125 %)" and "125 %" in scale_choice.tooltip
    app.resize((2560, 1440))
    assert theme.scale() == pytest.approx(2.0)
    app.resize((1024, 576))
    assert theme.scale() == pytest.approx(1.0)


def test_resizing_the_window_relays_out_and_is_remembered(tmp_path):
    path = tmp_path / "settings.json"
    app = App(size=(1280, 720), fullscreen=False, settings_file=path)
    menu = app.push(MenuScene())
    app.run_frames(1)
    quit_button = menu.button("Quit")
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1600, h=900, size=(1600, 900)))
    app.run_frames(1)
    assert app.size == (1600, 900) and menu.size == (1600, 900)
    assert menu.button("Quit") is not quit_button  # laid out again for the new size
    assert not layout_problems(menu)
    assert not path.exists()  # saved once the dragging stops, not on every event
    app.run_frames(60)
    saved, notice = settings_mod.load(path)
    assert notice is None and saved.window_size == (1600, 900) and saved.version == settings_mod.SETTINGS_VERSION
    again = App(settings_file=path, fullscreen=False)
    assert again.size == (1600, 900)
