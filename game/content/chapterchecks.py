"""Checks of a campaign chapter (`Level.chapter`) that the schema cannot express: what each objective refers to
exists, the chapter seats its rivals, its dates fall in the calendar. Problems are errors; `chapter_warnings`
names what loads but is probably not meant (a chapter that would play with shuffled workshops, a campaign level
with no chapter section)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from game.content.errors import Problem
from game.content.models import Catalog, Level

BUYERS = frozenset({"market", "buyer", "dance_hall"})
NEEDS: dict[str, tuple[str, ...]] = {"cut": ("quality",), "outsell": ("rival",)}


def chapter_problems(file: str, level: Level, catalog: Catalog, track_exists: Callable[[str], bool]) -> list[Problem]:
    """Every error in the level's chapter section (none when there is no section)."""
    chapter = level.chapter
    if chapter is None:
        return []
    where = "$.chapter"
    problems: list[Problem] = []
    if level.kind != "campaign":
        problems.append(Problem(file, where, "only a campaign level has a chapter section",
                                'set "kind" to "campaign", or remove "chapter"'))
    seats = 1 + len(chapter.rivals)
    low, high = level.players
    workshops = sum(1 for s in level.sites if s.kind == "workshop")
    if not low <= seats <= high:
        problems.append(Problem(file, f"{where}.rivals", f"the chapter seats {seats} bootleggers (you and "
                                f"{len(chapter.rivals)} rivals), outside $.players [{low}, {high}]"))
    if seats > workshops:
        problems.append(Problem(file, f"{where}.rivals", f"the chapter seats {seats} bootleggers but the map has "
                                f"{workshops} workshops"))
    for item, n in Counter(o.id for o in chapter.objectives).items():
        if n > 1:
            problems.append(Problem(file, f"{where}.objectives", f"objective id '{item}' is used {n} times"))
    genres = {g.id for g in [*catalog.genres, *level.genres]}
    buyers = {s.id for s in level.sites if s.kind in BUYERS}
    cal = level.calendar
    for i, o in enumerate(chapter.objectives):
        at = f"{where}.objectives[{i}]"
        for name in NEEDS.get(o.kind, ()):
            if getattr(o, name) is None:
                problems.append(Problem(file, at, f"a '{o.kind}' objective needs '{name}'"))
        if o.site is not None and o.site not in buyers:
            problems.append(Problem(file, f"{at}.site", f"'{o.site}' is not a market, buyer or dance hall of this level",
                                    "buyers here: " + ", ".join(sorted(buyers))))
        if o.genre is not None and o.genre not in genres:
            problems.append(Problem(file, f"{at}.genre", f"unknown genre '{o.genre}'"))
        if o.rival is not None and o.rival > len(chapter.rivals):
            problems.append(Problem(file, f"{at}.rival", f"there is no rival {o.rival}: the chapter has "
                                    f"{len(chapter.rivals)}", "rivals are counted from 1 in $.chapter.rivals"))
        if o.by is not None and not cal.start <= o.by <= cal.end:
            problems.append(Problem(file, f"{at}.by", f"{o.by} is outside the calendar {cal.start} to {cal.end}"))
        if o.kind == "heat_below" and not 1 <= o.amount <= 100:
            problems.append(Problem(file, f"{at}.amount", "a heat limit is 1 to 100"))
    if all(o.optional for o in chapter.objectives):
        problems.append(Problem(file, f"{where}.objectives", "every objective is optional, so nothing wins the chapter",
                                'make at least one objective "optional": false'))
    if chapter.film not in {f.id for f in catalog.films}:
        problems.append(Problem(file, f"{where}.film", f"unknown film kind '{chapter.film}'"))
    for j, track in enumerate(chapter.tracks):
        if not track_exists(track):
            problems.append(Problem(file, f"{where}.tracks[{j}]", f"no track '{track}' in the music library"))
    return problems


def chapter_warnings(file: str, level: Level) -> list[Problem]:
    """A campaign level without a chapter section, or a chapter whose workshops are shuffled."""
    if level.kind != "campaign":
        return []
    if level.chapter is None:
        return [Problem(file, "$", "a campaign level with no \"chapter\" section: it plays with one objective, "
                                   "to finish first", "give it objectives in \"chapter\" (see MODDING.md)")]
    if level.rules.workshops != "in_order":
        return [Problem(file, "$.rules.workshops", "a chapter with shuffled workshops: the player may start in any "
                                                   "of them, not the one the briefing describes",
                        'set "workshops": "in_order" (the player gets the first workshop)')]
    return []
