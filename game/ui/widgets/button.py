"""Button: hover, press, keyboard focus (Enter/Space activate), tooltip, three styles."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.look import theme
from game.ui.look.text import fit, render, with_full_text
from game.ui.widgets.base import Widget

STYLES = ("film", "primary", "danger", "paper")


class Button(Widget):
    """A clickable label. `on_click` runs on mouse release inside the button, or Enter/Space when focused.

    Styles: "film" (dark glass, the default), "primary" (bone-lit, the main action), "danger" (red edge),
    "paper" (ink on a sepia page). `align` is "left" for menu lists, "center" otherwise. A label too long for
    the button is shortened with an ellipsis and shown in full in the tooltip."""

    focusable = True

    def __init__(
        self,
        label: str,
        on_click: Callable[[], None] | None = None,
        rect: pygame.Rect | tuple[int, int, int, int] | None = None,
        tooltip: str = "",
        style: str = "film",
        size: int = theme.SIZE_BUTTON,
        align: str = "center",
        focus_on_hover: bool = False,
        pad: int | None = None,
    ) -> None:
        self.label = label
        self.size = size
        self.pad = pad  # pixels inside the edge (default: theme.PAD at the current scale)
        super().__init__(rect, tooltip)
        self.on_click = on_click
        self.style = style if style in STYLES else "film"
        self.align = align
        self.focus_on_hover = focus_on_hover
        self.pressed = False
        self._glow = 0.0  # 0-1, eased towards 1 while hovered/focused
        self._cache: dict[tuple, pygame.Surface] = {}

    @property
    def elided(self) -> bool:
        """True when the label is too wide for the button (in its boldest look)."""
        return theme.font("ui_bold", self.size).size(self.label)[0] > self.rect.width - 2 * self._pad

    @property
    def _pad(self) -> int:
        return theme.px(theme.PAD) if self.pad is None else self.pad

    @property
    def tooltip(self) -> str:
        return with_full_text(self._tooltip, self.label) if self.elided else self._tooltip

    @tooltip.setter
    def tooltip(self, value: str) -> None:
        self._tooltip = value

    def activate(self) -> None:
        """Press the button from code (what a click or Enter does)."""
        if self.enabled and self.on_click is not None:
            self.on_click()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if not self.visible:
            return False
        if event.type == pygame.MOUSEMOTION:
            self.hovered = self.rect.collidepoint(event.pos)
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.rect.collidepoint(event.pos):
            if self.enabled:
                self.pressed = True
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            was = self.pressed
            self.pressed = False
            if was and self.rect.collidepoint(event.pos):
                self.activate()
                return True
            return False
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            self.activate()
            return True
        return False

    def update(self, dt: float) -> None:
        target = 1.0 if (self.hovered or self.focused) and self.enabled else 0.0
        self._glow += (target - self._glow) * min(1.0, dt * 14)
        if abs(self._glow - target) < 0.02:
            self._glow = target

    def _state(self) -> str:
        if not self.enabled:
            return "disabled"
        if self.pressed:
            return "pressed"
        return "normal"

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible:
            return
        level = round(self._glow * 4)  # 5 cached glow levels keep the easing cheap
        key = (self.rect.size, self._state(), level, self.label, self.style, theme.scale())
        img = self._cache.get(key)
        if img is None:
            if len(self._cache) > 24:
                self._cache.clear()
            img = self._render(self._state(), level / 4)
            self._cache[key] = img
        surface.blit(img, self.rect.topleft)

    def _render(self, state: str, glow: float) -> pygame.Surface:
        w, h = self.rect.size
        img = pygame.Surface((w, h), pygame.SRCALPHA)
        paper = self.style == "paper"
        if paper:
            fill = theme.lerp_color(theme.PAPER_DARK, theme.PAPER, glow)
            edge = theme.INK if glow > 0 else theme.INK_SOFT
            fg = theme.INK
            fill_a = 255
        else:
            base = theme.RED_DARK if self.style == "danger" else theme.FILM_LIGHT
            fill = theme.lerp_color(theme.FILM_BLACK, base, 0.55 + 0.45 * glow)
            edge = {"danger": theme.RED, "primary": theme.BONE}.get(self.style, theme.lerp_color(theme.FILM_EDGE, theme.GLOW, glow))
            fg = theme.BONE if glow > 0 or self.style == "primary" else theme.lerp_color(theme.BONE_DIM, theme.BONE, 0.5)
            fill_a = 225
        if state == "pressed":
            fill, fg = (theme.INK, theme.PAPER) if paper else (theme.BONE, theme.FILM_BLACK)
            fill_a = 255
        if state == "disabled":
            fg = theme.PAPER_SHADOW if paper else theme.DISABLED
            edge = theme.PAPER_SHADOW if paper else theme.FILM_EDGE
        radius = theme.px(theme.RADIUS)
        pygame.draw.rect(img, (*fill, fill_a), img.get_rect(), border_radius=radius)
        if glow > 0 and not paper and state != "pressed":
            bar = pygame.Rect(0, 0, theme.px(4), h)
            pygame.draw.rect(img, (*theme.GLOW, round(255 * glow)), bar, border_top_left_radius=radius, border_bottom_left_radius=radius)
        pygame.draw.rect(img, (*edge, 255), img.get_rect(), width=2 if (glow > 0.5 or self.style == "primary") else 1, border_radius=radius)
        role = "ui_bold" if self.style in ("primary", "danger") or glow > 0.5 else "ui"
        pad = self._pad
        label = fit(self.label, theme.font(role, self.size), w - pad * 2)
        txt = render(label, role, self.size, fg)
        x = pad + theme.px(6) if self.align == "left" else (w - txt.get_width()) // 2
        img.blit(txt, (x, (h - txt.get_height()) // 2))
        return img
