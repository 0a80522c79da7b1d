"""The turn report as the evening paper: what happened to you ("Your evening"), your ledger (every figure that
changed, with its causes), the city's news as headlines and a market column, set on the `ReportScene`
newspaper page from a real `TurnReport`."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from game.core.report import TurnEvent, TurnReport
from game.core.view import PlayerView
from game.core.world import World, evening_count
from game.ui.play.hud import date_words
from game.ui.play.ledger import LedgerLine
from game.ui.scenes.report import ReportScene
from game.ui.widgets.newspaper import Article

BAD = {"arrested", "confiscated", "raid", "watched", "refused"}
HEADLINES = {
    "arrested": "Arrested in the street",
    "confiscated": "Records seized by a patrol",
    "raid": "The militia search your workshop",
    "bribed": "A word with the sergeant",
    "slipped": "A chase through the courtyards",
    "watched": "Somebody was watching",
    "informer_spotted": "A face that watches too closely",
    "released": "Free again",
    "refused": "Plans went wrong",
}
#: the rest of the paper: period city life (flavour only), picked by the evening's number
CITY_LIFE: tuple[tuple[str, str], ...] = (
    ("Weather", "Cloudy over the city, rain towards evening. Wind from the gulf; the Neva is high at the Mining Institute."),
    ("Plan fulfilled ahead of time", "The turbine shop of the Kirov works reports the quarter's plan done nine days early. "
     "The brigade of comrade Lukin is named best in the district."),
    ("At the theatres", "The Kirov Theatre gives 'Swan Lake' on Saturday. The Pushkin Theatre opens its season with a new "
     "production; tickets at the box office on Nevsky."),
    ("Against the 'stilyagi'", "The Komsomol district committee calls on young people to reject narrow trousers, foreign "
     "dances and music that is 'not ours'. Volunteer brigades will visit the dance floors."),
    ("Letters to the editor", "A reader from Ligovsky Prospekt asks when the lift in his building will be repaired. The "
     "housing office promises: this quarter."),
    ("Football", "Zenit and the Moscow guests shared the points at the Kirov stadium before sixty thousand spectators."),
    ("On the radio tonight", "A concert of Soviet song, then a talk on the fight for peace; at 22:00 the latest news."),
    ("Metro news", "Passengers have made a million journeys on the new Leningrad metro since it opened in November."),
    ("Vigilance", "Citizens are reminded that trading in goods of unknown origin is speculation, punishable under the law."),
)
DEMAND_WORDS = ((1.6, "craved"), (1.2, "in demand"), (0.85, "steady"), (0.5, "slack"), (0.0, "glutted"))
#: headlines for an evening's business, by words of the engine's sentence (first match wins)
ACTION_HEADLINES: tuple[tuple[str, str], ...] = (
    ("You cut", "An evening at the lathe"),
    ("You sold", "Business on the black market"),
    ("carried off", "Films from the hospital archive"),
    ("master", "A new master for the collection"),
    ("installed", "A new part on the lathe"),
    ("You bought", "A deal with a contact"),
    ("lay low", "A quiet evening indoors"),
    ("name", "A name given to the militia"),
)


def _own_headline(events: list[TurnEvent]) -> str:
    for kind in ("arrested", "raid", "confiscated", "released", "bribed", "slipped", "watched", "informer_spotted", "refused"):
        if any(e.kind == kind for e in events):
            return HEADLINES[kind]
    action = next((e for e in events if e.kind == "action"), None)
    if action is not None:
        return next((head for words, head in ACTION_HEADLINES if words in action.text), "A working evening")
    return "A quiet evening"


def _split_news(text: str) -> tuple[str, str]:
    """'Title. The rest.' -> (title, rest); a one-sentence item gets a short body of its own."""
    head, sep, rest = text.partition(". ")
    if sep and len(head) < 90:
        return head.rstrip("."), rest
    return text.rstrip("."), ""


def _market_column(world: World, view: PlayerView) -> str:
    parts = []
    for site_id in sorted(view.demand):
        if site_id not in view.sites or site_id not in world.sites:
            continue
        demand = view.demand[site_id]
        if not demand:
            continue
        genre = max(sorted(demand), key=lambda g: demand[g])
        word = next(w for floor, w in DEMAND_WORDS if demand[genre] >= floor)
        name = world.genres[genre].name if genre in world.genres else genre
        parts.append(f"{world.sites[site_id].name}: {name} {word}.")
    return " ".join(parts[:5]) or "Traders report a quiet week."


def ledger_text(ledger: Sequence[LedgerLine]) -> str:
    """The ledger as short paragraphs, one per figure."""
    return "\n".join(line.sentence for line in ledger)


def articles_for(world: World, report: TurnReport, view: PlayerView, seat: int,
                 ledger: Sequence[LedgerLine] = ()) -> list[Article]:
    """The page's articles for one seat's report: your evening, your ledger, the news, the market, the street."""
    own = [e for e in report.events if e.player == seat]
    news = [e for e in report.events if e.player is None]
    body = " ".join(e.text for e in own) or "You stayed at the workshop and nobody came knocking."
    bad = any(e.kind in BAD for e in own)
    articles = [Article(_own_headline(own), body, kind="danger" if bad else "lead", kicker="Your evening")]
    if ledger:
        articles.append(Article("Your ledger", ledger_text(ledger), kind="notice", kicker="What changed and why"))
    for e in news[:5]:
        head, rest = _split_news(e.text)
        articles.append(Article(head, rest or "Our correspondent reports from the district.", kicker="City news"))
    me = view.player
    articles.append(Article("Market report", _market_column(world, view)))
    if view.rivals:
        word = " ".join(f"{r.name} is {'still about' if r.free else 'in custody'}, reputation {r.reputation}"
                        f"{f', arrested {r.arrests} time(s)' if r.arrests else ''}." for r in view.rivals[:4])
        articles.append(Article("Word on the street", word))
    for i in range(max(0, 4 - len(news))):
        head, body = CITY_LIFE[(report.turn * 3 + i * 5) % len(CITY_LIFE)]
        articles.append(Article(head, body, kicker="City life" if i else ""))
    if not me.free:
        articles.append(Article("In custody", f"{me.sentence} evening{'s' if me.sentence != 1 else ''} left to serve.",
                                kind="notice"))
    return articles


def report_scene(world: World, report: TurnReport, view: PlayerView, seat: int,
                 on_continue: Callable[[], None] | None = None, ledger: Sequence[LedgerLine] = (),
                 auto_close: float | None = None) -> ReportScene:
    """The newspaper page for `report` (the evening that was resolved); `auto_close` seconds: it closes itself."""
    date_line = (f"{date_words(report.date)}  ·  No. {report.turn + 1}  ·  Evening {report.turn + 1} of "
                 f"{evening_count(world.level)}")
    return ReportScene(date_line, articles_for(world, report, view, seat, ledger), on_continue, auto_close=auto_close)
