"""What a LAN game adds to the game view: the host's messages polled every frame, "waiting for Lev, Zoya…" after
End Turn, the turn timer, players leaving and coming back, and chat (T opens the line, Enter sends, Esc closes).

The game view keeps working the same for a `LocalSession`; with a `RemoteSession` (which has `remote = True`)
it owns one `LanTable` and calls `poll`, `handle_event` and `draw` from its own hooks.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.ui.look import paint, theme
from game.ui.look.text import fit, render

CHAT_LINES = 6
CHAT_SECONDS = 20.0  # a chat line stays on the map this long (always while the chat line is open)
RETRY_SECONDS = 3.0  # after the connection breaks, try to rejoin this often


def clock_words(seconds: float) -> str:
    """'1:05' for 65 seconds."""
    s = max(0, int(seconds + 0.999))
    return f"{s // 60}:{s % 60:02d}"


class LanTable:
    def __init__(self, session: Any) -> None:
        self.session = session
        self.played = session.played  # evenings already shown
        self.typing: str | None = None  # the chat line being written (None: closed)
        self._shown: list[tuple[float, str, str]] = []  # (age, name, text)
        self._said = len(session.chat)
        self._notices = len(session.notices)
        self._retry = RETRY_SECONDS

    # ------------------------------------------------------------ messages
    def poll(self, app: Any, dt: float, busy: bool = False) -> bool:
        """Apply the host's messages; True when an evening has been resolved that is not shown yet and the view
        is not `busy` (still playing one back). A broken connection is retried every few seconds."""
        self.session.poll()
        if self.session.closed is not None and not self.session.refused and not self.session.over:
            self._retry -= dt
            if self._retry <= 0:
                self._retry = RETRY_SECONDS
                self.session.reconnect()
        for said in self.session.chat[self._said:]:
            self._shown.append((0.0, said.name, said.text))
        self._said = len(self.session.chat)
        self._shown = [(age + dt, n, t) for age, n, t in self._shown[-CHAT_LINES * 3:]]
        for notice in self.session.notices[self._notices:]:
            if app is not None:
                app.notify(notice, "danger" if "closed" in notice or "Desync" in notice else "info", 6.0)
        self._notices = len(self.session.notices)
        if self.session.played > self.played and not busy:
            self.played = self.session.played
            return True
        return False

    @property
    def waiting(self) -> bool:
        """Orders are in ("I am ready") and the evening has not been resolved yet."""
        return bool(self.session.ready) and not self.session.over

    # ------------------------------------------------------------ chat input
    def handle_event(self, event: pygame.event.Event) -> bool:
        """Chat keys: T opens the line; while it is open it takes every key."""
        if self.typing is None:
            if event.type == pygame.KEYDOWN and event.key == pygame.K_t:
                self.typing = ""
                return True
            return False
        if event.type == pygame.TEXTINPUT:
            self.typing = (self.typing + event.text)[:300]
            return True
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                if self.typing.strip():
                    self.session.say(self.typing)
                self.typing = None
            elif event.key == pygame.K_ESCAPE:
                self.typing = None
            elif event.key == pygame.K_BACKSPACE:
                self.typing = self.typing[:-1]
            return True
        return False

    # ------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface, area: pygame.Rect, playing_back: bool) -> None:
        """The timer and the waiting line at the top of `area` (the map), chat at its bottom left."""
        self._draw_status(surface, area, playing_back)
        self._draw_chat(surface, area)

    def _draw_status(self, surface: pygame.Surface, area: pygame.Rect, playing_back: bool) -> None:
        """One line in the map's top-left corner: the timer, who the evening waits for, who is away."""
        parts: list[tuple[str, theme.Color]] = []
        left = self.session.seconds_left()
        if left is not None and not playing_back:
            parts.append((f"⏱ {clock_words(left)}", theme.AMBER if left < 15 else theme.BONE))
        if self.waiting and not playing_back:
            names = self.session.waiting_for()
            text = f"Waiting for {', '.join(names)}…" if names else "Waiting for the host…"
            parts.append((text, theme.GLOW))
        away = [s.name for s in self.session.seats if s.kind == "human" and not s.connected]
        if self.session.closed is not None and not self.session.over:
            again = "" if self.session.refused else "; trying again…"
            parts = [(f"Connection lost: {self.session.closed}{again}", theme.RED)]
        elif away:
            parts.append((f"Away: {', '.join(away)}", theme.BONE_DIM))
        if not parts:
            return
        font = theme.font("ui_bold", theme.SIZE_SMALL + 1)
        images = [render(fit(t, font, area.width - theme.px(60)), "ui_bold", theme.SIZE_SMALL + 1, c) for t, c in parts]
        gap = theme.px(18)
        width = sum(i.get_width() for i in images) + gap * (len(images) - 1) + theme.px(28)
        box = pygame.Rect(area.left + theme.px(10), area.top + theme.px(10), min(width, area.width - theme.px(20)),
                          images[0].get_height() + theme.px(12))
        surface.blit(paint.dim(box.size, 200), box.topleft)
        pygame.draw.rect(surface, theme.GLOW_DIM, box, 1)
        x = box.left + theme.px(14)
        for img in images:
            surface.blit(img, (x, box.top + theme.px(6)))
            x += img.get_width() + gap

    def _draw_chat(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        lines = [(n, t) for age, n, t in self._shown if self.typing is not None or age < CHAT_SECONDS][-CHAT_LINES:]
        width = min(area.width - theme.px(40), theme.px(560))
        font = theme.font("ui", theme.SIZE_SMALL)
        step = font.get_linesize() + theme.px(2)
        rows = len(lines) + (1 if self.typing is not None else 0)
        if not rows:
            return
        box = pygame.Rect(area.left + theme.px(12), 0, width, rows * step + theme.px(12))
        box.bottom = area.bottom - theme.px(90)
        surface.blit(paint.dim(box.size, 150), box.topleft)
        y = box.top + theme.px(6)
        for name, text in lines:
            name_img = render(f"{name}:", "ui_bold", theme.SIZE_SMALL, theme.GLOW)
            surface.blit(name_img, (box.left + theme.px(8), y))
            room = width - name_img.get_width() - theme.px(24)
            surface.blit(render(fit(text, font, room), "ui", theme.SIZE_SMALL, theme.BONE),
                         (box.left + theme.px(14) + name_img.get_width(), y))
            y += step
        if self.typing is not None:
            line = fit(f"Say: {self.typing}▏", font, width - theme.px(16))
            surface.blit(render(line, "ui", theme.SIZE_SMALL, theme.AMBER), (box.left + theme.px(8), y))
