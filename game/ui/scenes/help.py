"""Help: the key rules on two sepia cards, with the engine's formulas in words (sight, notice chance, stances,
prices), and a button to run the tutorial again. The numbers quoted are those of game.core's docstrings."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.content.models import Level
from game.core.view import VIEW_RADIUS
from game.ui.look import theme
from game.ui.scenes.common import FilmScene
from game.ui.widgets.button import Button
from game.ui.widgets.label import TextBlock
from game.ui.widgets.panel import Card


def rules_text(level: Level | None) -> tuple[str, str]:
    """(the evening and the street, money and the lathe) as paragraphs."""
    walk = level.rules.move_allowance if level else 8
    raid = level.rules.raid_heat if level else 70
    left = (
        f"Each turn is one evening. Click a place to walk there (up to {walk} tiles an evening; further places take "
        "several evenings) and choose what to do when you arrive. Everyone moves at once, one tile a step.\n\n"
        f"Sight. You see {VIEW_RADIUS} tiles around you where no building blocks the line. A patrol sees its own "
        "radius (shown as a circle) times the patrol pressure; looking into a courtyard, half as far.\n\n"
        "Being stopped. A patrol that sees you carrying records stops you with 8 % + heat/120 + 2 % per record, "
        "times the pressure (3-90 %). Running gets away with 55 % (+20 % in a courtyard) - heat/200 - 2 % per record. "
        "A bribe of 3 + records + heat/4 rubles is taken with 80 % - heat/150 (half that by the Komsomol). Handing "
        "over costs the records and a fine of 5 + records rubles. After a failed run or bribe the militia arrest with "
        "10 % + heat/150 (+15 % after running). The Komsomol never arrest."
    )
    right = (
        "Heat (0-100) is how wanted you are: +10 when records are confiscated, + from informers who see you. It falls "
        f"by 3 an evening, by 12 when you lie low. From heat {raid} the militia may raid your workshop.\n\n"
        "Arrest: your records are taken and you are away 3 + records/4 + heat/20 evenings.\n\n"
        "Prices. A buyer pays base price × the site's factor × demand × (0.4 + 1.35 × quality) × (0.8 + 0.4 × "
        "reputation/100). Each record sold lowers that genre's demand there by 8 %; demand recovers 10 % a turn.\n\n"
        "The lathe. Films from hospitals, masters from contacts: cut at your workshop, up to 10 records an evening. "
        "Better motor, platter, cutter and amplifier give a cleaner cut: higher quality, higher prices. A copy of a "
        "bone record carries both generations' damage."
    )
    return left, right


class HelpScene(FilmScene):
    """Two cards of rules and 'Show the tutorial'."""

    name = "help"
    title = "How the city works"
    subtitle = "The rules in short. Every number comes from the game's own formulas."
    hint = "Esc back  ·  Enter: show the tutorial"

    def __init__(self, level: Level | None = None, on_tutorial: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.level, self.on_tutorial = level, on_tutorial

    def tutorial(self) -> None:
        if self.app is not None:
            self.app.pop()
        if self.on_tutorial is not None:
            self.on_tutorial()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.on_tutorial is not None:
            self.tutorial()
            return True
        return False

    def build(self) -> None:
        w, h = self.size
        m = theme.px(theme.MARGIN)
        top = self.content_top()
        gap = theme.px(20)
        bh = theme.px(theme.BUTTON_H)
        cw = (w - 2 * m - gap) // 2
        ch = h - top - bh - theme.px(70)
        left, right = rules_text(self.level)
        for i, (title, text) in enumerate((("The evening and the street", left), ("Money, heat and the lathe", right))):
            card = self.add(Card((m + i * (cw + gap), top, cw, ch), title, seed=21 + i))
            inner = card.inner
            self.add(TextBlock(text, inner, "serif", 16, theme.INK, 1.3))
        y = top + ch + theme.px(16)
        bw = theme.px(220)
        if self.on_tutorial is not None:
            self.add(Button("Show the tutorial", self.tutorial, (w - m - 2 * bw - theme.px(12), y, bw, bh), style="primary",
                            tooltip="Walk through the game view again, step by step."))
        self.add(Button("Back", self.back, (w - m - bw, y, bw, bh), tooltip="Back to the game (Esc)."))
