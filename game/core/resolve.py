"""Turn resolution: every player's orders are resolved at once, step by step.

1. Orders are re-checked; refused orders become "stay put" (the reason goes into the report).
2. Movement: `move_allowance` steps. Each step every free bootlegger takes the next tile of their path and every
   patrol moves (see `patrols`); then every patrol looks (`CityMap.can_see`, radius x patrol pressure). A
   militia foot patrol or Komsomol brigade that sees records on a bootlegger may stop them (see `encounter`:
   one notice roll per patrol and player per turn) and goes on alert; an informer who notices adds heat. A bootlegger who passes within 2 tiles
   of an informer in sight spots them for good.
3. Actions where each bootlegger stands, in an order that rotates every turn (shared stock and demand).
4. Raids: a free player with heat H >= raid_heat is raided with p = (H - raid_heat + 10) / 100 x pressure:
   films, spare parts and hidden masters seized, a 30 rub fine; if they are home with records, arrested.
5. Custody: sentences count down; a released player reappears at their workshop.
6. Heat falls by 3 (12 when lying low); market demand recovers; hospitals restock two films of each kind.
7. Calendar events dated within the evening fire; the date advances; the state hash closes the turn.
"""

from __future__ import annotations

import datetime as dt

from game.core import market, patrols
from game.core.commands import Orders, add_heat, add_reputation, rubles
from game.core.encounter import Encounter, notice_chance
from game.core.hashing import state_hash
from game.core.report import TurnEvent, TurnReport
from game.core.rng import Streams
from game.core.state import KOPECKS, GameState, PlayerState
from game.core.world import World

INFORMER_HEAT = 8
SPOT_INFORMER_RANGE = 2
HEAT_DECAY = 3
LIE_LOW_DECAY = 12
RAID_FINE = 30 * KOPECKS
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

    def event(self, kind: str, text: str, player: int | None = None, **extra: object) -> None:
        self.report.events.append(TurnEvent(kind, text, player, **extra))  # type: ignore[arg-type]


def resolve_turn(world: World, state: GameState, orders: dict[int, Orders]) -> TurnReport:
    """Resolve one turn in place and return its report (which carries the new state hash)."""
    turn = _Turn(world, state)
    state.news = []
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
    _raids(turn)
    _custody(turn)
    _recovery(turn)
    _calendar(turn)
    turn.report.state_hash = state_hash(state)
    return turn.report


def _movement(turn: _Turn, orders: dict[int, Orders]) -> None:
    world, state = turn.world, turn.state
    paths = {i: list(o.path) for i, o in orders.items()}
    for step in range(world.level.rules.move_allowance):
        for player in state.players:
            path = paths[player.index]
            if player.free and path and player.index not in turn.stopped:
                player.pos = path.pop(0)
        for patrol in state.patrols:
            patrols.move_patrol(world, patrol, step, turn.streams)
        _look(turn, step, orders)
        turn.report.steps.append(
            {**{f"p{p.index}": p.pos for p in state.players if p.free}, **{q.id: q.pos for q in state.patrols}}
        )


def _look(turn: _Turn, step: int, orders: dict[int, Orders]) -> None:
    world, state = turn.world, turn.state
    city = world.city
    free = [p for p in state.players if p.free]
    for patrol in state.patrols:
        spec = world.patrol_specs[patrol.id]
        radius = spec.sight * state.patrol_pressure
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
            if not turn.streams.chance("encounter", notice_chance(player.heat, player.contraband, state.patrol_pressure)):
                continue
            if spec.kind == "informer":
                add_heat(player, INFORMER_HEAT * state.patrol_pressure)
                turn.event("watched", "Someone saw what you carried. Word will reach the militia.", player.index,
                           step=step, pos=player.pos, patrol=patrol.id)
                continue
            patrols.raise_alert(patrol, player.pos)
            _encounter(turn, step, patrol.id, spec.kind, player, orders[player.index])


def _encounter(turn: _Turn, step: int, patrol_id: str, kind: str, player: PlayerState, order: Orders) -> None:
    world, state = turn.world, turn.state
    who = "A militia patrol" if kind == "militia" else "A Komsomol brigade"
    enc = Encounter(kind, player.heat, player.contraband, world.city.is_cover(player.pos), state.patrol_pressure,
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
    player.records = []
    return taken


def _arrest(turn: _Turn, player: PlayerState, sentence: int, text: str, **where: object) -> None:
    raided = player.heat >= turn.world.level.rules.raid_heat
    player.sentence = sentence
    player.arrests += 1
    add_reputation(player, -5)
    player.heat = 40
    if raided:
        _seize_workshop(player)
        text += " They searched your workshop too."
    turn.event("arrested", f"{text} Sentenced to {sentence} turns.", player.index, **where)
    turn.state.news.append(f"Militia detain a speculator in forbidden records: {player.name}.")


def _seize_workshop(player: PlayerState) -> None:
    """A search of the workshop: films, spare parts and the hidden masters go (the lathe stays: too heavy)."""
    player.films = {kind: 0 for kind in player.films}
    player.spares = []
    player.masters = []


def _actions(turn: _Turn, orders: dict[int, Orders]) -> None:
    world, state = turn.world, turn.state
    n = len(state.players)
    for k in range(n):
        player = state.players[(state.turn + k) % n]
        action = orders[player.index].action
        if action is None or not player.free:
            continue
        reason = action.check(world, state, player, player.pos)
        if reason:
            turn.event("refused", f"You could not: {reason}.", player.index)
        else:
            turn.event("action", action.apply(world, state, turn.streams, player), player.index, pos=player.pos)


def _raids(turn: _Turn) -> None:
    world, state = turn.world, turn.state
    threshold = world.level.rules.raid_heat
    for player in state.players:
        if not player.free or player.heat < threshold:
            continue
        if not turn.streams.chance("raid", (player.heat - threshold + 10) / 100 * state.patrol_pressure):
            continue
        workshop = world.sites[player.workshop]
        _seize_workshop(player)
        player.money -= min(player.money, RAID_FINE)
        if player.pos == (workshop.at[0], workshop.at[1]) and player.contraband:
            seized = _confiscate(player)
            _arrest(turn, player, 4 + player.heat // 20, f"The militia raided your workshop and found {seized}.")
        else:
            turn.event("raid", "The militia raided your workshop: films, spare parts and masters seized, a fine paid.",
                       player.index)


def _custody(turn: _Turn) -> None:
    world, state = turn.world, turn.state
    for player in state.players:
        if player.free or any(e.kind == "arrested" and e.player == player.index for e in turn.report.events):
            continue
        player.sentence -= 1
        if player.free:
            workshop = world.sites[player.workshop]
            player.pos = (workshop.at[0], workshop.at[1])
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
    world, state = turn.world, turn.state
    days = world.level.calendar.days_per_turn
    evening_end = state.date + dt.timedelta(days=days)
    for event in world.level.events:
        if state.date <= event.date < evening_end:
            apply_event(world, state, event.id)
            turn.event("news", f"{event.title}. {event.text}")
    for headline in state.news:
        turn.event("news", headline)
    state.turn += 1
    state.date = evening_end
    state.over = state.date > world.level.calendar.end


def apply_event(world: World, state: GameState, event_id: str) -> None:
    """A calendar event: demand shifts (base and current), patrol pressure, masters released at every contact."""
    event = next(e for e in world.level.events if e.id == event_id)
    for shift in event.demand:
        for site_state in state.sites.values():
            for genre in sorted(site_state.base_demand):
                if shift.genre in ("all", genre):
                    site_state.base_demand[genre] = round(site_state.base_demand[genre] * shift.factor, 6)
                    site_state.demand[genre] = round(site_state.demand[genre] * shift.factor, 6)
    if event.patrol_pressure is not None:
        state.patrol_pressure = event.patrol_pressure
    for master_id in event.masters_added:
        if master_id not in state.masters_on_offer:
            state.masters_on_offer.append(master_id)
