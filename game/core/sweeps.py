"""A night of arrests: a calendar event's `sweep` (as in Leningrad in 1950). Every free bootlegger whose heat is
at least the sweep's `heat` is on the militia's list and is taken, wherever they are: the records they carry are
confiscated, their workshop is searched (see `raids.seize_workshop`: one master stays hidden), reputation - 5,
heat set to 40, and they are sentenced to the sweep's `sentence` evenings. Those under the line are left alone.
No dice: the list is the heat, which every player sees."""

from __future__ import annotations

from game.content.models import Sweep
from game.core.raids import seize_workshop
from game.core.state import GameState, add_reputation

SWEEP_REPUTATION = -5
HEAT_AFTER = 40
DEFAULT_TEXT = "They came for you at night, with a list."


def sweep(state: GameState, spec: Sweep) -> list[tuple[int, str]]:
    """Arrest everyone on the list (module docstring); returns (player, what they read) for each one taken."""
    taken: list[tuple[int, str]] = []
    for player in state.players:
        if not player.free or player.heat < spec.heat:
            continue
        carried = len(player.records)
        player.stats.records_lost += carried
        player.records = []
        searched = seize_workshop(player)
        player.sentence = spec.sentence
        player.arrests += 1
        add_reputation(player, SWEEP_REPUTATION)
        player.heat = HEAT_AFTER
        text = (f"{spec.text or DEFAULT_TEXT} Your heat was {spec.heat} or more. They took the {carried} records "
                f"on you and searched your workshop: {searched}. Sentenced to {spec.sentence} evenings.")
        taken.append((player.index, text))
        state.news.append(f"Arrests in the city: {player.name} is among those taken for 'speculation'.")
    return taken
