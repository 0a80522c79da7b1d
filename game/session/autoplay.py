"""AI-only games, headless: what `main.py autoplay` and `main.py replay` print.

Line per turn: `turn N YYYY-MM-DD | name money heat records [custody] | ... [| arrested: names]`, then the
standings, and last `hash <hex>` of the final state. A campaign's autoplay (`campaign_lines`): a line per chapter
and per objective, and `campaign won W of N` last.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from game.content.modload import ModCampaign
from game.core.commands import rubles
from game.core.report import TurnReport
from game.session.session import LocalSession


def turn_line(session: LocalSession, report: TurnReport) -> str:
    parts = [f"turn {report.turn} {report.date}"]
    for p in session.state.players:
        custody = "" if p.free else f" custody:{p.sentence}"
        parts.append(f"{p.name} {rubles(p.money)} heat {p.heat} records {len(p.records)}{custody}")
    arrested = [session.state.players[e.player].name for e in report.events
                if e.kind == "arrested" and e.player is not None]
    if arrested:
        parts.append("arrested: " + ", ".join(arrested))
    return " | ".join(parts)


def turn_json(session: LocalSession, report: TurnReport) -> str:
    return json.dumps({
        "turn": report.turn,
        "date": report.date,
        "players": [
            {"name": p.name, "money_kopecks": p.money, "heat": p.heat, "reputation": p.reputation,
             "records": len(p.records), "free": p.free, "arrests": p.arrests}
            for p in session.state.players
        ],
        "arrested": [e.player for e in report.events if e.kind == "arrested"],
        "hash": report.state_hash,
    }, ensure_ascii=False)


def standings_lines(session: LocalSession) -> list[str]:
    lines = ["standings:"]
    for s in session.standings():
        status = "free" if s.free else "in custody"
        lines.append(f"  {s.rank}. {s.name} {rubles(s.money)} ({status}, {s.arrests} arrests)")
    return lines


def run_to_end(session: LocalSession, turns: int | None, emit: Callable[[str], None], as_json: bool) -> None:
    """End turns until the game is over (or `turns` more have passed), emitting a line each."""
    played = 0
    while not session.over and (turns is None or played < turns):
        report = session.end_turn()
        emit(turn_json(session, report) if as_json else turn_line(session, report))
        played += 1
    if as_json:
        emit(json.dumps({"standings": [s.__dict__ for s in session.standings()]}, ensure_ascii=False))
    else:
        for line in standings_lines(session):
            emit(line)
    emit(f"hash {session.state_hash}")


def campaign_lines(campaign: ModCampaign, seed: int, difficulty: str, passive: bool = False) -> Iterator[str]:
    """`autoplay --campaign`: each chapter played by the automated player (or the passive one), as it finishes:
    `chapter K/N <name>: won|lost, T of L evenings, objectives M of R met[, bonus B of O]` and a line per
    objective; last `campaign won W of N`."""
    from game.session.campaign import play_chapter

    won = 0
    chapters = campaign.chapters
    yield f"campaign {campaign.campaign.name} ({len(chapters)} chapters, difficulty {difficulty}, seed {seed}" \
          f"{', passive player' if passive else ''})"
    for number, chapter in enumerate(chapters, 1):
        session, result = play_chapter(chapter, seed, difficulty, passive)
        won += result.won
        bonus = f", bonus {result.bonus} of {result.bonuses}" if result.bonuses else ""
        yield (f"chapter {number}/{len(chapters)} {chapter.level.name}: {result.word}, {result.turns} of "
               f"{result.limit} evenings, objectives {result.met} of {result.required} met{bonus}")
        view = session.view(0)
        assert view.chapter is not None
        for status in view.chapter.objectives:
            when = f", evening {status.turn}" if status.turn >= 0 else ""
            yield f"  {status.status:<6} {status.text} ({status.value}{when})"
        if not result.won:
            yield f"  lost: {result.reason}"
    yield f"campaign won {won} of {len(chapters)}"
