"""The real pygame app under SDL's dummy drivers: navigation by posted events, settings, screenshots, record art."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import json
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.ui.frame import settings as settings_mod
from game.ui.frame.app import App
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.settings_scene import SettingsScene
from game.ui.scenes.skirmish import SkirmishSetupScene
from tests.support.driver import click, key
from tests.support.screens import SCENES


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    a = App(size=(1280, 720), fullscreen=False)
    pygame.event.clear()
    a.push(MenuScene())
    a.run_frames(2)
    yield a
    pygame.event.clear()




def test_menu_to_skirmish_and_back_by_mouse_and_keys(app):
    menu = app.top
    assert isinstance(menu, MenuScene)
    click(app, menu.button("Skirmish").rect.center)
    assert isinstance(app.top, SkirmishSetupScene)
    key(app, pygame.K_ESCAPE)
    assert app.top is menu
    # keyboard only: focus starts on Campaign; Down moves to Skirmish, Enter opens it
    menu.focus_first()
    key(app, pygame.K_DOWN)
    assert menu.focused is menu.button("Skirmish")
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, SkirmishSetupScene)
    key(app, pygame.K_ESCAPE)
    assert app.top is menu


def test_campaign_entry_opens_the_campaign_screen(app):
    menu = app.top  # Host and Join LAN: see tests/test_net_ui.py; the campaign itself: tests/test_campaign_ui.py
    click(app, menu.button("Campaign").rect.center)
    assert app.top is not menu and app.top.name == "campaign"
    key(app, pygame.K_ESCAPE)
    assert app.top is menu


def test_skirmish_start_calls_the_hook_with_level_rivals_and_seed(app):
    got = []
    app.on_start_skirmish = lambda path, rivals, seed, difficulty: got.append((path, rivals, seed, difficulty))
    app.push(SkirmishSetupScene())
    scene = app.top
    if not scene.levels:
        pytest.skip("no skirmish levels in levels/skirmish yet")
    click(app, scene.seed_input.rect.center)
    key(app, pygame.K_BACKSPACE, pygame.KMOD_CTRL)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="42x7"))
    app.run_frames(1)
    assert scene.seed_text == "427"
    click(app, scene.start_button.rect.center)
    assert got and got[0][0].suffix == ".json" and got[0][2] == 427 and got[0][1] >= 1


def test_settings_change_is_saved_and_reloaded(app, tmp_path):
    app.push(SettingsScene())
    scene = app.top
    scene.focus_first()  # the music slider
    key(app, pygame.K_LEFT)
    key(app, pygame.K_LEFT)
    path = tmp_path / "config" / "bone-music" / "settings.json"
    assert path.is_file()
    data = json.loads(path.read_text())
    assert data["music_volume"] == pytest.approx(0.7)
    reloaded, notice = settings_mod.load(path)
    assert notice is None and reloaded.music_volume == pytest.approx(0.7)
    assert not list(path.parent.glob("*.tmp"))  # the temporary file was renamed away


def test_damaged_settings_file_gives_defaults_and_a_notice(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    path = tmp_path / "bone-music" / "settings.json"
    path.parent.mkdir(parents=True)
    path.write_text('{"music_volume": 0.3, "ui_scale": ', encoding="utf-8")
    s, notice = settings_mod.load()
    assert s == settings_mod.Settings() and notice and "damaged" in notice
    path.write_text(json.dumps({"music_volume": "loud", "effects_volume": 0.25}), encoding="utf-8")
    s, notice = settings_mod.load()
    assert s.music_volume == 0.8 and s.effects_volume == 0.25 and notice and "music_volume" in notice
    a = App(size=(1280, 720), fullscreen=False)  # a message card over the first scene instead of a crash
    menu = a.push(MenuScene())
    from game.ui.scenes.dialog import Dialog

    assert isinstance(a.top, Dialog) and "music_volume" in a.top.message and "settings.json" in a.top.message
    key(a, pygame.K_ESCAPE)
    assert a.top is menu


def _variance(path: Path) -> float:
    surf = pygame.image.load(str(path))
    return float(np.asarray(pygame.surfarray.array3d(surf), dtype=np.float32).std())


@pytest.mark.parametrize("name", sorted(SCENES))
def test_screenshot_every_scene(name, tmp_path):
    from game.cli.screenshot import render

    out = render(name, tmp_path / f"{name}.png", (960, 540))
    assert pygame.image.load(str(out)).get_size() == (960, 540)
    assert _variance(out) > 12.0


def test_screenshot_command_line(tmp_path, capsys):
    import main

    assert main.main(["screenshot", "--list"]) == 0
    assert "booth" in capsys.readouterr().out
    out = tmp_path / "menu.png"
    assert main.main(["screenshot", "--scene", "menu", "--out", str(out), "--size", "800x450"]) == 0
    assert pygame.image.load(str(out)).get_size() == (800, 450)
    assert main.main(["screenshot", "--scene", "nope", "--out", str(out)]) == 2


def test_record_art_shows_the_off_centre_hole():
    from game.core.presets import preset_profile
    from game.ui.art.record import disc_geometry, draw_record

    pygame.display.init()
    size = 300
    bad, good = preset_profile("gramophone"), preset_profile("telefunken")
    centres = []
    for profile in (bad, good):
        img = draw_record(profile, size, 5)
        assert img is draw_record(profile, size, 5)  # cached
        alpha = pygame.surfarray.array_alpha(img).astype(np.float32)
        radius, _ = disc_geometry(profile, size)
        xs, ys = np.meshgrid(np.arange(size), np.arange(size), indexing="ij")
        near = (xs - size / 2) ** 2 + (ys - size / 2) ** 2 < (radius * 0.3) ** 2
        hole = near & (alpha < 10)
        assert hole.sum() > 5
        centres.append(np.hypot(xs[hole].mean() - size / 2, ys[hole].mean() - size / 2))
    assert centres[0] > 6.0 > 2.0 > centres[1]
    a = pygame.surfarray.array3d(draw_record(bad, size, 5)).astype(np.float32)
    b = pygame.surfarray.array3d(draw_record(bad, size, 6)).astype(np.float32)
    assert np.abs(a - b).mean() > 1.0  # the seed changes the picture


def test_codex_has_entries():
    from game.ui.files.codex_text import ENTRIES, load_entries

    assert 8 <= len(ENTRIES) <= 12 and all(e.title and len(e.text) > 200 for e in ENTRIES)
    assert load_entries() == list(ENTRIES)  # mods' notes: tests/test_ui_mods.py


def test_fixed_step_clock_is_frame_rate_independent():
    from game.ui.frame.clock import FixedStep

    fast, slow = FixedStep(), FixedStep()
    n_fast = sum(fast.advance(1 / 240) for _ in range(240))
    n_slow = sum(slow.advance(1 / 30) for _ in range(30))
    assert abs(n_fast - 60) <= 1 and abs(n_slow - 60) <= 1
    assert FixedStep(max_steps=8).advance(5.0) == 8


# ---------------------------------------------------------------- colour, shape and the engine's sight
MACHADO_DEUTERANOPIA = ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881))


def _deuteranope(color: tuple[int, int, int]) -> np.ndarray:
    """`color` as a deuteranope sees it (Machado, Oliveira & Fernandes 2009, severity 1, in linear RGB)."""
    c = np.asarray(color, dtype=float) / 255
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    out = np.clip(np.asarray(MACHADO_DEUTERANOPIA) @ lin, 0, 1)
    return 255 * np.where(out <= 0.0031308, 12.92 * out, 1.055 * out ** (1 / 2.4) - 0.055)


def test_the_colour_blind_palette_keeps_danger_apart_from_help():
    from game.ui.art import city
    from game.ui.look import theme

    seen = {}
    try:
        for palette in ("standard", "colour_blind"):
            theme.set_palette(palette)
            pairs = ((city.unit_color("militia"), city.site_color("contact")), (theme.RED, theme.GREEN))
            seen[palette] = [float(np.linalg.norm(_deuteranope(a) - _deuteranope(b))) for a, b in pairs]
    finally:
        theme.set_palette("standard")
    assert all(d >= 200 for d in seen["colour_blind"]), seen
    assert all(cb > 1.8 * std for cb, std in zip(seen["colour_blind"], seen["standard"], strict=True)), seen


def test_patrols_differ_by_shape_not_only_colour():
    from game.ui.art import city

    masks = {k: pygame.mask.from_surface(city.unit_token(k, 40), 128) for k in ("bootlegger", "militia", "komsomol", "informer")}
    counts = {k: m.count() for k, m in masks.items()}
    for a in masks:
        for b in masks:
            if a < b:
                overlap = masks[a].overlap_area(masks[b], (0, 0))
                assert overlap < 0.93 * max(counts[a], counts[b]), (a, b, counts)


def test_sight_areas_are_the_engines_line_of_sight(tmp_path):
    """The hatched area of a patrol is exactly the tiles the engine would check: walls cut it, not a circle."""
    from game.core.preview import sight_radius, sight_tiles
    from game.ui.art import city
    from tests.support.demo import demo_session

    session = demo_session(turns=0)
    world, view = session.world, session.view(0)
    city_map = world.city
    pos = next((x, y) for y in range(city_map.height) for x in range(city_map.width)
               if city_map.is_walkable((x, y)) and not city_map.is_walkable((x, y - 1)) and city_map.inside((x, y - 3)))
    tiles = frozenset(sight_tiles(world, view, pos, 5))
    radius = sight_radius(view, 5)
    disc = {(x, y) for y in range(city_map.height) for x in range(city_map.width)
            if (x - pos[0]) ** 2 + (y - pos[1]) ** 2 <= radius * radius}
    assert tiles < disc  # buildings hide part of the circle
    surf, (x0, y0) = city.sight_area(tiles, 12, (200, 50, 50))
    for x, y in disc:
        if x < x0 or y < y0 or (x - x0 + 1) * 12 > surf.get_width() or (y - y0 + 1) * 12 > surf.get_height():
            assert (x, y) not in tiles
            continue
        alpha = surf.get_at(((x - x0) * 12 + 6, (y - y0) * 12 + 6)).a
        assert (alpha > 0) == ((x, y) in tiles), (x, y)
