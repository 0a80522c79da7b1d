"""The lobby of a LAN game: who sits at the table (seat colours, people and AI, ready flags), chat, Ready, and
Start for the player who hosts. When the host starts, the game view opens on this player's seat.

Everything shown comes from the host's `lobby` messages through the `RemoteSession`; the lobby never decides
anything itself (the host says whether and why the game cannot start yet)."""

from __future__ import annotations

from typing import Any

import pygame

from game.ui.look import theme
from game.ui.scenes.common import FilmScene
from game.ui.widgets.button import Button
from game.ui.widgets.label import Label, TextBlock
from game.ui.widgets.listview import ListView
from game.ui.widgets.panel import Panel
from game.ui.widgets.textinput import TextInput

SEAT_COLOURS: tuple[theme.Color, ...] = ((214, 92, 72), (92, 170, 214), (226, 180, 70), (120, 200, 120),
                                         (190, 120, 210), (230, 140, 190), (140, 210, 200), (200, 200, 200))
CHAT_SHOWN = 14


def seat_colour(seat: int) -> theme.Color:
    return SEAT_COLOURS[seat % len(SEAT_COLOURS)]


class LobbyScene(FilmScene):
    name = "lobby"
    hint = "Esc leave  ·  Tab move  ·  Enter in the chat line sends it"

    def __init__(self, session: Any) -> None:
        super().__init__()
        self.session = session
        self.chat_text = ""
        self._notices = len(session.notices)
        self._painted = ("", "")

    @property
    def title(self) -> str:  # type: ignore[override]
        return self.session.game_name or "LAN game"

    @property
    def subtitle(self) -> str:  # type: ignore[override]
        lobby = self.session.lobby
        if lobby is None:
            return "Waiting for the host…"
        timer = f"{round(lobby.turn_seconds)} s a turn" if lobby.turn_seconds else "no turn timer"
        ai = f"AI ({lobby.difficulty}) in empty seats" if lobby.ai_fill else "no AI: every seat needs a player"
        return f"{lobby.level}  ·  {len(lobby.seats)} seats  ·  {ai}  ·  {timer}"

    # ------------------------------------------------------------ state
    @property
    def me_ready(self) -> bool:
        return any(s.seat == self.session.seat and s.ready for s in self.session.seats)

    def rows(self) -> list[tuple[str, str, str]]:
        rows = []
        for s in self.session.seats:
            you = "  (you)" if s.seat == self.session.seat else ""
            if s.kind == "open":
                rows.append(("— free seat —", "AI" if self.session.lobby and self.session.lobby.ai_fill else "open", ""))
            else:
                state = "ready" if s.ready else ("away" if not s.connected else "not ready")
                rows.append((f"{s.name}{you}", "player" if s.kind == "human" else "AI", state))
        return rows

    def chat_lines(self) -> str:
        return "\n".join(f"{m.name}: {m.text}" for m in self.session.chat[-CHAT_SHOWN:]) or "No one has said anything yet."

    # ------------------------------------------------------------ actions
    def toggle_ready(self) -> None:
        self.session.set_ready(not self.me_ready)

    def start(self) -> None:
        if self.session.admin:
            self.session.start_game()

    def send_chat(self, text: str = "") -> None:
        text = (text or self.chat_text).strip()
        if text:
            self.session.say(text)
        self.chat_text = ""
        if hasattr(self, "chat_input"):
            self.chat_input.set_text("")

    def back(self) -> None:
        self.session.leave()
        if self.app is not None:
            self.app.pop()

    # ------------------------------------------------------------ layout
    def build(self) -> None:
        w, h = self.size
        m = theme.px(theme.MARGIN)
        g = theme.px(20)
        top, bottom = self.content_top(), h - theme.px(52)
        left_w = round((w - 2 * m - g) * 0.5)
        lp = self.add(Panel((m, top, left_w, bottom - top), "At the table"))
        inner = lp.inner
        bh = theme.px(theme.BUTTON_H)
        self.table = self.add(ListView((inner.left, inner.top, inner.width, inner.height - 2 * bh - theme.px(24)),
                                       self.rows(), columns=(2.4, 1.0, 1.2), header=("Bootlegger", "", ""), size=16,
                                       tooltip="Each seat is a bootlegger; the colour marks them in the lobby.",
                                       empty_text="Waiting for the host…"))
        self.status = self.add(Label("", (inner.left, inner.bottom - 2 * bh - theme.px(16), inner.width, theme.px(24)),
                                     "ui", theme.SIZE_SMALL, theme.AMBER))
        half = (inner.width - theme.px(10)) // 2
        y = inner.bottom - bh
        if self.session.admin:
            self.start_button = self.add(Button("Start the game", self.start, (inner.left, y, half, bh), style="primary",
                                                tooltip="Everyone is at the table: begin."))
        else:
            self.ready_button = self.add(Button("Ready", self.toggle_ready, (inner.left, y, half, bh), style="primary",
                                                tooltip="Tell the host you are ready to start."))
        self.add(Button("Leave", self.back, (inner.left + half + theme.px(10), y, half, bh),
                        tooltip="Leave the lobby (your seat is given to the next player)."))
        rx = m + left_w + g
        rp = self.add(Panel((rx, top, w - m - rx, bottom - top), "Chat"))
        inner = rp.inner
        ih = theme.px(40)
        self.chat_log = self.add(TextBlock(self.chat_lines(), (inner.left, inner.top, inner.width, inner.height - ih - theme.px(12)),
                                           "ui", theme.SIZE_SMALL + 1, theme.BONE, line_gap=1.2))
        self.chat_input = self.add(TextInput((inner.left, inner.bottom - ih, inner.width, ih), self.chat_text, max_len=300,
                                             placeholder="Say something (Enter)", on_change=self._set_chat,
                                             on_submit=self.send_chat, tooltip="Everyone at the table reads it."))
        self._refresh()
        if self.focused is None:
            self.set_focus(self.chat_input)

    def _set_chat(self, text: str) -> None:
        self.chat_text = text

    def _refresh(self) -> None:
        """Put the latest table and chat into the widgets (no relayout: the chat line keeps its text and focus)."""
        if self._painted != (self.title, self.subtitle):
            self._painted, self._static = (self.title, self.subtitle), None  # repaint the heading
        self.table.set_rows(self.rows(), keep_selection=True)
        self.chat_log.text = self.chat_lines()
        lobby = self.session.lobby
        refusal = lobby.start_refusal if lobby is not None else "waiting for the host"
        if self.session.admin:
            self.start_button.enabled = refusal is None
            self.start_button.tooltip = "Everyone is at the table: begin." if refusal is None else f"Not yet: {refusal}."
            self.status.text = "" if refusal is None else f"Not yet: {refusal}"
        else:
            self.ready_button.label = "Not ready" if self.me_ready else "Ready"
            self.status.text = "The host starts the game when everyone is ready." if self.me_ready else ""

    # ------------------------------------------------------------ frame
    def update(self, dt: float) -> None:
        super().update(dt)
        if self.app is None or self.app.top is not self:
            return
        if self.session.poll():
            self._refresh()
        for notice in self.session.notices[self._notices:]:
            self.app.notify(notice, "warning")
        self._notices = len(self.session.notices)
        if self.session.started:
            from game.ui.play.game_view import GameViewScene

            self.app.replace(GameViewScene(self.session, self.session.seat, show_intro=True))
        elif self.session.closed is not None:
            from game.ui.scenes.dialog import Dialog

            reason = self.session.closed
            self.session.leave()
            self.app.pop()
            self.app.push(Dialog("The game is gone", f"The connection to the host closed: {reason}.", width=620))

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """Seat colours beside the rows."""
        size = theme.px(12)
        for i, s in enumerate(self.session.seats):
            rect = self.table.row_rect(i)
            if rect.height <= 0 or not self.table.rect.contains(rect):
                continue
            box = pygame.Rect(0, 0, size, size)
            box.midright = (rect.left - theme.px(4), rect.centery)
            pygame.draw.rect(surface, seat_colour(s.colour), box)
