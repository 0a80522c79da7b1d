"""The workshop: the lathe drawn with its four parts, spares to install, and the Cut order with its preview."""

from __future__ import annotations

import pygame

from game.core.commands import MAX_CUT_PER_TURN, CutRecords, InstallPart
from game.core.preview import CutPreview, cut_preview
from game.ui.art.lathe import draw_lathe, slot_anchors
from game.ui.look import theme
from game.ui.look.text import render
from game.ui.play.previews import cut_spread
from game.ui.scenes.panels.base import SitePanel
from game.ui.scenes.panels.widgets import RecordView, Stepper
from game.ui.scenes.panels.words import (
    SLOT_SHORT,
    SLOT_WORDS,
    change_words,
    grade_words,
    part_short,
    part_stat,
    points,
    reference,
    swap_grades,
)
from game.ui.widgets.base import Widget
from game.ui.widgets.label import Label
from game.ui.widgets.listview import ListView
from game.ui.widgets.panel import Panel
from game.ui.widgets.progress import ProgressBar

ROW = 30


class LathePicture(Widget):
    """The lathe drawing (art.lathe) for the player's installed parts; hovering a part names it and its stat."""

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], lathe: dict, parts: dict) -> None:
        self.lathe, self.parts = lathe, parts
        self._pointer = (-1, -1)
        super().__init__(rect, "Your lathe: motor, platter and spindle, cutter arm and stylus, amplifier.")

    def part_at(self, pos: tuple[int, int]) -> str | None:
        """The slot whose drawing is under `pos` (the smallest area wins where two overlap)."""
        hits = [(r.width * r.height, slot) for slot, r in slot_anchors(self.rect.size).items()
                if r.move(self.rect.topleft).collidepoint(pos)]
        return min(hits)[1] if hits else None

    @property
    def tooltip(self) -> str:
        slot = self.part_at(self._pointer) if self.hovered else None
        inst = self.lathe.get(slot) if slot else None
        part = self.parts.get(inst.part_id) if inst else None
        if slot is None:
            return self._tooltip
        if part is None:
            return SLOT_WORDS[slot]
        return f"{SLOT_WORDS[slot]}: {part.name}, condition {inst.condition * 100:.0f} %. {part_stat(part)}."

    @tooltip.setter
    def tooltip(self, value: str) -> None:
        self._tooltip = value

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEMOTION:
            self.hovered = self.rect.collidepoint(event.pos)
            self._pointer = event.pos
        return False

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(draw_lathe(self.rect.size, self.lathe, self.parts), self.rect.topleft)


class WorkshopPanel(SitePanel):
    """Left: the lathe, its slots (part, condition, stat) and the spares with Install. Right: the cut, with the
    records it will really make as the parts wear record by record."""

    name = "workshop"
    offer_lie_low = True

    def build_body(self, area: pygame.Rect) -> None:
        world, me = self.world, self.view.player
        gap = theme.px(14)
        left_w = round(area.width * 0.53)
        lp = self.add(Panel((area.left, area.top, left_w, area.height), "The lathe"))
        inner = lp.inner
        card_h = theme.px(92)
        row = theme.px(ROW)
        spares_min = theme.px(22) + row * 3
        pic_h = max(theme.px(90), min(theme.px(220), inner.height - card_h - theme.px(10) - spares_min))
        self.add(LathePicture((inner.left, inner.top, inner.width, pic_h), dict(me.lathe), world.parts))
        # four slot cards
        y = inner.top + pic_h + theme.px(6)
        cw = (inner.width - 3 * theme.px(8)) // 4
        for i, slot in enumerate(("motor", "platter", "cutter", "amplifier")):
            inst = me.lathe.get(slot)
            part = world.parts.get(inst.part_id) if inst else None
            x = inner.left + i * (cw + theme.px(8))
            self.add(Label(SLOT_SHORT[slot].upper(), (x, y, cw, theme.px(18)), "ui_bold", theme.SIZE_SMALL - 2, theme.GLOW,
                           tooltip=SLOT_WORDS[slot]))
            self.add(Label(part.name if part else "empty", (x, y + theme.px(20), cw, theme.px(22)), "ui_bold",
                           theme.SIZE_SMALL, theme.BONE, tooltip=part.description if part else ""))
            cond = inst.condition if inst else 0.0
            wear = f" Each record cut takes {part.wear_per_cut * 100:.0f} points off it." if part else ""
            self.add(ProgressBar((x, y + theme.px(45), cw, theme.px(18)), cond, f"{round(cond * 100)} %",
                                 color=theme.GREEN if cond >= 0.6 else theme.AMBER if cond >= 0.3 else theme.RED,
                                 tooltip=f"Condition: a worn part cuts worse.{wear}"))
            self.add(Label(part_short(part) if part else "", (x, y + theme.px(66), cw, theme.px(20)), "ui",
                           theme.SIZE_SMALL, theme.BONE_DIM, tooltip=part_stat(part) if part else ""))
        # spares
        y += card_h
        self.add(Label("SPARE PARTS", (inner.left, y, inner.width, theme.px(20)), "ui_bold", theme.SIZE_SMALL, theme.GLOW))
        y += theme.px(22)
        ref = reference(world, self.view)
        self.spare_rows = []
        for s in me.spares:
            part = world.parts[s.part_id]
            now, after = swap_grades(world, self.view, s, ref)
            self.spare_rows.append((part.name, f"{round(s.condition * 100)}%", f"→ {change_words(now, after).split(' → ', 1)[1]}"))
        bw = theme.px(120)
        list_w = inner.width - bw - theme.px(10)
        self.spares_list = self.add(ListView(
            (inner.left, y, list_w, inner.bottom - y), self.spare_rows, columns=(2.1, 0.8, 1.5),
            header=("Part", "Cond.", "Your cut"), row_height=ROW, on_select=self._select_spare, size=theme.SIZE_SMALL + 1,
            empty_text="no spare parts",
            tooltip=f"'Your cut' is the grade (of 100) on your lathe ({ref.words}) now → with this part installed."))
        room = inner.bottom - y
        self.install_button = self.action_button(
            "Install", None, (inner.right - bw, y, bw, min(theme.px(40), room // 2)), style="film",
            tooltip="Swap the selected spare into its slot this evening (the old part becomes a spare).",
            reason_rect=(inner.right - bw, y + min(theme.px(40), room // 2) + theme.px(4), bw,
                         min(theme.px(22), room - min(theme.px(40), room // 2) - theme.px(4))))
        self._select_spare(max(0, self.spares_list.selected))
        self._build_cut(pygame.Rect(area.left + left_w + gap, area.top, area.width - left_w - gap, area.height))

    # ---------------------------------------------------------------- the cut
    def _build_cut(self, rect: pygame.Rect) -> None:
        world, me = self.world, self.view.player
        cp = self.add(Panel(rect, "Cut records tonight"))
        inner = cp.inner
        self.sources: list[tuple[str, str | int]] = [("master", m.master_id) for m in me.masters]
        self.sources += [("record", r.id) for r in me.records if r.plays < r.profile.max_plays]
        rows = []
        for kind, sid in self.sources:
            if kind == "master":
                m = next(x for x in me.masters if x.master_id == sid)
                rows.append((f"Master: {m.title}", f"{points(m.source_quality)}/100", "—"))
            else:
                r = next(x for x in me.records if x.id == sid)
                rows.append((f"#{r.id} {r.title} (copy)", f"{points(r.quality)}/100", f"{r.profile.max_plays - r.plays} left"))
        sh = theme.px(32)
        self.film_kinds = [k for k in sorted(me.films) if me.films[k] > 0 and k in world.films]
        films_h = theme.px(24) + max(1, len(self.film_kinds)) * (sh + theme.px(4))
        bottom_h = theme.px(24 + 20 + 6 + 44)  # the spread, the wear, the button
        row = theme.px(ROW)
        rows_fit = (inner.height - films_h - bottom_h - theme.px(20)) // row - 1
        list_h = row * max(2, min(5, rows_fit + 1))
        self.source_list = self.add(ListView(
            (inner.left, inner.top, inner.width, list_h), rows, columns=(2.8, 1.1, 0.9),
            header=("Source", "Quality", "Plays"), row_height=ROW, on_select=lambda i: self._update_cut(), size=theme.SIZE_SMALL + 1,
            empty_text="no master and no record to copy",
            tooltip="Cut from a master (its quality, of 100, caps every record cut from it), or copy one of your bone "
                    "records: a copy carries both cuts' damage, and each copy plays the source record once."))
        y = inner.top + list_h + theme.px(8)
        self.add(Label(f"Films (up to {MAX_CUT_PER_TURN} in an evening)", (inner.left, y, inner.width, theme.px(20)),
                       "ui_bold", theme.SIZE_SMALL, theme.GLOW))
        y += theme.px(24)
        col_w = round(inner.width * 0.56)
        default = max(self.film_kinds, key=lambda k: me.films[k], default=None)
        self.steppers: dict[str, Stepper] = {}
        self.film_grade_labels: dict[str, Label] = {}
        name_w = theme.px(100)
        for k in self.film_kinds:
            name = world.films[k].name.replace(" X-ray", "")
            self.add(Label(f"{name} ({me.films[k]})", (inner.left, y, name_w, sh), "ui", theme.SIZE_SMALL, theme.BONE))
            held = min(me.films[k], MAX_CUT_PER_TURN)
            start = min(held, 3) if k == default else 0
            self.steppers[k] = self.add(Stepper((inner.left + name_w + theme.px(4), y, theme.px(100), sh), start, 0, held,
                                                on_change=lambda _v: self._update_cut(),
                                                tooltip=f"How many {world.films[k].name} sheets to cut tonight (←/→)."))
            gx = inner.left + name_w + theme.px(110)
            if col_w - (gx - inner.left) >= theme.px(64):
                self.film_grade_labels[k] = self.add(Label("", (gx, y, col_w - (gx - inner.left), sh), "ui", theme.SIZE_SMALL,
                                                           theme.BONE_DIM, tooltip="The grade (of 100) of the first record "
                                                                                   "cut on this film tonight."))
            y += sh + theme.px(4)
        if not self.film_kinds:
            self.add(Label("No X-ray films at the workshop: scavenge a hospital.", (inner.left, y, inner.width, sh), "italic",
                           theme.SIZE_SMALL, theme.BONE_DIM))
            y += sh + theme.px(4)
        by = inner.bottom - theme.px(44)
        pic_x = inner.left + col_w + theme.px(8)
        pic_top = inner.top + list_h + theme.px(8)
        pic_bottom = by - theme.px(52)
        if pic_bottom - pic_top >= theme.px(70):
            self.record_view = self.add(RecordView(
                (pic_x, pic_top, inner.right - pic_x, pic_bottom - pic_top), None, 0,
                tooltip="The first record this cut will give: its film, groove, hole and scratches come from the cut profile.",
                empty_text="choose films"))
        else:
            self.record_view = None
        self.cut_summary = self.add(Label("", (inner.left, by - theme.px(50), inner.width, theme.px(24)), "ui_bold",
                                          theme.SIZE_BODY, theme.AMBER))
        self.cut_wear = self.add(Label("", (inner.left, by - theme.px(26), inner.width, theme.px(20)), "ui",
                                       theme.SIZE_SMALL, theme.BONE_DIM))
        self.cut_button = self.action_button(
            "Cut tonight", None, (inner.left, by, theme.px(170), theme.px(44)),
            tooltip="Cut the records on your lathe this evening, at your workshop.",
            reason_rect=(inner.left + theme.px(180), by, inner.width - theme.px(180), theme.px(44)))
        self._update_cut()

    def films_chosen(self) -> dict[str, int]:
        return {k: s.value for k, s in self.steppers.items() if s.value}

    def source(self) -> tuple[str, str | int] | None:
        i = self.source_list.selected
        return self.sources[i] if 0 <= i < len(self.sources) else None

    def preview_for(self, film: str) -> CutPreview | None:
        src = self.source()
        if src is None:
            return None
        if src[0] == "master":
            return cut_preview(self.world, self.view, film, master=str(src[1]))
        return cut_preview(self.world, self.view, film, record=int(src[1]))

    def _update_cut(self) -> None:
        films = self.films_chosen()
        src = self.source()
        for k, label in self.film_grade_labels.items():
            p = self.preview_for(k)
            label.text = f"first {points(p.grade)}/100" if p else ""
        action = None
        if src is not None and films:
            action = (CutRecords(films=films, master=str(src[1])) if src[0] == "master"
                      else CutRecords(films=films, record=int(src[1])))
        self.spread = cut_spread(self.world, self.view, action) if action is not None and self.reason(action) is None else None
        first = max(films, key=lambda k: films[k]) if films else (self.film_kinds[0] if self.film_kinds else None)
        self.preview = self.preview_for(first) if first else None
        if self.record_view is not None:
            if self.preview is not None and first is not None:
                film = self.world.films[first]
                self.record_view.profile, self.record_view.seed = self.preview.profile, 90 + len(films)
                self.record_view.caption = [f"{grade_words(self.preview.grade)}", f"on {film.name}"]
            else:
                self.record_view.profile, self.record_view.caption = None, []
        if self.spread is not None:
            self.cut_summary.text = self.spread.summary
            self.cut_summary.tooltip = self.spread.detail
            self.cut_wear.text = self.spread.wear
            self.cut_wear.tooltip = self.spread.wear
        else:
            self.cut_summary.text = self.cut_wear.text = ""
        missing = "choose a source" if src is None else "choose how many films to cut"
        self.set_action(self.cut_button, action, missing)

    def _select_spare(self, index: int) -> None:
        spares = self.view.player.spares
        self.set_action(self.install_button, InstallPart(spare=index) if spares else None, "no spare parts")

    def draw_overlay(self, surface: pygame.Surface) -> None:
        if self.site_id != self.view.player.workshop:
            img = render("A rival's workshop: your lathe is not here.", "ui_bold", theme.SIZE_BODY, theme.RED)
            surface.blit(img, (self.size[0] // 2 - img.get_width() // 2, self.content_top() - theme.px(30)))
