"""The widget set: every control derives from `Widget` (base.py)."""

from game.ui.widgets.base import Widget
from game.ui.widgets.button import Button
from game.ui.widgets.chart import LineChart
from game.ui.widgets.controls import Choice, Slider, Toggle
from game.ui.widgets.label import Label, TextBlock
from game.ui.widgets.listview import ListView
from game.ui.widgets.newspaper import Article, NewspaperPage
from game.ui.widgets.panel import Card, Panel
from game.ui.widgets.progress import ProgressBar
from game.ui.widgets.textinput import TextInput

__all__ = ["Article", "Button", "Card", "Choice", "Label", "LineChart", "ListView", "NewspaperPage", "Panel", "ProgressBar",
           "Slider", "TextBlock", "TextInput", "Toggle", "Widget"]
