"""First steps: the game's loop for a newcomer — scavenge films, buy a master, cut records, listen to them, sell
them — as goals for the `GoalTracker`, ticked off from the evenings' own events (and, for a loaded game, from
what you own). Each goal knows the kind of place it happens at, so "show me" can plan the walk there."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from game.core.grid import Point
from game.core.report import TurnEvent
from game.core.view import PlayerView
from game.core.world import BUYER_KINDS, World
from game.ui.widgets.goals import Goal


@dataclass(frozen=True)
class Step:
    key: str
    text: str
    kinds: tuple[str, ...]  # where it happens (empty: not a place on the map)
    done_when: str  # words of the engine's sentence that tick it off
    hint: str


STEPS: tuple[Step, ...] = (
    Step("scavenge", "Scavenge X-ray films at a hospital", ("hospital",), "carried off",
         "Old X-ray films are what records are cut on. Walk to a hospital (the cross) and choose Scavenge."),
    Step("master", "Buy a master from a contact", ("contact",), "bought the master",
         "A master is the foreign disc or tape you copy. Contacts (the radio mast) sell them."),
    Step("cut", "Cut records at your workshop", ("workshop",), "You cut",
         "At your workshop, cut records from a master onto your films (choose Cut in its panel)."),
    Step("listen", "Listen to a record in the booth", (), "",
         "Open the Booth to hear your records as your lathe cut them: worse parts sound worse and sell for less."),
    Step("sell", "Sell records at a market or dance hall", tuple(sorted(BUYER_KINDS)), "You sold",
         "Buyers pay by genre, demand, quality and your reputation. The market panel shows the price first."),
)


@dataclass
class FirstSteps:
    done: set[str] = field(default_factory=set)

    def infer(self, view: PlayerView) -> None:
        """Tick what a loaded game's state already shows (masters owned, records cut)."""
        me = view.player
        if me.masters:
            self.done |= {"scavenge", "master"}
        if me.records:
            self.done |= {"scavenge", "master", "cut"}

    def note(self, events: Sequence[TurnEvent], seat: int) -> None:
        """Tick the steps this evening's own events did."""
        for e in events:
            if e.player == seat and e.kind == "action":
                self.done |= {s.key for s in STEPS if s.done_when and s.done_when in e.text}

    def listened(self) -> None:
        self.done.add("listen")

    @property
    def finished(self) -> bool:
        return all(s.key in self.done for s in STEPS)

    def current(self) -> Step | None:
        return next((s for s in STEPS if s.key not in self.done), None)

    def goals(self) -> list[Goal]:
        return [Goal(s.text, s.key in self.done, None, s.hint) for s in STEPS]


def nearest_site(world: World, view: PlayerView, step: Step) -> Point | None:
    """The known site where `step` happens that is the shortest walk away (your own workshop for cutting)."""
    me = view.player
    if step.key == "cut":
        site = world.sites.get(me.workshop)
        return (site.at[0], site.at[1]) if site else None
    best: tuple[int, Point] | None = None
    for sid in view.sites:
        site = world.sites.get(sid)
        if site is None or site.kind not in step.kinds:
            continue
        at = (site.at[0], site.at[1])
        d = world.city.distance(me.pos, at) if me.free else abs(at[0] - me.pos[0]) + abs(at[1] - me.pos[1])
        if d >= 0 and (best is None or d < best[0]):
            best = (d, at)
    return best[1] if best else None
