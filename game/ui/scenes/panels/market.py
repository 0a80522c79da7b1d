"""A market, buyer or dance hall: demand and price per genre, the buyer's open errand, price history, and your
records to sell: the ticked ones, or "the best N" (`SellRecords(records="all", limit=N)`: the engine picks the most
valuable N the buyer takes when you get there), each with the engine's preview (money, reputation, heat, and the
errand the sale would deliver)."""

from __future__ import annotations

import pygame

from game.core import knowledge
from game.core.commands import SellRecords, rubles
from game.core.market import SALE_SATURATION, buys, price_at_demand
from game.core.preview import sale_preview
from game.ui.look import theme
from game.ui.play.errands import errand_at, errand_words
from game.ui.scenes.panels.base import SitePanel
from game.ui.scenes.panels.widgets import ChecklistView, Stepper
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
    """Demand per genre with the price of one of your typical records (best price first), a price-history chart
    per genre with your record's price beside it, and a checklist of your records that sell here with the
    engine's sale total and what the sale does to your reputation."""

    name = "market"

    def build_body(self, area: pygame.Rect) -> None:
        world, view, me = self.world, self.view, self.view.player
        gap = theme.px(14)
        left_w = round(area.width * 0.49)
        demand = view.demand.get(self.site_id, {})
        quals = [r.quality for r in me.records]
        self.typical = sum(quals) / len(quals) if quals else 0.5
        yours = {g: price_at_demand(world, self.site_id, g, demand[g], self.typical, me.reputation)
                 for g in demand if g in world.genres}
        self.genres = sorted(yours, key=lambda g: (-yours[g], g))
        lp = self.add(Panel((area.left, area.top, left_w, area.height), "Demand here tonight"))
        inner = lp.inner
        row = theme.px(ROW)
        rows = [(world.genres[g].name, demand_words(demand[g]), rubles(yours[g])) for g in self.genres]
        list_h = row * (len(rows) + 1) + theme.px(4)
        list_h = min(list_h, inner.height // 2)
        self.add(ListView((inner.left, inner.top, inner.width, list_h), rows, columns=(1.5, 1.1, 1.2),
                          header=("Genre", "Demand", "Your record"), row_height=ROW, empty_text="nobody buys here",
                          size=theme.SIZE_SMALL + 1,
                          tooltip=f"What one record of your typical quality ({points(self.typical)} of 100) fetches here at "
                                  "tonight's demand, best first. Each sale lowers that genre's demand here "
                                  f"(×{SALE_SATURATION} a record)."))
        y = inner.top + list_h + theme.px(10)
        self.errand = errand_at(view, self.site_id)
        if self.errand is not None:
            eh = theme.px(66)
            self.add(TextBlock("★ " + errand_words(world, view, self.errand, where=False),
                               (inner.left, y, inner.width, eh), "ui", theme.SIZE_SMALL, theme.AMBER, 1.1,
                               ))
            y += eh + theme.px(6)
        self.add(Label("A quality-50 record here, evening by evening", (inner.left, y, inner.width, theme.px(22)),
                       "ui_bold", theme.SIZE_SMALL, theme.GLOW,
                       tooltip="The street's price for a record of quality 50 (of 100) from a seller of reputation 50. "
                               "The dashed line is what your typical record fetches tonight."))
        y += theme.px(26)
        cols = 2
        n = max(1, len(self.genres))
        lines = (n + cols - 1) // cols
        cw = (inner.width - theme.px(12) * (cols - 1)) // cols
        ch = min(theme.px(130), (inner.bottom - y - theme.px(8) * (lines - 1)) // lines)
        self.charts: list[LineChart] = []
        if ch >= theme.px(44):
            for i, g in enumerate(self.genres):
                x = inner.left + (i % cols) * (cw + theme.px(12))
                cy = y + (i // cols) * (ch + theme.px(8))
                hist = [v / 100 for v in view.price_history.get(f"{self.site_id}:{g}", [])]
                self.charts.append(self.add(LineChart((x, cy, cw, ch), hist, world.genres[g].name, reference=yours[g] / 100,
                                                      reference_label="yours",
                                                      tooltip=f"{world.genres[g].name}: what a quality-50 record fetched here "
                                                              f"each evening; dashed: yours tonight ({rubles(yours[g])}).")))
        # ---------------------------------------------------------------- your records
        rx = area.left + left_w + gap
        rw = area.width - left_w - gap
        rp = self.add(Panel((rx, area.top, rw, area.height), "Your records that sell here"))
        inner = rp.inner
        self.records = [r for r in me.records if demand.get(r.genre, 0.0) > 0]
        unsold = len(me.records) - len(self.records)
        r_rows = [(f"#{r.id} {r.title}", world.genres[r.genre].name if r.genre in world.genres else r.genre,
                   points(r.quality),
                   rubles(price_at_demand(world, self.site_id, r.genre, demand.get(r.genre, 0.0), r.quality, me.reputation))
                   if buys(self.site, demand.get(r.genre, 0.0), r.quality) else f"refused (< {points(self.site.min_quality)})")
                  for r in self.records]
        warn_h = theme.px(64) if self.site.kind == "dance_hall" else 0
        bh = theme.px(40)
        errand_h = theme.px(24) if self.errand is not None else 0
        foot = (theme.px(30) + theme.px(26) + theme.px(8) + 2 * bh + theme.px(20) + warn_h + errand_h
                + (theme.px(22) if unsold else 0))
        list_h = max(theme.px(ROW) * 2, inner.height - foot)
        self.checklist = self.add(ChecklistView(
            (inner.left, inner.top, inner.width, list_h), r_rows, columns=(2.3, 1.1, 0.8, 1.5), size=theme.SIZE_SMALL + 1,
            header=("Record", "Genre", "Q /100", "Alone"), on_toggle=self._update_total,
            checked=set(range(len(self.records))), empty_text="none of your records sells here",
            tooltip="Tick the records to sell (click, Space). Q is the record's quality of 100; 'Alone' is its price sold "
                    "by itself; a buyer refuses records below the quality they take."))
        y = inner.top + list_h + theme.px(4)
        if unsold:
            self.add(Label(f"{unsold} of your records are of genres nobody buys here.",
                           (inner.left, y, inner.width, theme.px(22)), "italic", theme.SIZE_SMALL, theme.BONE_DIM))
            y += theme.px(22)
        self.add(Button("All", lambda: self.checklist.set_all(True), (inner.left, y, theme.px(70), theme.px(28)),
                        tooltip="Tick every record.", size=theme.SIZE_SMALL, pad=theme.px(6)))
        self.add(Button("None", lambda: self.checklist.set_all(False),
                        (inner.left + theme.px(78), y, theme.px(70), theme.px(28)), tooltip="Untick every record.",
                        size=theme.SIZE_SMALL, pad=theme.px(6)))
        self.total_label = self.add(Label("", (inner.left + theme.px(160), y, inner.width - theme.px(160), theme.px(28)),
                                          "ui_bold", theme.SIZE_BODY, theme.AMBER, align="right",
                                          tooltip="What the buyers pay tonight for the ticked records, sold one after "
                                                  "another (each sale lowers the demand for the next)."))
        y += theme.px(30)
        self.reputation_label = self.add(Label("", (inner.left, y, inner.width, theme.px(24)), "ui", theme.SIZE_SMALL,
                                               theme.BONE, align="right"))
        y += theme.px(26)
        self.errand_label = self.add(Label("", (inner.left, y, inner.width, errand_h), "ui_bold", theme.SIZE_SMALL,
                                           theme.GREEN, align="right"))
        y += errand_h
        if warn_h:
            self.add(TextBlock(KOMSOMOL, (inner.left, y, inner.width, min(warn_h - theme.px(4), inner.bottom - bh - theme.px(8) - y)),
                               "ui", theme.SIZE_SMALL, theme.RED))
        takeable = self._takeable()
        self.best_n = min(len(takeable), 3) or 1
        y = inner.bottom - 2 * bh - theme.px(8)
        sw = theme.px(110)
        self.best_stepper = self.add(Stepper((inner.left, y, sw, bh), self.best_n, 1, max(1, len(takeable)),
                                             self._set_best,
                                             tooltip="How many of your records to sell: the most valuable ones this "
                                                     "buyer takes (they are ticked above to show which)."))
        self.best_stepper.enabled = bool(takeable)
        self.best_button = self.action_button(
            "Sell the best", None, (inner.left + sw + theme.px(8), y, theme.px(192), bh), style="film",
            tooltip="Sell the most valuable records this buyer takes, as many as chosen: the engine picks them from "
                    "what you carry when you arrive (records cut or bought on the way count too).",
            reason_rect=(inner.left + theme.px(322), y, inner.width - theme.px(322), bh))
        y = inner.bottom - bh
        self.sell_button = self.action_button(
            "Sell the ticked", None, (inner.left, y, theme.px(200), bh),
            tooltip="Sell the ticked records here when you arrive tonight.",
            reason_rect=(inner.left + theme.px(212), y, inner.width - theme.px(212), bh))
        self._set_best(self.best_n, tick=False)
        self._update_total()

    def _takeable(self) -> list[int]:
        """Ids of the records the engine's "sell the best" would take here, most valuable first (all of them)."""
        state = knowledge.believed_state(self.world, self.view)
        try:
            chosen = SellRecords(records="all").chosen(self.world, state, state.players[self.view.seat], self.site)
        except Exception:  # noqa: BLE001 - a preview must never crash the panel
            return []
        return [r.id for r in chosen]

    def best_action(self) -> SellRecords:
        return SellRecords(records="all", limit=self.best_n)

    def _set_best(self, n: int, tick: bool = True) -> None:
        """Choose N for "sell the best N": tick those records to show which, and check the order."""
        self.best_n = int(n)
        best = self._takeable()[:self.best_n]
        self.best_button.label = f"Sell the best {self.best_n}"
        self.set_action(self.best_button, self.best_action() if best else None, "this buyer takes none of your records")
        if tick:
            self.checklist.set_checked({i for i, r in enumerate(self.records) if r.id in best})

    def selected_ids(self) -> list[int]:
        """The ticked records in the order the engine would sell them: the most valuable first (as "sell the
        best" does), then any the buyer refuses."""
        ticked = [self.records[i].id for i in sorted(self.checklist.checked) if i < len(self.records)]
        rank = {record_id: n for n, record_id in enumerate(self._takeable())}
        return sorted(ticked, key=lambda record_id: (rank.get(record_id, len(rank)), record_id))

    def _update_total(self) -> None:
        ids = self.selected_ids()
        preview = sale_preview(self.world, self.view, self.site_id, ids)
        self.total = preview.total
        outcome = preview.outcome
        self.total_label.text = f"{len(ids)} records: {rubles(self.total)}" if ids else "nothing ticked"
        if not ids:
            self.reputation_label.text, self.reputation_label.tooltip = "", ""
        else:
            me = self.view.player
            after = max(0, min(100, me.reputation + outcome.reputation))
            refused = f"; refused: {len(outcome.refused)}" if outcome.refused else ""
            self.reputation_label.text = (f"Reputation {me.reputation} → {after}  ·  heat {outcome.heat:+d}{refused}"
                                          .replace("+-", "−").replace("-", "−"))
            self.reputation_label.color = (theme.GREEN if outcome.reputation > 0 else theme.RED if outcome.reputation < 0
                                           else theme.BONE_DIM)
            errand = f" It delivers the buyer's errand: a bonus of {rubles(preview.errand.bonus)}." if preview.errand else ""
            self.reputation_label.tooltip = (f"What this sale does, by the buyer's own reckoning: reputation "
                                             f"{outcome.reputation:+d}, heat {outcome.heat:+d}.{errand} Buyers pay more "
                                             "to a seller of higher reputation; each buyer refuses records below the "
                                             "quality they take.")
        self.set_action(self.sell_button, SellRecords(records=ids) if ids else None, "tick the records to sell")
        if self.errand is not None:
            delivers = preview.errand is not None and bool(ids)
            self.errand_label.text = (f"★ delivers the errand: +{rubles(preview.errand.bonus)}, reputation "
                                      f"+{preview.errand.reputation}" if delivers and preview.errand else
                                      "★ this sale does not deliver the errand")
            self.errand_label.color = theme.GREEN if delivers else theme.BONE_DIM
