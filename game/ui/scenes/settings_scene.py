"""Settings: volumes, window size and fullscreen, UI scale, palette, how evenings are shown, audio output, and
the key bindings. Opens from the menu and from a game (pause card, Settings button).

Every change is applied at once and saved (atomically) through `App.apply_settings`. The left panel scrolls
its rows into view when they do not all fit (small window, big UI scale)."""

from __future__ import annotations

import dataclasses

import pygame

from game.ui.frame.settings import ACTIONS, AUDIO_BACKENDS, FIXED_KEYS, UI_SCALES, WINDOW_SIZES, Settings
from game.ui.look import theme
from game.ui.scenes.common import FilmScene
from game.ui.widgets.base import Widget
from game.ui.widgets.button import Button
from game.ui.widgets.controls import Choice, Slider, Toggle
from game.ui.widgets.label import Label, TextBlock
from game.ui.widgets.listview import ListView
from game.ui.widgets.panel import Panel

BACKEND_LABELS = {"auto": "Automatic", "sounddevice": "PortAudio (sounddevice)", "pygame": "pygame mixer", "silent": "Silent"}
PALETTE_LABELS = {"standard": "Standard", "colour_blind": "Colour-blind safe"}


class SettingsScene(FilmScene):
    """Left: sound, window, interface. Right: key bindings (Enter or double-click a row, then press a key)."""

    name = "settings"
    title = "Settings"
    subtitle = "Changes take effect at once and are kept for next time."
    hint = "Esc back  ·  Tab / ↑↓ move  ·  ←→ change  ·  Enter on a key binding to change it"

    def __init__(self) -> None:
        super().__init__()
        self.rebinding: str | None = None
        self.first_row = 0  # the first settings row shown (the list scrolls when it does not fit)
        self._focus_row: int | None = None
        self.row_controls: list[Widget] = []

    # ------------------------------------------------------------ changes
    @property
    def settings(self) -> Settings:
        assert self.app is not None
        return self.app.settings

    def change(self, **values: object) -> None:
        """Apply and save a changed copy of the settings."""
        assert self.app is not None
        self.app.apply_settings(dataclasses.replace(self.settings, **values))
        if "key_bindings" in values:
            self.relayout(self.size)

    def start_rebind(self, index: int) -> None:
        self.rebinding = list(ACTIONS)[index]
        self.relayout(self.size)

    def reset_keys(self) -> None:
        self.change(key_bindings={a: k for a, (_l, k) in ACTIONS.items()})

    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.rebinding is not None and event.type == pygame.KEYDOWN:
            action, self.rebinding = self.rebinding, None
            if event.key != pygame.K_ESCAPE:
                bindings = dict(self.settings.key_bindings)
                bindings[action] = pygame.key.name(event.key)
                self.change(key_bindings=bindings)
            else:
                self.relayout(self.size)
            return True
        return super().handle_event(event)

    # ------------------------------------------------------------ layout
    def _rows(self) -> list[tuple[str, Widget, str]]:
        """(label, control, tooltip) for every setting on the left, in order."""
        s = self.settings
        sizes = list(WINDOW_SIZES)
        if tuple(s.window_size) not in sizes:
            sizes.append(tuple(s.window_size))
        used = theme.scale()
        scale_tip = "Make text and controls larger or smaller."
        if abs(used - s.ui_scale) > 1e-6:
            scale_tip += f" This window holds {round(used * 100)} % (a bigger window shows the full {round(s.ui_scale * 100)} %)."
        return [
            ("Music volume", Slider(value=s.music_volume, on_change=lambda v: self.change(music_volume=v)), "Loudness of records and music."),
            ("Effects volume", Slider(value=s.effects_volume, on_change=lambda v: self.change(effects_volume=v)),
             "Loudness of clicks, whistles and footsteps."),
            ("Window size", Choice(options=[(sz, f"{sz[0]} × {sz[1]}") for sz in sizes], value=tuple(s.window_size),
                                   on_change=lambda v: self.change(window_size=v)),
             "The size of the game window (you can also drag its edges; the size is remembered)."),
            ("Fullscreen", Toggle(value=s.fullscreen, on_change=lambda v: self.change(fullscreen=v)), "Fill the whole screen."),
            ("UI scale", Choice(options=[(v, self._scale_label(v)) for v in UI_SCALES], value=s.ui_scale, wrap=False,
                                on_change=lambda v: self.change(ui_scale=v)), scale_tip),
            ("Colours", Choice(options=[(k, v) for k, v in PALETTE_LABELS.items()], value=s.palette,
                               on_change=lambda v: self.change(palette=v)),
             "Colour-blind safe: danger, warnings and safe paths differ in lightness as well as hue. Patrols, sites and "
             "watched tiles also differ by shape and pattern in both palettes."),
            ("Quiet evenings", Toggle(value=s.skip_still_evenings, on_change=lambda v: self.change(skip_still_evenings=v),
                                      words=("Animate", "Skip")),
             "Skip the evening's animation when nothing you can see moved and nothing happened on the way."),
            ("Evening paper", Toggle(value=s.auto_close_paper, on_change=lambda v: self.change(auto_close_paper=v),
                                     words=("Stays", "Closes itself")),
             "Closes itself: the paper turns to the next evening after a few seconds unless you touch a key or the mouse."),
            ("Ask on End Turn", Toggle(value=s.confirm_end_turn, on_change=lambda v: self.change(confirm_end_turn=v)),
             "Ask before ending an evening with no orders."),
            ("First-steps guide", Toggle(value=s.guide, on_change=lambda v: self.change(guide=v), words=("Hidden", "Shown")),
             "The list of first steps over the map (scavenge, buy a master, cut, listen, sell)."),
            ("Audio output", Choice(options=[(b, BACKEND_LABELS[b]) for b in AUDIO_BACKENDS], value=s.audio_backend,
                                    on_change=lambda v: self.change(audio_backend=v)),
             "Automatic uses PortAudio if present, then pygame's mixer, else stays silent. Takes effect on restart."),
        ]

    def _scale_label(self, v: float) -> str:
        used = theme.scale()
        if abs(v - self.settings.ui_scale) < 1e-6 and abs(used - v) > 1e-6:
            return f"{round(v * 100)} % (window: {round(used * 100)} %)"
        return f"{round(v * 100)} %"

    def build(self) -> None:
        s = self.settings
        w, h = self.size
        m = theme.px(theme.MARGIN)
        g = theme.px(24)
        top = self.content_top()
        bottom = h - theme.px(52)
        left_w = round((w - 2 * m - g) * 0.55)
        lp = self.add(Panel((m, top, left_w, bottom - top), "Sound, window, interface and evenings"))
        inner = lp.inner
        label_w = round(inner.width * 0.36)
        row_h = theme.px(46)
        path_h = theme.px(22)
        rows = self._rows()
        fit_rows = max(1, (inner.height - path_h) // row_h)
        self.first_row = max(0, min(self.first_row, len(rows) - fit_rows))
        focus_row = self._focus_row
        if focus_row is not None:  # keep the row the keyboard is on in view
            if focus_row < self.first_row:
                self.first_row = focus_row
            elif focus_row >= self.first_row + fit_rows:
                self.first_row = focus_row - fit_rows + 1
        y = inner.top
        self.row_controls: list[Widget] = []
        for i, (text, widget, tip) in enumerate(rows):
            if not self.first_row <= i < self.first_row + fit_rows:
                continue
            self.add(Label(text, (inner.left, y, label_w - theme.px(8), theme.px(38)), "ui", theme.SIZE_BODY, theme.BONE, tooltip=tip))
            widget.rect = pygame.Rect(inner.left + label_w, y, inner.width - label_w, theme.px(38))
            widget.tooltip = tip
            widget.row_index = i  # type: ignore[attr-defined]
            self.row_controls.append(self.add(widget))
            y += row_h
        more = []
        if self.first_row > 0:
            more.append("↑ more above")
        if self.first_row + fit_rows < len(rows):
            more.append("↓ more below (Tab or ↓)")
        self.add(Label("  ·  ".join(more) or f"Saved to {self.app.settings_file if self.app else ''}",
                       (inner.left, inner.bottom - path_h, inner.width, path_h), "ui", theme.SIZE_SMALL - 1, theme.BONE_DIM))

        rx = m + left_w + g
        rp = self.add(Panel((rx, top, w - m - rx, bottom - top), "Keys"))
        inner = rp.inner
        key_rows = []
        for action, (label, _default) in ACTIONS.items():
            key = "press a key…" if action == self.rebinding else s.key_bindings.get(action, "").upper()
            key_rows.append((label, key))
        bh = theme.px(40)
        fixed = "  ·  ".join(f"{k.upper()}: {label}" for label, k in FIXED_KEYS.items())
        fixed_h = min(theme.px(26) * 3, inner.height // 4)
        self.keys = self.add(ListView((inner.left, inner.top, inner.width, inner.height - bh - fixed_h - theme.px(16)), key_rows,
                                      columns=(2.4, 1), header=("Action", "Key"), on_activate=self.start_rebind, row_height=28,
                                      size=theme.SIZE_SMALL + 1,
                                      tooltip="Enter or double-click, then press the new key (Esc cancels)."))
        if self.rebinding is not None:
            self.keys.select(list(ACTIONS).index(self.rebinding), notify=False)
            self.set_focus(self.keys)
        self.add(TextBlock("Always: " + fixed, (inner.left, inner.bottom - bh - fixed_h - theme.px(6), inner.width, fixed_h),
                           "ui", theme.SIZE_SMALL - 1, theme.BONE_DIM, 1.2))
        half = (inner.width - theme.px(10)) // 2
        self.add(Button("Reset keys", self.reset_keys, (inner.left, inner.bottom - bh, half, bh), size=theme.SIZE_SMALL + 1,
                        pad=theme.px(8), tooltip="Put every key back to its default."))
        self.add(Button("Back", self.back, (inner.right - half, inner.bottom - bh, half, bh), style="primary",
                        tooltip="Back to where you were (Esc)."))

    def move_focus(self, delta: int) -> None:
        """Tab / arrows past the last visible row scroll the settings list."""
        current = self.focused
        rows = self.row_controls
        if current in rows:
            index = getattr(current, "row_index", 0)
            edge = (delta > 0 and current is rows[-1]) or (delta < 0 and current is rows[0])
            target = index + delta
            if edge and 0 <= target < len(self._rows()):
                self._focus_row = target
                self.relayout(self.size)
                self._focus_row = None
                self.set_focus(next(w for w in self.row_controls if getattr(w, "row_index", -1) == target))
                return
        super().move_focus(delta)
