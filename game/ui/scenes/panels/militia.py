"""The militia station: inform on a rival you have evidence on (its cost, odds and cooldown spelled out, and
what it meant), or leave.

Every rival is listed with what you hold on them (`informing.fresh_evidence`: their workshop, for good, or a
sighting with records, for EVIDENCE_TURNS evenings), the cooldown, and whether they named you (`grudges`). A rival
you cannot name is listed too, with the engine's own reason (`knowledge.refusal`) on the button."""

from __future__ import annotations

import pygame

from game.core.commands import Inform
from game.core.informing import (
    DISBELIEF_HEAT,
    EVIDENCE_TURNS,
    INFORM_COOLDOWN,
    INFORM_COST,
    INFORM_HEAT,
    INFORMER_REPUTATION_COST,
    WORD_GETS_OUT,
    believe_chance,
    fresh_evidence,
)
from game.core.state import KOPECKS
from game.core.view import RivalInfo
from game.ui.look import theme
from game.ui.scenes.panels.base import SitePanel
from game.ui.widgets.label import Label, TextBlock
from game.ui.widgets.listview import ListView
from game.ui.widgets.panel import Card, Panel

NOTE = ("A denunciation was a sheet of paper and a name. In these years such papers sent people to the camps "
        "for years, and the ones who wrote them were seldom asked to sign. Bootleggers were denounced by "
        "neighbours, rivals and frightened friends; roentgenizdat cutters got sentences of three to five years.\n\n"
        "Nobody makes you speak. You can walk past the door.")


def cost_words() -> str:
    return (f"It costs {INFORM_COST // KOPECKS} rub, and you cannot name the same rival again for {INFORM_COOLDOWN} "
            f"evenings. Believed: their heat +{INFORM_HEAT}, or a search of their workshop if that is your evidence "
            f"(a street sighting is used up). Not believed: your own heat +{DISBELIEF_HEAT}. With "
            f"{WORD_GETS_OUT:.0%} word gets out: your reputation −{INFORMER_REPUTATION_COST} (buyers pay less to an "
            "informer) and they learn it was you.")


class MilitiaPanel(SitePanel):
    """Rivals with your evidence on each, the odds, and the Inform order."""

    name = "militia"
    offer_lie_low = False

    def evidence_words(self, rival: RivalInfo) -> tuple[str, str]:
        """(short cell, full sentence) for what you hold on `rival`."""
        me, turn = self.view.player, self.view.turn
        evidence = fresh_evidence(turn, me, rival.index)
        if evidence is None:
            stale = [e for e in me.evidence if e.target == rival.index]
            if stale:
                return "too old", (f"You saw {rival.name} with records {turn - max(e.turn for e in stale)} evenings ago: "
                                   f"the militia want a sighting of the last {EVIDENCE_TURNS} evenings.")
            return "none", f"You have never seen {rival.name} with records, nor their workshop."
        if evidence.kind == "workshop":
            return "workshop", f"You know where {rival.name} keeps the lathe: that holds for good."
        ago = turn - evidence.turn
        left = EVIDENCE_TURNS - ago
        return (f"seen {ago} ev. ago", f"You saw {rival.name} carrying records {ago} evening{'s' if ago != 1 else ''} "
                f"ago: good for {left} more evening{'s' if left != 1 else ''}, used up if you inform.")

    def build_body(self, area: pygame.Rect) -> None:
        gap = theme.px(16)
        left_w = round(area.width * 0.56)
        lp = self.add(Panel((area.left, area.top, left_w, area.height), "Give the duty officer a name"))
        inner = lp.inner
        me = self.view.player
        self.rivals = list(self.view.rivals)
        rows = []
        for r in self.rivals:
            short, _full = self.evidence_words(r)
            wait = me.inform_cooldown.get(r.index, 0) - self.view.turn
            status = "in custody" if not r.free else (f"wait {wait} ev." if wait > 0 else "free")
            if r.index in me.grudges:
                status += " · named you"
            rows.append((r.name, short, status, "yes" if self.reason(Inform(target=r.index)) is None else "✕ no"))
        list_h = theme.px(34) * (max(2, min(4, len(rows))) + 1)
        self.rivals_list = self.add(ListView(
            (inner.left, inner.top, inner.width, list_h), rows, columns=(1.4, 1.6, 1.8, 0.8),
            header=("Rival", "Your evidence", "Status", "Inform"), on_select=self._select, empty_text="no rivals",
            tooltip="Your rivals, what you have seen of them yourself, and who named you to the militia. Select one: "
                    "the button says why the militia would not listen, if they would not."))
        y = inner.top + list_h + theme.px(8)
        self.detail = self.add(TextBlock("", (inner.left, y, inner.width, theme.px(66)), "ui", theme.SIZE_SMALL + 1,
                                         theme.BONE, 1.15))
        y += theme.px(70)
        bh = theme.px(44)
        odds_h = theme.px(24)
        cost_h = inner.bottom - bh - odds_h - theme.px(12) - y
        self.add(TextBlock(cost_words(), (inner.left, y, inner.width, cost_h), "ui", theme.SIZE_SMALL, theme.BONE_DIM, 1.15))
        by = inner.bottom - bh
        self.inform_button = self.action_button(
            "Inform tonight", None, (inner.left, by, theme.px(200), bh), style="danger",
            tooltip="Denounce the selected rival this evening (the risks are written above).",
            reason_rect=(inner.left + theme.px(214), by, inner.width - theme.px(214), bh))
        card = self.add(Card((area.left + left_w + gap, area.top, area.width - left_w - gap, area.height),
                             "Denunciations", seed=5))
        self.add(TextBlock(NOTE, card.inner, "serif", theme.SIZE_BODY, theme.INK))
        self.odds = self.add(Label("", (inner.left, by - odds_h - theme.px(4), inner.width, odds_h), "ui_bold",
                                   theme.SIZE_SMALL, theme.AMBER))
        self._select(max(0, self.rivals_list.selected))

    def _select(self, index: int) -> None:
        rival = self.rivals[index] if 0 <= index < len(self.rivals) else None
        self.set_action(self.inform_button, Inform(target=rival.index) if rival else None, "there is nobody to inform on")
        if rival is None:
            self.detail.text, self.odds.text = "", ""
            return
        _short, full = self.evidence_words(rival)
        grudge = f" {rival.name} named you to the militia." if rival.index in self.view.player.grudges else ""
        self.detail.text = full + grudge
        evidence = fresh_evidence(self.view.turn, self.view.player, rival.index)
        heat = self.view.player.heat
        self.odds.text = (f"At your heat {heat} the militia would believe you with {believe_chance(heat, evidence):.0%}."
                          if evidence is not None else "")
