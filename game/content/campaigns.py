"""The shipped campaign: `levels/campaign/campaign.json`, a campaign manifest in the same format a mod's campaign
uses (`modmodels.Campaign`: chapters as level files relative to the manifest's folder, in playing order), each
chapter a campaign level checked like any level. Mods' campaigns come from `modset.ModSet.campaigns()`."""

from __future__ import annotations

from pathlib import Path

from game.content.catalog import base_catalog
from game.content.errors import ContentError, Problem
from game.content.loader import check_level
from game.content.modfolder import resolve
from game.content.modload import ModCampaign, ModLevel
from game.content.modmodels import Campaign
from game.content.reading import read_model

SHIPPED = Path(__file__).resolve().parents[2] / "levels" / "campaign" / "campaign.json"


def campaign_problems(path: Path = SHIPPED) -> tuple[ModCampaign | None, list[Problem]]:
    """The campaign in the manifest at `path` with every chapter checked, or None and every problem found."""
    parsed = read_model(path, "campaign", Campaign)
    if parsed.model is None:
        return None, parsed.problems
    problems = list(parsed.problems)
    chapters: list[ModLevel] = []
    for i, rel in enumerate(parsed.model.chapters):
        found = resolve(path.parent, rel, str(path), f"$.chapters[{i}]")
        if isinstance(found, Problem):
            problems.append(found)
            continue
        level, level_problems = check_level(found)
        problems += level_problems
        if level is None:
            continue
        if level.kind != "campaign":
            problems.append(Problem(str(found), "$.kind", "a campaign's chapter must be a campaign level",
                                    'set "kind": "campaign"'))
        chapters.append(ModLevel(found, level, base_catalog(), (), ""))
    if problems:
        return None, problems
    return ModCampaign(path, parsed.model, tuple(chapters), ""), []


def shipped_campaign(path: Path = SHIPPED) -> ModCampaign:
    """The game's own campaign; ContentError naming every problem if a file is broken."""
    campaign, problems = campaign_problems(path)
    if campaign is None:
        raise ContentError(problems)
    return campaign
