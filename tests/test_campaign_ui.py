"""Chapter 1 played from the main menu to its debriefing with posted mouse clicks, the way a newcomer plays it:
Campaign -> Play -> the briefing with the objectives -> each evening a click on an objective in the tracker plans
the walk there and offers the action -> End Turn -> the evening paper; until the chapter is won. Then the
debriefing has saved the result, opened chapter 2 and added the chapter's Codex note."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import pytest

from game.ui.files import campaign_progress
from game.ui.frame.app import App
from game.ui.play.action_menu import ActionMenu
from game.ui.play.game_view import GameViewScene
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.campaign import CampaignScene
from game.ui.scenes.codex import CodexScene
from game.ui.scenes.debriefing import DebriefingScene
from game.ui.scenes.dialog import Dialog
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.report import ReportScene
from tests.support.driver import click, key, menu_app

MAX_EVENINGS = 51  # chapter 1's calendar


@pytest.fixture
def app(tmp_path, monkeypatch):
    yield from menu_app(tmp_path, monkeypatch)




def follow_objective(app: App, game: GameViewScene, row: int, label_starts: str) -> None:
    """Click objective `row` in the tracker and choose the action menu entry that starts with `label_starts`."""
    click(app, game.tracker.row_rect(row).center)
    menu = app.top
    assert isinstance(menu, ActionMenu), f"objective {row} opened {menu}"
    for (label, _cb, _tip), button in zip(menu.items, menu.buttons(), strict=True):
        if label.startswith(label_starts):
            click(app, button.rect.center)
            return
    raise AssertionError(f"no '{label_starts}' in {[i[0] for i in menu.items]}")


def plan_the_evening(app: App, game: GameViewScene) -> None:
    """What a newcomer following the objectives does: films, a master, the cut, the sale, and round again."""
    me = game.view.player
    if game.plan.target is not None:
        return  # still on the way
    home = game.world.sites[me.workshop].at
    films = sum(me.films.values())
    if films and me.masters and me.pos == (home[0], home[1]):
        follow_objective(app, game, 2, "Cut")  # the films left of another kind: cut them too
    elif not films and not me.records:
        follow_objective(app, game, 0, "Scavenge")
    elif not me.masters:
        follow_objective(app, game, 1, "Buy master")
    elif me.records and not films:
        follow_objective(app, game, 3, "Sell")
    else:
        follow_objective(app, game, 2, "Cut")
    assert app.top is game and game.plan.target is not None and not game.plan.refusal, game.plan.refusal


def end_evening(app: App, game: GameViewScene) -> None:
    """End Turn by mouse, answer any card, read the paper and put it down."""
    click(app, game.end_button.rect.center, frames=1)
    for _ in range(400):
        top = app.top
        if isinstance(top, ReportScene):
            click(app, top.next_button.rect.center)
        elif isinstance(top, Dialog):  # a patrol: go on
            click(app, top.buttons[0].rect.center, frames=1)
        elif top is game and game.playback is not None:
            click(app, game.map.rect.center, frames=3)  # skip the walk's animation
        elif top is game or isinstance(top, DebriefingScene):
            return
        else:  # an arrest card
            key(app, pygame.K_RETURN)
    raise AssertionError("the evening never ended")


def test_chapter_one_from_the_menu_to_the_debriefing(app):
    click(app, app.top.button("Campaign").rect.center)
    screen = app.top
    assert isinstance(screen, CampaignScene) and screen.index == 0
    assert screen.play_button.enabled and screen.play_button.label == "Play"
    key(app, pygame.K_DOWN)
    assert screen.index == 1 and not screen.play_button.enabled, "chapter 2 is locked"
    key(app, pygame.K_UP)
    click(app, screen.play_button.rect.center)

    briefing = app.top
    assert isinstance(briefing, BriefingScene) and briefing.level.id == "c1_nevsky_1946"
    assert "Gather 5 X-ray films at the hospital" in briefing.objectives
    click(app, briefing.begin.rect.center)
    game = app.top
    assert isinstance(game, GameViewScene), "chapter 1 is the tutorial: no five-card tour over it"
    assert game.tracker is not None and game.tracker.title == "Objectives"
    assert [g.text for g in game.tracker.goals][:2] == ["Gather 5 X-ray films at the hospital",
                                                        "Buy a master from the captain"]

    for evening in range(MAX_EVENINGS):  # noqa: B007 - counted for the message below
        if isinstance(app.top, DebriefingScene):
            break
        plan_the_evening(app, game)
        end_evening(app, game)
    else:
        raise AssertionError(f"chapter 1 was not won in {MAX_EVENINGS} evenings")
    debriefing = app.top
    assert isinstance(debriefing, DebriefingScene) and debriefing.result.won, debriefing.result.reason
    assert evening < 40, f"a newcomer's plan should win well inside the calendar (took {evening + 1})"
    assert debriefing.next_button.label.startswith("Next chapter")
    assert "sound-letter booth" in debriefing.level.debriefing.lower() or "sound letter" in debriefing.level.debriefing

    progress = campaign_progress.read()
    assert not progress.error
    best = progress.progress.best("leningrad", "c1_nevsky_1946")
    assert best.won and best.played == 1 and best.turns == debriefing.result.turns

    click(app, debriefing.campaign_button.rect.center)
    screen = app.top
    assert isinstance(screen, CampaignScene)
    assert screen.status(0) == "won" and screen.is_open(1)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.top, MenuScene)
    click(app, app.top.button("Codex").rect.center)
    codex = app.top
    assert isinstance(codex, CodexScene) and "Sound letters" in [e.title for e in codex.entries]
