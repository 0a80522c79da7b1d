"""The listening booth (demo): two records side by side with what the game knows about their sound.

The audio wiring (play, A/B against the master, export) comes with the game phase; the buttons say so."""

from __future__ import annotations

import pygame

from game.core.profile import CutProfile, grade_label, quality_grade
from game.ui import paint, theme
from game.ui.record_art import draw_record
from game.ui.scenes.common import FilmScene
from game.ui.text import render
from game.ui.widgets.button import Button
from game.ui.widgets.label import Label
from game.ui.widgets.panel import Panel
from game.ui.widgets.progress import ProgressBar

FILM_NAMES = {"chest": "chest X-ray", "skull": "skull X-ray", "hand": "hand X-ray", "spine": "spine X-ray", "pelvis": "pelvis X-ray"}


class BoothScene(FilmScene):
    """Shows `records`: (title, lathe name, profile, seed) tuples, two at a time."""

    name = "booth"
    title = "Listening booth"
    subtitle = "Hold a record to the light: the lathe is written in the groove."
    hint = "Esc back  ·  Tab move  ·  Enter play"

    def __init__(self, app: object = None, session: object = None, seat: int = 0,
                 records: list[tuple[str, str, CutProfile, int]] | None = None) -> None:
        super().__init__()
        self.session, self.seat = session, seat
        if records is None:
            records = _demo_records() if session is None else _session_records(session, seat)
        self.records = records[:2]

    def _later(self) -> None:
        if self.app is not None:
            self.app.notify("Playback arrives with the audio engine in a later version.", "info", 3.0)

    def build(self) -> None:
        w, h = self.size
        m = theme.px(theme.MARGIN)
        g = theme.px(24)
        top = self.content_top()
        bottom = h - theme.px(52)
        n = max(1, len(self.records))
        col_w = (w - 2 * m - g * (n - 1)) // n
        self.record_slots: list[tuple[pygame.Rect, CutProfile, int]] = []
        for i, (title, lathe, profile, seed) in enumerate(self.records):
            x = m + i * (col_w + g)
            p = self.add(Panel((x, top, col_w, bottom - top), title))
            inner = p.inner
            info_w = round(inner.width * 0.42)
            disc = min(inner.height, inner.width - info_w - theme.px(16))
            self.record_slots.append((pygame.Rect(inner.left, inner.top + (inner.height - disc) // 2, disc, disc), profile, seed))
            ix = inner.left + disc + theme.px(16)
            iw = inner.right - ix
            y = inner.top + theme.px(4)
            grade = quality_grade(profile)
            self.add(Label(lathe, (ix, y, iw, theme.px(26)), "ui_bold", theme.SIZE_BODY, theme.BONE))
            y += theme.px(28)
            self.add(Label(f"{profile.diameter_in:.0f}-inch disc, {FILM_NAMES.get(profile.film_kind, profile.film_kind)}",
                           (ix, y, iw, theme.px(22)), "ui", theme.SIZE_SMALL, theme.BONE_DIM))
            y += theme.px(34)
            self.add(Label("Quality", (ix, y, iw, theme.px(22)), "ui_bold", theme.SIZE_SMALL, theme.GLOW))
            y += theme.px(24)
            self.add(ProgressBar((ix, y, iw, theme.px(22)), grade, f"{grade_label(grade)}  {round(grade * 100)}",
                                 color=theme.GREEN if grade >= 0.4 else theme.AMBER if grade >= 0.12 else theme.RED,
                                 tooltip="The grade buyers pay for: bandwidth, noise, speed steadiness, distortion, crackle."))
            y += theme.px(36)
            facts = [
                ("Hole off-centre", f"{profile.spindle_offset_mm:.1f} mm"),
                ("Pitch wobble", f"±{profile.wobble_depth(profile.outer_groove_radius_mm) * 100:.1f} %"),
                ("Treble up to", f"{profile.bandwidth_hz / 1000:.1f} kHz"),
                ("Groove noise", f"{profile.groove_noise * 1000:.0f}"),
                ("Crackle", f"{profile.crackle_rate:.1f} /s"),
                ("Plays left", f"{profile.max_plays}"),
            ]
            for label, value in facts:
                self.add(Label(label, (ix, y, iw, theme.px(22)), "ui", theme.SIZE_SMALL, theme.BONE_DIM))
                self.add(Label(value, (ix, y, iw, theme.px(22)), "ui_bold", theme.SIZE_SMALL, theme.BONE, align="right"))
                y += theme.px(25)
            bh = theme.px(40)
            self.add(Button("▶  Play", self._later, (ix, inner.bottom - 2 * bh - theme.px(8), iw, bh), style="primary",
                            tooltip="Play this record through its lathe model."))
            self.add(Button("A/B with master", self._later, (ix, inner.bottom - bh, iw, bh),
                            tooltip="Switch between the clean master and this cut while it plays."))

    def draw_overlay(self, surface: pygame.Surface) -> None:
        for rect, profile, seed in getattr(self, "record_slots", []):
            r = theme.px(14)
            surface.blit(paint.shadow((rect.width - 2 * r, rect.height - 2 * r), r * 2, 170), (rect.left + r, rect.top + r + theme.px(8)))
            img = draw_record(profile, rect.width, seed)
            surface.blit(img, rect.topleft)
            cap = render(f"hole burned, {profile.spindle_offset_mm:.1f} mm off" if profile.spindle_offset_mm >= 1.0 else "clean centre hole",
                         "italic", theme.SIZE_SMALL - 1, theme.BONE_DIM)
            surface.blit(cap, (rect.centerx - cap.get_width() // 2, rect.bottom + theme.px(2)))


def _demo_records() -> list[tuple[str, str, CutProfile, int]]:
    """A junk-lathe chest record beside a studio-lathe skull record."""
    from game.content.catalog import base_catalog, preset_profile

    names = {p.id: p.name for p in base_catalog().presets}
    return [
        ("Side A: a junk cut", names.get("gramophone", "gramophone"), preset_profile("gramophone"), 11),
        ("Side B: a studio cut", names.get("telefunken", "telefunken"), preset_profile("telefunken", "skull"), 12),
    ]


def _session_records(session: object, seat: int) -> list[tuple[str, str, CutProfile, int]]:
    """The seat's first records from its view."""
    view = session.view(seat)  # type: ignore[attr-defined]
    return [(r.title, f"record #{r.id}", r.profile, r.id) for r in view.player.records[:2]] or _demo_records()


def demo_booth() -> BoothScene:
    """The booth with two demo records (no session)."""
    return BoothScene()
