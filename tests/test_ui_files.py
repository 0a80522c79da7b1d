"""The UI's outside files — the settings file and the save slots — never crash the game: whatever a file holds
(NaN, infinities, huge numbers, deep nesting, bytes that are not UTF-8, oversized files), the settings come back
usable with a sentence for the player, a slot is listed as damaged, and opening it gives a message card while the
game goes on."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import json
import math
from pathlib import Path

import pygame
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.session.replay import GameFileError
from game.session.session import LocalSession
from game.ui.files import saves
from game.ui.frame import settings as settings_mod
from game.ui.frame.app import App
from game.ui.scenes.dialog import Dialog
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.save_load import SaveLoadScene

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])
SETTING_NAMES = [f for f in settings_mod.Settings.__dataclass_fields__]

#: JSON values as a hostile or damaged file may hold them: NaN and infinities included, huge integers
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**30, 10**30) | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12) | st.sampled_from([1e308, -1e308, 10**400, 2.0, 0.75, 1280, 720]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8) | st.sampled_from(SETTING_NAMES),
                                                                inner, max_size=4),
    max_leaves=8,
)


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def assert_usable(s: settings_mod.Settings) -> None:
    """Settings the App can run with: every field of its type and in its range."""
    for volume in (s.music_volume, s.effects_volume):
        assert isinstance(volume, float) and math.isfinite(volume) and 0.0 <= volume <= 1.0
    assert s.ui_scale in settings_mod.UI_SCALES
    w, h = s.window_size
    assert isinstance(w, int) and isinstance(h, int) and 320 <= w <= 16_384 and 240 <= h <= 16_384
    assert s.palette in settings_mod.PALETTES and s.audio_backend in settings_mod.AUDIO_BACKENDS
    assert set(s.key_bindings) == set(settings_mod.ACTIONS) and all(isinstance(k, str) and k for k in s.key_bindings.values())
    for flag in (s.fullscreen, s.first_run, s.skip_still_evenings, s.auto_close_paper, s.confirm_end_turn, s.guide):
        assert isinstance(flag, bool)


# ---------------------------------------------------------------- settings
@FUZZ
@given(doc=st.dictionaries(st.sampled_from(SETTING_NAMES) | st.text(max_size=6), json_values, max_size=8) | json_values)
def test_any_json_settings_file_gives_usable_settings(tmp_path, doc):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(doc), encoding="utf-8")  # json.dumps writes NaN and Infinity as Python reads them
    s, notice = settings_mod.load(path)
    assert_usable(s)
    if notice is not None:
        assert path.name in notice


@FUZZ
@given(raw=st.binary(max_size=400))
def test_any_bytes_give_usable_settings(tmp_path, raw):
    path = tmp_path / "settings.json"
    path.write_bytes(raw)
    s, notice = settings_mod.load(path)
    assert_usable(s)


@pytest.mark.parametrize("content, words", [
    (b'{"music_volume": 0.5, "ui_scale": \xff\xfe}', "not UTF-8"),
    (nested(20_000).encode(), "nested too deeply"),
    (b" " * (settings_mod.MAX_BYTES + 1), "larger than"),
    (b'{"music_volume": NaN}', "music_volume"),
    (b'{"effects_volume": Infinity, "ui_scale": -Infinity}', "effects_volume"),
    (b'{"window_size": [1e400, 720]}', "window_size"),
    (b'{"ui_scale": 1e999999}', "ui_scale"),
], ids=["not-utf8", "deep", "oversized", "nan", "infinity", "huge-int", "huge-float"])
def test_each_kind_of_damage_is_named(tmp_path, content, words):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    s, notice = settings_mod.load(path)
    assert_usable(s)
    assert notice is not None and words in notice and path.name in notice


def test_a_nan_volume_is_refused_not_silenced(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"music_volume": NaN, "effects_volume": 0.3}', encoding="utf-8")
    s, notice = settings_mod.load(path)
    assert s.music_volume == settings_mod.Settings().music_volume != 0.0  # the default, not a silent 0
    assert s.effects_volume == pytest.approx(0.3) and "music_volume" in notice


def test_settings_carry_a_version_and_old_files_are_read(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"music_volume": 0.4, "key_bindings": {"codex": "f2"}}), encoding="utf-8")  # version 0
    s, notice = settings_mod.load(path)
    assert notice is None and s.key_bindings["help"] == "f2"  # "codex" was renamed "help" in version 1
    settings_mod.save(s, path)
    assert json.loads(path.read_text())["version"] == settings_mod.SETTINGS_VERSION
    path.write_text(json.dumps({"version": settings_mod.SETTINGS_VERSION + 1, "music_volume": 0.4}), encoding="utf-8")
    s, notice = settings_mod.load(path)
    assert s.music_volume == pytest.approx(0.4) and notice and "newer version" in notice


def test_the_app_starts_on_a_hostile_settings_file_with_a_card(tmp_path):
    path = tmp_path / "settings.json"
    path.write_bytes(b"\x80\x81" + nested(10_000).encode())
    app = App(size=(1024, 576), fullscreen=False, settings_file=path, save_settings=False)
    menu = app.push(MenuScene())
    assert isinstance(app.top, Dialog) and "not UTF-8" in app.top.message
    app.top.back()
    assert app.top is menu
    app.run_frames(2)


# ---------------------------------------------------------------- saves
@pytest.fixture
def data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    saves.saves_dir().mkdir(parents=True)
    return tmp_path


def good_save(tiny_level, catalog) -> dict:
    session = LocalSession(tiny_level, catalog, 2, seed=3, humans=(0,))
    session.end_turn()
    path = saves.save(session, "slot1")
    return json.loads(path.read_text(encoding="utf-8"))


def load_or_clean_error(path: Path) -> None:
    try:
        saves.load(path)
    except (GameFileError, saves.SaveError) as exc:
        assert str(path) in str(exc) or path.name in str(exc)


@FUZZ
@given(doc=json_values)
def test_any_json_in_a_slot_is_listed_and_refused_cleanly(data_home, doc):
    path = saves.slot_path("slot2")
    path.write_text(json.dumps(doc), encoding="utf-8")
    info = saves.read_info("slot2")
    assert info.exists and (info.error or info.level)
    load_or_clean_error(path)


@FUZZ
@given(raw=st.binary(max_size=400))
def test_any_bytes_in_a_slot_are_listed_and_refused_cleanly(data_home, raw):
    path = saves.slot_path("slot3")
    path.write_bytes(raw)
    info = saves.read_info("slot3")
    assert info.exists and info.error.startswith("damaged")
    load_or_clean_error(path)


@FUZZ
@given(value=json_values, where=st.sampled_from(["calendar", "turns", "humans", "players", "name"]))
def test_a_damaged_field_of_a_real_save_is_listed_and_refused_cleanly(data_home, tiny_level, catalog, value, where):
    doc = good_save(tiny_level, catalog)
    if where == "calendar":
        doc["level"]["calendar"]["days_per_turn"] = value
    elif where == "name":
        doc["level"]["name"] = value
    else:
        doc[where] = value
    path = saves.slot_path("slot4")
    path.write_text(json.dumps(doc), encoding="utf-8")
    saves.read_info("slot4")
    load_or_clean_error(path)


@pytest.mark.parametrize("damage, listed", [
    (lambda d: d["level"]["calendar"].update(days_per_turn=10**9), "damaged (OverflowError)"),
    (lambda d: d.update(humans=[5]), "damaged (ValueError)"),
], ids=["calendar-overflow", "seat-not-in-game"])
def test_the_reported_crashes_are_listed_as_damaged(data_home, tiny_level, catalog, damage, listed):
    doc = good_save(tiny_level, catalog)
    damage(doc)
    saves.slot_path("slot2").write_text(json.dumps(doc), encoding="utf-8")
    assert saves.read_info("slot2").error == listed


def test_deep_nesting_and_oversized_slots_are_listed_as_damaged(data_home):
    saves.slot_path("slot2").write_text(nested(200_000), encoding="utf-8")
    assert saves.read_info("slot2").error == "damaged (nested too deeply)"
    with saves.slot_path("slot3").open("wb") as fh:
        fh.truncate(saves.MAX_BYTES + 1)
    assert "larger than" in saves.read_info("slot3").error
    with pytest.raises(saves.SaveError, match="larger than"):
        saves.load(saves.slot_path("slot3"))


def test_a_save_with_a_seat_not_in_the_game_gets_a_card_and_the_game_goes_on(data_home, tiny_level, catalog):
    doc = good_save(tiny_level, catalog)
    doc["humans"] = [5]
    saves.slot_path("slot1").write_text(json.dumps(doc), encoding="utf-8")
    app = App(size=(1280, 720), fullscreen=False)
    pygame.event.clear()
    menu = app.push(MenuScene())
    scene = app.push(SaveLoadScene("load"))
    index = [i.slot for i in scene.infos].index("slot1")
    scene.list.select(index)
    scene.act()
    assert isinstance(app.top, Dialog) and "seat 5" in app.top.message and "slot1.json" in app.top.message
    app.top.back()
    assert app.top is scene and app.scenes[0] is menu
    app.run_frames(2)
