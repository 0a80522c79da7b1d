"""Site panels: what a player can do at a site, as engine Actions.

    open_site_panel(app, session, seat, site_id, on_action)

pushes the panel for the site's kind over the current scene. Picking an action pops the panel and calls
`on_action(action)` with an engine Action (Scavenge(), BuyMaster(master=...), SellRecords(records=[...]),
CutRecords(...), InstallPart(spare=i), BuyPart, SellPart, Inform(target=i), LieLow()); Esc / Cancel close it
without calling. The action is carried out at the end of the turn, when the bootlegger reaches the site.
"""

from __future__ import annotations

from typing import Any

from game.ui.scenes.panels.base import OnAction, SitePanel


def panel_class(kind: str) -> type[SitePanel]:
    """The panel class for a site kind (the generic action list for kinds without their own, e.g. a mod's)."""
    from game.ui.scenes.panels.contact import ContactPanel
    from game.ui.scenes.panels.generic import GenericPanel
    from game.ui.scenes.panels.hospital import HospitalPanel
    from game.ui.scenes.panels.market import MarketPanel
    from game.ui.scenes.panels.militia import MilitiaPanel
    from game.ui.scenes.panels.workshop import WorkshopPanel

    classes: dict[str, type[SitePanel]] = {"hospital": HospitalPanel, "contact": ContactPanel, "workshop": WorkshopPanel,
                                           "militia_station": MilitiaPanel, "market": MarketPanel, "buyer": MarketPanel,
                                           "dance_hall": MarketPanel}
    return classes.get(kind, GenericPanel)


def make_site_panel(session: Any, seat: int, site_id: str, on_action: OnAction, view: Any = None,
                    as_stop: bool = False) -> SitePanel:
    """The panel scene for `site_id` (not pushed); `view`: the player's view to judge from (default: the session's
    view now), `as_stop`: chosen as the stop on the way."""
    kind = session.world.sites[site_id].kind
    return panel_class(kind)(session, seat, site_id, on_action, view=view, as_stop=as_stop)


def open_site_panel(app: Any, session: Any, seat: int, site_id: str, on_action: OnAction, view: Any = None,
                    as_stop: bool = False) -> SitePanel:
    """Push the panel for `site_id`'s kind over the current scene and return it."""
    panel = make_site_panel(session, seat, site_id, on_action, view, as_stop)
    app.push(panel)
    return panel


__all__ = ["make_site_panel", "open_site_panel", "panel_class"]
