"""The turn report as a period evening paper. `ReportScene` shows any list of Articles (`turn_report`
sets a real evening on it)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.ui.look import theme
from game.ui.scenes.common import FilmScene
from game.ui.sound import sfx
from game.ui.widgets.button import Button
from game.ui.widgets.newspaper import Article, NewspaperPage


class ReportScene(FilmScene):
    """A newspaper page filling the screen and a Continue button (Enter or Esc continue). With `auto_close`
    seconds it closes itself, counting down on the button, unless the player touches a key or the mouse."""

    name = "report"
    hint = ""

    def __init__(self, date_line: str, articles: Sequence[Article], on_continue: Callable[[], None] | None = None,
                 masthead: str = "Evening Leningrad", auto_close: float | None = None) -> None:
        super().__init__()
        self.date_line, self.articles, self.on_continue, self.masthead = date_line, tuple(articles), on_continue, masthead
        self.auto_close = auto_close
        self._shown_count: int | None = None

    def _label(self) -> str:
        if self.auto_close is None:
            return "Next evening  ›"
        return f"Next evening  ›  ({max(1, int(self.auto_close + 0.999))})"

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.auto_close is None or self.app is None or self.app.top is not self:
            return
        self.auto_close -= dt
        if self.auto_close <= 0:
            self.auto_close = None
            self.proceed()
            return
        count = int(self.auto_close + 0.999)
        if count != self._shown_count:
            self._shown_count = count
            self.next_button.label = self._label()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.MOUSEWHEEL) and self.auto_close is not None:
            self.auto_close = None  # the player is reading: stay
            self.next_button.label = self._label()
        return super().handle_event(event)

    def on_enter(self) -> None:
        sfx.play(self.app, "newspaper")

    def proceed(self) -> None:
        if self.on_continue is not None:
            self.on_continue()
        elif self.app is not None:
            self.app.pop()

    def back(self) -> None:
        self.proceed()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            self.proceed()
            return True
        return False

    def build(self) -> None:
        w, h = self.size
        m = theme.px(28)
        bh = theme.px(theme.BUTTON_H)
        page_w = min(w - 2 * m, round((h - 2 * m) * 1.62))
        page = pygame.Rect((w - page_w) // 2, m, page_w, h - 2 * m - bh - theme.px(14))
        self.page = self.add(NewspaperPage(page, self.masthead, date_line=self.date_line, articles=self.articles))
        bw = theme.px(220)
        self.next_button = self.add(Button(self._label(), self.proceed, (page.right - bw, page.bottom + theme.px(14), bw, bh),
                                           style="primary", tooltip="Put the paper down and plan the next evening (Enter)."))

