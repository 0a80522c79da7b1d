"""Mods as a modder and a player meet them: the shipped example uses every content kind and plays; `newmod`,
`validate`, the enabled-mods file, hot reload and the LAN bundle work on real folders."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.cli.validate import WARNING_PROVIDERS
from game.content.bundle import LEVEL_FILE, gather, receive
from game.content.errors import ContentError
from game.content.modload import load_mod
from game.content.modset import ModState, load_mods, playable_level, read_state, write_state
from game.content.schema import PUBLISHED
from game.content.watch import LevelWatch
from game.session.session import LocalSession

from .modkit import KOLOMNA, ROOT, edit, has, new_mod, read, write

MODS = sorted(p for p in (ROOT / "mods").iterdir() if (p / "mod.json").is_file())


def validate(*paths: Path | str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "validate", *map(str, paths)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120, env=env)


@pytest.mark.parametrize("mod", MODS, ids=lambda p: p.name)
def test_shipped_mod_validates_clean(mod: Path) -> None:
    out = validate(mod)
    assert out.returncode == 0, out.stdout + out.stderr
    assert not [line for line in out.stdout.splitlines() if line.startswith(("error", "warning"))], out.stdout


def test_example_mod_uses_every_content_kind() -> None:
    mod = load_mod(KOLOMNA)
    assert mod.ok, [p.full() for p in mod.problems]
    manifest = mod.manifest
    assert manifest.levels and manifest.campaigns and manifest.catalog and manifest.events and manifest.codex
    assert manifest.overrides == ["genre:tango"]
    added = mod.additions
    assert added.genres and added.films and added.parts and added.presets and added.patrol_kinds
    assert {t.kind for t in mod.tracks} == {"score", "wav"}
    assert mod.codex and mod.campaigns and len(mod.campaigns[0].chapters) == 2
    assert all(c.level.kind == "campaign" for c in mod.campaigns[0].chapters)


def test_example_mod_plays() -> None:
    found = playable_level(KOLOMNA / "levels" / "kolomna_nights.json")
    level, catalog = found.level, found.catalog
    watch = [p for p in level.patrols if p.id == "militia_station_2"][0]
    assert (watch.kind, watch.speed, watch.sight) == ("militia", 2, 6)  # the port_watch patrol kind
    assert "budapest_1956" in {e.id for e in level.events}  # a mod-wide event joined
    assert next(g for g in catalog.genres if g.id == "tango").base_price == 17  # the override
    assert {"naval_cutter", "foot", "rumba"} <= {x.id for x in [*catalog.parts, *catalog.films, *catalog.genres]}
    session = LocalSession(level, catalog, 2, 7)
    for _ in range(40):
        session.end_turn()
    assert session.state.turn == 40
    assert any(p.money != level.start.money * 100 for p in session.state.players)  # somebody did business


def test_example_campaign_chapters_play() -> None:
    for chapter in load_mod(KOLOMNA).campaigns[0].chapters:
        session = LocalSession(chapter.level, chapter.catalog, 2, 3)
        for _ in range(10):
            session.end_turn()


def test_autoplay_command_plays_a_mod_level() -> None:
    out = subprocess.run([sys.executable, "main.py", "autoplay", "--level",
                          "mods/kolomna_nights/levels/kolomna_nights.json", "--turns", "5"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[-1].startswith("hash ")


# ---------------------------------------------------------------- newmod


def test_newmod_writes_a_mod_that_validates_and_plays(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "main.py", "newmod", "Vyborg Side", "--into", str(tmp_path)],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    folder = tmp_path / "vyborg_side"
    assert (folder / "mod.json").is_file() and read(folder / "mod.json")["$schema"].endswith("mod.schema.json")
    checked = validate(folder)
    assert checked.returncode == 0 and "\nwarning " not in checked.stdout, checked.stdout
    found = playable_level(folder / "levels" / "vyborg_side.json")
    assert "vyborg_side_cutter" in {p for s in found.level.sites for p in s.parts}
    session = LocalSession(found.level, found.catalog, 2, 1)
    for _ in range(10):
        session.end_turn()
    again = subprocess.run([sys.executable, "main.py", "newmod", "Vyborg Side", "--into", str(tmp_path)],
                           capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert again.returncode == 1 and "already exists" in again.stdout


# ---------------------------------------------------------------- validate


def test_validate_reports_errors_hints_warnings_and_summary(tmp_path: Path) -> None:
    folder = new_mod(tmp_path)
    level = folder / "levels" / "test_mod.json"
    data = read(level)
    data["sites"][3]["demand"]["jazz"] = float("nan")
    data["masters"][2]["genre"] = "polka"
    for site in data["sites"]:
        site.get("demand", {}).pop("tango", None)
    write(level, data)
    out = validate(folder)
    assert out.returncode == 1, out.stdout
    lines = out.stdout.splitlines()
    assert any(line.startswith("error ") and "$.sites[3].demand.jazz" in line and "NaN" in line for line in lines)
    assert any(line.startswith("error ") and "unknown genre 'polka'" in line for line in lines)
    assert any(line.strip().startswith("hint: known genres") for line in lines)
    assert lines[-1].startswith("summary: ") and "error(s)" in lines[-1]
    assert "Traceback" not in out.stdout + out.stderr


def test_validate_warnings_do_not_fail(tmp_path: Path) -> None:
    folder = new_mod(tmp_path)
    level = folder / "levels" / "test_mod.json"
    data = read(level)
    for site in data["sites"]:
        if "demand" in site:
            site["demand"] = {"romance": 1.0}
    write(level, data)
    out = validate(folder)
    assert out.returncode == 0, out.stdout
    assert any(line.startswith("warning ") and "nobody can earn" in line for line in out.stdout.splitlines())


def test_validate_a_folder_of_mods_and_a_file_inside_a_mod(tmp_path: Path) -> None:
    new_mod(tmp_path, "one_mod")
    new_mod(tmp_path, "two_mod")
    out = validate(tmp_path)
    assert out.returncode == 0 and "mod 'one_mod'" in out.stdout and "mod 'two_mod'" in out.stdout
    inside = validate(tmp_path / "one_mod" / "levels" / "one_mod.json")
    assert inside.returncode == 0 and "checking the whole mod" in inside.stdout


def test_a_bug_in_a_check_is_an_internal_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A warning provider that crashes (as the fairness hook might) is reported as a bug, exit 2, with its
    traceback, and not as a mistake in the file."""
    from argparse import Namespace

    from game.cli import validate as command

    def broken(file, level, catalog):
        raise KeyError("oops")

    WARNING_PROVIDERS.append(broken)
    try:
        code = command.run(Namespace(paths=[str(ROOT / "levels" / "skirmish" / "ligovka_nights.json")], catalog=None))
    finally:
        WARNING_PROVIDERS.remove(broken)
    out = capsys.readouterr()
    assert code == 2
    assert "bug in the game, not a mistake in your files" in out.err and "Traceback" in out.err
    assert "KeyError: 'oops'" in out.err
    assert "error " not in out.out


# ---------------------------------------------------------------- enabled mods, bundles, hot reload


def test_enabled_state_round_trip_and_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "config" / "mods.json"
    write_state(ModState(enabled=["kolomna_nights"]), path)
    state, problems = read_state(path)
    assert state.enabled == ["kolomna_nights"] and not problems
    path.write_text('{"enabled": [1]}', encoding="utf-8")
    state, problems = read_state(path)
    assert state.enabled == [] and has(problems, ("expected",), "mods.json")


def test_saved_choice_decides_what_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    mods = tmp_path / "mods"
    new_mod(mods, "one_mod")
    new_mod(mods, "two_mod")
    write_state(ModState(enabled=["two_mod"]))
    result = load_mods([mods])
    assert [m.id for m in result.active()] == ["two_mod"]
    assert result.disabled["one_mod"].ok  # checked on its own, so the Mods screen can show its state


def test_bundle_round_trip_and_tampering(tmp_path: Path) -> None:
    bundle = gather(playable_level(KOLOMNA / "levels" / "kolomna_nights.json"))
    manifest = json.loads(json.dumps(bundle.manifest))  # what crosses the wire
    assert set(bundle.files) == {LEVEL_FILE, "music/kolomna_rumba.json", "music/tape_waltz.wav",
                                 "music/tape_waltz.meta.json"}
    got = receive(manifest, bundle.files, tmp_path / "a")
    assert got.level == playable_level(KOLOMNA / "levels" / "kolomna_nights.json").level
    tampered = dict(bundle.files)
    tampered[LEVEL_FILE] = tampered[LEVEL_FILE].replace(b'"price": 110', b'"price": 1')
    with pytest.raises(ContentError, match="does not match the hash"):
        receive(manifest, tampered, tmp_path / "b")
    hostile = {**bundle.files, "music/../../evil.json": b"{}"}
    with pytest.raises(ContentError, match="not a file a bundle may hold"):
        receive(manifest, hostile, tmp_path / "c")
    assert not (tmp_path / "c").exists()  # nothing written for a refused bundle
    bad_wav = {**bundle.files, "music/tape_waltz.wav": b"RIFF...."}
    with pytest.raises(ContentError) as info:
        receive(manifest, bad_wav, tmp_path / "d")
    assert info.value.problems[0].file == "host:music/tape_waltz.wav"
    nan = json.loads(json.dumps(manifest))
    nan["catalog"]["films"][0]["film_noise"] = float("nan")
    with pytest.raises(ContentError):
        receive(nan, bundle.files, tmp_path / "e")


def test_hot_reload_keeps_the_old_level_when_the_new_one_is_broken(tmp_path: Path) -> None:
    folder = new_mod(tmp_path)
    path = folder / "levels" / "test_mod.json"
    watch = LevelWatch(path)
    first = watch.load()
    assert first.level is not None and watch.poll() is None
    edit(path, name="Renamed City")
    os.utime(path, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    reloaded = watch.poll()
    assert reloaded is not None and reloaded.level is not None and reloaded.level.level.name == "Renamed City"
    path.write_text(path.read_text(encoding="utf-8").replace('"players"', '"players": [9, 9], "x"', 1), encoding="utf-8")
    broken = watch.poll()
    assert broken is not None and broken.level is None and broken.problems
    (folder / "catalog.json").write_text("{", encoding="utf-8")  # any file of the mod counts
    assert watch.poll() is not None


# ---------------------------------------------------------------- the published schemas


def test_examples_name_their_schemas() -> None:
    kinds = {"mod.json": "mod.schema.json", "catalog.json": "mod_catalog.schema.json",
             "events.json": "events.schema.json", "codex.json": "codex.schema.json"}
    for path in KOLOMNA.rglob("*.json"):
        ref = read(path).get("$schema")
        assert ref, f"{path} has no $schema"
        target = (path.parent / ref).resolve()
        assert target.is_file() and target.name in PUBLISHED, path
        if path.name in kinds:
            assert target.name == kinds[path.name]


def test_shipped_examples_copied_keep_working(tmp_path: Path) -> None:
    copy = tmp_path / "kolomna_nights"
    shutil.copytree(KOLOMNA, copy)
    assert load_mod(copy).ok


# ---------------------------------------------------------------- MODDING.md


def test_modding_reference_is_generated_from_the_models() -> None:
    from game.content.docs import MODDING, with_reference

    text = MODDING.read_text(encoding="utf-8")
    assert text == with_reference(text), "run `python -m game.content.docs` to refresh MODDING.md"
    for name in set(PUBLISHED) - {"catalog.schema.json"}:  # the game's own catalog is not a file mods write
        assert f"`levels/{name}`" in text


def test_modding_tutorial_mistakes_read_as_the_tutorial_says(tmp_path: Path) -> None:
    """Step 2 of the tutorial: a short row and a negative demand give the messages MODDING.md quotes."""
    from game.content.docs import MODDING
    from game.content.levelfmt import dump_level

    folder = tmp_path / "vyborg_side"
    new_mod(tmp_path, "vyborg_side", "Vyborg Side")
    level = folder / "levels" / "vyborg_side.json"
    data = read(level)
    data["sites"][3]["demand"]["jazz"] = -1
    data["map"]["rows"][4] = data["map"]["rows"][4][:-1]
    level.write_text(dump_level(data), encoding="utf-8")
    out = validate(folder).stdout
    guide = MODDING.read_text(encoding="utf-8")
    for quoted in ("$.sites[3].demand.jazz: expected a number >= 0.0, got -1",
                   "$.map.rows[4]: row 4 is 23 characters long; the other rows are 24: all rows must match",
                   "hint: pad or trim this row", "summary: 3 file(s) OK, 2 error(s) in 1 file(s), 0 warning(s)"):
        assert quoted in out and quoted in guide, quoted
