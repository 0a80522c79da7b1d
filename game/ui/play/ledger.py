"""The evening's ledger: every figure of yours that changed (money, reputation, heat, films, records, masters,
the wear of each lathe part, the grade your lathe cuts) with before → after and the causes, for the newspaper,
the HUD's change marks and their tooltips.

Figures come from two views of your own state (before the evening and after it); causes are the evening's own
events (the engine's sentences, which give a sale's reputation and heat) and the overnight heat cooling
(`game.core.resolve` constants)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.core.commands import rubles
from game.core.report import TurnEvent
from game.core.resolve import HEAT_DECAY, LIE_LOW_DECAY
from game.core.view import PlayerView
from game.core.world import World
from game.ui.scenes.panels.words import lathe_grade, points, reference

MONEY_KINDS = frozenset({"bribed", "confiscated", "raid", "trade"})
HEAT_KINDS = frozenset({"slipped", "bribed", "confiscated", "watched", "arrested", "raid"})
STOCK_KINDS = frozenset({"confiscated", "arrested", "raid"})


@dataclass(frozen=True)
class LedgerLine:
    key: str  # money, reputation, heat, films, records, masters, grade, part:<slot>
    label: str
    before: str
    after: str
    change: str  # signed: "+12.40 rub", "-2", "-30 %"
    tone: str  # good, bad, neutral
    causes: tuple[str, ...] = ()

    @property
    def sentence(self) -> str:
        """'Money 150.00 rub → 162.40 rub (+12.40 rub): you sold 4 records ...'"""
        why = "; ".join(c.rstrip(".") for c in self.causes)
        return f"{self.label} {self.before} → {self.after} ({self.change}){': ' + why if why else ''}."


def _signed(n: int) -> str:
    return f"{n:+d}".replace("-", "−")


def _signed_rubles(k: int) -> str:
    return ("+" if k >= 0 else "−") + rubles(abs(k))


def _tone(delta: float, good_when_up: bool = True) -> str:
    if delta == 0:
        return "neutral"
    return "good" if (delta > 0) == good_when_up else "bad"


def _texts(events: Sequence[TurnEvent], kinds: frozenset[str] | set[str], words: Sequence[str] = (),
           notes: Sequence[str] = ()) -> list[str]:
    """Event sentences of `kinds`, plus action sentences that contain any of `words` and notes (what others did to
    you: a rival took your offer, named you) that contain any of `notes`."""
    out = [e.text for e in events if e.kind in kinds]
    out += [e.text for e in events if e.kind == "action" and any(w in e.text for w in words)]
    out += [e.text for e in events if e.kind == "note" and any(w in e.text for w in notes)]
    return out


def evening_ledger(world: World, before: PlayerView, after: PlayerView, events: Sequence[TurnEvent],
                   seat: int) -> list[LedgerLine]:
    """The lines for what changed between `before` and `after` (heat also when something raised it, even if the
    overnight cooling took it back)."""
    own = [e for e in events if e.player == seat]
    a, b = after.player, before.player
    lines: list[LedgerLine] = []
    if a.money != b.money:
        causes = _texts(own, MONEY_KINDS, ("rub",), ("took your offer",)) or ["(no event of yours explains it)"]
        lines.append(LedgerLine("money", "Money", rubles(b.money), rubles(a.money), _signed_rubles(a.money - b.money),
                                _tone(a.money - b.money), tuple(causes)))
    if a.reputation != b.reputation:
        causes = _texts(own, {"arrested", "trade"}, ("reputation", "name", "errand"))
        lines.append(LedgerLine("reputation", "Reputation", str(b.reputation), str(a.reputation),
                                _signed(a.reputation - b.reputation), _tone(a.reputation - b.reputation), tuple(causes)))
    cooling = LIE_LOW_DECAY if a.lying_low else HEAT_DECAY
    heat_causes = _texts(own, HEAT_KINDS, ("name", "heat"), ("militia",))
    if a.heat != b.heat or heat_causes:
        if a.free:
            heat_causes.append(f"−{cooling} overnight{' (you lay low)' if a.lying_low else ''}: heat cools every evening")
        lines.append(LedgerLine("heat", "Heat", str(b.heat), str(a.heat), _signed(a.heat - b.heat),
                                _tone(a.heat - b.heat, good_when_up=False), tuple(heat_causes)))
    films_a, films_b = sum(a.films.values()), sum(b.films.values())
    if films_a != films_b:
        causes = _texts(own, {"raid"}, ("carried off", "You cut"))
        lines.append(LedgerLine("films", "X-ray films", str(films_b), str(films_a), _signed(films_a - films_b),
                                _tone(films_a - films_b), tuple(causes)))
    if len(a.records) != len(b.records) or {r.id for r in a.records} != {r.id for r in b.records}:
        causes = _texts(own, STOCK_KINDS | {"trade"}, ("You cut", "sold", "worn out"), ("took your offer",))
        lines.append(LedgerLine("records", "Records carried", str(len(b.records)), str(len(a.records)),
                                _signed(len(a.records) - len(b.records)), "neutral", tuple(causes)))
    if len(a.masters) != len(b.masters):
        causes = _texts(own, {"raid", "arrested", "trade"}, ("master",), ("searched",))
        lines.append(LedgerLine("masters", "Masters", str(len(b.masters)), str(len(a.masters)),
                                _signed(len(a.masters) - len(b.masters)), _tone(len(a.masters) - len(b.masters)),
                                tuple(causes)))
    cut = [e.text for e in own if e.kind == "action" and "You cut" in e.text]
    installed = [e.text for e in own if e.kind == "action" and "installed" in e.text]
    for slot in sorted(set(a.lathe) | set(b.lathe)):
        pa, pb = a.lathe.get(slot), b.lathe.get(slot)
        if pa == pb or pa is None or pb is None:
            continue
        part = world.parts.get(pa.part_id)
        name = part.name if part else pa.part_id
        if pa.part_id != pb.part_id:
            old = world.parts[pb.part_id].name if pb.part_id in world.parts else pb.part_id
            lines.append(LedgerLine(f"part:{slot}", f"{slot.title()}", old, name, "new part", "good", tuple(installed)))
            continue
        per = f"each record cut wears it by {part.wear_per_cut * 100:.0f} points of condition" if part else ""
        lines.append(LedgerLine(f"part:{slot}", f"{name} condition", f"{pb.condition * 100:.0f} %",
                                f"{pa.condition * 100:.0f} %", f"{(pa.condition - pb.condition) * 100:+.0f} %".replace("-", "−"),
                                _tone(pa.condition - pb.condition), tuple([*cut, per] if per else cut)))
    ref = reference(world, before)
    g_b, g_a = lathe_grade(world, dict(b.lathe), ref), lathe_grade(world, dict(a.lathe), ref)
    if points(g_a) != points(g_b):
        why = ["worn parts cut worse" if g_a < g_b else "a better part on the lathe"]
        lines.append(LedgerLine("grade", "Your lathe's cut", f"{points(g_b)}/100", f"{points(g_a)}/100",
                                f"{(g_a - g_b) * 100:+.1f}".replace("-", "−"), _tone(g_a - g_b), tuple(why)))
    return lines
