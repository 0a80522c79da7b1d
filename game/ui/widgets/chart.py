"""LineChart: a small price-history chart (values over turns), drawn once per data change and cached."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.ui.look import theme
from game.ui.look.text import render
from game.ui.widgets.base import Widget


class LineChart(Widget):
    """Plots `values` left to right with min/max gridlines and the latest value labelled.
    `ink` True draws dark ink for paper backgrounds; otherwise glow on film. `reference` (with `reference_label`)
    draws a dashed level across the chart, e.g. what your own record would fetch, for comparison."""

    def __init__(
        self,
        rect: pygame.Rect | tuple[int, int, int, int] | None = None,
        values: Sequence[float] = (),
        title: str = "",
        unit: str = " rub",
        ink: bool = False,
        tooltip: str = "",
        reference: float | None = None,
        reference_label: str = "",
    ) -> None:
        super().__init__(rect, tooltip)
        self.title, self.unit, self.ink = title, unit, ink
        self.reference, self.reference_label = reference, reference_label
        self._values: tuple[float, ...] = tuple(values)
        self._img: pygame.Surface | None = None
        self._key: tuple | None = None

    @property
    def values(self) -> tuple[float, ...]:
        return self._values

    @values.setter
    def values(self, values: Sequence[float]) -> None:
        self._values = tuple(values)

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible or self.rect.width < 20 or self.rect.height < 20:
            return
        key = (self._values, self.rect.size, self.title, self.reference, theme.scale(), theme.palette())
        if key != self._key:
            self._img, self._key = self._render(), key
        assert self._img is not None
        surface.blit(self._img, self.rect.topleft)

    def _render(self) -> pygame.Surface:
        w, h = self.rect.size
        img = pygame.Surface((w, h), pygame.SRCALPHA)
        fg = theme.INK if self.ink else theme.GLOW
        grid = theme.PAPER_SHADOW if self.ink else theme.FILM_EDGE
        text_c = theme.INK_SOFT if self.ink else theme.BONE_DIM
        top = theme.px(4)
        if self.title:
            t = render(self.title, "ui_bold", theme.SIZE_SMALL, text_c)
            img.blit(t, (0, 0))
            top = t.get_height() + theme.px(4)
        label_w = theme.px(44)
        plot = pygame.Rect(label_w, top, w - label_w - theme.px(4), h - top - theme.px(4))
        pygame.draw.rect(img, grid, plot, 1)
        vals = self._values
        if len(vals) < 2:
            msg = render("no history yet", "ui", theme.SIZE_SMALL, text_c)
            img.blit(msg, msg.get_rect(center=plot.center))
            return img
        lo, hi = min(vals), max(vals)
        if self.reference is not None:
            lo, hi = min(lo, self.reference), max(hi, self.reference)
        if hi - lo < 1e-9:
            lo, hi = lo - 1, hi + 1
        for v in (lo, hi):
            lbl = render(f"{v:.0f}{self.unit}", "ui", theme.SIZE_SMALL - 2, text_c)
            y = plot.bottom - (v - lo) / (hi - lo) * plot.height
            img.blit(lbl, (label_w - lbl.get_width() - theme.px(4), round(y) - lbl.get_height() // 2))
        mid = plot.top + plot.height // 2
        pygame.draw.line(img, grid, (plot.left, mid), (plot.right, mid))
        pts = [
            (plot.left + i * plot.width / (len(vals) - 1), plot.bottom - 1 - (v - lo) / (hi - lo) * (plot.height - 2))
            for i, v in enumerate(vals)
        ]
        if self.reference is not None:
            ry = round(plot.bottom - 1 - (self.reference - lo) / (hi - lo) * (plot.height - 2))
            ref_c = theme.AMBER
            for x in range(plot.left + 2, plot.right - 2, theme.px(8)):
                pygame.draw.line(img, ref_c, (x, ry), (min(x + theme.px(4), plot.right - 2), ry), 2)
            if self.reference_label:
                lbl = render(self.reference_label, "ui_bold", theme.SIZE_SMALL - 3, ref_c)
                img.blit(lbl, (plot.left + theme.px(4), max(plot.top, min(ry - lbl.get_height() - 1, plot.bottom - lbl.get_height()))))
        pygame.draw.aalines(img, fg, False, pts)
        pygame.draw.lines(img, fg, False, pts, 2)
        pygame.draw.circle(img, theme.RED if vals[-1] < vals[-2] else fg, (round(pts[-1][0]), round(pts[-1][1])), theme.px(4))
        return img
