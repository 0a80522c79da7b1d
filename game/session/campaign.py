"""A campaign chapter as a game: the session (the player in seat 0 at the chapter's first workshop, the chapter's
rivals in the next seats at their AI levels), the campaigns there are (the shipped one and the enabled mods'),
and the chapter's result in plain figures.

Difficulty is the AI level the player chose (easy, normal, hard); each rival plays it, one level easier or harder
as its `skill` says."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.content.modload import ModCampaign, ModLevel
from game.core.commands import Orders
from game.core.objectives import chapter_of
from game.core.world import evening_count
from game.session.session import LocalSession

LEVELS = ("easy", "normal", "hard")
SKILL_STEP = {"easier": -1, "same": 0, "harder": 1}


def rival_difficulty(chosen: str, skill: str) -> str:
    """The AI level of a rival of `skill` when the player chose `chosen`."""
    index = LEVELS.index(chosen) if chosen in LEVELS else 1
    return LEVELS[max(0, min(len(LEVELS) - 1, index + SKILL_STEP.get(skill, 0)))]


def chapter_session(chapter: ModLevel, seed: int, difficulty: str = "normal", human: bool = True) -> LocalSession:
    """A new game of `chapter`; seat 0 is a person (`human`) or left to whoever submits its orders."""
    level = chapter.level
    spec = chapter_of(level)
    assert spec is not None, "not a campaign level"
    names = [spec.player, *(r.name for r in spec.rivals)]
    levels = {0: difficulty, **{i + 1: rival_difficulty(difficulty, r.skill) for i, r in enumerate(spec.rivals)}}
    return LocalSession(level, chapter.catalog, len(names), seed, humans=(0,) if human else (), names=names,
                        level_path=str(chapter.path), difficulty=levels)


@dataclass(frozen=True)
class ChapterResult:
    """How a finished (or running) chapter stands for the player: won or lost and why, evenings used of the
    chapter's evenings, objectives met (required and optional), and the player's money (kopecks)."""

    won: bool
    over: bool
    reason: str
    turns: int
    limit: int
    met: int
    required: int
    bonus: int
    bonuses: int
    money: int

    @property
    def word(self) -> str:
        return "won" if self.won else "lost" if self.over else "playing"


def chapter_result(session: LocalSession) -> ChapterResult:
    """The chapter's standing from the player's own view (seat 0)."""
    view = session.view(0)
    chapter = view.chapter
    assert chapter is not None, "not a campaign game"
    required = [o for o in chapter.objectives if not o.optional]
    optional = [o for o in chapter.objectives if o.optional]
    return ChapterResult(won=chapter.result == "won", over=bool(chapter.result), reason=chapter.reason,
                         turns=view.turn, limit=evening_count(session.world.level),
                         met=sum(o.status == "met" for o in required), required=len(required),
                         bonus=sum(o.status == "met" for o in optional), bonuses=len(optional),
                         money=view.player.money)


def campaigns(mod_campaigns: list[ModCampaign] | None = None) -> list[ModCampaign]:
    """The shipped campaign first, then the enabled mods' (pass them, or they are read from the saved choice)."""
    from game.content.campaigns import shipped_campaign

    if mod_campaigns is None:
        from game.content.modset import load_mods

        mod_campaigns = load_mods(check_disabled=False).campaigns()
    return [shipped_campaign(), *mod_campaigns]


def play_chapter(chapter: ModLevel, seed: int, difficulty: str = "normal", passive: bool = False,
                 on_turn: Callable[[LocalSession], None] | None = None) -> tuple[LocalSession, ChapterResult]:
    """Play `chapter` to its end with the automated player in seat 0 (`chapter_player`), or the passive one."""
    from game.session.chapter_player import chapter_orders, passive_orders

    session = chapter_session(chapter, seed, difficulty, human=False)
    decide = passive_orders if passive else chapter_orders
    while not session.over:
        orders = decide(session.world_for(0), session.view(0))
        for fallback in (orders, orders.model_copy(update={"stop": None}),
                         orders.model_copy(update={"stop": None, "action": None}), Orders()):
            if session.submit(0, fallback) is None:
                break
        session.end_turn()
        if on_turn is not None:
            on_turn(session)
    return session, chapter_result(session)
