"""ProgressBar: a value 0-1 as a filled bar; above a danger threshold (heat, wear) it turns red, pulses and is
striped, so the danger shows without colour too."""

from __future__ import annotations

import pygame

from game.ui.look import theme
from game.ui.look.text import render
from game.ui.widgets.base import Widget


class ProgressBar(Widget):
    """`value` 0-1. `danger_at` (0-1 or None): at or above it the bar is red and pulses."""

    def __init__(
        self,
        rect: pygame.Rect | tuple[int, int, int, int] | None = None,
        value: float = 0.0,
        label: str = "",
        color: theme.Color = theme.GLOW,
        danger_at: float | None = None,
        tooltip: str = "",
    ) -> None:
        super().__init__(rect, tooltip)
        self.value, self.label, self.color, self.danger_at = value, label, color, danger_at
        self._t = 0.0

    @property
    def in_danger(self) -> bool:
        return self.danger_at is not None and self.value >= self.danger_at

    def update(self, dt: float) -> None:
        self._t += dt

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible:
            return
        r = self.rect
        pygame.draw.rect(surface, theme.FILM_BLACK, r)
        fill = r.copy()
        fill.width = round(r.width * min(1.0, max(0.0, self.value)))
        color = self.color
        if self.in_danger:
            pulse = 0.5 + 0.5 * abs(((self._t * 1.5) % 2.0) - 1.0)
            color = theme.lerp_color(theme.RED_DARK, theme.RED, pulse)
        if fill.width > 0:
            pygame.draw.rect(surface, color, fill)
            if self.in_danger:  # diagonal stripes: danger in any palette
                clip = surface.get_clip()
                surface.set_clip(fill.clip(clip) if clip else fill)
                step = max(6, r.height // 2)
                for x in range(fill.left - r.height, fill.right, step):
                    pygame.draw.line(surface, theme.FILM_BLACK, (x, r.bottom), (x + r.height, r.top), max(1, step // 4))
                surface.set_clip(clip)
        if self.danger_at is not None:
            x = r.left + round(r.width * self.danger_at)
            pygame.draw.line(surface, theme.RED, (x, r.top), (x, r.bottom - 1))
        pygame.draw.rect(surface, theme.FILM_EDGE, r, 1)
        if self.label:
            img = render(self.label, "ui_bold", theme.SIZE_SMALL, theme.BONE)
            surface.blit(img, (r.left + theme.px(6), r.centery - img.get_height() // 2))
