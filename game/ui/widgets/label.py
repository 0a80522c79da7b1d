"""Label (one line) and TextBlock (wrapped paragraphs)."""

from __future__ import annotations

import pygame

from game.ui.look import theme
from game.ui.look.text import draw_paragraphs, fit, paragraphs_height, render, with_full_text
from game.ui.widgets.base import Widget


class Label(Widget):
    """One line of text anchored in its rect ("left", "center", "right"); too-long text gets an ellipsis and
    its tooltip shows the full text."""

    def __init__(
        self,
        text: str,
        rect: pygame.Rect | tuple[int, int, int, int] | None = None,
        role: str = "ui",
        size: int = theme.SIZE_BODY,
        color: theme.Color = theme.BONE,
        align: str = "left",
        tooltip: str = "",
    ) -> None:
        self.text, self.role, self.size, self.color, self.align = text, role, size, color, align
        super().__init__(rect, tooltip)

    @property
    def elided(self) -> bool:
        """True when the text is wider than the rect and is shown shortened."""
        return bool(self.text) and self.rect.width > 0 and theme.font(self.role, self.size).size(self.text)[0] > self.rect.width

    @property
    def tooltip(self) -> str:
        return with_full_text(self._tooltip, self.text) if self.elided else self._tooltip

    @tooltip.setter
    def tooltip(self, value: str) -> None:
        self._tooltip = value

    def drawn_rect(self) -> pygame.Rect:
        """Where the (possibly shortened) text is drawn inside the rect: what must not overlap other widgets."""
        font = theme.font(self.role, self.size)
        shown = fit(self.text, font, max(1, self.rect.width)) if self.rect.width else self.text
        w, h = font.size(shown) if shown else (0, 0)
        if self.align == "center":
            x = self.rect.centerx - w // 2
        elif self.align == "right":
            x = self.rect.right - w
        else:
            x = self.rect.left
        return pygame.Rect(x, self.rect.centery - h // 2, w, h)

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible or not self.text:
            return
        shown = fit(self.text, theme.font(self.role, self.size), max(1, self.rect.width)) if self.rect.width else self.text
        img = render(shown, self.role, self.size, self.color)
        surface.blit(img, self.drawn_rect().topleft)


class TextBlock(Widget):
    """Word-wrapped paragraphs clipped to the rect; when they do not all fit, the tooltip shows the whole text."""

    def __init__(
        self,
        text: str,
        rect: pygame.Rect | tuple[int, int, int, int] | None = None,
        role: str = "serif",
        size: int = theme.SIZE_BODY,
        color: theme.Color = theme.BONE,
        line_gap: float = 1.35,
    ) -> None:
        self.text, self.role, self.size, self.color, self.line_gap = text, role, size, color, line_gap
        super().__init__(rect)

    @property
    def clipped(self) -> bool:
        """True when the text needs more height than the rect has."""
        return bool(self.text) and paragraphs_height(self.text, self.rect.width, self.role, self.size, self.line_gap) > self.rect.height

    @property
    def tooltip(self) -> str:
        return with_full_text(self._tooltip, self.text) if self.clipped else self._tooltip

    @tooltip.setter
    def tooltip(self, value: str) -> None:
        self._tooltip = value

    def draw(self, surface: pygame.Surface) -> None:
        if self.visible:
            draw_paragraphs(surface, self.text, self.rect, self.role, self.size, self.color, self.line_gap)
