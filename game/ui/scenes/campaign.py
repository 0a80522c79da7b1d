"""The Campaign screen: the chapters of a campaign (the game's own, or an enabled mod's) with each one's era
picture (a bone record drawn on the chapter's film, cut on its starting lathe), dates, story and objectives;
locked until the chapter before is won; the best result of each; Play or Replay at a chosen difficulty; and the
record shelf of the tracks the won chapters have unlocked.

Progress lives in `game.ui.files.campaign_progress`; a damaged progress file is named in a message and the
screen goes on with no progress (the file is kept aside when progress is next saved)."""

from __future__ import annotations

import pygame

from game.content.modload import ModCampaign, ModLevel
from game.core.commands import rubles
from game.core.lathe import cut_profile, preset_lathe
from game.core.objectives import chapter_of, objective_text
from game.core.world import World, evening_count
from game.ui.art.record import draw_record
from game.ui.files import campaign_progress
from game.ui.look import theme
from game.ui.look.text import render
from game.ui.scenes import campaign_goals
from game.ui.scenes.common import FilmScene
from game.ui.widgets.button import Button
from game.ui.widgets.controls import Choice
from game.ui.widgets.label import Label, TextBlock
from game.ui.widgets.listview import ListView
from game.ui.widgets.panel import Card, Panel

DIFFICULTIES = (("easy", "Easy rivals"), ("normal", "Normal rivals"), ("hard", "Hard rivals"))
DIFFICULTY_TIP = ("How well the AI rivals play (each chapter makes some of them a step easier or harder). "
                  "The chapters themselves are the same.")


def chapter_picture(chapter: ModLevel, size: int) -> pygame.Surface:
    """The chapter's era picture: a record on its film kind, as its starting lathe cuts a good master."""
    level = chapter.level
    spec = chapter_of(level)
    parts = {p.id: p for p in [*chapter.catalog.parts, *level.parts]}
    films = {f.id: f for f in chapter.catalog.films}
    film = films.get(spec.film if spec else "chest") or next(iter(films.values()))
    profile = cut_profile(preset_lathe(level.start.lathe), parts, film, 0.85)
    return draw_record(profile, size, level.calendar.start.year)


class CampaignScene(FilmScene):
    """`campaign_index` and `index` pick the campaign and chapter; the progress is read on entry and after a
    game (on_resume)."""

    name = "campaign"
    title = "Campaign"
    hint = "Esc back  ·  ↑↓ choose a chapter  ·  Enter play"

    def __init__(self) -> None:
        super().__init__()
        self.campaigns, self.error = campaign_goals.campaigns()
        self.campaign_index = 0
        loaded = campaign_progress.read()
        self.progress, self.progress_error = loaded.progress, loaded.error
        self.difficulty = self.progress.difficulty
        self.index = self._first_open()
        self._pictures: dict[tuple[str, int], pygame.Surface] = {}

    # ------------------------------------------------------------ state
    @property
    def campaign(self) -> ModCampaign | None:
        return self.campaigns[self.campaign_index] if self.campaigns else None

    @property
    def chapter(self) -> ModLevel | None:
        c = self.campaign
        return c.chapters[self.index] if c is not None and c.chapters else None

    def _ids(self) -> list[str]:
        c = self.campaign
        return [ch.level.id for ch in c.chapters] if c is not None else []

    def is_open(self, index: int) -> bool:
        c = self.campaign
        return c is not None and self.progress.is_open(c.campaign.id, self._ids(), index)

    def _first_open(self) -> int:
        """The first chapter not yet won that may be played (the last open one when all are won)."""
        c = self.campaign
        if c is None:
            return 0
        ids = self._ids()
        for i, level_id in enumerate(ids):
            if not self.progress.best(c.campaign.id, level_id).won:
                return i
        return max(0, len(ids) - 1)

    def on_resume(self) -> None:
        loaded = campaign_progress.read()
        self.progress, self.progress_error = loaded.progress, loaded.error
        self.relayout(self.size)

    def select(self, index: int) -> None:
        self.index = index
        self.relayout(self.size)

    def select_campaign(self, index: int) -> None:
        self.campaign_index = index
        self.index = self._first_open()
        self.relayout(self.size)

    def set_difficulty(self, value: str) -> None:
        self.difficulty = value
        self.progress.difficulty = value  # type: ignore[assignment]
        try:
            campaign_progress.write(self.progress)
        except OSError as exc:
            if self.app is not None:
                self.app.notify(f"Could not save the campaign progress: {exc.strerror or exc}", "danger")

    def play(self) -> None:
        c = self.campaign
        if c is None or self.app is None or not self.is_open(self.index):
            return
        campaign_goals.start_chapter(self.app, c, self.index, self.difficulty)

    def open_shelf(self) -> None:
        from game.ui.scenes.booth import BoothScene

        if self.app is None:
            return
        entries = campaign_goals.shelf_entries(self.progress)
        if not entries:
            self.app.notify("Win a chapter: its era's tracks go on the shelf.", "info", 4.0)
            return
        self.app.push(BoothScene(self.app, entries=entries))

    def status(self, index: int) -> str:
        c = self.campaign
        if c is None:
            return ""
        best = self.progress.best(c.campaign.id, c.chapters[index].level.id)
        if best.won:
            return "won"
        if not self.is_open(index):
            return "locked"
        return "tried" if best.played else "open"

    # ------------------------------------------------------------ layout
    def build(self) -> None:
        w, h = self.size
        m = theme.px(theme.MARGIN)
        g = theme.px(20)
        top = self.content_top()
        bottom = h - theme.px(52)
        left_w = round((w - 2 * m) * 0.27)
        right_w = round((w - 2 * m) * 0.22)
        mid_w = w - 2 * m - left_w - right_w - 2 * g
        c = self.campaign
        lp = self.add(Panel((m, top, left_w, bottom - top), "Chapters"))
        inner = lp.inner
        list_top = inner.top
        if len(self.campaigns) > 1:
            options = [(i, camp.campaign.name) for i, camp in enumerate(self.campaigns)]
            self.add(Choice((inner.left, inner.top, inner.width, theme.px(36)), options, self.campaign_index,
                            self.select_campaign, tooltip="The game's own campaign, or one an enabled mod adds."))
            list_top += theme.px(44)
        rows = [(ch.level.name, self.status(i)) for i, ch in enumerate(c.chapters)] if c else []
        self.list = self.add(ListView((inner.left, list_top, inner.width, inner.bottom - list_top), rows, columns=(3.3, 1.0),
                                      on_select=self.select, on_activate=lambda _i: self.play(), size=16,
                                      tooltip="Each chapter opens when the one before it is won; won chapters can be "
                                              "replayed.", empty_text="No campaign found"))
        if rows:
            self.list.select(self.index, notify=False)
        self.set_focus(self.list)

        mx = m + left_w + g
        self.card = self.add(Card((mx, top, mid_w, bottom - top), "", seed=29))
        self._build_chapter(self.card.inner)

        rx = mx + mid_w + g
        rp = self.add(Panel((rx, top, right_w, bottom - top), c.campaign.name if c else "Campaign"))
        inner = rp.inner
        y = inner.top + theme.px(4)
        self.add(Label("Rivals", (inner.left, y, inner.width, theme.px(24)), "ui_bold", theme.SIZE_BODY, theme.BONE))
        y += theme.px(28)
        self.difficulty_choice = self.add(Choice((inner.left, y, inner.width, theme.px(40)), DIFFICULTIES, self.difficulty,
                                                 self.set_difficulty, wrap=False, tooltip=DIFFICULTY_TIP))
        y += theme.px(54)
        note = self.progress_error or self.error or (
            "A won chapter adds a note to the Codex and puts the tracks of its era on the record shelf.")
        color = theme.AMBER if (self.progress_error or self.error) else theme.BONE_DIM
        bh = theme.px(theme.BUTTON_H)
        self.add(TextBlock(note, (inner.left, y, inner.width, inner.bottom - 3 * bh - theme.px(24) - y), "italic",
                           theme.SIZE_SMALL, color))
        open_ = self.chapter is not None and self.is_open(self.index)
        won = c is not None and self.chapter is not None and self.progress.best(c.campaign.id, self.chapter.level.id).won
        label = "Replay" if won else "Play" if open_ else "Locked"
        tip = ("Play this chapter from its briefing." if open_ else
               "Win the chapter before this one to open it.")
        self.play_button = self.add(Button(label, self.play, (inner.left, inner.bottom - 3 * bh - theme.px(20), inner.width, bh),
                                           style="primary", tooltip=tip))
        self.play_button.enabled = open_
        self.shelf_button = self.add(Button("Record shelf", self.open_shelf,
                                            (inner.left, inner.bottom - 2 * bh - theme.px(10), inner.width, bh),
                                            tooltip="Listen to the tracks your won chapters have unlocked."))
        self.add(Button("Back", self.back, (inner.left, inner.bottom - bh, inner.width, bh), tooltip="Back to the main menu."))

    def _build_chapter(self, inner: pygame.Rect) -> None:
        chapter, c = self.chapter, self.campaign
        if chapter is None or c is None:
            self.add(TextBlock(self.error or "No campaign is installed.", inner, "serif", 17, theme.INK))
            return
        level = chapter.level
        spec = chapter_of(level)
        assert spec is not None
        pic = min(theme.px(150), inner.width // 3)
        self.picture_rect = pygame.Rect(inner.left, inner.top, pic, pic)
        x = inner.left + pic + theme.px(16)
        tw = inner.right - x
        self.add(Label(spec.era.upper() or "", (x, inner.top, tw, theme.px(22)), "ui_bold", theme.SIZE_SMALL, theme.RED_DARK))
        self.add(Label(level.name, (x, inner.top + theme.px(22), tw, theme.px(34)), "headline", theme.SIZE_HEADING, theme.INK))
        facts = f"{campaign_goals.chapter_dates(level)}  ·  {evening_count(level)} evenings"
        self.add(Label(facts, (x, inner.top + theme.px(58), tw, theme.px(22)), "italic", theme.SIZE_SMALL, theme.INK_SOFT))
        best = self.progress.best(c.campaign.id, level.id)
        if best.won:
            result = f"Best: won in {best.turns} of {evening_count(level)} evenings, {rubles(best.money)} at the end"
        elif best.played:
            result = f"Played {best.played} time{'s' if best.played != 1 else ''}, not won yet"
        else:
            result = "Not played yet" if self.is_open(self.index) else "Locked: win the chapter before it"
        self.add(Label(result, (x, inner.top + theme.px(82), tw, theme.px(22)), "ui", theme.SIZE_SMALL, theme.INK))
        y = inner.top + pic + theme.px(12)
        names = [spec.player, *(r.name for r in spec.rivals)]
        world = World(level, chapter.catalog)
        lines = [f"•  {objective_text(world, spec, o, names)}" for o in spec.objectives]
        rivals = ", ".join(r.name for r in spec.rivals) or "none: you are alone in this part of the city"
        body = f"{level.description}\n\nObjectives\n" + "\n".join(lines) + f"\n\nRivals: {rivals}."
        self.add(TextBlock(body, (inner.left, y, inner.width, inner.bottom - y), "serif", 16, theme.INK, 1.25))

    def draw_overlay(self, surface: pygame.Surface) -> None:
        chapter, c = self.chapter, self.campaign
        if chapter is None or c is None or not hasattr(self, "picture_rect"):
            return
        key = (c.campaign.id, self.index)
        size = self.picture_rect.width
        if key not in self._pictures or self._pictures[key].get_width() != size:
            img = chapter_picture(chapter, size)
            if not self.is_open(self.index):
                img = img.copy()
                img.fill((110, 110, 110, 255), special_flags=pygame.BLEND_RGBA_MULT)
            self._pictures[key] = img
        surface.blit(self._pictures[key], self.picture_rect.topleft)
        if not self.is_open(self.index):
            stamp = render("ЗАКРЫТО · LOCKED", "ui_bold", theme.SIZE_SMALL, theme.RED)
            surface.blit(stamp, stamp.get_rect(center=self.picture_rect.center))

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.play()
            return True
        return False


__all__ = ["CampaignScene", "chapter_picture"]
