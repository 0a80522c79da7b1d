"""SitePanel: the frame every site panel shares — the site's name and description, the player's purse,
"will do this evening" wording, engine-checked action buttons that show why they are disabled, and the
footer with "Lie low here" and "Cancel".

A panel draws only from `session.view(seat)` and the static `session.world`; a disabled button shows the engine's
own reason, from `game.core.knowledge.refusal` (the engine's check run on what the player knows), for a local and
a LAN seat alike. With a stop on the way planned, the panel for the evening's last action is given the view as it
will be after the stop (`knowledge.view_after`: a master bought on the way can be cut at home). A panel opened for
the stop itself (`as_stop`) says so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.core import knowledge
from game.core.commands import Action, LieLow, rubles
from game.core.resolve import HEAT_DECAY, LIE_LOW_DECAY
from game.core.view import PlayerView
from game.ui.look import theme
from game.ui.look.text import render
from game.ui.scenes.common import FilmScene
from game.ui.widgets.button import Button
from game.ui.widgets.label import Label

OnAction = Callable[[Any], None]

KIND_WORDS = {
    "hospital": "Hospital archive",
    "contact": "Contact",
    "market": "Market",
    "buyer": "Buyer",
    "dance_hall": "Dance hall",
    "workshop": "Workshop",
    "militia_station": "Militia station",
}


class ActionButton(Button):
    """A Button bound to an engine Action; `reason_label` (if any) shows the engine's refusal reason."""

    def __init__(self, label: str, action: Any, on_click: Callable[[], None], rect: Any, tooltip: str = "",
                 style: str = "primary") -> None:
        super().__init__(label, on_click, rect, tooltip=tooltip, style=style)
        self.action = action
        self.reason: str | None = None
        self.base_tooltip = tooltip
        self.reason_label: Label | None = None

    def set_reason(self, reason: str | None) -> None:
        """Enable the button (None) or disable it and show `reason`."""
        self.reason = reason
        self.enabled = reason is None
        self.tooltip = self.base_tooltip if reason is None else f"Not possible: {reason}."
        if self.reason_label is not None:
            self.reason_label.text = "" if reason is None else f"✕ {reason}"


class SitePanel(FilmScene):
    """Base of the site panels. Subclasses override `build_body(area)` to fill `area` (a Rect)."""

    name = "site_panel"
    hint = "Esc cancel  ·  Tab / ↑↓ move  ·  Enter choose  ·  the action happens this evening, when you arrive"
    glow_at = (0.78, 0.30)
    offer_lie_low = False  # lying low is staying in: only the workshop panel offers it

    def __init__(self, session: Any, seat: int, site_id: str, on_action: OnAction, view: PlayerView | None = None,
                 as_stop: bool = False) -> None:
        super().__init__()
        self.session, self.seat, self.site_id, self.on_action = session, seat, site_id, on_action
        self.given_view, self.as_stop = view, as_stop
        self.world = session.world
        self.site = self.world.sites[site_id]
        self.site_tile: tuple[int, int] = (self.site.at[0], self.site.at[1])
        self.title = self.site.name
        kind = KIND_WORDS.get(self.site.kind, self.site.kind.replace("_", " ").title())
        self.subtitle = f"{kind}. {self.site.description}".strip() if self.site.description else kind
        if as_stop:
            self.subtitle = f"A stop on the way tonight. {self.subtitle}"
            self.hint = "Esc cancel  ·  Tab / ↑↓ move  ·  Enter choose  ·  done on the way, when your walk passes here"
        self.view: PlayerView = view if view is not None else session.view(seat)
        self.action_buttons: list[ActionButton] = []

    # ------------------------------------------------------------ engine
    def refresh_view(self) -> None:
        self.view = self.given_view if self.given_view is not None else self.session.view(self.seat)

    def reason(self, action: Any) -> str | None:
        """The engine's refusal reason for `action` at this site, judged from what the player knows (the same
        for a local and a LAN seat; the host checks again when the orders are sent)."""
        try:
            return knowledge.refusal(self.world, self.view, action, self.site_tile)
        except Exception as exc:  # noqa: BLE001 - a preview must never crash the panel
            return str(exc) or type(exc).__name__

    def choose(self, action: Action) -> None:
        """Close the panel and hand `action` to the caller (refused actions only raise a notice)."""
        why = self.reason(action)
        if why is not None:
            if self.app is not None:
                self.app.notify(f"Not possible: {why}.", "warning", 3.0)
            return
        if self.app is not None and self.app.top is self:
            self.app.pop()
        self.on_action(action)

    # ------------------------------------------------------------ widgets
    def action_button(self, label: str, action: Any, rect: pygame.Rect | tuple[int, int, int, int], tooltip: str,
                      style: str = "primary", reason_rect: pygame.Rect | tuple[int, int, int, int] | None = None,
                      ) -> ActionButton:
        """A button that chooses `action`; disabled with the engine's reason when it is refused."""
        button = ActionButton(label, action, lambda: None, rect, tooltip, style)
        button.on_click = lambda b=button: b.action is not None and self.choose(b.action)
        if reason_rect is not None:
            button.reason_label = Label("", reason_rect, "ui", theme.SIZE_SMALL, theme.AMBER)
        self.add(button)
        if button.reason_label is not None:
            self.add(button.reason_label)
        self.set_action(button, action)
        self.action_buttons.append(button)
        return button

    def set_action(self, button: ActionButton, action: Any, missing: str = "choose something first") -> None:
        """Point `button` at a new action (None = nothing chosen) and re-check it."""
        button.action = action
        button.set_reason(missing if action is None else self.reason(action))

    def lie_low_text(self) -> str:
        return "Lie low here"

    # ------------------------------------------------------------ layout
    def body_rect(self) -> pygame.Rect:
        w, h = self.size
        m = theme.px(theme.MARGIN)
        top = self.content_top()
        return pygame.Rect(m, top, w - 2 * m, h - top - theme.px(64))

    def build(self) -> None:
        self.action_buttons = []
        self.refresh_view()
        self.build_body(self.body_rect())
        w, h = self.size
        m = theme.px(theme.MARGIN)
        bh = theme.px(40)
        bw = theme.px(170)
        y = h - bh - theme.px(10)
        x = w - m - bw
        self.add(Button("Cancel", self.back, (x, y, bw, bh),
                        tooltip="Close this panel without choosing anything (Esc)."))
        if self.offer_lie_low and not self.as_stop:  # lying low is a whole evening, never a stop
            x -= bw + theme.px(10)
            self.lie_low_button = self.action_button(
                self.lie_low_text(), LieLow(), (x, y, bw, bh), style="film",
                tooltip=f"Stay in tonight: no walk, and your heat falls by {LIE_LOW_DECAY} instead of {HEAT_DECAY}.")

    def build_body(self, area: pygame.Rect) -> None:
        """Fill `area` with the panel's content. Override."""

    def paint_static(self, surface: pygame.Surface) -> None:
        super().paint_static(surface)
        me = self.view.player
        info = f"{self.view.date}   ·   {rubles(me.money)}   ·   reputation {me.reputation}   ·   heat {me.heat}"
        img = render(info, "ui_bold", theme.SIZE_SMALL, theme.AMBER)
        m = theme.px(theme.MARGIN)
        y = theme.px(22) + theme.font("headline", theme.SIZE_TITLE).get_height()
        surface.blit(img, (surface.get_width() - m - img.get_width(), y + theme.px(2)))
