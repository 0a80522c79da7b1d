"""Two game windows in one process under SDL's dummy driver: a host opens a LAN game from the menu, a friend finds
it on the (loopback) network and joins; lobby, ready, chat, start, a few evenings in two `GameViewScene`s (the
host's and the client's), chat in the game, and the client leaving. Every event goes to one app by hand."""

from __future__ import annotations

import socket

import pygame
import pytest

from game.ui.frame.app import App
from game.ui.play.game_view import GameViewScene
from game.ui.scenes.arrest import ArrestScene
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.dialog import Dialog
from game.ui.scenes.host_setup import HostSetupScene
from game.ui.scenes.join import JoinScene
from game.ui.scenes.lobby import LobbyScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.report import ReportScene
from game.ui.scenes.standings import StandingsScene
from tests.test_net_support import LOOPBACK


def _free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def frames(app: App, n: int = 1, events: list[pygame.event.Event] | None = None) -> None:
    """Give `events` to this app only (not the shared pygame queue), then run `n` fixed steps and draw."""
    app.handle_events(events or [])
    for _ in range(n):
        app.update(app.clock.step)
        app.render()


def click(app: App, pos: tuple[int, int], n: int = 2) -> None:
    frames(app, n, [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
                    pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
                    pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1)])


def press(app: App, k: int) -> None:
    frames(app, 1, [pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0)])


def type_text(app: App, text: str) -> None:
    frames(app, 1, [pygame.event.Event(pygame.TEXTINPUT, text=text)])


def until(apps: list[App], done, steps: int = 400) -> None:
    for _ in range(steps):
        if done():
            return
        for app in apps:
            frames(app)
        pygame.time.wait(5)
    raise AssertionError("the windows never got there")


def end_evening(app: App, game: GameViewScene) -> None:
    """End Turn by mouse; with no plan the game asks first ("End the evening")."""
    click(app, game.end_button.rect.center)
    if isinstance(app.top, Dialog):
        click(app, app.top.buttons[0].rect.center)


def into_game(app: App) -> GameViewScene:
    """Close the briefing and the first-play tutorial over the game view."""
    until([app], lambda: not isinstance(app.top, LobbyScene))
    for _ in range(10):
        if isinstance(app.top, GameViewScene):
            return app.top
        if isinstance(app.top, BriefingScene):
            click(app, app.top.begin.rect.center)
        else:
            press(app, pygame.K_ESCAPE)
    raise AssertionError(f"stuck at {app.top}")


def settle(app: App, game: GameViewScene) -> None:
    """Skip the playback and dismiss the newspaper and any cards, back to the map."""
    for _ in range(200):
        top = app.top
        if top is game and game.playback is None:
            return
        if isinstance(top, Dialog | ReportScene):
            click(app, top.widgets[-1].rect.center, n=1)
        elif isinstance(top, ArrestScene):
            press(app, pygame.K_RETURN)
        elif isinstance(top, StandingsScene):
            return
        elif top is game:
            click(app, game.map.rect.center, n=3)
        else:
            raise AssertionError(f"unexpected scene {top}")


@pytest.fixture
def apps(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("BONE_MUSIC_DISCOVERY", f"{LOOPBACK}:{_free_udp_port()}")
    monkeypatch.setenv("BONE_MUSIC_LAN_BIND", LOOPBACK)
    host, client = App(size=(1280, 720), fullscreen=False), App(size=(1280, 720), fullscreen=False)
    pygame.event.clear()
    for app in (host, client):
        app.push(MenuScene())
        frames(app, 2)
    yield host, client
    for app in (host, client):
        for scene in reversed(app.scenes):
            session = getattr(scene, "session", None)
            if session is not None and hasattr(session, "leave"):
                session.leave()
    pygame.event.clear()


def test_host_and_friend_play_a_lan_game_from_the_menus(apps, tmp_path):
    host_app, client_app = apps
    # the host opens a game night on Ligovka from the menu
    click(host_app, host_app.top.button("Host LAN game").rect.center)
    setup = host_app.top
    assert isinstance(setup, HostSetupScene)
    index = next(i for i, (p, _lvl) in enumerate(setup.levels) if p.stem == "ligovka_nights")
    click(host_app, setup.list.row_rect(index).center)
    setup.player_name, setup.game_name, setup.port_text = "Lev", "Friday on Ligovka", "0"
    click(host_app, setup.open_button.rect.center)
    host_lobby = host_app.top
    assert isinstance(host_lobby, LobbyScene) and host_lobby.session.admin
    until([host_app], lambda: host_lobby.session.lobby is not None)
    assert host_lobby.start_button.enabled  # alone, he could start at once: the AI would take the other seat
    # a friend finds it on the network and joins
    click(client_app, client_app.top.button("Join LAN game").rect.center)
    join = client_app.top
    assert isinstance(join, JoinScene)
    until([client_app, host_app], lambda: bool(join.found))
    frames(client_app)
    pygame.image.save(client_app.render(), str(tmp_path / "lan_join.png"))
    assert join.list.rows[0][:2] == ("Friday on Ligovka", "Ligovka Nights")
    click(client_app, join.list.row_rect(0).center)
    assert join.address == join.found[0].address
    join.player_name = "Zoya"
    click(client_app, join.join_button.rect.center)
    until([client_app, host_app], lambda: isinstance(client_app.top, LobbyScene))
    client_lobby = client_app.top
    until([client_app, host_app], lambda: len([r for r in host_lobby.rows() if "Zoya" in r[0]]) == 1)
    assert not host_lobby.start_button.enabled and "Zoya" in host_lobby.status.text  # she is not ready yet
    # chat in the lobby, then ready and start
    click(client_app, client_lobby.chat_input.rect.center)
    type_text(client_app, "Good evening")
    press(client_app, pygame.K_RETURN)
    until([client_app, host_app], lambda: any(m.text == "Good evening" for m in host_lobby.session.chat))
    assert "Zoya: Good evening" in host_lobby.chat_log.text
    click(client_app, client_lobby.ready_button.rect.center)
    until([client_app, host_app], lambda: host_lobby.start_button.enabled)
    pygame.image.save(host_app.render(), str(tmp_path / "lan_lobby.png"))
    click(host_app, host_lobby.start_button.rect.center)
    host_game, client_game = into_game(host_app), into_game(client_app)
    assert {host_game.seat, client_game.seat} == {0, 1}
    server = host_game.session.on_leave.__self__.server  # the ServerThread's GameServer
    # a few evenings: the host ends first and waits for Zoya
    for evening in range(3):
        end_evening(host_app, host_game)
        until([host_app, client_app], lambda: host_game.lan.waiting)
        assert host_game.session.waiting_for() == ["Zoya"]
        assert not host_game.end_button.enabled
        frames(host_app)
        pygame.image.save(host_app.render(), str(tmp_path / "lan_waiting.png"))
        end_evening(client_app, client_game)
        until([host_app, client_app], lambda e=evening: host_game.lan.played == client_game.lan.played == e + 1)
        for app, game in ((host_app, host_game), (client_app, client_game)):
            settle(app, game)
            assert game.view.turn == evening + 1
            assert game.view.view_hash == server.host.session.view(game.seat).view_hash
    # Zoya's connection breaks: the host sees her away, her window rejoins with its token by itself
    client_game.session.link.close()
    until([host_app, client_app], lambda: any("Zoya is back" in n.text for n in host_app.notices), steps=800)
    assert client_game.session.closed is None and client_game.session.seat == client_game.seat
    # chat in the game: T opens the line
    press(client_app, pygame.K_t)
    type_text(client_app, "Militia on Ligovsky!")
    press(client_app, pygame.K_RETURN)
    until([host_app, client_app], lambda: any(m.text == "Militia on Ligovsky!" for m in host_game.session.chat))
    assert any(text == "Militia on Ligovsky!" for _age, _n, text in host_game.lan._shown)
    pygame.image.save(host_app.render(), str(tmp_path / "lan_host.png"))
    press(host_app, pygame.K_F5)  # quick save: the host's autosave is the save of a LAN game
    assert any("host saves" in n.text for n in host_app.notices)
    # Zoya leaves; the host hears about it and her seat shows away
    press(client_app, pygame.K_ESCAPE)
    leave = client_app.top
    assert isinstance(leave, Dialog)
    click(client_app, next(b for b in leave.buttons if b.label == "Leave the game").rect.center)
    assert isinstance(client_app.top, MenuScene)
    until([host_app], lambda: any(s.name == "Zoya" and not s.connected for s in host_game.session.seats))
    assert any("Zoya left" in n.text for n in host_app.notices)
