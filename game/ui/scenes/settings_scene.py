"""Settings: volumes, window size and fullscreen, UI scale, audio output, and the key bindings.

Every change is applied at once and saved (atomically) through `App.apply_settings`."""

from __future__ import annotations

import dataclasses

import pygame

from game.ui.frame.settings import ACTIONS, AUDIO_BACKENDS, FIXED_KEYS, UI_SCALES, WINDOW_SIZES, Settings
from game.ui.look import theme
from game.ui.scenes.common import FilmScene
from game.ui.widgets.button import Button
from game.ui.widgets.controls import Choice, Slider, Toggle
from game.ui.widgets.label import Label, TextBlock
from game.ui.widgets.listview import ListView
from game.ui.widgets.panel import Panel

BACKEND_LABELS = {"auto": "Automatic", "sounddevice": "PortAudio (sounddevice)", "pygame": "pygame mixer", "silent": "Silent"}


class SettingsScene(FilmScene):
    """Left: sound, window, interface. Right: key bindings (Enter or double-click a row, then press a key)."""

    name = "settings"
    title = "Settings"
    subtitle = "Changes take effect at once and are kept for next time."
    hint = "Esc back  ·  Tab / ↑↓ move  ·  ←→ change  ·  Enter on a key binding to change it"

    def __init__(self) -> None:
        super().__init__()
        self.rebinding: str | None = None

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
    def build(self) -> None:
        s = self.settings
        w, h = self.size
        m = theme.px(theme.MARGIN)
        g = theme.px(24)
        top = self.content_top()
        bottom = h - theme.px(52)
        left_w = round((w - 2 * m - g) * 0.52)
        lp = self.add(Panel((m, top, left_w, bottom - top), "Sound, window and interface"))
        inner = lp.inner
        label_w = round(inner.width * 0.36)
        ctl = pygame.Rect(inner.left + label_w, 0, inner.width - label_w, theme.px(40))
        row_h = theme.px(52)
        y = inner.top + theme.px(6)

        def row(text: str, widget: object, tip: str) -> None:
            nonlocal y
            self.add(Label(text, (inner.left, y, label_w - theme.px(8), theme.px(40)), "ui", theme.SIZE_BODY, theme.BONE, tooltip=tip))
            ctl.top = y
            widget.rect = ctl.copy()  # type: ignore[attr-defined]
            widget.tooltip = tip  # type: ignore[attr-defined]
            self.add(widget)  # type: ignore[arg-type]
            y += row_h

        row("Music volume", Slider(value=s.music_volume, on_change=lambda v: self.change(music_volume=v)), "Loudness of records and music.")
        row("Effects volume", Slider(value=s.effects_volume, on_change=lambda v: self.change(effects_volume=v)), "Loudness of clicks, whistles and footsteps.")
        sizes = list(WINDOW_SIZES)
        if tuple(s.window_size) not in sizes:
            sizes.append(tuple(s.window_size))
        row("Window size", Choice(options=[(sz, f"{sz[0]} × {sz[1]}") for sz in sizes], value=tuple(s.window_size),
                                  on_change=lambda v: self.change(window_size=v)), "The size of the game window.")
        row("Fullscreen", Toggle(value=s.fullscreen, on_change=lambda v: self.change(fullscreen=v)), "Fill the whole screen.")
        row("UI scale", Choice(options=[(v, f"{round(v * 100)} %") for v in UI_SCALES], value=s.ui_scale, wrap=False,
                               on_change=lambda v: self.change(ui_scale=v)), "Make text and controls larger or smaller.")
        row("Audio output", Choice(options=[(b, BACKEND_LABELS[b]) for b in AUDIO_BACKENDS], value=s.audio_backend,
                                   on_change=lambda v: self.change(audio_backend=v)),
            "Automatic uses PortAudio if present, then pygame's mixer, else stays silent. Takes effect on restart.")
        self.add(TextBlock(f"Saved to {self.app.settings_file if self.app else ''}", (inner.left, inner.bottom - theme.px(40), inner.width, theme.px(40)),
                           "ui", theme.SIZE_SMALL - 1, theme.BONE_DIM))

        rx = m + left_w + g
        rp = self.add(Panel((rx, top, w - m - rx, bottom - top), "Keys"))
        inner = rp.inner
        rows = []
        for action, (label, _default) in ACTIONS.items():
            key = "press a key…" if action == self.rebinding else s.key_bindings.get(action, "").upper()
            rows.append((label, key))
        bh = theme.px(40)
        fixed_h = theme.px(26) * 2
        self.keys = self.add(ListView((inner.left, inner.top, inner.width, inner.height - bh - fixed_h - theme.px(16)), rows,
                                      columns=(2, 1), header=("Action", "Key"), on_activate=self.start_rebind, row_height=30, size=16,
                                      tooltip="Enter or double-click, then press the new key (Esc cancels)."))
        if self.rebinding is not None:
            self.keys.select(list(ACTIONS).index(self.rebinding), notify=False)
            self.set_focus(self.keys)
        fixed = "  ·  ".join(f"{k.upper()}: {label}" for label, k in FIXED_KEYS.items())
        self.add(TextBlock("Always: " + fixed, (inner.left, inner.bottom - bh - fixed_h - theme.px(6), inner.width, fixed_h),
                           "ui", theme.SIZE_SMALL - 1, theme.BONE_DIM, 1.2))
        half = (inner.width - theme.px(10)) // 2
        self.add(Button("Reset keys", self.reset_keys, (inner.left, inner.bottom - bh, half, bh), tooltip="Put every key back to its default."))
        self.add(Button("Back", self.back, (inner.right - half, inner.bottom - bh, half, bh), style="primary", tooltip="Back to the menu."))
