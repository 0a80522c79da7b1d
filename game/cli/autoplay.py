"""`main.py autoplay`: an AI-only game, a line per turn, the standings and `hash <hex>` last.

`main.py autoplay --campaign [MANIFEST] [--difficulty D]`: every chapter of a campaign (the game's own, or the
campaign manifest given, e.g. a mod's) played by the automated campaign player (`session.chapter_player`)
against the chapter's rivals at difficulty D; per chapter won or lost, evenings used of the chapter's evenings
and each objective; last line `campaign won W of N`. `--passive` plays every chapter with a player who does
nothing (who must lose them all)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--level", help="level JSON file (in a mod folder: played with that mod)")
    parser.add_argument("--campaign", nargs="?", const="", metavar="MANIFEST",
                        help="play a campaign's chapters instead (default: the game's own campaign)")
    parser.add_argument("--difficulty", choices=("easy", "normal", "hard"), default="normal",
                        help="the AI level (campaign: the rivals' level before their skill; default normal)")
    parser.add_argument("--passive", action="store_true", help="campaign: seat 0 does nothing at all")
    parser.add_argument("--players", type=int, default=2, help="AI bootleggers (default 2)")
    parser.add_argument("--seed", type=int, default=1, help="game seed (default 1)")
    parser.add_argument("--turns", type=int, default=None, help="stop after this many turns (default: the level's end date)")
    parser.add_argument("--json", action="store_true", help="print one JSON object per turn instead of text")
    parser.add_argument("--record", metavar="FILE", help="write a replay file (level, seed, every turn's orders)")


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from game.content.errors import ContentError
    from game.content.modset import playable_level
    from game.session.autoplay import run_to_end
    from game.session.session import LocalSession

    if args.campaign is not None:
        return _campaign(args)
    if not args.level:
        print("autoplay: give --level FILE or --campaign", file=sys.stderr)
        return 2
    try:
        found = playable_level(Path(args.level))
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        session = LocalSession(found.level, found.catalog, args.players, args.seed, level_path=args.level,
                               difficulty=args.difficulty)
    except ValueError as exc:
        print(f"{args.level}: {exc}", file=sys.stderr)
        return 1
    run_to_end(session, args.turns, print, args.json)
    if args.record:
        session.save(Path(args.record))
        print(f"replay written to {args.record}", file=sys.stderr)
    return 0


def _campaign(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from game.content.errors import ContentError
    from game.session.autoplay import campaign_lines

    try:
        campaign = _load_campaign(Path(args.campaign) if args.campaign else None)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
    for line in campaign_lines(campaign, args.seed, args.difficulty, args.passive):
        print(line, flush=True)
    return 0


def _load_campaign(manifest: object):  # noqa: ANN202 - a ModCampaign, imported lazily
    """The game's own campaign, or the one in `manifest` (inside a mod folder: with that mod's content)."""
    from pathlib import Path

    from game.content.campaigns import shipped_campaign
    from game.content.errors import ContentError
    from game.content.modset import check_mod_folder, mod_folder_of

    if manifest is None:
        return shipped_campaign()
    path = Path(str(manifest))
    folder = mod_folder_of(path)
    if folder is None:
        return shipped_campaign(path)
    mod = check_mod_folder(folder)
    if not mod.ok:
        raise ContentError(mod.problems)
    found = next((c for c in mod.campaigns if c.path.resolve() == path.resolve()), None)
    if found is None:
        raise ContentError.single(str(path), "-", f"this campaign is not listed in {folder / 'mod.json'}",
                                  'add it to "campaigns"')
    return found
