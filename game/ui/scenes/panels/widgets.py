"""Small controls the panels need on top of the shared widget set: a checkbox list and a number stepper."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.core.profile import CutProfile
from game.ui.art.record import draw_record
from game.ui.look import paint, theme
from game.ui.look.text import fit, render
from game.ui.widgets.base import Widget
from game.ui.widgets.controls import Choice
from game.ui.widgets.listview import ListView, Row


class ChecklistView(ListView):
    """A ListView whose rows can be ticked: click the box column (or double-click, Space, Enter) to toggle.
    `checked` holds the ticked row indices; `on_toggle()` runs after every change."""

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], rows: Sequence[Row], columns: Sequence[float],
                 header: Sequence[str] = (), on_toggle: Callable[[], None] | None = None, tooltip: str = "",
                 empty_text: str = "nothing here", checked: set[int] | None = None, size: int = theme.SIZE_BODY) -> None:
        self.checked: set[int] = set(checked or ())
        self._plain: list[tuple[str, ...]] = []
        self.on_toggle = on_toggle
        super().__init__(rect, rows, columns=(0.35, *columns), header=("", *header), tooltip=tooltip,
                         empty_text=empty_text, on_activate=self.toggle, size=size)

    def set_rows(self, rows: Sequence[Row], keep_selection: bool = False) -> None:
        self._plain = [(r,) if isinstance(r, str) else tuple(r) for r in rows]
        super().set_rows(self._boxed(), keep_selection)

    def _boxed(self) -> list[tuple[str, ...]]:
        return [("", *row) for row in self._plain]

    def toggle(self, index: int) -> None:
        if not 0 <= index < len(self._plain):
            return
        self.checked ^= {index}
        scroll, selected = self.scroll, self.selected
        self.rows = self._boxed()
        self.scroll, self.selected = scroll, selected
        if self.on_toggle is not None:
            self.on_toggle()

    def set_checked(self, indices: set[int]) -> None:
        """Tick exactly `indices` (the selection stays)."""
        self.checked = {i for i in indices if 0 <= i < len(self._plain)}
        scroll, selected = self.scroll, self.selected
        self.rows = self._boxed()
        self.scroll, self.selected = scroll, selected
        if self.on_toggle is not None:
            self.on_toggle()

    def set_all(self, on: bool) -> None:
        self.checked = set(range(len(self._plain))) if on else set()
        self.rows = self._boxed()
        if self.on_toggle is not None:
            self.on_toggle()

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        if not self.visible:
            return
        box_w = self._column_widths()[0]
        side = min(theme.px(18), self._row_h - theme.px(10))
        end = min(len(self.rows), self.scroll + self.visible_rows)
        for i in range(self.scroll, end):
            rr = self.row_rect(i)
            box = pygame.Rect(0, 0, side, side)
            box.center = (rr.left + box_w // 2 + theme.px(3), rr.centery)
            on = i in self.checked
            pygame.draw.rect(surface, theme.FILM_BLACK, box)
            pygame.draw.rect(surface, theme.GLOW if on else theme.BONE_DIM, box, 2)
            if on:
                a = (box.left + side * 0.22, box.top + side * 0.52)
                b = (box.left + side * 0.43, box.top + side * 0.74)
                c = (box.left + side * 0.80, box.top + side * 0.26)
                pygame.draw.lines(surface, theme.BONE, False, [a, b, c], max(2, theme.px(3)))

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.visible and self.rect.collidepoint(event.pos):
            index = self.row_at(event.pos)
            if index >= 0:
                self.select(index)
                self.toggle(index)  # one click ticks: the whole row is the checkbox
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE and self.selected >= 0:
            self.toggle(self.selected)
            return True
        return super().handle_event(event)


class Stepper(Choice):
    """A whole number from `low` to `high` shown as ‹ n ›, with a `unit` word; Left/Right or clicks change it."""

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], value: int, low: int, high: int,
                 on_change: Callable[[int], None] | None = None, unit: str = "", tooltip: str = "") -> None:
        options = [(n, f"{n} {unit}".strip()) for n in range(low, max(low, high) + 1)]
        super().__init__(rect, options, value, on_change, wrap=False, tooltip=tooltip)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            return False  # Enter belongs to the scene (confirm), not "next value"
        return super().handle_event(event)

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        if not self.enabled:
            veil = pygame.Surface(self.rect.size, pygame.SRCALPHA)
            veil.fill((*theme.FILM_BLACK, 150))
            surface.blit(veil, self.rect.topleft)


class RecordView(Widget):
    """Draws a record picture centred in its rect, square, with `caption` lines below it."""

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], profile: CutProfile | None = None, seed: int = 0,
                 caption: Sequence[str] = (), tooltip: str = "", empty_text: str = "no record") -> None:
        super().__init__(rect, tooltip)
        self.profile, self.seed, self.caption, self.empty_text = profile, seed, list(caption), empty_text

    def disc_rect(self) -> pygame.Rect:
        cap_h = len(self.caption) * theme.px(20) + (theme.px(6) if self.caption else 0)
        side = max(8, min(self.rect.width, self.rect.height - cap_h))
        return pygame.Rect(self.rect.centerx - side // 2, self.rect.top, side, side)

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible:
            return
        disc = self.disc_rect()
        if self.profile is None:
            pygame.draw.circle(surface, theme.FILM_EDGE, disc.center, disc.width // 2 - theme.px(4), 1)
            img = render(self.empty_text, "italic", theme.SIZE_SMALL, theme.BONE_DIM)
            surface.blit(img, img.get_rect(center=disc.center))
        else:
            r = theme.px(12)
            surface.blit(paint.shadow((disc.width - 2 * r, disc.height - 2 * r), r * 2, 160), (disc.left + r, disc.top + r + theme.px(6)))
            surface.blit(draw_record(self.profile, disc.width, self.seed), disc.topleft)
        y = disc.bottom + theme.px(6)
        for i, line in enumerate(self.caption):
            role, color = ("ui_bold", theme.BONE) if i == 0 else ("italic", theme.BONE_DIM)
            img = render(fit(line, theme.font(role, theme.SIZE_SMALL), self.rect.width), role, theme.SIZE_SMALL, color)
            surface.blit(img, (self.rect.centerx - img.get_width() // 2, y))
            y += theme.px(20)
