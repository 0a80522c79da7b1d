"""Property test: mutate one file of a valid mod at random (the same mutations as the level fuzzer: drop keys,
change types, truncate, insert NaN, huge numbers, unicode, deep nesting); loading the mod never raises,
every problem names a file inside the mod, and a mod that loads plays each of its levels for 10 turns."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from game.content.modload import load_mod
from game.session.session import LocalSession

from .modkit import KOLOMNA, new_mod
from .test_levels_fuzz import garble, json_values, mutate

FUZZ_EXAMPLES = int(os.environ.get("BONE_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SOURCES: dict[str, Path] = {}


def source(name: str) -> Path:
    """A pristine copy of each mod to mutate (made once per run)."""
    if name not in SOURCES:
        base = Path(tempfile.mkdtemp(prefix="bone-mod-fuzz-"))
        SOURCES[name] = shutil.copytree(KOLOMNA, base / name) if name == "kolomna_nights" else new_mod(base, name)
    return SOURCES[name]


def json_files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.json"))


@FUZZ
@given(data=st.data(), which=st.sampled_from(["kolomna_nights", "fuzz_mod"]),
       action=st.sampled_from(["drop", "retype", "add"]), value=json_values, textual=st.booleans())
def test_mutated_mod(data: st.DataObject, which: str, action: str, value: Any, textual: bool) -> None:
    pristine = source(which)
    rel = data.draw(st.sampled_from(json_files(pristine)))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(shutil.copytree(pristine, Path(tmp) / which))
        path = folder / rel
        text = json.dumps(mutate(json.loads(path.read_text(encoding="utf-8")), data, action, value), indent=1,
                          allow_nan=True)
        if textual:
            text = garble(text, data)
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        mod = load_mod(folder)
        assert all(Path(p.file).resolve().is_relative_to(folder.resolve()) and p.where and p.message
                   for p in [*mod.problems, *mod.warnings]), [p.full() for p in mod.problems]
        if not mod.ok:
            assert mod.problems
            event(f"refused ({rel.split('/')[0]})")
            return
        event(f"loaded ({rel.split('/')[0]})")
        for found in [*mod.levels, *(c for camp in mod.campaigns for c in camp.chapters)]:
            session = LocalSession(found.level, found.catalog, max(found.level.players[0], 2), 1)
            for _ in range(10):
                session.end_turn()
