"""One test per class of mistake a modder can make in a level file: each is caught, placed (file and
line/column or JSON path) and explained; none crashes, none is passed as OK. Their answer times are measured
in bench/content.py."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from game.content.errors import ContentError, Problem
from game.content.limits import MAX_DEPTH, MAX_JSON_BYTES, MAX_LIST, MAX_MAP_SIDE, MAX_TURNS
from game.content.loader import check_level, load_level
from game.core.setup import new_game

ROOT = Path(__file__).resolve().parents[1]
SMALL = ROOT / "levels" / "skirmish" / "ligovka_nights.json"


def small() -> dict[str, Any]:
    return json.loads(SMALL.read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict[str, Any] | str, name: str = "level.json") -> Path:
    path = tmp_path / name
    text = data if isinstance(data, str) else json.dumps(data, indent=2, allow_nan=True)
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[Problem]:
    level, problems = check_level(path)
    assert level is None and problems, "a broken level must not load"
    assert all(p.file == str(path) and p.where and p.message for p in problems)
    return problems


def has(problems: list[Problem], where: str, *words: str) -> bool:
    return any(p.where == where and all(w in p.message for w in words) for p in problems)


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_non_finite_demand_is_refused_with_its_path(tmp_path: Path, token: str) -> None:
    text = json.dumps(small(), indent=2).replace('"jazz": 1.0', f'"jazz": {token}', 1)
    assert token in text
    problems = problems_of(write(tmp_path, text))
    assert has(problems, "$.sites[3].demand.jazz", token)
    assert len([p for p in problems if p.where == "$.sites[3].demand.jazz"]) == 1  # not also as a type error


def test_non_finite_values_never_reach_the_engine(tmp_path: Path) -> None:
    """The model refuses NaN/Infinity itself too (allow_inf_nan=False), whoever builds it."""
    from pydantic import ValidationError

    from game.content.models import Level

    data = small()
    data["sites"][3]["demand"]["jazz"] = math.nan
    data["sites"][4]["price_factor"] = math.inf
    with pytest.raises(ValidationError) as info:
        Level.model_validate(data)
    assert {e["loc"][:2] for e in info.value.errors()} == {("sites", 3), ("sites", 4)}


def test_negative_and_huge_numbers(tmp_path: Path) -> None:
    data = small()
    data["sites"][3]["demand"]["jazz"] = -1.0
    data["sites"][2]["films"]["chest"] = 10**30
    data["start"]["money"] = 10**9
    problems = problems_of(write(tmp_path, data))
    assert has(problems, "$.sites[3].demand.jazz", ">= 0")
    assert has(problems, "$.sites[2].films.chest", "31 digits")
    assert has(problems, "$.start.money", "<= 1000000")


def test_repeated_key_is_an_error(tmp_path: Path) -> None:
    text = json.dumps(small(), indent=2).replace('"name": "Ligovka Nights",', '"name": "A", "name": "B",', 1)
    problems = problems_of(write(tmp_path, text))
    assert has(problems, "$.name", "more than once")


# ---------------------------------------------------------------- sizes


def test_calendar_of_millions_of_turns(tmp_path: Path) -> None:
    data = small()
    data["calendar"]["end"] = "9999-12-31"
    problems = problems_of(write(tmp_path, data))
    assert has(problems, "$.calendar.end", f"at most {MAX_TURNS}")


def test_huge_map_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """A 10000x10000 map is a 100 MB file: refused by its size, without reading it (a sparse file)."""
    path = tmp_path / "huge.json"
    with open(path, "wb") as f:
        f.truncate(10_000 * 10_001)
    [problem] = problems_of(path)
    assert problem.where == "-" and "95.4 MB" in problem.message and "at most 1.0 MB" in problem.message


def test_wide_and_tall_maps(tmp_path: Path) -> None:
    data = small()
    data["map"]["rows"] = ["." * 1000] * 3
    problems = problems_of(write(tmp_path, data))
    assert has(problems, "$.map.rows", "1000 characters wide", f"3 to {MAX_MAP_SIDE}")
    data["map"]["rows"] = ["." * 10_000] * 90
    problems = problems_of(write(tmp_path, data))
    assert has(problems, "$.map.rows[0]", "at most 4000 characters", "the same at 89 more places")
    assert len(problems) == 1  # not one line per row
    data["map"]["rows"] = ["..."] * 10_000
    problems = problems_of(write(tmp_path, data))
    assert has(problems, "$.map.rows", f"at most {MAX_MAP_SIDE} item(s)")


def test_too_many_patrols(tmp_path: Path) -> None:
    data = small()
    data["patrols"] = [dict(data["patrols"][0], id=f"p{i}") for i in range(MAX_LIST + 1)]
    problems = problems_of(write(tmp_path, data))
    assert has(problems, "$.patrols", f"at most {MAX_LIST} item(s)")
    path = tmp_path / "patrols44mb.json"
    with open(path, "wb") as f:
        f.truncate(44 * 1024 * 1024)
    assert "44.0 MB" in problems_of(path)[0].message


def test_file_just_over_the_limit(tmp_path: Path) -> None:
    data = small()
    data["description"] = "x"
    text = json.dumps(data)
    text = text.replace('"description": "x"', '"description": "' + "x" * (MAX_JSON_BYTES["level"] - len(text) + 2) + '"')
    assert len(text.encode()) == MAX_JSON_BYTES["level"] + 1
    assert problems_of(write(tmp_path, text))[0].message == "the file is 1048577 bytes; a level may be at most 1048576 bytes"


def test_deep_nesting_is_placed(tmp_path: Path) -> None:
    head = '{"id": "x", "name": '
    text = head + "[" * 200_000 + "]" * 200_000 + "}"
    [problem] = problems_of(write(tmp_path, text))
    assert problem.where == f"line 1, column {len(head) + MAX_DEPTH}"  # the bracket that opens level 33
    assert f"more than {MAX_DEPTH} levels" in problem.message


def test_long_text_is_refused(tmp_path: Path) -> None:
    data = small()
    data["briefing"] = "x" * 5000
    assert has(problems_of(write(tmp_path, data)), "$.briefing", "at most 4000 characters")


# ---------------------------------------------------------------- every error in one run


def test_empty_row_blames_only_itself(tmp_path: Path) -> None:
    data = small()
    data["map"]["rows"][0] = ""
    problems = problems_of(write(tmp_path, data))
    rows = [p for p in problems if p.where.startswith("$.map.rows")]
    assert len(rows) == 1 and rows[0].where == "$.map.rows[0]" and "0 characters" in rows[0].message
    assert rows[0].hint == "delete the empty row"


def test_schema_errors_do_not_stop_semantic_checks(tmp_path: Path) -> None:
    data = small()
    data["masters"][0]["price"] = "cheap"  # schema error in one master
    data["sites"][5]["masters"].append("m_nobody")  # semantic error elsewhere
    data["sites"][2]["at"] = [1, 1]  # a building
    data["calendar"]["start"] = "1955-13-01"  # a required section broken: calendar checks skipped
    problems = problems_of(write(tmp_path, data))
    assert has(problems, "$.masters[0].price", "expected an integer")
    assert has(problems, "$.calendar.start", "expected a date")
    assert any("unknown master 'm_nobody'" in p.message for p in problems)
    assert has(problems, "$.sites[2].at", "building")
    # the dropped master is not reported again wherever it is referenced
    dropped = data["masters"][0]["id"]
    assert not any(f"unknown master '{dropped}'" in p.message for p in problems)


def test_all_problems_in_one_run(tmp_path: Path) -> None:
    data = small()
    data["sites"][3]["demand"]["jazz"] = math.nan
    data["sites"][4]["colour"] = "red"
    data["masters"][1]["genre"] = "polka"
    data["map"]["rows"][4] += "."
    problems = problems_of(write(tmp_path, data))
    wheres = {p.where for p in problems}
    assert {"$.sites[3].demand.jazz", "$.sites[4].colour", "$.masters[1].genre", "$.map.rows[4]"} <= wheres


# ---------------------------------------------------------------- broken files


def test_not_utf8_and_not_json_and_not_an_object(tmp_path: Path) -> None:
    bad = tmp_path / "bytes.json"
    bad.write_bytes(b'{"id": "ok",\n "name": "\xff\xfe"}')
    [problem] = problems_of(bad)
    assert problem.where == "line 2, column 11" and "UTF-8" in problem.message and problem.hint
    assert problems_of(write(tmp_path, "[1, 2]", "list.json"))[0].message.startswith("expected a JSON object")
    assert "invalid JSON" in problems_of(write(tmp_path, '{"id": tru}', "syntax.json"))[0].message


def test_not_a_regular_file(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert "not a regular file" in problems_of(fifo)[0].message  # and it did not block reading a pipe


def test_unknown_field_says_where_to_look(tmp_path: Path) -> None:
    data = small()
    data["sites"][0]["colour"] = "red"
    assert has(problems_of(write(tmp_path, data)), "$.sites[0].colour", "unknown field 'colour'", "MODDING.md")


def test_schema_link_is_allowed(tmp_path: Path) -> None:
    data = {"$schema": "../schema.json", **small()}
    assert load_level(write(tmp_path, data)).id == "ligovka_nights"
    data["$schema"] = 5
    assert has(problems_of(write(tmp_path, data)), "$.$schema", "expected a string")


def test_patrol_track_path_cannot_escape(tmp_path: Path) -> None:
    data = small()
    data["masters"][0]["track"] = "../../etc/passwd"
    assert has(problems_of(write(tmp_path, data)), "$.masters[0].track", "lower_snake_case")


def test_a_level_that_loads_also_starts(tmp_path: Path, catalog) -> None:
    """What validates is what the engine can set up (here the salvage stand-ins never leak into a Level)."""
    level = load_level(write(tmp_path, small()))
    world, state = new_game(level, catalog, 2, 1)
    assert len(state.players) == 2 and world.city.width == 24


def test_content_error_needs_a_problem() -> None:
    with pytest.raises(ValueError):
        ContentError([])
