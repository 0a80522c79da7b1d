"""The shipped campaign: seven chapters that validate without a warning, follow the history in order, vary their
objectives, grow harder, and can each be won in their time by the automated player (several seeds) and are lost
by a player who does nothing; `autoplay --campaign` reports it; a mod's campaign plays in the same format."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.content.campaigns import SHIPPED, shipped_campaign
from game.content.modload import load_mod
from game.core.objectives import chapter_of
from game.session.campaign import chapter_session, play_chapter, rival_difficulty

ROOT = Path(__file__).resolve().parents[1]
CAMPAIGN = shipped_campaign()
CHAPTERS = CAMPAIGN.chapters
SEEDS = (1, 3, 5)


def run_main(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=300)


def test_the_campaign_folder_validates_without_a_warning():
    done = run_main("validate", str(SHIPPED.parent))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 error(s)" in done.stdout and "0 warning(s)" in done.stdout, done.stdout
    assert f"campaign 'leningrad': {len(CHAPTERS)} chapter(s)" in done.stdout
    for chapter in CHAPTERS:
        assert f"OK {chapter.path}" in done.stdout


def test_seven_chapters_follow_the_history_in_order():
    assert len(CHAPTERS) >= 7
    starts = [c.level.calendar.start for c in CHAPTERS]
    assert starts == sorted(starts) and starts[0].year == 1946 and CHAPTERS[-1].level.calendar.end.year >= 1959
    for chapter in CHAPTERS:
        level, spec = chapter.level, chapter.level.chapter
        assert level.kind == "campaign" and spec is not None and level.rules.workshops == "in_order"
        assert len(level.briefing) > 300 and len(level.debriefing) > 300, level.id
        assert spec.codex is not None and spec.era and spec.won and spec.lost
        assert all(o.hint for o in spec.objectives), f"{level.id}: every objective says how"
    codex_ids = [c.level.chapter.codex.id for c in CHAPTERS]
    assert len(set(codex_ids)) == len(codex_ids)


def test_objectives_vary_and_difficulty_rises():
    kinds = {o.kind for c in CHAPTERS for o in c.level.chapter.objectives if not o.optional}
    assert {"earned", "cut", "sold", "stay_free", "heat_below", "survive", "outsell", "upgrades"} <= kinds
    supply = [o for c in CHAPTERS for o in c.level.chapter.objectives if o.kind == "sold" and o.site and o.by]
    assert supply, "a chapter asks to supply a dance hall by a date"
    rivals = [len(c.level.chapter.rivals) for c in CHAPTERS]
    assert rivals[:2] == [0, 0] and all(n >= 1 for n in rivals[2:]) and rivals == sorted(rivals)
    patrols = [len(c.level.patrols) for c in CHAPTERS]
    assert patrols == sorted(patrols) and patrols[-1] >= 3 * patrols[0]
    assert any(e.sweep is not None for e in CHAPTERS[3].level.events), "1950: the night of arrests"
    assert any(e.masters_added for e in CHAPTERS[4].level.events), "1955: the Jazz Hour off the air"


def test_rivals_play_the_chosen_level_a_step_easier_or_harder():
    assert rival_difficulty("normal", "harder") == "hard" and rival_difficulty("hard", "harder") == "hard"
    assert rival_difficulty("normal", "easier") == "easy" and rival_difficulty("easy", "easier") == "easy"
    last = CHAPTERS[-1]
    session = chapter_session(last, 1, "normal")
    assert session.humans == (0,) and session.state.players[0].workshop == last.level.sites[0].id
    assert [p.name for p in session.state.players] == [chapter_of(last.level).player,
                                                       *(r.name for r in last.level.chapter.rivals)]
    assert [session.difficulty[i] for i in range(4)] == ["normal", "hard", "normal", "easy"]


@pytest.mark.parametrize("index", range(len(CHAPTERS)), ids=[c.level.id for c in CHAPTERS])
def test_the_automated_player_wins_each_chapter_in_its_time_and_a_passive_player_loses(index):
    chapter = CHAPTERS[index]
    for seed in SEEDS:
        _session, result = play_chapter(chapter, seed, "normal")
        assert result.won, f"{chapter.level.id} seed {seed}: {result.reason}"
        assert result.turns <= result.limit and result.met == result.required
    session, result = play_chapter(chapter, SEEDS[0], "normal", passive=True)
    assert result.over and not result.won, f"{chapter.level.id}: doing nothing must lose"
    assert session.view(0).player.stats.records_sold == 0


def test_autoplay_campaign_prints_every_chapter_and_the_total():
    done = run_main("autoplay", "--campaign", "--seed", "1")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[-1] == f"campaign won {len(CHAPTERS)} of {len(CHAPTERS)}"
    chapter_lines = [line for line in lines if line.startswith("chapter ")]
    assert len(chapter_lines) == len(CHAPTERS)
    for number, (line, chapter) in enumerate(zip(chapter_lines, CHAPTERS, strict=True), 1):
        assert line.startswith(f"chapter {number}/{len(CHAPTERS)} {chapter.level.name}: won, ")
        assert " evenings, objectives " in line


def test_a_mods_campaign_in_the_same_format_plays_through_autoplay():
    kolomna = ROOT / "mods" / "kolomna_nights"
    mod = load_mod(kolomna)
    assert mod.ok and mod.campaigns and all(c.level.chapter is not None for c in mod.campaigns[0].chapters)
    done = run_main("autoplay", "--campaign", str(kolomna / "campaigns" / "kolomna.json"), "--passive")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "campaign won 0 of 2"
