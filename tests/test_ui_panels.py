"""Site panels and the listening booth, driven through the real App under SDL's dummy drivers by posted events."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import time
import wave
from functools import partial

import pygame
import pytest

from game.core.commands import (
    BuyMaster,
    CutRecords,
    Inform,
    InstallPart,
    LieLow,
    Orders,
    Scavenge,
    SellRecords,
)
from game.core.preview import cut_preview, sale_preview
from game.ui.frame.app import App
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.panels import open_site_panel
from tests.support import driver
from tests.support.equipped import equipped_session


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    a = App(size=(1280, 720), fullscreen=False, save_settings=False)
    pygame.event.clear()
    a.push(MenuScene())
    a.run_frames(1)
    yield a
    pygame.event.clear()


@pytest.fixture(scope="module")
def session_factory():
    return lambda: equipped_session(turns=1)




def site_of(session, kind: str) -> str:
    return next(s.id for s in session.world.level.sites if s.kind == kind)


def accepted(session, seat: int, site_id: str, action) -> str | None:
    """Submit `action` with a real path that ends at the site (the bootlegger is put within reach first)."""
    player = session.state.players[seat]
    site = session.world.sites[site_id]
    at = (site.at[0], site.at[1])
    path = session.world.city.path(player.pos, at)
    allowance = session.world.level.rules.move_allowance
    if len(path) > allowance:  # place the bootlegger an evening's walk away, on the way
        full = [player.pos, *path]
        player.pos = full[len(full) - 1 - allowance]
        path = session.world.city.path(player.pos, at)
    return session.submit(seat, Orders(path=path, action=action))


def open_panel(app, session, site_id):
    got: list = []
    panel = open_site_panel(app, session, 0, site_id, got.append)
    app.run_frames(1)
    assert app.top is panel
    return panel, got


click = partial(driver.click, frames=1)
key = driver.key


def test_hospital_scavenge_by_click(app, session_factory):
    session = session_factory()
    sid = site_of(session, "hospital")
    panel, got = open_panel(app, session, sid)
    click(app, panel.scavenge_button.rect.center)
    assert got == [Scavenge()] and app.top is not panel
    assert accepted(session, 0, sid, got[0]) is None


def test_contact_buy_master_and_disabled_reason(app, session_factory):
    session = session_factory()
    sid = "radio_ham" if "radio_ham" in session.world.sites else site_of(session, "contact")
    panel, got = open_panel(app, session, sid)
    owned = {m.master_id for m in session.view(0).player.masters}
    # an owned master: the engine's reason is shown and the button is disabled
    i_owned = next(i for i, m in enumerate(panel.master_ids) if m in owned)
    click(app, panel.masters_list.row_rect(i_owned).center)
    engine = BuyMaster(master=panel.master_ids[i_owned]).check(session.world, session.state, session.state.players[0],
                                                                panel.site_tile)
    assert engine and not panel.buy_master_button.enabled
    assert engine in panel.buy_master_button.reason_label.text
    click(app, panel.buy_master_button.rect.center)
    assert got == [] and app.top is panel
    # a new one: bought
    i_new = next(i for i, m in enumerate(panel.master_ids) if m not in owned)
    click(app, panel.masters_list.row_rect(i_new).center)
    click(app, panel.buy_master_button.rect.center)
    assert got == [BuyMaster(master=panel.master_ids[i_new])]
    assert accepted(session, 0, sid, got[0]) is None


def test_market_total_equals_sale_preview_and_sell(app, session_factory):
    session = session_factory()
    view = session.view(0)
    sid = next(s for s in view.demand if any(view.demand[s].get(r.genre, 0) > 0 for r in view.player.records))
    panel, got = open_panel(app, session, sid)
    assert panel.total == sale_preview(session.world, view, sid, panel.selected_ids()).total > 0
    click(app, panel.checklist.row_rect(0).center)  # untick the first record
    ids = panel.selected_ids()
    assert panel.total == sale_preview(session.world, session.view(0), sid, ids).total
    if not ids:
        click(app, panel.checklist.row_rect(0).center)
        ids = panel.selected_ids()
    click(app, panel.sell_button.rect.center)
    assert got == [SellRecords(records=ids)]
    assert accepted(session, 0, sid, got[0]) is None


def test_workshop_cut_preview_and_cut(app, session_factory):
    session = session_factory()
    sid = session.state.players[0].workshop
    panel, got = open_panel(app, session, sid)
    films = panel.films_chosen()
    assert films, "the fixture holds films"
    film = max(films, key=lambda k: films[k])
    kind, source = panel.source()
    expected = cut_preview(session.world, session.view(0), film, **{kind: source})
    assert panel.preview.grade == pytest.approx(expected.grade)
    assert panel.record_view.profile == expected.profile
    click(app, panel.cut_button.rect.center)
    assert len(got) == 1 and isinstance(got[0], CutRecords) and got[0].films == films
    assert accepted(session, 0, sid, got[0]) is None


def test_workshop_install_and_escape_cancels(app, session_factory):
    session = session_factory()
    sid = session.state.players[0].workshop
    panel, got = open_panel(app, session, sid)
    key(app, pygame.K_ESCAPE)
    assert got == [] and app.top is not panel
    panel, got = open_panel(app, session, sid)
    click(app, panel.install_button.rect.center)
    assert got == [InstallPart(spare=0)]
    assert accepted(session, 0, sid, got[0]) is None


def test_militia_inform_and_lie_low(app, session_factory):
    session = session_factory()
    sid = site_of(session, "militia_station")
    panel, got = open_panel(app, session, sid)
    click(app, panel.inform_button.rect.center)
    assert got == [Inform(target=1)]
    assert accepted(session, 0, sid, got[0]) is None
    session.state.players[0].evidence = []
    session._views = {}
    panel, got = open_panel(app, session, sid)
    assert not panel.inform_button.enabled and "nothing on" in panel.inform_button.reason_label.text
    workshop = session.state.players[0].workshop
    session.state.players[0].pos = tuple(session.engine_world.sites[workshop].at)
    session._views = {}
    panel, got = open_panel(app, session, workshop)
    click(app, panel.lie_low_button.rect.center)
    assert got == [LieLow()]


def test_booth_plays_ab_and_exports_wav(app, session_factory, tmp_path):
    from game.ui.scenes.booth import BoothScene
    from game.ui.sound import audio_bridge

    session = session_factory()
    booth = app.push(BoothScene(app, session, 0))
    app.run_frames(2)
    assert booth.entry is not None and booth.entry.profile is not None
    if not audio_bridge.track_known(booth.entry.track):
        pytest.skip(f"track {booth.entry.track!r} is not in game/audio's library yet")
    assert booth.bridge is not None and booth.bridge.available and booth.bridge.silent
    click(app, booth.play_button.rect.center)
    deadline = time.monotonic() + 20
    while booth.loaded_index != booth.index and time.monotonic() < deadline:
        app.run_frames(1)
        time.sleep(0.02)
    assert booth.loaded_index == booth.index, booth.status
    assert booth.bridge.playing
    time.sleep(0.15)
    assert booth.bridge.position_s > 0
    booth.bridge.seek(30.0)
    at = booth.bridge.position_s
    music_at = booth.bridge.streams["lathe"].music_at(at)  # past the lead-in groove, at the record's speed
    key(app, pygame.K_a)  # A/B: to the clean master at the same moment of the music
    assert booth.bridge.source == "clean"
    assert abs(booth.bridge.position_s - music_at) < 0.05 and abs(music_at - at) > 0.5
    key(app, pygame.K_a)
    assert booth.bridge.source == "lathe" and abs(booth.bridge.position_s - at) < 0.1
    click(app, booth.stop_button.rect.center)
    assert not booth.bridge.playing
    # export (shortened: the same code path with the first seconds)
    out = tmp_path / "x.wav"
    job = booth.bridge.export(out, booth.entry.track, booth.entry.profile, booth.entry.plays, 1, seconds=3.0)
    assert job.wait(30) and job.error is None
    with wave.open(str(out), "rb") as w:
        assert (w.getsampwidth(), w.getframerate()) == (2, 44_100) and w.getnframes() > 44_100
    key(app, pygame.K_ESCAPE)
    assert app.top is not booth


def test_booth_export_button_writes_to_user_folder(app, session_factory, tmp_path):
    """The Export button's path: a whole side rendered in the background, into the user's folder."""
    from game.ui.scenes.booth import BoothScene
    from game.ui.sound import audio_bridge

    session = session_factory()
    booth = app.push(BoothScene(app, session, 0))
    app.run_frames(1)
    if not audio_bridge.track_known(booth.entry.track):
        pytest.skip(f"track {booth.entry.track!r} is not in game/audio's library yet")
    job = booth.export()
    assert job is not None and job.wait(60) and job.error is None
    app.run_frames(2)
    assert booth.last_export and booth.last_export.startswith(str(tmp_path))
    assert "Exported to" in app.notices[-1].text
    with wave.open(booth.last_export, "rb") as w:
        assert w.getsampwidth() == 2 and w.getframerate() == 44_100 and w.getnframes() > 0


def test_booth_without_sound_library_still_draws(app, monkeypatch):
    from game.ui.scenes.booth import BoothScene
    from game.ui.sound import audio_bridge

    monkeypatch.setattr(audio_bridge, "track_known", lambda t: False)
    monkeypatch.setattr("game.ui.scenes.booth.track_known", lambda t: False)
    booth = app.push(BoothScene(app))
    app.run_frames(2)
    assert "sound unavailable" in booth.status_label.text
    assert not booth.play_button.enabled
    app.render()
