"""GenericPanel: one button per action the engine says is possible at a site (`actions_at`); the fallback for
site kinds without a panel of their own."""

from __future__ import annotations

import pygame

from game.core.commands import LieLow
from game.core.preview import actions_at
from game.ui.look import theme
from game.ui.play.describe import describe_action
from game.ui.scenes.panels.base import SitePanel
from game.ui.widgets.panel import Panel


class GenericPanel(SitePanel):
    """Lists every action `actions_at` offers here, each an engine-checked button."""

    def build_body(self, area: pygame.Rect) -> None:
        panel = self.add(Panel(area, "What you can do here this evening"))
        inner = panel.inner
        y = inner.top
        bh = theme.px(40)
        for action in actions_at(self.world, self.view, self.site_tile):
            if isinstance(action, LieLow):
                continue
            if y + bh > inner.bottom:
                break
            self.action_button(describe_action(self.world, self.view, action, self.site_id), action, (inner.left, y, theme.px(420), bh),
                               tooltip="Done this evening when you reach the site.",
                               reason_rect=(inner.left + theme.px(436), y, inner.width - theme.px(436), bh))
            y += bh + theme.px(8)
