"""What a search of a workshop takes. A raid hurts but never ends a player's trade: the films, the spare parts and
the masters go, except one master hidden under the floorboards (the best by source quality), and the fine is at most
half the money in the house. With the hidden master and films from any hospital archive, the lathe (too heavy to
carry off) can cut again the next evening.
"""

from __future__ import annotations

from game.core.state import KOPECKS, PlayerState

RAID_FINE = 30 * KOPECKS


def seize_workshop(player: PlayerState) -> str:
    """Take films, spare parts and every master but the hidden one; say what was taken."""
    films = sum(player.films.values())
    player.films = {kind: 0 for kind in player.films}
    spares = len(player.spares)
    player.spares = []
    hidden = max(player.masters, key=lambda m: (m.source_quality, m.master_id), default=None)
    taken = len(player.masters) - (hidden is not None)
    player.masters = [hidden] if hidden is not None else []
    kept = f"; '{hidden.title}' stayed hidden under the floorboards" if hidden is not None else ""
    return f"{films} films, {spares} spare parts and {taken} masters{kept}"


def raid(player: PlayerState) -> str:
    """A full raid: the search and a fine of 30 rub (at most half the money). Returns what was taken."""
    taken = seize_workshop(player)
    fine = min(player.money // 2, RAID_FINE)
    player.money -= fine
    player.stats.raids += 1
    return f"{taken}, and a fine of {fine // KOPECKS}.{fine % KOPECKS:02d} rub"
