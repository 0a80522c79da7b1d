"""Campaign chapters: the objectives of `Level.chapter` judged from the state, and how a chapter is won or lost.

Judged for the player in seat 0 when the game is set up and at the end of every evening (after the calendar has
moved on, so "the evening dated `by` has passed" means `state.date > by`; `by` defaults to the chapter's last
evening):
- to achieve (money, earned, sold, cut, reputation, upgrades, masters, films): met the first evening the figure
  reaches `amount`, and it stays met; failed once the evening dated `by` has passed without it;
- to keep (stay_free, heat_below): failed the evening it is broken (an arrest; heat at or over `amount` at the
  end of an evening), met once the evening dated `by` has passed unbroken;
- judged once, after the evening dated `by` (survive, outsell, rank): free then; more earned than the rival in
  seat `rival` (`PlayerStats.earned`: sales, errands and trades); `amount`-th or better in the standings.
The chapter is won the evening every objective that is not optional is met, and lost the evening one of them
fails, or, with `bankruptcy`, when the player is free with no master, no records and less money than the
cheapest master on offer. Either ends the game (`state.over`; `state.winner` is the player on a win). The last
evening fails whatever is still open. Optional objectives never decide; they stand as they are when it ends.
Each objective met or failed is a note in the player's evening report. A campaign level with no chapter section
(`chapter_of`) has one objective: finish first.
"""

from __future__ import annotations

import datetime as dt

from game.content.models import Chapter, Level, Objective
from game.core.commands import masters_for_sale
from game.core.standings import standings
from game.core.state import KOPECKS, ChapterState, GameState, ObjectiveStatus, PlayerState
from game.core.victory import good_records
from game.core.world import World

PLAYER_SEAT = 0
ACHIEVE = frozenset({"money", "earned", "sold", "cut", "reputation", "upgrades", "masters", "films"})
KEEP = frozenset({"stay_free", "heat_below"})
ONCE = frozenset({"survive", "outsell", "rank"})
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_text(day: dt.date) -> str:
    """'21 Nov 1950' (no locale)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


DEFAULT_CHAPTER = Chapter(objectives=[Objective(id="finish_first", kind="rank", amount=1)])


def chapter_of(level: Level) -> Chapter | None:
    """The chapter a level plays as: its own section, the default one for a campaign level without it, or None."""
    if level.chapter is not None:
        return level.chapter
    return DEFAULT_CHAPTER if level.kind == "campaign" else None


def objective_text(world: World, chapter: Chapter, objective: Objective, names: list[str]) -> str:
    """What the tracker says: the objective's own `text`, else words made from its fields."""
    if objective.text:
        return objective.text
    o, n = objective, objective.amount
    genre = world.genres[o.genre].name + " " if o.genre in world.genres else ""
    site = f" at {world.sites[o.site].name}" if o.site in world.sites else ""
    rival = names[o.rival] if o.rival is not None and o.rival < len(names) else "your rival"
    words = {
        "money": f"Have {n} rub",
        "earned": f"Earn {n} rub from sales",
        "sold": f"Sell {n} {genre}records{site}",
        "cut": f"Cut {n} records of quality {round((o.quality or 0.0) * 100)} or better",
        "reputation": f"Reach reputation {n}",
        "upgrades": f"Install {_plural(n, 'better part')} on the lathe",
        "masters": f"Own {_plural(n, 'master')}",
        "films": f"Gather {n} X-ray films",
        "stay_free": "Stay out of custody",
        "heat_below": f"Keep your heat under {n}",
        "survive": "Be free",
        "outsell": f"Earn more than {rival}",
        "rank": "Finish first" if n <= 1 else f"Finish among the first {n}",
    }[o.kind]
    if o.by is None:
        return words
    if o.kind in KEEP:
        return f"{words} until {date_text(o.by)}"
    if o.kind == "survive":
        return f"{words} on {date_text(o.by)}"
    return f"{words} by {date_text(o.by)}"


def start(world: World, state: GameState) -> None:
    """Set up the chapter's standing for a new game of a campaign level (nothing for other levels)."""
    chapter = chapter_of(world.level)
    if chapter is None:
        return
    names = [p.name for p in state.players]
    state.chapter = ChapterState(PLAYER_SEAT, [
        ObjectiveStatus(o.id, objective_text(world, chapter, o, names), optional=o.optional)
        for o in chapter.objectives])
    player = state.players[PLAYER_SEAT]
    for objective, status in zip(chapter.objectives, state.chapter.objectives, strict=True):
        _judge(world, state, player, objective, status, objective.by or world.level.calendar.end)
        status.status, status.turn = "open", -1  # the figures only: nothing is judged before the first evening


def _figure(world: World, state: GameState, player: PlayerState, o: Objective) -> int:
    """The figure an objective to achieve counts (rubles in kopecks for money and earned)."""
    stats = player.stats
    if o.kind == "money":
        return player.money
    if o.kind == "earned":
        return stats.earned
    if o.kind == "sold":
        return sum(n for key, n in stats.sold_at.items()
                   if (o.site is None or key.split(":")[0] == o.site)
                   and (o.genre is None or key.split(":")[1] == o.genre))
    if o.kind == "cut":
        return good_records(player, o.quality or 0.0)
    if o.kind == "reputation":
        return player.reputation
    if o.kind == "upgrades":
        return stats.upgrades
    if o.kind == "masters":
        return len(player.masters)
    return sum(player.films.values())  # films


def _rub(kopecks: int) -> str:
    return f"{kopecks // KOPECKS} rub"


def _judge(world: World, state: GameState, player: PlayerState, o: Objective, status: ObjectiveStatus,
           deadline: dt.date) -> None:
    """Update `status` for tonight (module docstring)."""
    passed = state.date > deadline
    cal = world.level.calendar
    span = max(1, (deadline - cal.start).days + 1)
    elapsed = min(1.0, max(0.0, (state.date - cal.start).days / span))
    if o.kind in ACHIEVE:
        figure = _figure(world, state, player, o)
        target = o.amount * KOPECKS if o.kind in ("money", "earned") else o.amount
        status.progress = min(1.0, figure / target) if target else 1.0
        shown = (_rub(figure), f"{o.amount} rub") if o.kind in ("money", "earned") else (str(figure), str(o.amount))
        status.value = f"{shown[0]} of {shown[1]}"
        if figure >= target:
            status.status = "met"
        elif passed:
            status.status = "failed"
    elif o.kind in KEEP:
        status.progress = elapsed
        if o.kind == "stay_free":
            broken = player.arrests > 0
            status.value = "arrested" if broken else f"free, {max(0, (deadline - state.date).days + 1)} days to go"
        else:
            broken = player.heat >= o.amount
            status.value = f"heat {player.heat} of at most {o.amount - 1}"
        if broken:
            status.status = "failed"
        elif passed:
            status.status = "met"
    else:
        status.progress = elapsed
        if o.kind == "survive":
            status.value = "free" if player.free else f"in custody for {player.sentence} more evenings"
            done = player.free
        elif o.kind == "outsell":
            rival = state.players[o.rival] if o.rival is not None and o.rival < len(state.players) else None
            theirs = rival.stats.earned if rival is not None else 0
            status.value = f"you {_rub(player.stats.earned)}, {rival.name if rival else 'nobody'} {_rub(theirs)}"
            status.progress = player.stats.earned / max(1, player.stats.earned + theirs)
            done = player.stats.earned > theirs
        else:  # rank
            rank = next(s.rank for s in standings(world, state) if s.player == player.index)
            status.value = f"now {rank} of {len(state.players)}"
            done = rank <= o.amount
        if passed:
            status.status = "met" if done else "failed"
    if status.status != "open":
        status.turn = state.turn


def bankrupt(world: World, state: GameState, player: PlayerState) -> bool:
    """Free, no master, no records, and less money than the cheapest master on offer tonight."""
    if not player.free or player.masters or player.records:
        return False
    prices = [world.masters[m].price * KOPECKS for s in world.level.sites if s.kind == "contact"
              for m in masters_for_sale(world, state, s)]
    return bool(prices) and player.money < min(prices)


def update(world: World, state: GameState) -> None:
    """Judge the objectives after an evening and win or lose the chapter (module docstring)."""
    chapter, spec = state.chapter, chapter_of(world.level)
    if chapter is None or spec is None or chapter.result:
        return
    player = state.players[chapter.seat]
    end = world.level.calendar.end
    for objective, status in zip(spec.objectives, chapter.objectives, strict=True):
        if status.status != "open":
            continue
        _judge(world, state, player, objective, status, objective.by or end)
        if status.status != "open":
            word = "met" if status.status == "met" else "failed"
            state.notes.append((player.index, f"Objective {word}: {status.text} ({status.value})."))
    required = [s for s in chapter.objectives if not s.optional]
    failed = next((s for s in required if s.status == "failed"), None)
    if failed is not None:
        _finish(state, chapter, "lost", f"{failed.text}: failed ({failed.value})")
    elif all(s.status == "met" for s in required):
        _finish(state, chapter, "won", "")
        state.winner = player.index
    elif spec.bankruptcy and bankrupt(world, state, player):
        _finish(state, chapter, "lost", "no master, no records and not enough money to buy a master")
    elif state.date > end:
        _finish(state, chapter, "lost", "the chapter's last evening has passed")


def _finish(state: GameState, chapter: ChapterState, result: str, reason: str) -> None:
    chapter.result, chapter.reason = result, reason
    state.over = True
    if result == "lost":
        state.notes.append((chapter.seat, f"The chapter is lost: {reason}."))
    else:
        state.notes.append((chapter.seat, "Every objective is met: the chapter is won."))
