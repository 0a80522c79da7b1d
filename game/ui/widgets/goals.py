"""GoalTracker: a short list of goals with ticks and progress, over the map (the first-steps guide today, the
campaign's objectives later). Fed plain data, so any caller can use it:

    GoalTracker(rect, "First steps", [Goal("Scavenge films", done=True), Goal("Buy a master", progress=0.5)])

The first goal not done is the current one (highlighted, with its progress bar); clicking a goal calls
`on_select(index)`; hovering shows that goal's `hint`. Clicking the title folds the list to the current goal
(and back); `on_fold(collapsed)` lets the owner remember it and re-lay out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

from game.ui.look import paint, theme
from game.ui.look.text import fit, render
from game.ui.widgets.base import Widget

ROW = 22
TITLE = 24
PAD = 8


@dataclass(frozen=True)
class Goal:
    text: str
    done: bool = False
    progress: float | None = None  # 0-1, shown under the current goal
    hint: str = ""


class GoalTracker(Widget):
    """Ticks for done goals, an arrow for the current one, circles for the rest."""

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int] | None, title: str, goals: Sequence[Goal],
                 on_select: Callable[[int], None] | None = None, tooltip: str = "", collapsed: bool = False,
                 on_fold: Callable[[bool], None] | None = None) -> None:
        self.title, self.goals, self.on_select = title, list(goals), on_select
        self.collapsed, self.on_fold = collapsed, on_fold
        self._pointer = (-1, -1)
        self._img: pygame.Surface | None = None
        self._key: tuple | None = None
        super().__init__(rect, tooltip)

    @staticmethod
    def height_for(count: int, collapsed: bool = False) -> int:
        """The height (pixels, current scale) a tracker of `count` goals needs (one row when folded)."""
        return theme.px(TITLE + PAD * 2) + (min(1, count) if collapsed else count) * theme.px(ROW)

    @property
    def current(self) -> int:
        return next((i for i, g in enumerate(self.goals) if not g.done), -1)

    def shown(self) -> list[int]:
        """The goal indices drawn, top to bottom."""
        if self.collapsed:
            return [self.current] if self.current >= 0 else []
        return list(range(len(self.goals)))

    def row_rect(self, index: int) -> pygame.Rect:
        top = self.rect.top + theme.px(TITLE + PAD)
        shown = self.shown()
        place = shown.index(index) if index in shown else len(shown)
        return pygame.Rect(self.rect.left, top + place * theme.px(ROW), self.rect.width, theme.px(ROW))

    def row_at(self, pos: tuple[int, int]) -> int:
        return next((i for i in self.shown() if self.row_rect(i).collidepoint(pos)), -1)

    @property
    def tooltip(self) -> str:
        i = self.row_at(self._pointer) if self.hovered else -1
        if i >= 0:
            g = self.goals[i]
            return f"{g.text}{' (done)' if g.done else ''}. {g.hint}".strip()
        return self._tooltip

    @tooltip.setter
    def tooltip(self, value: str) -> None:
        self._tooltip = value

    def handle_event(self, event: pygame.event.Event) -> bool:
        if not self.visible:
            return False
        if event.type == pygame.MOUSEMOTION:
            self.hovered = self.rect.collidepoint(event.pos)
            self._pointer = event.pos
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.rect.collidepoint(event.pos):
            i = self.row_at(event.pos)
            if i >= 0 and self.on_select is not None:
                self.on_select(i)
            elif event.pos[1] < self.rect.top + theme.px(TITLE + PAD):
                self.collapsed = not self.collapsed
                if self.on_fold is not None:
                    self.on_fold(self.collapsed)
            return True
        return event.type in (pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL) and self.rect.collidepoint(getattr(event, "pos", (-1, -1)))

    def draw(self, surface: pygame.Surface) -> None:
        """One blit of the tracker, painted again only when its goals, fold, size, scale or palette change."""
        if not self.visible or not self.goals:
            return
        key = (tuple(self.goals), self.collapsed, self.rect.size, theme.scale(), theme.palette(), self.title)
        if self._img is None or self._key != key:
            self._img = pygame.Surface(self.rect.size, pygame.SRCALPHA)
            self._paint(self._img, self.rect.move(-self.rect.left, -self.rect.top))
            self._key = key
        surface.blit(self._img, self.rect.topleft)

    def _paint(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        surface.blit(paint.film_panel(rect.size, 225), rect.topleft)
        pad = theme.px(PAD)
        done = sum(g.done for g in self.goals)
        head = f"{'▸' if self.collapsed else '▾'} {self.title.upper()}  {done}/{len(self.goals)}"
        title = render(fit(head, theme.font("ui_bold", theme.SIZE_SMALL - 2), rect.width - 2 * pad),
                       "ui_bold", theme.SIZE_SMALL - 2, theme.GLOW)
        surface.blit(title, (rect.left + pad, rect.top + pad))
        current = self.current
        size = theme.SIZE_SMALL
        for i in self.shown():
            g = self.goals[i]
            r = self.row_rect(i).move(rect.left - self.rect.left, rect.top - self.rect.top)
            box = pygame.Rect(r.left + pad, r.centery - theme.px(6), theme.px(12), theme.px(12))
            if g.done:
                pygame.draw.rect(surface, theme.GREEN, box, border_radius=theme.px(2))
                a, b, c = (box.left + box.w * 0.2, box.top + box.h * 0.5), (box.left + box.w * 0.42, box.top + box.h * 0.78), \
                    (box.left + box.w * 0.85, box.top + box.h * 0.22)
                pygame.draw.lines(surface, theme.FILM_BLACK, False, [a, b, c], max(2, theme.px(2)))
            elif i == current:
                pts = [(box.left, box.top), (box.right, box.centery), (box.left, box.bottom)]
                pygame.draw.polygon(surface, theme.BONE, pts)
            else:
                pygame.draw.circle(surface, theme.BONE_DIM, box.center, box.width // 2, 1)
            color = theme.BONE_DIM if g.done else theme.BONE if i == current else theme.BONE_DIM
            role = "ui_bold" if i == current else "ui"
            x = box.right + theme.px(7)
            text = render(fit(g.text, theme.font(role, size), r.right - pad - x), role, size, color)
            surface.blit(text, (x, r.centery - text.get_height() // 2 - (theme.px(2) if i == current and g.progress is not None else 0)))
            if g.done:
                pygame.draw.line(surface, theme.BONE_DIM, (x, r.centery), (x + text.get_width(), r.centery))
            if i == current and g.progress is not None:
                bar = pygame.Rect(x, r.bottom - theme.px(4), r.right - pad - x, theme.px(3))
                pygame.draw.rect(surface, theme.FILM_BLACK, bar)
                pygame.draw.rect(surface, theme.GLOW, (bar.left, bar.top, round(bar.width * max(0.0, min(1.0, g.progress))), bar.height))
