"""The shipped skirmish levels, built from city specs by `citygen` and written to `levels/skirmish/`.

Run `python -m game.content.skirmish` to regenerate the files. The JSON files are the source of truth once
committed: hand edits are welcome, but re-running this overwrites them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from game.content.citygen import LEGEND, City, CitySpec, SiteSpec, make_patrols, place_sites
from game.content.levelfmt import dump_level

OUT = Path(__file__).resolve().parents[2] / "levels" / "skirmish"
GRAMOPHONE = {"motor": "spring_gramophone", "platter": "burned_hole", "cutter": "sewing_needle",
              "amplifier": "radio_set_amp"}
CHEAP_PARTS = ["sewing_machine_motor", "punched_hole", "gramophone_needle", "radio_set_amp"]
GOOD_PARTS = ["electric_turntable_motor", "machined_spindle", "sapphire_stylus", "homemade_valve_amp"]
RARE_PARTS = ["synchronous_motor", "cutting_head", "studio_amp"]

# id, track, title, genre, source quality, price (rubles), available from
MASTERS: list[tuple[str, str, str, str, float, int, str | None]] = [
    ("m_st_louis", "st_louis_blues", "St. Louis Blues", "jazz", 0.85, 120, None),
    ("m_saints", "saints_go_marching", "When the Saints Go Marching In", "swing", 0.8, 90, None),
    ("m_twelfth_street", "twelfth_street_rag", "Twelfth Street Rag", "foxtrot", 0.75, 60, None),
    ("m_nevsky_boogie", "nevsky_boogie", "Nevsky Boogie", "boogie_woogie", 0.7, 110, None),
    ("m_memphis", "memphis_blues", "The Memphis Blues", "jazz", 0.8, 100, None),
    ("m_maple_leaf", "maple_leaf_rag", "Maple Leaf Rag", "foxtrot", 0.65, 45, None),
    ("m_cumparsita", "la_cumparsita", "La Cumparsita", "tango", 0.85, 70, None),
    ("m_choclo", "el_choclo", "El Choclo", "tango", 0.7, 55, None),
    ("m_ochi", "ochi_chyornye", "Ochi Chyornye (Dark Eyes)", "romance", 0.75, 40, None),
    ("m_harbin", "harbin_evening", "Harbin Evening", "emigre", 0.6, 150, None),
    ("m_rebra_rock", "rebra_rock", "Rock on the Ribs", "rock_n_roll", 0.7, 250, None),
    ("m_bone_yard", "bone_yard_bop", "Bone Yard Bop", "jazz", 0.9, 200, None),
]

BRIEFING_COMMON = (
    "Records of Western jazz and émigré songs cannot be bought in any shop. So they are cut at home, at 78 rpm, "
    "into used X-ray films taken from hospital archives, trimmed round with scissors, the hole burned with a "
    "cigarette: 'music on ribs', 'bone records'. The militia and the Komsomol call it speculation and "
    "propaganda, and people have been sent to the camps for it."
)


def masters(ids: list[str], later: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Master objects for the given ids; `later` maps an id to its available_from date."""
    out = []
    for mid, track, title, genre, quality, price, _ in MASTERS:
        if mid in ids:
            m: dict[str, Any] = {"id": mid, "track": track, "title": title, "genre": genre,
                                 "source_quality": quality, "price": price}
            if later and mid in later:
                m["available_from"] = later[mid]
            out.append(m)
    return out


def start() -> dict[str, Any]:
    return {"money": 150, "reputation": 10, "heat": 0, "films": {"chest": 2, "hand": 1}, "masters": [],
            "lathe": dict(GRAMOPHONE)}


def build(meta: dict[str, Any], spec: CitySpec, sites: list[SiteSpec], patrols: tuple[int, int, int],
          rest: dict[str, Any]) -> dict[str, Any]:
    """A level dict: metadata, a generated map with placed sites and patrols, then the rest."""
    city = City(spec)
    placed = place_sites(city, sites)
    level: dict[str, Any] = {"schema_version": 1, **meta, "map": {"legend": LEGEND, "rows": city.rows()},
                             "sites": placed}
    level["masters"] = rest.pop("masters")
    level["patrols"] = make_patrols(city, placed, spec.seed + 1, *patrols)
    level.update(rest)
    return level


def ligovka() -> dict[str, Any]:
    """Small 2-player map: a corner of Ligovka by the Obvodny canal, autumn 1955."""
    meta = {
        "id": "ligovka_nights", "name": "Ligovka Nights", "kind": "skirmish",
        "description": "Two bootleggers, one quarter of Ligovka and the Obvodny canal, autumn 1955.",
        "briefing": BRIEFING_COMMON + " Autumn 1955. Since January the Voice of America has had a jazz hour, "
                    "and the young people of Ligovka want to dance to what they hear through the jamming. "
                    "You have a spring gramophone, a sewing needle and 150 rubles.",
        "debriefing": "The season is over. Whoever kept out of the militia's hands and made the most of it "
                      "rules Ligovka's records this winter.",
        "players": [2, 2],
        "calendar": {"start": "1955-09-01", "end": "1955-11-29", "days_per_turn": 1},
        "rules": {"move_allowance": 8, "raid_heat": 70},
    }
    spec = CitySpec(24, 18, seed=1955, block=(3, 5), rivers=((0.55, 2, 3),), meander=False, park_chance=0.05)
    sites = [
        SiteSpec("ws_cellar", "workshop", "Cellar on Ligovsky Prospekt", (0.05, 0.1)),
        SiteSpec("ws_attic", "workshop", "Attic by the Obvodny canal", (0.95, 0.95)),
        SiteSpec("hospital", "hospital", "Mariinsky Hospital archive", (0.15, 0.95),
                 {"films": {"chest": 8, "skull": 4, "hand": 6, "spine": 3}}),
        SiteSpec("kuznechny", "market", "Kuznechny market", (0.55, 0.05),
                 {"demand": {"jazz": 1.0, "tango": 1.2, "foxtrot": 1.1, "romance": 1.2}}),
        SiteSpec("brod", "buyer", "Stilyagi on the 'Brod' (Nevsky)", (0.95, 0.2),
                 {"demand": {"jazz": 1.4, "swing": 1.3, "boogie_woogie": 1.5}, "price_factor": 1.2}),
        SiteSpec("radio_ham", "contact", "Radio ham on Pushkinskaya", (0.5, 0.45),
                 {"masters": ["m_st_louis", "m_saints", "m_cumparsita", "m_maple_leaf"],
                  "parts": CHEAP_PARTS + ["homemade_valve_amp"]}),
        SiteSpec("fence", "contact", "Fence behind the Ligovka baths", (0.3, 0.75),
                 {"masters": ["m_ochi", "m_choclo", "m_twelfth_street"], "parts": ["punched_hole", "sapphire_stylus"]}),
        SiteSpec("dance_hall", "dance_hall", "Dance floor at the railwaymen's club", (0.75, 0.75),
                 {"demand": {"swing": 1.6, "tango": 1.3, "foxtrot": 1.4, "boogie_woogie": 1.5}, "price_factor": 1.4}),
        SiteSpec("station", "militia_station", "Militia station No. 28", (0.45, 0.25)),
    ]
    rest = {
        "masters": masters(["m_st_louis", "m_saints", "m_cumparsita", "m_maple_leaf", "m_ochi", "m_choclo",
                            "m_twelfth_street"]),
        "start": start(),
        "events": [
            {"id": "music_usa", "date": "1955-09-20", "title": "Music USA after midnight",
             "text": "Willis Conover's jazz hour on the Voice of America, on the air since January, is taped "
                     "off the short wave in half the communal flats of Ligovka.",
             "demand": [{"genre": "jazz", "factor": 1.4}, {"genre": "swing", "factor": 1.3}]},
            {"id": "club_raid", "date": "1955-10-15", "title": "Komsomol raid at the club",
             "text": "A Komsomol brigade cuts the trousers of stilyagi at the railwaymen's club and takes names.",
             "patrol_pressure": 1.3},
            {"id": "november_7", "date": "1955-11-05", "title": "Before the holiday",
             "text": "Revolution Day is coming: the militia is out on every corner of Ligovka.",
             "patrol_pressure": 1.6},
            {"id": "after_holiday", "date": "1955-11-10", "title": "After the parade",
             "text": "The holiday is over and the patrols thin out again.", "patrol_pressure": 1.0},
            {"id": "tango_glut", "date": "1955-11-15", "title": "Too much tango",
             "text": "Everyone on Ligovka has 'La Cumparsita' on a chest X-ray by now.",
             "demand": [{"genre": "tango", "factor": 0.6}]},
        ],
        "victory": {"mode": "richest"},
    }
    return build(meta, spec, sites, (2, 1, 2), rest)


LEVELS = {"ligovka_nights.json": ligovka}


def write_all(folder: Path = OUT) -> list[Path]:
    """Regenerate every shipped skirmish level into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in LEVELS.items():
        path = folder / name
        path.write_text(dump_level(make()), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for p in write_all(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT):
        print(f"wrote {p}")
