"""The shipped skirmish levels, built from city specs by `citygen` and written to `levels/skirmish/`.

Run `python -m game.content.skirmish` to regenerate the files. The JSON files are the source of truth once
committed: hand edits are welcome, but re-running this overwrites them.
leningrad_1957.json has such hand edits (five more hospitals near the outlying workshops and a 14-tile
evening, so that every seat can earn a living in 60 turns): re-apply them if you regenerate.
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


def vasilievsky() -> dict[str, Any]:
    """4-player district: Vasilievsky Island and the Admiralty side across the Neva, spring 1953."""
    meta = {
        "id": "vasilievsky_1953", "name": "Vasilievsky Island, 1953", "kind": "skirmish",
        "description": "Four bootleggers on Vasilievsky Island and across the Neva, the spring Stalin died.",
        "briefing": BRIEFING_COMMON + " February 1953. The papers are full of the 'doctors' plot' and calls for "
                    "vigilance; a few years ago the founders of the 'Golden Dog' studio on Nevsky were arrested "
                    "and sent to the camps. On Vasilievsky Island the students and the sailors still want tango "
                    "and boogie-woogie. Two bridges cross the Neva; they are watched.",
        "debriefing": "By midsummer 1953 the city is changing: the amnesty, the doctors cleared, Beria gone. "
                      "Records are still a crime, but the fear is not what it was in February.",
        "players": [2, 4],
        "calendar": {"start": "1953-02-01", "end": "1953-07-31", "days_per_turn": 2},
        "rules": {"move_allowance": 9, "raid_heat": 65},
    }
    spec = CitySpec(48, 36, seed=1953, block=(4, 7), rivers=((0.12, 2, 3), (0.64, 4, 2)), canals=(),
                    park_chance=0.06)
    sites = [
        SiteSpec("ws_5th_line", "workshop", "Cellar on the 5th Line", (0.08, 0.3)),
        SiteSpec("ws_gavan", "workshop", "Shed in the Gavan", (0.9, 0.3)),
        SiteSpec("ws_moika", "workshop", "Attic over the Moika", (0.1, 0.95)),
        SiteSpec("ws_galernaya", "workshop", "Back room on Galernaya street", (0.9, 0.95)),
        SiteSpec("pokrovskaya", "hospital", "Pokrovskaya hospital archive", (0.45, 0.28),
                 {"films": {"chest": 10, "skull": 4, "hand": 6, "spine": 4, "pelvis": 2}}),
        SiteSpec("mariinsky", "hospital", "Mariinsky hospital boiler room", (0.6, 0.82),
                 {"films": {"chest": 8, "skull": 6, "hand": 4}}),
        SiteSpec("andreevsky", "market", "Andreevsky market", (0.3, 0.45),
                 {"demand": {"tango": 1.3, "foxtrot": 1.2, "romance": 1.3, "jazz": 0.9}}),
        SiteSpec("sennaya", "market", "Haymarket (Sennaya)", (0.4, 0.92),
                 {"demand": {"tango": 1.1, "romance": 1.4, "emigre": 1.3, "foxtrot": 1.0}}),
        SiteSpec("university", "buyer", "Students by the University", (0.7, 0.5),
                 {"demand": {"jazz": 1.5, "swing": 1.3, "boogie_woogie": 1.4}, "price_factor": 1.1}),
        SiteSpec("sailor", "contact", "Sailor at the port", (0.02, 0.55),
                 {"masters": ["m_st_louis", "m_saints", "m_nevsky_boogie", "m_memphis", "m_harbin"],
                  "parts": ["sewing_machine_motor", "sapphire_stylus", "electric_turntable_motor"]}),
        SiteSpec("radio_ham", "contact", "Radio ham near the Admiralty", (0.75, 0.78),
                 {"masters": ["m_cumparsita", "m_choclo", "m_ochi", "m_maple_leaf"],
                  "parts": CHEAP_PARTS + ["homemade_valve_amp", "machined_spindle"]}),
        SiteSpec("kirov_dk", "dance_hall", "Kirov Palace of Culture", (0.2, 0.2),
                 {"demand": {"swing": 1.5, "foxtrot": 1.5, "tango": 1.4}, "price_factor": 1.4}),
        SiteSpec("admiralty_dance", "dance_hall", "Dance evening at the Naval School", (0.5, 0.76),
                 {"demand": {"boogie_woogie": 1.6, "jazz": 1.4, "tango": 1.2}, "price_factor": 1.5}),
        SiteSpec("station_vo", "militia_station", "Militia station of Vasileostrovsky district", (0.55, 0.4)),
        SiteSpec("station_adm", "militia_station", "Militia station of Admiralteysky district", (0.3, 0.8)),
    ]
    ids = ["m_st_louis", "m_saints", "m_nevsky_boogie", "m_memphis", "m_harbin", "m_cumparsita", "m_choclo",
           "m_ochi", "m_maple_leaf", "m_twelfth_street", "m_bone_yard"]
    rest = {
        "masters": masters(ids, {"m_twelfth_street": "1953-04-04", "m_bone_yard": "1953-06-01"}),
        "start": start(),
        "events": [
            {"id": "vigilance", "date": "1953-02-01", "title": "Vigilance",
             "text": "Since January the papers denounce the 'doctors' plot'. Meetings in every factory call for "
                     "vigilance, and the militia is in no mood to be bribed.", "patrol_pressure": 1.4},
            {"id": "stalin_dies", "date": "1953-03-05", "title": "Stalin is dead",
             "text": "The radio plays funeral music for days. Dances are cancelled; nobody buys a foxtrot now.",
             "demand": [{"genre": "all", "factor": 0.6}], "patrol_pressure": 1.6},
            {"id": "amnesty", "date": "1953-03-27", "title": "The amnesty",
             "text": "About a million prisoners are freed, most of them serving short sentences for ordinary "
                     "crimes; the political prisoners mostly stay in the camps. The militia has its hands full.",
             "patrol_pressure": 1.2},
            {"id": "doctors_freed", "date": "1953-04-04", "title": "The doctors were innocent",
             "text": "Pravda prints that the arrested doctors were innocent. People start to breathe, and to dance.",
             "demand": [{"genre": "all", "factor": 1.5}], "masters_added": ["m_twelfth_street"]},
            {"id": "bop_arrives", "date": "1953-06-01", "title": "A new disc from Riga",
             "text": "A sailor brings a bebop disc nobody in Leningrad has heard yet.",
             "masters_added": ["m_bone_yard"], "demand": [{"genre": "jazz", "factor": 1.2}]},
            {"id": "beria_arrested", "date": "1953-06-26", "title": "Beria arrested",
             "text": "The minister of internal affairs is arrested. In the police stations nobody knows what "
                     "tomorrow's orders will be, and the patrols go slack.", "patrol_pressure": 0.9},
            {"id": "tango_glut", "date": "1953-07-10", "title": "Every student has 'La Cumparsita'",
             "text": "Tango bones are everywhere this summer; nobody pays much for them.",
             "demand": [{"genre": "tango", "factor": 0.6}]},
        ],
        "victory": {"mode": "richest"},
    }
    return build(meta, spec, sites, (3, 2, 4), rest)


def leningrad() -> dict[str, Any]:
    """8-player city: Leningrad from the Petrograd side to the Kirov works, the summer of the 1957 festival."""
    meta = {
        "id": "leningrad_1957", "name": "Leningrad, Festival Summer 1957", "kind": "skirmish",
        "description": "Eight bootleggers, the whole city from the Petrograd side to the Kirov works, the summer "
                       "of the Moscow youth festival.",
        "briefing": BRIEFING_COMMON + " Summer 1957. Thirty thousand young foreigners are coming to the World "
                    "Festival of Youth and Students in Moscow, and they bring records nobody here has heard: "
                    "rock'n'roll. The thaw has loosened some things, but the Komsomol brigades still raid the "
                    "dance floors and the militia still counts 'speculators'. The Neva, the Moika, the Fontanka "
                    "and the Obvodny cut the city; the bridges are where patrols wait.",
        "debriefing": "Autumn 1957. After the festival the brigades came down hard on the stilyagi, but the music "
                      "stayed: on ribs and skulls, in a thousand communal flats.",
        "players": [2, 8],
        "calendar": {"start": "1957-05-01", "end": "1957-10-28", "days_per_turn": 2},
        "rules": {"move_allowance": 10, "raid_heat": 70},
    }
    spec = CitySpec(100, 100, seed=1957, block=(5, 9),
                    rivers=((0.07, 3, 4), (0.33, 5, 6), (0.5, 2, 9), (0.9, 2, 7)),
                    canals=((0.7, 2),), park_chance=0.07)
    w = [
        ("ws_petrograd", "Attic on the Petrograd side", (0.5, 0.12)),
        ("ws_vo", "Cellar on Vasilievsky's 5th Line", (0.04, 0.2)),
        ("ws_okhta", "Shed at Okhta", (0.96, 0.2)),
        ("ws_admiralty", "Basement by the Admiralty", (0.04, 0.55)),
        ("ws_liteyny", "Kitchen off Liteyny Prospekt", (0.96, 0.55)),
        ("ws_narvskaya", "Garage by the Narva Gate", (0.04, 0.97)),
        ("ws_ligovka", "Boiler room on Ligovka", (0.96, 0.97)),
        ("ws_kolomna", "Communal flat in Kolomna", (0.5, 0.8)),
    ]
    sites = [SiteSpec(i, "workshop", n, at) for i, n, at in w]
    sites += [
        SiteSpec("mariinsky", "hospital", "Mariinsky hospital archive", (0.8, 0.6),
                 {"films": {"chest": 12, "skull": 6, "hand": 6, "spine": 4, "pelvis": 3}}),
        SiteSpec("pokrovskaya", "hospital", "Pokrovskaya hospital", (0.15, 0.25),
                 {"films": {"chest": 8, "skull": 4, "hand": 8}}),
        SiteSpec("erisman", "hospital", "Erisman hospital", (0.38, 0.15),
                 {"films": {"chest": 10, "skull": 8, "spine": 4}}),
        SiteSpec("sennaya", "market", "Haymarket (Sennaya)", (0.45, 0.7),
                 {"demand": {"tango": 1.2, "romance": 1.4, "emigre": 1.4, "foxtrot": 1.1}}),
        SiteSpec("kuznechny", "market", "Kuznechny market", (0.8, 0.78),
                 {"demand": {"jazz": 1.0, "tango": 1.2, "foxtrot": 1.2, "romance": 1.2}}),
        SiteSpec("andreevsky", "market", "Andreevsky market", (0.2, 0.38),
                 {"demand": {"tango": 1.3, "foxtrot": 1.2, "swing": 1.1}}),
        SiteSpec("sytny", "market", "Sytny market", (0.6, 0.04),
                 {"demand": {"romance": 1.3, "emigre": 1.2, "tango": 1.0}}),
        SiteSpec("brod", "buyer", "Stilyagi on the 'Brod' (Nevsky)", (0.6, 0.55),
                 {"demand": {"jazz": 1.5, "boogie_woogie": 1.6, "rock_n_roll": 1.8, "swing": 1.3},
                  "price_factor": 1.3}),
        SiteSpec("university", "buyer", "Students by the University", (0.3, 0.3),
                 {"demand": {"jazz": 1.5, "swing": 1.2, "boogie_woogie": 1.3}, "price_factor": 1.1}),
        SiteSpec("dockers", "buyer", "Dockers at the sea port", (0.12, 0.75),
                 {"demand": {"tango": 1.3, "romance": 1.5, "foxtrot": 1.2}}),
        SiteSpec("kirov_workers", "buyer", "Young turners of the Kirov works", (0.2, 0.92),
                 {"demand": {"boogie_woogie": 1.3, "rock_n_roll": 1.5, "foxtrot": 1.2}}),
        SiteSpec("sailor", "contact", "Sailor at the port", (0.03, 0.72),
                 {"masters": ["m_st_louis", "m_saints", "m_memphis", "m_nevsky_boogie", "m_harbin"],
                  "parts": ["electric_turntable_motor", "sapphire_stylus", "synchronous_motor"]}),
        SiteSpec("radio_ham", "contact", "Radio ham on Vasilievsky", (0.22, 0.15),
                 {"masters": ["m_cumparsita", "m_choclo", "m_ochi", "m_maple_leaf"],
                  "parts": CHEAP_PARTS + ["homemade_valve_amp"]}),
        SiteSpec("apraksin", "contact", "Fence at Apraksin Dvor", (0.55, 0.65),
                 {"masters": ["m_twelfth_street", "m_ochi", "m_cumparsita"],
                  "parts": ["punched_hole", "gramophone_needle", "sewing_machine_motor", "machined_spindle"]}),
        SiteSpec("astoria", "contact", "Foreign student at the Astoria", (0.42, 0.55),
                 {"masters": ["m_bone_yard", "m_st_louis", "m_nevsky_boogie"], "parts": ["cutting_head", "studio_amp"]}),
        SiteSpec("night_turner", "contact", "Night-shift turner of the Kirov works", (0.12, 0.86),
                 {"parts": ["machined_spindle", "electric_turntable_motor", "punched_hole"]}),
        SiteSpec("radio_repair", "contact", "Radio repairman on Liteyny", (0.82, 0.45),
                 {"parts": ["homemade_valve_amp", "studio_amp", "sapphire_stylus", "radio_set_amp"]}),
        SiteSpec("kirov_dk", "dance_hall", "Kirov Palace of Culture", (0.1, 0.3),
                 {"demand": {"swing": 1.5, "foxtrot": 1.5, "tango": 1.4}, "price_factor": 1.4}),
        SiteSpec("lensovet_dk", "dance_hall", "Lensovet Palace of Culture", (0.55, 0.2),
                 {"demand": {"jazz": 1.5, "boogie_woogie": 1.6, "rock_n_roll": 1.7}, "price_factor": 1.5}),
        SiteSpec("gorky_dk", "dance_hall", "Gorky Palace of Culture", (0.28, 0.85),
                 {"demand": {"foxtrot": 1.4, "tango": 1.5, "boogie_woogie": 1.4}, "price_factor": 1.3}),
        SiteSpec("tauride", "dance_hall", "Dance floor in the Tauride Garden", (0.88, 0.4),
                 {"demand": {"swing": 1.5, "jazz": 1.4, "rock_n_roll": 1.5}, "price_factor": 1.4}),
        SiteSpec("yelagin", "dance_hall", "Dance floor on Yelagin island", (0.2, 0.02),
                 {"demand": {"tango": 1.5, "foxtrot": 1.5, "swing": 1.3}, "price_factor": 1.3}),
        SiteSpec("mining_institute", "dance_hall", "Evening at the Mining Institute", (0.3, 0.45),
                 {"demand": {"jazz": 1.6, "boogie_woogie": 1.5, "swing": 1.4}, "price_factor": 1.5}),
    ]
    sites += [SiteSpec(f"station_{k}", "militia_station", f"Militia station No. {n}", at)
              for k, (n, at) in enumerate([(3, (0.45, 0.25)), (8, (0.75, 0.25)), (14, (0.25, 0.58)),
                                           (27, (0.65, 0.4)), (32, (0.9, 0.7)), (16, (0.4, 0.95)),
                                           (41, (0.6, 0.88)), (9, (0.08, 0.45))], start=1)]
    rest = {
        "masters": masters([m[0] for m in MASTERS], {"m_rebra_rock": "1957-08-01"}),
        "start": start(),
        "events": [
            {"id": "music_usa", "date": "1957-05-15", "title": "Music USA",
             "text": "Willis Conover's jazz hour on the Voice of America has been on the air for two years; "
                     "its fans tape it off the short wave and want the records.",
             "demand": [{"genre": "jazz", "factor": 1.3}]},
            {"id": "white_nights", "date": "1957-06-15", "title": "White nights",
             "text": "It never gets dark: good for dancing on the embankments, bad for slipping past a patrol.",
             "patrol_pressure": 1.2, "demand": [{"genre": "all", "factor": 1.1}]},
            {"id": "festival", "date": "1957-07-28", "title": "The youth festival opens in Moscow",
             "text": "Guests from a hundred countries, jazz bands on open stages, and suitcases of records "
                     "travelling north on the Red Arrow.",
             "demand": [{"genre": "rock_n_roll", "factor": 1.8}, {"genre": "jazz", "factor": 1.4},
                        {"genre": "boogie_woogie", "factor": 1.3}], "patrol_pressure": 0.9},
            {"id": "rock_arrives", "date": "1957-08-01", "title": "Rock on the ribs",
             "text": "A rock'n'roll disc from the festival reaches Leningrad.", "masters_added": ["m_rebra_rock"]},
            {"id": "after_festival", "date": "1957-08-20", "title": "The brigades strike back",
             "text": "After the festival the Komsomol patrols are told to clean up the dance floors; stilyagi "
                     "are photographed for the wall newspapers.", "patrol_pressure": 1.6},
            {"id": "tango_glut", "date": "1957-09-10", "title": "Nobody wants tango",
             "text": "Tango on bones has flooded the Haymarket this summer.",
             "demand": [{"genre": "tango", "factor": 0.6}, {"genre": "romance", "factor": 0.8}]},
            {"id": "sputnik", "date": "1957-10-04", "title": "Sputnik",
             "text": "The whole city listens for the beep from space; the patrols are in a good mood.",
             "patrol_pressure": 1.1},
        ],
        "victory": {"mode": "richest"},
    }
    return build(meta, spec, sites, (3, 2, 8), rest)


LEVELS = {"ligovka_nights.json": ligovka, "vasilievsky_1953.json": vasilievsky, "leningrad_1957.json": leningrad}


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
