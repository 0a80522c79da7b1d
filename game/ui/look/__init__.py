"""The look: palette, fonts and UI scale (`theme`), text rendering and wrapping (`text`), procedural materials (`paint`)."""
