"""ComingSoonScene: a tidy card for menu entries whose content arrives in a later version."""

from __future__ import annotations

import pygame

from game.ui.look import theme
from game.ui.scenes.common import FilmScene
from game.ui.widgets.button import Button
from game.ui.widgets.label import TextBlock
from game.ui.widgets.panel import Card


class ComingSoonScene(FilmScene):
    """'<feature> — coming in a later version', with what it will be and a Back button."""

    name = "coming_soon"
    hint = "Esc or Enter: back to the menu"

    def __init__(self, feature: str, description: str = "") -> None:
        super().__init__()
        self.feature, self.description = feature, description

    def build(self) -> None:
        w, h = self.size
        card = pygame.Rect(0, 0, theme.px(620), theme.px(330))
        card.center = (w // 2, h // 2)
        c = self.add(Card(card, self.feature, seed=len(self.feature)))
        inner = c.inner
        text = (
            f"{self.description}\n\n" if self.description else ""
        ) + "This part of the game is coming in a later version. The workshop is still being built — come back soon."
        self.add(TextBlock(text, (inner.left, inner.top + theme.px(6), inner.width, inner.height - theme.px(60)), "serif", theme.SIZE_BODY, theme.INK))
        bw, bh = theme.px(160), theme.px(theme.BUTTON_H)
        self.add(Button("Back", self.back, (inner.right - bw, card.bottom - theme.px(28) - bh, bw, bh), style="paper", tooltip="Return to the menu"))

    def paint_static(self, surface: pygame.Surface) -> None:
        super().paint_static(surface)
        stamp = theme.font("headline", 30).render("ПОЗЖЕ · LATER", True, theme.RED)
        stamp = pygame.transform.rotate(stamp, 12)
        stamp.set_alpha(150)
        w, h = surface.get_size()
        surface.blit(stamp, (w // 2 + theme.px(150), h // 2 - theme.px(215)))
