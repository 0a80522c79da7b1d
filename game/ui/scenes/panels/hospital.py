"""The hospital archive: which X-ray films it keeps, what each makes as a record, and Scavenge."""

from __future__ import annotations

import pygame

from game.core.commands import Scavenge
from game.core.lathe import cut_profile
from game.core.profile import quality_grade
from game.ui.look import theme
from game.ui.scenes.panels.base import SitePanel
from game.ui.scenes.panels.widgets import RecordView
from game.ui.scenes.panels.words import grade_words, noise_words, reference
from game.ui.widgets.label import Label, TextBlock
from game.ui.widgets.listview import ListView
from game.ui.widgets.panel import Panel

ABOUT = ("Old X-rays were nitrate and acetate film the hospitals had to throw out. Bootleggers bought them "
         "from orderlies by the kilo or took them from the bins behind the archive, then cut each sheet round "
         "with scissors and burned the spindle hole with a cigarette.")


class HospitalPanel(SitePanel):
    """Film kinds on offer (the stock itself is not public) and the Scavenge order."""

    name = "hospital"

    def build_body(self, area: pygame.Rect) -> None:
        gap = theme.px(16)
        left_w = round(area.width * 0.62)
        left = self.add(Panel((area.left, area.top, left_w, area.height), "Films in the archive"))
        right = self.add(Panel((area.left + left_w + gap, area.top, area.width - left_w - gap, area.height),
                               "Cut on your lathe"))
        inner = left.inner
        me = self.view.player
        ref = reference(self.world, self.view)
        self.kinds = [k for k in self.site.films if k in self.world.films]
        rows = []
        self.profiles = {}
        for kind in self.kinds:
            film = self.world.films[kind]
            profile = cut_profile(me.lathe, self.world.parts, film, ref.source_quality)
            self.profiles[kind] = profile
            rows.append((film.name, f'{film.diameter_in:.0f}"', noise_words(film.film_noise), f"{film.max_plays}",
                         grade_words(quality_grade(profile)), f"{me.films.get(kind, 0)}"))
        list_h = theme.px(34) * (len(rows) + 1) + theme.px(4)
        self.films_list = self.add(ListView(
            (inner.left, inner.top, inner.width, list_h), rows, columns=(1.9, 0.7, 1.2, 0.7, 1.8, 0.7),
            header=("Film", "Disc", "Surface", "Plays", "Your cut", "Held"), on_select=self._select,
            tooltip="X-ray kinds this archive keeps: disc size, surface noise, how many plays a record lasts, "
                    "and the grade your lathe would cut on it."))
        y = inner.top + list_h + theme.px(10)
        by = inner.bottom - theme.px(44)
        notes_top = by - theme.px(58)
        desc_h = min(theme.px(54), notes_top - y - theme.px(6))
        self.description = self.add(TextBlock("", (inner.left, y, inner.width, max(0, desc_h)), "serif",
                                              theme.SIZE_BODY, theme.BONE))
        about_top = y + desc_h + theme.px(10)
        if notes_top - theme.px(8) - about_top >= theme.px(36):
            self.add(TextBlock(ABOUT, (inner.left, about_top, inner.width, notes_top - theme.px(8) - about_top), "italic",
                               theme.SIZE_SMALL, theme.BONE_DIM))
        self.add(Label("Nobody counts the old films: you carry off what the archive has tonight, a few sheets.",
                       (inner.left, by - theme.px(58), inner.width, theme.px(24)), "italic", theme.SIZE_SMALL, theme.BONE_DIM))
        held = ", ".join(f"{n} {self.world.films[k].name}" for k, n in sorted(me.films.items()) if n) or "none"
        self.add(Label(f"At your workshop now: {held}", (inner.left, by - theme.px(32), inner.width, theme.px(24)),
                       "ui", theme.SIZE_SMALL, theme.BONE))
        self.scavenge_button = self.action_button(
            "Scavenge this evening", Scavenge(), (inner.left, by, theme.px(300), theme.px(44)),
            tooltip="When you arrive tonight, slip into the archive and take what X-ray sheets you can carry.",
            reason_rect=(inner.left + theme.px(314), by, inner.width - theme.px(314), theme.px(44)))
        r = right.inner
        self.ref_words = ref.words
        self.record = self.add(RecordView((r.left, r.top + theme.px(8), r.width, r.height - theme.px(8)),
                                          tooltip="What a record cut tonight on your lathe from this film would look like."))
        self._select(max(0, self.films_list.selected))

    def _select(self, index: int) -> None:
        if not self.kinds:
            return
        kind = self.kinds[index]
        film = self.world.films[kind]
        self.description.text = film.description
        profile = self.profiles[kind]
        self.record.profile, self.record.seed = profile, 40 + index
        self.record.caption = [f"{film.name}: {grade_words(quality_grade(profile))}",
                               f"on your lathe, {self.ref_words.split(' from ', 1)[-1]}"]
