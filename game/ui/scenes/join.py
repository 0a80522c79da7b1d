"""Join a LAN game from the menu: the games heard on the network (name, city, players, version, password) and a
field for host:port that always works. Joining happens on a worker thread (the window never freezes); a seat held
before is taken back with the token remembered for that host. The host's refusal (a different version, a wrong
password, a full table) is shown in its own words."""

from __future__ import annotations

import threading
from typing import Any

from game.net import DEFAULT_PORT, GAME_VERSION, PROTOCOL_VERSION
from game.net.discovery import FoundGame, Listener, discovery_target, parse_address
from game.ui.files import lan_memory
from game.ui.look import theme
from game.ui.scenes.common import FilmScene
from game.ui.scenes.host_setup import client_music_dir
from game.ui.widgets.button import Button
from game.ui.widgets.label import Label, TextBlock
from game.ui.widgets.listview import ListView
from game.ui.widgets.panel import Panel
from game.ui.widgets.textinput import TextInput

REFRESH_SECONDS = 1.0


def game_row(found: FoundGame) -> tuple[str, str, str, str, str]:
    a = found.announcement
    version = a.version if (a.version, a.protocol) == (GAME_VERSION, PROTOCOL_VERSION) else f"{a.version} (not yours)"
    state = {"lobby": "", "playing": " · playing", "over": " · over"}[a.phase]
    return (a.name, a.level, f"{a.players}/{a.seats}{state}", version, "yes" if a.password else "no")


class JoinScene(FilmScene):
    name = "join"
    title = "Join a LAN game"
    subtitle = "Games on your network appear by themselves; or type the host's address."
    hint = "Esc back  ·  Tab move  ·  ↑↓ pick a game  ·  Enter join"

    def __init__(self, address: str = "", name: str = "", password: str = "", auto_join: bool = False) -> None:
        super().__init__()
        memory = lan_memory.load()
        self.address = address or memory.address
        self.player_name = name or memory.name or "Bootlegger"
        self.password = password
        self.auto_join = auto_join
        self.found: list[FoundGame] = []
        self.listener: Listener | None = None
        self.listen_error = ""
        self.status = ""
        self._refresh = 0.0
        self._joining: threading.Thread | None = None
        self._result: Any = None

    # ------------------------------------------------------------ discovery
    def on_enter(self) -> None:
        target = discovery_target()
        try:
            if target is None:
                self.listen_error = "Finding games on the network is off (BONE_MUSIC_DISCOVERY=off); type the address."
            else:
                self.listener = Listener(target)
        except OSError as exc:
            self.listen_error = f"Cannot listen for games on the network ({exc.strerror or exc}); type the address."
        if self.auto_join:
            self.join()

    def on_exit(self) -> None:
        if self.listener is not None:
            self.listener.close()
            self.listener = None

    def pick(self, index: int) -> None:
        if 0 <= index < len(self.found):
            self.address = self.found[index].address
            self.address_input.set_text(self.address)

    # ------------------------------------------------------------ joining
    def join(self) -> None:
        """Connect on a worker thread (with the remembered token for this host, if any)."""
        if self._joining is not None:
            return
        try:
            host, port = parse_address(self.address, DEFAULT_PORT)
        except ValueError as exc:
            self.status = str(exc)
            self._show_status()
            return
        key = f"{host}:{port}"
        token = lan_memory.load().tokens.get(key, "")
        self.status = f"Connecting to {key}…"
        self._show_status()
        self._joining = threading.Thread(target=self._connect, args=(host, port, token), daemon=True)
        self._joining.start()

    def _connect(self, host: str, port: int, token: str) -> None:
        from game.session.remote import JoinError, RemoteSession

        name = self.player_name.strip()[:24] or "Bootlegger"
        try:
            try:
                self._result = RemoteSession.join((host, port), name, self.password, token, music_dir=client_music_dir())
            except JoinError as exc:
                if not token or "token" not in str(exc):
                    raise
                self._result = RemoteSession.join((host, port), name, self.password, music_dir=client_music_dir())
        except JoinError as exc:
            self._result = exc

    def _joined(self) -> None:
        from game.session.remote import RemoteSession
        from game.ui.scenes.lobby import LobbyScene

        result, self._result, self._joining = self._result, None, None
        if not isinstance(result, RemoteSession):
            self.status = f"Could not join: {result}"
            self._show_status()
            return
        memory = lan_memory.load()
        key = f"{result.link.host}:{result.link.port}"
        memory.name, memory.address = self.player_name.strip()[:24], self.address
        memory.tokens[key] = result.token
        lan_memory.save(memory)
        assert self.app is not None
        self.app.replace(LobbyScene(result))

    # ------------------------------------------------------------ layout
    def build(self) -> None:
        w, h = self.size
        m, g = theme.px(theme.MARGIN), theme.px(20)
        top, bottom = self.content_top(), h - theme.px(52)
        left_w = round((w - 2 * m - g) * 0.62)
        lp = self.add(Panel((m, top, left_w, bottom - top), "On your network"))
        self.list = self.add(ListView(lp.inner, [game_row(f) for f in self.found], columns=(2.4, 2.2, 1.3, 1.3, 0.9),
                                      header=("Game", "City", "Players", "Version", "Password"), size=15,
                                      on_select=self.pick, on_activate=lambda i: (self.pick(i), self.join()),
                                      tooltip="Games announced on your network. Pick one, then Join.",
                                      empty_text=self.listen_error or "Listening… no game heard yet"))
        rx = m + left_w + g
        rp = self.add(Panel((rx, top, w - m - rx, bottom - top), "Join"))
        inner, y = rp.inner, rp.inner.top
        row = theme.px(40)
        inputs = (("Host address (host:port)", "address", "The host's address, e.g. 192.168.1.20:47630.", 80),
                  ("Your name", "player_name", "Your bootlegger's name at the table.", 24),
                  ("Password (if the game has one)", "password", "Ask the host.", 32))
        for label, attr, tip, max_len in inputs:
            self.add(Label(label, (inner.left, y, inner.width, theme.px(22)), "ui_bold", theme.SIZE_SMALL, theme.BONE_DIM))
            y += theme.px(24)
            field = self.add(TextInput((inner.left, y, inner.width, row), getattr(self, attr), max_len=max_len,
                                       on_change=self._set(attr), on_submit=lambda _t: self.join(), tooltip=tip))
            if attr == "address":
                self.address_input = field
            y += row + theme.px(10)
        self.status_block = self.add(TextBlock(self.status, (inner.left, y, inner.width, theme.px(110)), "ui",
                                               theme.SIZE_SMALL, theme.AMBER))
        bh = theme.px(theme.BUTTON_H)
        self.join_button = self.add(Button("Join", self.join, (inner.left, inner.bottom - 2 * bh - theme.px(10), inner.width, bh),
                                           style="primary", tooltip="Connect and take a seat."))
        self.add(Button("Back", self.back, (inner.left, inner.bottom - bh, inner.width, bh), tooltip="Back to the menu."))
        if self.focused is None:
            self.set_focus(self.address_input if not self.found else self.list)

    def _set(self, attr: str):
        def setter(value: str) -> None:
            setattr(self, attr, value)
        return setter

    def _show_status(self) -> None:
        if hasattr(self, "status_block"):
            self.status_block.text = self.status

    # ------------------------------------------------------------ frame
    def update(self, dt: float) -> None:
        super().update(dt)
        if self._joining is not None and not self._joining.is_alive():
            self._joined()
            return
        self._refresh -= dt
        if self._refresh <= 0 and self.listener is not None:
            self._refresh = REFRESH_SECONDS
            found = self.listener.games()
            if [game_row(f) for f in found] != [game_row(f) for f in self.found] or \
                    [f.address for f in found] != [f.address for f in self.found]:
                self.found = found
                self.list.set_rows([game_row(f) for f in found], keep_selection=True)
