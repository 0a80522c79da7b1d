"""Level and catalog loading: shipped files validate, broken files give precise problems, never tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from game.content.catalog import load_catalog
from game.content.citygen import City, CitySpec
from game.content.errors import ContentError, Problem
from game.content.loader import (
    LevelInfo,
    level_content_hash,
    list_levels,
    load_level,
)
from game.content.schema import PUBLISHED, schema_text

ROOT = Path(__file__).resolve().parents[1]
SKIRMISH = ROOT / "levels" / "skirmish"
SMALL = SKIRMISH / "ligovka_nights.json"


def small() -> dict[str, Any]:
    return json.loads(SMALL.read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict[str, Any] | str, name: str = "level.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, indent=2), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(ContentError) as info:
        load_level(path)
    assert info.value.problems and all(p.file == str(path) for p in info.value.problems)
    return info.value.problems


def has(problems: list[Problem], where: str, *words: str) -> bool:
    return any(p.where == where and all(w in p.message for w in words) for p in problems)


# ---------------------------------------------------------------- shipped content


@pytest.mark.parametrize("path", sorted(SKIRMISH.glob("*.json")), ids=lambda p: p.name)
def test_every_shipped_level_validates(path: Path) -> None:
    level = load_level(path)
    assert level.id == path.stem


def test_shipped_levels_sizes() -> None:
    levels = {level.id: level for _, level in list_levels(SKIRMISH)}
    assert set(levels) == {"ligovka_nights", "vasilievsky_1953", "leningrad_1957"}
    big = levels["leningrad_1957"]
    assert len(big.map.rows) >= 96 and len(big.map.rows[0]) >= 96
    assert len(big.patrols) >= 40 and big.players[1] == 8
    assert sum(s.kind == "workshop" for s in big.sites) >= 8
    assert levels["ligovka_nights"].players == (2, 2)
    assert levels["vasilievsky_1953"].players[1] == 4
    for level in levels.values():
        kinds = {s.kind for s in level.sites}
        assert kinds == {"hospital", "market", "buyer", "workshop", "contact", "dance_hall", "militia_station"}


def test_catalog_validates() -> None:
    catalog = load_catalog()
    assert {p.id for p in catalog.presets} >= {"gramophone"}


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_published_schema_in_sync(name: str) -> None:
    committed = (ROOT / "levels" / name).read_text(encoding="utf-8")
    assert committed == schema_text(name), f"run `python -m game.content.schema` to refresh levels/{name}"


def test_level_helpers(tmp_path: Path) -> None:
    level = load_level(SMALL)
    assert level_content_hash(level) == level_content_hash(load_level(SMALL))
    other = small()
    other["name"] = "Changed"
    assert level_content_hash(load_level(write(tmp_path, other))) != level_content_hash(level)
    info = LevelInfo.of(SMALL, level)
    assert (info.width, info.height, info.players) == (24, 18, (2, 2)) and info.turns >= 60


def test_list_levels_skips_broken_and_schema(tmp_path: Path) -> None:
    write(tmp_path, small(), "a.json")
    write(tmp_path, "{", "b.json")
    write(tmp_path, "{}", "schema.json")
    assert [p.name for p, _ in list_levels(tmp_path)] == ["a.json"]


def test_citygen_is_deterministic() -> None:
    spec = CitySpec(40, 30, seed=5, rivers=((0.5, 2, 2),), canals=((0.3, 1),))
    assert City(spec).rows() == City(spec).rows()
    assert City(spec).rows() != City(CitySpec(40, 30, seed=6, rivers=((0.5, 2, 2),), canals=((0.3, 1),))).rows()


# ---------------------------------------------------------------- broken files


def test_invalid_json_gives_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, '{\n  "id": "x",\n  "name": oops\n}')
    [problem] = problems_of(path)
    assert problem.where == "line 3, column 11" and "invalid JSON" in problem.message


def test_missing_file_and_folder_and_bad_bytes(tmp_path: Path) -> None:
    assert problems_of(tmp_path / "nope.json")[0].message == "no such file"
    assert "folder" in problems_of(tmp_path)[0].message
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"id": "\xff"}')
    assert "UTF-8" in problems_of(bad)[0].message


def test_wrong_type_gives_path_and_expected(tmp_path: Path) -> None:
    data = small()
    data["sites"][3]["at"] = ["abc", 2]
    data["calendar"]["start"] = "1955-13-01"
    data["rules"]["move_allowance"] = "abc"
    problems = problems_of(write(tmp_path, data))
    assert has(problems, "$.sites[3].at[0]", "expected an integer", "'abc'")
    assert has(problems, "$.calendar.start", "expected a date")
    assert has(problems, "$.rules.move_allowance", "expected an integer, got 'abc'")


def test_union_alternatives_merged(tmp_path: Path) -> None:
    data = small()
    data["events"][0]["demand"][0]["genre"] = 5
    problems = problems_of(write(tmp_path, data))
    assert has(problems, "$.events[0].demand[0].genre", "expected a string or one of 'all'", "got 5")


def test_unknown_and_missing_fields(tmp_path: Path) -> None:
    data = small()
    data["sites"][1]["colour"] = "red"
    del data["calendar"]
    problems = problems_of(write(tmp_path, data))
    assert has(problems, "$.sites[1].colour", "unknown field 'colour'")
    assert has(problems, "$.calendar", "missing required field 'calendar'")


def test_missing_references_named(tmp_path: Path) -> None:
    data = small()
    contact = next(i for i, s in enumerate(data["sites"]) if s["kind"] == "contact")
    data["sites"][contact]["masters"].append("m_nobody")
    data["sites"][contact]["parts"].append("flux_capacitor")
    data["masters"][0]["genre"] = "polka"
    data["masters"][1]["track"] = "no_such_track"
    data["start"]["lathe"]["motor"] = "sewing_needle"
    data["start"]["films"]["kidney"] = 1
    data["events"][0]["masters_added"] = ["m_ghost"]
    problems = problems_of(write(tmp_path, data))
    n = len(data["sites"][contact]["masters"]) - 1
    assert has(problems, f"$.sites[{contact}].masters[{n}]", "unknown master 'm_nobody'")
    assert any("unknown part 'flux_capacitor'" in p.message for p in problems)
    assert has(problems, "$.masters[0].genre", "unknown genre 'polka'")
    assert has(problems, "$.masters[1].track", "no_such_track")
    assert has(problems, "$.start.lathe.motor", "sewing_needle", "(a cutter)")
    assert has(problems, "$.start.films", "kidney")
    assert has(problems, "$.events[0].masters_added[0]", "m_ghost")


def test_unreachable_site_reported_by_id(tmp_path: Path) -> None:
    data = small()
    rows = [list(r) for r in data["map"]["rows"]]
    assert rows[14][11:14] == list("###")
    rows[14][12] = ","  # a courtyard inside a solid block: no way in
    data["map"]["rows"] = ["".join(r) for r in rows]
    data["sites"].append({"id": "walled_in", "kind": "buyer", "name": "Walled-in yard", "at": [12, 14]})
    problems = problems_of(write(tmp_path, data))
    messages = " ".join(p.message for p in problems)
    assert "site 'walled_in' (Walled-in yard) at [12, 14] cannot be reached from the workshops" in messages


def test_map_problems(tmp_path: Path) -> None:
    data = small()
    data["map"]["rows"][2] = data["map"]["rows"][2][:-1] + "X"
    data["map"]["rows"][4] = data["map"]["rows"][4] + "."
    problems = problems_of(write(tmp_path, data))
    assert has(problems, "$.map.rows[2]", "'X'", "legend")
    assert has(problems, "$.map.rows[4]", "25 characters")


def test_placement_and_semantic_problems(tmp_path: Path) -> None:
    data = small()
    data["sites"][2]["at"] = [1, 1]  # a building
    data["sites"][3]["at"] = [99, 2]
    data["patrols"][0]["route"].append([8, 8])  # water
    data["players"] = [3, 2]
    data["calendar"]["end"] = "1955-01-01"
    data["sites"].append(dict(data["sites"][4]))
    problems = problems_of(write(tmp_path, data))
    assert has(problems, "$.sites[2].at", "building")
    assert has(problems, "$.sites[3].at", "outside the 24x18 map")
    assert any(p.where.startswith("$.patrols[0].route[") and "water" in p.message for p in problems)
    assert has(problems, "$.players", "min <= max")
    assert has(problems, "$.calendar.end", "after start")
    assert any("is used 2 times" in p.message for p in problems)


def test_event_outside_calendar_and_too_few_workshops(tmp_path: Path) -> None:
    data = small()
    data["events"][0]["date"] = "1953-03-05"
    data["players"] = [2, 3]
    problems = problems_of(write(tmp_path, data))
    assert has(problems, "$.events[0].date", "outside the calendar")
    assert has(problems, "$.sites", "2 workshop site(s) for up to 3 players")


def test_catalog_part_stats_block(tmp_path: Path) -> None:
    data = json.loads((ROOT / "levels" / "catalog.json").read_text(encoding="utf-8"))
    part = data["parts"][0]
    part["cutter"] = part.pop("motor") and {"bandwidth_hz": 3000, "low_cut_hz": 100, "groove_noise": 0.1,
                                            "tracing_distortion": 0.1}
    path = write(tmp_path, data, "catalog.json")
    with pytest.raises(ContentError) as info:
        load_catalog(path)
    wheres = {p.where for p in info.value.problems}
    assert {"$.parts[0]", "$.parts[0].cutter"} <= wheres


# ---------------------------------------------------------------- command line


def run_validate(*paths: Path | str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", "validate", *map(str, paths)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_cli_validate_ok_and_broken(tmp_path: Path) -> None:
    good = run_validate("levels/skirmish")
    assert good.returncode == 0, good.stdout + good.stderr
    assert good.stdout.count("OK ") == 3
    broken = write(tmp_path, '{"id": ', "broken.json")
    level = write(tmp_path, small(), "fine.json")
    mod = tmp_path / "mod"
    (mod / "levels").mkdir(parents=True)
    (mod / "mod.json").write_text("{}", encoding="utf-8")
    bad = run_validate(broken, tmp_path / "missing.json", mod, level)
    assert bad.returncode == 1
    assert f"error {broken}: line 1, column 8: invalid JSON" in bad.stdout
    assert "missing.json: -: no such file or folder" in bad.stdout
    assert f"error {mod / 'mod.json'}: $.id: missing required field 'id'" in bad.stdout
    assert f"OK {level}" in bad.stdout
    assert "Traceback" not in bad.stdout + bad.stderr
