"""The debriefing after a campaign chapter: the evening paper's last page on what you did (won or lost, evenings
used, records cut and sold, money, each objective), and beside it a period document: what really happened, with
the records of the chapter drawn by the game (the lathe you ended with, on the chapter's film, and the same lathe
on a film of your own records). It records the result in the campaign progress once, and offers the next
chapter, another try, or the Campaign screen."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pygame

from game.core.commands import rubles
from game.core.lathe import cut_profile
from game.core.objectives import chapter_of, date_text
from game.core.profile import grade_label
from game.session.campaign import ChapterResult, chapter_result
from game.ui.art.record import draw_record
from game.ui.files import campaign_progress
from game.ui.look import theme
from game.ui.look.text import draw_paragraphs, render
from game.ui.scenes import campaign_goals
from game.ui.scenes.common import FilmScene
from game.ui.widgets.button import Button
from game.ui.widgets.newspaper import Article, NewspaperPage
from game.ui.widgets.panel import Card


def achievement_text(session: Any, result: ChapterResult) -> str:
    """What the player did, in figures the engine counted."""
    me = session.view(0).player
    stats = me.stats
    best = max(stats.cut_qualities, default=0) / 1000
    arrests = "never arrested" if me.arrests == 0 else f"arrested {me.arrests} time{'s' if me.arrests != 1 else ''}"
    return (f"{result.turns} of {result.limit} evenings. {stats.records_cut} records cut (the best of them "
            f"{grade_label(best)}, grade {round(best * 100)}), {stats.records_sold} sold, {rubles(stats.earned)} earned; "
            f"{rubles(result.money)} in hand at the end; {arrests}; reputation {me.reputation}.")


class DebriefingScene(FilmScene):
    """`session` is the finished chapter's game (seat 0 is the player)."""

    name = "debriefing"
    hint = "Enter: the next step  ·  Esc: the Campaign screen"

    def __init__(self, session: Any) -> None:
        super().__init__()
        self.session = session
        self.level = session.world.level
        self.spec = chapter_of(self.level)
        self.result = chapter_result(session)
        self.found = campaign_goals.find_chapter(self.level.id)
        self.recorded = False
        self.saved_error = ""
        self._pictures: list[pygame.Surface] = []

    # ------------------------------------------------------------ progress
    def on_enter(self) -> None:
        self.record()

    def record(self) -> None:
        """Count this game in the progress file (once)."""
        if self.recorded or self.found is None:
            return
        self.recorded = True
        campaign, _index = self.found
        loaded = campaign_progress.read()
        progress = loaded.progress
        if loaded.error:  # keep what was there: write() moves the damaged file aside first
            self.saved_error = f"The old progress file was damaged and has been kept aside. {loaded.error}"
        r = self.result
        progress.record(campaign.campaign.id, self.level.id, r.won, r.turns, r.money, r.met + r.bonus)
        try:
            campaign_progress.write(progress)
        except OSError as exc:
            self.saved_error = f"Could not save the campaign progress: {exc.strerror or exc}"
        if self.saved_error and self.app is not None:
            self.app.notify(self.saved_error, "warning", 8.0)

    @property
    def next_index(self) -> int | None:
        if self.found is None or not self.result.won:
            return None
        campaign, index = self.found
        return index + 1 if index + 1 < len(campaign.chapters) else None

    # ------------------------------------------------------------ actions
    def to_campaign(self) -> None:
        from game.ui.scenes.campaign import CampaignScene
        from game.ui.scenes.menu import MenuScene

        assert self.app is not None
        if any(isinstance(s, CampaignScene) for s in self.app.scenes):
            self.app.pop_to(CampaignScene)
            return
        self.app.pop_to(MenuScene)
        self.app.push(CampaignScene())

    def go_on(self) -> None:
        """The next chapter after a win, another try after a loss (the Campaign screen when neither exists)."""
        if self.found is None:
            self.to_campaign()
            return
        campaign, index = self.found
        target = self.next_index if self.result.won else index
        self.to_campaign()
        if target is not None and self.app is not None:
            difficulty = campaign_progress.read().progress.difficulty
            campaign_goals.start_chapter(self.app, campaign, target, difficulty)

    def back(self) -> None:
        self.to_campaign()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.go_on()
            return True
        return False

    # ------------------------------------------------------------ layout
    def articles(self) -> list[Article]:
        r, spec = self.result, self.spec
        view = self.session.view(0)
        chapter = view.chapter
        assert chapter is not None and spec is not None
        verdict = (spec.won or "The chapter is won.") if r.won else (spec.lost or "The chapter is lost.")
        why = "" if r.won else f" Lost: {r.reason}."
        lead = Article(("Chapter won: " if r.won else "Chapter lost: ") + self.level.name.split(". ", 1)[-1],
                       f"{verdict}{why}\n\n{achievement_text(self.session, r)}", "lead", kicker=spec.era or "")
        marks = {"met": "Met", "failed": "Failed", "open": "Open"}
        lines = [f"{marks[s.status]}: {s.text} ({s.value})" for s in chapter.objectives]
        objectives = Article(f"Objectives: {r.met} of {r.required}" + (f", bonus {r.bonus} of {r.bonuses}" if r.bonuses else ""),
                             "\n".join(lines), "notice")
        gains = []
        if r.won and spec.codex is not None:
            gains.append(f"The Codex has a new note: '{spec.codex.title}'.")
        if r.won:
            gains.append(f"The record shelf has the tracks dated up to {self.level.calendar.end.year}.")
        if self.next_index is not None and self.found is not None:
            gains.append(f"Next: {self.found[0].chapters[self.next_index].level.name}.")
        if not r.won:
            gains.append("Try again: every attempt deals a new hand of dice. The hints on each objective say how.")
        return [lead, objectives, Article("Added to your collection" if r.won else "Another evening", " ".join(gains))]

    def build(self) -> None:
        w, h = self.size
        m = theme.px(24)
        bh = theme.px(theme.BUTTON_H)
        page_w = round((w - 3 * m) * 0.6)
        page = pygame.Rect(m, m, page_w, h - 2 * m - bh - theme.px(14))
        last = dt.date.fromisoformat(self.session.view(0).date) - dt.timedelta(days=self.level.calendar.days_per_turn)
        date_line = f"{date_text(last)}  ·  the last page of the chapter"
        self.page = self.add(NewspaperPage(page, "Evening Leningrad", date_line=date_line, articles=self.articles(), seed=9))
        card = pygame.Rect(page.right + m, m, w - page.right - 2 * m, page.height)
        self.card = self.add(Card(card, "What really happened", seed=31))
        bw = (card.width - theme.px(10)) // 2
        y = page.bottom + theme.px(14)
        if self.result.won:
            label, tip = ("Next chapter  ›", "Open the next chapter's briefing.") if self.next_index is not None else \
                ("The end", "Back to the Campaign screen: every chapter is yours to replay.")
        else:
            label, tip = "Try again  ›", "Play this chapter again from its briefing."
        self.next_button = self.add(Button(label, self.go_on, (card.right - bw, y, bw, bh), style="primary", tooltip=tip))
        self.campaign_button = self.add(Button("Campaign", self.to_campaign, (card.left, y, bw, bh),
                                               tooltip="The chapters, your best results, the record shelf."))
        self.set_focus(self.next_button)

    def _records(self, size: int) -> list[pygame.Surface]:
        """The chapter's film cut on the lathe the player ended with, and a chest film on the same lathe."""
        if self._pictures and self._pictures[0].get_width() == size:
            return self._pictures
        world = self.session.world
        me = self.session.view(0).player
        films = [self.spec.film if self.spec else "chest", "chest"]
        out = []
        for i, film in enumerate(films):
            kind = world.films.get(film) or next(iter(world.films.values()))
            profile = cut_profile(me.lathe, world.parts, kind, 0.85)
            out.append(draw_record(profile, size, self.level.calendar.end.year + i))
        self._pictures = out
        return out

    def draw_overlay(self, surface: pygame.Surface) -> None:
        inner = self.card.inner
        size = min(theme.px(130), (inner.width - theme.px(12)) // 2)
        for i, img in enumerate(self._records(size)):
            surface.blit(img, (inner.left + i * (size + theme.px(12)), inner.top))
        caption = render("Records cut on your lathe as the chapter ended", "italic", theme.SIZE_SMALL - 2, theme.INK_SOFT)
        y = inner.top + size + theme.px(4)
        surface.blit(caption, (inner.left, y))
        y += caption.get_height() + theme.px(10)
        text = self.level.debriefing or "No history note for this chapter."
        draw_paragraphs(surface, text, pygame.Rect(inner.left, y, inner.width, inner.bottom - y), "serif", 15, theme.INK, 1.3)
