"""ListView: a scrollable list or table with a selected row (mouse, wheel, arrows, Home/End, PageUp/Down)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.ui.look import theme
from game.ui.look.text import fit, render, with_full_text
from game.ui.widgets.base import Widget

Row = str | Sequence[str]


class ListView(Widget):
    """Rows of one or more cells. `columns` gives relative column widths and turns it into a table (with an
    optional `header`). `on_select(index)` runs when the selection changes, `on_activate(index)` on Enter or
    double-click. `ink` True draws dark ink for paper; otherwise bone on film. Cells too long for their column
    are shortened with an ellipsis; the tooltip over such a row shows the row in full."""

    focusable = True

    def __init__(
        self,
        rect: pygame.Rect | tuple[int, int, int, int] | None = None,
        rows: Sequence[Row] = (),
        columns: Sequence[float] = (1.0,),
        header: Sequence[str] = (),
        on_select: Callable[[int], None] | None = None,
        on_activate: Callable[[int], None] | None = None,
        row_height: int = theme.ROW_H,
        ink: bool = False,
        size: int = theme.SIZE_BODY,
        tooltip: str = "",
        empty_text: str = "nothing here",
    ) -> None:
        super().__init__(rect, tooltip)
        self.columns = tuple(columns)
        self.header = tuple(header)
        self.on_select, self.on_activate = on_select, on_activate
        self.row_height, self.ink, self.size, self.empty_text = row_height, ink, size, empty_text
        self.rows: list[tuple[str, ...]] = []
        self.selected = -1
        self.scroll = 0  # index of the first visible row
        self._last_click = (-1, -1000)
        self._ticks = 0
        self._pointer = (-1, -1)
        self.set_rows(rows)

    @property
    def tooltip(self) -> str:
        index = self.row_at(self._pointer) if self.hovered else -1
        if index >= 0 and self.row_elided(index):
            return with_full_text(self._tooltip, "  ·  ".join(c for c in self.rows[index] if c))
        return self._tooltip

    @tooltip.setter
    def tooltip(self, value: str) -> None:
        self._tooltip = value

    def row_elided(self, index: int) -> bool:
        """True when a cell of row `index` is too long for its column."""
        pad = theme.px(10)
        font = theme.font("ui_bold", self.size)
        return any(font.size(text)[0] > w - pad * 2 for text, w in zip(self.rows[index], self._column_widths(), strict=False))

    # ------------------------------------------------------------ data
    def set_rows(self, rows: Sequence[Row], keep_selection: bool = False) -> None:
        self.rows = [(r,) if isinstance(r, str) else tuple(r) for r in rows]
        if not keep_selection or self.selected >= len(self.rows):
            self.selected = 0 if self.rows else -1
        self.scroll = 0
        self._ensure_visible()

    def select(self, index: int, notify: bool = True) -> None:
        """Select row `index` (clamped), scroll it into view and tell `on_select`."""
        if not self.rows:
            return
        index = max(0, min(len(self.rows) - 1, index))
        changed = index != self.selected
        self.selected = index
        self._ensure_visible()
        if changed and notify and self.on_select is not None:
            self.on_select(index)

    # ------------------------------------------------------------ geometry
    @property
    def _row_h(self) -> int:
        return theme.px(self.row_height)

    @property
    def _body(self) -> pygame.Rect:
        top = self._row_h if self.header else 0
        return pygame.Rect(self.rect.left, self.rect.top + top, self.rect.width, self.rect.height - top)

    @property
    def visible_rows(self) -> int:
        return max(1, self._body.height // self._row_h)

    def _ensure_visible(self) -> None:
        n = self.visible_rows
        if self.selected >= 0:
            if self.selected < self.scroll:
                self.scroll = self.selected
            elif self.selected >= self.scroll + n:
                self.scroll = self.selected - n + 1
        self.scroll = max(0, min(self.scroll, max(0, len(self.rows) - n)))

    def row_rect(self, index: int) -> pygame.Rect:
        """Screen rectangle of row `index` (may be outside the widget when scrolled away)."""
        body = self._body
        return pygame.Rect(body.left, body.top + (index - self.scroll) * self._row_h, body.width, self._row_h)

    def row_at(self, pos: tuple[int, int]) -> int:
        body = self._body
        if not body.collidepoint(pos):
            return -1
        index = self.scroll + (pos[1] - body.top) // self._row_h
        return index if index < len(self.rows) else -1

    # ------------------------------------------------------------ input
    def handle_event(self, event: pygame.event.Event) -> bool:
        if not self.visible:
            return False
        if event.type == pygame.MOUSEMOTION:
            self.hovered = self.rect.collidepoint(event.pos)
            self._pointer = event.pos
            return False
        if event.type == pygame.MOUSEWHEEL and self.hovered:
            self.scroll = max(0, min(self.scroll - event.y, max(0, len(self.rows) - self.visible_rows)))
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.rect.collidepoint(event.pos):
            index = self.row_at(event.pos)
            if index >= 0:
                double = self._last_click[0] == index and self._ticks - self._last_click[1] < 24
                self.select(index)
                self._last_click = (index, self._ticks)
                if double and self.on_activate is not None:
                    self.on_activate(index)
            return True
        if event.type == pygame.KEYDOWN:
            moves = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -self.visible_rows, pygame.K_PAGEDOWN: self.visible_rows}
            if event.key in moves and self.rows:
                target = self.selected + moves[event.key]
                if 0 <= target < len(self.rows) or event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
                    self.select(target)
                    return True
                return False  # at an end: let the scene move focus on
            if event.key == pygame.K_HOME and self.rows:
                self.select(0)
                return True
            if event.key == pygame.K_END and self.rows:
                self.select(len(self.rows) - 1)
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.selected >= 0 and self.on_activate:
                self.on_activate(self.selected)
                return True
        return False

    def update(self, dt: float) -> None:
        self._ticks += 1

    # ------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible:
            return
        ink = self.ink
        fg = theme.INK if ink else theme.BONE
        dim = theme.INK_SOFT if ink else theme.BONE_DIM
        sel_fill = theme.INK if ink else theme.FILM_LIGHT
        sel_fg = theme.PAPER if ink else theme.BONE
        line_c = theme.PAPER_SHADOW if ink else theme.FILM_EDGE
        pad = theme.px(10)
        widths = self._column_widths()
        clip = surface.get_clip()
        surface.set_clip(self.rect.clip(clip) if clip else self.rect)
        if self.header:
            x = self.rect.left
            for text, w in zip(self.header, widths, strict=False):
                img = render(fit(text.upper(), theme.font("ui_bold", theme.SIZE_SMALL), w - pad), "ui_bold", theme.SIZE_SMALL, dim)
                surface.blit(img, (x + pad, self.rect.top + (self._row_h - img.get_height()) // 2))
                x += w
            y = self.rect.top + self._row_h - 1
            pygame.draw.line(surface, line_c, (self.rect.left, y), (self.rect.right, y))
        if not self.rows:
            img = render(self.empty_text, "italic", self.size, dim)
            surface.blit(img, (self.rect.left + pad, self._body.top + pad))
        end = min(len(self.rows), self.scroll + self.visible_rows + 1)
        for i in range(self.scroll, end):
            rr = self.row_rect(i)
            selected = i == self.selected
            if selected:
                pygame.draw.rect(surface, sel_fill, rr)
                if self.focused:
                    pygame.draw.rect(surface, theme.GLOW if not ink else theme.RED, (rr.left, rr.top, theme.px(4), rr.height))
            x = rr.left
            for j, (text, w) in enumerate(zip(self.rows[i], widths, strict=False)):
                role = "ui_bold" if selected and j == 0 else "ui"
                color = sel_fg if selected else (fg if j == 0 else dim)
                img = render(fit(text, theme.font(role, self.size), w - pad * 2), role, self.size, color)
                surface.blit(img, (x + pad + (theme.px(4) if j == 0 else 0), rr.centery - img.get_height() // 2))
                x += w
        surface.set_clip(clip)
        if len(self.rows) > self.visible_rows:  # scrollbar
            body = self._body
            track = pygame.Rect(self.rect.right - theme.px(5), body.top, theme.px(4), body.height)
            pygame.draw.rect(surface, line_c, track)
            frac = self.visible_rows / len(self.rows)
            thumb_h = max(theme.px(16), round(body.height * frac))
            span = body.height - thumb_h
            top = body.top + round(span * self.scroll / max(1, len(self.rows) - self.visible_rows))
            pygame.draw.rect(surface, dim, (track.left, top, track.width, thumb_h))
        if self.focused and not ink:
            pygame.draw.rect(surface, theme.GLOW_DIM, self.rect, 1)

    def _column_widths(self) -> list[int]:
        total = sum(self.columns) or 1.0
        widths = [round(self.rect.width * c / total) for c in self.columns]
        widths[-1] = self.rect.width - sum(widths[:-1])
        return widths
