"""The workshop: the lathe drawn with its four parts, spares to install, and the Cut order with its preview."""

from __future__ import annotations

import pygame

from game.core.commands import MAX_CUT_PER_TURN, CutRecords, InstallPart
from game.core.preview import CutPreview, cut_preview
from game.ui.art.lathe import draw_lathe, slot_anchors
from game.ui.look import theme
from game.ui.look.text import fit, render
from game.ui.scenes.panels.base import SitePanel
from game.ui.scenes.panels.widgets import RecordView, Stepper
from game.ui.scenes.panels.words import (
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
    """The lathe drawing (art.lathe) for the player's installed parts; hovering a part names it."""

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], lathe: dict, parts: dict) -> None:
        super().__init__(rect, "Your lathe: motor, platter and spindle, cutter arm and stylus, amplifier.")
        self.lathe, self.parts = lathe, parts

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(draw_lathe(self.rect.size, self.lathe, self.parts), self.rect.topleft)


class WorkshopPanel(SitePanel):
    """Left: the lathe, its slots (part, condition, stat) and the spares with Install. Right: the cut."""

    name = "workshop"
    offer_lie_low = True

    def build_body(self, area: pygame.Rect) -> None:
        world, me = self.world, self.view.player
        gap = theme.px(14)
        left_w = round(area.width * 0.53)
        lp = self.add(Panel((area.left, area.top, left_w, area.height), "The lathe"))
        inner = lp.inner
        pic_h = theme.px(220)
        self.add(LathePicture((inner.left, inner.top, inner.width, pic_h), dict(me.lathe), world.parts))
        anchors = slot_anchors((inner.width, pic_h))
        for slot, rect in anchors.items():
            part = world.parts.get(me.lathe[slot].part_id) if slot in me.lathe else None
            hover = Widget(rect.move(inner.left, inner.top),
                           f"{SLOT_WORDS[slot]}: {part.name}. {part_stat(part)}." if part else SLOT_WORDS[slot])
            self.add(hover)
        # four slot cards
        y = inner.top + pic_h + theme.px(6)
        cw = (inner.width - 3 * theme.px(8)) // 4
        card_h = theme.px(96)
        for i, slot in enumerate(("motor", "platter", "cutter", "amplifier")):
            inst = me.lathe.get(slot)
            part = world.parts.get(inst.part_id) if inst else None
            x = inner.left + i * (cw + theme.px(8))
            self.add(Label(SLOT_WORDS[slot].upper(), (x, y, cw, theme.px(18)), "ui_bold", theme.SIZE_SMALL - 2, theme.GLOW))
            self.add(Label(part.name if part else "empty", (x, y + theme.px(20), cw, theme.px(22)), "ui_bold",
                           theme.SIZE_SMALL, theme.BONE, tooltip=part.description if part else ""))
            cond = inst.condition if inst else 0.0
            self.add(ProgressBar((x, y + theme.px(46), cw, theme.px(18)), cond, f"{round(cond * 100)} %",
                                 color=theme.GREEN if cond >= 0.6 else theme.AMBER if cond >= 0.3 else theme.RED,
                                 tooltip="Condition: each record cut wears every installed part; a worn part cuts worse."))
            self.add(Label(part_short(part) if part else "", (x, y + theme.px(68), cw, theme.px(20)), "ui",
                           theme.SIZE_SMALL, theme.BONE_DIM, tooltip=part_stat(part) if part else ""))
        # spares
        y += card_h + theme.px(4)
        self.add(Label("SPARE PARTS", (inner.left, y, inner.width, theme.px(20)), "ui_bold", theme.SIZE_SMALL, theme.GLOW))
        y += theme.px(22)
        ref = reference(world, self.view)
        self.spare_rows = []
        for s in me.spares:
            part = world.parts[s.part_id]
            now, after = swap_grades(world, self.view, s, ref)
            self.spare_rows.append((part.name, SLOT_WORDS[part.slot].split(" ")[0], f"{round(s.condition * 100)}%",
                                    f"→ {change_words(now, after).split(' → ', 1)[1]}"))
        bw = theme.px(120)
        list_w = inner.width - bw - theme.px(10)
        self.spares_list = self.add(ListView(
            (inner.left, y, list_w, inner.bottom - y), self.spare_rows, columns=(2.1, 0.9, 0.75, 1.5),
            header=("Part", "Slot", "Cond.", "Your cut"), row_height=ROW, on_select=self._select_spare,
            empty_text="no spare parts",
            tooltip=f"'Your cut' is the grade on your lathe ({ref.words}) now → with this part installed."))
        self.install_button = self.action_button(
            "Install", None, (inner.right - bw, y + theme.px(ROW), bw, theme.px(40)), style="film",
            tooltip="Swap the selected spare into its slot this evening (the old part becomes a spare).",
            reason_rect=(inner.right - bw, y + theme.px(ROW) + theme.px(44), bw, theme.px(22)))
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
                rows.append((f"Master: {m.title}", f"source {round(m.source_quality * 100)} %", "—"))
            else:
                r = next(x for x in me.records if x.id == sid)
                rows.append((f"#{r.id} {r.title} (copy)", f"quality {points(r.quality)}",
                             f"{r.profile.max_plays - r.plays} left"))
        list_h = theme.px(ROW) * 5
        self.source_list = self.add(ListView(
            (inner.left, inner.top, inner.width, list_h), rows, columns=(2.8, 1.3, 0.9),
            header=("Source", "Quality", "Plays"), row_height=ROW, on_select=lambda i: self._update_cut(),
            empty_text="no master and no record to copy",
            tooltip="Cut from a master, or copy one of your bone records: a copy of a copy carries both cuts' damage, "
                    "and each copy plays the source record once."))
        y = inner.top + list_h + theme.px(10)
        self.add(Label(f"Films (up to {MAX_CUT_PER_TURN} in an evening)", (inner.left, y, inner.width, theme.px(20)),
                       "ui_bold", theme.SIZE_SMALL, theme.GLOW))
        y += theme.px(24)
        col_w = round(inner.width * 0.56)
        self.film_kinds = [k for k in sorted(me.films) if me.films[k] > 0 and k in world.films]
        default = max(self.film_kinds, key=lambda k: me.films[k], default=None)
        self.steppers: dict[str, Stepper] = {}
        self.film_grade_labels: dict[str, Label] = {}
        sh = theme.px(32)
        for k in self.film_kinds:
            name = world.films[k].name.replace(" X-ray", "")
            self.add(Label(f"{name} ({me.films[k]})", (inner.left, y, theme.px(100), sh), "ui", theme.SIZE_SMALL, theme.BONE))
            held = min(me.films[k], MAX_CUT_PER_TURN)
            start = min(held, 3) if k == default else 0
            self.steppers[k] = self.add(Stepper((inner.left + theme.px(104), y, theme.px(100), sh), start, 0, held,
                                                on_change=lambda _v: self._update_cut(),
                                                tooltip=f"How many {world.films[k].name} sheets to cut tonight (←/→)."))
            self.film_grade_labels[k] = self.add(Label("", (inner.left + theme.px(210), y, col_w - theme.px(210), sh),
                                                       "ui", theme.SIZE_SMALL, theme.BONE_DIM))
            y += sh + theme.px(4)
        if not self.film_kinds:
            self.add(Label("No X-ray films at the workshop: scavenge a hospital.", (inner.left, y, col_w, sh), "italic",
                           theme.SIZE_SMALL, theme.BONE_DIM))
        pic_x = inner.left + col_w + theme.px(8)
        pic_top = inner.top + list_h + theme.px(10)
        self.record_view = self.add(RecordView(
            (pic_x, pic_top, inner.right - pic_x, inner.bottom - theme.px(52) - pic_top), None, 0,
            tooltip="The record this cut will give: its film, groove, hole and scratches come from the cut profile.",
            empty_text="choose films"))
        by = inner.bottom - theme.px(44)
        self.cut_summary = self.add(Label("", (inner.left, by - theme.px(28), col_w, theme.px(24)), "ui_bold",
                                          theme.SIZE_BODY, theme.AMBER))
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
            label.text = f"grade {points(p.grade)}" if p else ""
        first = max(films, key=lambda k: films[k]) if films else (self.film_kinds[0] if self.film_kinds else None)
        self.preview = self.preview_for(first) if first else None
        if self.preview is not None:
            film = self.world.films[first]
            self.record_view.profile, self.record_view.seed = self.preview.profile, 90 + len(films)
            self.record_view.caption = [f"{grade_words(self.preview.grade)}", f"on {film.name}"]
        else:
            self.record_view.profile, self.record_view.caption = None, []
        n = sum(films.values())
        if n and self.preview is not None:
            self.cut_summary.text = fit(f"{n} records at {points(self.preview.grade)} each",
                                        theme.font("ui_bold", theme.SIZE_BODY), self.cut_summary.rect.width)
        else:
            self.cut_summary.text = ""
        action = None
        if src is not None and films:
            action = (CutRecords(films=films, master=str(src[1])) if src[0] == "master"
                      else CutRecords(films=films, record=int(src[1])))
        missing = "choose a source" if src is None else "choose how many films to cut"
        self.set_action(self.cut_button, action, missing)

    def _select_spare(self, index: int) -> None:
        spares = self.view.player.spares
        self.set_action(self.install_button, InstallPart(spare=index) if spares else None, "no spare parts")

    def draw_overlay(self, surface: pygame.Surface) -> None:
        if self.site_id != self.view.player.workshop:
            img = render("A rival's workshop: your lathe is not here.", "ui_bold", theme.SIZE_BODY, theme.RED)
            surface.blit(img, (self.size[0] // 2 - img.get_width() // 2, self.content_top() - theme.px(30)))
