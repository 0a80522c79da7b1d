"""The game view: the city map with your bootlegger, what you can see, the plan for tonight, the HUD and
End Turn; then the evening played back step by step, the newspaper with your ledger, and on to the next evening.

No rules here: it draws `session.world` and `session.view(seat)` (never the session's hidden state) and the
engine's previews, and turns clicks into `Orders` for `session.submit`. Sight areas are the tiles the engine's
line of sight gives each watcher you can see (`CityMap.visible_tiles`, the check patrols make).

Safe by design: Esc opens the pause card (Esc again resumes), quitting asks first, the game is autosaved before
the first evening and after every evening, F5/F9 quick-save and quick-load their own slot, changes to tonight's
plan can be undone, and End Turn with no orders asks first (a setting).

The frame is cheap: a cached chrome layer (top bar and side panel, repainted when the view or the plan changes),
the map's cached fogged layer, and small sprites."""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from typing import Any

import pygame

from game.core.commands import Orders
from game.core.encounter import Encounter, contraband_load
from game.core.grid import Point
from game.core.preview import actions_at, sight_radius, sight_tiles
from game.core.report import TurnEvent
from game.core.resolve import HEAT_DECAY, LIE_LOW_DECAY
from game.core.view import PlayerView, UnitSighting
from game.core.world import World
from game.ui.files import saves
from game.ui.frame.scene import Scene
from game.ui.look import paint, theme
from game.ui.look.text import render, with_full_text
from game.ui.play import goals as first_steps
from game.ui.play import stops, trading
from game.ui.play.action_menu import ActionMenu, MenuItem
from game.ui.play.describe import describe_action
from game.ui.play.errands import errand_at, errand_words
from game.ui.play.hud import Hotspot, heat_danger, line_step, paint_lines, paint_section_title, paint_top_bar
from game.ui.play.lan import LanTable
from game.ui.play.ledger import LedgerLine, evening_ledger
from game.ui.play.map_view import MapView
from game.ui.play.minimap import Minimap, minimap_size
from game.ui.play.plan import STANCES, Plan, PlanHistory
from game.ui.play.playback import ENCOUNTER_KINDS, TurnPlayback
from game.ui.scenes.campaign_goals import chapter_goals, show_objective
from game.ui.scenes.dialog import Dialog, confirm
from game.ui.sound import sfx
from game.ui.widgets.button import Button
from game.ui.widgets.goals import GoalTracker
from game.ui.widgets.progress import ProgressBar
from game.ui.widgets.tooltip import draw_tooltip

TOP_H = 62
SIDE_W = 300
PAN_STEP_TILES = 3
SIGHT_CACHE = 512
SITE_WORDS = {
    "hospital": "hospital: scavenge X-ray films from the archive",
    "market": "market: sell records",
    "buyer": "buyer: buys records, often at a good price",
    "dance_hall": "dance hall: high demand, Komsomol brigades about",
    "workshop": "workshop: cut records, install parts",
    "contact": "contact: masters and lathe parts",
    "militia_station": "militia station: patrols start here; inform on a rival",
}
UNIT_WORDS = {
    "bootlegger": "A rival bootlegger",
    "militia": "Militia foot patrol (diamond): stops and may arrest anyone it sees carrying records",
    "komsomol": "Komsomol brigade (square): confiscates and fines, never arrests",
    "informer": "Informer (triangle): reports what he sees to the militia (raises your heat)",
    "patrol": "A patrol you have not made out yet",
}
STANCE_WORDS = {"bribe": "offer a bribe", "run": "run for it", "surrender": "hand the records over"}
TOOLS: tuple[tuple[str, str, str, str | None], ...] = (
    # label, method, tooltip, bound action (its key is added to the tooltip)
    ("Booth", "open_booth", "The listening booth: hear your masters and records through your lathe.", "booth"),
    ("Centre", "centre", "Centre the map on your bootlegger.", "centre"),
    ("Help", "open_help", "The rules in short, with the engine's numbers, and the tutorial again.", "help"),
    ("Save", "open_save", "Save the game into one of five slots (asks before saving over one).", None),
    ("Load", "open_load", "Load a saved game, the quick save or the autosave.", None),
    ("Settings", "open_settings", "Volumes, window, UI size, keys, palette, how evenings are shown.", None),
)


def _encounters(world: World, view: PlayerView) -> dict[str, Encounter]:
    """The three stances against a militia patrol tonight, with your heat, money and load (`contraband_load`)."""
    me = view.player
    load = contraband_load(me.records, world.genres)
    return {s: Encounter("militia", me.heat, load, False, view.patrol_pressure, me.money, s) for s, _ in STANCES}


def _encounter_tips(world: World, view: PlayerView) -> dict[str, str]:
    """Tooltips for the three stances with the chances from game.core.encounter at your heat and load."""
    enc = _encounters(world, view)
    run, bribe, give = enc["run"], enc["bribe"], enc["surrender"]
    return {
        "run": (f"Run: you slip away with {run.slip_chance():.0%} (more in a courtyard). If caught, the militia arrest you "
                f"with {run.arrest_chance(True):.0%}, else take your records and fine you."),
        "bribe": (f"Bribe: they ask about {bribe.bribe_asked() // 100} rub and take it with {bribe.bribe_chance():.0%} "
                  f"(half that from a Komsomol brigade). Refused: arrest {bribe.arrest_chance(True):.0%}, else confiscation."),
        "surrender": (f"Hand over: you lose the records you carry and pay a fine of {give.fine() // 100} rub; arrest "
                      f"now {give.arrest_chance(False):.0%} (it rises with heat)."),
    }


def _stance_labels(world: World, view: PlayerView) -> dict[str, str]:
    """Stance buttons with their main chance against a militia patrol now."""
    enc = _encounters(world, view)
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
        self.history = PlanHistory()
        self.map: MapView | None = None
        self.playback: TurnPlayback | None = None
        self.after_view: PlayerView | None = None
        self.before_view: PlayerView | None = None
        self.turn_events: list[TurnEvent] = []
        self.ledger: list[LedgerLine] = []
        self.steps = first_steps.FirstSteps()
        self.steps.infer(self.view)
        self.show_intro = show_intro
        self.hover_tile: Point | None = None
        self._seen: dict[str, UnitSighting] = {u.id: u for u in self.view.units}  # what you know of each unit
        self._report_units: dict[str, tuple[str, int]] = {}
        self._sight: OrderedDict[tuple[Point, int, float], frozenset[Point]] = OrderedDict()
        self._drag: tuple[int, int] | None = None
        self._press_on_map = False
        self._chrome: pygame.Surface | None = None
        self._zones: list[tuple[pygame.Rect, str]] = []
        self._t = 0.0
        self._centred = False
        self._version = 0
        self._frame: pygame.Surface | None = None
        self._frame_key: tuple | None = None
        self.tracker: GoalTracker | None = None
        self.guide_folded = bool(self.steps.done) and self.view.chapter is None  # a started game: the current step
        self.minimap: Minimap | None = None
        self.lan: LanTable | None = LanTable(session) if getattr(session, "remote", False) else None

    # ------------------------------------------------------------ life cycle
    def on_enter(self) -> None:
        sfx.theme(self.app, False)
        if self.view.turn == 0 and not self.session.over:
            self.autosave()  # before the first evening: a key press can never lose the start
        if self.show_intro and self.app is not None:
            from game.ui.scenes.briefing import BriefingScene

            objectives = [o.text for o in self.view.chapter.objectives] if self.view.chapter is not None else None
            self.app.push(BriefingScene(self.world.level, on_close=self._maybe_tutorial, objectives=objectives))

    def on_resume(self) -> None:
        self.relayout(self.size)  # settings (palette, keys, guide) may have changed above us

    def _maybe_tutorial(self) -> None:
        if self.app is not None and self.app.settings.first_run and self.view.chapter is None:  # chapters guide
            self.open_tutorial()

    def relayout(self, size: tuple[int, int]) -> None:
        self._version += 1  # the composed still frame is out of date
        super().relayout(size)
        self.set_focus(None)  # Enter ends the turn, not the last button clicked

    @property
    def map_rect(self) -> pygame.Rect:
        w, h = self.size
        return pygame.Rect(0, theme.px(TOP_H), w - theme.px(SIDE_W), h - theme.px(TOP_H))

    def notice_area(self) -> pygame.Rect:
        area = self.map_rect
        if self.tracker is not None and self.tracker.visible:
            area.width -= self.tracker.rect.right - area.left
            area.left = self.tracker.rect.right
        return area

    def key_name(self, action: str) -> str:
        """The key bound to `action` now, as the player would write it ('F5', 'B')."""
        key = self.app.settings.key_bindings.get(action, "") if self.app is not None else ""
        return key.upper() if len(key) <= 3 else key.title()

    def build(self) -> None:
        rect = self.map_rect
        if self.map is None:
            self.map = MapView(self.world, rect, tile=theme.px(30))
            self.map.fit_small()
        else:
            self.map.rect = rect
        self.map.set_visible(self.view.visible)
        self.map.rival_sites = {site.id: site for site in self.view.rival_workshops}
        if not self._centred:
            self.map.centre_on(self.view.player.pos)
            self._centred = True
        self.map.clamp()
        self._chrome = None
        self._paint_chrome()
        for zone, tip in self._zones[:-1]:
            self.add(Hotspot(zone, tip))
        heat_zone, heat_tip = self._zones[-1]
        bar = pygame.Rect(heat_zone.left + theme.px(4), heat_zone.top + theme.px(28), heat_zone.width - theme.px(8), theme.px(20))
        me = self.view.player
        self.heat_bar = self.add(ProgressBar(bar, me.heat / 100, f"{me.heat}", danger_at=heat_danger(self.world) / 100,
                                             tooltip=heat_tip))
        self._build_side()
        self._build_map_widgets()

    def _build_map_widgets(self) -> None:
        m = self.map
        assert m is not None
        pad = theme.px(10)
        show_guide = self.app is not None and self.app.settings.guide and not self.steps.finished
        objectives = chapter_goals(self.world, self.view)  # a campaign chapter's objectives replace the guide
        self.tracker = None
        if show_guide or objectives:
            goals = objectives or self.steps.goals()
            w = min(theme.px(330 if objectives else 300), m.rect.width // 2)
            h = GoalTracker.height_for(len(goals), self.guide_folded)
            corners = [pygame.Rect(m.rect.left + pad, m.rect.top + pad, w, h),
                       pygame.Rect(m.rect.right - pad - w, m.rect.top + pad, w, h)]
            self.tracker = self.add(GoalTracker(min(corners, key=self._covered), "Objectives" if objectives else "First steps",
                                                goals, self.show_goal,
                                                "Click a step to have the walk there planned; click the title to fold.",
                                                self.guide_folded, self._fold_guide))
        self.minimap = None
        mw, mh = m.map_size
        if mw > m.rect.width or mh > m.rect.height:
            longest = min(theme.px(170), m.rect.height // 3, m.rect.width // 4)
            size = minimap_size(self.world, longest)
            corners = [pygame.Rect(m.rect.left + pad, m.rect.bottom - pad - size[1], *size),
                       pygame.Rect(m.rect.right - pad - size[0], m.rect.bottom - pad - size[1], *size)]
            self.minimap = self.add(Minimap(min(corners, key=self._covered), self.world, m, frozenset(self.view.visible),
                                            self.view.sites, self.view.player.pos if self.view.player.free else None))

    def _fold_guide(self, folded: bool) -> None:
        self.guide_folded = folded
        self.relayout(self.size)

    def _covered(self, rect: pygame.Rect) -> int:
        """How many of the places you know (and you yourself, counted thrice) a box at `rect` would hide."""
        assert self.map is not None
        area = rect.inflate(self.map.tile, self.map.tile)
        hidden = sum(area.collidepoint(self.map.to_screen((self.world.sites[sid].at[0], self.world.sites[sid].at[1])))
                     for sid in self.view.sites if sid in self.world.sites)
        path = [*self.plan.tonight, *self.plan.later]
        ends = [self.view.player.pos, *(path[-1:])]
        return hidden + sum(3 * area.collidepoint(self.map.to_screen(p)) for p in ends)

    def _build_side(self) -> None:
        w, h = self.size
        pad = theme.px(14)
        x0 = w - theme.px(SIDE_W) + pad
        inner_w = theme.px(SIDE_W) - 2 * pad
        me = self.view.player
        gap = theme.px(6)
        bh = theme.px(30)
        third = (inner_w - 2 * gap) // 3
        y = self._orders_bottom
        planned = self.plan.target is not None and me.free
        self.action_button = self.add(Button("Action…", self.open_action_menu, (x0, y, third, bh), size=theme.SIZE_SMALL,
                                             pad=theme.px(6), tooltip="Choose what to do when you arrive (the site's panel or a short list)."))
        self.undo_button = self.add(Button("Undo", self.undo, (x0 + third + gap, y, third, bh), size=theme.SIZE_SMALL,
                                           pad=theme.px(6), tooltip=f"Undo the last change to tonight's plan ({self.key_name('undo')} "
                                                                     "or Ctrl+Z)."))
        self.clear_button = self.add(Button("Clear", self.clear_plan, (x0 + 2 * (third + gap), y, inner_w - 2 * (third + gap), bh),
                                            size=theme.SIZE_SMALL, pad=theme.px(6),
                                            tooltip="Forget the planned walk and action: stay where you are tonight."))
        self.action_button.enabled = self.clear_button.enabled = planned
        self.undo_button.enabled = bool(self.history.stack) and me.free
        waiting = [o for o in trading.offers_to_answer(self.view) if o.id not in self.plan.accept]
        label = f"Black market…  ({len(waiting)} offer{'s' if len(waiting) != 1 else ''} to you)" if waiting else "Black market…"
        self.trade_button = self.add(Button(label, self.open_trade, (x0, y + bh + theme.px(6), inner_w, bh),
                                            size=theme.SIZE_SMALL, pad=theme.px(6), style="primary" if waiting else "film",
                                            tooltip="Trade with rival bootleggers: answer their offers, make your own "
                                                    "(they go with tonight's orders, answered tomorrow)."))
        self.trade_button.enabled = (me.free and bool(self.view.rivals) and self.playback is None
                                     and not (self.lan is not None and self.lan.waiting))
        y = self._stance_top
        tips = _encounter_tips(self.world, self.view)
        labels = _stance_labels(self.world, self.view)
        self.stance_buttons: dict[str, Button] = {}
        sh = theme.px(28)
        for i, (stance, _label) in enumerate(STANCES):
            style = "primary" if self.plan.stance == stance else "film"
            self.stance_buttons[stance] = self.add(Button(labels[stance], lambda s=stance: self.set_stance(s),
                                                          (x0, y + i * (sh + theme.px(4)), inner_w, sh), tooltip=tips[stance],
                                                          style=style, size=theme.SIZE_SMALL, align="left", pad=theme.px(8)))
        # the bottom: tools, then Menu and End Turn
        eh = theme.px(46)
        ey = h - pad - eh
        self.tool_buttons: dict[str, Button] = {}
        th = theme.px(30)
        tw = (inner_w - 2 * gap) // 3
        for i, (label, method, tip, action) in enumerate(TOOLS):
            row, col = divmod(i, 3)
            r = (x0 + col * (tw + gap), ey - theme.px(10) - (2 - row) * (th + gap), tw, th)
            key = f" ({self.key_name(action)})" if action else ""
            self.tool_buttons[label] = self.add(Button(label, getattr(self, method), r, tooltip=tip.rstrip(".") + f"{key}.",
                                                       size=theme.SIZE_SMALL, pad=theme.px(4)))
        menu_w = tw
        self.tool_buttons["Menu"] = self.add(Button("Menu", self.back, (x0, ey, menu_w, eh), size=theme.SIZE_SMALL, pad=theme.px(4),
                                                    tooltip="Pause: resume, settings, save, or quit to the main menu (Esc)."))
        label = "End turn  ›" if me.free else "Wait an evening  ›"
        end_key = self.key_name("end_turn")
        self.end_button = self.add(Button(label, self.end_turn, (x0 + menu_w + gap, ey, inner_w - menu_w - gap, eh), style="primary",
                                          pad=theme.px(8), tooltip=f"Give your orders and let the evening play out (Enter or {end_key})."))
        self.end_button.enabled = self.playback is None
        if self.lan is not None:  # the host saves a LAN game after every evening
            for name in ("Save", "Load"):
                if name in self.tool_buttons:
                    self.tool_buttons[name].enabled = False
            self.end_button.enabled = self.playback is None and not self.lan.waiting
            if self.lan.waiting:
                self.end_button.label = "Waiting…"

    @property
    def _side_bottom(self) -> int:
        """The y above which the side panel's painted sections must end (the tools start below)."""
        h = self.size[1]
        return h - theme.px(14) - theme.px(46) - theme.px(10) - 2 * theme.px(30) - theme.px(6) - theme.px(8)

    # ------------------------------------------------------------ chrome (top bar + side panel), cached
    def _paint_chrome(self) -> None:
        w, h = self.size
        chrome = pygame.Surface((w, h))
        chrome.fill(theme.FILM_BLACK)
        top = pygame.Rect(0, 0, w, theme.px(TOP_H))
        self._zones = []
        zones = paint_top_bar(chrome, top, self.world, self.view, {line.key: line for line in self.ledger})
        side = pygame.Rect(w - theme.px(SIDE_W), top.bottom, theme.px(SIDE_W), h - top.bottom)
        chrome.blit(paint.film_backdrop(side.size, (0.5, 0.2)), side.topleft)
        chrome.blit(paint.film_panel(side.size, 120), side.topleft)
        pad = theme.px(14)
        x, width = side.left + pad, side.width - 2 * pad
        y = paint_section_title(chrome, "Tonight", x, side.top + theme.px(10), width)
        lines, tips = self._orders_lines()
        self._add_rows(chrome, lines, tips, x, y, width)
        self._orders_bottom = y + max(4, len(lines)) * line_step() + theme.px(6)
        y = self._orders_bottom + theme.px(30 + 10) + theme.px(30 + 6)  # Action/Undo/Clear, then Black market
        y = paint_section_title(chrome, "If a patrol stops you", x, y, width)
        self._stance_top = y
        y += 3 * theme.px(28) + 2 * theme.px(4) + theme.px(10)
        bottom = self._side_bottom
        step = line_step()
        if self.ledger and bottom - y >= theme.px(20) + step:
            y = paint_section_title(chrome, "Last evening (hover for why)", x, y, width)
            room = max(0, (bottom - y) // step)
            shown = self.ledger[:room]
            rows = [(line.label, line.change, {"good": theme.GREEN, "bad": theme.RED}.get(line.tone, theme.BONE))
                    for line in shown]
            y = self._add_rows(chrome, rows, [line.sentence for line in shown], x, y, width) + theme.px(8)
        if self.view.rivals and bottom - y >= theme.px(20) + step:
            y = paint_section_title(chrome, "Rivals (what the street says)", x, y, width)
            room = max(0, (bottom - y) // step)
            rivals = list(self.view.rivals)
            rows, tips = [], []
            for r in rivals:
                state = "free" if r.free else "in custody"
                rows.append((r.name, f"rep {r.reputation} · {state}", theme.BONE if r.free else theme.BONE_DIM))
                tips.append(f"{r.name}: reputation {r.reputation}, {state}, arrested {r.arrests} time(s).")
            if len(rows) > room:
                hidden = rivals[room - 1:] if room >= 1 else rivals
                rows = rows[: room - 1] if room >= 1 else []
                tips = tips[: room - 1] if room >= 1 else []
                if room >= 1:
                    rows.append((f"… and {len(hidden)} more", "", theme.BONE_DIM))
                    tips.append(" ".join(f"{r.name}: reputation {r.reputation}, {'free' if r.free else 'in custody'}."
                                         for r in hidden))
            self._add_rows(chrome, rows, tips, x, y, width)
        self._zones.extend(zones[:-1])
        self._zones.append(zones[-1])  # the heat bar's slot stays last
        self._chrome = chrome.convert() if pygame.display.get_surface() is not None else chrome
        self._side_rect = side
        self._top_rect = top

    def _add_rows(self, chrome: pygame.Surface, lines: list[tuple[str, str, theme.Color]], tips: list[str], x: int, y: int,
                  width: int) -> int:
        """Paint rows with `paint_lines` and give each a tooltip zone (with its full text when shortened)."""
        rows = paint_lines(chrome, lines, x, y, width)
        for (rect, shortened), (left, _right, _c), tip in zip(rows, lines, tips, strict=False):
            text = with_full_text(tip, left) if shortened else tip
            if text:
                self._zones.append((rect, text))
        return rows[-1][0].bottom if rows else y

    def _orders_lines(self) -> tuple[list[tuple[str, str, theme.Color]], list[str]]:
        me = self.view.player
        plan = self.plan
        if not me.free:
            return ([(f"In custody: {me.sentence} evening{'s' if me.sentence != 1 else ''} left", "", theme.RED),
                     ("The evenings pass without you.", "", theme.BONE_DIM),
                     ("End Turn waits one evening.", "", theme.BONE_DIM)],
                    ["You were sentenced; you walk home to your workshop when it is served.", "", ""])
        if plan.target is None:
            idle: list[tuple[str, str, theme.Color]] = [("Click a place on the map to plan", "", theme.BONE_DIM),
                                                        ("tonight's walk; then choose what to do", "", theme.BONE_DIM),
                                                        ("there. Or lie low at home, or end the turn.", "", theme.BONE_DIM)]
            idle_tips = ["", "", ""]
            trade_line = self._trade_line()
            if trade_line is not None:
                idle.append(trade_line[:3])  # type: ignore[arg-type]
                idle_tips.append(trade_line[3])
            return idle, idle_tips
        site = self.world.site_at(plan.target)
        where = site.name if site is not None else f"street corner ({plan.target[0]}, {plan.target[1]})"
        allowance = self.world.level.rules.move_allowance
        ev = plan.evenings(allowance)
        arrive = "tonight" if ev <= 1 else f"in {ev} evenings"
        action = describe_action(self.world, self.view, plan.action, site.id if site else None)
        lines = [(f"To: {where}", "", theme.BONE), (f"Do: {action}", "", theme.GLOW if plan.action else theme.BONE_DIM),
                 (f"Arrive {arrive}", f"{len(plan.tonight)}/{allowance} tiles", theme.BONE)]
        tips = [f"Destination: {where}.", f"{action}: done when you arrive, after the walk.",
                f"You walk up to {allowance} tiles an evening; further destinations take several evenings."]
        stop = stops.stop_line(self.world, self.view, plan)
        if stop is not None:
            lines.append((stop[0], stop[1], theme.AMBER if plan.stop_at() is not None else theme.BONE_DIM))
            tips.append(stop[2])
        trade_line = self._trade_line()
        if trade_line is not None:
            lines.append(trade_line[:3])  # type: ignore[arg-type]
            tips.append(trade_line[3])
        seen = sum(plan.watched)
        if plan.refusal:
            lines.append((f"Refused: {plan.refusal}", "", theme.RED))
            tips.append(f"The engine refuses these orders: {plan.refusal}.")
        elif seen:
            lines.append((f"✕ {seen} tile{'s' if seen != 1 else ''} a known patrol can see", "", theme.RED))
            tips.append("Crossed red tiles on the path: a patrol you can see now could see you there (patrols move, so "
                        "it is a warning).")
        else:
            lines.append(("No patrol you know can see the path", "", theme.GREEN))
            tips.append("No patrol you can see now watches tonight's path (informers stay hidden until spotted).")
        return lines, tips

    def _trade_line(self) -> tuple[str, str, theme.Color, str] | None:
        """The side panel's line for tonight's trade offers and answers (None when there are none)."""
        made, taken = len(self.plan.offers), len(self.plan.accept)
        if not made and not taken:
            return None
        text = ", ".join(part for part in (f"{made} offer{'s' if made != 1 else ''} made" if made else "",
                                           f"{taken} accepted" if taken else "") if part)
        tip = ("Tonight's black-market orders: offers go to the rivals (answered tomorrow), accepted offers are done "
               "tonight. Open the Black market to change them.")
        return f"Trade: {text}", "", theme.GLOW, tip

    def _errand_tiles(self) -> list[Point]:
        """Buyer sites you know with an open errand."""
        tiles = []
        for errand in self.view.errands:
            site = self.world.sites.get(errand.site)
            if site is not None and errand.site in self.view.sites:
                tiles.append((site.at[0], site.at[1]))
        return tiles

    # ------------------------------------------------------------ orders
    def _submit(self, quiet: bool = False) -> None:
        if not self.view.player.free or self.session.over or (self.lan is not None and self.lan.waiting):
            self.plan.refusal = None
            return
        reason = self.session.submit(self.seat, self.plan.orders())
        self.plan.refusal = reason
        if reason and not quiet and self.app is not None:
            self.app.notify(f"Not possible: {reason}.", "warning")

    def _changed(self, quiet: bool = True) -> None:
        self.plan.route(self.world, self.view)
        self._submit(quiet=quiet)
        self.relayout(self.size)

    def set_stance(self, stance: str) -> None:
        self.history.remember(self.plan)
        self.plan.stance = stance
        self._changed()

    def clear_plan(self) -> None:
        self.history.remember(self.plan)
        self.plan.clear()
        self._changed()

    def undo(self) -> None:
        """Put tonight's plan back as it was before the last change."""
        if self.playback is not None or not self.view.player.free:
            return
        if self.history.undo(self.plan):
            self._changed()
            if self.app is not None:
                self.app.notify("Undone: tonight's plan is as it was.", "info", 2.0)
        elif self.app is not None:
            self.app.notify("Nothing to undo tonight.", "info", 2.0)

    def choose_action(self, action: Any) -> None:
        """Set the action to do at the destination (called by the site panel or the action menu)."""
        self.history.remember(self.plan)
        self.plan.action = action
        self._changed(quiet=False)

    def plan_to(self, tile: Point, menu: bool = True) -> None:
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
        if menu and self._stop_site(tile) is not None:
            self.open_stop_menu(tile)
            return
        self.history.remember(self.plan)
        self.plan.target = tile
        self.plan.action = None
        self.plan.route(self.world, self.view)
        if self.plan.stop_tile not in (self.plan.start, *self.plan.tonight, *self.plan.later):
            self.plan.stop_tile, self.plan.stop_action = None, None  # the new walk does not pass the stop
        if self.plan.target is None:
            self.app.notify("There is no way to walk there.", "warning", 3.0)
        self._submit(quiet=True)
        self.relayout(self.size)
        if menu and self.plan.target is not None:
            self.open_action_menu()

    def open_action_menu(self) -> None:
        """The small menu at the end of the path: the site's panel, the engine's actions there, or just walking."""
        if self.app is None or self.plan.target is None or self.map is None:
            return
        tile = self.plan.target
        site = self.world.site_at(tile)
        items: list[MenuItem] = []
        if site is not None and site.id in self.view.sites:
            items.append((f"Open {site.name}…", lambda: self.open_site(site.id), "See what is on offer here and choose in full."))
        end_view = stops.view_at_end(self.world, self.view, self.plan)  # as it will be after the stop on the way
        for action in actions_at(self.world, end_view, tile)[:6]:
            label = describe_action(self.world, end_view, action, site.id if site else None)
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
            target = self.world.sites[site_id].at
            at_end = self.plan.target == (target[0], target[1])
            view = stops.view_at_end(self.world, self.view, self.plan) if at_end else None
            open_site_panel(self.app, self.session, self.seat, site_id, self.choose_action, view=view)
            return
        site = self.world.sites[site_id]
        tile = (site.at[0], site.at[1])
        items: list[MenuItem] = [(describe_action(self.world, self.view, a, site_id), lambda a=a: self.choose_action(a), "")
                                 for a in actions_at(self.world, self.view, tile)]
        self.app.push(ActionMenu(site.name, items, self.map.to_screen(tile) if self.map else (0, 0)))

    def go_to_workshop(self) -> None:
        """The workshop key: plan the walk home and open the workshop's panel (what you choose is done there)."""
        site = self.world.sites.get(self.view.player.workshop)
        if site is None or self.app is None:
            return
        tile = (site.at[0], site.at[1])
        if self.view.player.free and tile != self.view.player.pos:
            self.plan_to(tile, menu=False)
        self.open_site(site.id)

    # ------------------------------------------------------------ a stop on the way
    def _stop_site(self, tile: Point) -> Any:
        """The site you know at `tile`, if tonight's walk passes it (or you stand there) and a stop could go there."""
        site = self.world.site_at(tile)
        if site is None or site.id not in self.view.sites or tile not in self.plan.stop_tiles():
            return None
        return site

    def open_stop_menu(self, tile: Point) -> None:
        """A site on tonight's walk was clicked: a stop there on the way (the engine's actions, checked), remove the
        stop, or walk there instead."""
        site = self._stop_site(tile)
        if self.app is None or self.map is None or site is None:
            return
        items: list[MenuItem] = [(f"Stop at {site.name}…", lambda: self.open_stop_panel(site.id),
                                  "See what is on offer here and choose a stop on the way in full.")]
        for action in stops.stop_actions(self.world, self.view, tile)[:5]:
            label = describe_action(self.world, self.view, action, site.id)
            items.append((f"On the way: {label}", lambda a=action: self.choose_stop(tile, a),
                          "Do this on the way tonight, then walk on.", stops.refusal(self.world, self.view, action, tile)))
        if self.plan.stop_tile == tile:
            items.append(("Remove the stop here", self.remove_stop, "No stop on the way tonight."))
        items.append(("Walk here instead", lambda: self.walk_instead(tile),
                      "Make this the destination of tonight's walk instead."))
        self.app.push(ActionMenu(f"On tonight's walk: {site.name}", items, self.map.to_screen(tile)))

    def walk_instead(self, tile: Point) -> None:
        """Make a site on the walk the destination (its action menu follows)."""
        self.plan_to(tile, menu=False)
        self.open_action_menu()

    def open_stop_panel(self, site_id: str) -> None:
        """The site's panel, for a stop on the way."""
        from game.ui.scenes.panels import open_site_panel

        assert self.app is not None
        at = self.world.sites[site_id].at
        tile = (at[0], at[1])
        open_site_panel(self.app, self.session, self.seat, site_id, lambda a: self.choose_stop(tile, a), as_stop=True)

    def choose_stop(self, tile: Point, action: Any) -> None:
        """Make `action` at `tile` tonight's stop on the way (the engine judges the whole evening when it is sent)."""
        self.history.remember(self.plan)
        self.plan.stop_tile, self.plan.stop_action = tile, action
        self._changed(quiet=False)

    def remove_stop(self) -> None:
        self.history.remember(self.plan)
        self.plan.stop_tile, self.plan.stop_action = None, None
        self._changed()

    # ------------------------------------------------------------ the black market
    def open_trade(self) -> None:
        """The black market: answer rivals' offers and make your own; changes go into tonight's plan at once."""
        from game.ui.scenes.trade import TradeScene

        if self.app is None or not self.view.player.free or self.playback is not None:
            return
        self.app.push(TradeScene(self.session, self.seat, self.view, self.plan.offers, self.plan.accept, self.set_trade))

    def set_trade(self, offers: tuple, accept: tuple) -> None:
        self.history.remember(self.plan)
        self.plan.offers, self.plan.accept = tuple(offers), tuple(accept)
        self._changed(quiet=False)

    def show_goal(self, index: int) -> None:
        """The guide: plan the walk to the nearest place for first step `index` (the booth for listening)."""
        if self.view.chapter is not None:
            show_objective(self, index)
            return
        step = first_steps.STEPS[index]
        if self.app is None:
            return
        if step.key == "listen":
            self.open_booth()
            return
        tile = first_steps.nearest_site(self.world, self.view, step)
        if tile is None:
            self.app.notify(f"You know no place for that yet: {step.hint}", "info", 5.0)
            return
        if self.map is not None:
            self.map.centre_on(tile)
        self.app.notify(step.hint, "info", 6.0)
        self.plan_to(tile)

    # ------------------------------------------------------------ the turn
    def end_turn(self) -> None:
        """End the evening: asks first when there are no orders or they are refused (setting), then plays it."""
        if self.app is None or self.playback is not None:
            return
        if self.session.over:
            self.show_standings()
            return
        me = self.view.player
        if me.free and self.plan.refusal:
            self.app.push(confirm("Orders refused", f"The engine refuses tonight's orders: {self.plan.refusal}. End the "
                                  "evening anyway and stay where you are?", "Stay put tonight", self._play_evening,
                                  "Change the plan"))
            return
        if me.free and self.plan.target is None and self.app.settings.confirm_end_turn:
            cooling = f"heat cools by {HEAT_DECAY}; lie low at your workshop to cool it by {LIE_LOW_DECAY}"
            self.app.push(Dialog("End the evening with no orders?",
                                 f"You stay where you are tonight ({cooling}). To do something, click a place on the map.",
                                 [("End the evening", self._play_evening), ("Don't ask again", self._stop_asking),
                                  ("Plan something", None)], width=600, default=0, cancel=2))
            return
        self._play_evening()

    def _stop_asking(self) -> None:
        assert self.app is not None
        self.app.apply_settings(dataclasses.replace(self.app.settings, confirm_end_turn=False))
        self._play_evening()

    def _play_evening(self) -> None:
        """Submit tonight's orders, resolve the turn, and start the playback (or skip it if nothing moved)."""
        assert self.app is not None
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
        assert self.app is not None
        me = self.view.player
        self.before_view = self.view  # a view is a snapshot: it keeps the evening's start
        start: dict[str, Point] = {u.id: u.pos for u in self.view.units}
        if me.free:
            start[f"p{self.seat}"] = me.pos
        report = self.session.report(self.seat)
        self.after_view = self.session.view(self.seat)
        self.autosave()
        assert report is not None
        self.turn_events = list(report.events)
        self._seen.update({u.id: u for u in self.after_view.units})
        self.playback = TurnPlayback(report, start)
        self._report_units = dict(report.units)  # kind and sight of every unit the evening showed you
        self.end_button.enabled = False
        self.history.clear()
        if self.app.settings.skip_still_evenings and self.playback.still:
            self._finish_playback()

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

    def _kind_of(self, unit_id: str | None) -> str:
        """What you know a unit to be ('patrol' when you never made it out)."""
        if unit_id is None:
            return "patrol"
        if unit_id in self._report_units:
            return self._report_units[unit_id][0]
        if unit_id in self._seen:
            return self._seen[unit_id].kind
        return "bootlegger" if unit_id.startswith("p") and unit_id[1:].isdigit() else "patrol"

    def _sight_of(self, unit_id: str) -> int:
        """A unit's own sight radius as the evening's report (or an earlier sighting) told you; 0 if unknown."""
        if unit_id in self._report_units:
            return self._report_units[unit_id][1]
        known = self._seen.get(unit_id)
        return known.sight if known is not None else 0

    def _fire(self, events: list[TurnEvent]) -> None:
        for event in events:
            sfx.on_event(self.app, event, self.plan.action if event.player == self.seat else None)
            if event.kind in ENCOUNTER_KINDS and self.app is not None:
                stance = STANCE_WORDS.get(self.plan.stance, self.plan.stance)
                who = {"komsomol": "A Komsomol brigade", "militia": "A militia patrol"}.get(self._kind_of(event.patrol), "A patrol")
                outcome = {"slipped": "You got away.", "bribed": "They took the money.", "confiscated": "Your records are gone.",
                           "arrested": "You are under arrest."}[event.kind]
                msg = f"{who} stops you in the street. You had decided to {stance}.\n\n{event.text}\n\n{outcome}"
                title = "Arrested!" if event.kind == "arrested" else "Stopped!"
                playback = self.playback
                self.app.push(Dialog(title, msg, [("Go on", playback.resume if playback else None)], width=600))

    def _finish_playback(self) -> None:
        self.playback = None
        before = self.before_view or self.view
        self.view = self.after_view or self.session.view(self.seat)
        me = self.view.player
        report = self.session.report(self.seat)
        self.ledger = evening_ledger(self.world, before, self.view, self.turn_events, self.seat)
        done_before = len(self.steps.done)
        self.steps.note(self.turn_events, self.seat)
        if done_before == 0 and self.steps.done and self.view.chapter is None:
            self.guide_folded = True  # the loop is learned: keep only the current step over the map
        self.plan.evening_played(self.plan.target is not None and (me.pos == self.plan.target or not me.free))
        self.plan.route(self.world, self.view)
        self._submit(quiet=True)
        self.relayout(self.size)
        if self.map is not None and me.free and not self.map.on_screen(me.pos, -self.map.tile * 2):
            self.map.centre_on(me.pos)
        if self.app is not None and report is not None:
            from game.ui.scenes.turn_report import report_scene

            wait = 8.0 if self.app.settings.auto_close_paper else None
            self.app.push(report_scene(self.world, report, self.view, self.seat, self._after_report, self.ledger, wait,
                                       before=before))

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
        if self.view.chapter is not None:
            from game.ui.scenes.debriefing import DebriefingScene

            self.app.push(DebriefingScene(self.session))
            return
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
        if self.view.player.records or self.view.player.masters:
            self.steps.listened()
        self.app.push(BoothScene(self.app, self.session, self.seat))

    def open_help(self) -> None:
        from game.ui.scenes.help import HelpScene

        assert self.app is not None
        self.app.push(HelpScene(self.world, on_tutorial=self.open_tutorial))

    def open_settings(self) -> None:
        from game.ui.scenes.settings_scene import SettingsScene

        assert self.app is not None
        self.app.push(SettingsScene())

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
        """Save into the quick-save slot (its own slot: it never replaces one of yours)."""
        assert self.app is not None
        if self.lan is not None:
            self.app.notify("The host saves a LAN game after every evening.", "info", 3.0)
            return
        try:
            saves.save(self.session, saves.QUICKSAVE)
            self.app.notify(f"Quick-saved at evening {self.view.turn + 1}. {self.key_name('quick_load')} loads it.", "info", 3.0)
        except OSError as exc:
            self.app.notify(f"Could not save: {exc.strerror or exc}", "danger")

    def quick_load(self) -> None:
        """Load the quick save, after saying what it is and that tonight's plan goes."""
        assert self.app is not None
        if self.lan is not None:
            self.app.notify("The host saves a LAN game after every evening.", "info", 3.0)
            return
        info = saves.read_info(saves.QUICKSAVE)
        if not info.exists:
            self.app.notify(f"No quick save yet: {self.key_name('quick_save')} makes one.", "info", 3.0)
            return
        from game.ui.scenes.save_load import SaveLoadScene

        what = info.error or f"{info.level}, {info.date} (evening {info.turn + 1}), saved {info.modified}"
        self.app.push(Dialog("Load the quick save?", f"{what}. The game as it is now goes (it was autosaved at the start "
                             "of this evening).", [("Load it", lambda: SaveLoadScene.open_save(self.app, info)), ("Cancel", None)],
                             default=0, cancel=1))

    def back(self) -> None:
        """Esc: the pause card; Esc again (or Enter) resumes."""
        if self.app is None:
            return
        if self.lan is not None:
            self.app.push(Dialog("Menu", "The game goes on without you while you are away; the host keeps your seat "
                                 "for a while, then the AI plays it. Join again to take it back.",
                                 [("Resume", None), ("Settings", self.open_settings),
                                  ("Leave the game", self.quit_to_menu)], width=600, default=0, cancel=0))
            return
        self.app.push(Dialog("Paused", f"The city waits. The game was autosaved at the start of evening {self.view.turn + 1}.",
                             [("Resume", None), ("Settings", self.open_settings), ("Save…", self.open_save),
                              ("Quit to menu", self.confirm_quit)], width=600, default=0, cancel=0))

    def confirm_quit(self) -> None:
        assert self.app is not None
        self.app.push(confirm("Quit to the menu?", f"The autosave keeps the start of evening {self.view.turn + 1}; tonight's "
                              "plan is not kept. Load → Autosave brings you back.", "Quit to menu", self.quit_to_menu, "Stay"))

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
        if action == "undo" or (k == pygame.K_z and event.mod & pygame.KMOD_CTRL):
            self.undo()
            return True
        if k in (pygame.K_RETURN, pygame.K_KP_ENTER) or action == "end_turn":
            self.end_turn()
            return True
        commands = {"centre": self.centre, "booth": self.open_booth, "quick_save": self.quick_save,
                    "quick_load": self.quick_load, "help": self.open_help, "workshop": self.go_to_workshop}
        if action in commands:
            commands[action]()
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
        if event.type == pygame.MOUSEWHEEL and self.map.rect.collidepoint(self._mouse) and not self._over_widget(self._mouse):
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

    def _over_widget(self, pos: tuple[int, int]) -> bool:
        return any(w.visible and w.rect.collidepoint(pos) for w in (self.tracker, self.minimap) if w is not None)

    # ------------------------------------------------------------ frame
    def update(self, dt: float) -> None:
        super().update(dt)
        self._t += dt
        if self.lan is not None and self.lan.poll(self.app, dt, busy=self.playback is not None):
            self._play_back()  # the host resolved the evening (everyone ready, or the timer ran out)
        if self.playback is not None:
            self._fire(self.playback.update(dt))
            if self.playback is not None and self.playback.done and self.app is not None and self.app.top is self:
                self._finish_playback()
        if self.app is not None and self.app.top is self and self.map is not None:
            keys = pygame.key.get_pressed()
            speed = self.map.tile * 14 * dt
            held = self._held_pans(keys)
            dx = (keys[pygame.K_RIGHT] or held["pan_right"]) - (keys[pygame.K_LEFT] or held["pan_left"])
            dy = (keys[pygame.K_DOWN] or held["pan_down"]) - (keys[pygame.K_UP] or held["pan_up"])
            if dx or dy:
                self.map.pan(dx * speed, dy * speed)

    def _held_pans(self, keys: Any) -> dict[str, bool]:
        """Which bound pan keys are held down now."""
        out = {}
        for action in ("pan_left", "pan_right", "pan_up", "pan_down"):
            name = self.app.settings.key_bindings.get(action, "") if self.app is not None else ""
            try:
                code = pygame.key.key_code(name) if name else None
            except ValueError:
                code = None
            out[action] = bool(code is not None and 0 <= code < len(keys) and keys[code])
        return out

    def sight_tiles(self, pos: Point, sight: int) -> frozenset[Point]:
        """The tiles a patrol of base `sight` at `pos` sees tonight: the engine's own line of sight
        (`preview.sight_tiles`: sight x pressure, capped at the view radius, courtyards at half)."""
        key = (pos, sight, self.view.patrol_pressure)
        tiles = self._sight.get(key)
        if tiles is None:
            tiles = frozenset(sight_tiles(self.world, self.view, pos, sight))
            self._sight[key] = tiles
            if len(self._sight) > SIGHT_CACHE:
                self._sight.popitem(last=False)
        else:
            self._sight.move_to_end(key)
        return tiles

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
        if self.playback is not None:
            pos = self.playback.positions()
            me_id = f"p{self.seat}"
            areas = []
            tokens = []
            for uid, (x, y) in sorted(pos.items()):
                if uid == me_id:
                    continue
                kind = self._kind_of(uid)
                sight = self._sight_of(uid)
                if sight:
                    areas.append((self.sight_tiles((round(x), round(y)), sight), kind))
                tokens.append((x, y, kind, False))
            m.draw_sight(surface, areas)
            m.draw_sites(surface, view.sites, view.player.workshop)
            if me_id in pos:
                tokens.append((*pos[me_id], "me", False))
            m.draw_units(surface, tokens)
            for tile, left, kind in self.playback.flashes:
                color = theme.RED if kind in ("arrested", "confiscated", "watched") else theme.AMBER
                m.draw_flash(surface, tile, 1 - left / 0.9, color)
        else:
            m.draw_sight(surface, [(self.sight_tiles(u.pos, u.sight), u.kind) for u in view.units if u.sight])
            if self.plan.target is not None and view.player.free:
                m.draw_path(surface, view.player.pos, self.plan.tonight, self.plan.later, self.plan.watched)
                if self.plan.stop_tile is not None:
                    m.draw_stop(surface, self.plan.stop_tile, self.plan.stop_at() is not None)
            m.draw_sites(surface, view.sites, view.player.workshop)
            m.draw_errands(surface, self._errand_tiles())
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
        if self.minimap is not None and box.colliderect(self.minimap.rect.inflate(theme.px(8), theme.px(8))):
            box.left = self.minimap.rect.right + theme.px(12)
        surface.blit(paint.dim(box.size, 215), box.topleft)
        pygame.draw.rect(surface, color, box, 2)
        surface.blit(img, (box.centerx - img.get_width() // 2, box.top + theme.px(6)))
        surface.blit(sub_img, (box.centerx - sub_img.get_width() // 2, box.top + theme.px(8) + img.get_height()))

    def _map_tip(self, tile: Point) -> str:
        """What the pointer rests on: a unit, a site, or nothing worth a note."""
        for u in self.view.units:
            if u.pos == tile:
                base = UNIT_WORDS.get(u.kind, u.kind)
                if u.kind != "bootlegger":
                    base += (f"; sees {sight_radius(self.view, u.sight):g} tiles where no wall blocks, half as far into "
                             "courtyards (the hatched area)")
                return base + (" — on the alert, searching." if u.alert else ".")
        if tile == self.view.player.pos and self.view.player.free:
            return "You. Click a tile to plan tonight's walk."
        rival = next((s for s in self.view.rival_workshops if (s.at[0], s.at[1]) == tile), None)
        if rival is not None:
            return (f"A rival's workshop ({rival.name}): you have seen it, which is evidence the militia would take "
                    "(see the militia station).")
        site = self.world.site_at(tile)
        if site is not None and site.id in self.view.sites:
            words = SITE_WORDS.get(site.kind, site.kind)
            if site.id == self.view.player.workshop:
                words = "your workshop: cut records, install parts (the lathe is here)"
            errand = errand_at(self.view, site.id)
            wanted = f" ★ {errand_words(self.world, self.view, errand, where=False)}" if errand is not None else ""
            return f"{site.name} — {words}.{wanted}"
        return ""
