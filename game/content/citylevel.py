"""A new, playable level skeleton around a generated city: the map from `citygen`, one site of every kind
placed on reachable tiles, patrols walking it, a gramophone lathe to start with. `newmod` writes one for a
modder to edit by hand; the shipped levels in `levels/skirmish/` were made this way and are now edited as
JSON (they are the source of truth; nothing regenerates them).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from game.content.citygen import LEGEND, City, CitySpec, SiteSpec, make_patrols, place_sites

GRAMOPHONE = {"motor": "spring_gramophone", "platter": "burned_hole", "cutter": "sewing_needle",
              "amplifier": "radio_set_amp"}
WORKSHOP_SPOTS = ((0.05, 0.1), (0.95, 0.95), (0.95, 0.1), (0.05, 0.95), (0.5, 0.05), (0.5, 0.95), (0.05, 0.5),
                  (0.95, 0.5))


def city_sites(players: int, contact_masters: list[str], contact_parts: list[str],
               demand: dict[str, float]) -> list[SiteSpec]:
    """A workshop per player near the edges, and one hospital, market, buyer, contact, dance hall and militia
    station spread over the middle."""
    sites = [SiteSpec(f"ws_{i + 1}", "workshop", f"Workshop {i + 1}", WORKSHOP_SPOTS[i]) for i in range(players)]
    return sites + [
        SiteSpec("hospital", "hospital", "Hospital X-ray archive", (0.2, 0.75),
                 {"films": {"chest": 8, "skull": 4, "hand": 6}}),
        SiteSpec("market", "market", "Market", (0.5, 0.3), {"demand": dict(demand)}),
        SiteSpec("buyer", "buyer", "Students by the institute", (0.8, 0.3),
                 {"demand": dict(demand), "price_factor": 1.2}),
        SiteSpec("contact", "contact", "Sailor back from the port", (0.5, 0.5),
                 {"masters": list(contact_masters), "parts": list(contact_parts)}),
        SiteSpec("dance_hall", "dance_hall", "Dance floor at the club", (0.75, 0.75),
                 {"demand": dict(demand), "price_factor": 1.4}),
        SiteSpec("station", "militia_station", "Militia station", (0.35, 0.5)),
    ]


def new_level(level_id: str, name: str, masters: list[dict[str, Any]], contact_parts: list[str],
              demand: dict[str, float], spec: CitySpec | None = None, players: int = 2,
              start: dt.date = dt.date(1956, 9, 1), turns: int = 60) -> dict[str, Any]:
    """Level JSON data (a dict in file order) for a generated city; every master is on offer at the contact."""
    spec = spec or CitySpec(24, 18, seed=1956, block=(3, 5), rivers=((0.55, 2, 3),), meander=False)
    city = City(spec)
    placed = place_sites(city, city_sites(players, [m["id"] for m in masters], contact_parts, demand))
    return {
        "schema_version": 1, "id": level_id, "name": name, "kind": "skirmish",
        "description": f"{name}: a new city.", "briefing": "", "debriefing": "",
        "players": [2, players],
        "calendar": {"start": start.isoformat(), "end": (start + dt.timedelta(days=turns)).isoformat(),
                     "days_per_turn": 1},
        "rules": {"move_allowance": 8, "raid_heat": 70},
        "map": {"legend": LEGEND, "rows": city.rows()},
        "sites": placed,
        "masters": masters,
        "patrols": make_patrols(city, placed, spec.seed + 1, 2, 1, 1),
        "start": {"money": 150, "reputation": 10, "heat": 0, "films": {"chest": 2, "hand": 1}, "masters": [],
                  "lathe": dict(GRAMOPHONE)},
        "events": [],
        "victory": {"mode": "richest"},
    }
