"""Value controls: Slider (a number in a range), Toggle (on/off) and Choice (one of several options).

Each is keyboard-complete: Left/Right change the value, Enter/Space toggles or cycles; the mouse drags or
clicks. `on_change(value)` runs after every change made by the player.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pygame

from game.ui.look import theme
from game.ui.look.text import fit, render
from game.ui.widgets.base import Widget


def _focus_ring(surface: pygame.Surface, rect: pygame.Rect, on: bool) -> None:
    pygame.draw.rect(surface, theme.GLOW if on else theme.FILM_EDGE, rect, 2 if on else 1, border_radius=theme.px(3))


class Slider(Widget):
    """A horizontal slider from `low` to `high` in `step`s; the value is printed by `fmt` at its right."""

    focusable = True

    def __init__(
        self,
        rect: pygame.Rect | tuple[int, int, int, int] | None = None,
        value: float = 0.0,
        low: float = 0.0,
        high: float = 1.0,
        step: float = 0.05,
        on_change: Callable[[float], None] | None = None,
        fmt: Callable[[float], str] = lambda v: f"{round(v * 100)} %",
        tooltip: str = "",
    ) -> None:
        super().__init__(rect, tooltip)
        self.low, self.high, self.step, self.on_change, self.fmt = low, high, step, on_change, fmt
        self.value = self._snap(value)
        self.dragging = False

    def _snap(self, v: float) -> float:
        v = min(self.high, max(self.low, v))
        return round(round((v - self.low) / self.step) * self.step + self.low, 6)

    def set_value(self, v: float) -> None:
        v = self._snap(v)
        if v != self.value:
            self.value = v
            if self.on_change is not None:
                self.on_change(v)

    @property
    def track(self) -> pygame.Rect:
        label_w = theme.px(64)
        pad = theme.px(12)
        return pygame.Rect(self.rect.left + pad, self.rect.centery - theme.px(3), self.rect.width - label_w - pad * 2, theme.px(6))

    def _value_at(self, x: int) -> float:
        t = self.track
        return self.low + (x - t.left) / max(1, t.width) * (self.high - self.low)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEMOTION:
            self.hovered = self.rect.collidepoint(event.pos)
            if self.dragging:
                self.set_value(self._value_at(event.pos[0]))
                return True
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.rect.collidepoint(event.pos):
            self.dragging = True
            self.set_value(self._value_at(event.pos[0]))
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.dragging:
            self.dragging = False
            return True
        if event.type == pygame.MOUSEWHEEL and self.hovered:
            self.set_value(self.value + self.step * event.y)
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.set_value(self.value + (self.step if event.key == pygame.K_RIGHT else -self.step))
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        _focus_ring(surface, self.rect, self.focused or self.hovered)
        t = self.track
        pygame.draw.rect(surface, theme.FILM_BLACK, t)
        frac = (self.value - self.low) / max(1e-9, self.high - self.low)
        filled = t.copy()
        filled.width = round(t.width * frac)
        pygame.draw.rect(surface, theme.GLOW if self.focused else theme.GLOW_DIM, filled)
        pygame.draw.rect(surface, theme.FILM_EDGE, t, 1)
        knob = (t.left + filled.width, t.centery)
        pygame.draw.circle(surface, theme.BONE, knob, theme.px(9))
        pygame.draw.circle(surface, theme.FILM_BLACK, knob, theme.px(4))
        img = render(self.fmt(self.value), "ui_bold", theme.SIZE_BODY, theme.BONE)
        surface.blit(img, (self.rect.right - theme.px(12) - img.get_width(), self.rect.centery - img.get_height() // 2))


class Toggle(Widget):
    """An on/off switch with words ("On"/"Off" by default)."""

    focusable = True

    def __init__(
        self,
        rect: pygame.Rect | tuple[int, int, int, int] | None = None,
        value: bool = False,
        on_change: Callable[[bool], None] | None = None,
        words: tuple[str, str] = ("Off", "On"),
        tooltip: str = "",
    ) -> None:
        super().__init__(rect, tooltip)
        self.value, self.on_change, self.words = value, on_change, words

    def set_value(self, value: bool) -> None:
        if value != self.value:
            self.value = value
            if self.on_change is not None:
                self.on_change(value)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEMOTION:
            self.hovered = self.rect.collidepoint(event.pos)
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.rect.collidepoint(event.pos):
            self.set_value(not self.value)
            return True
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.set_value(not self.value)
                return True
            if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
                self.set_value(event.key == pygame.K_RIGHT)
                return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        _focus_ring(surface, self.rect, self.focused or self.hovered)
        h = theme.px(22)
        track = pygame.Rect(self.rect.left + theme.px(12), self.rect.centery - h // 2, theme.px(46), h)
        pygame.draw.rect(surface, theme.GLOW_DIM if self.value else theme.FILM_BLACK, track, border_radius=h // 2)
        pygame.draw.rect(surface, theme.FILM_EDGE, track, 1, border_radius=h // 2)
        kx = track.right - h // 2 if self.value else track.left + h // 2
        pygame.draw.circle(surface, theme.BONE if self.value else theme.BONE_DIM, (kx, track.centery), h // 2 - theme.px(3))
        img = render(self.words[1] if self.value else self.words[0], "ui_bold", theme.SIZE_BODY, theme.BONE)
        surface.blit(img, (track.right + theme.px(12), self.rect.centery - img.get_height() // 2))


class Choice(Widget):
    """One of several `options` as (value, label) pairs, shown as ‹ label › with arrow buttons."""

    focusable = True

    def __init__(
        self,
        rect: pygame.Rect | tuple[int, int, int, int] | None = None,
        options: Sequence[tuple[Any, str]] = (),
        value: Any = None,
        on_change: Callable[[Any], None] | None = None,
        wrap: bool = True,
        tooltip: str = "",
    ) -> None:
        super().__init__(rect, tooltip)
        self.options = list(options)
        self.on_change, self.wrap = on_change, wrap
        values = [v for v, _ in self.options]
        self.index = values.index(value) if value in values else 0

    @property
    def value(self) -> Any:
        return self.options[self.index][0] if self.options else None

    def set_index(self, index: int) -> None:
        if not self.options:
            return
        n = len(self.options)
        index = index % n if self.wrap else max(0, min(n - 1, index))
        if index != self.index:
            self.index = index
            if self.on_change is not None:
                self.on_change(self.value)

    def _arrows(self) -> tuple[pygame.Rect, pygame.Rect]:
        s = self.rect.height
        return pygame.Rect(self.rect.left, self.rect.top, s, s), pygame.Rect(self.rect.right - s, self.rect.top, s, s)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEMOTION:
            self.hovered = self.rect.collidepoint(event.pos)
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.rect.collidepoint(event.pos):
            left, _right = self._arrows()
            self.set_index(self.index + (-1 if left.collidepoint(event.pos) else 1))
            return True
        if event.type == pygame.MOUSEWHEEL and self.hovered:
            self.set_index(self.index - event.y)
            return True
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_LEFT:
                self.set_index(self.index - 1)
                return True
            if event.key in (pygame.K_RIGHT, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.set_index(self.index + 1)
                return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        _focus_ring(surface, self.rect, self.focused or self.hovered)
        left, right = self._arrows()
        for box, glyph in ((left, "‹"), (right, "›")):
            img = render(glyph, "ui_bold", theme.SIZE_HEADING, theme.GLOW if self.focused else theme.BONE_DIM)
            surface.blit(img, img.get_rect(center=box.center))
        label = self.options[self.index][1] if self.options else "—"
        room = self.rect.width - 2 * left.width
        img = render(fit(label, theme.font("ui_bold", theme.SIZE_BODY), room), "ui_bold", theme.SIZE_BODY, theme.BONE)
        surface.blit(img, img.get_rect(center=self.rect.center))
