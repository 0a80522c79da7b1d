"""Encounters: what happens when a patrol sees a bootlegger carrying records or masters.

Inputs: the patrol kind, the player's heat H (0-100), the contraband load L (the records carried, each counted by
its genre's risk: émigré songs 2.0, rock'n'roll 1.6, jazz 1.2, tango 0.8, romance 0.7), whether the
player stands in cover (a courtyard), the patrol pressure P (1.0 normal; crackdowns raise it), the money M and
the player's standing order for being stopped ("bribe", "run" or "surrender"). Rolls use the "encounter" stream.

- notice: a patrol that sees a bootlegger with records stops them with
  p = clamp((0.02 + H/100 + 0.005 x L) x P, 0.02, 0.9) (records under a coat are not obvious; a known face is);
  an informer takes note with the same chance. One roll per patrol and player per turn.
- run: slips away with p = clamp(0.6 + 0.2 x cover - H/200 - 0.01 x L - 0.1 x (P - 1), 0.05, 0.9).
- bribe: the asked bribe is B = 3 + L + H/4 rubles (x P); with M >= B it is accepted with
  p = clamp(0.8 - H/150 - 0.1 x (P - 1), 0.1, 0.9) (half that from a Komsomol brigade): pay B, keep everything.
- a failed run or bribe, or "surrender": militia arrest with p = clamp(0.1 + H/150 + 0.01 x L + 0.15 x failed_run, 0, 0.9)
  ("surrender" without a failed attempt: only above heat 60, p = (H - 60)/80); otherwise confiscation.
- confiscation: all records carried taken, a fine of 5 + L rubles (at most what is carried), heat + 10.
- arrest: confiscation, plus a sentence of 3 + L // 4 + H // 20 turns, reputation - 5, heat set to 40.
- a Komsomol brigade never arrests: it confiscates and fines.
- informers are not encounters: an informer who sees contraband adds 8 x P heat (once per turn each).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from game.core.rng import Streams

Stance = Literal["bribe", "run", "surrender"]
Outcome = Literal["slipped", "bribed", "confiscated", "arrested"]


def _clamp(x: float, low: float, high: float) -> float:
    return min(high, max(low, x))


def contraband_load(records: list, genres: dict) -> float:
    """L: the records carried, each weighted by its genre's risk (1.0 for a genre the catalog does not know)."""
    return round(sum(genres[r.genre].risk if r.genre in genres else 1.0 for r in records), 6)


def notice_chance(heat: int, load: float, pressure: float) -> float:
    """Chance that a patrol seeing a bootlegger carrying `load` records stops them (module docstring)."""
    return _clamp((0.02 + heat / 100 + 0.005 * load) * pressure, 0.02, 0.9)


@dataclass(frozen=True)
class Encounter:
    patrol_kind: str
    heat: int
    load: float
    in_cover: bool
    pressure: float
    money: int  # kopecks
    stance: Stance

    def slip_chance(self) -> float:
        return _clamp(
            0.6 + 0.2 * self.in_cover - self.heat / 200 - 0.01 * self.load - 0.1 * (self.pressure - 1), 0.05, 0.9
        )

    def bribe_asked(self) -> int:
        """Kopecks asked: (3 + L + H/4) rubles x P."""
        return round((3 + self.load + self.heat / 4) * self.pressure) * 100

    def bribe_chance(self) -> float:
        p = _clamp(0.8 - self.heat / 150 - 0.1 * (self.pressure - 1), 0.1, 0.9)
        return p / 2 if self.patrol_kind == "komsomol" else p

    def arrest_chance(self, failed_attempt: bool) -> float:
        if self.patrol_kind == "komsomol":
            return 0.0
        if not failed_attempt:
            return _clamp((self.heat - 60) / 80, 0.0, 0.9)
        failed_run = self.stance == "run"
        return _clamp(0.1 + self.heat / 150 + 0.01 * self.load + 0.15 * failed_run, 0.0, 0.9)

    def fine(self) -> int:
        """Kopecks fined on confiscation, capped at what the player has."""
        return min(self.money, round(5 + self.load) * 100)

    def sentence(self) -> int:
        return 3 + int(self.load) // 4 + self.heat // 20

    def resolve(self, streams: Streams) -> Outcome:
        """Roll the outcome; the caller applies it (see module docstring)."""
        if self.stance == "run" and streams.chance("encounter", self.slip_chance()):
            return "slipped"
        can_pay = self.money >= self.bribe_asked()
        if self.stance == "bribe" and can_pay and streams.chance("encounter", self.bribe_chance()):
            return "bribed"
        failed = self.stance != "surrender"
        if streams.chance("encounter", self.arrest_chance(failed)):
            return "arrested"
        return "confiscated"
