"""The level's briefing on a sepia card over the map, shown when a game starts."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.content.models import Level
from game.ui.frame.scene import Scene
from game.ui.look import paint, theme
from game.ui.look.text import paragraphs_height
from game.ui.scenes.common import Dismissable
from game.ui.widgets.button import Button
from game.ui.widgets.label import Label, TextBlock
from game.ui.widgets.panel import Card


class BriefingScene(Dismissable, Scene):
    """Title, dates, the briefing text, how to win; Begin (Enter/Esc) closes it and calls `on_close`."""

    transparent = True
    name = "briefing"

    def __init__(self, level: Level, on_close: Callable[[], None] | None = None, objectives: list[str] | None = None) -> None:
        super().__init__()
        self.level, self.on_close, self.objectives = level, on_close, objectives or []

    def build(self) -> None:
        sw, sh = self.size
        lvl = self.level
        w = min(sw - theme.px(80), theme.px(760))
        inner_w = w - theme.px(56)
        text = lvl.briefing or lvl.description or ""
        goal = {"richest": "Be the richest bootlegger still free when the season ends.",
                "last_free": "Stay free: the fewest arrests wins, then money.",
                "coop": "Together against the state: what you earn, you share."}.get(lvl.victory.mode, "")
        if self.objectives:  # a campaign chapter: its objectives, as the tracker will show them
            goal = "Objectives:\n" + "\n".join(f"•  {text}" for text in self.objectives)
        body = f"{text}\n\n{goal}"
        size = 17
        text_h = paragraphs_height(body, inner_w, "serif", size, 1.3)
        h = min(sh - theme.px(60), theme.px(150) + text_h + theme.px(theme.BUTTON_H + 40))
        card = pygame.Rect(0, 0, w, h)
        card.center = (sw // 2, sh // 2)
        c = self.add(Card(card, lvl.name, seed=17))
        inner = c.inner
        cal = lvl.calendar
        facts = f"{cal.start:%d %B %Y} – {cal.end:%d %B %Y}  ·  walk {lvl.rules.move_allowance} tiles an evening"
        self.add(Label(facts, (inner.left, inner.top - theme.px(6), inner.width, theme.px(22)), "italic", theme.SIZE_SMALL, theme.INK_SOFT))
        self.add(TextBlock(body, (inner.left, inner.top + theme.px(22), inner.width, inner.height - theme.px(22) - theme.px(theme.BUTTON_H + 8)),
                           "serif", size, theme.INK, 1.3))
        bw, bh = theme.px(190), theme.px(theme.BUTTON_H)
        self.begin = self.add(Button("Begin  ›", self.close, (inner.right - bw, card.bottom - theme.px(24) - bh, bw, bh), style="paper",
                                     tooltip="Close the briefing and plan your first evening (Enter)."))

    def draw_background(self, surface: pygame.Surface) -> None:
        surface.blit(paint.dim(surface.get_size(), 150), (0, 0))
