"""Turn resolution: every player's orders are resolved at once, step by step.

1. Orders are re-checked; refused orders become "stay put" (the reason goes into the report).
2. Movement: `move_allowance` steps. Before each step, a bootlegger whose walk has reached their stop does the
   stop's action there. Each step every free bootlegger takes the next tile of their path and every patrol moves
   (see `patrols`); then everyone looks:
   - a militia foot patrol or Komsomol brigade sees with radius min(sight x patrol pressure, VIEW_RADIUS) (never
     further than a bootlegger sees: whoever can stop you, you could have seen); one that sees records on a
     bootlegger may stop them (see `encounter`: one notice roll per patrol and player per turn) and goes on
     alert; an informer who notices adds heat. A bootlegger who passes within 2 tiles of an informer in sight
     spots them for good;
   - a bootlegger who sees a rival carrying records, or a rival's workshop, keeps it as evidence (`informing`).
3. Actions where each bootlegger stands, in an order that rotates every turn (shared stock and demand).
4. Trades: offers accepted tonight are carried out, then tonight's new offers are filed (see `trade`).
5. Raids: a free player with heat H >= raid_heat is raided with p = (H - raid_heat + 10) / 100 x pressure (see
   `raids`); if they are home with records, arrested.
6. Custody: sentences count down; a released player reappears at their workshop.
7. Heat falls by 3 (12 when lying low); market demand recovers; hospitals restock two films of each kind.
8. The date advances and calendar events dated up to the new date fire (a `sweep` arrests everyone over its heat
   line: see `sweeps`); the victory conditions and a campaign chapter's objectives (`objectives`) are checked;
   the state hash closes the turn.
"""

from __future__ import annotations

import datetime as dt

from game.core import informing, market, objectives, patrols, trade
from game.core.commands import Orders, add_heat, add_reputation, rubles
from game.core.encounter import Encounter, contraband_load, notice_chance
from game.core.hashing import state_hash
from game.core.raids import raid, seize_workshop
from game.core.report import TurnEvent, TurnReport
from game.core.rng import Streams
from game.core.state import DemandSighting, GameState, PlayerState
from game.core.sweeps import sweep
from game.core.victory import check_victory
from game.core.view import VIEW_RADIUS
from game.core.world import World

INFORMER_HEAT = 8
SPOT_INFORMER_RANGE = 2
HEAT_DECAY = 3
LIE_LOW_DECAY = 12
HOSPITAL_RESTOCK = 2


class _Turn:
    """The working set of one turn's resolution."""

    def __init__(self, world: World, state: GameState) -> None:
        self.world = world
        self.state = state
        self.streams = Streams(state.seed, state.rng)
        self.report = TurnReport(state.turn, state.date.isoformat())
        self.stopped: set[int] = set()
        self.met: set[tuple[str, int]] = set()
        self.workshop_tiles = {p.index: (world.sites[p.workshop].at[0], world.sites[p.workshop].at[1])
                               for p in state.players}

    def event(self, kind: str, text: str, player: int | None = None, **extra: object) -> None:
        self.report.events.append(TurnEvent(kind, text, player, **extra))  # type: ignore[arg-type]


def resolve_turn(world: World, state: GameState, orders: dict[int, Orders]) -> TurnReport:
    """Resolve one turn in place and return its report (which carries the new state hash)."""
    turn = _Turn(world, state)
    state.news = []
    state.notes = []
    accepted: dict[int, Orders] = {}
    for player in state.players:
        order = orders.get(player.index, Orders())
        reason = order.check(world, state, player)
        if reason:
            turn.event("refused", f"Orders refused: {reason}.", player.index)
            order = Orders()
        accepted[player.index] = order
        player.lying_low = False
    _movement(turn, accepted)
    _actions(turn, accepted)
    _trades(turn, accepted)
    _remember_demand(turn)
    _raids(turn)
    _custody(turn)
    _recovery(turn)
    _calendar(turn)
    check_victory(world, state)
    objectives.update(world, state)
    for index, text in state.notes:
        turn.event("note", text, index)
    state.notes = []
    turn.report.state_hash = state_hash(state)
    return turn.report


def _rotation(state: GameState) -> list[PlayerState]:
    """Players in this turn's order: it rotates so nobody always comes first at a shared site."""
    n = len(state.players)
    return [state.players[(state.turn + k) % n] for k in range(n)]


def _movement(turn: _Turn, orders: dict[int, Orders]) -> None:
    world, state = turn.world, turn.state
    paths = {i: list(o.path) for i, o in orders.items()}
    walked = dict.fromkeys(orders, 0)
    pending_stops = {i: o.stop for i, o in orders.items() if o.stop is not None}
    for step in range(world.level.rules.move_allowance):
        _stops(turn, pending_stops, walked)
        for player in state.players:
            path = paths[player.index]
            if player.free and path and player.index not in turn.stopped:
                player.pos = path.pop(0)
                walked[player.index] += 1
        for patrol in state.patrols:
            patrols.move_patrol(world, patrol, step, turn.streams)
        _look(turn, step, orders)
        _witness(turn, step)
        turn.report.steps.append(
            {**{f"p{p.index}": p.pos for p in state.players if p.free}, **{q.id: q.pos for q in state.patrols}}
        )
    _stops(turn, pending_stops, walked)
    for index in sorted(pending_stops):
        turn.event("refused", "You never got to your stop on the way.", index)


def _stops(turn: _Turn, pending: dict, walked: dict[int, int]) -> None:
    """Do the stops of the bootleggers whose walk has reached them (in the turn's rotating order)."""
    for player in _rotation(turn.state):
        stop = pending.get(player.index)
        if stop is None or walked[player.index] != stop.at or not player.free:
            continue
        del pending[player.index]
        _act(turn, player, stop.action)


def _act(turn: _Turn, player: PlayerState, action) -> None:
    reason = action.check(turn.world, turn.state, player, player.pos)
    if reason:
        turn.event("refused", f"You could not: {reason}.", player.index)
    else:
        turn.event("action", action.apply(turn.world, turn.state, turn.streams, player), player.index, pos=player.pos)


def _look(turn: _Turn, step: int, orders: dict[int, Orders]) -> None:
    world, state = turn.world, turn.state
    city = world.city
    free = [p for p in state.players if p.free]
    for patrol in state.patrols:
        spec = world.patrol_specs[patrol.id]
        radius = min(spec.sight * state.patrol_pressure, VIEW_RADIUS)
        px, py = patrol.pos
        for player in free:
            dx, dy = player.pos[0] - px, player.pos[1] - py
            if (spec.kind == "informer" and abs(dx) + abs(dy) <= SPOT_INFORMER_RANGE
                    and patrol.id not in player.known_informers and city.line_of_sight(player.pos, patrol.pos)):
                player.known_informers.append(patrol.id)
                turn.event("informer_spotted", "You noticed a man who watches too closely.", player.index,
                           step=step, pos=patrol.pos, patrol=patrol.id)
            if dx * dx + dy * dy > radius * radius or not player.records:
                continue  # cheap rejections before the line of sight
            key = (patrol.id, player.index)
            if key in turn.met or not city.can_see(patrol.pos, player.pos, radius):
                continue
            turn.met.add(key)
            load = contraband_load(player.records, world.genres)
            if not turn.streams.chance("encounter", notice_chance(player.heat, load, state.patrol_pressure)):
                continue
            if spec.kind == "informer":
                add_heat(player, INFORMER_HEAT * state.patrol_pressure)
                known = patrol.id in player.known_informers
                turn.event("watched", "Someone saw what you carried. Word will reach the militia.", player.index,
                           step=step, pos=patrol.pos if known else player.pos, patrol=patrol.id if known else None)
                continue
            patrols.raise_alert(patrol, player.pos)
            _encounter(turn, step, patrol.id, spec.kind, player, orders[player.index], load)


def _witness(turn: _Turn, step: int) -> None:
    """Bootleggers see each other: a rival with records, or a rival's workshop, becomes evidence."""
    state, city = turn.state, turn.world.city
    free = [p for p in state.players if p.free]
    for watcher in free:
        for rival in state.players:
            if rival.index == watcher.index:
                continue
            workshop = turn.workshop_tiles[rival.index]
            if (rival.workshop not in watcher.known_workshops and _near(watcher.pos, workshop)
                    and city.can_see(watcher.pos, workshop, VIEW_RADIUS)):
                watcher.known_workshops.append(rival.workshop)
                informing.record_sighting(state, watcher, rival.index, "workshop")
                turn.event("evidence", f"You found out where {rival.name} keeps a lathe.", watcher.index,
                           step=step, pos=workshop)
            if (rival.free and rival.records and _near(watcher.pos, rival.pos)
                    and city.can_see(watcher.pos, rival.pos, VIEW_RADIUS)
                    and informing.record_sighting(state, watcher, rival.index, "carrying")):
                turn.event("evidence", f"You saw {rival.name} carrying records.", watcher.index,
                           step=step, pos=rival.pos)


def _near(a: tuple[int, int], b: tuple[int, int]) -> bool:
    dx, dy = a[0] - b[0], a[1] - b[1]
    return dx * dx + dy * dy <= VIEW_RADIUS * VIEW_RADIUS


def _encounter(turn: _Turn, step: int, patrol_id: str, kind: str, player: PlayerState, order: Orders,
               load: float) -> None:
    world, state = turn.world, turn.state
    who = "A militia patrol" if kind == "militia" else "A Komsomol brigade"
    enc = Encounter(kind, player.heat, load, world.city.is_cover(player.pos), state.patrol_pressure,
                    player.money, order.stance)
    outcome = enc.resolve(turn.streams)
    where = {"step": step, "pos": player.pos, "patrol": patrol_id}
    if outcome == "slipped":
        add_heat(player, 3)
        turn.event("slipped", f"{who} shouted after you; you slipped away through the yards.", player.index, **where)
    elif outcome == "bribed":
        bribe = enc.bribe_asked()
        player.money -= bribe
        add_heat(player, 2)
        turn.event("bribed", f"{who} stopped you; {rubles(bribe)} changed hands and they looked away.",
                   player.index, **where)
    else:
        seized = _confiscate(player)
        turn.stopped.add(player.index)
        if outcome == "confiscated":
            fine = enc.fine()
            player.money -= fine
            add_heat(player, 10)
            turn.event("confiscated", f"{who} stopped you and took {seized}; fined {rubles(fine)}.",
                       player.index, **where)
        else:
            _arrest(turn, player, enc.sentence(), f"{who} arrested you with {seized}.", **where)


def _confiscate(player: PlayerState) -> str:
    """Take every record carried; say what was taken."""
    taken = f"{len(player.records)} records"
    player.stats.records_lost += len(player.records)
    player.records = []
    return taken


def _arrest(turn: _Turn, player: PlayerState, sentence: int, text: str, **where: object) -> None:
    searched = player.heat >= turn.world.level.rules.raid_heat
    player.sentence = sentence
    player.arrests += 1
    add_reputation(player, -5)
    player.heat = 40
    if searched:
        text += f" They searched your workshop too and took {seize_workshop(player)}."
    turn.event("arrested", f"{text} Sentenced to {sentence} turns.", player.index, **where)
    turn.state.news.append(f"Militia detain a speculator in forbidden records: {player.name}.")


def _actions(turn: _Turn, orders: dict[int, Orders]) -> None:
    for player in _rotation(turn.state):
        action = orders[player.index].action
        if action is not None and player.free:
            _act(turn, player, action)


def _trades(turn: _Turn, orders: dict[int, Orders]) -> None:
    world, state = turn.world, turn.state
    for player in _rotation(state):
        for offer_id in orders[player.index].accept:
            offer = next((o for o in state.offers if o.id == offer_id), None)
            if offer is None:
                continue
            done, text = trade.execute(world, state, offer)
            turn.event("trade" if done else "refused", text, player.index)
    state.offers = [o for o in state.offers if o.turn == state.turn]
    for player in state.players:
        if not player.free:
            continue
        for offer in orders[player.index].offers:
            filed = trade.register(state, player, offer)
            rival = state.players[offer.to]
            turn.event("offer", f"You offered {rival.name} {trade.describe(world, filed)} for "
                                f"{rubles(filed.price)}.", player.index)
            state.notes.append((rival.index, f"{player.name} offers you {trade.describe(world, filed)} for "
                                             f"{rubles(filed.price)} (offer #{filed.id}: accept it tomorrow)."))


def _remember_demand(turn: _Turn) -> None:
    """Each free bootlegger remembers the demand at the buyers they can see where the evening's business ended."""
    world, state = turn.world, turn.state
    for player in state.players:
        if not player.free:
            continue
        seen = world.city.visible_tiles(player.pos, VIEW_RADIUS)
        for site in world.buyers():
            if (site.at[0], site.at[1]) in seen:
                player.demand_memory[site.id] = DemandSighting(state.turn, state.sites[site.id].demand)
        player.demand_memory = dict(sorted(player.demand_memory.items()))


def _raids(turn: _Turn) -> None:
    world, state = turn.world, turn.state
    threshold = world.level.rules.raid_heat
    for player in state.players:
        if not player.free or player.heat < threshold:
            continue
        if not turn.streams.chance("raid", (player.heat - threshold + 10) / 100 * state.patrol_pressure):
            continue
        home = turn.workshop_tiles[player.index]
        taken = raid(player)
        if player.pos == home and player.contraband:
            seized = _confiscate(player)
            _arrest(turn, player, 4 + player.heat // 20, f"The militia raided your workshop and found {seized}.")
        else:
            turn.event("raid", f"The militia raided your workshop and took {taken}.", player.index)


def _custody(turn: _Turn) -> None:
    state = turn.state
    for player in state.players:
        if player.free or any(e.kind == "arrested" and e.player == player.index for e in turn.report.events):
            continue
        player.sentence -= 1
        if player.free:
            player.pos = turn.workshop_tiles[player.index]
            turn.event("released", "You are released and walk home to your workshop.", player.index)


def _recovery(turn: _Turn) -> None:
    world, state = turn.world, turn.state
    for player in state.players:
        if player.free:
            add_heat(player, -(LIE_LOW_DECAY if player.lying_low else HEAT_DECAY))
    market.end_of_turn(world, state, turn.streams)
    patrols.end_of_turn(state.patrols)
    for site in world.level.sites:
        if site.kind == "hospital":
            stock = state.sites[site.id].films
            for kind, most in sorted(site.films.items()):
                stock[kind] = min(most, stock.get(kind, 0) + HOSPITAL_RESTOCK)


def _calendar(turn: _Turn) -> None:
    """Advance the date by the level's days per turn; events dated after the old date, up to and including the
    new one, fire now (those on or before the start date were applied when the game was set up)."""
    world, state = turn.world, turn.state
    old = state.date
    state.date = old + dt.timedelta(days=world.level.calendar.days_per_turn)
    for event in world.level.events:
        if old < event.date <= state.date:
            apply_event(world, state, event.id)
            turn.event("news", f"{event.title}. {event.text}")
            for index, text in sweep(state, event.sweep) if event.sweep is not None else []:
                turn.event("arrested", text, index)
    for headline in state.news:
        turn.event("news", headline)
    state.turn += 1
    state.over = state.date > world.level.calendar.end


def apply_event(world: World, state: GameState, event_id: str) -> None:
    """A calendar event: base demand shifts, patrol pressure, masters released at every contact."""
    event = next(e for e in world.level.events if e.id == event_id)
    for shift in event.demand:
        for site_state in state.sites.values():
            for genre in sorted(site_state.base_demand):
                if shift.genre in ("all", genre):
                    site_state.base_demand[genre] = round(site_state.base_demand[genre] * shift.factor, 6)
    if event.patrol_pressure is not None:
        state.patrol_pressure = event.patrol_pressure
    for master_id in event.masters_added:
        if master_id not in state.masters_on_offer:
            state.masters_on_offer.append(master_id)
