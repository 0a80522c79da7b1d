"""Panel (dark film pane) and Card (sepia paper with a drop shadow): backgrounds that group other widgets."""

from __future__ import annotations

import pygame

from game.ui.look import paint, theme
from game.ui.look.text import render
from game.ui.widgets.base import Widget


class Panel(Widget):
    """A translucent film pane with lit corners, optionally titled."""

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int] | None = None, title: str = "", alpha: int = 210) -> None:
        super().__init__(rect)
        self.title, self.alpha = title, alpha

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible or self.rect.width < 4 or self.rect.height < 4:
            return
        surface.blit(paint.film_panel(self.rect.size, self.alpha), self.rect.topleft)
        if self.title:
            img = render(self.title.upper(), "ui_bold", theme.SIZE_SMALL, theme.GLOW)
            surface.blit(img, (self.rect.left + theme.px(theme.PAD), self.rect.top + theme.px(10)))

    @property
    def inner(self) -> pygame.Rect:
        """The content area: inside the padding and below the title."""
        pad = theme.px(theme.PAD)
        top = theme.px(34) if self.title else pad
        return pygame.Rect(self.rect.left + pad, self.rect.top + top, self.rect.width - 2 * pad, self.rect.height - top - pad)


class Card(Widget):
    """A sheet of sepia paper with a soft shadow and an inked border; `title` is set as a heading."""

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int] | None = None, title: str = "", seed: int = 3) -> None:
        super().__init__(rect)
        self.title, self.seed = title, seed

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible or self.rect.width < 4 or self.rect.height < 4:
            return
        r = theme.px(12)
        surface.blit(paint.shadow(self.rect.size, r), (self.rect.left - r + theme.px(4), self.rect.top - r + theme.px(6)))
        surface.blit(paint.paper(self.rect.size, self.seed), self.rect.topleft)
        inset = self.rect.inflate(-theme.px(12), -theme.px(12))
        pygame.draw.rect(surface, theme.PAPER_SHADOW, inset, 1)
        if self.title:
            img = render(self.title, "headline", theme.SIZE_HEADING, theme.INK)
            surface.blit(img, (self.inner.left, self.rect.top + theme.px(22)))
            y = self.rect.top + theme.px(26) + img.get_height()
            pygame.draw.line(surface, theme.INK, (self.inner.left, y), (self.inner.right, y), 2)

    @property
    def inner(self) -> pygame.Rect:
        pad = theme.px(28)
        top = theme.px(30) + (theme.font("headline", theme.SIZE_HEADING).get_height() + theme.px(14) if self.title else 0)
        return pygame.Rect(self.rect.left + pad, self.rect.top + top, self.rect.width - 2 * pad, self.rect.height - top - pad)
