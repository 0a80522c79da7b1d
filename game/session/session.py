"""The session: the one object the UI and the command line talk to, whoever runs the engine.

`LocalSession` runs the engine in this process (single-player and skirmish, autoplay, replays). Human seats
submit orders; seats without orders at `end_turn` are played by the AI. Every turn's orders and hash go into
the command log, which is the replay and the save file at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from game.content.checks import catalog_problems, level_problems
from game.content.models import Catalog, Level
from game.core import ai
from game.core.commands import Orders
from game.core.hashing import state_hash
from game.core.report import TurnReport
from game.core.resolve import resolve_turn
from game.core.setup import DEFAULT_NAMES, new_game
from game.core.standings import Standing, standings
from game.core.view import PlayerView, player_view, report_for
from game.core.world import World
from game.session.memory import settle_memory
from game.session.replay import GameFile, GameFileError, TurnLog, read_game_file, write_game_file


class LocalSession:
    """`world` is what the UI may draw: the public world of the first human seat (no patrol routes, informer
    posts or rival workshops); the engine's own full world is `engine_world`, for the engine and tests only."""

    def __init__(self, level: Level, catalog: Catalog, players: int, seed: int, humans: tuple[int, ...] = (),
                 names: list[str] | None = None, level_path: str = "",
                 difficulty: str | dict[int, str] = "normal") -> None:
        names = list(names or DEFAULT_NAMES[:players])
        self.engine_world, self.state = new_game(level, catalog, players, seed, names)
        self.humans = tuple(sorted(humans))
        if isinstance(difficulty, str):
            difficulty = dict.fromkeys(range(players), difficulty)
        self.difficulty = {i: difficulty.get(i, "normal") for i in range(players)}
        self.pending: dict[int, Orders] = {}
        self._public: dict[int, World] = {}
        self._views: dict[int, PlayerView] = {}
        self.file = GameFile(level=level.model_dump(mode="json"), catalog=catalog.model_dump(mode="json"),
                             level_path=level_path, seed=seed, players=players,
                             names=[p.name for p in self.state.players], humans=list(self.humans),
                             difficulty=[self.difficulty[i] for i in range(players)])
        self.last_report: TurnReport | None = None
        settle_memory()  # the long pause of loading happens now, not during the first evening

    @property
    def world(self) -> World:
        return self.world_for(self.humans[0] if self.humans else 0)

    def world_for(self, seat: int) -> World:
        """The public world of a seat: what that player (person or AI) may know of the level."""
        if seat not in self._public:
            self._public[seat] = self.engine_world.public(self.state.players[seat].workshop)
        return self._public[seat]

    # ------------------------------------------------------------ playing

    @property
    def over(self) -> bool:
        return self.state.over

    def submit(self, index: int, orders: Orders) -> str | None:
        """Check and queue a seat's orders for this turn; returns the refusal reason (state untouched) or None."""
        reason = orders.check(self.engine_world, self.state, self.state.players[index])
        if reason is None:
            self.pending[index] = orders
        return reason

    def end_turn(self) -> TurnReport:
        """Fill AI seats, resolve the turn, log it, and return the full report (see `report(index)`)."""
        orders: dict[int, Orders] = {}
        for player in self.state.players:
            if player.index in self.pending:
                orders[player.index] = self.pending[player.index]
            elif player.index in self.humans:
                orders[player.index] = Orders()
            else:
                orders[player.index] = self.ai_orders(player.index)
        self.pending = {}
        self._views = {}
        report = resolve_turn(self.engine_world, self.state, orders)
        self.file.turns.append(TurnLog(orders=orders, hash=report.state_hash))
        self.last_report = report
        settle_memory()
        return report

    def ai_orders(self, index: int) -> Orders:
        """What the AI plays in seat `index`, from that seat's public world and view only. Orders the engine
        would refuse are cut back (no stop, then no action, then standing still) rather than lost whole."""
        orders = ai.decide(self.world_for(index), self.view(index), self.difficulty[index])
        player = self.state.players[index]
        for fallback in (orders, orders.model_copy(update={"stop": None}),
                         orders.model_copy(update={"stop": None, "action": None}),
                         Orders(accept=orders.accept), Orders()):
            if fallback.check(self.engine_world, self.state, player) is None:
                return fallback
        return Orders()

    def view(self, index: int) -> PlayerView:
        """Seat `index`'s view of the game now (computed once a turn; do not change it)."""
        if index not in self._views:
            self._views[index] = player_view(self.engine_world, self.state, index)
        return self._views[index]

    def report(self, index: int) -> TurnReport | None:
        """The last turn's report as seat `index` may see it."""
        if self.last_report is None:
            return None
        return report_for(self.engine_world, self.state, self.last_report, index)

    def standings(self) -> list[Standing]:
        return standings(self.engine_world, self.state)

    @property
    def state_hash(self) -> str:
        return state_hash(self.state)

    # ------------------------------------------------------------ files

    def save(self, path: Path) -> None:
        write_game_file(path, self.file)

    @classmethod
    def from_file(cls, path: Path, turns: int | None = None,
                  on_turn: Callable[[LocalSession, TurnReport], None] | None = None) -> LocalSession:
        """Rebuild a game from a save or replay by re-resolving its turns (all, or the first `turns`),
        checking every turn's hash; `on_turn` sees each report. Raises GameFileError naming the file and the
        first turn that differs."""
        game = read_game_file(path)
        try:
            level = Level.model_validate(game.level)
            catalog = Catalog.model_validate(game.catalog)
        except ValidationError as exc:
            raise GameFileError(f"{path}: the level stored in the file is not valid: {exc.errors()[0]['msg']}") from None
        problems = [p for p in catalog_problems(str(path), catalog) + level_problems(str(path), level, catalog)
                    if not p.where.endswith(".track")]  # a missing track only silences the booth
        if problems:
            first = problems[0]
            raise GameFileError(f"{path}: the level stored in the file is not valid: {first.where}: {first.message}")
        try:
            difficulty = {i: d for i, d in enumerate(game.difficulty)}
            session = cls(level, catalog, game.players, game.seed, tuple(game.humans), game.names, game.level_path,
                          difficulty)
        except ValueError as exc:
            raise GameFileError(f"{path}: {exc}") from None
        for number, logged in enumerate(game.turns[:turns]):
            for index, orders in sorted(logged.orders.items()):
                if index >= game.players:
                    raise GameFileError(f"{path}: turns[{number}].orders: no player {index}")
                session.pending[index] = orders
            report = session.end_turn()
            if on_turn is not None:
                on_turn(session, report)
            if report.state_hash != logged.hash:
                raise GameFileError(
                    f"{path}: turns[{number}]: the state hash differs from the recorded one "
                    f"({report.state_hash} != {logged.hash}); the file was changed or made by another version"
                )
        return session
