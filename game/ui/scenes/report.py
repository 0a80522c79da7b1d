"""The turn report as a period evening paper. `ReportScene` shows any list of Articles; `demo_report()` gives
the sample page used by the screenshot command until the game phase feeds real turns."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.ui import theme
from game.ui.scenes.common import FilmScene
from game.ui.widgets.button import Button
from game.ui.widgets.newspaper import Article, NewspaperPage


class ReportScene(FilmScene):
    """A newspaper page filling the screen and a Continue button (Enter or Esc continue)."""

    name = "report"
    hint = ""

    def __init__(self, date_line: str, articles: Sequence[Article], on_continue: Callable[[], None] | None = None,
                 masthead: str = "Evening Leningrad") -> None:
        super().__init__()
        self.date_line, self.articles, self.on_continue, self.masthead = date_line, tuple(articles), on_continue, masthead

    def proceed(self) -> None:
        if self.on_continue is not None:
            self.on_continue()
        elif self.app is not None:
            self.app.pop()

    def back(self) -> None:
        self.proceed()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            self.proceed()
            return True
        return False

    def build(self) -> None:
        w, h = self.size
        m = theme.px(28)
        bh = theme.px(theme.BUTTON_H)
        page_w = min(w - 2 * m, round((h - 2 * m) * 1.62))
        page = pygame.Rect((w - page_w) // 2, m, page_w, h - 2 * m - bh - theme.px(14))
        self.page = self.add(NewspaperPage(page, self.masthead, date_line=self.date_line, articles=self.articles))
        bw = theme.px(220)
        self.add(Button("Next evening  ›", self.proceed, (page.right - bw, page.bottom + theme.px(14), bw, bh), style="primary",
                        tooltip="Put the paper down and plan the next evening (Enter)."))


def demo_report() -> ReportScene:
    """A sample turn report with the kinds of article the game will print."""
    articles = [
        Article("Light cavalry raids the dance hall on Nevsky",
                "Komsomol volunteers of the Dzerzhinsky district, with officers of the militia, visited the Avrora "
                "dance hall on Saturday evening. Eleven young people in 'stilyaga' dress were taken to the district "
                "office; sixty-two records of dubious origin, cut on old X-ray film, were confiscated. The brigade "
                "commander reminds readers that trading in such 'music on ribs' is speculation and will be punished.",
                kind="lead", kicker="Against speculation"),
        Article("Stopped near the Haymarket",
                "A patrol stopped you on Sadovaya with four records under your coat. Twenty roubles changed hands "
                "and you walked on — but the sergeant will remember your face. Heat rose to 46.",
                kind="danger", kicker="Your evening"),
        Article("Boogie-woogie in demand at Kuznechny",
                "Dealers at the Kuznechny market report buyers asking for boogie-woogie and tango. Prices for a good "
                "clean side reached fourteen roubles; worn copies go for three."),
        Article("Hospital No. 3 clears its archive",
                "The film archive of the Kuibyshev hospital is being cleared for the new wing. Old radiographs are "
                "to be sent for silver recovery — if they are not carried off first."),
        Article("Rival seen at the port",
                "'Sailor' Kostya was seen buying from a Finnish deckhand on the Gutuevsky quay. His cuts are said to "
                "be the cleanest on the Ligovka."),
        Article("Weather", "Rain in the evening, +6°. On the islands wind from the gulf; the Neva is rising.", kind="notice"),
        Article("New jazz hour on the short waves",
                "Listeners on the upper floors of the Vyborg side report that a foreign jazz programme can be heard "
                "after midnight despite interference. The district committee calls on parents to watch their children's "
                "wireless sets."),
    ]
    return ReportScene("Saturday, 12 October 1957  ·  No. 241 (3717)  ·  Evening 38 of 120", articles)
