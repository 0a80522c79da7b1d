"""The turn report as the evening paper: what happened to you ("Your evening"), your ledger (every figure that
changed, with its causes), the black market (your offers, what became of them, offers made to you), a
denunciation of you told plainly with what it means, buyers' new errands, the city's news as headlines and a
market column, set on the `ReportScene` newspaper page from a real `TurnReport`.

The report's own events carry the sentences (kinds `offer`, `trade`, `note`, ...); the view before the evening
(`before`) tells which of your offers were open tonight (an offer nobody took simply lapses: the paper says so),
whether you were named (`stats.denounced`) and which errands are new."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from game.core import trade
from game.core.commands import rubles
from game.core.report import TurnEvent, TurnReport
from game.core.resolve import HEAT_DECAY, LIE_LOW_DECAY
from game.core.state import Errand
from game.core.view import PlayerView
from game.core.world import World, evening_count
from game.ui.play.errands import errand_words
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


def _trade_notes(world: World, report: TurnReport, view: PlayerView, before: PlayerView | None,
                 notes: list[TurnEvent]) -> tuple[list[str], list[TurnEvent]]:
    """(the black market's lines from the evening's notes and lapsed offers, the notes that are about something
    else). An offer to you names its number; a rival taking yours repeats the engine's words for the goods."""
    lines: list[str] = []
    rest = list(notes)
    offered_to_me = [o for o in view.offers if o.buyer == view.seat and o.turn == report.turn]
    for offer in offered_to_me:
        note = next((n for n in rest if f"#{offer.id}" in n.text), None)
        if note is not None:
            rest.remove(note)
        lines.append(f"{view.rival_name(offer.seller)} offers you {trade.describe(world, offer)} for "
                     f"{rubles(offer.price)}. Open the Black market to look at it and accept it tonight; tomorrow it "
                     "lapses.")
    if before is not None:
        for offer in [o for o in before.offers if o.seller == before.seat and o.turn == before.turn - 1]:
            goods, name = trade.describe(world, offer), view.rival_name(offer.buyer)
            note = next((n for n in rest if goods in n.text and name in n.text), None)
            if note is not None:
                rest.remove(note)
                lines.append(note.text)
            else:
                lines.append(f"Nothing came of your offer to {name} of {goods} for {rubles(offer.price)}: it has "
                             "lapsed, and whatever you still hold is yours.")
    return lines, rest


def _denounced_article(world: World, view: PlayerView, before: PlayerView | None, notes: list[TurnEvent]) -> Article | None:
    """Being named to the militia, told plainly: what happened, who (if word got out) and what it means now."""
    named = before is not None and view.player.stats.denounced > before.player.stats.denounced
    if not named:
        return None
    me = view.player
    known = [view.rival_name(i) for i in me.grudges if before is None or i not in before.player.grudges]
    told = " ".join(n.text for n in notes)
    who = ("" if known and all(name in told for name in known) else
           f" Word reached you that it was {', '.join(known)}." if known else " Nobody says who it was.")
    raid = world.level.rules.raid_heat
    body = (told + who +
            f" Your heat is {me.heat} now; from {raid} the militia may search your workshop. Lying low at home cools "
            f"it by {LIE_LOW_DECAY} an evening instead of {HEAT_DECAY}; carry fewer records while they know your face.")
    if known:
        body += (" You could name them in turn at a militia station, if you have seen them with records or know "
                 "their workshop.")
    return Article("Your name was given to the militia", body.strip(), kind="danger", kicker="A denunciation")


def _errand_article(world: World, view: PlayerView, before: PlayerView | None) -> tuple[Article | None, list[Errand]]:
    """Buyers' errands that are new tonight (all open ones without `before`), with their bonus."""
    old = {e.id for e in before.errands} if before is not None else set()
    new = [e for e in view.errands if e.id not in old and e.site in world.sites]
    if not new:
        return None, []
    text = " ".join(errand_words(world, view, e) for e in new)
    return Article("A buyer's errand" if len(new) == 1 else "Buyers' errands", text, kind="notice", kicker="Wanted"), new


def _about_errand(world: World, text: str, errands: list[Errand]) -> bool:
    """Whether a news item announces one of `errands` (the errand article says it with the bonus)."""
    return any(e.site in world.sites and world.sites[e.site].name in text and "asking for" in text for e in errands)


def articles_for(world: World, report: TurnReport, view: PlayerView, seat: int,
                 ledger: Sequence[LedgerLine] = (), before: PlayerView | None = None) -> list[Article]:
    """The page's articles for one seat's report: your evening, your ledger, the black market, a denunciation,
    errands, the news, the market, the street."""
    own = [e for e in report.events if e.player == seat]
    notes = [e for e in own if e.kind == "note"]
    trade_lines, other_notes = _trade_notes(world, report, view, before, notes)
    trade_lines = [e.text for e in own if e.kind in ("offer", "trade")] + trade_lines
    denounced = _denounced_article(world, view, before, other_notes)
    if denounced is not None:
        other_notes = []
    evening = [e for e in own if e.kind not in ("note", "offer", "trade")] + other_notes
    news = [e for e in report.events if e.player is None]
    body = " ".join(e.text for e in evening) or "You stayed at the workshop and nobody came knocking."
    bad = any(e.kind in BAD for e in evening)
    if denounced is not None and not evening:  # a quiet evening at home, but for the knock on a door
        articles = [Article(denounced.headline, denounced.body, kind="danger", kicker="Your evening")]
    else:
        articles = [Article(_own_headline(evening), body, kind="danger" if bad else "lead", kicker="Your evening")]
        if denounced is not None:
            articles.append(denounced)
    if trade_lines:
        articles.append(Article("On the black market", " ".join(trade_lines), kind="notice", kicker="Between bootleggers"))
    if ledger:
        articles.append(Article("Your ledger", ledger_text(ledger), kind="notice", kicker="What changed and why"))
    errand_article, new_errands = _errand_article(world, view, before)
    if errand_article is not None:
        articles.append(errand_article)
    news = [e for e in news if not _about_errand(world, e.text, new_errands)]
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
                 auto_close: float | None = None, before: PlayerView | None = None) -> ReportScene:
    """The newspaper page for `report` (the evening that was resolved); `auto_close` seconds: it closes itself;
    `before`: the view at the evening's start (lapsed offers, a denunciation, new errands)."""
    date_line = (f"{date_words(report.date)}  ·  No. {report.turn + 1}  ·  Evening {report.turn + 1} of "
                 f"{evening_count(world.level)}")
    return ReportScene(date_line, articles_for(world, report, view, seat, ledger, before), on_continue,
                       auto_close=auto_close)
