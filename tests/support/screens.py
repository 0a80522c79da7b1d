"""Named scenes the screenshot command (and tests) can open directly. Add an entry to extend it:

    SCENES["market"] = ("the market panel (demo)", lambda opts: MarketScene(...))

A factory gets `SceneOptions` (e.g. `--level`) and returns a Scene ready to push, or a list of scenes pushed in
order (an overlay over the scene it belongs to)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from game.ui.frame.scene import Scene


@dataclass(frozen=True)
class SceneOptions:
    level: Path | None = None


def _menu(o: SceneOptions) -> Scene:
    from game.ui.scenes.menu import MenuScene

    return MenuScene()


def _skirmish(o: SceneOptions) -> Scene:
    from game.ui.scenes.skirmish import SkirmishSetupScene

    return SkirmishSetupScene(level_path=o.level)


def _settings(o: SceneOptions) -> Scene:
    from game.ui.scenes.settings_scene import SettingsScene

    return SettingsScene()


def _codex(o: SceneOptions) -> Scene:
    from game.ui.scenes.codex import CodexScene

    return CodexScene()


def _mods(o: SceneOptions) -> Scene:
    from game.ui.scenes.mods import ModsScene

    return ModsScene()


def _report(o: SceneOptions) -> Scene:
    from tests.support.demo import report_scene

    return report_scene(o.level)


def _game(o: SceneOptions) -> Scene:
    from tests.support.demo import game_scene

    return game_scene(o.level)


def _standings(o: SceneOptions) -> Scene:
    from game.ui.scenes.standings import StandingsScene
    from tests.support.demo import demo_session

    return StandingsScene(demo_session(o.level, 6), 0)


def _load(o: SceneOptions) -> Scene:
    from game.ui.scenes.save_load import SaveLoadScene

    return SaveLoadScene("load")


def _help(o: SceneOptions) -> Scene:
    from game.ui.scenes.help import HelpScene
    from tests.support.demo import demo_session

    return HelpScene(demo_session(o.level, 0).world, on_tutorial=lambda: None)


def _arrest(o: SceneOptions) -> Scene:
    from game.ui.scenes.arrest import ArrestScene

    return ArrestScene(5, "A militia patrol arrested you with 6 records.", 1955)


def _overlay(kind: str) -> Callable[[SceneOptions], list[Scene]]:
    """The game view with a card over it: the pause card, the tutorial, the briefing, the action menu, the
    'no orders' confirmation."""

    def factory(o: SceneOptions) -> list[Scene]:
        from tests.support.demo import game_scene

        game = game_scene(o.level)
        return [game, _Deferred(game, kind)]

    return factory


class _Deferred(Scene):
    """Pushed over the game view: replaces itself with the overlay once the game view is laid out."""

    transparent = True

    def __init__(self, game: Scene, kind: str) -> None:
        super().__init__()
        self.game, self.kind = game, kind

    def on_enter(self) -> None:
        from game.ui.play.tutorial import TutorialOverlay
        from game.ui.scenes.briefing import BriefingScene

        app, game = self.app, self.game
        assert app is not None
        app.pop()
        if self.kind == "tutorial":
            app.push(TutorialOverlay(game))  # type: ignore[arg-type]
        elif self.kind == "briefing":
            app.push(BriefingScene(game.world.level))  # type: ignore[attr-defined]
        elif self.kind == "pause":
            game.back()
        elif self.kind == "action_menu":
            game.open_action_menu()  # type: ignore[attr-defined]
        elif self.kind == "no_orders":
            game.clear_plan()  # type: ignore[attr-defined]
            game.end_turn()  # type: ignore[attr-defined]
        elif self.kind == "trade":
            game.open_trade()  # type: ignore[attr-defined]
        elif self.kind == "stop":
            market = next(s for s in game.world.level.sites if s.kind == "market")  # type: ignore[attr-defined]
            game.plan_to((market.at[0], market.at[1]), menu=False)  # type: ignore[attr-defined]
            game.plan_to(game.view.player.pos)  # type: ignore[attr-defined]


def _save(o: SceneOptions) -> Scene:
    from game.ui.scenes.save_load import SaveLoadScene
    from tests.support.demo import demo_session

    return SaveLoadScene("save", demo_session(o.level, 0))


def _booth(o: SceneOptions) -> Scene:
    from game.ui.scenes.booth import BoothScene
    from tests.support.equipped import equipped_session

    return BoothScene(None, equipped_session(o.level), 0)


def _site(kind: str) -> Callable[[SceneOptions], Scene]:
    """A factory for the panel of the first site of `kind` in a demo session (seat 0 equipped)."""

    def factory(o: SceneOptions) -> Scene:
        from game.ui.scenes.panels import make_site_panel
        from tests.support.equipped import equipped_session

        session = equipped_session(o.level)
        kinds = (kind,) if kind != "market" else ("dance_hall", "buyer", "market")
        if kind == "workshop":
            site_id = session.state.players[0].workshop
        else:
            site_id = next(s.id for k in kinds for s in session.world.level.sites if s.kind == k)
        return make_site_panel(session, 0, site_id, lambda action: None)

    return factory


def _trade_game() -> Scene:
    """The game view of seat 0 at a two-person table, the evening after seat 1 made it an offer."""
    from game.ui.play.game_view import GameViewScene
    from tests.support.trading import offer_from_seat_1, two_seat_session

    session = two_seat_session()
    offer_from_seat_1(session)
    return GameViewScene(session, 0, show_intro=False)


def _trade(o: SceneOptions) -> list[Scene]:
    game = _trade_game()
    return [game, _Deferred(game, "trade")]


def _stop(o: SceneOptions) -> list[Scene]:
    """The game view with a walk to the market planned and the stop menu open where the walk starts."""
    game = _trade_game()
    return [game, _Deferred(game, "stop")]


def _paper_trade(o: SceneOptions) -> Scene:
    """The paper of the evening a rival's offer arrived and a buyer's errand may be open (seat 0)."""
    import copy

    from game.ui.scenes.turn_report import report_scene
    from tests.support.trading import offer_from_seat_1, two_seat_session

    session = two_seat_session()
    before = copy.deepcopy(session.view(0))
    offer_from_seat_1(session)
    view = session.view(0)
    return report_scene(session.world, session.report(0), view, 0, before=before)


SCENES: dict[str, tuple[str, Callable[[SceneOptions], Scene]]] = {
    "menu": ("the main menu", _menu),
    "skirmish": ("skirmish set-up (levels/skirmish or --level)", _skirmish),
    "settings": ("settings", _settings),
    "codex": ("the Codex of historical notes", _codex),
    "mods": ("the Mods screen (the installed mods and the saved choice)", _mods),
    "report": ("a real turn report as a newspaper page (seat 0 scavenges at the hospital)", _report),
    "game": ("the game view after a few AI evenings, a walk to the hospital planned (--level)", _game),
    "standings": ("end-of-game standings (a session after a few evenings)", _standings),
    "load": ("the Load screen (the user's save slots)", _load),
    "help": ("the rules card with the formulas in words", _help),
    "arrest": ("the sentence screen after an arrest", _arrest),
    "booth": ("the listening booth with seat 0's masters and records (demo session)", _booth),
    "workshop": ("the workshop panel: the lathe, spares, the cut (demo session)", _site("workshop")),
    "market": ("a buyer's panel: demand, price history, records to sell (demo session)", _site("market")),
    "hospital": ("a hospital archive's panel: films and what your lathe cuts on them (demo session)", _site("hospital")),
    "contact": ("a contact's panel: masters, parts, your spares (demo session)", _site("contact")),
    "militia": ("the militia station's panel: informing and what it costs (demo session)", _site("militia_station")),
    "save": ("the Save screen (the user's save slots)", _save),
    "pause": ("the pause card over the game view", _overlay("pause")),
    "tutorial": ("the first tutorial card over the game view", _overlay("tutorial")),
    "briefing": ("the level's briefing over the game view", _overlay("briefing")),
    "action_menu": ("the action menu at the end of a planned walk", _overlay("action_menu")),
    "no_orders": ("End Turn with no orders: the confirmation", _overlay("no_orders")),
    "trade": ("the black market: a rival's offer to answer, an offer to make (two seats)", _trade),
    "stop": ("the menu for a stop on the way, over the planned walk", _stop),
    "paper_trade": ("the evening paper with a rival's offer in it", _paper_trade),
}

from tests.support.campaign_screens import SCENES as _CAMPAIGN_SCENES  # noqa: E402 - the campaign's own

SCENES.update(_CAMPAIGN_SCENES)
