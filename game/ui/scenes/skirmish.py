"""Skirmish set-up: pick a city (with its drawn map and description), the number of AI rivals, how well they play
(easy, normal, hard: `game.core.ai.difficulty`) and a seed."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pygame

from game.content.models import Level
from game.core.ai.difficulty import DIFFICULTIES
from game.core.world import evening_count
from game.ui.art import level_thumbnail
from game.ui.files import mods
from game.ui.files.level_source import SKIRMISH_DIR, list_levels, load_level
from game.ui.look import theme
from game.ui.look.text import render
from game.ui.scenes.common import FilmScene
from game.ui.widgets.button import Button
from game.ui.widgets.controls import Choice
from game.ui.widgets.label import Label, TextBlock
from game.ui.widgets.listview import ListView
from game.ui.widgets.panel import Panel
from game.ui.widgets.textinput import TextInput

StartCallback = Callable[[Path, int, int, str], None]  # level, rivals, seed, AI difficulty
#: what each AI level does differently, in the player's words (the levels themselves are the engine's)
DIFFICULTY_WORDS = {
    "easy": "Walks straight at its goal, sells at the nearest buyer, never informs or trades.",
    "normal": "Avoids the patrols it sees, weighs prices and upgrades, names only those who named it.",
    "hard": "Also chases errands, informs on the leader when it knows their workshop, offers dubs.",
}


def _area(level: Level) -> int:
    return len(level.map.rows) * max((len(r) for r in level.map.rows), default=0)


class SkirmishSetupScene(FilmScene):
    """State lives on the scene (`index`, `rivals`, `seed_text`), widgets are rebuilt from it on layout.

    Start calls `on_start(level_path, rivals, seed, difficulty)`: the constructor's argument, else the App's
    `on_start_skirmish` hook, else `game.ui.play.start.start_skirmish`."""

    name = "skirmish"
    title = "Skirmish"
    subtitle = "Choose a city, your rivals and the dice."
    hint = "Esc back  ·  Tab move  ·  ↑↓ pick a map  ·  ←→ rivals  ·  Enter start"

    def __init__(self, folder: Path = SKIRMISH_DIR, on_start: StartCallback | None = None, level_path: Path | None = None) -> None:
        super().__init__()
        self.on_start = on_start
        self.levels: list[tuple[Path, Level]] = []
        self.error = ""
        try:  # smallest shipped city first (the default for a first game), then the enabled mods' levels
            shipped = sorted(list_levels(folder), key=lambda pl: (_area(pl[1]), pl[0].name))
            self.levels = shipped + (mods.skirmish_levels() if folder == SKIRMISH_DIR else [])
        except Exception as exc:  # a broken folder must not take the menu down
            self.error = f"Could not read levels: {exc}"
        self.index = 0
        if level_path is not None:
            self._add_level(Path(level_path))
        self.rivals = 1
        self.difficulty = "normal"
        self.seed_text = "1957"
        self._clamp_rivals()

    def _add_level(self, path: Path) -> None:
        for i, (p, _lvl) in enumerate(self.levels):
            if p.resolve() == path.resolve():
                self.index = i
                return
        try:
            self.levels.insert(0, (path, load_level(path)))
        except Exception as exc:
            self.error = f"{path.name}: {exc}"

    # ------------------------------------------------------------ state
    @property
    def level(self) -> Level | None:
        return self.levels[self.index][1] if self.levels else None

    def _rival_range(self) -> tuple[int, int]:
        lvl = self.level
        if lvl is None:
            return (1, 1)
        return (max(1, lvl.players[0] - 1), max(1, lvl.players[1] - 1))

    def _clamp_rivals(self) -> None:
        lo, hi = self._rival_range()
        self.rivals = min(hi, max(lo, self.rivals))

    def select_level(self, index: int) -> None:
        self.index = index
        self._clamp_rivals()
        self.relayout(self.size)

    def set_rivals(self, value: int) -> None:
        self.rivals = int(value)

    def set_difficulty(self, value: str) -> None:
        self.difficulty = value if value in DIFFICULTIES else "normal"
        self.difficulty_words.text = DIFFICULTY_WORDS.get(self.difficulty, "")

    def randomize_seed(self) -> None:
        self.seed_text = str(random.randrange(1, 999_999))
        self.relayout(self.size)

    @property
    def seed(self) -> int:
        return int(self.seed_text) if self.seed_text.isdigit() else 0

    def start(self) -> None:
        """Hand the choice to the game: on_start, the App hook, or the game start (game view or an error card)."""
        if not self.levels or self.app is None:
            return
        path = self.levels[self.index][0]
        if self.on_start is not None:
            self.on_start(path, self.rivals, self.seed, self.difficulty)
        elif self.app.on_start_skirmish is not None:
            self.app.on_start_skirmish(path, self.rivals, self.seed, self.difficulty)
        else:
            from game.ui.play.start import start_skirmish

            start_skirmish(self.app, path, self.rivals, self.seed, self.difficulty)

    # ------------------------------------------------------------ layout
    def build(self) -> None:
        w, h = self.size
        m = theme.px(theme.MARGIN)
        g = theme.px(20)
        top = self.content_top()
        bottom = h - theme.px(52)
        left_w = round((w - 2 * m) * 0.26)
        right_w = round((w - 2 * m) * 0.25)
        mid_w = w - 2 * m - left_w - right_w - 2 * g
        lp = self.add(Panel((m, top, left_w, bottom - top), "Cities"))
        smallest = min((_area(lvl) for _p, lvl in self.levels), default=0)
        rows = [(lvl.name, f"{len(lvl.map.rows[0])}×{len(lvl.map.rows)}" + (" · first game" if _area(lvl) == smallest else ""))
                for _p, lvl in self.levels]
        self.list = self.add(ListView(lp.inner, rows, columns=(2.2, 1.8), on_select=self.select_level,
                                      on_activate=lambda _i: self.start(), size=16,
                                      tooltip="The city and season to play in. The smallest city, first, is the one to learn on.",
                                      empty_text="No skirmish maps found"))
        if self.levels:
            self.list.select(self.index, notify=False)

        mx = m + left_w + g
        mp = self.add(Panel((mx, top, mid_w, bottom - top), "The city"))
        inner = mp.inner
        lvl = self.level
        self.preview_rect = pygame.Rect(inner.left, inner.top, inner.width, round(inner.height * 0.58))
        if lvl is not None:
            ty = self.preview_rect.bottom + theme.px(12)
            self.add(Label(lvl.name, (inner.left, ty, inner.width, theme.px(30)), "headline", theme.SIZE_HEADING, theme.BONE))
            cal = lvl.calendar
            facts = (f"{cal.start:%d %b %Y} – {cal.end:%d %b %Y}  ·  {evening_count(lvl)} evenings  ·  "
                     f"{lvl.players[0]}–{lvl.players[1]} bootleggers  ·  {len(lvl.patrols)} patrols")
            self.add(Label(facts, (inner.left, ty + theme.px(32), inner.width, theme.px(22)), "ui", theme.SIZE_SMALL, theme.GLOW))
            desc_top = ty + theme.px(60)
            self.add(TextBlock(lvl.description or "No description.", (inner.left, desc_top, inner.width, inner.bottom - desc_top),
                               "serif", 16, theme.BONE))
        else:
            msg = self.error or f"Put level files into {SKIRMISH_DIR} to play a skirmish."
            self.add(TextBlock(msg, (inner.left, self.preview_rect.bottom + theme.px(12), inner.width, theme.px(120)), "serif", 16, theme.AMBER))

        rx = mx + mid_w + g
        rp = self.add(Panel((rx, top, right_w, bottom - top), "Your game"))
        inner = rp.inner
        y = inner.top + theme.px(4)
        lo, hi = self._rival_range()
        self.add(Label("AI rivals", (inner.left, y, inner.width, theme.px(24)), "ui_bold", theme.SIZE_BODY, theme.BONE))
        y += theme.px(28)
        options = [(n, f"{n} rival{'s' if n != 1 else ''}") for n in range(lo, hi + 1)]
        self.rivals_choice = self.add(Choice((inner.left, y, inner.width, theme.px(40)), options, self.rivals, self.set_rivals,
                                             wrap=False, tooltip="How many computer bootleggers compete with you."))
        y += theme.px(48)
        self.add(Label("How they play", (inner.left, y, inner.width, theme.px(24)), "ui_bold", theme.SIZE_BODY, theme.BONE))
        y += theme.px(28)
        levels = [(name, f"{name.title()} AI") for name in DIFFICULTIES]
        self.difficulty_choice = self.add(Choice((inner.left, y, inner.width, theme.px(40)), levels, self.difficulty,
                                                 self.set_difficulty, wrap=False,
                                                 tooltip=" ".join(DIFFICULTY_WORDS[name] for name in DIFFICULTIES)))
        y += theme.px(44)
        buttons_top = inner.bottom - 2 * theme.px(theme.BUTTON_H) - theme.px(14)
        required = theme.px(28 + 52)  # the seed's label and field
        roomy = y + theme.px(62) + required + theme.px(72) <= buttons_top  # room for the words under the choices
        self.difficulty_words = self.add(TextBlock(DIFFICULTY_WORDS.get(self.difficulty, ""),
                                                   (inner.left, y, inner.width, theme.px(58) if roomy else 0), "italic",
                                                   theme.SIZE_SMALL - 1, theme.BONE_DIM))
        self.difficulty_words.visible = roomy
        y += theme.px(62) if roomy else theme.px(4)
        self.add(Label("Seed", (inner.left, y, inner.width, theme.px(24)), "ui_bold", theme.SIZE_BODY, theme.BONE))
        y += theme.px(28)
        bw = theme.px(96)
        self.seed_input = self.add(TextInput((inner.left, y, inner.width - bw - theme.px(8), theme.px(40)), self.seed_text, numeric=True,
                                             max_len=9, placeholder="number", on_change=self._set_seed, on_submit=lambda _t: self.start(),
                                             tooltip="The same city, rivals and seed always play out the same way."))
        self.add(Button("Random", self.randomize_seed, (inner.right - bw, y, bw, theme.px(40)), size=theme.SIZE_SMALL + 1,
                        tooltip="Roll a new seed."))
        y += theme.px(52)
        if y + theme.px(72) <= buttons_top:
            self.add(TextBlock("Same map, rivals and seed: the same game. Share the seed to race a friend on identical "
                               "dice.", (inner.left, y, inner.width, theme.px(64)), "italic", theme.SIZE_SMALL,
                               theme.BONE_DIM))
            y += theme.px(72)
        if lvl is not None:
            goal = {"richest": "richest and free", "last_free": "last one free", "coop": "all against the state"}[lvl.victory.mode]
            half = inner.width // 2
            for key, value in (("Winner", goal), ("Start money", f"{lvl.start.money} roubles"),
                               ("Walk per evening", f"{lvl.rules.move_allowance} tiles"), ("Raids from heat", f"{lvl.rules.raid_heat}")):
                if y + theme.px(22) > inner.bottom - 2 * theme.px(theme.BUTTON_H) - theme.px(14):
                    break  # no room at this size: the facts line above and the briefing say it too
                self.add(Label(key, (inner.left, y, half - theme.px(4), theme.px(22)), "ui", theme.SIZE_SMALL, theme.BONE_DIM))
                self.add(Label(value, (inner.left + half, y, inner.width - half, theme.px(22)), "ui_bold", theme.SIZE_SMALL,
                               theme.BONE, align="right"))
                y += theme.px(25)
        bh = theme.px(theme.BUTTON_H)
        self.start_button = self.add(Button("Start", self.start, (inner.left, inner.bottom - 2 * bh - theme.px(10), inner.width, bh),
                                            style="primary", tooltip="Begin the skirmish on the chosen map."))
        self.start_button.enabled = bool(self.levels)
        self.add(Button("Back", self.back, (inner.left, inner.bottom - bh, inner.width, bh), tooltip="Back to the main menu."))
        if self.focused is None or self.focus_index < 0:
            self.set_focus(self.list)

    def _set_seed(self, text: str) -> None:
        self.seed_text = text

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.start()
            return True
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT) and not isinstance(self.focused, TextInput):
            self.rivals_choice.handle_event(event)
            return True
        return False

    def draw_overlay(self, surface: pygame.Surface) -> None:
        lvl = self.level
        if lvl is None:
            return
        legend = "H hospital  ·  M market  ·  W workshop  ·  C contact  ·  D dance hall  ·  ! militia  ·  red: patrol routes"
        tag = render(legend, "ui", theme.SIZE_SMALL - 3, theme.BONE_DIM)
        r = self.preview_rect.copy()
        r.height -= tag.get_height() + theme.px(4)
        surface.blit(level_thumbnail.preview(lvl, r.size), r.topleft)
        if tag.get_width() < r.width:
            surface.blit(tag, (r.left, r.bottom + theme.px(3)))
