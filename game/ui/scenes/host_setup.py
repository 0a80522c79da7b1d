"""Host a LAN game from the menu: pick a city, the seats, AI in the empty ones and its difficulty, a turn timer,
an optional password and the game's name, then open it. The game's server runs on its own thread in this process
(`game.net.hosting.ServerThread`), announces itself on the LAN, and this player joins it over loopback like
anyone else (with the admin secret that lets them start the game). Then the lobby opens."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from game.content.models import Level
from game.net import DEFAULT_PORT
from game.ui.files import lan_memory, mods
from game.ui.files.level_source import SKIRMISH_DIR, list_levels
from game.ui.look import theme
from game.ui.scenes.common import FilmScene
from game.ui.widgets.button import Button
from game.ui.widgets.controls import Choice, Toggle
from game.ui.widgets.label import Label, TextBlock
from game.ui.widgets.listview import ListView
from game.ui.widgets.panel import Panel
from game.ui.widgets.textinput import TextInput

DIFFICULTIES = [("easy", "Easy AI"), ("normal", "Normal AI"), ("hard", "Hard AI")]
TIMERS = [(0, "No timer"), (60, "1 minute a turn"), (120, "2 minutes a turn"), (300, "5 minutes a turn")]


def lan_bind_address() -> str:
    """Where a hosted game listens: every interface, or `BONE_MUSIC_LAN_BIND` (tests: 127.0.0.1)."""
    return os.environ.get("BONE_MUSIC_LAN_BIND", "").strip() or "0.0.0.0"


def client_music_dir() -> Path:
    """Where scores received from hosts are kept (a cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "bone-music" / "lan"


class HostSetupScene(FilmScene):
    name = "host"
    title = "Host a LAN game"
    subtitle = "Friends on your network find it under Join LAN game, or type this computer's address."
    hint = "Esc back  ·  Tab move  ·  ↑↓ pick a city  ·  Enter open the game"

    def __init__(self, folder: Path = SKIRMISH_DIR) -> None:
        super().__init__()
        self.levels: list[tuple[Path, Level]] = []
        self.error = ""
        try:
            self.levels = list_levels(folder) + (mods.skirmish_levels() if folder == SKIRMISH_DIR else [])
        except Exception as exc:  # noqa: BLE001 - a broken folder must not take the menu down
            self.error = f"Could not read levels: {exc}"
        memory = lan_memory.load()
        self.player_name = memory.name or "Host"
        self.game_name = f"{self.player_name}'s game night"
        self.index, self.seats, self.ai_fill = 0, 2, True
        self.difficulty, self.timer, self.password, self.port_text = "normal", 0, "", str(DEFAULT_PORT)
        self._clamp_seats()

    @property
    def level(self) -> Level | None:
        return self.levels[self.index][1] if self.levels else None

    def _clamp_seats(self) -> None:
        lo, hi = self.level.players if self.level is not None else (1, 1)
        self.seats = min(hi, max(lo, self.seats))

    def select_level(self, index: int) -> None:
        self.index = index
        self._clamp_seats()
        self.relayout(self.size)

    # ------------------------------------------------------------ opening the game
    def open_game(self) -> None:
        """Start the server, join it as the admin, and show the lobby (or say what went wrong)."""
        if self.app is None or self.level is None:
            return
        from game.content.modset import playable_level
        from game.net.discovery import discovery_target
        from game.net.hosting import ServerThread
        from game.session.host import HostConfig, HostSession
        from game.session.remote import JoinError, RemoteSession
        from game.ui.files.saves import saves_dir
        from game.ui.scenes.lobby import LobbyScene

        path = self.levels[self.index][0]
        port = int(self.port_text) if self.port_text.isdigit() else -1
        if not 0 <= port <= 65535:
            self.app.notify("The port is a number from 1024 to 65535 (47630 if unsure).", "warning")
            return
        name = self.player_name.strip()[:24] or "Host"
        secret = secrets.token_urlsafe(16)
        try:
            found = playable_level(path)  # a mod's level comes with its catalog and music
            config = HostConfig(game_name=self.game_name.strip()[:64] or f"{name}'s game", seats=self.seats,
                                ai_fill=self.ai_fill, difficulty=self.difficulty,  # type: ignore[arg-type]
                                turn_seconds=float(self.timer), password=self.password, auto_start=False,
                                min_humans=1, level_path=str(path), music_dirs=[str(d) for d in found.music_dirs])
            host = HostSession(config, found.level, found.catalog, saves_dir() / "lan-host.json", secret)
            server = ServerThread(host, address=lan_bind_address(), port=port, announce_to=discovery_target())
            port = server.start()
        except Exception as exc:  # noqa: BLE001 - a bad level or a taken port is a message, not a crash
            self.app.notify(f"Could not open the game: {getattr(exc, 'strerror', None) or exc}", "danger", 8.0)
            return
        try:
            session = RemoteSession.join(("127.0.0.1", port), name, self.password, admin=secret,
                                         music_dir=client_music_dir())
        except JoinError as exc:
            server.stop()
            self.app.notify(f"Could not join your own game: {exc}", "danger", 8.0)
            return
        session.on_leave = server.stop
        memory = lan_memory.load()
        memory.name = name
        lan_memory.save(memory)
        self.app.replace(LobbyScene(session))

    # ------------------------------------------------------------ layout
    def build(self) -> None:
        w, h = self.size
        m, g = theme.px(theme.MARGIN), theme.px(20)
        top, bottom = self.content_top(), h - theme.px(52)
        left_w = round((w - 2 * m) * 0.3)
        mid_w = round((w - 2 * m) * 0.34)
        lp = self.add(Panel((m, top, left_w, bottom - top), "City"))
        rows = [(lvl.name, f"{lvl.players[0]}–{lvl.players[1]}") for _p, lvl in self.levels]
        self.list = self.add(ListView(lp.inner, rows, columns=(3.0, 1.0), on_select=self.select_level, size=16,
                                      on_activate=lambda _i: self.open_game(), tooltip="The city and season to play.",
                                      empty_text=self.error or "No skirmish maps found"))
        if self.levels:
            self.list.select(self.index, notify=False)
        mx = m + left_w + g
        mp = self.add(Panel((mx, top, mid_w, bottom - top), "The table"))
        inner, y = mp.inner, mp.inner.top
        row = theme.px(40)
        lo, hi = self.level.players if self.level is not None else (1, 1)

        def heading(text: str) -> None:
            nonlocal y
            self.add(Label(text, (inner.left, y, inner.width, theme.px(22)), "ui_bold", theme.SIZE_SMALL, theme.BONE_DIM))
            y += theme.px(24)

        heading("Bootleggers")
        self.add(Choice((inner.left, y, inner.width, row), [(n, f"{n} seats") for n in range(lo, hi + 1)],
                                            self.seats, self._set("seats"), wrap=False,
                                            tooltip="How many bootleggers play, you included."))
        y += row + theme.px(10)
        heading("Empty seats")
        self.add(Toggle((inner.left, y, inner.width, row), self.ai_fill, self._set("ai_fill"),
                                         words=("Wait for people", "AI plays them"),
                                         tooltip="AI fills the seats nobody takes, and plays for a player who drops."))
        y += row + theme.px(10)
        self.add(Choice((inner.left, y, inner.width, row), DIFFICULTIES, self.difficulty, self._set("difficulty"),
                        wrap=False, tooltip="How well the AI plays."))
        y += row + theme.px(10)
        heading("Turn timer")
        self.add(Choice((inner.left, y, inner.width, row), TIMERS, self.timer, self._set("timer"), wrap=False,
                        tooltip="An evening resolves when everyone is ready, or when the timer runs out."))
        y += row + theme.px(14)
        if self.level is not None:
            self.add(TextBlock(self.level.description or "", (inner.left, y, inner.width, inner.bottom - y), "serif",
                               theme.SIZE_SMALL, theme.BONE_DIM))
        rx = mx + mid_w + g
        rp = self.add(Panel((rx, top, w - m - rx, bottom - top), "The game"))
        inner, y = rp.inner, rp.inner.top
        for label, attr, tip, numeric, max_len in (
                ("Game name", "game_name", "What players see in the list of games on the network.", False, 48),
                ("Your name", "player_name", "Your bootlegger's name.", False, 24),
                ("Password (optional)", "password", "Players must type it to join; empty: anyone on the network.", False, 32),
                ("Port", "port_text", "The TCP port (47630 unless something else uses it).", True, 5)):
            self.add(Label(label, (inner.left, y, inner.width, theme.px(22)), "ui_bold", theme.SIZE_SMALL, theme.BONE_DIM))
            y += theme.px(24)
            self.add(TextInput((inner.left, y, inner.width, row), getattr(self, attr), numeric=numeric, max_len=max_len,
                               on_change=self._set(attr), tooltip=tip))
            y += row + theme.px(10)
        bh = theme.px(theme.BUTTON_H)
        self.open_button = self.add(Button("Open the game", self.open_game, (inner.left, inner.bottom - 2 * bh - theme.px(10),
                                                                             inner.width, bh), style="primary",
                                           tooltip="Start the server and wait for players in the lobby."))
        self.open_button.enabled = self.level is not None
        self.add(Button("Back", self.back, (inner.left, inner.bottom - bh, inner.width, bh), tooltip="Back to the menu."))
        if self.focused is None:
            self.set_focus(self.list)

    def _set(self, attr: str):
        def setter(value: object) -> None:
            setattr(self, attr, value)
        return setter
