"""The Mods screen: every installed mod with its version, author and state; turn one on or off; read each
mod's errors in full (file, place, what is wrong and what to do). A mod with errors is not loaded."""

from __future__ import annotations

import pygame

from game.content.errors import Problem
from game.content.modload import LoadedMod
from game.content.modset import Installed
from game.ui.files import mods
from game.ui.look import theme
from game.ui.scenes.common import FilmScene
from game.ui.widgets.button import Button
from game.ui.widgets.controls import Toggle
from game.ui.widgets.label import Label, TextBlock
from game.ui.widgets.listview import ListView
from game.ui.widgets.panel import Panel


def state_word(mod: LoadedMod | None, enabled: bool) -> str:
    """`on`, `off`, or how many errors keep it from loading."""
    if mod is not None and mod.problems:
        return f"{len(mod.problems)} error{'s' if len(mod.problems) != 1 else ''}"
    return "on" if enabled else "off"


def contents(mod: LoadedMod) -> str:
    """What a mod adds, in a sentence."""
    parts = []
    for count, word in ((len(mod.levels), "skirmish level"), (len(mod.campaigns), "campaign"),
                        (len(mod.tracks), "track"), (len(mod.additions.parts), "lathe part"),
                        (len(mod.additions.films), "film kind"), (len(mod.additions.genres), "genre"),
                        (len(mod.additions.patrol_kinds), "patrol kind"), (len(mod.codex), "Codex note")):
        if count:
            parts.append(f"{count} {word}{'s' if count != 1 else ''}")
    text = ", ".join(parts) or "nothing the game can use yet"
    for campaign in mod.campaigns:
        chapters = ", ".join(c.level.name for c in campaign.chapters)
        text += f".\nCampaign '{campaign.campaign.name}': {chapters}"
    return text


def problem_text(problem: Problem) -> str:
    """A problem in full, for reading."""
    text = f"{problem.file}\n{problem.where}: {problem.message}"
    return text + (f"\nWhat to do: {problem.hint}" if problem.hint else "")


class ModsScene(FilmScene):
    """Left: the installed mods. Right: the selected mod, its switch, and its errors and warnings."""

    name = "mods"
    title = "Mods"
    subtitle = "Cities, campaigns, music and lathe parts that others have made."
    hint = "Esc back  ·  ↑↓ choose  ·  Space turn on/off  ·  R read the mods again"

    def __init__(self) -> None:
        super().__init__()
        self.index = 0
        self.problem_index = 0

    # ------------------------------------------------------------ state
    @property
    def installed(self) -> list[Installed]:
        return mods.current().installed

    @property
    def selected(self) -> Installed | None:
        return self.installed[self.index] if self.installed else None

    def status(self, mod_id: str) -> LoadedMod | None:
        return mods.current().status(mod_id)

    def enabled(self, mod_id: str) -> bool:
        return mod_id in mods.current().enabled

    def notes(self) -> list[Problem]:
        """Errors first, then warnings, of the selected mod (and of the mod set, such as a mod installed twice)."""
        chosen = self.selected
        if chosen is None:
            return []
        mod = self.status(chosen.id)
        own = [p for p in mods.current().problems if str(chosen.folder) in p.file]
        return own + (list(mod.problems) + list(mod.warnings) if mod else list(chosen.problems))

    def select(self, index: int) -> None:
        self.index, self.problem_index = index, 0
        self.relayout(self.size)

    def select_problem(self, index: int) -> None:
        self.problem_index = index
        self.relayout(self.size)

    def toggle(self, on: bool | None = None) -> None:
        """Turn the selected mod on or off (saved at once); the lists reload."""
        chosen = self.selected
        if chosen is None:
            return
        on = (not self.enabled(chosen.id)) if on is None else on
        mods.set_enabled(chosen.id, on)
        mod = self.status(chosen.id)
        if self.app is not None:
            if on and mod is not None and not mod.ok:
                self.app.notify(f"{chosen.id} is on but has errors, so it is not loaded", "warning")
            else:
                self.app.notify(f"{chosen.id} turned {'on' if on else 'off'}")
        self.relayout(self.size)

    def reread(self) -> None:
        mods.reload()
        self.index = min(self.index, max(0, len(self.installed) - 1))
        self.relayout(self.size)
        if self.app is not None:
            self.app.notify("Mods read again")

    # ------------------------------------------------------------ layout
    def build(self) -> None:
        w, h = self.size
        m = theme.px(theme.MARGIN)
        g = theme.px(20)
        top = self.content_top()
        bottom = h - theme.px(52)
        left_w = round((w - 2 * m) * 0.34)
        lp = self.add(Panel((m, top, left_w, bottom - top), "Installed"))
        rows = []
        for mod in self.installed:
            manifest = mod.manifest
            rows.append((manifest.name if manifest else mod.folder.name, manifest.version if manifest else "?",
                         state_word(self.status(mod.id), self.enabled(mod.id))))
        inner = lp.inner
        bh = theme.px(theme.BUTTON_H)
        list_rect = pygame.Rect(inner.left, inner.top, inner.width, inner.height - 2 * bh - theme.px(86))
        self.list = self.add(ListView(list_rect, rows, columns=(2.6, 0.8, 1.1), on_select=self.select,
                                      on_activate=lambda _i: self.toggle(), size=16,
                                      empty_text="No mods installed", tooltip="Enter turns the mod on or off."))
        if rows:
            self.list.select(self.index, notify=False)
        where = mods.failure() or f"Put a mod's folder into {mods.mods_folder()}, or make one with: python3 main.py newmod NAME"
        self.add(TextBlock(where, (inner.left, list_rect.bottom + theme.px(8), inner.width, theme.px(70)), "italic",
                           theme.SIZE_SMALL, theme.AMBER if mods.failure() else theme.BONE_DIM))
        self.add(Button("Read again", self.reread, (inner.left, inner.bottom - 2 * bh - theme.px(8), inner.width, bh),
                        tooltip="Look for mods and check them again (after you edited one)."))
        self.add(Button("Back", self.back, (inner.left, inner.bottom - bh, inner.width, bh), tooltip="Back to the main menu."))
        self._build_details(pygame.Rect(m + left_w + g, top, w - 2 * m - left_w - g, bottom - top))
        if self.focused is None or self.focus_index < 0:
            self.set_focus(self.list)

    def _build_details(self, rect: pygame.Rect) -> None:
        chosen = self.selected
        panel = self.add(Panel(rect, "The mod"))
        inner = panel.inner
        if chosen is None:
            self.add(TextBlock("A mod is a folder with a mod.json: new cities, campaigns, music, lathe parts and "
                               "patrols, written in JSON. MODDING.md shows how to make one.",
                               (inner.left, inner.top, inner.width, theme.px(120)), "serif", 17, theme.BONE))
            return
        manifest, mod = chosen.manifest, self.status(chosen.id)
        y = inner.top
        title = manifest.name if manifest else chosen.folder.name
        self.add(Label(title, (inner.left, y, inner.width - theme.px(190), theme.px(32)), "headline",
                       theme.SIZE_HEADING, theme.BONE))
        self.toggle_widget = self.add(Toggle((inner.right - theme.px(180), y, theme.px(180), theme.px(36)),
                                             self.enabled(chosen.id), self.toggle, ("Off", "On"),
                                             tooltip="Turn the mod on or off (kept for next time)."))
        y += theme.px(38)
        byline = f"version {manifest.version}" + (f"  ·  by {manifest.author}" if manifest.author else "") if manifest else ""
        self.add(Label(f"{chosen.id}  ·  {byline}  ·  {chosen.folder}", (inner.left, y, inner.width, theme.px(22)),
                       "ui", theme.SIZE_SMALL, theme.GLOW))
        y += theme.px(28)
        desc = manifest.description if manifest else "mod.json cannot be read."
        # the description gives way on a small screen: the problems list below keeps room for a few lines
        desc_h = max(theme.px(40), min(theme.px(110), inner.bottom - y - theme.px(6 + 56 + 30 + 10 + 150)))
        self.add(TextBlock(desc, (inner.left, y, inner.width, desc_h), "serif", 16, theme.BONE))
        y += desc_h + theme.px(6)
        if mod is not None and mod.manifest is not None:
            self.add(TextBlock("Adds " + contents(mod), (inner.left, y, inner.width, theme.px(48)), "ui",
                               theme.SIZE_SMALL, theme.BONE_DIM))
        y += theme.px(56)
        notes = self.notes()
        errors = sum(1 for p in notes if mod is None or p in mod.problems or p in chosen.problems)
        heading = (f"{errors} error{'s' if errors != 1 else ''}: not loaded" if errors else "No errors") + (
            f"  ·  {len(notes) - errors} warning{'s' if len(notes) - errors != 1 else ''}" if len(notes) > errors else "")
        self.add(Label(heading, (inner.left, y, inner.width, theme.px(24)), "ui_bold", theme.SIZE_BODY,
                       theme.AMBER if errors else theme.GLOW))
        y += theme.px(30)
        if not notes:
            return
        detail_h = max(theme.px(40), min(theme.px(120), (inner.bottom - y) // 2))
        rows = [("error" if i < errors else "warning", f"{p.file.rsplit('/', 1)[-1]}  {p.where}", p.message)
                for i, p in enumerate(notes)]
        self.problems = self.add(ListView((inner.left, y, inner.width, inner.bottom - y - detail_h - theme.px(10)), rows,
                                          columns=(0.7, 1.6, 3.2), on_select=self.select_problem, size=14, row_height=28,
                                          tooltip="Choose a line to read it in full below."))
        self.problems.select(min(self.problem_index, len(rows) - 1), notify=False)
        full = problem_text(notes[min(self.problem_index, len(notes) - 1)])
        self.add(TextBlock(full, (inner.left, inner.bottom - detail_h, inner.width, detail_h), "ui", theme.SIZE_SMALL,
                           theme.BONE))

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_SPACE:
            self.toggle()
            return True
        if event.key == pygame.K_r:
            self.reread()
            return True
        return False
