"""AI difficulty levels: the same rules, different judgement.

- easy: walks straight at its goal, sells at the nearest buyer that wants its records, buys the cheapest master,
  installs only what it is given, never informs or trades, runs when stopped, lies low only when the militia
  are about to raid it.
- normal: walks around the patrols it can see, weighs buyers, masters and lathe parts by what they pay back over
  the rest of the season, does a second action on the way, sells off its records before lying low, informs only
  on a rival who informed on it, accepts trades that pay.
- hard: all of that, plus buyers' errands, a bribe ready when the cargo is worth it, informs on the leading rival
  when it holds their address and its own heat is low, and offers dubs of its masters to rivals.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Difficulty:
    name: str
    route_aware: bool
    weighs_value: bool  # values buyers, masters and parts (else nearest / cheapest)
    upgrades: bool
    stops: bool  # a second action on the way
    retaliates: bool
    informs: bool  # informs unprovoked, on the leader
    trades: bool  # accepts offers
    offers: bool  # makes offers
    errands: bool
    bribes: bool
    hot_margin: int  # lies low from raid_heat - hot_margin
    sell_at: int  # records in hand that send it to a buyer
    patrol_cost: float = 1.5  # how much it minds walking where a patrol it sees could look (see `routes`)
    upgrade_payback: float = 1.5  # buys a part that pays back this many times over the rest of the season
    reserve: int = 40  # rubles kept back from upgrades and second masters
    taste_weight: float = 0.0  # extra weight on selling to buyers who pay for quality


EASY = Difficulty("easy", route_aware=False, weighs_value=False, upgrades=False, stops=False, retaliates=False,
                  informs=False, trades=False, offers=False, errands=False, bribes=False, hot_margin=0, sell_at=8)
NORMAL = Difficulty("normal", route_aware=True, weighs_value=True, upgrades=True, stops=True, retaliates=True,
                    informs=False, trades=True, offers=False, errands=False, bribes=True, hot_margin=12, sell_at=6)
HARD = Difficulty("hard", route_aware=True, weighs_value=True, upgrades=True, stops=True, retaliates=True,
                  informs=True, trades=True, offers=True, errands=True, bribes=True, hot_margin=12, sell_at=6)

DIFFICULTIES: dict[str, Difficulty] = {d.name: d for d in (EASY, NORMAL, HARD)}
