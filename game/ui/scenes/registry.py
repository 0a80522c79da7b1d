"""Named scenes the screenshot command (and tests) can open directly. Add an entry to extend it:

    SCENES["market"] = ("the market panel (demo)", lambda opts: MarketScene(...))

A factory gets `SceneOptions` (e.g. `--level`) and returns a Scene ready to push."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from game.ui.scene import Scene


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


def _report(o: SceneOptions) -> Scene:
    from game.ui.scenes.report import demo_report

    return demo_report()


def _booth(o: SceneOptions) -> Scene:
    from game.ui.scenes.booth import demo_booth

    return demo_booth()


SCENES: dict[str, tuple[str, Callable[[SceneOptions], Scene]]] = {
    "menu": ("the main menu", _menu),
    "skirmish": ("skirmish set-up (levels/skirmish or --level)", _skirmish),
    "settings": ("settings", _settings),
    "codex": ("the Codex of historical notes", _codex),
    "report": ("a sample turn report as a newspaper page", _report),
    "booth": ("the listening booth with two demo records", _booth),
}
