"""A contact (sailor, radio ham, fence): masters and lathe parts for sale, and your spare parts to sell."""

from __future__ import annotations

import pygame

from game.core.commands import BuyMaster, BuyPart, SellPart, part_resale_price, rubles
from game.core.lathe import PartInstance
from game.core.state import KOPECKS
from game.ui.look import theme
from game.ui.scenes.panels.base import SitePanel
from game.ui.scenes.panels.words import (
    SLOT_SHORT,
    SLOT_WORDS,
    change_words,
    part_short,
    part_stat,
    points,
    reference,
    swap_grades,
)
from game.ui.widgets.label import TextBlock
from game.ui.widgets.listview import ListView
from game.ui.widgets.panel import Panel

ROW = 30


class ContactPanel(SitePanel):
    """Masters (title, genre, source quality, price, affordability), parts (slot, stat, price, what they would do
    to your cut) and your spares (resale price), each list with its engine-checked button."""

    name = "contact"

    def build_body(self, area: pygame.Rect) -> None:
        world, me = self.world, self.view.player
        gap = theme.px(14)
        left_w = round(area.width * 0.64)
        right_x = area.left + left_w + gap
        right_w = area.width - left_w - gap
        bh = theme.px(40)
        row = theme.px(ROW)
        self.ref = reference(world, self.view)
        # ---------------------------------------------------------------- masters
        offered = self.view.masters_for_sale.get(self.site_id, list(self.site.masters))  # events add masters
        self.master_ids = [m for m in offered if m in world.masters]
        owned = {m.master_id for m in me.masters}
        m_rows = []
        for mid in self.master_ids:
            m = world.masters[mid]
            price = m.price * KOPECKS
            status = "yours" if mid in owned else "affordable" if me.money >= price else f"short {rubles(price - me.money)}"
            m_rows.append((m.title, world.genres[m.genre].name if m.genre in world.genres else m.genre,
                           f"{points(m.source_quality)}/100", f"{m.price} rub", status))
        m_h = theme.px(34) + row * (max(3, len(m_rows)) + 1) + theme.px(8) + bh + theme.px(16)
        mp = self.add(Panel((area.left, area.top, left_w, m_h), "Masters on offer"))
        inner = mp.inner
        list_h = row * (max(3, len(m_rows)) + 1)
        self.masters_list = self.add(ListView(
            (inner.left, inner.top, inner.width, list_h), m_rows, columns=(2.8, 1.2, 0.9, 0.9, 1.3),
            header=("Title", "Genre", "Source", "Price", ""), row_height=ROW, on_select=self._select_master,
            empty_text="no masters here tonight",
            tooltip="Foreign discs and tapes. Source quality caps every record you cut from them."))
        y = inner.top + list_h + theme.px(8)
        self.buy_master_button = self.action_button(
            "Buy this master", None, (inner.left, y, theme.px(200), bh),
            tooltip="Buy the selected master this evening; it stays hidden at your workshop.",
            reason_rect=(inner.left + theme.px(214), y, inner.width - theme.px(214), bh))
        # ---------------------------------------------------------------- parts
        self.part_ids = [p for p in self.site.parts if p in world.parts]
        p_rows = []
        self.part_change: dict[str, str] = {}
        for pid in self.part_ids:
            part = world.parts[pid]
            now, after = swap_grades(world, self.view, PartInstance(pid), self.ref)
            self.part_change[pid] = change_words(now, after)
            p_rows.append((SLOT_SHORT.get(part.slot, part.slot), part.name, part_short(part), f"{part.price} rub",
                           self.part_change[pid]))
        top = area.top + m_h + gap
        pp = self.add(Panel((area.left, top, left_w, area.bottom - top), "Lathe parts"))
        inner = pp.inner
        list_h = inner.height - bh - theme.px(8)
        self.parts_list = self.add(ListView(
            (inner.left, inner.top, inner.width, list_h), p_rows, columns=(1.05, 2.6, 1.15, 0.85, 1.6),
            header=("Slot", "Part", "Stat", "Price", "Your cut"), row_height=ROW, on_select=self._select_part,
            empty_text="no parts here tonight",
            tooltip=f"'Your cut' is the grade of a record on your lathe ({self.ref.words}) now → with this part fitted."))
        y = inner.bottom - bh
        self.buy_part_button = self.action_button(
            "Buy this part", None, (inner.left, y, theme.px(200), bh),
            tooltip="Buy the selected part this evening; install it at your workshop.",
            reason_rect=(inner.left + theme.px(214), y, inner.width - theme.px(214), bh))
        # ---------------------------------------------------------------- details and spares
        detail_h = theme.px(196)
        dp = self.add(Panel((right_x, area.top, right_w, detail_h), "Details"))
        self.detail = self.add(TextBlock("", dp.inner, "serif", theme.SIZE_SMALL + 1, theme.BONE, 1.25))
        top = area.top + detail_h + gap
        sp = self.add(Panel((right_x, top, right_w, area.bottom - top), "Your spare parts"))
        inner = sp.inner
        s_rows = [(world.parts[s.part_id].name, f"{round(s.condition * 100)}%", rubles(part_resale_price(world, s)))
                  for s in me.spares]
        list_h = inner.height - bh - theme.px(8)
        self.spares_list = self.add(ListView(
            (inner.left, inner.top, inner.width, list_h), s_rows, columns=(2.3, 0.9, 1.3),
            header=("Part", "Cond.", "Pays"), row_height=ROW, on_select=self._select_spare,
            empty_text="no spare parts",
            tooltip="A contact pays half a part's price times its condition."))
        y = inner.bottom - bh
        self.sell_part_button = self.action_button(
            "Sell", None, (inner.left, y, theme.px(110), bh), style="film",
            tooltip="Sell the selected spare part here this evening.",
            reason_rect=(inner.left + theme.px(122), y, inner.width - theme.px(122), bh))
        self._select_master(max(0, self.masters_list.selected), describe=False)
        self._select_part(max(0, self.parts_list.selected), describe=False)
        self._select_spare(max(0, self.spares_list.selected))
        if self.master_ids:
            self._select_master(max(0, self.masters_list.selected))

    # ---------------------------------------------------------------- selection
    def _select_master(self, index: int, describe: bool = True) -> None:
        if not self.master_ids:
            self.set_action(self.buy_master_button, None, "nobody here has a master tonight")
            return
        mid = self.master_ids[index]
        self.set_action(self.buy_master_button, BuyMaster(master=mid))
        if describe:
            m = self.world.masters[mid]
            genre = self.world.genres[m.genre].name if m.genre in self.world.genres else m.genre
            self.detail.text = (f"'{m.title}' — {genre}.\nSource quality {points(m.source_quality)} of 100: every record "
                                f"cut from it is at most that good. Price {m.price} rub; you have {rubles(self.view.player.money)}.")

    def _select_part(self, index: int, describe: bool = True) -> None:
        if not self.part_ids:
            self.set_action(self.buy_part_button, None, "nobody here sells parts tonight")
            return
        pid = self.part_ids[index]
        self.set_action(self.buy_part_button, BuyPart(part=pid))
        if describe:
            part = self.world.parts[pid]
            installed = self.view.player.lathe.get(part.slot)
            now = self.world.parts[installed.part_id].name if installed else "nothing"
            self.detail.text = (f"{part.name} ({SLOT_WORDS.get(part.slot, part.slot).lower()}): {part_stat(part)}. "
                                f"{part.description}\nReplaces your {now}. Your cut: {self.part_change[pid]}.")

    def _select_spare(self, index: int) -> None:
        spares = self.view.player.spares
        self.set_action(self.sell_part_button, SellPart(spare=index) if spares else None, "you have no spare parts")

    def on_key(self, event: pygame.event.Event) -> bool:
        # Enter on a list buys / sells its selection
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            button = {id(self.masters_list): self.buy_master_button, id(self.parts_list): self.buy_part_button,
                      id(self.spares_list): self.sell_part_button}.get(id(self.focused))
            if button is not None:
                button.activate()
                return True
        return False
