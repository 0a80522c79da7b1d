"""Help: the rules in short sections (ways to win and to lose, the evening, a stop on the way, patrols, heat and
raids, selling, errands, the lathe, the black market, informing, keys), a list on the left and the chosen section
on a sepia card, and a button to run the tutorial again.

No number here is written by hand: each is an engine constant or computed by the engine's own functions for an
example (a patrol's chance to stop you at heat 0 and 60, what a street market and a connoisseur pay for a clean
record...), so Help says what the game does. (`game.core.rulebook`, when the engine offers it, replaces this.)"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.core.commands import MAX_CUT_PER_TURN, rubles
from game.core.encounter import Encounter, notice_chance
from game.core.informing import (
    DISBELIEF_HEAT,
    EVIDENCE_TURNS,
    INFORM_COOLDOWN,
    INFORM_COST,
    INFORM_HEAT,
    INFORMER_REPUTATION_COST,
    WORD_GETS_OUT,
)
from game.core.market import (
    DEFAULT_TASTE,
    RECOVERY_RATE,
    REPUTATION_CAP,
    REPUTATION_PER_QUALITY,
    SALE_SATURATION,
    expectation,
    reputation_factor,
    taste_factor,
)
from game.core.profile import grade_rules
from game.core.raids import RAID_FINE
from game.core.resolve import HEAT_DECAY, LIE_LOW_DECAY
from game.core.view import VIEW_RADIUS
from game.core.world import World
from game.ui.frame.settings import ACTIONS, FIXED_KEYS
from game.ui.look import theme
from game.ui.scenes.common import FilmScene
from game.ui.scenes.help_strategy import (
    black_market_words,
    errand_words,
    stop_words,
    ways_to_lose,
    ways_to_win,
)
from game.ui.widgets.button import Button
from game.ui.widgets.label import TextBlock
from game.ui.widgets.listview import ListView
from game.ui.widgets.panel import Card, Panel

EXAMPLE_LOAD = 3.0  # "carrying three records" in the examples
TEXT_SIZES = ((16, 1.3), (15, 1.2), (14, 1.15), (13, 1.1), (12, 1.05))  # the card's type, largest first


def _pct(x: float) -> str:
    return f"{x:.0%}"


def rule_sections(world: World | None, keys: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(title, text) of each Help section for `world` (its level's rules and catalog), numbers from the engine."""
    rules = world.level.rules if world is not None else None
    walk = rules.move_allowance if rules else 8
    raid = rules.raid_heat if rules else 70
    genres = sorted(world.genres.values(), key=lambda g: -g.risk) if world is not None else []
    risks = ", ".join(f"{g.name} {g.risk:g}" for g in genres) or "by genre"
    cold, hot = (Encounter("militia", h, EXAMPLE_LOAD, False, 1.0, 100 * 100, "run") for h in (0, 60))
    bribe = Encounter("militia", 20, EXAMPLE_LOAD, False, 1.0, 100 * 100, "bribe")
    give = Encounter("militia", 20, EXAMPLE_LOAD, False, 1.0, 100 * 100, "surrender")
    market_t, connoisseur_t = DEFAULT_TASTE["market"], DEFAULT_TASTE["buyer"]
    keys = keys or {a: k for a, (_label, k) in ACTIONS.items()}
    strategy = [("Ways to win", ways_to_win(world)), ("Ways to lose", ways_to_lose(world))] if world is not None else []
    sections = [
        *strategy,
        ("The evening", f"Each turn is one evening. Click a place to walk there: up to {walk} tiles an evening (further "
         "places take several evenings, dashed on the map), then choose what to do when you arrive. Everyone moves at "
         "once, one tile a step; then the evening paper and your ledger say what happened and what it did to your "
         "money, reputation, heat and lathe.\n\nYou see "
         f"{VIEW_RADIUS} tiles around you where no building blocks the line. Your rivals, the militia and the "
         "Komsomol move in the dark beyond it."),
        ("A stop on the way", stop_words()),
        ("Patrols", "A patrol sees its own distance times tonight's patrol pressure, never further than you see, and "
         "half as far into courtyards: the hatched area around it. A patrol that sees you carrying records may stop "
         f"you: carrying {EXAMPLE_LOAD:g} records at heat 0, {_pct(notice_chance(0, EXAMPLE_LOAD, 1.0))}; at heat 60, "
         f"{_pct(notice_chance(60, EXAMPLE_LOAD, 1.0))}. Records count by their genre's risk ({risks}).\n\n"
         f"If stopped (heat 20, {EXAMPLE_LOAD:g} records): run and slip away with {_pct(cold.slip_chance())} at heat 0, "
         f"{_pct(hot.slip_chance())} at heat 60 (better in a courtyard); a bribe of about "
         f"{bribe.bribe_asked() // 100} rub is taken with {_pct(bribe.bribe_chance())} (half that by the Komsomol); "
         f"handing over costs the records and a fine of {give.fine() // 100} rub. After a failed run or bribe the "
         f"militia may arrest you ({_pct(bribe.arrest_chance(True))} here). The Komsomol never arrest."),
        ("Heat and raids", f"Heat (0-100) is how wanted you are: being seen, stopped or named raises it. It cools by "
         f"{HEAT_DECAY} every evening, by {LIE_LOW_DECAY} when you lie low (stay in at your workshop). From heat {raid} "
         f"the militia may raid your workshop: films, spares and masters seized and a fine of {rubles(RAID_FINE)}; "
         "if they find you home with records, an arrest. An arrest takes your records and costs evenings in custody."),
        ("Selling", "A buyer pays: the genre's base price × the site's factor × tonight's demand × what they pay for "
         f"quality × your reputation ({reputation_factor(0):.1f}× unknown to {reputation_factor(100):.1f}× famous). "
         f"A street market pays {taste_factor(market_t, 0.9) / taste_factor(market_t, 0.1):.1f}× as much for a record "
         f"of quality 90 as for one of 10; a connoisseur {taste_factor(connoisseur_t, 0.9) / taste_factor(connoisseur_t, 0.1):.1f}×, "
         "and some refuse poor records outright.\n\nEach record sold lowers that genre's demand there "
         f"(×{SALE_SATURATION}); it recovers {RECOVERY_RATE:.0%} of the gap an evening. Reputation: each record counts "
         f"(its quality − what the buyer expects: a market {expectation(market_t) * 100:.0f}, a connoisseur "
         f"{expectation(connoisseur_t) * 100:.0f}) × {REPUTATION_PER_QUALITY:g}, at most ±{REPUTATION_CAP} a sale. "
         "The market panel shows money, reputation and heat before you sell, and sells the records you tick or "
         "simply the best N the buyer takes."),
        ("Errands", errand_words()),
        ("The lathe", "Films come from hospital archives, masters from contacts. At your workshop you cut up to "
         f"{MAX_CUT_PER_TURN} records an evening from a master (its quality caps the records) or copy a bone record "
         "(a copy carries both cuts' damage). Each record cut wears every part of the lathe a little, so the records "
         "of one evening get slightly worse one after another: the workshop shows the whole spread before you cut. "
         "Better motor, platter, cutter and amplifier cut cleaner records, which sound better in the booth and sell for "
         "more. " + grade_rules()),
        ("Black market", black_market_words()),
        ("Informing", f"At a militia station you can name a rival, but only with evidence you saw yourself: them "
         f"carrying records (in the last {EVIDENCE_TURNS} evenings) or their workshop. It costs "
         f"{rubles(INFORM_COST)} and you cannot name them again for {INFORM_COOLDOWN} evenings. Believed: their heat "
         f"+{INFORM_HEAT} (or a raid, if you know the workshop); not believed: your heat +{DISBELIEF_HEAT}. With "
         f"{WORD_GETS_OUT:.0%} word gets out: reputation −{INFORMER_REPUTATION_COST}. The militia station's panel lists "
         "what you hold on each rival, how fresh it is and the odds.\n\nWhen someone names you, the paper says so "
         "(and who, if word got out): your heat rises, or your workshop is searched if they knew it. A raid never "
         "takes the lathe or the master you hid, so you can always cut again. People were sent to the camps on "
         "such papers."),
        ("Keys", "  ·  ".join(f"{label}: {keys.get(a, '').upper()}" for a, (label, _d) in ACTIONS.items()) + "\n\n"
         + "  ·  ".join(f"{label}: {k.upper()}" for label, k in FIXED_KEYS.items())
         + "\n\nRight-drag or the arrows pan the map, the wheel zooms. Keys can be changed in Settings."),
    ]
    return sections


class HelpScene(FilmScene):
    """Sections on the left, the chosen one on a card; 'Show the tutorial'."""

    name = "help"
    title = "How the city works"
    subtitle = "The rules in short. Every number is the game's own."
    hint = "Esc back  ·  ↑↓ choose a section  ·  T: the tutorial"

    def __init__(self, world: World | None = None, on_tutorial: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.world, self.on_tutorial = world, on_tutorial
        self.index = 0

    def tutorial(self) -> None:
        if self.app is not None:
            self.app.pop()
        if self.on_tutorial is not None:
            self.on_tutorial()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_t and self.on_tutorial is not None:
            self.tutorial()
            return True
        return False

    def select(self, index: int) -> None:
        self.index = index
        title, text = self.sections[index]
        self.card.title = title
        self.text.text = text
        for size, gap in TEXT_SIZES:  # the largest type the whole section fits in (a small window: smaller type)
            self.text.size, self.text.line_gap = size, gap
            if not self.text.clipped:
                break

    def build(self) -> None:
        w, h = self.size
        m = theme.px(theme.MARGIN)
        g = theme.px(20)
        top = self.content_top()
        bh = theme.px(theme.BUTTON_H)
        bottom = h - theme.px(52)
        keys = self.app.settings.key_bindings if self.app is not None else None
        self.sections = rule_sections(self.world, keys)
        left_w = round((w - 2 * m) * 0.26)
        lp = self.add(Panel((m, top, left_w, bottom - top - bh - theme.px(12)), "Sections"))
        self.list = self.add(ListView(lp.inner, [t for t, _ in self.sections], on_select=self.select, row_height=34,
                                      size=theme.SIZE_SMALL + 1))
        self.list.select(self.index, notify=False)
        self.set_focus(self.list)
        self.card = self.add(Card((m + left_w + g, top, w - 2 * m - left_w - g, bottom - top), self.sections[self.index][0], seed=21))
        self.text = self.add(TextBlock("", self.card.inner, "serif", 16, theme.INK, 1.3))
        self.select(self.index)
        y = bottom - bh
        if self.on_tutorial is not None:
            self.add(Button("Tutorial (T)", self.tutorial, (m, y, (left_w - theme.px(8)) // 2, bh), size=theme.SIZE_SMALL + 1,
                            pad=theme.px(6), tooltip="Walk through the game view again, step by step."))
        bx = m + (left_w + theme.px(8)) // 2 if self.on_tutorial is not None else m
        self.add(Button("Back", self.back, (bx, y, m + left_w - bx, bh), tooltip="Back to the game (Esc)."))
