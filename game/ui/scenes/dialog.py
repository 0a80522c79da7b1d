"""Dialog: a modal card over the current scene, with a message and buttons.

Esc picks the `cancel` choice (the safe one: Resume, Cancel, Stay...), never a destructive one; the keyboard
focus starts on the `default` choice, which Enter presses. Confirmations use `confirm()`."""

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
    callback runs. Enter presses the focused choice (at first `default`); Esc picks `cancel`."""

    transparent = True
    arrows_lr_move_focus = True
    name = "dialog"

    def __init__(self, title: str, message: str, choices: Sequence[DialogChoice] = (("OK", None),), width: int = 560,
                 default: int = 0, cancel: int = 0) -> None:
        super().__init__()
        self.title, self.message = title, message
        self.choices = list(choices) or [("OK", None)]
        self.width = width
        self.default = max(0, min(default, len(self.choices) - 1))
        self.cancel = max(0, min(cancel, len(self.choices) - 1))
        self.buttons: list[Button] = []

    def choose(self, index: int) -> None:
        """Close and run the callback of choice `index`."""
        callback = self.choices[index][1]
        if self.app is not None:
            self.app.pop()
        if callback is not None:
            callback()

    def back(self) -> None:
        self.choose(self.cancel)

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.choose(self.default)
            return True
        return False

    def button(self, label: str) -> Button:
        """The choice button labelled `label` (tests click it)."""
        return next(b for b in self.buttons if b.label == label)

    def build(self) -> None:
        sw, sh = self.size
        w = min(theme.px(self.width), sw - theme.px(24))
        inner_w = w - theme.px(56)
        gap = theme.px(12)
        bh = theme.px(theme.BUTTON_H)
        font = theme.font("ui_bold", theme.SIZE_BUTTON)  # a focused button's label is bold
        widths = [max(theme.px(120), font.size(label)[0] + theme.px(44)) for label, _cb in self.choices]
        rows = [[]]  # buttons wrap onto a second row when they do not fit side by side
        used = 0
        for i, bw in enumerate(widths):
            if rows[-1] and used + gap + bw > inner_w:
                rows.append([])
                used = 0
            rows[-1].append(i)
            used += (gap if used else 0) + bw
        text_h = paragraphs_height(self.message, inner_w, "serif", theme.SIZE_BODY)
        buttons_h = len(rows) * bh + (len(rows) - 1) * gap
        chrome = theme.px(30 + 40 + 24) + theme.px(40)
        text_h = min(text_h, sh - theme.px(24) - chrome - buttons_h)
        h = chrome + text_h + buttons_h
        card = pygame.Rect(0, 0, w, h)
        card.center = (sw // 2, sh // 2)
        panel = self.add(Card(card, self.title, seed=11))
        inner = panel.inner
        self.add(TextBlock(self.message, (inner.left, inner.top, inner.width, text_h + theme.px(4)), "serif", theme.SIZE_BODY, theme.INK))
        self.buttons = []
        y = card.bottom - theme.px(28) - buttons_h
        for row in rows:
            row_w = sum(min(widths[i], inner_w) for i in row) + gap * (len(row) - 1)
            x = inner.right - row_w
            for i in row:
                bw = min(widths[i], inner_w)
                self.buttons.append(self.add(Button(self.choices[i][0], lambda i=i: self.choose(i), (x, y, bw, bh), style="paper")))
                x += bw + gap
            y += bh + gap
        self.set_focus(self.buttons[self.default])

    def draw_background(self, surface: pygame.Surface) -> None:
        surface.blit(paint.dim(surface.get_size(), 160), (0, 0))


def confirm(title: str, message: str, yes: str, on_yes: Callable[[], None], no: str = "Cancel",
            on_no: Callable[[], None] | None = None, width: int = 560) -> Dialog:
    """A yes/no card whose safe answer (`no`) is what Esc does and where the focus starts."""
    return Dialog(title, message, [(yes, on_yes), (no, on_no)], width=width, default=1, cancel=1)
