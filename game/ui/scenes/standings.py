"""End-of-game standings: rank, name, money, free or in custody, arrests; Back to menu."""

from __future__ import annotations

from typing import Any

import pygame

from game.core.commands import rubles
from game.ui.look import theme
from game.ui.play.hud import date_words
from game.ui.scenes.common import FilmScene
from game.ui.widgets.button import Button
from game.ui.widgets.label import TextBlock
from game.ui.widgets.listview import ListView
from game.ui.widgets.panel import Panel

VERDICT_MODES = {"richest": "the richest bootlegger still free", "last_free": "the one who stayed free longest",
                 "coop": "all of you together"}


class StandingsScene(FilmScene):
    """The final table from `session.standings()`, your row selected, and a verdict line."""

    name = "standings"
    title = "The season is over"
    hint = "Enter or Esc: back to the main menu"

    def __init__(self, session: Any, seat: int = 0) -> None:
        super().__init__()
        self.session, self.seat = session, seat
        self.rows = session.standings()
        view = session.view(seat)
        self.subtitle = f"{session.world.level.name}  ·  {date_words(view.date)}"

    def verdict(self) -> str:
        mine = next((s for s in self.rows if s.player == self.seat), None)
        mode = VERDICT_MODES.get(self.session.world.level.victory.mode, "the winner")
        if mine is None:
            return ""
        if mine.rank == 1:
            return f"You won: {mode}. The records you cut are still being played in kitchens across the city."
        winner = self.rows[0]
        return (f"You finished {self._ordinal(mine.rank)} of {len(self.rows)}. {winner.name} was {mode}. "
                "There will be other seasons; the music does not stop.")

    @staticmethod
    def _ordinal(n: int) -> str:
        return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"

    def to_menu(self) -> None:
        from game.ui.scenes.menu import MenuScene

        assert self.app is not None
        self.app.pop_to(MenuScene)
        if not isinstance(self.app.top, MenuScene):
            self.app.replace(MenuScene())

    def back(self) -> None:
        self.to_menu()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.to_menu()
            return True
        return False

    def build(self) -> None:
        w, h = self.size
        m = theme.px(theme.MARGIN)
        top = self.content_top()
        pw = min(w - 2 * m, theme.px(900))
        rows_h = (len(self.rows) + 1) * theme.px(theme.ROW_H) + theme.px(8)
        ph = min(h - top - theme.px(190), rows_h + theme.px(34 + 16))
        block = ph + theme.px(20 + 66) + theme.px(theme.BUTTON_H)
        top = max(top + theme.px(24), top + (h - theme.px(40) - top - block) // 2)
        panel = self.add(Panel(((w - pw) // 2, top, pw, ph), "Final standings"))
        inner = panel.inner
        rows = []
        for s in self.rows:
            you = "  (you)" if s.player == self.seat else ""
            rows.append((f"{s.rank}.", f"{s.name}{you}", rubles(s.money), "free" if s.free else "in custody", str(s.arrests)))
        self.table = self.add(ListView(inner, rows, columns=(0.6, 3.0, 1.6, 1.4, 1.0), header=("Rank", "Name", "Money", "Status", "Arrests"),
                                       size=17, tooltip="Free bootleggers rank above those in custody; then by money."))
        mine = next((i for i, s in enumerate(self.rows) if s.player == self.seat), 0)
        self.table.select(mine, notify=False)
        y = panel.rect.bottom + theme.px(20)
        self.add(TextBlock(self.verdict(), ((w - pw) // 2, y, pw, theme.px(56)), "italic", theme.SIZE_BODY, theme.BONE))
        bw, bh = theme.px(240), theme.px(theme.BUTTON_H)
        self.menu_button = self.add(Button("Back to menu", self.to_menu, ((w + pw) // 2 - bw, y + theme.px(66), bw, bh),
                                           style="primary", tooltip="Return to the main menu."))
        self.set_focus(self.menu_button)
