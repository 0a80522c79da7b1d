"""The black market between bootleggers: answer the offers rivals made you yesterday, and make your own for
tonight (records you carry, a dub of one of your masters, a spare part, a price). Offers and answers go into
tonight's orders with the walk (`Plan.offers`, `Plan.accept`); go-betweens carry them, so they cost no action.

Every check is the engine's, on what the player knows (`game.ui.play.trading`); every figure is the engine's
(prices at the demand you know, a dub's quality, the grade your lathe cuts). The risk is spelled out: when
records or a master change hands, each side has seen the other with contraband, evidence the militia take."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pygame

from game.core.commands import MAX_OFFERS, MAX_PRICE, Offer, rubles
from game.core.informing import EVIDENCE_TURNS, INFORM_HEAT
from game.core.state import KOPECKS, TradeOffer
from game.core.trade import DUB_QUALITY
from game.core.view import PlayerView
from game.ui.look import theme
from game.ui.play import trading
from game.ui.scenes.common import FilmScene
from game.ui.scenes.panels.widgets import ChecklistView
from game.ui.scenes.panels.words import points
from game.ui.widgets.button import Button
from game.ui.widgets.controls import Choice
from game.ui.widgets.label import Label, TextBlock
from game.ui.widgets.listview import ListView
from game.ui.widgets.panel import Panel
from game.ui.widgets.textinput import TextInput

ROW = 28
OnChange = Callable[[tuple[Offer, ...], tuple[int, ...]], None]


def risk_words() -> str:
    return (f"Trust has a price: when records or a master change hands, each of you has seen the other with "
            f"contraband. That is evidence the militia would take, for {EVIDENCE_TURNS} evenings: either of you may "
            f"name the other (their heat +{INFORM_HEAT}). A spare part alone leaves no evidence.")


class TradeScene(FilmScene):
    """`offers` and `accept` are tonight's plan; every change calls `on_change(offers, accept)` at once."""

    name = "trade"
    title = "Black market"
    subtitle = "Bootleggers trade through go-betweens: an offer made tonight is answered tomorrow evening."
    hint = "Esc close  ·  Tab / ↑↓ move  ·  your offers and answers go with tonight's orders"
    glow_at = (0.25, 0.30)

    def __init__(self, session: Any, seat: int, view: PlayerView, offers: Sequence[Offer] = (),
                 accept: Sequence[int] = (), on_change: OnChange | None = None) -> None:
        super().__init__()
        self.session, self.seat, self.view = session, seat, view
        self.world = session.world
        self.offers: list[Offer] = list(offers)
        self.accept: list[int] = list(accept)
        self.on_change = on_change
        self.incoming: list[TradeOffer] = trading.offers_to_answer(view)
        self.rivals = list(view.rivals)
        self.to = next((r.index for r in self.rivals if r.free), self.rivals[0].index if self.rivals else -1)
        self.master: str | None = None
        self.spare: int | None = None
        self.price_text = ""
        self.ticked: set[int] = set()  # record ids
        self.incoming_index = 0

    # ------------------------------------------------------------ state
    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change(tuple(self.offers), tuple(self.accept))

    def draft(self) -> Offer | None:
        """The offer being composed (None when it names nobody)."""
        if self.to < 0:
            return None
        price = min(MAX_PRICE, int(self.price_text or 0) * KOPECKS)
        ids = [r.id for r in self.view.player.records if r.id in self.ticked]
        return Offer(to=self.to, records=ids, master=self.master, spare=self.spare, price=price)

    def draft_refusal(self) -> str | None:
        offer = self.draft()
        if offer is None:
            return "you have no rivals to trade with"
        if len(self.offers) >= MAX_OFFERS:
            return f"at most {MAX_OFFERS} offers an evening"
        if offer in self.offers:
            return "that offer is already in tonight's orders"
        return trading.offer_refusal(self.world, self.view, offer)

    def add_offer(self) -> None:
        offer = self.draft()
        reason = self.draft_refusal()
        if offer is None or reason is not None:
            if self.app is not None and reason:
                self.app.notify(f"Not possible: {reason}.", "warning", 3.0)
            return
        self.offers.append(offer)
        self.ticked, self.master, self.spare, self.price_text = set(), None, None, ""
        self._changed()
        self.relayout(self.size)

    def withdraw(self) -> None:
        index = self.tonight_list.selected
        if 0 <= index < len(self.offers):
            del self.offers[index]
            self._changed()
            self.relayout(self.size)

    def toggle_accept(self) -> None:
        index = self.incoming_list.selected
        if not 0 <= index < len(self.incoming):
            return
        offer_id = self.incoming[index].id
        if offer_id in self.accept:
            self.accept.remove(offer_id)
        else:
            reason = trading.accept_refusal(self.world, self.view, offer_id, [*self.accept, offer_id])
            if reason is not None:
                if self.app is not None:
                    self.app.notify(f"Not possible: {reason}.", "warning", 3.0)
                return
            self.accept.append(offer_id)
        self._changed()
        self.relayout(self.size)

    # ------------------------------------------------------------ layout
    def build(self) -> None:
        w, h = self.size
        m = theme.px(theme.MARGIN)
        top = self.content_top()
        area = pygame.Rect(m, top, w - 2 * m, h - top - theme.px(64))
        gap = theme.px(14)
        left_w = round(area.width * 0.47)
        self._build_incoming(pygame.Rect(area.left, area.top, left_w, area.height))
        self._build_outgoing(pygame.Rect(area.left + left_w + gap, area.top, area.width - left_w - gap, area.height))
        bw, bh = theme.px(170), theme.px(40)
        self.done_button = self.add(Button("Done", self.back, (w - m - bw, h - bh - theme.px(10), bw, bh), style="primary",
                                           tooltip="Back to the map: your offers and answers are in tonight's plan (Esc)."))

    def _build_incoming(self, area: pygame.Rect) -> None:
        world, view = self.world, self.view
        row = theme.px(ROW)
        waiting = trading.offers_waiting(view)
        wait_h = theme.px(34) + theme.px(22) * max(1, min(3, len(waiting))) + theme.px(12)
        panel = self.add(Panel((area.left, area.top, area.width, area.height - wait_h - theme.px(10)),
                               "Offers to you: answer tonight"))
        inner = panel.inner
        rows = [(view.rival_name(o.seller), trading.offer_summary(world, view, o), rubles(o.price),
                 "accept" if o.id in self.accept else "ignore") for o in self.incoming]
        list_h = row * (max(2, min(4, len(rows))) + 1) + theme.px(4)
        self.incoming_list = self.add(ListView(
            (inner.left, inner.top, inner.width, list_h), rows, columns=(1.1, 2.6, 1.1, 0.8),
            header=("From", "What", "Price", "Answer"), row_height=ROW, size=theme.SIZE_SMALL + 1,
            on_select=self._select_incoming, on_activate=lambda _i: self.toggle_accept(),
            empty_text="nobody made you an offer yesterday",
            tooltip="Offers rivals made you yesterday. Accept tonight or they lapse; nothing is paid unless you accept."))
        bh = theme.px(40)
        y = inner.top + list_h + theme.px(8)
        self.accept_button = self.add(Button("Accept tonight", self.toggle_accept, (inner.left, y, theme.px(190), bh),
                                             tooltip="Accept the selected offer in tonight's orders (click again to take "
                                                     "the answer back). You pay when the trade is done tonight."))
        self.accept_reason = self.add(Label("", (inner.left + theme.px(202), y, inner.width - theme.px(202), bh), "ui",
                                            theme.SIZE_SMALL, theme.AMBER))
        y += bh + theme.px(8)
        self.offer_detail = self.add(TextBlock("", (inner.left, y, inner.width, inner.bottom - y), "ui",
                                               theme.SIZE_SMALL, theme.BONE, 1.15))
        wp = self.add(Panel((area.left, area.bottom - wait_h, area.width, wait_h), "Your offers of yesterday"))
        lines = [f"To {view.rival_name(o.buyer)}: "
                 f"{trading.offer_summary(world, view, o)} for {rubles(o.price)}: they answer tonight" for o in waiting]
        self.add(TextBlock("\n".join(lines) or "None: offers you make tonight are answered tomorrow evening.",
                           wp.inner, "ui", theme.SIZE_SMALL, theme.BONE_DIM if not lines else theme.BONE))
        self.incoming_list.select(self.incoming_index, notify=False)
        self._select_incoming(self.incoming_list.selected)

    def _select_incoming(self, index: int) -> None:
        offer = self.incoming[index] if 0 <= index < len(self.incoming) else None
        self.incoming_index = max(0, index)
        if offer is None:
            self.accept_button.enabled = False
            self.accept_reason.text = ""
            self.offer_detail.text = ("When a rival offers you records, a dub of a master or a lathe part, it is listed "
                                      "here the next evening with what it is worth to you.")
            return
        taken = offer.id in self.accept
        self.accept_button.label = "Don't accept" if taken else "Accept tonight"
        reason = None if taken else trading.accept_refusal(self.world, self.view, offer.id, [*self.accept, offer.id])
        self.accept_button.enabled = reason is None
        self.accept_reason.text = f"✕ {reason}" if reason else ("✓ accepted in tonight's orders" if taken else "")
        self.accept_reason.color = theme.AMBER if reason else theme.GREEN
        lines = [f"{self.view.rival_name(offer.seller)} offers, for {rubles(offer.price)} (you have "
                 f"{rubles(self.view.player.money)}):", *(f"·  {line}" for line in trading.offer_lines(self.world, self.view, offer))]
        if trading.evidence_warning(offer):
            lines.append(risk_words())
        self.offer_detail.text = "\n".join(lines)

    def _build_outgoing(self, area: pygame.Rect) -> None:
        world, view, me = self.world, self.view, self.view.player
        row = theme.px(ROW)
        shown = MAX_OFFERS if area.height >= theme.px(500) else 2  # rows of tonight's offers (a short window: two)
        tonight_h = theme.px(34) + row * shown + theme.px(8)
        panel = self.add(Panel((area.left, area.top, area.width, area.height - tonight_h - theme.px(10)),
                               "Make an offer to a rival"))
        inner = panel.inner
        ch = theme.px(34)
        label_w = theme.px(78)
        self.add(Label("To", (inner.left, inner.top, label_w, ch), "ui_bold", theme.SIZE_SMALL, theme.BONE_DIM))
        options = [(r.index, r.name if r.free else f"{r.name} (in custody)") for r in self.rivals] or [(-1, "nobody")]
        self.rival_choice = self.add(Choice((inner.left + label_w, inner.top, inner.width - label_w, ch), options, self.to,
                                            self._set_rival, tooltip="The rival the go-betweens take your offer to."))
        y = inner.top + ch + theme.px(6)
        self.records = list(me.records)
        rows = []
        for r in self.records:
            best = trading.best_price(world, view, r.genre, r.quality)
            rows.append((f"#{r.id} {r.title}", world.genres[r.genre].name if r.genre in world.genres else r.genre,
                         points(r.quality), rubles(best.kopecks) if best.site else "—"))
        fields_h = 2 * (ch + theme.px(6)) + theme.px(40) + theme.px(8)
        list_h = row * max(2, (inner.bottom - y - fields_h) // row)  # the header and whole rows (one at least)
        self.records_list = self.add(ChecklistView(
            (inner.left, y, inner.width, list_h), rows, columns=(2.4, 1.1, 0.6, 1.2), size=theme.SIZE_SMALL,
            header=("Record you carry", "Genre", "Q", "Buyers pay"), on_toggle=self._toggle_record,
            checked={i for i, r in enumerate(self.records) if r.id in self.ticked}, empty_text="you carry no records",
            tooltip="Tick the records to offer. 'Buyers pay': one record alone at the best buyer you know, tonight."))
        y += list_h + theme.px(6)
        half = (inner.width - theme.px(10)) // 2
        masters = [(None, "no dub of a master"), *((m.master_id, f"dub of '{m.title}' ({points(m.source_quality)})")
                                          for m in me.masters)]
        self.master_choice = self.add(Choice((inner.left, y, half, ch), masters, self.master,
                                             self._set_master,
                                             tooltip="Offer a dub of one of your masters: the buyer gets a copy with "
                                                     f"{DUB_QUALITY:.0%} of its quality; you keep yours."))
        spares = [(None, "no spare part"), *((i, f"{world.parts[p.part_id].name if p.part_id in world.parts else p.part_id} "
                                          f"({p.condition:.0%})") for i, p in enumerate(me.spares))]
        self.spare_choice = self.add(Choice((inner.right - half, y, half, ch), spares, self.spare,
                                            self._set_spare, tooltip="Offer one of your spare lathe parts."))
        y += ch + theme.px(6)
        self.add(Label("Price", (inner.left, y, label_w, ch), "ui_bold", theme.SIZE_SMALL, theme.BONE_DIM))
        self.price_input = self.add(TextInput((inner.left + label_w, y, theme.px(110), ch), self.price_text, numeric=True,
                                              max_len=6, placeholder="rub", on_change=self._set_price,
                                              tooltip="What the rival pays you, in rubles, if they accept tomorrow."))
        self.worth_label = self.add(Label("", (inner.left + label_w + theme.px(120), y, inner.width - label_w - theme.px(120), ch),
                                          "ui", theme.SIZE_SMALL, theme.BONE_DIM))
        y += ch + theme.px(8)
        bh = theme.px(40)
        self.add_button = self.add(Button("Add to tonight", self.add_offer, (inner.left, y, theme.px(170), bh),
                                          tooltip="Put this offer into tonight's orders (at most "
                                                  f"{MAX_OFFERS} an evening)."))
        self.add_reason = self.add(Label("", (inner.left + theme.px(180), y, inner.width - theme.px(180), bh), "ui",
                                         theme.SIZE_SMALL, theme.AMBER))
        tp = self.add(Panel((area.left, area.bottom - tonight_h, area.width, tonight_h),
                            f"Tonight's offers ({len(self.offers)} of {MAX_OFFERS})"))
        inner = tp.inner
        t_rows = [(view.rival_name(o.to), trading.offer_summary(world, view, o), rubles(o.price)) for o in self.offers]
        bw = theme.px(120)
        self.tonight_list = self.add(ListView(
            (inner.left, inner.top, inner.width - bw - theme.px(10), row * shown), t_rows, columns=(1.0, 2.6, 1.0),
            row_height=ROW, size=theme.SIZE_SMALL, empty_text="no offers tonight",
            tooltip="The offers that go with tonight's orders; rivals answer them tomorrow evening."))
        self.withdraw_button = self.add(Button("Withdraw", self.withdraw, (inner.right - bw, inner.top, bw, theme.px(36)),
                                               style="film", size=theme.SIZE_SMALL,
                                               tooltip="Take the selected offer out of tonight's orders."))
        self.withdraw_button.enabled = bool(self.offers)
        if self.offers:
            self.tonight_list.select(0, notify=False)
        self._refresh_draft()

    # ------------------------------------------------------------ the draft
    def _set_rival(self, value: int) -> None:
        self.to = value
        self._refresh_draft()

    def _set_master(self, value: str | None) -> None:
        self.master = value
        self._refresh_draft()

    def _set_spare(self, value: int | None) -> None:
        self.spare = value
        self._refresh_draft()

    def _set_price(self, text: str) -> None:
        self.price_text = text
        self._refresh_draft()

    def _toggle_record(self) -> None:
        self.ticked = {self.records[i].id for i in self.records_list.checked if i < len(self.records)}
        self._refresh_draft()

    def _refresh_draft(self) -> None:
        offer = self.draft()
        reason = self.draft_refusal()
        self.add_button.enabled = reason is None
        self.add_reason.text = f"✕ {reason}" if reason else ("⚠ leaves evidence on both sides" if offer and
                                                               trading.evidence_warning(offer) else "")
        self.add_reason.color = theme.AMBER
        self.add_reason.tooltip = risk_words() if offer and trading.evidence_warning(offer) else ""
        worth = sum(trading.best_price(self.world, self.view, r.genre, r.quality).kopecks
                    for r in self.view.player.records if r.id in self.ticked)
        self.worth_label.text = f"buyers would pay about {rubles(worth)} for them" if worth else ""
