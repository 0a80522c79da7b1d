"""NewspaperPage: a period evening paper on sepia — masthead, date line, a lead story and columns.

The turn report fills it with `Article`s; the page is laid out and rendered once per content/size and cached.
Articles flow into the shortest column; the first `lead` article spans two columns under a big headline.
An article's `kind` "danger" sets its headline in red ink (what happened to *you*), "notice" boxes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.ui.look import paint, theme
from game.ui.look.text import draw_paragraphs, paragraphs_height, render, wrap
from game.ui.widgets.base import Widget


@dataclass(frozen=True)
class Article:
    headline: str
    body: str
    kind: str = "normal"  # normal, lead, danger, notice
    kicker: str = ""  # small line above the headline


class NewspaperPage(Widget):
    """A full newspaper page in `rect`."""

    def __init__(
        self,
        rect: pygame.Rect | tuple[int, int, int, int] | None = None,
        masthead: str = "Evening Leningrad",
        motto: str = "Пролетарии всех стран, соединяйтесь!",
        date_line: str = "",
        articles: Sequence[Article] = (),
        seed: int = 5,
    ) -> None:
        super().__init__(rect)
        self.masthead, self.motto, self.date_line, self.seed = masthead, motto, date_line, seed
        self.articles = tuple(articles)
        self._img: pygame.Surface | None = None
        self._key: tuple | None = None

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible or self.rect.width < 100:
            return
        key = (self.rect.size, self.masthead, self.date_line, self.articles, theme.scale())
        if key != self._key:
            self._img, self._key = self._render(), key
        r = theme.px(12)
        surface.blit(paint.shadow(self.rect.size, r, 170), (self.rect.left - r + theme.px(5), self.rect.top - r + theme.px(8)))
        assert self._img is not None
        surface.blit(self._img, self.rect.topleft)

    def _render(self) -> pygame.Surface:
        w, h = self.rect.size
        page = paint.paper((w, h), self.seed).copy()
        m = theme.px(26)
        y = theme.px(16)
        motto = render(self.motto, "italic", theme.SIZE_SMALL - 2, theme.INK_SOFT)
        page.blit(motto, (m, y))
        price = render("Price 20 kop.", "italic", theme.SIZE_SMALL - 2, theme.INK_SOFT)
        page.blit(price, (w - m - price.get_width(), y))
        y += motto.get_height() + theme.px(2)
        title_size = theme.SIZE_MASTHEAD
        while title_size > 24 and theme.font("headline", title_size).size(self.masthead.upper())[0] > w - 2 * m:
            title_size -= 4
        title = render(self.masthead.upper(), "headline", title_size, theme.INK)
        page.blit(title, ((w - title.get_width()) // 2, y))
        y += title.get_height()
        pygame.draw.line(page, theme.INK, (m, y), (w - m, y), 3)
        pygame.draw.line(page, theme.INK, (m, y + theme.px(5)), (w - m, y + theme.px(5)), 1)
        y += theme.px(9)
        date = render(self.date_line, "serif_bold", theme.SIZE_SMALL, theme.INK)
        page.blit(date, ((w - date.get_width()) // 2, y))
        y += date.get_height() + theme.px(4)
        pygame.draw.line(page, theme.INK, (m, y), (w - m, y), 1)
        y += theme.px(12)
        self._columns(page, pygame.Rect(m, y, w - 2 * m, h - y - m))
        return page

    def _columns(self, page: pygame.Surface, area: pygame.Rect) -> None:
        n = 4 if area.width > theme.px(900) else 3 if area.width > theme.px(560) else 2
        gutter = theme.px(18)
        col_w = (area.width - gutter * (n - 1)) // n
        tops = [area.top] * n
        articles = list(self.articles)
        if articles and articles[0].kind == "lead":
            lead = articles.pop(0)
            span = min(2, n) * col_w + gutter * (min(2, n) - 1)
            used = self._article(page, lead, pygame.Rect(area.left, area.top, span, area.height), lead_size=True)
            for i in range(min(2, n)):
                tops[i] = area.top + used + theme.px(16)
        for art in articles:
            i = min(range(n), key=lambda k: tops[k])
            x = area.left + i * (col_w + gutter)
            if area.bottom - tops[i] < theme.px(60):
                break
            used = self._article(page, art, pygame.Rect(x, tops[i], col_w, area.bottom - tops[i]))
            tops[i] += used + theme.px(10)
            if tops[i] < area.bottom - theme.px(40):
                mid = x + col_w // 2
                pygame.draw.line(page, theme.INK_SOFT, (mid - theme.px(24), tops[i] - theme.px(5)), (mid + theme.px(24), tops[i] - theme.px(5)))
        for i in range(1, n):
            x = area.left + i * (col_w + gutter) - gutter // 2
            top = area.top if i >= 2 or not (self.articles and self.articles[0].kind == "lead") else tops[0] - theme.px(10)
            pygame.draw.line(page, theme.PAPER_SHADOW, (x, top), (x, area.bottom))

    def _article(self, page: pygame.Surface, art: Article, rect: pygame.Rect, lead_size: bool = False) -> int:
        """Draw one article at the top of `rect`; return the height used."""
        y = rect.top
        if art.kind == "notice":
            rect = rect.inflate(-theme.px(8), 0)
            y += theme.px(6)
        if art.kicker:
            k = render(art.kicker.upper(), "ui_bold", theme.SIZE_SMALL - 3, theme.RED_DARK if art.kind == "danger" else theme.INK_SOFT)
            page.blit(k, (rect.left, y))
            y += k.get_height() + theme.px(2)
        size = 34 if lead_size else 21
        color = theme.RED_DARK if art.kind == "danger" else theme.INK
        font = theme.font("headline", size)
        for line in wrap(art.headline, font, rect.width):
            img = render(line, "headline", size, color)
            page.blit(img, (rect.left, y))
            y += round(font.get_linesize() * 0.95)
        y += theme.px(4)
        body_size = 16 if lead_size else 14
        room = rect.bottom - y
        need = paragraphs_height(art.body, rect.width, "serif", body_size, 1.25)
        if need <= room:
            draw_paragraphs(page, art.body, pygame.Rect(rect.left, y, rect.width, need), "serif", body_size, theme.INK, 1.25)
            y += need
        else:  # does not fit: cut at a whole line and send the reader on, as papers do
            more = render("(continued on page 2)", "italic", body_size - 1, theme.INK_SOFT)
            room -= more.get_height() + theme.px(2)
            y += draw_paragraphs(page, art.body, pygame.Rect(rect.left, y, rect.width, room), "serif", body_size, theme.INK, 1.25)
            page.blit(more, (rect.right - more.get_width(), y))
            y += more.get_height()
        if art.kind == "notice":
            box = pygame.Rect(rect.left - theme.px(6), rect.top, rect.width + theme.px(12), y - rect.top + theme.px(6))
            pygame.draw.rect(page, theme.INK, box, 2)
            y += theme.px(8)
        return y - rect.top
