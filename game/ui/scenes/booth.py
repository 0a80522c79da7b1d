"""The listening booth: your masters and bone records, each shown as its picture (the X-ray record with its
spiral groove, or the foreign disc of a master) with its grade and the figures measured from its sound
(treble limit, signal to noise, wobble at the start and end of the side, pitch, distortion, crackle) and
its spectrum beside the master's; play it through the audio engine, A/B against the clean master at the
same moment of the music and the same loudness, seek, set the volume, export to WAV.

`BoothScene(app, session=None, seat=0)`: with a session it lists the seat's masters and records from
`session.view(seat)`; without one it shows two demo records. All sound goes through `game.ui.sound.audio_bridge`.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

import pygame

from game.core.profile import CutProfile, grade_label, quality_grade
from game.ui.art.record import draw_record
from game.ui.look import paint, theme
from game.ui.look.text import render
from game.ui.scenes.common import FilmScene
from game.ui.sound import sfx
from game.ui.sound.audio_bridge import (
    AudioBridge,
    Job,
    analyze,
    export_dir,
    export_name,
    first_track,
    track_known,
)
from game.ui.widgets.button import Button
from game.ui.widgets.controls import Slider, Toggle
from game.ui.widgets.label import Label
from game.ui.widgets.listview import ListView
from game.ui.widgets.panel import Panel
from game.ui.widgets.progress import ProgressBar

FILM_NAMES = {"chest": "chest X-ray", "skull": "skull X-ray", "hand": "hand X-ray", "spine": "spine X-ray",
              "pelvis": "pelvis X-ray"}


@dataclass(frozen=True)
class Entry:
    """One thing to listen to: a master (profile None) or a bone record."""

    title: str
    genre: str
    track: str
    profile: CutProfile | None
    plays: int
    seed: int
    quality: float
    tag: str  # "master" or "record 12"

    @property
    def plays_left(self) -> str:
        return "—" if self.profile is None else str(max(0, self.profile.max_plays - self.plays))


def _demo_entries() -> list[Entry]:
    from game.core.presets import preset_profile

    track = first_track() or "saints_go_marching"
    junk, studio = preset_profile("gramophone"), preset_profile("telefunken", "skull")
    return [Entry("Side A: a junk cut", "demo", track, junk, 0, 11, quality_grade(junk), "demoA"),
            Entry("Side B: a studio cut", "demo", track, studio, 0, 12, quality_grade(studio), "demoB")]


def _session_entries(session: Any, seat: int) -> list[Entry]:
    view = session.view(seat)
    genres = getattr(session.world, "genres", {})

    def gname(g: str) -> str:
        return genres[g].name if g in genres else g

    out = [Entry(m.title, gname(m.genre), m.track, None, 0, 0, m.source_quality, "master") for m in view.player.masters]
    out += [Entry(r.title, gname(r.genre), r.track, r.profile, r.plays, r.id, r.quality, f"record{r.id}")
            for r in view.player.records]
    return out


def _clock(s: float) -> str:
    s = max(0, int(s))
    return f"{s // 60}:{s % 60:02d}"


@dataclass
class _Pending:
    job: Job
    kind: str  # "load", "export" or "analyze"
    index: int = -1  # the entry it is for


FACT_ROWS = 7  # measured figures shown beside the record


class BoothScene(FilmScene):
    """Masters and records on the left; the selected one's picture, quality and the player on the right."""

    name = "booth"
    title = "Listening booth"
    subtitle = "Hold a record to the light: the lathe is written in the groove."
    hint = "Esc back  ·  ↑↓ choose  ·  Space play/pause  ·  A switch clean / lathe  ·  E export"

    def __init__(self, app: Any = None, session: Any = None, seat: int = 0, entries: list[Entry] | None = None) -> None:
        super().__init__()
        self.session, self.seat = session, seat
        if entries is None:
            entries = _session_entries(session, seat) if session is not None else _demo_entries()
        self.entries = entries
        self.index = next((i for i, e in enumerate(entries) if e.profile is not None), 0)  # records first
        self.bridge: AudioBridge | None = None
        self.pending: list[_Pending] = []
        self.loaded_index = -1
        self.status = ""
        self.last_export: str | None = None
        self.analyses: dict[int, Any] = {}  # entry index -> audio_bridge.Analysis

    # ------------------------------------------------------------ life cycle
    def _make_bridge(self) -> AudioBridge:
        s = self.app.settings if self.app else None
        self.bridge = AudioBridge(s.audio_backend if s else "auto", s.music_volume if s else 1.0)
        return self.bridge

    def on_enter(self) -> None:
        sfx.theme(self.app, False)
        if self.bridge is None:
            self._make_bridge()
        if self.app is not None:
            self.app.settings_listeners.append(self._settings_changed)

    def on_exit(self) -> None:
        if self.bridge is not None:
            self.bridge.close()
        if self.app is not None:
            if self._settings_changed in self.app.settings_listeners:
                self.app.settings_listeners.remove(self._settings_changed)
            self.app.save_settings()

    def _settings_changed(self, settings: Any) -> None:
        if self.bridge is not None:
            self.bridge.set_volume(settings.music_volume)

    @property
    def entry(self) -> Entry | None:
        return self.entries[self.index] if 0 <= self.index < len(self.entries) else None

    # ------------------------------------------------------------ layout
    def build(self) -> None:
        if self.bridge is None:
            self._make_bridge()
        w, h = self.size
        m = theme.px(theme.MARGIN)
        top = self.content_top()
        bottom = h - theme.px(52)
        gap = theme.px(16)
        left_w = theme.px(420)
        lp = self.add(Panel((m, top, left_w, bottom - top), "Your masters and records"))
        inner = lp.inner
        rows = [(e.title if e.profile is None else f"#{e.seed} {e.title}", e.genre, f"{round(e.quality * 100)}",
                 e.plays_left) for e in self.entries]
        self.list = self.add(ListView((inner.left, inner.top, inner.width, inner.height), rows,
                                      columns=(2.3, 1.0, 0.5, 0.7), header=("Title", "Genre", "Q", "Left"),
                                      row_height=30, on_select=self._select, on_activate=lambda i: self.toggle_play(),
                                      empty_text="nothing to play yet", size=theme.SIZE_SMALL + 1,
                                      tooltip="Masters (clean foreign discs) and your bone records. Q is the quality "
                                              "buyers pay for, 0-100; plays are what the record has left."))
        if self.entries:
            self.list.select(min(self.index, len(self.entries) - 1), notify=False)
        rx = m + left_w + gap
        rp = self.add(Panel((rx, top, w - m - rx, bottom - top), ""))
        r = rp.inner
        disc = min(r.height - theme.px(150), theme.px(330))
        self.disc_rect = pygame.Rect(r.left, r.top, disc, disc)
        ix = r.left + disc + theme.px(20)
        iw = r.right - ix
        y = r.top
        self.title_label = self.add(Label("", (ix, y, iw, theme.px(30)), "headline", theme.SIZE_HEADING, theme.BONE))
        y += theme.px(34)
        self.kind_label = self.add(Label("", (ix, y, iw, theme.px(22)), "italic", theme.SIZE_SMALL, theme.BONE_DIM))
        y += theme.px(30)
        self.quality_bar = self.add(ProgressBar((ix, y, iw, theme.px(24)), 0.0, "",
                                                tooltip="The grade buyers pay for: bandwidth, noise, speed steadiness, "
                                                        "distortion, crackle, the master, and every copy before it."))
        y += theme.px(34)
        ty = r.bottom - theme.px(134)
        # the measured figures, as many rows as the panel holds above the transport (all seven but at the largest
        # UI scales in small windows, where the first ones, the treble and the noise, stay)
        row_h = theme.px(22)
        rows = max(1, min(FACT_ROWS, (ty - theme.px(8) - y) // row_h))
        self.fact_labels: list[tuple[Label, Label]] = []
        for _ in range(rows):
            a = self.add(Label("", (ix, y, iw, row_h), "ui", theme.SIZE_SMALL, theme.BONE_DIM))
            b = self.add(Label("", (ix, y, iw, row_h), "ui_bold", theme.SIZE_SMALL, theme.BONE, align="right"))
            self.fact_labels.append((a, b))
            y += row_h
        self.spectrum_rect = pygame.Rect(ix, y + theme.px(6), iw, max(0, ty - y - theme.px(14)))
        # transport: play, stop, A/B, export in one row, narrowed together when the panel is narrow
        bh = theme.px(40)
        gap_x = theme.px(10)
        widths = [theme.px(130), theme.px(100), theme.px(250), theme.px(160)]
        fit = min(1.0, (r.width - 3 * gap_x) / sum(widths))
        pw, sw, tw, ew = (int(wd * fit) for wd in widths)
        self.play_button = self.add(Button("▶ Play", self.toggle_play, (r.left, ty, pw, bh), style="primary",
                                           tooltip="Play / pause (Space). The first play renders the record, "
                                                   "which can take a moment."))
        self.stop_button = self.add(Button("■ Stop", self.stop, (r.left + pw + gap_x, ty, sw, bh),
                                           tooltip="Stop and rewind."))
        self.ab_toggle = self.add(Toggle((r.left + pw + sw + 2 * gap_x, ty, tw, bh), True, self._set_ab,
                                         ("Clean master (A)", "Lathe cut (A)"),
                                         tooltip="A/B: switch between the clean master and this record at the same "
                                                 "moment (key A)."))
        self.export_button = self.add(Button("Export WAV", self.export, (r.right - ew, ty, ew, bh),
                                             tooltip="Render the record to a 16-bit 44.1 kHz WAV file (key E)."))
        sy = ty + bh + theme.px(10)
        vol_w = theme.px(220)
        self.seek = self.add(Slider((r.left, sy, r.width - vol_w - theme.px(12), theme.px(36)), 0.0, 0.0, 1.0, 1.0,
                                    on_change=self._seek, fmt=lambda v: _clock(v),
                                    tooltip="Seek: drag or ←/→ (seconds)."))
        s = self.app.settings if self.app else None
        self.volume = self.add(Slider((r.right - vol_w, sy, vol_w, theme.px(36)), s.music_volume if s else 1.0, 0.0, 1.0,
                                      0.05, on_change=self._volume, tooltip="Music volume (the same as in Settings)."))
        py = sy + theme.px(44)
        self.progress = self.add(ProgressBar((r.left, py, theme.px(260), theme.px(22)), 0.0, ""))
        self.progress.visible = False
        self.status_label = self.add(Label("", (r.left + theme.px(272), py, r.width - theme.px(272), theme.px(22)),
                                           "ui", theme.SIZE_SMALL, theme.AMBER))
        self._show_entry()

    # ------------------------------------------------------------ selection and facts
    def _select(self, index: int) -> None:
        if index != self.index:
            self.index = index
            if self.bridge is not None:
                self.bridge.stop()
            self.loaded_index = -1
            self._show_entry()

    def _analysis(self) -> Any:
        """The selected entry's measured figures, starting their measurement (in the background) if needed."""
        e = self.entry
        if e is None or not track_known(e.track):
            return None
        if self.index not in self.analyses and not any(p.kind == "analyze" and p.index == self.index
                                                        for p in self.pending):
            self.pending.append(_Pending(analyze(e.track, e.profile, e.plays, e.quality if e.profile is None else 1.0),
                                         "analyze", self.index))
        return self.analyses.get(self.index)

    def _facts(self, e: Entry) -> list[tuple[str, str]]:
        """Figures measured from the sound (once measured), so every number here is one the audio engine read."""
        a = self._analysis()
        if e.profile is None:
            if a is None:
                return [("Treble up to", "measuring…"), ("Signal to noise", "measuring…")]
            m = a.measures
            return [("Treble up to", f"{m.treble_hz / 1000:.1f} kHz"),
                    ("Signal to noise", "clean" if m.snr_db > 60 else f"{m.snr_db:.0f} dB")]
        if a is None:
            names = ("Treble up to", "Signal to noise", "Wobble", "Pitch", "Distortion",
                     "Crackle")
            return [(n, "measuring…") for n in names] + [("Plays left", e.plays_left)]
        m = a.measures

        def pct(x: float) -> str:
            return f"{x * 100:+.1f} %"

        return [("Treble up to", f"{m.treble_hz / 1000:.1f} kHz"),
                ("Signal to noise", f"{m.snr_db:.0f} dB"),
                ("Wobble", f"±{m.wobble_start * 100:.1f} → ±{m.wobble_end * 100:.1f} %"),
                ("Pitch", f"{pct(m.pitch_start)} → {pct(m.pitch_end)}"),
                ("Distortion", f"{m.thd * 100:.1f} %"),
                ("Crackle", f"{m.crackle_per_s:.1f} clicks/s"),
                ("Plays left", e.plays_left)]

    def _show_entry(self) -> None:
        e = self.entry
        for a, b in self.fact_labels:
            a.text = b.text = ""
        if e is None:
            self.title_label.text = "No records yet"
            self.kind_label.text = "Buy a master from a contact, or cut a record at your workshop."
            for wdg in (self.play_button, self.stop_button, self.ab_toggle, self.export_button, self.seek):
                wdg.enabled = False
            return
        self.title_label.text = e.title
        grade = e.quality if e.profile is None else quality_grade(e.profile, e.plays)
        self.quality_bar.value = grade
        self.quality_bar.label = f"{grade_label(grade)}  {round(grade * 100)}"
        self.quality_bar.color = theme.GREEN if grade >= 0.4 else theme.AMBER if grade >= 0.12 else theme.RED
        self.ab_toggle.enabled = e.profile is not None
        self.ab_toggle.value = e.profile is not None
        if e.profile is None:
            self.kind_label.text = f"{e.genre} · a master (foreign disc or tape), quality {round(e.quality * 100)} %"
        else:
            p = e.profile
            gen = "cut from a master" if p.generation == 1 else f"a copy of a copy (generation {p.generation})"
            self.kind_label.text = f"{e.genre} · {p.diameter_in:.0f}\" {FILM_NAMES.get(p.film_kind, p.film_kind)} · {gen}"
        facts = self._facts(e)
        for (a, b), (k, v) in zip(self.fact_labels, facts, strict=False):
            a.text, b.text = k, v
        playable = track_known(e.track)
        for wdg in (self.play_button, self.stop_button, self.export_button, self.seek):
            wdg.enabled = playable and self.bridge is not None and self.bridge.available
        if not playable:
            self.status = f"sound unavailable: the track '{e.track}' is not in the music library"
        elif self.bridge is not None and self.bridge.reason:
            self.status = self.bridge.reason
        elif self.bridge is not None and self.bridge.silent:
            self.status = "no sound device: playing silently"
        else:
            self.status = ""

    # ------------------------------------------------------------ transport
    def _busy(self, kind: str) -> bool:
        return any(p.kind == kind for p in self.pending)

    def toggle_play(self) -> None:
        e, b = self.entry, self.bridge
        if e is None or b is None or not b.available or not self.play_button.enabled:
            return
        if self.loaded_index != self.index:
            if not self._busy("load"):
                b.source = "lathe" if (e.profile is not None and self.ab_toggle.value) else "clean"
                self.pending.append(_Pending(b.prepare(e.track, e.profile, e.plays, None, e.quality), "load",
                                             self.index))
                self.status = "putting the needle down…"
            return
        if b.playing:
            b.pause()
        else:
            b.play()

    def stop(self) -> None:
        if self.bridge is not None:
            if self.bridge.playing:
                sfx.play(self.app, "run_out")
            self.bridge.stop()

    def _set_ab(self, lathe: bool) -> None:
        if self.bridge is not None:
            self.bridge.set_source("lathe" if lathe else "clean")

    def _seek(self, seconds: float) -> None:
        if self.bridge is not None:
            self.bridge.seek(seconds)

    def _volume(self, v: float) -> None:
        if self.app is not None:
            self.app.apply_settings(dataclasses.replace(self.app.settings, music_volume=v), persist=False)
        elif self.bridge is not None:
            self.bridge.set_volume(v)

    def export(self) -> Job | None:
        e, b = self.entry, self.bridge
        if e is None or b is None or self._busy("export") or not self.export_button.enabled:
            return None
        lathe = e.profile is not None and self.ab_toggle.value
        path = export_dir() / export_name(e.title, e.tag + ("" if lathe else "-clean"))
        job = b.export(path, e.track, e.profile if lathe else None, e.plays)
        self.pending.append(_Pending(job, "export"))
        self.status = "exporting…"
        return job

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_SPACE and self.focused is not self.play_button:
            self.toggle_play()
            return True
        if event.key == pygame.K_a and self.ab_toggle.enabled:
            self.ab_toggle.set_value(not self.ab_toggle.value)
            return True
        if event.key == pygame.K_e:
            self.export()
            return True
        return False

    def settle(self, timeout: float = 30.0) -> None:
        """Wait (up to `timeout` s) for the selected entry's measures: for screenshots and tests."""
        self._analysis()
        for p in list(self.pending):
            if p.kind == "analyze":
                p.job.wait(timeout)
        self.update(0.0)

    # ------------------------------------------------------------ frame
    def update(self, dt: float) -> None:
        super().update(dt)
        b = self.bridge
        for p in list(self.pending):
            if not p.job.done:
                continue
            self.pending.remove(p)
            if p.kind == "analyze":
                if p.job.error is None:
                    self.analyses[p.index] = p.job.result
                    if p.index == self.loaded_index and b is not None:
                        b.match_loudness(p.job.result)
                    if p.index == self.index:
                        self._show_entry()
                continue
            if p.kind == "load" and b is not None:
                if p.index == self.index and b.finish(p.job):
                    self.loaded_index = self.index
                    self.seek.high = max(1.0, b.duration_s)
                    self.status = "no sound device: playing silently" if b.silent else ""
                    if self.index in self.analyses:
                        b.match_loudness(self.analyses[self.index])
                    sfx.play(self.app, "needle_drop")
                    b.play()
                elif p.index == self.index:
                    self.status = b.reason or "sound unavailable"
            elif p.kind == "export":
                if p.job.error:
                    self.status = f"export failed: {p.job.error}"
                    if self.app is not None:
                        self.app.notify(f"Export failed: {p.job.error}", "danger", 6.0)
                else:
                    self.last_export = str(p.job.result)
                    self.status = f"exported to {self.last_export}"
                    if self.app is not None:
                        self.app.notify(f"Exported to {self.last_export}", "info", 8.0)
        running = [p for p in self.pending if not p.job.done and p.kind != "analyze"]
        self.progress.visible = bool(running)
        if running:
            self.progress.value = running[0].job.fraction
            self.progress.label = f"{'rendering' if running[0].kind == 'load' else 'exporting'} {round(running[0].job.fraction * 100)} %"
        if b is not None and self.loaded_index == self.index and not self.seek.dragging:
            self.seek.value = min(self.seek.high, b.position_s)
        self.play_button.label = "❚❚ Pause" if (b is not None and b.playing) else "▶ Play"
        self.status_label.text = self.status

    def draw_overlay(self, surface: pygame.Surface) -> None:
        e = self.entry
        rect = getattr(self, "disc_rect", None)
        if e is None or rect is None:
            return
        rr = theme.px(14)
        surface.blit(paint.shadow((rect.width - 2 * rr, rect.height - 2 * rr), rr * 2, 170), (rect.left + rr, rect.top + rr + theme.px(8)))
        if e.profile is not None:
            surface.blit(draw_record(e.profile, rect.width, e.seed), rect.topleft)
            cap = (f"hole burned, {e.profile.spindle_offset_mm:.1f} mm off" if e.profile.spindle_offset_mm >= 1.0
                   else "clean centre hole")
        else:
            surface.blit(_master_disc(rect.width, e.title), rect.topleft)
            cap = "a foreign shellac disc"
        img = render(cap, "italic", theme.SIZE_SMALL - 1, theme.BONE_DIM)
        surface.blit(img, (rect.centerx - img.get_width() // 2, rect.bottom + theme.px(2)))
        a = self.analyses.get(self.index)
        if a is not None and a.comparison is not None and getattr(self, "spectrum_rect", None) is not None \
                and self.spectrum_rect.height >= theme.px(30):  # no room for it at the largest scales
            draw_spectrum(surface, self.spectrum_rect, a.comparison)


def draw_spectrum(surface: pygame.Surface, rect: pygame.Rect, comp: Any) -> None:
    """The master's spectrum (dim) and the record's (bright) on a log-frequency axis, 50 Hz - 16 kHz, over
    the top 60 dB: where the record's treble stops, how high its hiss lies, the hum at 50 Hz."""
    pygame.draw.rect(surface, (14, 16, 20), rect, border_radius=theme.px(4))
    pygame.draw.rect(surface, theme.BONE_DIM, rect, 1, border_radius=theme.px(4))
    lo, hi = math.log(50.0), math.log(16_000.0)
    top = max(max(comp.master_db), max(comp.record_db))
    inner = rect.inflate(-theme.px(8), -theme.px(18))
    inner.top = rect.top + theme.px(4)

    def point(f: float, db: float) -> tuple[int, int]:
        x = inner.left + (math.log(f) - lo) / (hi - lo) * inner.width
        y = inner.top + min(1.0, max(0.0, (top - db) / 60.0)) * inner.height
        return round(x), round(y)

    for f, label in ((100.0, "100"), (1000.0, "1k"), (10_000.0, "10k")):
        x, _ = point(f, top)
        pygame.draw.line(surface, (40, 44, 52), (x, inner.top), (x, inner.bottom))
        img = render(label, "ui", theme.SIZE_SMALL - 4, theme.BONE_DIM)
        surface.blit(img, (x - img.get_width() // 2, inner.bottom + theme.px(1)))
    for values, color, width in ((comp.master_db, theme.BONE_DIM, 1), (comp.record_db, theme.AMBER, 2)):
        pts = [point(f, v) for f, v in zip(comp.centres, values, strict=True)]
        pygame.draw.lines(surface, color, False, pts, width)
    key = render("master", "ui", theme.SIZE_SMALL - 4, theme.BONE_DIM)
    surface.blit(key, (inner.right - key.get_width(), inner.top))
    rec = render("record", "ui_bold", theme.SIZE_SMALL - 4, theme.AMBER)
    surface.blit(rec, (inner.right - key.get_width() - rec.get_width() - theme.px(8), inner.top))


_masters: dict[tuple[int, str], pygame.Surface] = {}


def _master_disc(size: int, title: str) -> pygame.Surface:
    """A black shellac 78 with a red paper label (cached)."""
    key = (size, title)
    if key in _masters:
        return _masters[key]
    img = pygame.Surface((size, size), pygame.SRCALPHA)
    c = size // 2
    r = round(size * 0.47)
    pygame.draw.circle(img, (16, 16, 18), (c, c), r)
    for i in range(8, r - size // 6, 3):
        pygame.draw.circle(img, (30, 30, 34) if i % 2 else (22, 22, 26), (c, c), r - i, 1)
    pygame.draw.circle(img, (150, 36, 30), (c, c), size // 6)
    pygame.draw.circle(img, (220, 190, 120), (c, c), size // 6, 2)
    words = render(title[:18], "ui_bold", theme.SIZE_SMALL - 3, (240, 220, 180))
    img.blit(words, (c - words.get_width() // 2, c - size // 12))
    pygame.draw.circle(img, (0, 0, 0, 0), (c, c), max(3, size // 60))
    arc = pygame.Rect(c - r + 8, c - r + 8, 2 * r - 16, 2 * r - 16)
    pygame.draw.arc(img, (90, 96, 110), arc, 0.6, 1.3, 3)  # sheen
    if len(_masters) > 16:
        _masters.clear()
    _masters[key] = img
    return img


def demo_booth() -> BoothScene:
    """The booth with two demo records (no session)."""
    return BoothScene()
