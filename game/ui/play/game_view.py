"""The game view: the city map with your bootlegger, what you can see, the plan for tonight, the HUD and
End Turn; then the evening played back step by step, the newspaper, and on to the next evening.

No rules here: it draws `session.view(seat)` and the engine's previews, and turns clicks into `Orders` for
`session.submit`. The frame is cheap: a cached chrome layer (top bar and side panel, repainted when the view or
the plan changes), the map's cached fogged layer, and small sprites.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.core.commands import Orders
from game.core.encounter import Encounter
from game.core.preview import actions_at
from game.core.report import TurnEvent
from game.core.view import PlayerView
from game.ui.files import saves
from game.ui.frame.scene import Scene
from game.ui.look import paint, theme
from game.ui.look.text import render
from game.ui.play.action_menu import ActionMenu, MenuItem
from game.ui.play.hud import HEAT_DANGER, Hotspot, paint_lines, paint_section_title, paint_top_bar
from game.ui.play.lan import LanTable
from game.ui.play.map_view import MapView
from game.ui.play.plan import STANCES, Plan, describe_action
from game.ui.play.playback import ENCOUNTER_KINDS, TurnPlayback
from game.ui.scenes.dialog import Dialog
from game.ui.widgets.button import Button
from game.ui.widgets.progress import ProgressBar
from game.ui.widgets.tooltip import draw_tooltip

TOP_H = 62
SIDE_W = 300
PAN_STEP_TILES = 3
SITE_WORDS = {
    "hospital": "hospital: scavenge X-ray films from the archive",
    "market": "market: sell records",
    "buyer": "buyer: sells records at a good price",
    "dance_hall": "dance hall: high demand, Komsomol brigades about",
    "workshop": "workshop: cut records, install parts",
    "contact": "contact: masters and lathe parts",
    "militia_station": "militia station: patrols start here; inform on a rival",
}
UNIT_WORDS = {
    "bootlegger": "A rival bootlegger",
    "militia": "Militia foot patrol: stops and may arrest anyone it sees carrying records",
    "komsomol": "Komsomol brigade: confiscates and fines, never arrests",
    "informer": "Informer: reports what he sees to the militia (raises your heat)",
}
STANCE_WORDS = {"bribe": "offer a bribe", "run": "run for it", "surrender": "hand the records over"}


def _encounter_tips(view: PlayerView) -> dict[str, str]:
    """Tooltips for the three stances with the chances from game.core.encounter at your heat and load."""
    me = view.player
    enc = {s: Encounter("militia", me.heat, me.contraband, False, view.patrol_pressure, me.money, s) for s, _ in STANCES}
    run, bribe, give = enc["run"], enc["bribe"], enc["surrender"]
    return {
        "run": (f"Run: you slip away with {run.slip_chance():.0%} (more in a courtyard). If caught, the militia arrest you "
                f"with {run.arrest_chance(True):.0%}, else take your records and fine you."),
        "bribe": (f"Bribe: they ask about {bribe.bribe_asked() // 100} rub and take it with {bribe.bribe_chance():.0%} "
                  f"(half that from a Komsomol brigade). Refused: arrest {bribe.arrest_chance(True):.0%}, else confiscation."),
        "surrender": (f"Hand over: you lose the records you carry and pay a fine of {give.fine() // 100} rub; arrest only at "
                      f"heat above 60 (now {give.arrest_chance(False):.0%})."),
    }


def _stance_labels(view: PlayerView) -> dict[str, str]:
    """Stance buttons with their main chance against a militia patrol now."""
    me = view.player
    enc = {s: Encounter("militia", me.heat, me.contraband, False, view.patrol_pressure, me.money, s) for s, _ in STANCES}
    return {
        "bribe": f"Bribe  ·  ~{enc['bribe'].bribe_asked() // 100} rub, taken {enc['bribe'].bribe_chance():.0%}",
        "run": f"Run  ·  slip away {enc['run'].slip_chance():.0%}",
        "surrender": f"Hand over  ·  fine {enc['surrender'].fine() // 100} rub",
    }


class GameViewScene(Scene):
    """One seat's game. `show_intro` shows the level's briefing (and the tutorial on first play) on entry."""

    name = "game"

    def __init__(self, session: Any, seat: int = 0, show_intro: bool = True) -> None:
        super().__init__()
        self.session, self.seat = session, seat
        self.world = session.world
        self.view: PlayerView = session.view(seat)
        self.plan = Plan()
        self.map: MapView | None = None
        self.playback: TurnPlayback | None = None
        self.after_view: PlayerView | None = None
        self.turn_events: list[TurnEvent] = []
        self.show_intro = show_intro
        self.hover_tile: tuple[int, int] | None = None
        self._drag: tuple[int, int] | None = None
        self._press_on_map = False
        self._chrome: pygame.Surface | None = None
        self._zones: list[tuple[pygame.Rect, str]] = []
        self._t = 0.0
        self._centred = False
        self._version = 0
        self._frame: pygame.Surface | None = None
        self._frame_key: tuple | None = None
        self.lan: LanTable | None = LanTable(session) if getattr(session, "remote", False) else None

    # ------------------------------------------------------------ life cycle
    def on_enter(self) -> None:
        if self.show_intro and self.app is not None:
            from game.ui.scenes.briefing import BriefingScene

            self.app.push(BriefingScene(self.world.level, on_close=self._maybe_tutorial))

    def _maybe_tutorial(self) -> None:
        if self.app is not None and self.app.settings.first_run:
            self.open_tutorial()

    def relayout(self, size: tuple[int, int]) -> None:
        self._version += 1  # the composed still frame is out of date
        super().relayout(size)
        self.set_focus(None)

    @property
    def map_rect(self) -> pygame.Rect:
        w, h = self.size
        return pygame.Rect(0, theme.px(TOP_H), w - theme.px(SIDE_W), h - theme.px(TOP_H))

    def build(self) -> None:
        rect = self.map_rect
        if self.map is None:
            self.map = MapView(self.world, rect, tile=theme.px(30))
            self.map.fit_small()
        else:
            self.map.rect = rect
        self.map.set_visible(self.view.visible)
        if not self._centred:
            self.map.centre_on(self.view.player.pos)
            self._centred = True
        self.map.clamp()
        self._chrome = None
        self._paint_chrome()
        for zone, tip in self._zones[:-1]:
            self.add(Hotspot(zone, tip))
        heat_zone, heat_tip = self._zones[-1]
        bar = pygame.Rect(heat_zone.left + theme.px(4), heat_zone.top + theme.px(15), heat_zone.width - theme.px(8), theme.px(20))
        self.heat_bar = self.add(ProgressBar(bar, self.view.player.heat / 100, f"{self.view.player.heat}", danger_at=HEAT_DANGER / 100,
                                             tooltip=heat_tip))
        self._build_side()

    def _build_side(self) -> None:
        w, h = self.size
        pad = theme.px(14)
        x0 = w - theme.px(SIDE_W) + pad
        inner_w = theme.px(SIDE_W) - 2 * pad
        bh = theme.px(34)
        me = self.view.player
        y = self._orders_bottom
        half = (inner_w - theme.px(8)) // 2
        self.action_button = self.add(Button("Action…", self.open_action_menu, (x0, y, half, bh), size=theme.SIZE_SMALL + 1,
                                             tooltip="Choose what to do when you arrive (the site's panel or a short list)."))
        self.clear_button = self.add(Button("Clear", self.clear_plan, (x0 + half + theme.px(8), y, half, bh), size=theme.SIZE_SMALL + 1,
                                            tooltip="Forget the planned walk and action: stay where you are tonight."))
        self.action_button.enabled = self.clear_button.enabled = self.plan.target is not None and me.free
        y = self._stance_top
        tips = _encounter_tips(self.view)
        labels = _stance_labels(self.view)
        self.stance_buttons: dict[str, Button] = {}
        sh = theme.px(30)
        for i, (stance, _label) in enumerate(STANCES):
            style = "primary" if self.plan.stance == stance else "film"
            self.stance_buttons[stance] = self.add(Button(labels[stance], lambda s=stance: self.set_stance(s),
                                                          (x0, y + i * (sh + theme.px(5)), inner_w, sh), tooltip=tips[stance],
                                                          style=style, size=theme.SIZE_SMALL, align="left"))
        # the bottom: tools, then End Turn
        eh = theme.px(50)
        ey = h - pad - eh
        label = "End turn  ›" if me.free else "Wait an evening  ›"
        self.end_button = self.add(Button(label, self.end_turn, (x0, ey, inner_w, eh), style="primary",
                                          tooltip="Give your orders and let the evening play out (Enter)."))
        tools = [("Booth", self.open_booth, "The listening booth: hear your masters and records through your lathe (B)."),
                 ("Centre", self.centre, "Centre the map on your bootlegger (C)."),
                 ("Help", self.open_help, "The rules in short, with the formulas, and the tutorial again (F1)."),
                 ("Save", self.open_save, "Save the game into a slot (F5 saves quickly into slot 1)."),
                 ("Load", self.open_load, "Load a saved game or the autosave."),
                 ("Menu", self.back, "Pause: resume, or go back to the main menu (Esc).")]
        tw = (inner_w - 2 * theme.px(6)) // 3
        th = theme.px(32)
        self.tool_buttons: dict[str, Button] = {}
        for i, (lbl, cb, tip) in enumerate(tools):
            row, col = divmod(i, 3)
            r = (x0 + col * (tw + theme.px(6)), ey - theme.px(10) - (2 - row) * (th + theme.px(6)), tw, th)
            self.tool_buttons[lbl] = self.add(Button(lbl, cb, r, tooltip=tip, size=theme.SIZE_SMALL))
        if self.lan is not None:  # the host saves a LAN game after every evening
            self.tool_buttons["Save"].enabled = self.tool_buttons["Load"].enabled = False
            self.end_button.enabled = not self.lan.waiting
            if self.lan.waiting:
                self.end_button.label = "Waiting…"

    # ------------------------------------------------------------ chrome (top bar + side panel), cached
    def _paint_chrome(self) -> None:
        w, h = self.size
        chrome = pygame.Surface((w, h))
        chrome.fill(theme.FILM_BLACK)
        top = pygame.Rect(0, 0, w, theme.px(TOP_H))
        self._zones = []
        zones = paint_top_bar(chrome, top, self.world, self.view)
        side = pygame.Rect(w - theme.px(SIDE_W), top.bottom, theme.px(SIDE_W), h - top.bottom)
        chrome.blit(paint.film_backdrop(side.size, (0.5, 0.2)), side.topleft)
        chrome.blit(paint.film_panel(side.size, 120), side.topleft)
        pad = theme.px(14)
        x, width = side.left + pad, side.width - 2 * pad
        y = paint_section_title(chrome, "Tonight", x, side.top + theme.px(10), width)
        lines, tips = self._orders_lines()
        rows = paint_lines(chrome, lines, x, y, width)
        self._zones.extend((r, t) for r, t in zip(rows, tips, strict=False) if t)
        self._orders_bottom = max(y + theme.px(4) * 0 + 4 * (theme.font("ui", theme.SIZE_SMALL).get_linesize() + theme.px(3)),
                                  rows[-1].bottom if rows else y) + theme.px(6)
        y = self._orders_bottom + theme.px(34 + 12)
        y = paint_section_title(chrome, "If a patrol stops you", x, y, width)
        self._stance_top = y
        y += 3 * theme.px(35) + theme.px(10)
        y = paint_section_title(chrome, "Rivals (what the street says)", x, y, width)
        bottom_limit = h - pad - theme.px(50) - theme.px(10) - 2 * theme.px(38) - theme.px(6)
        rival_lines = []
        rival_tips = []
        for r in self.view.rivals:
            state = "free" if r.free else "in custody"
            rival_lines.append((r.name, f"rep {r.reputation} · {state}", theme.BONE if r.free else theme.BONE_DIM))
            rival_tips.append(f"{r.name}: reputation {r.reputation}, {state}, arrested {r.arrests} time(s).")
        step = theme.font("ui", theme.SIZE_SMALL).get_linesize() + theme.px(3)
        room = max(0, (bottom_limit - y) // step)
        if len(rival_lines) > room:
            rival_lines = rival_lines[: max(0, room - 1)] + [(f"… and {len(self.view.rivals) - room + 1} more", "", theme.BONE_DIM)]
        rows = paint_lines(chrome, rival_lines, x, y, width)
        self._zones.extend((r, t) for r, t in zip(rows, rival_tips, strict=False))
        self._zones.extend(zones[:-1])
        self._zones.append(zones[-1])  # the heat bar's slot stays last
        self._chrome = chrome.convert() if pygame.display.get_surface() is not None else chrome
        self._side_rect = side
        self._top_rect = top

    def _orders_lines(self) -> tuple[list[tuple[str, str, theme.Color]], list[str]]:
        me = self.view.player
        plan = self.plan
        if not me.free:
            return ([(f"In custody: {me.sentence} evening{'s' if me.sentence != 1 else ''} left", "", theme.RED),
                     ("The evenings pass without you.", "", theme.BONE_DIM),
                     ("End Turn waits one evening.", "", theme.BONE_DIM)],
                    ["You were sentenced; you walk home to your workshop when it is served.", "", ""])
        if plan.target is None:
            return ([("Click a place on the map to plan", "", theme.BONE_DIM),
                     ("tonight's walk; then choose what to do", "", theme.BONE_DIM),
                     ("there. Or just end the turn.", "", theme.BONE_DIM)], ["", "", ""])
        site = self.world.site_at(plan.target)
        where = site.name if site is not None else f"street corner ({plan.target[0]}, {plan.target[1]})"
        allowance = self.world.level.rules.move_allowance
        ev = plan.evenings(allowance)
        arrive = "tonight" if ev <= 1 else f"in {ev} evenings"
        action = describe_action(self.world, self.view, plan.action, site.id if site else None) if plan.action is not None else "nothing (just walk)"
        lines = [(f"To: {where}", "", theme.BONE), (f"Do: {action}", "", theme.GLOW if plan.action else theme.BONE_DIM),
                 (f"Arrive {arrive}", f"{len(plan.tonight)}/{allowance} tiles", theme.BONE)]
        tips = [f"Destination: {where}.", "The action happens when you arrive, after the walk.",
                f"You walk up to {allowance} tiles an evening; further destinations take several evenings."]
        seen = sum(plan.watched)
        if plan.refusal:
            lines.append((f"Refused: {plan.refusal}", "", theme.RED))
            tips.append(f"The engine refuses these orders: {plan.refusal}.")
        elif seen:
            lines.append((f"{seen} tile{'s' if seen != 1 else ''} a known patrol can see", "", theme.RED))
            tips.append("Red tiles on the path: a patrol you can see now could see you there (patrols move, so it is a warning).")
        else:
            lines.append(("No patrol you know can see the path", "", theme.GREEN))
            tips.append("No patrol you can see now watches tonight's path (informers stay hidden until spotted).")
        return lines, tips

    # ------------------------------------------------------------ orders
    def _submit(self, quiet: bool = False) -> None:
        if not self.view.player.free or self.session.over or (self.lan is not None and self.lan.waiting):
            self.plan.refusal = None
            return
        reason = self.session.submit(self.seat, self.plan.orders())
        self.plan.refusal = reason
        if reason and not quiet and self.app is not None:
            self.app.notify(f"Not possible: {reason}.", "warning")

    def set_stance(self, stance: str) -> None:
        self.plan.stance = stance
        self._submit(quiet=True)
        self.relayout(self.size)

    def clear_plan(self) -> None:
        self.plan.clear()
        self._submit(quiet=True)
        self.relayout(self.size)

    def choose_action(self, action: Any) -> None:
        """Set the action to do at the destination (called by the site panel or the action menu)."""
        self.plan.action = action
        self._submit()
        self.relayout(self.size)

    def plan_to(self, tile: tuple[int, int], menu: bool = True) -> None:
        """Plan the walk to `tile` and offer the actions there."""
        me = self.view.player
        if self.app is None:
            return
        if not me.free:
            self.app.notify(f"You are in custody: {me.sentence} evenings left.", "warning")
            return
        if not self.world.city.is_walkable(tile):
            kind = self.world.city.kind(tile)
            self.app.notify(f"You cannot walk into {'the water' if kind == 'water' else 'a building'}.", "info", 2.5)
            return
        self.plan.target = tile
        self.plan.action = None
        self.plan.route(self.world, self.view)
        if self.plan.target is None:
            self.app.notify("There is no way to walk there.", "warning", 3.0)
        self._submit(quiet=True)
        self.relayout(self.size)
        if menu and self.plan.target is not None:
            self.open_action_menu()

    def open_action_menu(self) -> None:
        """The small menu at the end of the path: the site's panel, the quick actions, or just walking."""
        if self.app is None or self.plan.target is None or self.map is None:
            return
        tile = self.plan.target
        site = self.world.site_at(tile)
        items: list[MenuItem] = []
        if site is not None and site.id in self.view.sites:
            items.append((f"Open {site.name}…", lambda: self.open_site(site.id), "See what is on offer here and choose in full."))
        for action in actions_at(self.world, self.view, tile)[:6]:
            label = describe_action(self.world, self.view, action, site.id if site else None)
            items.append((label, lambda a=action: self.choose_action(a), "Do this when you arrive."))
        items.append(("Just walk there", lambda: self.choose_action(None), "Walk there and do nothing else tonight."))
        title = site.name if site is not None else f"Street corner ({tile[0]}, {tile[1]})"
        self.app.push(ActionMenu(title, items, self.map.to_screen(tile)))

    def open_site(self, site_id: str) -> None:
        """The site's panel (from the panels package), or a plain list of the engine's actions there."""
        assert self.app is not None
        try:
            from game.ui.scenes.panels import open_site_panel
        except ImportError:
            open_site_panel = None
        if open_site_panel is not None:
            open_site_panel(self.app, self.session, self.seat, site_id, self.choose_action)
            return
        site = self.world.sites[site_id]
        tile = (site.at[0], site.at[1])
        items: list[MenuItem] = [(describe_action(self.world, self.view, a, site_id), lambda a=a: self.choose_action(a), "")
                                 for a in actions_at(self.world, self.view, tile)]
        self.app.push(ActionMenu(site.name, items, self.map.to_screen(tile) if self.map else (0, 0)))

    # ------------------------------------------------------------ the turn
    def end_turn(self) -> None:
        """Submit tonight's orders, resolve the turn, and start the playback."""
        if self.app is None or self.playback is not None:
            return
        if self.session.over:
            self.show_standings()
            return
        me = self.view.player
        orders = self.plan.orders() if me.free else Orders(stance=self.plan.stance)  # type: ignore[arg-type]
        reason = self.session.submit(self.seat, orders)
        if reason:
            self.app.notify(f"Orders refused ({reason}); you stay put tonight.", "warning")
            self.session.submit(self.seat, Orders(stance=self.plan.stance))  # type: ignore[arg-type]
        self.session.end_turn()
        if self.lan is not None:  # "I am ready": the host resolves the evening when everyone is
            self.relayout(self.size)
            return
        self._play_back()

    def _play_back(self) -> None:
        """Play back the evening just resolved, from where everyone stood in the view before it."""
        me = self.view.player
        start: dict[str, tuple[int, int]] = {u.id: u.pos for u in self.view.units}
        if me.free:
            start[f"p{self.seat}"] = me.pos
        report = self.session.report(self.seat)
        self.after_view = self.session.view(self.seat)
        self.autosave()
        assert report is not None
        self.turn_events = list(report.events)
        self.playback = TurnPlayback(report, start)
        self._kinds = {u.id: u.kind for u in self.view.units}
        self._kinds.update({uid: kind for uid, (kind, _sight) in report.units.items()})
        self._sights = {uid: sight for uid, (_kind, sight) in report.units.items() if sight}
        self.end_button.enabled = False

    def autosave(self) -> None:
        if self.lan is not None:
            return
        try:
            saves.save(self.session, saves.AUTOSAVE)
        except OSError as exc:
            if self.app is not None:
                self.app.notify(f"Autosave failed: {exc.strerror or exc}", "danger")

    def skip_playback(self) -> None:
        if self.playback is not None:
            self._fire(self.playback.skip())

    def _fire(self, events: list[TurnEvent]) -> None:
        for event in events:
            if event.kind in ENCOUNTER_KINDS and self.app is not None:
                stance = STANCE_WORDS.get(self.plan.stance, self.plan.stance)
                who = "A Komsomol brigade" if "Komsomol" in event.text else "A militia patrol"
                outcome = {"slipped": "You got away.", "bribed": "They took the money.", "confiscated": "Your records are gone.",
                           "arrested": "You are under arrest."}[event.kind]
                msg = f"{who} stops you in the street. You had decided to {stance}.\n\n{event.text}\n\n{outcome}"
                title = "Arrested!" if event.kind == "arrested" else "Stopped!"
                playback = self.playback
                self.app.push(Dialog(title, msg, [("Go on", playback.resume if playback else None)], width=600))

    def _finish_playback(self) -> None:
        self.playback = None
        self.view = self.after_view or self.session.view(self.seat)
        me = self.view.player
        if self.plan.target is not None and (me.pos == self.plan.target or not me.free):
            self.plan.clear()
        self.plan.route(self.world, self.view)
        self._submit(quiet=True)
        self.relayout(self.size)
        if self.map is not None and me.free and not self.map.on_screen(me.pos, -self.map.tile * 2):
            self.map.centre_on(me.pos)
        report = self.session.report(self.seat)
        if self.app is not None and report is not None:
            from game.ui.scenes.turn_report import report_scene

            self.app.push(report_scene(self.world, report, self.view, self.seat, self._after_report))

    def _after_report(self) -> None:
        assert self.app is not None
        self.app.pop()
        arrest = next((e for e in self.turn_events if e.kind == "arrested" and e.player == self.seat), None)
        if arrest is not None:
            from game.ui.scenes.arrest import ArrestScene

            self.app.push(ArrestScene(self.view.player.sentence, arrest.text, self.world.level.calendar.start.year,
                                      on_close=self._after_arrest))
            return
        self._after_arrest()

    def _after_arrest(self) -> None:
        if self.session.over:
            self.show_standings()

    def show_standings(self) -> None:
        from game.ui.scenes.standings import StandingsScene

        assert self.app is not None
        self.app.push(StandingsScene(self.session, self.seat))

    # ------------------------------------------------------------ tools
    def centre(self) -> None:
        if self.map is not None:
            self.map.centre_on(self.view.player.pos)

    def open_booth(self) -> None:
        assert self.app is not None
        try:
            from game.ui.scenes.booth import BoothScene
        except ImportError:
            self.app.notify("The listening booth is not installed.", "warning")
            return
        self.app.push(BoothScene(self.app, self.session, self.seat))

    def open_help(self) -> None:
        from game.ui.scenes.help import HelpScene

        assert self.app is not None
        self.app.push(HelpScene(self.world.level, on_tutorial=self.open_tutorial))

    def open_tutorial(self) -> None:
        from game.ui.play.tutorial import TutorialOverlay

        assert self.app is not None
        self.app.push(TutorialOverlay(self))

    def open_save(self) -> None:
        from game.ui.scenes.save_load import SaveLoadScene

        assert self.app is not None
        if self.lan is not None:
            self.app.notify("The host saves a LAN game after every evening.", "info", 3.0)
            return
        self.app.push(SaveLoadScene("save", self.session))

    def open_load(self) -> None:
        from game.ui.scenes.save_load import SaveLoadScene

        assert self.app is not None
        if self.lan is not None:
            self.app.notify("The host saves a LAN game after every evening.", "info", 3.0)
            return
        self.app.push(SaveLoadScene("load"))

    def quick_save(self) -> None:
        assert self.app is not None
        if self.lan is not None:
            self.app.notify("The host saves a LAN game after every evening.", "info", 3.0)
            return
        try:
            saves.save(self.session, "slot1")
            self.app.notify("Saved into slot 1.", "info", 2.5)
        except OSError as exc:
            self.app.notify(f"Could not save: {exc.strerror or exc}", "danger")

    def back(self) -> None:
        """Esc: the pause card."""
        if self.app is None:
            return
        if self.lan is not None:
            self.app.push(Dialog("Menu", "The game goes on without you while you are away; the host keeps your seat "
                                 "for a while, then the AI plays it. Join again to take it back.",
                                 [("Resume", None), ("Leave the game", self.quit_to_menu)]))
            return
        self.app.push(Dialog("Paused", "The city waits. Your game is autosaved after every evening.",
                             [("Resume", None), ("Save and quit", self._save_and_quit), ("Quit to menu", self.quit_to_menu)]))

    def _save_and_quit(self) -> None:
        self.quick_save()
        self.quit_to_menu()

    def quit_to_menu(self) -> None:
        from game.ui.scenes.menu import MenuScene

        assert self.app is not None
        if self.lan is not None:
            self.session.leave()
        self.app.pop_to(MenuScene)
        if not isinstance(self.app.top, MenuScene):
            self.app.replace(MenuScene())

    # ------------------------------------------------------------ input
    def _binding(self, event: pygame.event.Event) -> str | None:
        if self.app is None:
            return None
        name = pygame.key.name(event.key)
        for action, key in self.app.settings.key_bindings.items():
            if key == name:
                return action
        return None

    def on_key(self, event: pygame.event.Event) -> bool:
        k = event.key
        if self.map is None:
            return False
        t = self.map.tile * PAN_STEP_TILES
        pans = {pygame.K_LEFT: (-t, 0), pygame.K_RIGHT: (t, 0), pygame.K_UP: (0, -t), pygame.K_DOWN: (0, t)}
        action = self._binding(event)
        if k in pans:
            self.map.pan(*pans[k])
            return True
        bound = {"pan_left": (-t, 0), "pan_right": (t, 0), "pan_up": (0, -t), "pan_down": (0, t)}
        if action in bound:
            self.map.pan(*bound[action])
            return True
        if action == "zoom_in" or k in (pygame.K_PLUS, pygame.K_KP_PLUS):
            self.map.zoom(1)
            return True
        if action == "zoom_out" or k in (pygame.K_MINUS, pygame.K_KP_MINUS):
            self.map.zoom(-1)
            return True
        if k in (pygame.K_RETURN, pygame.K_KP_ENTER) or action == "end_turn":
            self.end_turn()
            return True
        if k == pygame.K_c:
            self.centre()
            return True
        if action == "booth":
            self.open_booth()
            return True
        if action == "workshop":
            self.open_site(self.view.player.workshop)
            return True
        if action == "quick_save":
            self.quick_save()
            return True
        if action == "quick_load":
            self.open_load()
            return True
        if action == "codex" or k == pygame.K_F1:
            self.open_help()
            return True
        return False

    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.lan is not None and self.lan.handle_event(event):
            return True
        if self.playback is not None:
            if (event.type == pygame.KEYDOWN and event.key in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_KP_ENTER)) or \
                    (event.type == pygame.MOUSEBUTTONDOWN and event.button == 1):
                self.skip_playback()
                return True
            if event.type == pygame.MOUSEWHEEL and self.map is not None:
                self.map.zoom(1 if event.y > 0 else -1, self._mouse)
                return True
            return event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP)
        if self.map is None:
            return super().handle_event(event)
        if event.type == pygame.MOUSEMOTION:
            if self._drag is not None:
                self.map.pan(self._drag[0] - event.pos[0], self._drag[1] - event.pos[1])
                self._drag = event.pos
            self.hover_tile = self.map.tile_at(event.pos)
        if event.type == pygame.MOUSEWHEEL and self.map.rect.collidepoint(self._mouse):
            self.map.zoom(1 if event.y > 0 else -1, self._mouse)
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 3 and self.map.rect.collidepoint(event.pos):
            self._drag = event.pos
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 3:
            self._drag = None
            return True
        used = super().handle_event(event)
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._press_on_map = not used and self.map.rect.collidepoint(event.pos)
            return True if self._press_on_map else used
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            if isinstance(self.focused, Button):
                self.set_focus(None)  # keep Enter for End Turn after a mouse click
            if not used and self._press_on_map:
                self._press_on_map = False
                tile = self.map.tile_at(event.pos)
                if tile is not None:
                    self.plan_to(tile)
                return True
        return used

    # ------------------------------------------------------------ frame
    def update(self, dt: float) -> None:
        super().update(dt)
        self._t += dt
        if self.lan is not None and self.lan.poll(self.app, dt, busy=self.playback is not None):
            self._play_back()  # the host resolved the evening (everyone ready, or the timer ran out)
        if self.playback is not None:
            self._fire(self.playback.update(dt))
            if self.playback.done and self.app is not None and self.app.top is self:
                self._finish_playback()
        if self.app is not None and self.app.top is self and self.map is not None:
            keys = pygame.key.get_pressed()
            speed = self.map.tile * 14 * dt
            dx = (keys[pygame.K_RIGHT] or keys[pygame.K_d]) - (keys[pygame.K_LEFT] or keys[pygame.K_a])
            dy = (keys[pygame.K_DOWN] or keys[pygame.K_s]) - (keys[pygame.K_UP] or keys[pygame.K_w])
            if dx or dy:
                self.map.pan(dx * speed, dy * speed)

    def draw_background(self, surface: pygame.Surface) -> None:
        """Between turns the whole still picture (chrome, fogged map, sights, path, sites, units) is composed once
        into a screen-sized cache and a frame is one blit of it; during the playback it is drawn live."""
        m = self.map
        if self._chrome is None:
            self._paint_chrome()
        assert m is not None
        key = (self._version, round(m.cam[0]), round(m.cam[1]), m.tile, id(m.visible), surface.get_size(),
               self.playback is not None)
        if self._frame is None or self._frame_key != key:
            if self._frame is None or self._frame.get_size() != surface.get_size():
                frame = pygame.Surface(surface.get_size())
                self._frame = frame.convert() if pygame.display.get_surface() is not None else frame
            if self.playback is not None:
                self._compose_still(self._frame)
            else:
                self._compose(self._frame)
            self._frame_key = key
        surface.blit(self._frame, (0, 0))
        if self.playback is not None:
            self._compose_moving(surface)
            return
        if self.app is not None and self.app.top is self and self.hover_tile is not None:
            clip = surface.get_clip()
            surface.set_clip(m.rect)
            m.draw_hover(surface, self.hover_tile, self.world.city.is_walkable(self.hover_tile))
            surface.set_clip(clip)

    def _compose_still(self, surface: pygame.Surface) -> None:
        """What does not move: the chrome and the fogged city (cached; the playback draws over it)."""
        m = self.map
        assert self._chrome is not None and m is not None
        surface.blit(self._chrome, self._top_rect.topleft, self._top_rect)
        surface.blit(self._chrome, self._side_rect.topleft, self._side_rect)
        clip = surface.get_clip()
        surface.set_clip(m.rect)
        m.draw_base(surface)
        surface.set_clip(clip)

    def _compose_moving(self, surface: pygame.Surface) -> None:
        """What moves (sights, path, sites, units), clipped to the map, over the still picture."""
        m = self.map
        assert m is not None
        clip = surface.get_clip()
        surface.set_clip(m.rect)
        self._draw_map_things(surface)
        surface.set_clip(clip)

    def _compose(self, surface: pygame.Surface) -> None:
        self._compose_still(surface)
        self._compose_moving(surface)

    def _draw_map_things(self, surface: pygame.Surface) -> None:
        """Sight areas, the planned path, sites and units (from the playback while one runs)."""
        m = self.map
        assert m is not None
        view = self.view
        pressure = view.patrol_pressure
        if self.playback is not None:
            pos = self.playback.positions()
            kinds = self._kinds
            me_id = f"p{self.seat}"
            sight = []
            tokens = []
            for uid, (x, y) in sorted(pos.items()):
                if uid == me_id:
                    continue
                kind = kinds.get(uid, "bootlegger")
                if uid in self._sights:
                    sight.append((x, y, self._sights[uid], kind))
                tokens.append((x, y, kind, False))
            m.draw_sight(surface, sight, pressure)
            m.draw_sites(surface, view.sites, view.player.workshop)
            if me_id in pos:
                tokens.append((*pos[me_id], "me", False))
            m.draw_units(surface, tokens)
            for tile, left, kind in self.playback.flashes:
                color = theme.RED if kind in ("arrested", "confiscated", "watched") else theme.AMBER
                m.draw_flash(surface, tile, 1 - left / 0.9, color)
        else:
            m.draw_sight(surface, [(u.pos[0], u.pos[1], u.sight, u.kind) for u in view.units if u.sight], pressure)
            if self.plan.target is not None and view.player.free:
                m.draw_path(surface, view.player.pos, self.plan.tonight, self.plan.later, self.plan.watched)
            m.draw_sites(surface, view.sites, view.player.workshop)
            tokens = [(float(u.pos[0]), float(u.pos[1]), u.kind, u.alert) for u in view.units]
            if view.player.free:
                tokens.append((float(view.player.pos[0]), float(view.player.pos[1]), "me", False))
            m.draw_units(surface, tokens)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        m = self.map
        if m is None:
            return
        if self.lan is not None:
            self.lan.draw(surface, m.rect, self.playback is not None)
        me = self.view.player
        if self.playback is not None:
            self._banner(surface, "The evening plays out…", "Space or click: skip", theme.GLOW)
        elif not me.free:
            self._banner(surface, f"In custody: {me.sentence} evening{'s' if me.sentence != 1 else ''} left",
                         "End Turn lets an evening pass", theme.RED)
        elif self.app is not None and self.app.top is self and self.hover_tile is not None and self._hover_widget is None:
            tip = self._map_tip(self.hover_tile)
            if tip and self._hover_time >= 0:
                draw_tooltip(surface, tip, self._mouse)

    def _banner(self, surface: pygame.Surface, text: str, sub: str, color: theme.Color) -> None:
        m = self.map
        assert m is not None
        img = render(text, "headline", 22, theme.BONE)
        sub_img = render(sub, "ui", theme.SIZE_SMALL, theme.BONE_DIM)
        w = max(img.get_width(), sub_img.get_width()) + theme.px(40)
        box = pygame.Rect(0, 0, w, img.get_height() + sub_img.get_height() + theme.px(18))
        box.midbottom = (m.rect.centerx, m.rect.bottom - theme.px(16))
        surface.blit(paint.dim(box.size, 215), box.topleft)
        pygame.draw.rect(surface, color, box, 2)
        surface.blit(img, (box.centerx - img.get_width() // 2, box.top + theme.px(6)))
        surface.blit(sub_img, (box.centerx - sub_img.get_width() // 2, box.top + theme.px(8) + img.get_height()))

    def _map_tip(self, tile: tuple[int, int]) -> str:
        """What the pointer rests on: a unit, a site, or nothing worth a note."""
        for u in self.view.units:
            if u.pos == tile:
                base = UNIT_WORDS.get(u.kind, u.kind)
                if u.kind != "bootlegger":
                    base += f"; sight {u.sight} tiles (half into courtyards)"
                return base + (" — on the alert, searching." if u.alert else ".")
        if tile == self.view.player.pos and self.view.player.free:
            return "You. Click a tile to plan tonight's walk."
        site = self.world.site_at(tile)
        if site is not None and site.id in self.view.sites:
            words = SITE_WORDS.get(site.kind, site.kind)
            if site.id == self.view.player.workshop:
                words = "your workshop: cut records, install parts (the lathe is here)"
            return f"{site.name} — {words}."
        return ""
