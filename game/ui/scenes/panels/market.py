"""A market, buyer or dance hall: demand and price per genre, price history, and your records to sell."""

from __future__ import annotations

import pygame

from game.core.commands import SellRecords, rubles
from game.core.market import price_at_demand
from game.core.preview import sale_preview
from game.ui.look import theme
from game.ui.scenes.panels.base import SitePanel
from game.ui.scenes.panels.widgets import ChecklistView
from game.ui.scenes.panels.words import demand_words, points
from game.ui.widgets.button import Button
from game.ui.widgets.chart import LineChart
from game.ui.widgets.label import Label, TextBlock
from game.ui.widgets.listview import ListView
from game.ui.widgets.panel import Panel

ROW = 30
KOMSOMOL = ("Komsomol brigades raid the dance floors: being stopped here with records means confiscation and a "
            "fine at best, and your heat rises. Sell fast and leave.")


class MarketPanel(SitePanel):
    """Demand per genre with the price of one of your typical records, a price-history chart per genre, and a
    checklist of your records that sell here with the engine's sale total."""

    name = "market"

    def build_body(self, area: pygame.Rect) -> None:
        world, view, me = self.world, self.view, self.view.player
        gap = theme.px(14)
        left_w = round(area.width * 0.49)
        demand = view.demand.get(self.site_id, {})
        self.genres = [g for g in sorted(demand, key=lambda g: -demand[g]) if g in world.genres]
        quals = [r.quality for r in me.records]
        self.typical = sum(quals) / len(quals) if quals else 0.5
        lp = self.add(Panel((area.left, area.top, left_w, area.height), "Demand here tonight"))
        inner = lp.inner
        row = theme.px(ROW)
        rows = []
        for g in self.genres:
            d = demand[g]
            price = price_at_demand(world, self.site_id, g, d, self.typical, me.reputation)
            rows.append((world.genres[g].name, f"{demand_words(d)} {d:.2f}×", rubles(price)))
        list_h = row * (len(rows) + 1) + theme.px(4)
        self.add(ListView((inner.left, inner.top, inner.width, list_h), rows, columns=(1.5, 1.4, 1.2),
                          header=("Genre", "Demand", f"One record (q {points(self.typical)})"), row_height=ROW,
                          empty_text="nobody buys here",
                          tooltip=f"The price of one record of your typical quality ({points(self.typical)} of 100) "
                                  "at tonight's demand; every sale lowers that genre's demand here by 8 %."))
        y = inner.top + list_h + theme.px(10)
        self.add(Label("Price of a fair record over the last evenings", (inner.left, y, inner.width, theme.px(22)),
                       "ui_bold", theme.SIZE_SMALL, theme.GLOW))
        y += theme.px(26)
        cols = 2
        n = max(1, len(self.genres))
        lines = (n + cols - 1) // cols
        cw = (inner.width - theme.px(12) * (cols - 1)) // cols
        ch = min(theme.px(130), (inner.bottom - y - theme.px(8) * (lines - 1)) // lines)
        self.charts: list[LineChart] = []
        for i, g in enumerate(self.genres):
            x = inner.left + (i % cols) * (cw + theme.px(12))
            cy = y + (i // cols) * (ch + theme.px(8))
            hist = [v / 100 for v in view.price_history.get(f"{self.site_id}:{g}", [])]
            self.charts.append(self.add(LineChart((x, cy, cw, ch), hist, world.genres[g].name,
                                                  tooltip=f"{world.genres[g].name}: what a record of quality 50 "
                                                          "fetched here at the end of each evening.")))
        # ---------------------------------------------------------------- your records
        rx = area.left + left_w + gap
        rw = area.width - left_w - gap
        rp = self.add(Panel((rx, area.top, rw, area.height), "Your records that sell here"))
        inner = rp.inner
        self.records = [r for r in me.records if demand.get(r.genre, 0.0) > 0]
        unsold = len(me.records) - len(self.records)
        r_rows = [(f"#{r.id} {r.title}", world.genres[r.genre].name if r.genre in world.genres else r.genre,
                   points(r.quality), rubles(price_at_demand(world, self.site_id, r.genre, demand.get(r.genre, 0.0),
                                                              r.quality, me.reputation)))
                  for r in self.records]
        warn_h = theme.px(64) if self.site.kind == "dance_hall" else 0
        bh = theme.px(40)
        foot = theme.px(26) + theme.px(30) + bh + theme.px(12) + warn_h + (theme.px(22) if unsold else 0)
        list_h = inner.height - foot
        self.checklist = self.add(ChecklistView(
            (inner.left, inner.top, inner.width, list_h), r_rows, columns=(2.6, 1.1, 0.7, 1.1),
            header=("Record", "Genre", "Qual.", "Alone"), on_toggle=self._update_total,
            checked=set(range(len(self.records))), empty_text="none of your records sells here",
            tooltip="Tick the records to sell (click, Space). 'Alone' is the price of that record sold by itself."))
        y = inner.top + list_h + theme.px(4)
        if unsold:
            self.add(Label(f"{unsold} of your records are of genres nobody buys here.",
                           (inner.left, y, inner.width, theme.px(22)), "italic", theme.SIZE_SMALL, theme.BONE_DIM))
            y += theme.px(22)
        self.add(Button("All", lambda: self.checklist.set_all(True), (inner.left, y, theme.px(70), theme.px(28)),
                        tooltip="Tick every record.", size=theme.SIZE_SMALL))
        self.add(Button("None", lambda: self.checklist.set_all(False),
                        (inner.left + theme.px(78), y, theme.px(70), theme.px(28)), tooltip="Untick every record.",
                        size=theme.SIZE_SMALL))
        self.total_label = self.add(Label("", (inner.left + theme.px(160), y, inner.width - theme.px(160), theme.px(28)),
                                          "ui_bold", theme.SIZE_BODY, theme.AMBER, align="right",
                                          tooltip="What the buyers pay tonight for the ticked records, sold one after "
                                                  "another (each sale lowers the demand for the next)."))
        y += theme.px(36)
        if warn_h:
            self.add(TextBlock(KOMSOMOL, (inner.left, y, inner.width, warn_h - theme.px(4)), "ui", theme.SIZE_SMALL,
                               theme.RED))
            y += warn_h
        y = inner.bottom - bh
        self.sell_button = self.action_button(
            "Sell tonight", None, (inner.left, y, theme.px(200), bh),
            tooltip="Sell the ticked records here when you arrive tonight.",
            reason_rect=(inner.left + theme.px(212), y, inner.width - theme.px(212), bh))
        self._update_total()

    def selected_ids(self) -> list[int]:
        return [self.records[i].id for i in sorted(self.checklist.checked) if i < len(self.records)]

    def _update_total(self) -> None:
        ids = self.selected_ids()
        preview = sale_preview(self.world, self.view, self.site_id, ids)
        self.total = preview.total
        outcome = preview.outcome
        self.total_label.text = (f"{len(ids)} records: {rubles(self.total)}, reputation {outcome.reputation:+d}, "
                                 f"heat {outcome.heat:+d}") if ids else "nothing ticked"
        self.set_action(self.sell_button, SellRecords(records=ids) if ids else None, "tick the records to sell")
