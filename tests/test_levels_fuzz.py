"""Property tests: whatever bytes a level file holds, loading gives a Level or a ContentError naming the file."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.errors import ContentError
from game.content.loader import load_level
from game.content.models import Level

ROOT = Path(__file__).resolve().parents[1]
BASE = json.loads((ROOT / "levels" / "skirmish" / "ligovka_nights.json").read_text(encoding="utf-8"))
FUZZ_EXAMPLES = int(os.environ.get("BONE_FUZZ_EXAMPLES", "60"))  # raise it for a long local run
FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def check(path: Path) -> None:
    """The loader's contract: a Level, or ContentError with problems that all name this file."""
    try:
        level = load_level(path)
    except ContentError as exc:
        assert exc.problems
        assert all(p.file == str(path) for p in exc.problems)
        assert all(p.where and p.message for p in exc.problems)
    else:
        assert isinstance(level, Level)


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


@FUZZ
@given(raw=st.binary(max_size=300))
def test_arbitrary_bytes(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "fuzz.json"
    path.write_bytes(raw)
    check(path)


@FUZZ
@given(text=st.text(max_size=200))
def test_arbitrary_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fuzz.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    check(path)


@FUZZ
@given(data=st.data(), action=st.sampled_from(["drop", "retype", "add"]), value=json_values)
def test_mutated_level(tmp_path: Path, data: st.DataObject, action: str, value: Any) -> None:
    level = json.loads(json.dumps(BASE))
    trail = data.draw(st.sampled_from(containers(level)))
    node = at(level, trail)
    keys = list(node) if isinstance(node, dict) else list(range(len(node)))
    if keys:
        key = data.draw(st.sampled_from(keys))
        if action == "drop":
            del node[key]
        elif action == "retype":
            node[key] = value
        elif isinstance(node, dict):
            node[data.draw(st.text(min_size=1, max_size=6))] = value
        else:
            node.append(value)
    path = tmp_path / "mutant.json"
    path.write_text(json.dumps(level), encoding="utf-8")
    check(path)


@FUZZ
@given(pos=st.integers(0, 10_000), junk=st.text(min_size=1, max_size=5))
def test_garbage_inserted_into_text(tmp_path: Path, pos: int, junk: str) -> None:
    text = json.dumps(BASE, indent=1)
    pos %= len(text)
    path = tmp_path / "garbled.json"
    path.write_text(text[:pos] + junk + text[pos:], encoding="utf-8", errors="surrogatepass")
    check(path)
