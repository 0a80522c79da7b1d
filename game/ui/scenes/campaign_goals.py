"""The campaign's hooks into the rest of the UI, in one place: the campaigns there are (the game's own and the
enabled mods'), a chapter's objectives for the game view's goal tracker (as the engine judges them: the view's
`chapter`) and where each happens, starting a chapter, and what won chapters add: Codex notes and the booth's
shelf of tracks of their era."""

from __future__ import annotations

import datetime as dt
from typing import Any

from game.content.modload import ModCampaign, ModLevel
from game.core.grid import Point
from game.core.objectives import chapter_of
from game.core.view import PlayerView
from game.core.world import BUYER_KINDS, World
from game.ui.files import campaign_progress, mods
from game.ui.files.codex_text import CodexEntry
from game.ui.widgets.goals import Goal

#: where an objective happens, by kind (the own workshop for cutting, installing and lying low)
PLACES: dict[str, tuple[str, ...]] = {
    "films": ("hospital",), "masters": ("contact",), "cut": ("workshop",), "upgrades": ("contact",),
    "sold": tuple(sorted(BUYER_KINDS)), "money": tuple(sorted(BUYER_KINDS)), "earned": tuple(sorted(BUYER_KINDS)),
    "outsell": tuple(sorted(BUYER_KINDS)), "rank": tuple(sorted(BUYER_KINDS)), "reputation": ("buyer",),
    "stay_free": ("workshop",), "heat_below": ("workshop",), "survive": ("workshop",),
}


def campaigns() -> tuple[list[ModCampaign], str]:
    """The game's own campaign first, then the enabled mods'; and a message if the game's own cannot be read."""
    from game.content.campaigns import campaign_problems

    shipped, problems = campaign_problems()
    found = [shipped] if shipped is not None else []
    error = "" if shipped is not None else "; ".join(str(p) for p in problems[:3])
    return found + mods.current().campaigns(), error


def find_chapter(level_id: str) -> tuple[ModCampaign, int] | None:
    """The campaign and chapter index a level belongs to (the first campaign that lists it)."""
    for campaign in campaigns()[0]:
        for i, chapter in enumerate(campaign.chapters):
            if chapter.level.id == level_id:
                return campaign, i
    return None


# ------------------------------------------------------------------ the game view's tracker


def chapter_goals(world: World, view: PlayerView) -> list[Goal]:
    """The chapter's objectives as tracker goals ([] outside the campaign): met ones ticked, failed ones marked,
    the current one with its progress; the hint says the figures and how to go about it."""
    spec, chapter = chapter_of(world.level), view.chapter
    if spec is None or chapter is None:
        return []
    goals = []
    for objective, status in zip(spec.objectives, chapter.objectives, strict=True):
        mark = "Failed: " if status.status == "failed" else ""
        hint = f"Now: {status.value}. {objective.hint}".strip()
        goals.append(Goal(mark + status.text, status.status == "met", status.progress, hint))
    return goals


def objective_place(world: World, view: PlayerView, index: int) -> Point | None:
    """The known place nearest the bootlegger where objective `index` is worked on (its own buyer for a sale
    at one site; a contact for parts, or home once a part is in hand; home for cutting and lying low)."""
    spec = chapter_of(world.level)
    if spec is None or not 0 <= index < len(spec.objectives):
        return None
    objective = spec.objectives[index]
    me = view.player
    kinds = PLACES.get(objective.kind, ())
    if objective.kind == "upgrades" and me.spares:
        kinds = ("workshop",)
    if objective.site is not None and objective.site in world.sites:
        site = world.sites[objective.site]
        return (site.at[0], site.at[1])
    if kinds == ("workshop",):
        home = world.sites.get(me.workshop)
        return (home.at[0], home.at[1]) if home is not None else None
    best: tuple[int, Point] | None = None
    for site_id in view.sites:
        site = world.sites.get(site_id)
        if site is None or site.kind not in kinds:
            continue
        at = (site.at[0], site.at[1])
        distance = world.city.distance(me.pos, at) if me.free else abs(at[0] - me.pos[0]) + abs(at[1] - me.pos[1])
        if distance >= 0 and (best is None or distance < best[0]):
            best = (distance, at)
    return best[1] if best else None


def show_objective(game: Any, index: int) -> None:
    """The tracker's "show me" in a chapter: say how, and plan the walk to where it happens."""
    spec = chapter_of(game.world.level)
    if game.app is None or spec is None or not 0 <= index < len(spec.objectives):
        return
    objective = spec.objectives[index]
    tile = objective_place(game.world, game.view, index)
    hint = objective.hint or "Every objective is judged at the end of each evening."
    game.app.notify(hint, "info", 7.0)
    if tile is None:
        return
    if game.map is not None:
        game.map.centre_on(tile)
    game.plan_to(tile)


# ------------------------------------------------------------------ starting a chapter


def start_chapter(app: Any, campaign: ModCampaign, index: int, difficulty: str) -> None:
    """Open chapter `index` of `campaign` in the game view, its briefing first (a seed new for every attempt)."""
    from game.session.campaign import chapter_session
    from game.ui.play.game_view import GameViewScene
    from game.ui.scenes.dialog import Dialog

    chapter = campaign.chapters[index]
    played = campaign_progress.read().progress.best(campaign.campaign.id, chapter.level.id).played
    try:
        session = chapter_session(chapter, 1946 + 100 * index + played, difficulty)
    except Exception as exc:  # noqa: BLE001 - a broken chapter becomes a message
        app.push(Dialog("This chapter cannot be opened", str(exc) or type(exc).__name__, width=720))
        return
    app.push(GameViewScene(session, 0, show_intro=True))


# ------------------------------------------------------------------ what won chapters add


def _won(progress: campaign_progress.Progress, campaign: ModCampaign) -> list[ModLevel]:
    won = set(progress.won_chapters(campaign.campaign.id))
    return [c for c in campaign.chapters if c.level.id in won]


def campaign_notes(progress: campaign_progress.Progress | None = None) -> list[CodexEntry]:
    """The Codex notes of every won chapter, in campaign order."""
    progress = progress or campaign_progress.read().progress
    notes = []
    for campaign in campaigns()[0]:
        for chapter in _won(progress, campaign):
            spec = chapter.level.chapter
            if spec is not None and spec.codex is not None:
                c = spec.codex
                notes.append(CodexEntry(c.id, c.title, c.years, c.text))
    return notes


def unlocked_year(progress: campaign_progress.Progress | None = None) -> int | None:
    """The latest last year of any won chapter (None: nothing won yet)."""
    progress = progress or campaign_progress.read().progress
    years = [c.level.calendar.end.year for campaign in campaigns()[0] for c in _won(progress, campaign)]
    return max(years) if years else None


def shelf_tracks(progress: campaign_progress.Progress | None = None) -> list[Any]:
    """The music library's tracks the campaign has unlocked: every track whose score or metadata is dated up to
    the last year of a won chapter, and those won chapters name in `tracks`; sorted by year."""
    from game.audio.library import list_tracks

    progress = progress or campaign_progress.read().progress
    year = unlocked_year(progress)
    named = {t for campaign in campaigns()[0] for c in _won(progress, campaign)
             for t in (c.level.chapter.tracks if c.level.chapter else [])}
    if year is None and not named:
        return []
    found = [t for t in list_tracks() if (year is not None and t.year <= year) or t.id in named]
    return sorted(found, key=lambda t: (t.year, t.title))


def shelf_entries(progress: campaign_progress.Progress | None = None) -> list[Any]:
    """The unlocked tracks as clean masters for the listening booth."""
    from game.ui.scenes.booth import Entry

    return [Entry(f"{t.title} ({t.year})", t.genre, t.id, None, 0, 0, 1.0, "master")
            for t in shelf_tracks(progress)]


def chapter_dates(level: Any) -> str:
    """'11 Nov 1946 – 21 Dec 1946'."""
    from game.core.objectives import date_text

    start: dt.date = level.calendar.start
    return f"{date_text(start)} – {date_text(level.calendar.end)}"
