"""The militia station: inform on a rival (its cost spelled out, and what it meant), or leave."""

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
)
from game.core.state import KOPECKS
from game.ui.look import theme
from game.ui.scenes.panels.base import SitePanel
from game.ui.widgets.label import TextBlock
from game.ui.widgets.listview import ListView
from game.ui.widgets.panel import Card, Panel

NOTE = ("A denunciation was a sheet of paper and a name. In these years such papers sent people to the camps "
        "for years, and the ones who wrote them were seldom asked to sign. Bootleggers were denounced by "
        "neighbours, rivals and frightened friends; roentgenizdat cutters got sentences of three to five years.\n\n"
        "Nobody makes you speak. You can walk past the door.")


class MilitiaPanel(SitePanel):
    """Rivals (as public knowledge has them) and the Inform order."""

    name = "militia"
    offer_lie_low = False

    def build_body(self, area: pygame.Rect) -> None:
        gap = theme.px(16)
        left_w = round(area.width * 0.52)
        lp = self.add(Panel((area.left, area.top, left_w, area.height), "Give the duty officer a name"))
        inner = lp.inner
        self.rivals = list(self.view.rivals)
        rows = [(r.name, f"{r.reputation}", "free" if r.free else "in custody", f"{r.arrests}") for r in self.rivals]
        list_h = theme.px(34) * (max(2, len(rows)) + 1)
        self.rivals_list = self.add(ListView(
            (inner.left, inner.top, inner.width, list_h), rows, columns=(2.2, 1.2, 1.2, 0.9),
            header=("Rival", "Reputation", "Status", "Arrests"), on_select=self._select, empty_text="no rivals",
            tooltip="Your rivals, as the street knows them."))
        y = inner.top + list_h + theme.px(14)
        cost = (f"You need evidence you saw yourself: a rival carrying records (last {EVIDENCE_TURNS} evenings) or "
                f"their workshop. It costs {INFORM_COST // KOPECKS} rub and you cannot name them again for "
                f"{INFORM_COOLDOWN} evenings. If the militia believe you, their heat +{INFORM_HEAT} (or a raid, if "
                f"you know the workshop); if not, your heat +{DISBELIEF_HEAT}. With {round(WORD_GETS_OUT * 100)} % "
                f"word gets out: reputation −{INFORMER_REPUTATION_COST}, and they learn who it was.")
        self.add(TextBlock(cost, (inner.left, y, inner.width, theme.px(100)), "ui", theme.SIZE_BODY, theme.BONE))
        bh = theme.px(44)
        by = inner.bottom - bh
        self.inform_button = self.action_button(
            "Inform tonight", None, (inner.left, by, theme.px(200), bh), style="danger",
            tooltip="Denounce the selected rival this evening (the risks are written above).",
            reason_rect=(inner.left + theme.px(214), by, inner.width - theme.px(214), bh))
        card = self.add(Card((area.left + left_w + gap, area.top, area.width - left_w - gap, area.height),
                             "Denunciations", seed=5))
        self.add(TextBlock(NOTE, card.inner, "serif", theme.SIZE_BODY, theme.INK))
        self._select(max(0, self.rivals_list.selected))

    def _select(self, index: int) -> None:
        rival = self.rivals[index] if 0 <= index < len(self.rivals) else None
        self.set_action(self.inform_button, Inform(target=rival.index) if rival else None, "there is nobody to inform on")
