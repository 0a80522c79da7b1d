"""Buyers' errands in words, for the paper, the buyer's panel and the map. An errand is the engine's
(`market._errands`): a buyer asks for `count` records of a genre of at least `min_quality`, sold there in one go;
the first to deliver gets `bonus` kopecks and `reputation` on top of the price. It can be delivered on the
evenings before turn `expires`."""

from __future__ import annotations

from game.core.commands import rubles
from game.core.state import Errand
from game.core.view import PlayerView
from game.core.world import World


def evenings_left(view: PlayerView, errand: Errand) -> int:
    """Evenings the errand can still be delivered on, tonight included."""
    return max(0, errand.expires - view.turn)


def errand_words(world: World, view: PlayerView, errand: Errand, where: bool = True) -> str:
    """'Kuznechny market asks for 4 Swing records of quality 31 or better, sold there in one go within 6 evenings:
    a bonus of 40.00 rub and +3 reputation on top of the price.'"""
    genre = world.genres[errand.genre].name if errand.genre in world.genres else errand.genre
    site = world.sites[errand.site].name if errand.site in world.sites else errand.site
    left = evenings_left(view, errand)
    who = f"{site} asks" if where else "They ask"
    return (f"{who} for {errand.count} {genre} records of quality {round(errand.min_quality * 100)} or better, sold "
            f"there in one go within {left} evening{'s' if left != 1 else ''} (tonight included): a bonus of "
            f"{rubles(errand.bonus)} and +{errand.reputation} reputation on top of the price, to whoever brings them "
            "first.")


def errand_at(view: PlayerView, site_id: str) -> Errand | None:
    """The open errand of a buyer, if any."""
    return next((e for e in view.errands if e.site == site_id), None)
