"""Property tests: whatever a level file holds, checking it never raises, every problem names the file and a
place, and a level that passes plays 10 turns without an exception.

Mutations of a shipped level: delete a key, change a value's type, add a key, truncate the text, insert text
anywhere, and insert what careful parsers trip on: NaN, +/-Infinity, numbers that overflow or have hundreds of
digits, unicode, deep nesting. Raise BONE_FUZZ_EXAMPLES for a long run; `--hypothesis-show-statistics` prints
how many mutants validated."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from game.content.catalog import base_catalog
from game.content.loader import check_level
from game.content.models import Level
from game.session.session import LocalSession

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "levels" / "skirmish" / "ligovka_nights.json"
BASE = json.loads(SOURCE.read_text(encoding="utf-8"))
FUZZ_EXAMPLES = int(os.environ.get("BONE_FUZZ_EXAMPLES", "60"))  # raise it for a long local run
FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def deep(depth: int) -> Any:
    value: Any = 0
    for _ in range(depth):
        value = [value]
    return value


nasty_numbers = st.sampled_from([float("nan"), float("inf"), float("-inf"), 10**20, -(10**20), 1e308, -0.0,
                                 2**63, 1e-320])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats() | nasty_numbers
    | st.text(max_size=8) | st.sampled_from(["\u202e", "\x00", "é" * 3, "💿", "\ud7ff"])
    | st.integers(30, 300).map(deep),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)
raw_tokens = st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "9" * 400, "[" * 5000,
                              "{" * 100, "\"\\ud800\"", "\ufeff", "\x00", "💿", ",", "]", "}", "null", "\"", ":"])


def check(path: Path) -> Level | None:
    """The contract: never raises; every problem names this file and a place; a good level plays."""
    level, problems = check_level(path)
    assert all(p.file == str(path) and p.where and p.message for p in problems)
    if level is None:
        assert problems
        return None
    assert not problems
    players = max(level.players[0], min(2, level.players[1]))
    session = LocalSession(level, base_catalog(), players, 1)
    for _ in range(10):
        session.end_turn()
    return level


def containers(node: Any, trail: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths to every dict and list inside the level."""
    found = [trail]
    if isinstance(node, dict):
        for k, v in node.items():
            if isinstance(v, dict | list):
                found += containers(v, (*trail, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            if isinstance(v, dict | list):
                found += containers(v, (*trail, i))
    return found


def at(node: Any, trail: tuple[Any, ...]) -> Any:
    for part in trail:
        node = node[part]
    return node


def mutate(data: Any, draw: st.DataObject, action: str, value: Any) -> Any:
    """One structural change to parsed JSON (in place); returns the data."""
    trail = draw.draw(st.sampled_from(containers(data)))
    node = at(data, trail)
    keys = list(node) if isinstance(node, dict) else list(range(len(node)))
    if not keys:
        return data
    key = draw.draw(st.sampled_from(keys))
    if action == "drop":
        del node[key]
    elif action == "retype":
        node[key] = value
    elif isinstance(node, dict):
        node[draw.draw(st.text(min_size=1, max_size=6))] = value
    else:
        node.append(value)
    return data


def garble(text: str, draw: st.DataObject) -> str:
    """A textual change: truncate, or insert junk or a raw token somewhere."""
    how = draw.draw(st.sampled_from(["truncate", "insert", "token"]))
    pos = draw.draw(st.integers(0, len(text)))
    if how == "truncate":
        return text[:pos]
    junk = draw.draw(st.text(min_size=1, max_size=5)) if how == "insert" else draw.draw(raw_tokens)
    return text[:pos] + junk + text[pos:]


@FUZZ
@given(raw=st.binary(max_size=300))
def test_arbitrary_bytes(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "fuzz.json"
    path.write_bytes(raw)
    event("validated" if check(path) else "refused")


@FUZZ
@given(text=st.text(max_size=200))
def test_arbitrary_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fuzz.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    event("validated" if check(path) else "refused")


@FUZZ
@given(data=st.data(), action=st.sampled_from(["drop", "retype", "add"]), value=json_values,
       textual=st.booleans())
def test_mutated_level(tmp_path: Path, data: st.DataObject, action: str, value: Any, textual: bool) -> None:
    level = mutate(json.loads(json.dumps(BASE)), data, action, value)
    text = json.dumps(level, indent=1, allow_nan=True)
    if textual:
        text = garble(text, data)
    path = tmp_path / "mutant.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    event("validated" if check(path) else "refused")


def test_the_unmutated_level_passes_the_same_contract(tmp_path: Path) -> None:
    """The property above would pass vacuously if everything were refused: the source level validates."""
    path = tmp_path / "same.json"
    path.write_text(json.dumps(BASE, allow_nan=True), encoding="utf-8")
    assert check(path) is not None
