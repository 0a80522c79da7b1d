"""One test per class of mistake (or attack) in a mod folder: paths that leave the folder, links, oversized
files and folders, bad WAVs and scores, id conflicts, requirements and versions. Each is reported with its
file and a plain message; the mod is then not loaded, and the game goes on."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from game.content.limits import MAX_MOD_FILES, MAX_TRACK_SECONDS
from game.content.modload import load_mod
from game.content.modset import load_mods

from .modkit import KOLOMNA, edit, has, new_mod, read, write, write_wav


def problems(folder: Path):
    mod = load_mod(folder)
    assert not mod.ok and mod.problems
    assert all(p.file and p.where and p.message for p in mod.problems)
    return mod.problems


def test_skeleton_mod_is_clean(tmp_path: Path) -> None:
    mod = load_mod(new_mod(tmp_path))
    assert mod.ok, [p.full() for p in mod.problems]
    assert not mod.warnings, [p.full() for p in mod.warnings]


# ---------------------------------------------------------------- the fence


@pytest.mark.parametrize("bad, words", [
    ("../outside.json", ("climbs out with '..'",)),
    ("levels/../../outside.json", ("climbs out",)),
    ("/etc/passwd", ("absolute path",)),
    ("C:/Windows/win.ini", ("absolute path",)),
    ("levels\\test_mod.json", ("'\\'",)),
    ("levels/missing.json", ("there is no file",)),
    ("levels/\x00city.json", ("control character",)),  # found by the mutation fuzzer: it crashed the loader
])
def test_paths_may_not_leave_the_mod(tmp_path: Path, bad: str, words: tuple[str, ...]) -> None:
    folder = new_mod(tmp_path)
    (tmp_path / "outside.json").write_text("{}", encoding="utf-8")
    edit(folder / "mod.json", levels=[bad])
    assert has(problems(folder), words, "mod.json", "$.levels[0]")


def test_music_folder_may_not_leave_the_mod(tmp_path: Path) -> None:
    folder = new_mod(tmp_path)
    edit(folder / "mod.json", music="../../assets/music")
    assert has(problems(folder), ("climbs out",), "mod.json", "$.music")


def test_links_that_leave_the_folder(tmp_path: Path) -> None:
    folder = new_mod(tmp_path)
    secret = tmp_path / "secret.json"
    secret.write_text('{"id": "x"}', encoding="utf-8")
    os.symlink(secret, folder / "levels" / "sneaky.json")
    os.symlink(tmp_path, folder / "whole_disk")
    found = problems(folder)
    assert has(found, ("link that leads outside",), "sneaky.json")
    assert has(found, ("link that leads outside",), "whole_disk")
    edit(folder / "mod.json", levels=["levels/sneaky.json"])
    assert has(problems(folder), ("leads outside the mod folder (through a link)",), "mod.json", "$.levels[0]")


def test_links_inside_the_folder_are_fine(tmp_path: Path) -> None:
    folder = new_mod(tmp_path)
    os.symlink(folder / "levels" / "test_mod.json", folder / "levels" / "alias.json")
    mod = load_mod(folder)
    assert mod.ok, [p.full() for p in mod.problems]


def test_too_many_files_and_too_deep(tmp_path: Path) -> None:
    folder = new_mod(tmp_path)
    for i in range(MAX_MOD_FILES + 1):
        (folder / f"note_{i}.txt").write_text("x", encoding="utf-8")
    assert has(problems(folder), (f"more than {MAX_MOD_FILES} files",))
    folder = new_mod(tmp_path, "deep_mod")
    (folder / "a" / "b" / "c" / "d" / "e" / "f" / "g").mkdir(parents=True)
    assert has(problems(folder), ("nest deeper",))


def test_oversized_manifest(tmp_path: Path) -> None:
    folder = new_mod(tmp_path)
    edit(folder / "mod.json", description="x" * 70_000)
    assert has(problems(folder), ("at most 64.0 kB",), "mod.json", "-")


def test_broken_manifest(tmp_path: Path) -> None:
    folder = new_mod(tmp_path)
    edit(folder / "mod.json", version="one", game=">=0.1 <1", overrides=["thing:x"], nonsense=1)
    found = problems(folder)
    assert has(found, ("expected",), "mod.json", "$.version")
    assert has(found, ("expected",), "mod.json", "$.game")
    assert has(found, ("unknown field 'nonsense'",), "mod.json", "$.nonsense")
    assert any(p.where == "$.overrides[0]" for p in found)


# ---------------------------------------------------------------- music


@pytest.mark.parametrize("shape, words", [
    ({"rate": 8000}, ("sample rate 8000 Hz",)),
    ({"width": 3}, ("24-bit samples",)),
    ({"channels": 3}, ("3 channels",)),
    ({"seconds": 0.5}, ("lasts 0.5 s",)),
])
def test_wav_format_is_checked(tmp_path: Path, shape: dict, words: tuple[str, ...]) -> None:
    folder = new_mod(tmp_path)
    write_wav(folder / "music" / "tape.wav", **{"seconds": 2.0, **shape})
    assert has(problems(folder), words, "tape.wav")


def test_wav_too_long_truncated_or_fake(tmp_path: Path) -> None:
    folder = new_mod(tmp_path)
    write_wav(folder / "music" / "long.wav", MAX_TRACK_SECONDS + 1, rate=22_050, width=1)
    cut = write_wav(folder / "music" / "cut.wav", 3.0)
    cut.write_bytes(cut.read_bytes()[:2000])
    (folder / "music" / "fake.wav").write_text("not audio", encoding="utf-8")
    with open(folder / "music" / "huge.wav", "wb") as f:
        f.truncate(65 * 1024 * 1024)
    found = problems(folder)
    assert has(found, (f"lasts {MAX_TRACK_SECONDS + 1:.1f} s",), "long.wav")
    assert has(found, ("too short",), "cut.wav")
    assert has(found, ("not a PCM WAV",), "fake.wav")
    assert has(found, ("at most 64.0 MB",), "huge.wav")


def test_wav_metadata_is_checked(tmp_path: Path) -> None:
    folder = new_mod(tmp_path)
    write_wav(folder / "music" / "tape.wav", 2.0)
    write(folder / "music" / "tape.meta.json", {"title": "Tape", "genre": "Not A Genre", "year": 3000})
    found = problems(folder)
    assert has(found, ("lower_snake_case",), "tape.meta.json", "$.genre")
    assert has(found, ("<= 1965",), "tape.meta.json", "$.year")


@pytest.mark.parametrize("change, where, words", [
    ({"sections": {"A": {"chords": "C | H7 | C | C"}}}, "$.sections.A.chords", ("bad chord 'H7'",)),
    ({"sections": {"A": {"chords": "% | C"}}}, "$.sections.A.chords", ("first bar",)),
    ({"sections": {"A": {"chords": "C | C", "melody": "C4:1 X9 E4"}}}, "$.sections.A.melody", ("bad note",)),
    ({"sections": {"A": {"chords": "C | C", "melody": "C4:nan"}}}, "$.sections", ("positive",)),
    ({"form": ["A", "B"]}, "$.form", ("section 'B'",)),
    ({"form": [{"section": "A", "octave": 3}], "sections": {"A": {"chords": "C", "melody": "C7:4"}}},
     "$.sections", ("outside 24..108",)),
    ({"tempo": 30, "form": ["A"] * 64, "sections": {"A": {"chords": " | ".join(["C"] * 8)}}}, "$.form", ("lasts",)),
    ({"tempo": float("nan")}, "$.tempo", ("NaN",)),
    ({"id": "other_name"}, "$.id", ("must match",)),
    ({"lead": "theremin"}, "$.lead", ("expected one of",)),
])
def test_score_is_checked_by_the_synthesizers_rules(tmp_path: Path, change: dict, where: str,
                                                     words: tuple[str, ...]) -> None:
    folder = new_mod(tmp_path)
    edit(folder / "music" / "test_mod_theme.json", **change)
    assert has(problems(folder), words, "test_mod_theme.json", where)


def test_stray_files_in_music_are_warnings(tmp_path: Path) -> None:
    folder = new_mod(tmp_path)
    (folder / "music" / "notes.txt").write_text("x", encoding="utf-8")
    mod = load_mod(folder)
    assert mod.ok and has(mod.warnings, ("not a track",), "notes.txt")


def test_track_needs_a_plain_name(tmp_path: Path) -> None:
    folder = new_mod(tmp_path)
    shutil.copy(folder / "music" / "test_mod_theme.json", folder / "music" / "Bad Name.json")
    assert has(problems(folder), ("lower_snake_case",), "Bad Name.json")


# ---------------------------------------------------------------- ids, overrides, requirements


def test_redefining_a_game_part_needs_an_override(tmp_path: Path) -> None:
    folder = new_mod(tmp_path)
    catalog = read(folder / "catalog.json")
    catalog["parts"][0]["id"] = "sapphire_stylus"
    write(folder / "catalog.json", catalog)
    level = (folder / "levels" / "test_mod.json")
    write(level, level.read_text(encoding="utf-8").replace("test_mod_cutter", "sapphire_stylus"))
    found = problems(folder)
    conflict = next(p for p in found if "already defined by the game" in p.message)
    assert conflict.where == "$.parts[0].id" and '"part:sapphire_stylus"' in conflict.hint
    edit(folder / "mod.json", overrides=["part:sapphire_stylus"])
    mod = load_mod(folder)
    assert mod.ok, [p.full() for p in mod.problems]
    stylus = next(p for p in mod.catalog.parts if p.id == "sapphire_stylus")
    assert stylus.price == 60  # the mod's version, for the mod's levels


def test_override_of_nothing_is_a_warning(tmp_path: Path) -> None:
    folder = new_mod(tmp_path)
    edit(folder / "mod.json", overrides=["part:no_such_part"])
    mod = load_mod(folder)
    assert mod.ok and has(mod.warnings, ("does not define it",), "mod.json", "$.overrides[0]")


def test_two_mods_with_the_same_ids_conflict(tmp_path: Path) -> None:
    first = new_mod(tmp_path, "first_mod")
    second = new_mod(tmp_path, "second_mod")
    write(second / "catalog.json", read(first / "catalog.json"))  # adds part first_mod_cutter again
    result = load_mods([tmp_path], enabled=["first_mod", "second_mod"], check_disabled=False)
    assert [m.id for m in result.active()] == ["first_mod"]
    assert has(result.loaded["second_mod"].problems, ("already defined by mod 'first_mod'",), "catalog.json")


def test_preset_with_unknown_part_is_placed_in_the_mods_catalog(tmp_path: Path) -> None:
    folder = new_mod(tmp_path)
    catalog = read(folder / "catalog.json")
    catalog["presets"] = [{"id": "odd_lathe", "name": "Odd", "parts": {"motor": "jet_engine", "platter": "punched_hole",
                                                                       "cutter": "test_mod_cutter",
                                                                       "amplifier": "radio_set_amp"}}]
    write(folder / "catalog.json", catalog)
    assert has(problems(folder), ("unknown part 'jet_engine'",), "catalog.json", "$.presets[0].parts.motor")


def test_requirements_and_versions(tmp_path: Path) -> None:
    base = new_mod(tmp_path, "base_mod")
    addon = new_mod(tmp_path, "addon_mod")
    edit(addon / "mod.json", requires=[{"id": "base_mod", "versions": ">=2"}])
    result = load_mods([tmp_path], enabled=["addon_mod", "base_mod"], check_disabled=False)
    assert list(result.loaded) == ["base_mod", "addon_mod"]  # requirements load first
    assert has(result.loaded["addon_mod"].problems, ("needs mod 'base_mod' >=2", "0.1.0 is installed"))
    result = load_mods([tmp_path], enabled=["addon_mod"], check_disabled=False)
    assert has(result.loaded["addon_mod"].problems, ("not installed and enabled",))
    edit(addon / "mod.json", requires=[{"id": "base_mod"}])
    edit(base / "mod.json", game=">=5")
    result = load_mods([tmp_path], enabled=["base_mod", "addon_mod"], check_disabled=False)
    assert has(result.loaded["base_mod"].problems, ("game versions '>=5'",))
    assert has(result.loaded["addon_mod"].problems, ("which has errors",))
    assert result.active() == []


def test_requirement_circle(tmp_path: Path) -> None:
    a, b = new_mod(tmp_path, "a_mod"), new_mod(tmp_path, "b_mod")
    edit(a / "mod.json", requires=[{"id": "b_mod"}])
    edit(b / "mod.json", load_after=["a_mod"])
    result = load_mods([tmp_path], enabled=["a_mod", "b_mod"], check_disabled=False)
    assert has(result.problems, ("in a circle",))
    assert not result.loaded["a_mod"].ok


def test_installed_twice(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    new_mod(one, "same_mod")
    new_mod(two, "same_mod")
    result = load_mods([one, two], enabled=["same_mod"], check_disabled=False)
    assert has(result.problems, ("installed twice",))
    assert result.loaded["same_mod"].folder == one / "same_mod"


def test_a_broken_mod_does_not_stop_the_others(tmp_path: Path) -> None:
    new_mod(tmp_path, "good_mod")
    broken = new_mod(tmp_path, "broken_mod")
    (broken / "mod.json").write_bytes(b"\xff{")
    shutil.copytree(KOLOMNA, tmp_path / "kolomna_nights")
    result = load_mods([tmp_path], enabled=["broken_mod", "good_mod", "kolomna_nights"])
    assert [m.id for m in result.active()] == ["good_mod", "kolomna_nights"]
    assert {lv.level.id for lv in result.levels()} == {"good_mod", "kolomna_nights"}
    assert has(result.loaded["broken_mod"].problems, ("UTF-8",), "mod.json")


def test_unlisted_files_are_warnings(tmp_path: Path) -> None:
    folder = new_mod(tmp_path)
    shutil.copy(folder / "levels" / "test_mod.json", folder / "levels" / "forgotten.json")
    mod = load_mod(folder)
    assert mod.ok and has(mod.warnings, ("not named in mod.json",), "forgotten.json")


def test_mod_events_outside_every_level_and_bad_references(tmp_path: Path) -> None:
    folder = new_mod(tmp_path)
    write(folder / "events.json", {"events": [
        {"id": "e1", "date": "1956-09-05", "title": "T", "text": "x", "masters_added": ["m_ghost"]}]})
    edit(folder / "mod.json", events="events.json")
    assert has(problems(folder), ("adds unknown master 'm_ghost'", "in level"), "events.json", "$.events[0].masters_added[0]")


def test_mod_too_big_in_all(tmp_path: Path) -> None:
    from game.content.limits import MAX_MOD_BYTES

    folder = new_mod(tmp_path)
    with open(folder / "recording_notes.txt", "wb") as f:
        f.truncate(MAX_MOD_BYTES + 1)  # sparse: big on paper, nothing written
    assert has(problems(folder), ("add up to", "at most 256.0 MB"))
