"""Same level + seed + orders -> same state hash, in this process and in a fresh one; replays and saves
reproduce it; a damaged save is refused with a clear message."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from game.session.replay import GameFileError
from game.session.session import LocalSession

from .conftest import ROOT, TINY_LEVEL


def _autoplay(*args: str) -> list[str]:
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "autoplay", *args], capture_output=True,
                         text=True, check=True, cwd=ROOT, timeout=120)
    return out.stdout.strip().splitlines()


def _play(level, catalog, seed: int, turns: int) -> LocalSession:
    session = LocalSession(level, catalog, 3, seed)
    for _ in range(turns):
        session.end_turn()
    return session


def test_same_seed_same_hash_different_seed_different_hash(tiny_level, catalog):
    a = _play(tiny_level, catalog, 11, 25)
    b = _play(tiny_level, catalog, 11, 25)
    c = _play(tiny_level, catalog, 12, 25)
    assert [t.hash for t in a.file.turns] == [t.hash for t in b.file.turns]
    assert a.state_hash != c.state_hash


def test_autoplay_hash_is_the_same_in_fresh_processes_and_replays(tmp_path):
    replay = tmp_path / "game.replay.json"
    first = _autoplay("--level", str(TINY_LEVEL), "--players", "3", "--seed", "4", "--turns", "20",
                      "--record", str(replay))
    second = _autoplay("--level", str(TINY_LEVEL), "--players", "3", "--seed", "4", "--turns", "20")
    assert first[-1].startswith("hash ") and len(first[-1]) == len("hash ") + 32
    assert first == second
    assert sum(line.startswith("turn ") for line in first) == 20
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "replay", str(replay)], capture_output=True,
                         text=True, check=True, cwd=ROOT, timeout=120)
    assert out.stdout.strip().splitlines()[-1] == first[-1]


def test_autoplay_json_lines(tmp_path):
    lines = _autoplay("--level", str(TINY_LEVEL), "--players", "2", "--seed", "9", "--turns", "3", "--json")
    turns = [json.loads(line) for line in lines[:3]]
    assert [t["turn"] for t in turns] == [0, 1, 2]
    assert {"money_kopecks", "heat", "records", "free"} <= set(turns[0]["players"][0])
    assert lines[-1] == f"hash {turns[-1]['hash']}"


def test_save_and_load_reproduce_the_game(tiny_level, catalog, tmp_path):
    session = _play(tiny_level, catalog, 21, 15)
    path = tmp_path / "slot1.json"
    session.save(path)
    loaded = LocalSession.from_file(path)
    assert loaded.state_hash == session.state_hash
    session.end_turn()
    loaded.end_turn()
    assert loaded.state_hash == session.state_hash
    assert not list(tmp_path.glob("*.tmp")), "the temporary file was left behind"


def test_tampered_or_broken_saves_are_refused_clearly(tiny_level, catalog, tmp_path):
    session = _play(tiny_level, catalog, 21, 6)
    path = tmp_path / "slot.json"
    session.save(path)
    data = json.loads(path.read_text())
    data["turns"][3]["orders"]["0"] = {"path": [], "action": {"type": "lie_low"}, "stance": "run"}
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(data))
    with pytest.raises(GameFileError, match=r"tampered.json: turns\[3\]"):
        LocalSession.from_file(tampered)
    broken = tmp_path / "broken.json"
    broken.write_text(path.read_text()[:200])
    with pytest.raises(GameFileError, match=r"broken.json: line 1, column \d+"):
        LocalSession.from_file(broken)
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"format": "something else"}')
    with pytest.raises(GameFileError, match="wrong.json: format"):
        LocalSession.from_file(wrong)
