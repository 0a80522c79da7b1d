"""Checks a schema cannot express: map shape, references between ids, tracks on disk, reachability.

Each check returns problems that name the thing at fault and the JSON path where it was used. When parts of
a file failed the schema, the loader passes the `Gaps` it left: checks that need a missing section are
skipped, and references to things dropped for schema errors are not reported a second time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game.content.chapterchecks import chapter_problems
from game.content.errors import Problem
from game.content.limits import MAX_MAP_SIDE, MAX_TURNS, MIN_MAP_SIDE
from game.content.models import Catalog, Level, Part
from game.content.tiles import UNREACHABLE, WALKABLE, Point, regions

SLOT_BLOCKS = ("motor", "platter", "cutter", "amplifier")
TRACK_SUFFIXES = (".json", ".wav")
MUSIC_DIR = Path(__file__).resolve().parents[2] / "assets" / "music"


@dataclass(frozen=True)
class Gaps:
    """What a level's schema errors left out: sections replaced by stand-ins (`skipped`), and per list the
    ids of elements dropped for errors (`dropped`, e.g. {"masters": {"m_x"}}); `everything` marks a whole
    list that was unusable, so any reference into it is taken on trust."""

    skipped: frozenset[str] = frozenset()
    dropped: dict[str, frozenset[str]] = field(default_factory=dict)

    def known(self, section: str, item: str) -> bool:
        ids = self.dropped.get(section, frozenset())
        return item in ids or EVERYTHING in ids

    def lost(self, section: str) -> bool:
        return bool(self.dropped.get(section))


EVERYTHING = "*"
NO_GAPS = Gaps()


def _dupes(file: str, where: str, what: str, ids: Iterable[str]) -> list[Problem]:
    counts = Counter(ids)
    return [Problem(file, where, f"{what} id '{i}' is used {n} times; ids must be unique")
            for i, n in counts.items() if n > 1]


def part_problems(file: str, parts: Sequence[Part], where: str) -> list[Problem]:
    """A part carries exactly the stats block of its slot (a motor has `motor`, and nothing else)."""
    problems = []
    for i, part in enumerate(parts):
        given = [b for b in SLOT_BLOCKS if getattr(part, b) is not None]
        if part.slot not in given:
            problems.append(Problem(file, f"{where}[{i}]", f"part '{part.id}' is a {part.slot} but has no "
                                                            f"'{part.slot}' stats block"))
        for block in given:
            if block != part.slot:
                problems.append(Problem(file, f"{where}[{i}].{block}",
                                        f"part '{part.id}' is a {part.slot}; a '{block}' block does not belong"))
    return problems


def catalog_problems(file: str, catalog: Catalog) -> list[Problem]:
    """Unique ids, part stats blocks and presets that name existing parts in the right slots."""
    problems = _dupes(file, "$.genres", "genre", (g.id for g in catalog.genres))
    problems += _dupes(file, "$.films", "film kind", (f.id for f in catalog.films))
    problems += _dupes(file, "$.parts", "part", (p.id for p in catalog.parts))
    problems += _dupes(file, "$.presets", "preset", (p.id for p in catalog.presets))
    problems += part_problems(file, catalog.parts, "$.parts")
    parts = {p.id: p for p in catalog.parts}
    for i, preset in enumerate(catalog.presets):
        problems += _lathe_problems(file, f"$.presets[{i}].parts", f"preset '{preset.id}'", preset.parts, parts)
    return problems


def _lathe_problems(file: str, where: str, owner: str, lathe: dict[str, str], parts: dict[str, Part],
                    slots: Sequence[str] = SLOT_BLOCKS) -> list[Problem]:
    """Every slot in `slots` is filled, and each part exists and fits its slot."""
    problems = []
    for slot in slots:
        if slot not in lathe:
            problems.append(Problem(file, where, f"{owner} has no part in the '{slot}' slot"))
    for slot, part_id in lathe.items():
        part = parts.get(part_id)
        if part is None:
            problems.append(Problem(file, f"{where}.{slot}", f"{owner} uses unknown part '{part_id}'"))
        elif part.slot != slot:
            problems.append(Problem(file, f"{where}.{slot}",
                                    f"{owner} puts part '{part_id}' (a {part.slot}) in the '{slot}' slot"))
    return problems


def track_exists(track: str, music_dirs: Sequence[Path]) -> bool:
    """A track is a score `<track>.json` or a recording `<track>.wav` in one of the music folders."""
    if not track or "/" in track or "\\" in track or track.startswith("."):
        return False
    return any((d / f"{track}{s}").is_file() for d in music_dirs for s in TRACK_SUFFIXES)


def _shown(folder: Path) -> str:
    try:
        return str(folder.relative_to(MUSIC_DIR.parents[1]))
    except ValueError:
        return str(folder)


def level_problems(file: str, level: Level, catalog: Catalog, music_dirs: Sequence[Path] = (),
                   gaps: Gaps = NO_GAPS) -> list[Problem]:
    """Every semantic problem of a level that matches the schema (or of the stand-in the loader built
    around its schema errors, see `Gaps`)."""
    problems = [] if "map" in gaps.skipped else _map_problems(file, level)
    problems += _id_problems(file, level, gaps)
    problems += _reference_problems(file, level, catalog, [MUSIC_DIR, *music_dirs], gaps)
    if "calendar" not in gaps.skipped:
        problems += _calendar_problems(file, level)
    if "map" not in gaps.skipped and not any(p.where.startswith("$.map") for p in problems):
        problems += _placement_problems(file, level)
    dirs = [MUSIC_DIR, *music_dirs]
    problems += chapter_problems(file, level, catalog, lambda track: track_exists(track, dirs))
    return problems


def _map_problems(file: str, level: Level) -> list[Problem]:
    """Legend keys are single characters; rows are as wide as most rows are (only the odd ones out are
    blamed), between MIN_MAP_SIDE and MAX_MAP_SIDE wide, and use only legend characters."""
    problems = []
    legend = level.map.legend
    rows = level.map.rows
    for ch in legend:
        if len(ch) != 1:
            problems.append(Problem(file, f"$.map.legend[{ch!r}]", f"legend keys are single characters, got {ch!r}"))
    widths = Counter(len(row) for row in rows)
    width = max(widths, key=lambda w: (widths[w], w))
    if not MIN_MAP_SIDE <= width <= MAX_MAP_SIDE:
        problems.append(Problem(file, "$.map.rows", f"the map is {width} characters wide; it must be "
                                                    f"{MIN_MAP_SIDE} to {MAX_MAP_SIDE}"))
        return problems
    for y, row in enumerate(rows):
        if len(row) != width:
            problems.append(Problem(file, f"$.map.rows[{y}]", f"row {y} is {len(row)} characters long; the "
                                                              f"other rows are {width}: all rows must match",
                                    hint="pad or trim this row" if row else "delete the empty row"))
        unknown = sorted({ch for ch in row if ch not in legend})
        for ch in unknown[:5]:
            problems.append(Problem(file, f"$.map.rows[{y}]", f"character {ch!r} (column {row.index(ch)}) "
                                                              "is not in $.map.legend",
                                    hint="add it to the legend or use one of " + ", ".join(map(repr, legend))))
    return problems


def _id_problems(file: str, level: Level, gaps: Gaps) -> list[Problem]:
    problems = _dupes(file, "$.sites", "site", (s.id for s in level.sites))
    problems += _dupes(file, "$.masters", "master", (m.id for m in level.masters))
    problems += _dupes(file, "$.patrols", "patrol", (p.id for p in level.patrols))
    problems += _dupes(file, "$.events", "event", (e.id for e in level.events))
    problems += _dupes(file, "$.genres", "genre", (g.id for g in level.genres))
    problems += _dupes(file, "$.parts", "part", (p.id for p in level.parts))
    problems += part_problems(file, level.parts, "$.parts")
    low, high = level.players
    if low < 1 or low > high:
        problems.append(Problem(file, "$.players", f"players [min, max] must have 1 <= min <= max, got [{low}, {high}]"))
    workshops = sum(1 for s in level.sites if s.kind == "workshop")
    if workshops < high and not gaps.lost("sites"):
        problems.append(Problem(file, "$.sites", f"{workshops} workshop site(s) for up to {high} players: "
                                                 "each player needs a workshop"))
    return problems


def _reference_problems(file: str, level: Level, catalog: Catalog, music_dirs: Sequence[Path],
                        gaps: Gaps) -> list[Problem]:
    genres = {g.id for g in [*catalog.genres, *level.genres]}
    films = {f.id for f in catalog.films}
    parts = {p.id: p for p in [*catalog.parts, *level.parts]}
    masters = {m.id for m in level.masters}
    problems: list[Problem] = []

    def need(ok: bool, where: str, message: str, hint: str = "") -> None:
        if not ok:
            problems.append(Problem(file, where, message, hint))

    def genre_ok(genre: str) -> bool:
        return genre in genres or gaps.known("genres", genre)

    def master_ok(master: str) -> bool:
        return master in masters or gaps.known("masters", master)

    def part_ok(part: str) -> bool:
        return part in parts or gaps.known("parts", part)

    genre_hint = "known genres: " + ", ".join(sorted(genres))
    for i, site in enumerate(level.sites):
        owner = f"site '{site.id}' ({site.name})"
        for genre in site.demand:
            need(genre_ok(genre), f"$.sites[{i}].demand", f"{owner} has demand for unknown genre '{genre}'",
                 genre_hint)
        for film in site.films:
            need(film in films, f"$.sites[{i}].films", f"{owner} stocks unknown film kind '{film}'",
                 "film kinds: " + ", ".join(sorted(films)))
        for j, m in enumerate(site.masters):
            need(master_ok(m), f"$.sites[{i}].masters[{j}]", f"{owner} offers unknown master '{m}' (not in $.masters)")
        for j, p in enumerate(site.parts):
            need(part_ok(p), f"$.sites[{i}].parts[{j}]", f"{owner} offers unknown part '{p}'",
                 "parts are listed in levels/catalog.json, the mod's catalog.json or the level's $.parts")
    for i, master in enumerate(level.masters):
        owner = f"master '{master.id}'"
        need(genre_ok(master.genre), f"$.masters[{i}].genre", f"{owner} has unknown genre '{master.genre}'",
             genre_hint)
        need(track_exists(master.track, music_dirs), f"$.masters[{i}].track",
             f"{owner} uses track '{master.track}', but there is no {master.track}.json or {master.track}.wav "
             f"in {', '.join(_shown(d) for d in music_dirs)}",
             "put the score or WAV in the mod's music/ folder, named after the track id")
    if "start" not in gaps.skipped:
        start = level.start
        for film in start.films:
            need(film in films, "$.start.films", f"starting films use unknown film kind '{film}'")
        for j, m in enumerate(start.masters):
            need(master_ok(m), f"$.start.masters[{j}]", f"starting master '{m}' is not in $.masters")
        trusted = {slot for slot, part in start.lathe.items() if gaps.known("parts", part)}
        lathe = {slot: part for slot, part in start.lathe.items() if slot not in trusted}
        problems += _lathe_problems(file, "$.start.lathe", "the starting lathe", lathe, parts,
                                    [slot for slot in SLOT_BLOCKS if slot not in trusted])
    for i, event in enumerate(level.events):
        for j, shift in enumerate(event.demand):
            need(shift.genre == "all" or genre_ok(shift.genre), f"$.events[{i}].demand[{j}].genre",
                 f"event '{event.id}' shifts demand for unknown genre '{shift.genre}'", genre_hint)
        for j, m in enumerate(event.masters_added):
            need(master_ok(m), f"$.events[{i}].masters_added[{j}]", f"event '{event.id}' adds unknown master '{m}'")
    return problems


def _calendar_problems(file: str, level: Level) -> list[Problem]:
    cal = level.calendar
    problems = []
    if cal.end <= cal.start:
        problems.append(Problem(file, "$.calendar.end", f"end {cal.end} must be after start {cal.start}"))
        return problems
    turns = (cal.end - cal.start).days // cal.days_per_turn
    if turns > MAX_TURNS:
        problems.append(Problem(file, "$.calendar.end", f"the calendar runs {turns} turns ({cal.start} to {cal.end}, "
                                                        f"{cal.days_per_turn} day(s) a turn); at most {MAX_TURNS}",
                                "end sooner or raise days_per_turn"))
        return problems
    for i, event in enumerate(level.events):
        if not cal.start <= event.date <= cal.end:
            problems.append(Problem(file, f"$.events[{i}].date", f"event '{event.id}' is dated {event.date}, "
                                                                 f"outside the calendar {cal.start} to {cal.end}"))
    return problems


class Grid:
    """The map as tile kinds and walking regions, enough for placement and reachability checks."""

    def __init__(self, level: Level) -> None:
        self.rows = level.map.rows
        self.legend = level.map.legend
        self.height, self.width = len(self.rows), len(self.rows[0])
        self.region = regions([[self.legend.get(ch) in WALKABLE for ch in row] for row in self.rows])

    def kind(self, x: int, y: int) -> str | None:
        if 0 <= x < self.width and 0 <= y < self.height:
            return self.legend.get(self.rows[y][x])
        return None

    def connected(self, a: Point, b: Point) -> bool:
        """Whether b can be reached on foot from a (both walkable tiles on the map)."""
        return self.region[a[1]][a[0]] == self.region[b[1]][b[0]] != UNREACHABLE


def _tile_problem(file: str, where: str, owner: str, grid: Grid, x: int, y: int) -> Problem | None:
    kind = grid.kind(x, y)
    if kind is None:
        return Problem(file, where, f"{owner} at [{x}, {y}] is outside the {grid.width}x{grid.height} map")
    if kind not in WALKABLE:
        return Problem(file, where, f"{owner} at [{x}, {y}] is on a {kind} tile; it must be street, courtyard or bridge")
    return None


def _placement_problems(file: str, level: Level) -> list[Problem]:
    """Sites and patrol waypoints on walkable tiles, and everything reachable on foot."""
    grid = Grid(level)
    problems: list[Problem] = []
    placed: dict[tuple[int, int], str] = {}
    misplaced: set[int] = set()
    for i, site in enumerate(level.sites):
        owner = f"site '{site.id}' ({site.name})"
        bad = _tile_problem(file, f"$.sites[{i}].at", owner, grid, *site.at)
        if bad:
            problems.append(bad)
            misplaced.add(i)
        elif tuple(site.at) in placed:
            problems.append(Problem(file, f"$.sites[{i}].at", f"{owner} shares tile {list(site.at)} with site "
                                                              f"'{placed[tuple(site.at)]}'"))
        placed.setdefault(tuple(site.at), site.id)
    for i, patrol in enumerate(level.patrols):
        first: Point | None = None
        for j, (x, y) in enumerate(patrol.route):
            owner = f"patrol '{patrol.id}' waypoint {j}"
            bad = _tile_problem(file, f"$.patrols[{i}].route[{j}]", owner, grid, x, y)
            if bad:
                problems.append(bad)
            elif first is None:
                first = (x, y)
            elif not grid.connected(first, (x, y)):
                problems.append(Problem(file, f"$.patrols[{i}].route[{j}]",
                                        f"{owner} at [{x}, {y}] cannot be reached from its first waypoint"))
    workshops = [i for i, s in enumerate(level.sites) if s.kind == "workshop"]
    if not workshops or workshops[0] in misplaced:
        return problems
    home = level.sites[workshops[0]]
    for i, site in enumerate(level.sites):
        if i not in misplaced and not grid.connected((home.at[0], home.at[1]), (site.at[0], site.at[1])):
            problems.append(Problem(file, f"$.sites[{i}].at", f"site '{site.id}' ({site.name}) at "
                                                              f"[{site.at[0]}, {site.at[1]}] cannot be reached from the workshops"))
    return problems
