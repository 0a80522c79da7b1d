"""ActionMenu: a small pop-up list of choices anchored near a point on the map (the end of a planned path, or a
stop on the way). Click a choice, or click anywhere outside / press Esc to close it without choosing. An item
may carry the engine's refusal reason as a fourth element: it is then shown disabled, with the reason."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.ui.frame.scene import Scene
from game.ui.look import theme
from game.ui.look.text import render
from game.ui.widgets.button import Button
from game.ui.widgets.panel import Panel

MenuItem = tuple[str, Callable[[], None], str] | tuple[str, Callable[[], None], str, str | None]
# label, callback, tooltip[, why it is not possible]


class ActionMenu(Scene):
    """Transparent: the map stays visible around it. Choosing closes the menu first, then runs the callback."""

    transparent = True
    name = "action_menu"

    def __init__(self, title: str, items: Sequence[MenuItem], anchor: tuple[int, int], on_close: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.title, self.items, self.anchor, self.on_close = title, list(items), anchor, on_close

    def build(self) -> None:
        w = theme.px(400)
        bh, gap = theme.px(34), theme.px(5)
        h = theme.px(44) + len(self.items) * (bh + gap) + theme.px(10)
        x, y = self.anchor[0] + theme.px(18), self.anchor[1] - h // 3
        sw, sh = self.size
        if x + w > sw - theme.px(8):
            x = self.anchor[0] - w - theme.px(18)
        y = max(theme.px(8), min(y, sh - h - theme.px(8)))
        self.box = pygame.Rect(x, y, w, h)
        self.add(Panel(self.box, alpha=240))
        by = y + theme.px(40)
        for i, item in enumerate(self.items):
            label, tip = item[0], item[2]
            reason = item[3] if len(item) > 3 else None
            style = "primary" if i == 0 else "film"
            button = self.add(Button(label, lambda i=i: self.choose(i), (x + theme.px(12), by, w - theme.px(24), bh),
                                     tooltip=f"Not possible: {reason}." if reason else tip, style=style,
                                     size=theme.SIZE_SMALL + 1, align="left", focus_on_hover=True))
            button.enabled = reason is None
            by += bh + gap

    def buttons(self) -> list[Button]:
        return [w for w in self.widgets if isinstance(w, Button)]

    def choose(self, index: int) -> None:
        callback = self.items[index][1]
        self.close()
        callback()

    def close(self) -> None:
        if self.app is not None and self.app.top is self:
            self.app.pop()
        if self.on_close is not None:
            self.on_close()

    def back(self) -> None:
        self.close()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN and not self.box.collidepoint(event.pos):
            self.close()
            return True
        return super().handle_event(event)

    def draw_background(self, surface: pygame.Surface) -> None:
        """Nothing: the map below stays visible around the menu."""

    def draw_overlay(self, surface: pygame.Surface) -> None:
        img = render(self.title, "ui_bold", theme.SIZE_SMALL, theme.GLOW)
        surface.blit(img, (self.box.left + theme.px(14), self.box.top + theme.px(12)))
        pygame.draw.line(surface, theme.GLOW_DIM, self.anchor, (self.box.left if self.box.left > self.anchor[0] else self.box.right,
                                                                 max(self.box.top, min(self.anchor[1], self.box.bottom))), 1)
