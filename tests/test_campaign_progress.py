"""Campaign progress on disk (`game.ui.files.campaign_progress`): the best result per chapter, chapters opening
in order, an atomic write, and a damaged file that is named in a message, read as no progress, and kept aside,
never lost; and what won chapters add (Codex notes, the record shelf by the tracks' own years)."""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.ui.files import campaign_progress
from game.ui.files.campaign_progress import Progress, read, write
from game.ui.scenes import campaign_goals

CHAPTERS = ["c1", "c2", "c3"]


def test_the_best_result_is_kept_and_chapters_open_in_order():
    progress = Progress()
    assert progress.is_open("lg", CHAPTERS, 0) and not progress.is_open("lg", CHAPTERS, 1)
    best = progress.record("lg", "c1", won=False, turns=41, money=12000, objectives=2)
    assert not best.won and best.turns is None and best.played == 1
    assert not progress.is_open("lg", CHAPTERS, 1), "a lost chapter opens nothing"
    progress.record("lg", "c1", won=True, turns=20, money=30000, objectives=5)
    best = progress.record("lg", "c1", won=True, turns=25, money=50000, objectives=4)
    assert (best.won, best.turns, best.money, best.objectives, best.played) == (True, 20, 50000, 5, 3)
    best = progress.record("lg", "c1", won=False, turns=41, money=100, objectives=0)
    assert best.won and best.turns == 20, "a later loss never takes a win away"
    assert progress.is_open("lg", CHAPTERS, 1) and not progress.is_open("lg", CHAPTERS, 2)
    assert progress.won_chapters("lg") == ["c1"] and progress.won_chapters("other") == []


def test_progress_is_written_atomically_and_read_back(tmp_path):
    path = tmp_path / "deep" / "campaign.json"
    progress = Progress(difficulty="hard")
    progress.record("lg", "c1", won=True, turns=9, money=1, objectives=5)
    write(progress, path)
    assert read(path) == campaign_progress.Loaded(progress)
    assert [p.name for p in path.parent.iterdir()] == ["campaign.json"], "no temporary file is left behind"
    assert json.loads(path.read_text(encoding="utf-8"))["difficulty"] == "hard"


def test_no_file_is_no_progress_and_no_message(tmp_path):
    loaded = read(tmp_path / "campaign.json")
    assert loaded.progress == Progress() and loaded.error == ""


def _damaged() -> st.SearchStrategy[bytes]:
    deep = st.integers(2, 5000).map(lambda n: ("[" * n + "]" * n).encode())
    numbers = st.sampled_from([b"NaN", b"Infinity", b"-Infinity", b"1e999", b"9" * 5000])
    fields = numbers.map(lambda v: b'{"version": 1, "campaigns": {"lg": {"c1": {"money": ' + v + b"}}}}")
    odd = st.sampled_from([b'{"version": 2}', b'{"difficulty": "impossible"}', b"[]", b"null", b'{"version": 1,',
                           b'{"campaigns": {"lg": {"c1": {"won": "yes please"}}}}', b"\xff\xfe\x00garbage",
                           b'{"version": 1, "extra": 1}'])
    return st.one_of(st.binary(max_size=300), deep, fields, odd,
                     st.text(max_size=200).map(lambda t: t.encode("utf-8")))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=_damaged())
def test_a_damaged_progress_file_is_named_read_as_nothing_and_kept_aside(tmp_path, raw):
    path = tmp_path / "campaign.json"
    path.write_bytes(raw)
    loaded = read(path)
    if not loaded.error:  # the fuzzer found valid progress (an empty object, say): it must really be valid
        assert Progress.model_validate_json(raw.decode("utf-8")) == loaded.progress
        return
    assert str(path) in loaded.error and loaded.progress == Progress()
    write(Progress(difficulty="easy"), path)
    assert (tmp_path / "campaign.json.damaged").read_bytes() == raw, "the damaged file is kept, not lost"
    assert read(path).progress.difficulty == "easy"
    os.remove(tmp_path / "campaign.json.damaged")


def test_an_oversized_progress_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "campaign.json"
    path.write_bytes(b" " * (campaign_progress.MAX_BYTES + 1))
    loaded = read(path)
    assert "too big" in loaded.error and loaded.progress == Progress()


def test_won_chapters_add_their_codex_notes_and_the_tracks_of_their_era(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    campaign = campaign_goals.campaigns()[0][0]
    progress = Progress()
    assert campaign_goals.campaign_notes(progress) == [] and campaign_goals.shelf_tracks(progress) == []
    first, fifth = campaign.chapters[0], campaign.chapters[4]
    progress.record(campaign.campaign.id, first.level.id, won=True, turns=10, money=0, objectives=5)
    notes = campaign_goals.campaign_notes(progress)
    assert [n.id for n in notes] == [first.level.chapter.codex.id]
    shelf = campaign_goals.shelf_tracks(progress)
    assert shelf and all(t.year <= 1946 for t in shelf)
    progress.record(campaign.campaign.id, fifth.level.id, won=True, turns=10, money=0, objectives=3)
    later = campaign_goals.shelf_tracks(progress)
    assert {t.id for t in shelf} < {t.id for t in later} and max(t.year for t in later) <= 1955
    assert any(t.year > 1946 for t in later), "the 1955 chapter unlocks tracks dated after 1946"
    entries = campaign_goals.shelf_entries(progress)
    assert [e.track for e in entries] == [t.id for t in later] and all(e.profile is None for e in entries)
