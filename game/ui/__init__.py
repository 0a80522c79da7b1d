"""The pygame interface, by folder: `frame` (window, main loop, scene stack, clock, settings), `look` (theme, text,
materials), `widgets`, `art` (records, lathe, city map), `play` (the game view and its parts), `scenes` (every
other screen and the site panels), `files` (saves, level list, Codex notes), `sound` (the audio bridge)."""
