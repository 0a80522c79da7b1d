"""Layout checks for the UI tests: no widget leaves the screen, no two controls overlap, no control spills out of
the panel or card it sits on. Containers (panels, cards, the newspaper page) group other widgets and are checked
against each other and the screen only. A label counts by the text it draws (`drawn_rect`), so a name on the
left and its value on the right of one row are fine while they do not touch."""

from __future__ import annotations

from itertools import combinations

import pygame

from game.ui.frame.scene import Scene
from game.ui.widgets.newspaper import NewspaperPage
from game.ui.widgets.panel import Card, Panel

CONTAINERS = (Panel, Card, NewspaperPage)


def _name(w: object) -> str:
    label = getattr(w, "label", None) or getattr(w, "text", None) or getattr(w, "title", None) or ""
    return f"{type(w).__name__}({str(label)[:30]!r} at {tuple(w.rect)})"  # type: ignore[attr-defined]


def _extent(w: object) -> pygame.Rect:
    drawn = getattr(w, "drawn_rect", None)
    return drawn() if drawn is not None else w.rect  # type: ignore[attr-defined]


def layout_problems(scene: Scene) -> list[str]:
    """Every overlap or overflow among the scene's visible widgets, in words."""
    screen = pygame.Rect((0, 0), scene.size)
    shown = [w for w in scene.widgets if w.visible and _extent(w).width > 0 and _extent(w).height > 0]
    problems = [f"{_name(w)} leaves the {screen.size} screen" for w in shown if not screen.contains(_extent(w))]
    boxes = [w for w in shown if isinstance(w, CONTAINERS)]
    items = [w for w in shown if not isinstance(w, CONTAINERS)]
    for a, b in combinations(items, 2):
        if _extent(a).colliderect(_extent(b)):
            problems.append(f"{_name(a)} overlaps {_name(b)}")
    for a, b in combinations(boxes, 2):
        if a.rect.colliderect(b.rect) and not (a.rect.contains(b.rect) or b.rect.contains(a.rect)):
            problems.append(f"{_name(a)} overlaps {_name(b)}")
    for box in boxes:
        for w in items:
            if _extent(w).colliderect(box.rect) and not box.rect.contains(_extent(w)):
                problems.append(f"{_name(w)} spills out of {_name(box)}")
    return problems


#: the extremes the layout must hold at: (window size, UI scale chosen in Settings)
EXTREMES: tuple[tuple[tuple[int, int], float], ...] = (
    ((1024, 576), 0.75), ((1024, 576), 2.0), ((1280, 720), 2.0), ((2560, 1440), 2.0),
)


def check_scene_at_extremes(app, make) -> dict[str, list[str]]:  # noqa: ANN001
    """Push the scene(s) `make()` returns on `app`, then for each of EXTREMES resize and rescale the app, draw a
    frame and collect the top scene's layout problems (key: 'WxH@scale')."""
    import dataclasses

    made = make()
    for scene in made if isinstance(made, list) else [made]:
        app.push(scene)
    app.run_frames(1)
    out: dict[str, list[str]] = {}
    for size, scale in EXTREMES:
        app.apply_settings(dataclasses.replace(app.settings, ui_scale=scale), persist=False)
        app.resize(size)
        app.render()
        out[f"{size[0]}x{size[1]}@{scale}"] = layout_problems(app.top)
    return out
