"""Dismissable cards and FilmScene: the shared frame of the game's screens — light-box backdrop, a glowing title, a key-hint footer —
painted once per layout into a static layer, so a frame is one blit plus the widgets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.ui.frame.scene import Scene
from game.ui.look import paint, theme
from game.ui.look.text import fit, render


class Dismissable:
    """A card that is read and dismissed: Enter, Space, Esc or its button pop it and then call `on_close`."""

    app: Any
    on_close: Callable[[], None] | None = None

    def close(self) -> None:
        if self.app is not None:
            self.app.pop()
        if self.on_close is not None:
            self.on_close()

    def back(self) -> None:
        self.close()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            self.close()
            return True
        return False


class FilmScene(Scene):
    """Subclasses set `title`, `subtitle`, `hint`, and may override `paint_static` to add more still art."""

    title = ""
    subtitle = ""
    hint = "Esc back  ·  Tab / ↑↓ move  ·  Enter choose"
    glow_at: tuple[float, float] = (0.72, 0.42)

    def __init__(self) -> None:
        super().__init__()
        self._static: pygame.Surface | None = None

    def relayout(self, size: tuple[int, int]) -> None:
        self._static = None
        super().relayout(size)

    def content_top(self) -> int:
        """The y where content starts under the title."""
        return theme.px(112) if self.title else theme.px(theme.MARGIN)

    def paint_static(self, surface: pygame.Surface) -> None:
        """Draw the still parts of the screen (called once per layout). Override and call super()."""
        surface.blit(paint.film_backdrop(surface.get_size(), self.glow_at), (0, 0))
        m = theme.px(theme.MARGIN)
        if self.title:
            img = paint.glow_text(self.title, "headline", theme.SIZE_TITLE, theme.BONE, theme.GLOW, theme.px(10))
            pad = theme.px(10) * 2
            surface.blit(img, (m - pad, theme.px(22) - pad))
            y = theme.px(22) + theme.font("headline", theme.SIZE_TITLE).get_height()
            if self.subtitle:
                sub = render(self.subtitle, "italic", theme.SIZE_BODY, theme.BONE_DIM)
                surface.blit(sub, (m + theme.px(2), y))
                y += sub.get_height()
            pygame.draw.line(surface, theme.GLOW_DIM, (m, y + theme.px(8)), (surface.get_width() - m, y + theme.px(8)))
        if self.hint:
            font = theme.font("ui", theme.SIZE_SMALL)
            y = surface.get_height() - theme.px(26) - font.get_height() // 2
            band = pygame.Rect(m, y, surface.get_width() - 2 * m, font.get_height())
            right = min([w.rect.left for w in self.widgets if w.visible and w.rect.colliderect(band) and w.rect.left > m]
                        + [band.right])  # stop short of buttons on the hint's row
            img = render(fit(self.hint, font, right - m - theme.px(12)), "ui", theme.SIZE_SMALL, theme.BONE_DIM)
            surface.blit(img, (m, y))

    def draw_background(self, surface: pygame.Surface) -> None:
        if self._static is None or self._static.get_size() != surface.get_size():
            static = pygame.Surface(surface.get_size())
            self.paint_static(static)
            self._static = static.convert() if pygame.display.get_surface() is not None else static
        surface.blit(self._static, (0, 0))
