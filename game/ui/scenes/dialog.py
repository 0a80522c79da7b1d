"""Dialog: a modal card over the current scene, with a message and buttons. Enter confirms, Esc cancels."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.ui.frame.scene import Scene
from game.ui.look import paint, theme
from game.ui.look.text import paragraphs_height
from game.ui.widgets.button import Button
from game.ui.widgets.label import TextBlock
from game.ui.widgets.panel import Card

DialogChoice = tuple[str, Callable[[], None] | None]


class Dialog(Scene):
    """Push it to ask something. `choices` are (label, callback) pairs; the dialog closes itself before the
    callback runs. The first choice is what Enter does, the last is what Esc does."""

    transparent = True
    arrows_lr_move_focus = True
    name = "dialog"

    def __init__(self, title: str, message: str, choices: Sequence[DialogChoice] = (("OK", None),), width: int = 560) -> None:
        super().__init__()
        self.title, self.message = title, message
        self.choices = list(choices) or [("OK", None)]
        self.width = width

    def choose(self, index: int) -> None:
        """Close and run the callback of choice `index`."""
        callback = self.choices[index][1]
        if self.app is not None:
            self.app.pop()
        if callback is not None:
            callback()

    def back(self) -> None:
        self.choose(len(self.choices) - 1)

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.choose(0)
            return True
        return False

    def build(self) -> None:
        w = theme.px(self.width)
        inner_w = w - theme.px(56)
        text_h = paragraphs_height(self.message, inner_w, "serif", theme.SIZE_BODY)
        h = theme.px(30 + 40 + 24) + text_h + theme.px(theme.BUTTON_H + 40)
        card = pygame.Rect(0, 0, w, h)
        card.center = (self.size[0] // 2, self.size[1] // 2)
        panel = self.add(Card(card, self.title, seed=11))
        inner = panel.inner
        self.add(TextBlock(self.message, (inner.left, inner.top, inner.width, text_h + theme.px(4)), "serif", theme.SIZE_BODY, theme.INK))
        bw = theme.px(150)
        gap = theme.px(12)
        x = inner.right - len(self.choices) * bw - (len(self.choices) - 1) * gap
        y = card.bottom - theme.px(28) - theme.px(theme.BUTTON_H)
        for i, (label, _cb) in enumerate(self.choices):
            self.add(Button(label, lambda i=i: self.choose(i), (x, y, bw, theme.px(theme.BUTTON_H)), style="paper"))
            x += bw + gap

    def draw_background(self, surface: pygame.Surface) -> None:
        surface.blit(paint.dim(surface.get_size(), 160), (0, 0))
