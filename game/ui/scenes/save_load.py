"""Save and Load: the slots (autosave, quick save and five of yours) with level, date, evening and when they were
written.

`SaveLoadScene("save", session)` writes the chosen slot, asking first when it holds a game; `SaveLoadScene("load")`
re-plays the chosen save and opens its game view. A damaged file is listed as damaged (with why) and gets a
message card with the file's own error text when opened, never a crash."""

from __future__ import annotations

from typing import Any

import pygame

from game.ui.files import saves
from game.ui.look import theme
from game.ui.scenes.common import FilmScene
from game.ui.scenes.dialog import Dialog, confirm
from game.ui.widgets.button import Button
from game.ui.widgets.label import TextBlock
from game.ui.widgets.listview import ListView
from game.ui.widgets.panel import Panel


class SaveLoadScene(FilmScene):
    """A table of slots and the Save/Load and Back buttons. Double-click or Enter acts on the selected slot."""

    name = "save_load"
    hint = "Esc back  ·  ↑↓ choose a slot  ·  Enter save / load"

    def __init__(self, mode: str, session: Any = None) -> None:
        super().__init__()
        self.mode = mode
        self.session = session
        self.title = "Save the game" if mode == "save" else "Load a game"
        self.subtitle = f"Saves live in {saves.saves_dir()}"
        self.selected = 1 if mode == "save" else 0
        self.infos: list[saves.SaveInfo] = []

    def _slots(self) -> list[saves.SaveInfo]:
        infos = saves.list_saves()
        return [i for i in infos if i.slot in saves.USER_SLOTS] if self.mode == "save" else infos

    def build(self) -> None:
        w, h = self.size
        m = theme.px(theme.MARGIN)
        top = self.content_top()
        self.infos = self._slots()
        pw = min(w - 2 * m, theme.px(980))
        ph = min(h - top - theme.px(140), (len(self.infos) + 1) * theme.px(theme.ROW_H) + theme.px(34 + 24))
        top += max(0, (h - theme.px(140) - top - ph) // 3)
        panel = self.add(Panel(((w - pw) // 2, top, pw, ph), "Slots"))
        rows = []
        for info in self.infos:
            if not info.exists:
                rows.append((saves.slot_title(info.slot), "— empty —", "", "", ""))
            elif info.error:
                rows.append((saves.slot_title(info.slot), info.error, "", "", info.modified))
            else:
                city = f"{info.level} · {info.difficulty} AI" if info.difficulty else info.level
                rows.append((saves.slot_title(info.slot), city, info.date, f"evening {info.turn + 1}", info.modified))
        self.list = self.add(ListView(panel.inner, rows, columns=(1.1, 2.6, 1.3, 1.1, 1.6), header=("Slot", "City", "Date", "Turn", "Saved"),
                                      on_select=self._select, on_activate=lambda _i: self.act(), size=17,
                                      tooltip="Choose a slot; double-click to " + ("save into it." if self.mode == "save" else "load it.")))
        self.selected = max(0, min(self.selected, len(rows) - 1))
        self.list.select(self.selected, notify=False)
        y = panel.rect.bottom + theme.px(14)
        note = ("Saving over a slot asks first. The game is also autosaved before every evening, and F5 quick-saves."
                if self.mode == "save" else "Loading re-plays the saved evenings and checks each one; it takes a moment.")
        bw, bh = theme.px(170), theme.px(theme.BUTTON_H)
        self.add(TextBlock(note, ((w - pw) // 2, y, pw - 2 * bw - theme.px(24), theme.px(50)), "italic", theme.SIZE_SMALL, theme.BONE_DIM))
        label = "Save here" if self.mode == "save" else "Load"
        self.act_button = self.add(Button(label, self.act, ((w + pw) // 2 - 2 * bw - theme.px(12), y, bw, bh), style="primary",
                                          tooltip="Save into the selected slot." if self.mode == "save" else "Continue the selected game."))
        self.add(Button("Back", self.back, ((w + pw) // 2 - bw, y, bw, bh), tooltip="Return without saving or loading (Esc)."))
        self._update_button()
        self.set_focus(self.list)

    def _select(self, index: int) -> None:
        self.selected = index
        self._update_button()

    def _update_button(self) -> None:
        if self.mode == "load" and self.infos:
            self.act_button.enabled = self.infos[self.selected].exists

    def act(self) -> None:
        if not self.infos or self.app is None:
            return
        info = self.infos[self.selected]
        if self.mode == "save":
            self.save_to(info.slot)
        else:
            self.load_from(info)

    def save_to(self, slot: str, confirmed: bool = False) -> None:
        """Write the game into `slot`; a slot that holds a game is only replaced after the player says so."""
        assert self.app is not None
        info = saves.read_info(slot)
        if info.exists and not confirmed:
            held = info.error or f"{info.level}, {info.date} (evening {info.turn + 1})"
            self.app.push(confirm(f"Save over {saves.slot_title(slot)}?", f"It holds {held}, saved {info.modified}. "
                                  "That game will be replaced by this one.", "Save over it",
                                  lambda: self.save_to(slot, confirmed=True), "Cancel"))
            return
        try:
            saves.save(self.session, slot)
        except OSError as exc:
            self.app.push(Dialog("Could not save", f"{saves.slot_path(slot)}: {exc.strerror or exc}"))
            return
        self.app.notify(f"Saved into {saves.slot_title(slot).lower()}.", "info", 3.0)
        self.app.pop()

    def load_from(self, info: saves.SaveInfo) -> None:
        assert self.app is not None
        if info.exists:
            self.open_save(self.app, info)

    @staticmethod
    def open_save(app: Any, info: saves.SaveInfo) -> bool:
        """Re-play the save in `info` and open its game view over the menu; a damaged save gets a message card
        (and the current scenes stay). Returns True when the game was opened."""
        try:
            session, seat = saves.load(info.path)
        except Exception as exc:  # noqa: BLE001 - any damage becomes a message, never a crash
            app.push(Dialog("This save cannot be opened", f"{exc}", width=720))
            return False
        from game.ui.play.game_view import GameViewScene
        from game.ui.scenes.menu import MenuScene

        app.pop_to(MenuScene)
        if not isinstance(app.top, MenuScene):
            app.replace(MenuScene())
        app.push(GameViewScene(session, seat, show_intro=False))
        app.notify(f"Loaded {saves.slot_title(info.slot).lower()}: {info.level}, {info.date}.", "info", 3.0)
        return True

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.act()
            return True
        return False
