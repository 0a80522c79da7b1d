"""Warnings about a level that is valid but probably not what its author meant: content nobody can use,
and a market nobody can earn in. Warnings never stop a level from loading."""

from __future__ import annotations

from game.content.chapterchecks import chapter_warnings
from game.content.errors import Problem
from game.content.models import Level
from game.content.modmodels import ModCatalog

BUYERS = frozenset({"market", "buyer", "dance_hall"})  # kept equal to core.world.BUYER_KINDS by a test


def level_warnings(file: str, level: Level) -> list[Problem]:
    """Masters and parts never on offer, genres nobody buys, and a level where no record can be sold."""
    warnings: list[Problem] = []
    offered_masters = {m for s in level.sites if s.kind == "contact" for m in s.masters}
    offered_masters |= set(level.start.masters) | {m for e in level.events for m in e.masters_added}
    wanted = {g for s in level.sites if s.kind in BUYERS for g, d in s.demand.items() if d > 0}
    offered_genres = set()
    for i, master in enumerate(level.masters):
        if master.id not in offered_masters:
            warnings.append(Problem(file, f"$.masters[{i}]", f"master '{master.id}' is never on offer: no contact "
                                                             "sells it, nobody starts with it, no event adds it"))
            continue
        offered_genres.add(master.genre)
        if master.genre not in wanted:
            warnings.append(Problem(file, f"$.masters[{i}].genre", f"master '{master.id}' is {master.genre}, which "
                                                                   "no market, buyer or dance hall here wants"))
    if offered_genres and not offered_genres & wanted:
        warnings.append(Problem(file, "$.sites", "no buyer wants any genre on offer, so nobody can earn by selling "
                                                 f"records (on offer: {', '.join(sorted(offered_genres))}; wanted: "
                                                 f"{', '.join(sorted(wanted)) or 'nothing'})",
                                "give a market, buyer or dance hall demand for a genre a contact sells"))
    offered_parts = {p for s in level.sites if s.kind == "contact" for p in s.parts} | set(level.start.lathe.values())
    for i, part in enumerate(level.parts):
        if part.id not in offered_parts:
            warnings.append(Problem(file, f"$.parts[{i}]", f"part '{part.id}' is never on offer (no contact sells it)"))
    used_genres = wanted | {m.genre for m in level.masters}
    for i, genre in enumerate(level.genres):
        if genre.id not in used_genres:
            warnings.append(Problem(file, f"$.genres[{i}]", f"genre '{genre.id}' is added but no master or buyer uses it"))
    warnings += chapter_warnings(file, level)
    if not any(s.kind == "hospital" for s in level.sites):
        warnings.append(Problem(file, "$.sites", "there is no hospital: once the starting films are cut, nobody "
                                                 "can get more X-ray film"))
    return warnings


def unused_additions(file: str, additions: ModCatalog, levels: list[Level]) -> list[Problem]:
    """A mod's catalog entries that none of its levels uses (parts on offer or installed, genres bought or
    recorded, film kinds stocked)."""
    parts = {p for lv in levels for s in lv.sites for p in s.parts} | {p for lv in levels for p in lv.start.lathe.values()}
    genres = {g for lv in levels for s in lv.sites for g in s.demand} | {m.genre for lv in levels for m in lv.masters}
    films = {f for lv in levels for s in lv.sites for f in s.films} | {f for lv in levels for f in lv.start.films}
    used = {"parts": parts, "genres": genres, "films": films}
    warnings = []
    for attr, ids in used.items():
        for i, item in enumerate(getattr(additions, attr)):
            if item.id not in ids:
                warnings.append(Problem(file, f"$.{attr}[{i}]", f"'{item.id}' is not used by any level of this mod",
                                        "offer it at a contact, stock it at a hospital or give a buyer demand for it"))
    return warnings
