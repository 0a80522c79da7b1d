"""The sentence screen after an arrest: dark, quiet, and true to what happened to people who did this."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.look import paint, theme
from game.ui.look.text import draw_paragraphs, render
from game.ui.scenes.common import Dismissable, FilmScene
from game.ui.widgets.button import Button

HISTORY = ("In the real Leningrad of these years, people who cut and sold records on X-ray film were tried for "
           "speculation or for spreading 'alien' music. Some paid fines; others, like members of the Golden Dog "
           "studio, were sent to labour camps for years. Some went back to the lathe when they came out.")


class ArrestScene(Dismissable, FilmScene):
    """'Sentenced to N evenings', what was taken, a historical note, and Continue."""

    name = "arrest"
    hint = "Enter or Esc: continue"
    glow_at = (0.5, 0.35)

    def __init__(self, sentence: int, what: str, year: int = 1955, on_close: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.sentence, self.year, self.on_close = sentence, year, on_close
        self.what = what.split(" Sentenced to")[0]  # the number is the title

    def build(self) -> None:
        w, h = self.size
        bw, bh = theme.px(300), theme.px(theme.BUTTON_H)
        self.add(Button("Serve the sentence  ›", self.close, ((w - bw) // 2, h - theme.px(190), bw, bh), style="danger",
                        tooltip="The evenings pass; End Turn still works while you are in custody."))

    def paint_static(self, surface: pygame.Surface) -> None:
        super().paint_static(surface)
        w, h = surface.get_size()
        surface.blit(paint.dim((w, h), 150), (0, 0))
        y = theme.px(90)
        stamp = render("ПРИГОВОР  ·  SENTENCE", "ui_bold", theme.SIZE_SMALL, theme.RED)
        surface.blit(stamp, ((w - stamp.get_width()) // 2, y))
        y += stamp.get_height() + theme.px(18)
        n = self.sentence
        title = paint.glow_text(f"Sentenced to {n} evening{'s' if n != 1 else ''}", "headline", 46, theme.BONE, theme.RED, theme.px(10))
        surface.blit(title, ((w - title.get_width()) // 2, y - theme.px(20)))
        y += theme.font("headline", 46).get_height() + theme.px(20)
        col = pygame.Rect((w - theme.px(700)) // 2, y, theme.px(700), theme.px(230))
        text = (f"{self.what}\n\nThe records you carried are gone. For {n} evening{'s' if n != 1 else ''} the city goes on "
                "without you: a cell at the district station, the investigator's questions, the court. Your rivals keep "
                "cutting and selling. When it is over you walk home to your workshop.")
        used = draw_paragraphs(surface, text, col, "serif", theme.SIZE_BODY, theme.BONE, 1.35, align="center")
        pygame.draw.line(surface, theme.RED_DARK, (col.left + theme.px(120), col.top + used + theme.px(10)),
                         (col.right - theme.px(120), col.top + used + theme.px(10)), 1)
        note = pygame.Rect(col.left, col.top + used + theme.px(24), col.width, theme.px(120))
        draw_paragraphs(surface, HISTORY, note, "italic", theme.SIZE_SMALL, theme.BONE_DIM, 1.35, align="center")
