"""Informing on a rival: a gamble with a price.

- Evidence: only what the informer saw with their own eyes (`resolve` records it step by step): the rival in the
  street carrying records (good for EVIDENCE_TURNS turns, used up by informing) or the rival's workshop (known for
  good). No evidence, no denunciation.
- Price: INFORM_COST rubles for the duty officer's trouble, and a cooldown of INFORM_COOLDOWN turns per target.
- The militia believe it with p = clamp(0.7 - heat/100 + 0.15 if the evidence is the workshop, 0.1, 0.9), rolled
  on the "inform" stream (a known speculator is not believed). Believed: a sighting in the street adds
  INFORM_HEAT heat to the rival; the workshop brings a raid on it (see `raids`) and half that heat. Not believed:
  the militia take an interest in the informer instead (+8 heat).
- Word gets out with p = 0.35: the informer loses 10 reputation (buyers pay less to a known informer; see
  `market.reputation_factor`) and the rival learns who it was. The rival always learns they were named.
"""

from __future__ import annotations

from game.core.raids import raid
from game.core.rng import Streams
from game.core.state import KOPECKS, Evidence, GameState, PlayerState, add_heat, add_reputation
from game.core.world import World

EVIDENCE_TURNS = 12
INFORM_COST = 10 * KOPECKS
INFORM_COOLDOWN = 10
INFORM_HEAT = 20
DISBELIEF_HEAT = 8
WORD_GETS_OUT = 0.35
INFORMER_REPUTATION_COST = 10


def fresh_evidence(turn: int, player: PlayerState, target: int) -> Evidence | None:
    """The strongest evidence `player` holds on `target` on `turn`: their workshop, else a recent street
    sighting."""
    usable = [e for e in player.evidence if e.target == target
              and (e.kind == "workshop" or turn - e.turn <= EVIDENCE_TURNS)]
    return max(usable, key=lambda e: (e.kind == "workshop", e.turn), default=None)


def believe_chance(informer_heat: int, evidence: Evidence) -> float:
    p = 0.7 - informer_heat / 100 + (0.15 if evidence.kind == "workshop" else 0.0)
    return min(0.9, max(0.1, p))


def refusal(state: GameState, player: PlayerState, target: int) -> str | None:
    """Why `player` cannot inform on `target` now, or None."""
    if target == player.index or target >= len(state.players):
        return "inform on whom?"
    rival = state.players[target]
    if not rival.free:
        return f"{rival.name} is already in custody"
    if fresh_evidence(state.turn, player, target) is None:
        return (f"you have nothing on {rival.name}: you must have seen them carrying records (in the last "
                f"{EVIDENCE_TURNS} evenings) or know their workshop")
    if state.turn < player.inform_cooldown.get(target, 0):
        return f"the militia heard about {rival.name} lately; wait {player.inform_cooldown[target] - state.turn} evenings"
    if player.money < INFORM_COST:
        return f"the duty officer's trouble costs {INFORM_COST // KOPECKS} rub"
    return None


def record_sighting(state: GameState, watcher: PlayerState, target: int, kind: str) -> bool:
    """Remember evidence; a street sighting replaces an older one. Returns True if it is news to the watcher."""
    if kind == "workshop":
        if any(e.target == target and e.kind == "workshop" for e in watcher.evidence):
            return False
    else:
        watcher.evidence = [e for e in watcher.evidence if not (e.target == target and e.kind == kind)]
    watcher.evidence.append(Evidence(target, kind, state.turn))
    watcher.evidence.sort(key=lambda e: (e.target, e.kind))
    return True


def denounce(world: World, state: GameState, streams: Streams, informer: PlayerState, target: int) -> str:
    """Apply a denunciation (module docstring); returns the informer's report line. The rival's line goes into
    `state.notes` for their report."""
    rival = state.players[target]
    evidence = fresh_evidence(state.turn, informer, target)
    assert evidence is not None
    informer.money -= INFORM_COST
    informer.inform_cooldown[target] = state.turn + INFORM_COOLDOWN
    informer.stats.informs += 1
    rival.stats.denounced += 1
    if evidence.kind == "carrying":
        informer.evidence.remove(evidence)
    believed = streams.chance("inform", believe_chance(informer.heat, evidence))
    found_out = streams.chance("inform", WORD_GETS_OUT)
    who = informer.name if found_out else "someone"
    if believed and evidence.kind == "workshop":
        taken = raid(rival)
        add_heat(rival, INFORM_HEAT // 2)
        rival_text = f"{who.capitalize()} gave the militia your address. They searched the workshop: {taken}."
        text = f"You gave the militia {rival.name}'s address; they went to search it."
    elif believed:
        add_heat(rival, INFORM_HEAT)
        rival_text = f"{who.capitalize()} gave your name to the militia. They will know your face now."
        text = f"You gave the militia {rival.name}'s name; the duty officer wrote it down."
    else:
        add_heat(informer, DISBELIEF_HEAT)
        rival_text = f"{who.capitalize()} tried to give your name to the militia, who did not believe it."
        text = f"The duty officer did not believe you about {rival.name}, and asked about you instead."
    if found_out:
        add_reputation(informer, -INFORMER_REPUTATION_COST)
        if informer.index not in rival.grudges:
            rival.grudges.append(informer.index)
        text += " Word got out that you talk to the militia."
    state.notes.append((target, rival_text))
    return text
