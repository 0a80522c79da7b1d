"""Campaign scenes for the screenshot command: the Campaign screen, a chapter's game view with its objectives,
its briefing, and its debriefing after the automated player has played it (`--level` picks the chapter file,
default chapter 1)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.ui.frame.scene import Scene

ROOT = Path(__file__).resolve().parents[2]
FIRST_CHAPTER = ROOT / "levels" / "campaign" / "c1_nevsky_1946.json"


def chapter(level_path: Path | None = None) -> Any:
    """The chapter (a ModLevel) at `level_path`, by default the first of the shipped campaign."""
    from game.content.campaigns import shipped_campaign

    path = Path(level_path or FIRST_CHAPTER).resolve()
    found = next((c for c in shipped_campaign().chapters if c.path.resolve() == path), None)
    if found is None:
        raise KeyError(f"{path} is not a chapter of the shipped campaign")
    return found


def chapter_game(level_path: Path | None = None, evenings: int = 4) -> Any:
    """The game view of a chapter after `evenings` evenings played by the automated player."""
    from game.session.campaign import chapter_session
    from game.session.chapter_player import chapter_orders
    from game.ui.play.game_view import GameViewScene

    session = chapter_session(chapter(level_path), 1946)
    for _ in range(evenings):
        session.submit(0, chapter_orders(session.world_for(0), session.view(0)))
        session.end_turn()
    return GameViewScene(session, 0, show_intro=False)


def campaign_scene(_options: Any) -> Scene:
    from game.ui.scenes.campaign import CampaignScene

    return CampaignScene()


def chapter_scene(options: Any) -> Scene:
    return chapter_game(options.level)


def chapter_briefing(options: Any) -> list[Scene]:
    from game.session.campaign import chapter_session
    from game.ui.play.game_view import GameViewScene

    return [GameViewScene(chapter_session(chapter(options.level), 1946), 0, show_intro=True)]


def debriefing_scene(options: Any) -> Scene:
    from game.session.campaign import play_chapter
    from game.ui.scenes.debriefing import DebriefingScene

    session, _result = play_chapter(chapter(options.level), 1946)
    return DebriefingScene(session)


SCENES: dict[str, tuple[str, Any]] = {
    "campaign": ("the Campaign screen (no progress: chapter 1 open)", campaign_scene),
    "chapter": ("a campaign chapter's game view with its objectives (--level: a chapter file)", chapter_scene),
    "chapter_briefing": ("a campaign chapter's briefing over its map (--level: a chapter file)", chapter_briefing),
    "debriefing": ("the debriefing of a chapter played by the automated player (--level: a chapter file)",
                   debriefing_scene),
}
