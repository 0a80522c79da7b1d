"""Scenes: one module per screen (menu, set-up, settings, codex, help, saves, newspaper, standings, arrest, booth),
the modal `dialog`, shared bases (`common`) and the site panels (`panels/`)."""
