"""TextInput: a one-line field (digits only when `numeric`) for seeds, counts and names."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.look import theme
from game.ui.look.text import render
from game.ui.widgets.base import Widget


class TextInput(Widget):
    """Typed text arrives as TEXTINPUT events while focused; Backspace deletes, Ctrl+Backspace clears,
    Enter calls `on_submit(text)`. `on_change(text)` runs after each edit."""

    focusable = True

    def __init__(
        self,
        rect: pygame.Rect | tuple[int, int, int, int] | None = None,
        text: str = "",
        numeric: bool = False,
        max_len: int = 24,
        placeholder: str = "",
        on_change: Callable[[str], None] | None = None,
        on_submit: Callable[[str], None] | None = None,
        tooltip: str = "",
    ) -> None:
        super().__init__(rect, tooltip)
        self.text, self.numeric, self.max_len, self.placeholder = text, numeric, max_len, placeholder
        self.on_change, self.on_submit = on_change, on_submit
        self._t = 0.0

    def set_text(self, text: str) -> None:
        text = "".join(ch for ch in text if ch.isdigit()) if self.numeric else text
        text = text[: self.max_len]
        if text != self.text:
            self.text = text
            if self.on_change is not None:
                self.on_change(text)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEMOTION:
            self.hovered = self.rect.collidepoint(event.pos)
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.rect.collidepoint(event.pos):
            return True  # the scene gives focus on click
        if event.type == pygame.TEXTINPUT:
            self.set_text(self.text + event.text)
            return True
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_BACKSPACE:
                self.set_text("" if event.mod & pygame.KMOD_CTRL else self.text[:-1])
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.on_submit is not None:
                self.on_submit(self.text)
                return True
        return False

    def update(self, dt: float) -> None:
        self._t = (self._t + dt) % 1.0

    def draw(self, surface: pygame.Surface) -> None:
        r = self.rect
        pygame.draw.rect(surface, theme.FILM_BLACK, r, border_radius=theme.px(3))
        on = self.focused or self.hovered
        pygame.draw.rect(surface, theme.GLOW if on else theme.FILM_EDGE, r, 2 if on else 1, border_radius=theme.px(3))
        pad = theme.px(10)
        if self.text:
            img = render(self.text, "ui_bold", theme.SIZE_BODY, theme.BONE)
        else:
            img = render(self.placeholder, "italic", theme.SIZE_BODY, theme.DISABLED)
        clip = surface.get_clip()
        surface.set_clip(r.inflate(-4, -4))
        surface.blit(img, (r.left + pad, r.centery - img.get_height() // 2))
        surface.set_clip(clip)
        if self.focused and self._t < 0.55:
            x = r.left + pad + (img.get_width() if self.text else 0) + 2
            pygame.draw.line(surface, theme.GLOW, (x, r.top + theme.px(8)), (x, r.bottom - theme.px(8)), 2)
